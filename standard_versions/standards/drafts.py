"""Drafting a version, editing its own fields, publishing it and withdrawing it (the rules shared
with the other authoring services are in ``editing``)."""

from datetime import date, datetime

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from simple_history.utils import bulk_create_with_history

from standard_versions.consultation.periods import close_periods_of_version
from standard_versions.errors import Conflict
from standard_versions.history import save_with_history
from standard_versions.models import Criterion, Standard, Version, VersionStatus
from standard_versions.models.standards import label_validator
from standard_versions.notifications import events
from standard_versions.standards.editing import (
    COPY_BATCH_SIZE,
    changes_to,
    check_valid,
    clean_reason,
    save_draft_row,
    start_edit,
    validate,
)
from standard_versions.standards.preconditions import Precondition
from standard_versions.standards.revisions import bump_version_revision
from standard_versions.translations.services import copy_translations


@transaction.atomic
def create_draft(
    *, based_on: Version, label: str, title: str, user, reason: str, now: datetime
) -> Version:
    """A new draft of ``based_on``'s standard holding a copy of its practice areas, criteria,
    levels and outcome areas, keys kept."""
    reason = clean_reason(reason)
    standard = based_on.standard
    check_valid(
        label_validator,
        label,
        field="label",
        message=_("%(label)s is not a valid version label.") % {"label": label},
        code="invalid_label",
    )
    # Serialises drafting and publishing per standard, so two drafts never race for a label.
    Standard.objects.select_for_update().filter(pk=standard.pk).first()
    if Version.objects.filter(standard=standard, label=label).exists():
        raise Conflict(
            _("Standard %(std)s already has a version %(label)s.")
            % {"std": standard.slug, "label": label},
            code="version_label_taken",
        )
    draft = Version(
        standard=standard,
        label=label,
        title=title,
        status=VersionStatus.DRAFT,
        based_on=based_on,
        provenance=based_on.provenance,
        min_outcome_areas=based_on.min_outcome_areas,
    )
    validate(draft)
    save_with_history(draft, user=user, reason=reason, now=now)

    history = {"default_user": user, "default_change_reason": reason, "default_date": now}
    areas = _copy_rows(
        based_on.practice_areas.order_by("position", "code"),
        fields=("key", "code", "name", "description", "position"),
        draft=draft,
        history=history,
    )
    area_by_key = {area.key: area for area in areas}
    for rows, fields, derived in (
        (
            based_on.criteria.select_related("practice_area").order_by("pk"),
            ("key", "code", "title", "description", "position", "is_core"),
            # Each criterion's copy belongs to the copy of its practice area.
            {"practice_area": lambda criterion: area_by_key[criterion.practice_area.key]},
        ),
        (based_on.levels.all(), ("key", "name", "min_percent", "position"), {}),
        (based_on.outcome_areas.all(), ("key", "name", "description", "position"), {}),
    ):
        _copy_rows(rows, fields=fields, draft=draft, history=history, **derived)
    copy_translations(
        source_version=based_on, target_version=draft, user=user, reason=reason, now=now
    )
    return draft


def _copy_rows(rows, *, fields: tuple[str, ...], draft: Version, history: dict, **derived):
    """Copy ``rows`` (a queryset) into ``draft``, their ``fields`` kept (keys too), in one
    history-recording bulk insert; each of ``derived`` names a field computed from the source."""
    model = rows.model
    return bulk_create_with_history(
        [
            model(
                version=draft,
                **{name: getattr(row, name) for name in fields},
                **{name: compute(row) for name, compute in derived.items()},
            )
            for row in rows
        ],
        model,
        batch_size=COPY_BATCH_SIZE,
        **history,
    )


# ``effective_from=KEEP`` leaves the date as it is; ``None`` clears it.
KEEP = object()


@transaction.atomic
def update_version(
    *,
    version: Version,
    user,
    reason: str,
    now: datetime,
    precondition: Precondition | None = None,
    title: str | None = None,
    provenance: str | None = None,
    effective_from: date | object | None = KEEP,
) -> Version:
    """Change a draft's title, provenance note or planned effective date; a ``None`` title or
    provenance (and ``KEEP`` for the date) stays as it is. Nothing changed records nothing."""
    version, reason = start_edit(version, precondition=precondition, reason=reason)
    changes = changes_to(version, {"title": title, "provenance": provenance})
    if effective_from is not KEEP and effective_from != version.effective_from:
        changes["effective_from"] = effective_from
    if changes:
        save_draft_row(version, version=version, changes=changes, user=user, reason=reason, now=now)
    return version


@transaction.atomic
def publish_version(
    *,
    version: Version,
    user,
    reason: str,
    now: datetime,
    effective_from: date | None = None,
    precondition: Precondition | None = None,
    close_open_period: bool = False,
) -> Version:
    """The draft becomes published at ``now``; the standard's published version is superseded.
    A scheduled or open comment period of the draft is refused (``comment_period_open``) unless
    ``close_open_period``: then it is closed (or cancelled) at ``now`` with ``reason``."""
    Standard.objects.select_for_update().filter(pk=version.standard_id).first()
    version, reason = start_edit(version, precondition=precondition, reason=reason)
    if not Criterion.objects.filter(version=version).exists():
        raise Conflict(
            _("Version %(label)s has no criteria and cannot be published.")
            % {"label": version.label},
            code="version_has_no_criteria",
        )
    close_periods_of_version(
        version=version,
        close=close_open_period,
        action="publish",
        user=user,
        reason=reason,
        now=now,
    )
    previous = (
        Version.objects.select_for_update()
        .filter(standard_id=version.standard_id, status=VersionStatus.PUBLISHED)
        .first()
    )
    if previous is not None:
        previous.status = VersionStatus.SUPERSEDED
        save_with_history(previous, user=user, reason=reason, now=now)
        bump_version_revision(version=previous)
    version.status = VersionStatus.PUBLISHED
    version.published_at = now
    if effective_from is not None:
        version.effective_from = effective_from
    save_with_history(version, user=user, reason=reason, now=now)
    bump_version_revision(version=version)
    events.version_published(version, now=now)
    return version


@transaction.atomic
def withdraw_draft(
    *,
    version: Version,
    user,
    reason: str,
    now: datetime,
    precondition: Precondition | None = None,
    close_open_period: bool = False,
) -> Version:
    """The draft is withdrawn; its scheduled or open comment periods as in ``publish_version``."""
    version, reason = start_edit(version, precondition=precondition, reason=reason)
    close_periods_of_version(
        version=version,
        close=close_open_period,
        action="withdraw",
        user=user,
        reason=reason,
        now=now,
    )
    version.status = VersionStatus.WITHDRAWN
    save_with_history(version, user=user, reason=reason, now=now)
    bump_version_revision(version=version)
    return version
