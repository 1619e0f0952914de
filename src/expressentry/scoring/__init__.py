"""How the CRS is scored: the machinery behind :mod:`expressentry.crs`.

Each module has one job, and each reads only the modules above it:

- :mod:`~expressentry.scoring.inputs`: a candidate's day-independent inputs,
  packed once as a record of named small int codes, and the layout of every
  memo code;
- :mod:`~expressentry.scoring.keys`: the typed inputs that decide each factor
  group and each explained line;
- :mod:`~expressentry.scoring.factors`: a CRS factor as one object (its dated
  table, how it reads a candidate, its points and words), and the factors the
  kernel scores one by one;
- :mod:`~expressentry.scoring.plan`: the rules of one day compiled into flat
  lookups, with the memos and the shared lines;
- :mod:`~expressentry.scoring.reasons`: the words of each line, quoting the
  values in force;
- :mod:`~expressentry.scoring.groups`: a factor group's points and lines from
  its key;
- :mod:`~expressentry.scoring.kernel`: one pass over IRCC's four sections.

The public functions, :func:`~expressentry.score` and
:func:`~expressentry.score_many`, live in :mod:`expressentry.crs`. This package
imports nothing itself, so importing one of its modules loads only what that
module needs.
"""
