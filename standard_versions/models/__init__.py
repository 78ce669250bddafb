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
