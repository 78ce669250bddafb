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

from standard_versions.models.campaigns import (  # noqa: E402
    CommentSignature,
    IdenticalCommentTally,
    NearDuplicateCampaign,
)

__all__ += ["CommentSignature", "IdenticalCommentTally", "NearDuplicateCampaign"]

from standard_versions.models.notifications import (  # noqa: E402
    PRIVATE_EVENT_KINDS,
    PUBLIC_EVENT_KINDS,
    Channel,
    Delivery,
    DeliveryAttempt,
    DeliveryStatus,
    EmailAddress,
    Event,
    EventKind,
    Frequency,
    Subscription,
    SubscriptionScope,
    WebhookEndpoint,
)

__all__ += [
    "PRIVATE_EVENT_KINDS",
    "PUBLIC_EVENT_KINDS",
    "Channel",
    "Delivery",
    "DeliveryAttempt",
    "DeliveryStatus",
    "EmailAddress",
    "Event",
    "EventKind",
    "Frequency",
    "Subscription",
    "SubscriptionScope",
    "WebhookEndpoint",
]

from standard_versions.models.exports import ExportFormat, ExportJob, ExportStatus  # noqa: E402

__all__ += ["ExportFormat", "ExportJob", "ExportStatus"]

from standard_versions.models.responses import (  # noqa: E402
    DEFAULT_ANSWER_WINDOW_DAYS,
    AnswerKind,
    AnswerStatus,
    ChangeClass,
    ChangeTarget,
    CommenterAnswer,
    ResponseLink,
)

__all__ += [
    "DEFAULT_ANSWER_WINDOW_DAYS",
    "AnswerKind",
    "AnswerStatus",
    "ChangeClass",
    "ChangeTarget",
    "CommenterAnswer",
    "ResponseLink",
]
