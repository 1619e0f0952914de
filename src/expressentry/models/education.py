"""A person's highest education, and whether an ECA makes it count."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from attrs import field, frozen

from expressentry._memo import Shared
from expressentry.enums import (
    CanadianCredential,
    EducationLevel,
)
from expressentry.errors import FieldProblem
from expressentry.i18n import tr
from expressentry.models._fields import Checks, Specs, is_date, member_of, optional
from expressentry.models._pickling import codes, day, maker

_COVERS = {
    CanadianCredential.NONE: EducationLevel.LESS_THAN_SECONDARY,
    CanadianCredential.SECONDARY: EducationLevel.SECONDARY,
    CanadianCredential.ONE_OR_TWO_YEAR: EducationLevel.TWO_YEAR,
    CanadianCredential.THREE_YEAR_OR_MORE: EducationLevel.DOCTORAL,
}
_NEEDS = {
    CanadianCredential.NONE: EducationLevel.LESS_THAN_SECONDARY,
    CanadianCredential.SECONDARY: EducationLevel.SECONDARY,
    CanadianCredential.ONE_OR_TWO_YEAR: EducationLevel.ONE_YEAR,
    CanadianCredential.THREE_YEAR_OR_MORE: EducationLevel.BACHELORS,
}
_EDUCATION_CHECKS: Specs = (
    ("level", member_of(EducationLevel)),
    ("canadian_credential", member_of(CanadianCredential)),
    ("eca_issued", optional(is_date)),
)

_Reading = tuple[EducationLevel, bool, tuple[FieldProblem, ...]]
"""The level scored, whether an ECA is needed, and the problems of the combination."""


def _read(level: EducationLevel, credential: CanadianCredential, no_eca: bool) -> _Reading:
    """What a level, a Canadian credential and an ECA (or none) make together."""
    problems: list[FieldProblem] = []
    need = _NEEDS[credential]
    if level.rank < need.rank:
        message = tr(
            "needs a level of {need} or higher (level is {level})",
            need=need.value,
            level=level.value,
        )
        problems.append(FieldProblem("canadian_credential", credential.value, message))
    covered = level.rank <= _COVERS[credential].rank
    if credential is not CanadianCredential.NONE and not covered and no_eca:
        message = tr(
            "a {level} level above the Canadian {credential} credential "
            "must be foreign, so it needs the ECA issue date",
            level=level.value,
            credential=credential.value,
        )
        problems.append(FieldProblem("eca_issued", None, message))
    needs = level is not EducationLevel.LESS_THAN_SECONDARY and not covered
    scored = level if not no_eca or not needs else EducationLevel.LESS_THAN_SECONDARY
    return scored, needs, tuple(problems)


_READINGS: dict[tuple[EducationLevel, CanadianCredential, bool], _Reading] = {
    (level, credential, no_eca): _read(level, credential, no_eca)
    for level in EducationLevel
    for credential in CanadianCredential
    for no_eca in (True, False)
}
"""Every combination read once, when the module is loaded (64 of them): a table of
the rules, not a cache."""


def reading(level: EducationLevel, credential: CanadianCredential, eca: date | None) -> _Reading:
    """The level scored, whether an ECA is needed, and the problems of the three together."""
    return _READINGS[level, credential, eca is None]


@frozen(kw_only=True)
class Education:
    """A person's highest education and how IRCC can recognise it.

    Education earns CRS points only when it is Canadian or a foreign credential
    with an Educational Credential Assessment (ECA).

    Attributes:
        level: Highest level, as the CRS names levels.
        canadian_credential: The highest credential earned in Canada.
        eca_issued: Issue date of the ECA report for a foreign credential.
    """

    level: EducationLevel
    canadian_credential: CanadianCredential = CanadianCredential.NONE
    eca_issued: date | None = None
    _scored_level: EducationLevel = field(init=False, repr=False, eq=False)
    _needs_eca: bool = field(init=False, repr=False, eq=False)
    field_checks: ClassVar[Specs]
    """Each field's own check: its type, then the rules it obeys alone."""

    def __attrs_post_init__(self) -> None:
        f: Any = self  # the fields as given, of any type until checked
        level, credential, eca = f.level, f.canadian_credential, f.eca_issued
        if not (
            type(level) is EducationLevel
            and type(credential) is CanadianCredential
            and (eca is None or type(eca) is date)
        ):
            c = Checks("Education")
            c.types(self, _EDUCATION_CHECKS)
            c.done()  # the checks below compare the level and the credential
        scored, needs, problems = _READINGS[level, credential, eca is None]
        if problems:
            c = Checks("Education")
            c.problems.extend(problems)
            c.done()
        object.__setattr__(self, "_scored_level", scored)
        object.__setattr__(self, "_needs_eca", needs)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its fields; what it derives is read again (see ``_pickling``)."""
        return unpack, (pack(self),)

    @property
    def scored_level(self) -> EducationLevel:
        """The level that earns points, ``level`` if recognized, else the lowest."""
        return self._scored_level

    @property
    def recognized(self) -> bool:
        """Whether the level can earn points (Canadian, with an ECA, or none needed)."""
        return self.eca_issued is not None or not self.needs_eca

    @property
    def needs_eca(self) -> bool:
        """Whether the level must be foreign, so only an ECA makes it count.

        A level the Canadian credential covers may be that credential itself.

        >>> Education(level=EducationLevel.MASTERS,
        ...           canadian_credential=CanadianCredential.ONE_OR_TWO_YEAR,
        ...           eca_issued=date(2024, 1, 1)).needs_eca
        True
        """
        return self._needs_eca  # worked out once per level and credential

    @property
    def canadian_level(self) -> EducationLevel | None:
        """The lowest level the Canadian credential can be, or ``None`` without one.

        >>> Education(level=EducationLevel.MASTERS, eca_issued=date(2024, 1, 1),
        ...           canadian_credential=CanadianCredential.ONE_OR_TWO_YEAR).canadian_level
        <EducationLevel.ONE_YEAR: 'one_year'>
        """
        if self.canadian_credential is CanadianCredential.NONE:
            return None
        return _NEEDS[self.canadian_credential]


Education.field_checks = _EDUCATION_CHECKS

_MAKE = maker(
    Education,
    ("level", "canadian_credential", "eca_issued", "_scored_level", "_needs_eca"),
)
_LEVELS, _LEVEL_CODES = codes(EducationLevel)
_CREDENTIALS, _CREDENTIAL_CODES = codes(CanadianCredential)
_SHARED: Shared[int, Education] = Shared(size=1 << 12)
"""Each education unpickled once per process: most profiles share a few dozen."""


def pack(e: Education) -> tuple[Any, ...]:
    """The fields of ``e``: its enums by number, its date as a day number (see ``_pickling``)."""
    eca = e.eca_issued
    return (
        _LEVEL_CODES[e.level],
        _CREDENTIAL_CODES[e.canadian_credential],
        None if eca is None else eca.toordinal(),
    )


def unpack(state: tuple[Any, ...]) -> Education:
    """The education :func:`pack` packed (one object per education in a process)."""
    return build(*state)


def shared(level: EducationLevel, credential: CanadianCredential, eca: date | None) -> Education:
    """The education of ``level``, ``credential`` and ``eca``, unchecked: one object per education.

    For a reader that has checked the three values (``reading`` finds no problem):
    the profiles of a pool share a few dozen educations, held once in a process.
    """
    return build(
        _LEVEL_CODES[level], _CREDENTIAL_CODES[credential], None if eca is None else eca.toordinal()
    )


def build(level_code: int, credential_code: int, eca: int | None) -> Education:
    """The education of a level and a credential (by number) and an ECA day number, unchecked.

    One object per education in a process (see ``_pickling``).
    """
    key = (-1 if eca is None else eca) << 8 | level_code << 4 | credential_code
    found = _SHARED.entries.get(key)
    if found is not None:
        return found
    level, credential = _LEVELS[level_code], _CREDENTIALS[credential_code]
    scored, needs, _ = _READINGS[level, credential, eca is None]
    issued = None if eca is None else day(eca)
    return _SHARED.keep(key, _MAKE(level, credential, issued, scored, needs))
