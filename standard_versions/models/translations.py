"""Translations of the Standard's text: one row per (object, field, language).

Rows are keyed by the object's permanent key inside its version (``criterion`` ``dm1``), not by a
foreign key to the row: every translation a version serves is then one indexed query
(``version_id IN (...)``), a new draft inherits its base version's translations by matching keys,
and a PO ``msgctxt`` (``criterion:dm1:title``) maps to exactly one row. The standard's own text is
not versioned, so its rows have no version.

A row keeps the English it was made from (``source_text`` and its SHA-256); whether it is stale is
decided when it is read, by comparing that hash with the hash of the current English text.
"""

import hashlib

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from standard_versions.models.constraints import value_in_choices
from standard_versions.models.standards import Standard, Version


def source_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class TranslationLanguage(models.TextChoices):
    SPANISH = "es", _("Spanish")
    PORTUGUESE_BRAZIL = "pt-BR", _("Portuguese (Brazil)")


class TranslationStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    REVIEWED = "reviewed", _("reviewed")


class TranslatedObjectType(models.TextChoices):
    STANDARD = "standard", _("standard")
    VERSION = "version", _("version")
    PRACTICE_AREA = "practice_area", _("practice area")
    CRITERION = "criterion", _("criterion")
    LEVEL = "level", _("certification level")
    OUTCOME_AREA = "outcome_area", _("outcome area")
    COMMENT_PERIOD = "comment_period", _("comment period")


class Translation(models.Model):
    standard = models.ForeignKey(Standard, on_delete=models.CASCADE, related_name="translations")
    # Null only for the standard's own text, which belongs to no version.
    version = models.ForeignKey(
        Version, on_delete=models.CASCADE, null=True, blank=True, related_name="translations"
    )
    object_type = models.CharField(
        _("object type"), max_length=20, choices=TranslatedObjectType.choices
    )
    object_key = models.CharField(_("object key"), max_length=64)
    field = models.CharField(_("field"), max_length=40)
    language = models.CharField(_("language"), max_length=8, choices=TranslationLanguage.choices)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=TranslationStatus.choices,
        default=TranslationStatus.DRAFT,
    )
    text = models.TextField(_("text"))
    source_text = models.TextField(_("English source text"))
    source_hash = models.CharField(_("SHA-256 of the English source"), max_length=64)
    updated_at = models.DateTimeField(_("updated at"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["version_id", "language", "object_type", "object_key", "field"]
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            models.UniqueConstraint(
                fields=["version", "object_type", "object_key", "field", "language"],
                condition=Q(version__isnull=False),
                name="translation_unique_per_version_field_language",
            ),
            models.UniqueConstraint(
                fields=["standard", "object_type", "object_key", "field", "language"],
                condition=Q(version__isnull=True),
                name="translation_unique_per_standard_field_language",
            ),
            models.CheckConstraint(
                condition=(Q(object_type="standard") & Q(version__isnull=True))
                | (~Q(object_type="standard") & Q(version__isnull=False)),
                name="translation_version_set_unless_standard",
            ),
            value_in_choices("language", TranslationLanguage, name="translation_language_valid"),
            value_in_choices("status", TranslationStatus, name="translation_status_valid"),
            value_in_choices(
                "object_type", TranslatedObjectType, name="translation_object_type_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.context} [{self.language}]"

    @property
    def context(self) -> str:
        """The PO ``msgctxt`` of this row: ``<type>:<key>:<field>``."""
        return f"{self.object_type}:{self.object_key}:{self.field}"

    def is_current_for(self, english: str) -> bool:
        return self.source_hash == source_hash(english)
