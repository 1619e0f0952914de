"""A person's highest education, and whether an ECA makes it count."""

from __future__ import annotations

from datetime import date
from typing import Any

from attrs import field, frozen

from expressentry.enums import (
    CanadianCredential,
    EducationLevel,
)
from expressentry.models._fields import Checks, Specs, is_date, member_of, optional

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
_EDUCATION_CHECKED: dict[
    tuple[EducationLevel, CanadianCredential, bool], tuple[EducationLevel, bool]
] = {}
"""The scored level, and whether an ECA is needed, of each valid (level, credential,
no ECA) already checked (at most 64)."""

_EDUCATION_TYPES: Specs = (
    ("level", member_of(EducationLevel)),
    ("canadian_credential", member_of(CanadianCredential)),
    ("eca_issued", optional(is_date)),
)


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

    def __attrs_post_init__(self) -> None:
        c = Checks("Education")
        f: Any = self  # the fields as given, of any type until checked
        level, credential, eca = f.level, f.canadian_credential, f.eca_issued
        if not (
            type(level) is EducationLevel
            and type(credential) is CanadianCredential
            and (eca is None or type(eca) is date)
        ):
            c.types(self, _EDUCATION_TYPES)
            c.done()  # the checks below compare the level and the credential
        key = (level, credential, eca is None)
        known = _EDUCATION_CHECKED.get(key)
        if known is not None:  # the same level, credential and ECA or not: checked before
            object.__setattr__(self, "_scored_level", known[0])
            object.__setattr__(self, "_needs_eca", known[1])
            return
        need = _NEEDS[credential]
        c.require(
            level.rank >= need.rank,
            "canadian_credential",
            credential.value,
            f"needs a level of {need.value} or higher (level is {level.value})",
        )
        covered = level.rank <= _COVERS[credential].rank
        c.require(
            credential is CanadianCredential.NONE or covered or eca is not None,
            "eca_issued",
            eca,
            f"a {level.value} level above the Canadian "
            f"{credential.value} credential must be foreign, "
            "so it needs the ECA issue date",
        )
        c.done()
        needs = level is not EducationLevel.LESS_THAN_SECONDARY and not covered
        scored = level if eca is not None or not needs else EducationLevel.LESS_THAN_SECONDARY
        _EDUCATION_CHECKED[key] = (scored, needs)
        object.__setattr__(self, "_scored_level", scored)
        object.__setattr__(self, "_needs_eca", needs)

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
