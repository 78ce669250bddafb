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
