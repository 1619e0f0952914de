"""expressentry: Canada's Express Entry rules, dated, explained and typed.

>>> import expressentry
>>> from datetime import date
>>> profile = expressentry.example_profile()
>>> expressentry.score(profile, as_of=date(2026, 11, 22)).total
574
>>> [p.value for p in expressentry.assess(profile, as_of=date(2026, 11, 22)).eligible_programs]
['fsw', 'cec']
"""

from __future__ import annotations

from expressentry.batch import Failure, PoolResult
from expressentry.crs import score, score_many
from expressentry.draws import (
    PoolDistribution,
    Quirk,
    Round,
    RoundKind,
    find_rounds,
    load_rounds,
    rounds,
    trends,
    yearly_summary,
)
from expressentry.eligibility import (
    CategoryResult,
    EligibilityReport,
    FswGrid,
    GridLine,
    ProgramResult,
    Requirement,
    Status,
    Verdict,
    assess,
    fsw_grid,
)
from expressentry.enums import (
    Ability,
    CanadianCredential,
    CategoryId,
    CrsSection,
    EducationLevel,
    EducationTier,
    ForeignExperienceTier,
    FrenchBonus,
    JobOfferKind,
    LanguageTest,
    MaritalStatus,
    OfficialLanguage,
    Program,
    Teer,
    WorkPlace,
)
from expressentry.errors import (
    MISSING,
    DataError,
    ExpressEntryError,
    FieldProblem,
    InternalError,
    InvalidInputError,
    InvalidProfileError,
    RulesNotInForceError,
)
from expressentry.experience import Experience, canadian_experience, foreign_experience
from expressentry.explain import CrsBreakdown, PointLine, RuleRef
from expressentry.forecasts import (
    Forecast,
    ForecastEvent,
    ForecastState,
    Milestone,
    MilestoneKind,
    Verdicts,
    forecast,
    forecast_many,
)
from expressentry.models import (
    Candidate,
    Education,
    JobOffer,
    LanguageResult,
    PoliceCertificate,
    Spouse,
    WorkHistory,
    WorkPeriod,
)
from expressentry.noc import Occupation, occupation
from expressentry.rules import AddedFactor, RuleSet, Source, rules_for
from expressentry.rules.categories import Category, categories_in_force, categories_listing
from expressentry.rules.programs import is_trade
from expressentry.serialization import (
    example_profile,
    from_dict,
    from_json,
    to_dict,
    to_json,
)
from expressentry.timelines import (
    Document,
    DocumentStatus,
    PoolStatus,
    Readiness,
    Validity,
    ita_deadline,
    ita_readiness,
    pool_status,
    validity_on,
)

__version__ = "0.1.0"

__all__ = [
    "MISSING",
    "Ability",
    "AddedFactor",
    "CanadianCredential",
    "Candidate",
    "Category",
    "CategoryId",
    "CategoryResult",
    "CrsBreakdown",
    "CrsSection",
    "DataError",
    "Document",
    "DocumentStatus",
    "Education",
    "EducationLevel",
    "EducationTier",
    "EligibilityReport",
    "Experience",
    "ExpressEntryError",
    "Failure",
    "FieldProblem",
    "Forecast",
    "ForecastEvent",
    "ForecastState",
    "ForeignExperienceTier",
    "FrenchBonus",
    "FswGrid",
    "GridLine",
    "InternalError",
    "InvalidInputError",
    "InvalidProfileError",
    "JobOffer",
    "JobOfferKind",
    "LanguageResult",
    "LanguageTest",
    "MaritalStatus",
    "Milestone",
    "MilestoneKind",
    "Occupation",
    "OfficialLanguage",
    "PointLine",
    "PoliceCertificate",
    "PoolDistribution",
    "PoolResult",
    "PoolStatus",
    "Program",
    "ProgramResult",
    "Quirk",
    "Readiness",
    "Requirement",
    "Round",
    "RoundKind",
    "RuleRef",
    "RuleSet",
    "RulesNotInForceError",
    "Source",
    "Spouse",
    "Status",
    "Teer",
    "Validity",
    "Verdict",
    "Verdicts",
    "WorkHistory",
    "WorkPeriod",
    "WorkPlace",
    "__version__",
    "assess",
    "canadian_experience",
    "categories_in_force",
    "categories_listing",
    "example_profile",
    "find_rounds",
    "forecast",
    "forecast_many",
    "foreign_experience",
    "from_dict",
    "from_json",
    "fsw_grid",
    "is_trade",
    "ita_deadline",
    "ita_readiness",
    "load_rounds",
    "occupation",
    "pool_status",
    "rounds",
    "rules_for",
    "score",
    "score_many",
    "to_dict",
    "to_json",
    "trends",
    "validity_on",
    "yearly_summary",
]
