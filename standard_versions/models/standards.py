"""The Standard and its versions: practice areas, criteria and certification requirements.

Criteria and practice areas carry a permanent ``key`` that survives renumbering, renaming and
moving between versions; display ``code`` values are only unique within one version. Everything
here keeps its history with django-simple-history; writes go through ``standard_versions.services``.
"""

from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from standard_versions.models.constraints import value_in_choices

KEY_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"
CODE_PATTERN = r"^[A-Za-z][A-Za-z0-9.-]{0,19}$"
LABEL_PATTERN = r"^[0-9A-Za-z][0-9A-Za-z.-]{0,19}$"

key_validator = RegexValidator(
    KEY_PATTERN,
    _("Use 1 to 64 lowercase letters, digits or hyphens, starting with a letter or digit."),
)
code_validator = RegexValidator(
    CODE_PATTERN, _("Use a letter followed by up to 19 letters, digits, dots or hyphens.")
)
label_validator = RegexValidator(
    LABEL_PATTERN,
    _("Use up to 20 letters, digits, dots or hyphens, starting with a letter or digit."),
)


class Standard(models.Model):
    slug = models.SlugField(_("slug"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("standard")
        verbose_name_plural = _("standards")

    def __str__(self) -> str:
        return self.name


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")
    SUPERSEDED = "superseded", _("superseded")
    WITHDRAWN = "withdrawn", _("withdrawn")


class Version(models.Model):
    """One version of a Standard. Published, superseded and withdrawn versions never change text."""

    standard = models.ForeignKey(Standard, on_delete=models.PROTECT, related_name="versions")
    label = models.CharField(_("label"), max_length=20, validators=[label_validator])
    title = models.CharField(_("title"), max_length=300)
    status = models.CharField(
        _("status"), max_length=12, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    based_on = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="derived_versions",
        verbose_name=_("based on"),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    effective_from = models.DateField(_("effective from"), null=True, blank=True)
    provenance = models.TextField(_("provenance"), blank=True)
    # A version rebuilt from later sources because its own text is lost (the shipped 2.0): its
    # texts and figures are inferences, and every comparison with it says so.
    reconstructed = models.BooleanField(
        _("reconstructed"),
        default=False,
        help_text=_("Rebuilt from later sources: its texts and figures are inferred, not copied."),
    )
    min_outcome_areas = models.PositiveSmallIntegerField(
        _("outcome areas a city must demonstrate"), default=0
    )
    # Bumped by every service that changes what this version serves; part of ETags and cache keys.
    revision = models.PositiveIntegerField(_("revision"), default=1)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["standard__slug", "created_at", "label"]
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        constraints = [
            models.UniqueConstraint(fields=["standard", "label"], name="version_label_unique"),
            models.UniqueConstraint(
                fields=["standard"],
                condition=Q(status="published"),
                name="one_published_version_per_standard",
            ),
            value_in_choices("status", VersionStatus, name="version_status_valid"),
            models.CheckConstraint(
                condition=~Q(based_on=models.F("pk")), name="version_not_based_on_itself"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.standard.slug} {self.label}"

    @property
    def is_editable(self) -> bool:
        return self.status == VersionStatus.DRAFT


class NamedVersionPart(models.Model):
    """What a practice area and an outcome area both are: a named, described part of one version,
    with a permanent key (each declares it unique in its version) and a place in its order."""

    key = models.CharField(_("key"), max_length=64, validators=[key_validator])
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        abstract = True


class PracticeArea(NamedVersionPart):
    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="practice_areas")
    code = models.CharField(_("code"), max_length=20, validators=[code_validator])

    history = HistoricalRecords()

    class Meta:
        ordering = ["version_id", "position", "code"]
        verbose_name = _("practice area")
        verbose_name_plural = _("practice areas")
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="practice_area_code_unique"),
            models.UniqueConstraint(fields=["version", "key"], name="practice_area_key_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Criterion(models.Model):
    """A criterion of one version. ``version`` is denormalised from the practice area so that the
    database can enforce unique codes and keys per version; services keep the two consistent."""

    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="criteria")
    practice_area = models.ForeignKey(
        PracticeArea, on_delete=models.PROTECT, related_name="criteria"
    )
    key = models.CharField(_("key"), max_length=64, validators=[key_validator])
    code = models.CharField(_("code"), max_length=20, validators=[code_validator])
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"))
    position = models.PositiveIntegerField(_("position"), default=0)
    is_core = models.BooleanField(_("core criterion"), default=False)
    # Bumped on every change of this criterion; the ETag for lost-update protection.
    revision = models.PositiveIntegerField(_("revision"), default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["version_id", "practice_area__position", "position", "code"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="criterion_code_unique"),
            models.UniqueConstraint(fields=["version", "key"], name="criterion_key_unique"),
        ]
        indexes = [models.Index(fields=["key"], name="criterion_key_idx")]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class CertificationLevel(models.Model):
    """A certification level, reached at ``min_percent`` of the criteria (up to the next level)."""

    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="levels")
    key = models.CharField(_("key"), max_length=64, validators=[key_validator])
    name = models.CharField(_("name"), max_length=100)
    min_percent = models.PositiveSmallIntegerField(
        _("minimum percent of criteria"), validators=[MaxValueValidator(100)]
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["version_id", "min_percent"]
        verbose_name = _("certification level")
        verbose_name_plural = _("certification levels")
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="level_key_unique"),
            models.UniqueConstraint(fields=["version", "min_percent"], name="level_percent_unique"),
            models.CheckConstraint(
                condition=Q(min_percent__gte=0, min_percent__lte=100), name="level_percent_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.min_percent}%)"


class OutcomeArea(NamedVersionPart):
    """An outcome a city may demonstrate progress on (a version requires ``min_outcome_areas``)."""

    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="outcome_areas")

    history = HistoricalRecords()

    class Meta:
        ordering = ["version_id", "position", "key"]
        verbose_name = _("outcome area")
        verbose_name_plural = _("outcome areas")
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="outcome_area_key_unique"),
        ]

    def __str__(self) -> str:
        return self.name
