"""A factor a reform adds to the CRS (:meth:`~expressentry.rules.RuleSet.add_factor`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from attrs import frozen

from expressentry._reprs import cut
from expressentry.enums import CrsSection
from expressentry.errors import FieldProblem, InvalidInputError
from expressentry.i18n import tr
from expressentry.rules._timeline import Source

if TYPE_CHECKING:
    from expressentry.models import Candidate

__all__ = ["AddedFactor"]


@frozen(kw_only=True, repr=False)
class AddedFactor:
    """A factor a reform adds to the CRS, such as a proposed high-wage factor.

    Its repr names the factor: ``AddedFactor('reform.high_wage', additional,
    'A job offer paying twice the median wage')``.

    Attributes:
        rule_id: Id cited by the factor's lines, e.g. ``"reform.high_wage"``;
            their ``factor`` is :func:`~expressentry.rules.factor_of` it.
        section: The CRS section whose cap and subtotal it joins.
        title: What the factor rewards, in words.
        points: ``(candidate, as_of) -> (points, reason)``; the reason is the
            line's plain explanation. Points must be a whole number (an
            ``int``), 0 or more; the reason a string.
        source: Where the proposal is published.

    Raises:
        InvalidInputError: a field of the wrong type (``points`` not a function,
            ``section`` not a :class:`~expressentry.enums.CrsSection`...) or an
            empty ``rule_id``, every problem named.
    """

    rule_id: str
    section: CrsSection
    title: str
    points: Callable[[Candidate, date], tuple[int, str]]
    source: Source

    def __attrs_post_init__(self) -> None:
        rule_id: object = self.rule_id  # each of any type at run time
        section: object = self.section
        title: object = self.title
        points: object = self.points
        source: object = self.source
        sections = ", ".join(s.value for s in CrsSection)
        checks = (
            ("rule_id", rule_id, isinstance(rule_id, str) and bool(rule_id.strip()),
             'must be a non-empty string, e.g. "reform.high_wage"'),
            ("section", section, isinstance(section, CrsSection),
             f"must be a CrsSection ({sections})"),
            ("title", title, isinstance(title, str), "must be a string"),
            ("points", points, callable(points),
             "must be a function (candidate, as_of) -> (points, reason)"),
            ("source", source, isinstance(source, Source), "must be a Source"),
        )  # fmt: skip
        problems = [FieldProblem(name, value, words) for name, value, ok, words in checks if not ok]
        if problems:
            raise InvalidInputError("AddedFactor", problems)

    def score(self, candidate: Candidate, as_of: date) -> tuple[int, str]:
        """The factor's points and reason for ``candidate`` on ``as_of``, checked.

        Raises:
            InvalidInputError: ``points`` returned something other than a pair of
                a whole number of 0 or more and a string, naming the factor.
        """
        found: object = self.points(candidate, as_of)
        points: object = None
        reason: object = None
        if isinstance(found, tuple) and len(found) == 2:
            points, reason = found
        if (
            isinstance(points, int)
            and not isinstance(points, bool)
            and points >= 0
            and isinstance(reason, str)
        ):
            return points, reason
        message = tr("must return (points, reason): a whole number of 0 or more and a string")
        owner = f"AddedFactor {self.rule_id!r}"
        raise InvalidInputError(owner, [FieldProblem("points", found, message)])

    def __repr__(self) -> str:
        return f"AddedFactor({self.rule_id!r}, {self.section.value}, {cut(self.title, 80)!r})"
