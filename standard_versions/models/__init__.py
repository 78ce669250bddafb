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

from standard_versions.models.comments import (
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
