"""The domain's vocabularies, spelled the way IRCC spells them.

Every enum is a :class:`~enum.StrEnum`, so its JSON form is its value.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum, unique

from expressentry.i18n import N_

__all__ = [
    "Ability",
    "AdaptabilityItem",
    "CanadianCredential",
    "CategoryId",
    "CrsSection",
    "EducationLevel",
    "EducationTier",
    "ForeignExperienceTier",
    "FrenchBonus",
    "FswFactor",
    "FundsExemptionCondition",
    "JobOfferKind",
    "LanguageTest",
    "MaritalStatus",
    "OfficialLanguage",
    "Program",
    "Teer",
    "WorkPlace",
]


@unique
class OfficialLanguage(StrEnum):
    """Canada's two official languages."""

    ENGLISH = "english"
    FRENCH = "french"

    @property
    def scale(self) -> str:
        """The benchmark levels are named in: CLB for English, NCLC for French."""
        return "NCLC" if self is OfficialLanguage.FRENCH else "CLB"


@unique
class Ability(StrEnum):
    """The four language abilities, in the order IRCC's CRS criteria list them."""

    SPEAKING = "speaking"
    LISTENING = "listening"
    READING = "reading"
    WRITING = "writing"


@unique
class LanguageTest(StrEnum):
    """Language tests IRCC designates for Express Entry."""

    IELTS_GENERAL = "ielts_general"
    CELPIP_GENERAL = "celpip_general"
    PTE_CORE = "pte_core"
    TEF_CANADA = "tef_canada"
    TCF_CANADA = "tcf_canada"

    @property
    def language(self) -> OfficialLanguage:
        """The official language the test assesses."""
        if self in (LanguageTest.TEF_CANADA, LanguageTest.TCF_CANADA):
            return OfficialLanguage.FRENCH
        return OfficialLanguage.ENGLISH

    @property
    def label(self) -> str:
        """The test's name as IRCC writes it: ``"IELTS General Training"``."""
        return _TEST_LABELS[self]


_TEST_LABELS = {
    LanguageTest.IELTS_GENERAL: N_("IELTS General Training"),
    LanguageTest.CELPIP_GENERAL: N_("CELPIP-General"),
    LanguageTest.PTE_CORE: N_("PTE Core"),
    LanguageTest.TEF_CANADA: N_("TEF Canada"),
    LanguageTest.TCF_CANADA: N_("TCF Canada"),
}


@unique
class EducationLevel(StrEnum):
    """Levels of education as the CRS criteria name them, lowest first."""

    LESS_THAN_SECONDARY = "less_than_secondary"
    SECONDARY = "secondary"
    ONE_YEAR = "one_year"
    """One-year post-secondary program."""
    TWO_YEAR = "two_year"
    """Two-year post-secondary program."""
    BACHELORS = "bachelors"
    """Bachelor's degree, or a post-secondary program of three years or more."""
    TWO_OR_MORE = "two_or_more"
    """Two or more certificates, diplomas or degrees, one of them for a program of 3+ years."""
    MASTERS = "masters"
    """Master's degree, or an entry-to-practice professional degree for a licensed occupation."""
    DOCTORAL = "doctoral"
    """Doctoral (PhD) degree."""

    _rank: int

    @property
    def rank(self) -> int:
        """Position in the list above, 0 for less than secondary and 7 for doctoral."""
        return self._rank  # set once below: rules compare levels for every candidate

    @property
    def label(self) -> str:
        """The level in the words of IRCC's CRS criteria."""
        return _EDUCATION_LABELS[self]


_EDUCATION_ORDER = tuple(EducationLevel)
for _position, _level in enumerate(_EDUCATION_ORDER):
    _level._rank = _position
_EDUCATION_LABELS = {
    EducationLevel.LESS_THAN_SECONDARY: N_("less than secondary school"),
    EducationLevel.SECONDARY: N_("secondary school diploma"),
    EducationLevel.ONE_YEAR: N_("one-year post-secondary program"),
    EducationLevel.TWO_YEAR: N_("two-year post-secondary program"),
    EducationLevel.BACHELORS: N_("bachelor's degree or program of 3+ years"),
    EducationLevel.TWO_OR_MORE: N_("two or more credentials, one of 3+ years"),
    EducationLevel.MASTERS: N_("master's or professional degree"),
    EducationLevel.DOCTORAL: N_("doctoral degree (PhD)"),
}


@unique
class CanadianCredential(StrEnum):
    """The highest credential earned in Canada, as the additional points ask."""

    NONE = "none"
    SECONDARY = "secondary"
    ONE_OR_TWO_YEAR = "one_or_two_year"
    """Post-secondary credential of one or two years."""
    THREE_YEAR_OR_MORE = "three_year_or_more"
    """Three years or more, or a master's, professional or doctoral degree of at least one year."""


@unique
class MaritalStatus(StrEnum):
    """Marital status as the Express Entry profile asks it."""

    NEVER_MARRIED = "never_married"
    MARRIED = "married"
    COMMON_LAW = "common_law"
    LEGALLY_SEPARATED = "legally_separated"
    DIVORCED = "divorced"
    WIDOWED = "widowed"
    ANNULLED = "annulled"

    @property
    def has_partner(self) -> bool:
        """Whether this status means a spouse or common-law partner exists."""
        return self in (MaritalStatus.MARRIED, MaritalStatus.COMMON_LAW)


@unique
class Teer(IntEnum):
    """NOC 2021 Training, Education, Experience and Responsibilities category."""

    TEER_0 = 0
    TEER_1 = 1
    TEER_2 = 2
    TEER_3 = 3
    TEER_4 = 4
    TEER_5 = 5


@unique
class Program(StrEnum):
    """The three federal programs Express Entry manages."""

    FSW = "fsw"
    """Federal Skilled Worker Program."""
    CEC = "cec"
    """Canadian Experience Class."""
    FST = "fst"
    """Federal Skilled Trades Program."""

    @property
    def label(self) -> str:
        """The program's name as IRCC writes it."""
        return _PROGRAM_LABELS[self]


_PROGRAM_LABELS = {
    Program.FSW: N_("Federal Skilled Worker Program"),
    Program.CEC: N_("Canadian Experience Class"),
    Program.FST: N_("Federal Skilled Trades Program"),
}


@unique
class CategoryId(StrEnum):
    """A category of category-based selection, across its versions.

    A :class:`~expressentry.rules.categories.Category` is one *version* of one of
    these (its occupation list changes from version to version). A ``StrEnum``,
    so ``CategoryId.STEM == "stem"``; each value is the ``category_id`` of the
    shipped occupation lists.
    """

    FRENCH = "french"
    """French-language proficiency (2023 onward)."""
    HEALTHCARE = "healthcare"
    """Healthcare occupations (2023 version)."""
    HEALTHCARE_SOCIAL_SERVICES = "healthcare_social_services"
    """Healthcare and social services occupations (2025 onward)."""
    STEM = "stem"
    """Science, technology, engineering and math (STEM) occupations."""
    TRADES = "trades"
    """Trade occupations."""
    TRANSPORT = "transport"
    """Transport occupations (2023 version)."""
    AGRICULTURE = "agriculture"
    """Agriculture and agri-food occupations."""
    EDUCATION = "education"
    """Education occupations (2025 onward)."""
    PHYSICIANS_CANADIAN_EXPERIENCE = "physicians_canadian_experience"
    """Physicians with Canadian work experience (2026)."""
    RESEARCHERS_CANADIAN_EXPERIENCE = "researchers_canadian_experience"
    """Researchers with Canadian work experience (2026)."""
    SENIOR_MANAGERS_CANADIAN_EXPERIENCE = "senior_managers_canadian_experience"
    """Senior managers with Canadian work experience (2026)."""
    SKILLED_MILITARY_RECRUITS = "skilled_military_recruits"
    """Skilled military recruits (2026)."""


@unique
class JobOfferKind(StrEnum):
    """How the CRS arranged-employment points classify a qualifying offer."""

    MAJOR_GROUP_00 = "major_group_00"
    """Senior managers, NOC 2021 major group 00 (TEER 0)."""
    OTHER_SKILLED = "other_skilled"
    """Any other TEER 0, 1, 2 or 3 occupation."""

    @classmethod
    def of(cls, noc: str) -> JobOfferKind:
        """The kind of an offer in the NOC 2021 unit group ``noc`` (five digits)."""
        return cls.MAJOR_GROUP_00 if noc[:2] == "00" else cls.OTHER_SKILLED


@unique
class CrsSection(StrEnum):
    """The four sections of the Comprehensive Ranking System, in IRCC's order."""

    CORE = "core"
    """A. Core / human capital factors."""
    SPOUSE = "spouse"
    """B. Spouse or common-law partner factors."""
    TRANSFERABILITY = "transferability"
    """C. Skill transferability factors."""
    ADDITIONAL = "additional"
    """D. Additional points."""


@unique
class EducationTier(StrEnum):
    """Education as skill transferability groups it (the most misread CRS rule).

    A one-year diploma, a two-year diploma and a bachelor's degree share one tier;
    two or more credentials, a master's and a doctorate share the top tier.
    """

    SECONDARY_OR_LESS = "secondary_or_less"
    POST_SECONDARY = "post_secondary"
    """One-year, two-year or bachelor's (3+ years) credential."""
    TWO_OR_MORE_OR_GRADUATE = "two_or_more_or_graduate"
    """Two or more credentials (one of 3+ years), master's, professional or doctoral."""

    @classmethod
    def of(cls, level: EducationLevel) -> EducationTier:
        """The transferability tier of an education level."""
        if level.rank <= EducationLevel.SECONDARY.rank:
            return cls.SECONDARY_OR_LESS
        if level.rank <= EducationLevel.BACHELORS.rank:
            return cls.POST_SECONDARY
        return cls.TWO_OR_MORE_OR_GRADUATE


@unique
class ForeignExperienceTier(StrEnum):
    """Years of foreign skilled work as skill transferability groups them.

    The years each tier needs are rule data, dated and replaceable:
    :data:`~expressentry.rules.crs_transferability.FOREIGN_EXPERIENCE_YEARS`.
    """

    NONE = "none"
    ONE_OR_TWO_YEARS = "one_or_two_years"
    THREE_OR_MORE_YEARS = "three_or_more_years"


@unique
class FrenchBonus(StrEnum):
    """The two cases of the additional points for French-language skills."""

    ENGLISH_CLB_4_OR_LESS = "english_clb_4_or_less"
    """NCLC 7+ in all four French abilities, and English CLB 4 or less (or no English test)."""
    ENGLISH_CLB_5_OR_MORE = "english_clb_5_or_more"
    """NCLC 7+ in all four French abilities, and English CLB 5+ in all four."""


@unique
class FswFactor(StrEnum):
    """The six selection factors of the Federal Skilled Worker grid, in IRCC's order."""

    LANGUAGE = "language"
    EDUCATION = "education"
    EXPERIENCE = "experience"
    AGE = "age"
    ARRANGED_EMPLOYMENT = "arranged_employment"
    ADAPTABILITY = "adaptability"


@unique
class AdaptabilityItem(StrEnum):
    """The elements of the FSW adaptability factor (IRPR s. 83), in IRCC's order."""

    SPOUSE_LANGUAGE = "spouse_language"
    """Accompanying spouse or partner: CLB/NCLC 4 or more in all four abilities."""
    PAST_STUDY = "past_study"
    """The applicant: 2+ academic years of full-time study in Canada."""
    SPOUSE_PAST_STUDY = "spouse_past_study"
    """Accompanying spouse or partner: 2+ academic years of full-time study in Canada."""
    PAST_WORK = "past_work"
    """The applicant: 1+ year of full-time skilled (TEER 0-3) work in Canada."""
    SPOUSE_PAST_WORK = "spouse_past_work"
    """Accompanying spouse or partner: 1+ year of full-time authorized work in Canada."""
    ARRANGED_EMPLOYMENT = "arranged_employment"
    """Arranged employment in Canada, as for the arranged employment factor."""
    RELATIVE_IN_CANADA = "relative_in_canada"
    """A relative 18 or older, citizen or permanent resident, living in Canada."""

    @property
    def label(self) -> str:
        """The element in the words of IRCC's six selection factors page."""
        return _ADAPTABILITY_LABELS[self]


_ADAPTABILITY_LABELS = {
    AdaptabilityItem.SPOUSE_LANGUAGE: "spouse's or partner's language level (CLB/NCLC 4+)",
    AdaptabilityItem.PAST_STUDY: "your past studies in Canada",
    AdaptabilityItem.SPOUSE_PAST_STUDY: "your spouse's or partner's past studies in Canada",
    AdaptabilityItem.PAST_WORK: "your past work in Canada",
    AdaptabilityItem.SPOUSE_PAST_WORK: "your spouse's or partner's past work in Canada",
    AdaptabilityItem.ARRANGED_EMPLOYMENT: "arranged employment in Canada",
    AdaptabilityItem.RELATIVE_IN_CANADA: "relatives in Canada",
}


@unique
class FundsExemptionCondition(StrEnum):
    """What an FSW or FST candidate must have to need no proof of settlement funds."""

    AUTHORIZED_TO_WORK = "authorized_to_work"
    """Currently authorized to work in Canada."""
    VALID_JOB_OFFER = "valid_job_offer"
    """A valid job offer (arranged employment) in Canada."""


@unique
class WorkPlace(StrEnum):
    """Where the work a category counts may have been done."""

    CANADA_OR_ABROAD = "canada_or_abroad"
    CANADA = "canada"
