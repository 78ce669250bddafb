from standard_versions.models.standards import (
    CertificationLevel,
    Criterion,
    OutcomeArea,
    PracticeArea,
    Standard,
    Version,
    VersionStatus,
)

__all__ = [
    "CertificationLevel",
    "Criterion",
    "OutcomeArea",
    "PracticeArea",
    "Standard",
    "Version",
    "VersionStatus",
]
from standard_versions.models.translations import (
    TranslatedObjectType,
    Translation,
    TranslationLanguage,
    TranslationStatus,
)

__all__ += ["TranslatedObjectType", "Translation", "TranslationLanguage", "TranslationStatus"]

from standard_versions.models.comments import (  # noqa: E402
    Comment,
    CommentPeriod,
    CommentType,
    Disposition,
    ModerationState,
    PeriodStatus,
)

__all__ += [
    "Comment",
    "CommentPeriod",
    "CommentType",
    "Disposition",
    "ModerationState",
    "PeriodStatus",
]
