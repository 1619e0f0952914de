"""Dates and deadlines: what is valid on a day, the pool, readiness for an invitation, the forecast.

One module per job:

- :mod:`~expressentry.timelines.validity`: the one document-validity rule scoring
  and every eligibility check apply, and the pool rule
  (:func:`~expressentry.timelines.validity.in_pool_on`);
- :mod:`~expressentry.timelines.documents`: every document on a day
  (:func:`~expressentry.validity_on`);
- :mod:`~expressentry.timelines.deadlines`: an invitation's deadline
  (:func:`~expressentry.ita_deadline`);
- :mod:`~expressentry.timelines.pool`: the profile in the pool
  (:func:`~expressentry.pool_status`);
- :mod:`~expressentry.timelines.readiness`: readiness for an invitation
  (:func:`~expressentry.ita_readiness`);
- :mod:`~expressentry.timelines.forecast`: the days a score or eligibility will
  change (:func:`~expressentry.forecast`).

The periods are dated rules in :mod:`expressentry.rules.timelines`. This package
imports none of its modules: scoring and eligibility import
:mod:`~expressentry.timelines.validity`, and the others import scoring and
eligibility.
"""
