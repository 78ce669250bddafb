"""Load a version document into the database, and export a version back to one.

Loading is idempotent: rows are written only where the document differs from what is stored, so
loading the same file twice records no history. A version that is no longer a draft is never
changed by a load. By default a document that differs from such a version, or from a draft that
someone other than the loader has edited, leaves the version as it is and says why
(``LoadResult.left``): staff publishing 3.1 makes the shipped 3.0 file say "published" where the
database says "superseded", and that must not stop the next start-up. With ``strict`` a document
that differs from a version that is no longer a draft is refused as a whole, and a draft is made
to match the document.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from standard_versions.errors import Conflict, InvalidInput
from standard_versions.history import delete_with_history, save_with_history
from standard_versions.models import (
    CertificationLevel,
    Criterion,
    OutcomeArea,
    PracticeArea,
    Standard,
    Version,
    VersionStatus,
)
from standard_versions.standards.documents import VersionDocument
from standard_versions.standards.revisions import bump_version_revision

# Every history record the loader writes has a reason that starts with this (the command adds the
# file's name and any --reason after it); a record with another reason is someone else's edit.
LOADER_REASON_PREFIX = "load_standard"


@dataclass
class LoadResult:
    standard: str
    label: str
    created: bool = False
    changes: list[str] = field(default_factory=list)
    # Why the stored version was kept although the document differs from it (nothing written).
    left: str | None = None

    @property
    def changed(self) -> bool:
        return self.created or bool(self.changes)


def _save(instance, *, user, reason: str, now: dt.datetime) -> None:
    instance.full_clean(validate_unique=False, validate_constraints=False)
    save_with_history(instance, user=user, reason=reason, now=now)


class _Plan:
    """Differences between stored rows and the document, computed before anything is written."""

    def __init__(self) -> None:
        self.steps: list[tuple[str, object, str, dict]] = []
        self.descriptions: list[str] = []

    def sync(self, label: str, stored: dict, wanted: dict[str, dict]) -> None:
        for key, values in wanted.items():
            row = stored.get(key)
            if row is None:
                self.steps.append(("create", label, key, values))
                self.descriptions.append(f"add {label} {key}")
                continue
            changed = {name: value for name, value in values.items() if getattr(row, name) != value}
            if changed:
                self.steps.append(("update", row, key, changed))
                self.descriptions.append(f"change {label} {key}: {', '.join(sorted(changed))}")
        for key, row in stored.items():
            if key not in wanted:
                self.steps.append(("delete", row, key, {}))
                self.descriptions.append(f"remove {label} {key}")


@transaction.atomic
def load_version_document(
    *,
    document: VersionDocument,
    user=None,
    reason: str,
    now: dt.datetime,
    strict: bool = False,
) -> LoadResult:
    if not reason.startswith(LOADER_REASON_PREFIX):
        reason = f"{LOADER_REASON_PREFIX}: {reason}"
    result = LoadResult(standard=document.standard_slug, label=document.label)

    standard = Standard.objects.filter(slug=document.standard_slug).first()
    standard_values = {"name": document.standard_name, "description": document.standard_description}
    if standard is None:
        standard = Standard(slug=document.standard_slug, **standard_values)
        _save(standard, user=user, reason=reason, now=now)
        result.changes.append(f"add standard {standard.slug}")
    elif any(getattr(standard, name) != value for name, value in standard_values.items()):
        for name, value in standard_values.items():
            setattr(standard, name, value)
        _save(standard, user=user, reason=reason, now=now)
        result.changes.append(f"change standard {standard.slug}")

    based_on = None
    if document.based_on:
        based_on = Version.objects.filter(standard=standard, label=document.based_on).first()
        if based_on is None:
            raise InvalidInput(
                _("Version %(label)s is based on %(based_on)s, which is not loaded.")
                % {"label": document.label, "based_on": document.based_on},
                code="based_on_not_found",
            )

    version_values = {
        "title": document.title,
        "status": document.status,
        "based_on": based_on,
        "published_at": document.published_at,
        "effective_from": document.effective_from,
        "provenance": document.provenance,
        "reconstructed": document.reconstructed,
        "min_outcome_areas": document.min_outcome_areas,
    }
    version = Version.objects.filter(standard=standard, label=document.label).first()
    if version is None:
        version = Version(standard=standard, label=document.label, **version_values)
        _save(version, user=user, reason=reason, now=now)
        result.created = True
        stored_areas, stored_criteria, stored_levels, stored_outcomes = {}, {}, {}, {}
    else:
        stored_areas = {area.key: area for area in version.practice_areas.all()}
        stored_criteria = {c.key: c for c in version.criteria.select_related("practice_area")}
        stored_levels = {level.key: level for level in version.levels.all()}
        stored_outcomes = {area.key: area for area in version.outcome_areas.all()}

    plan = _Plan()
    if not result.created:
        plan.sync("version", {version.label: version}, {version.label: version_values})
    plan.sync(
        "practice area",
        stored_areas,
        {
            area.key: {
                "code": area.code,
                "name": area.name,
                "description": area.description,
                "position": area.position,
            }
            for area in document.practice_areas
        },
    )
    wanted_criteria = {}
    for area in document.practice_areas:
        for criterion in area.criteria:
            wanted_criteria[criterion.key] = {
                "code": criterion.code,
                "title": criterion.title,
                "description": criterion.description,
                "position": criterion.position,
                "is_core": criterion.is_core,
                "practice_area_key": area.key,
            }
    stored_criteria_view = {key: _CriterionView(c) for key, c in stored_criteria.items()}
    plan.sync("criterion", stored_criteria_view, wanted_criteria)
    plan.sync(
        "level",
        stored_levels,
        {
            level.key: {
                "name": level.name,
                "min_percent": level.min_percent,
                "position": level.position,
            }
            for level in document.levels
        },
    )
    plan.sync(
        "outcome area",
        stored_outcomes,
        {
            area.key: {
                "name": area.name,
                "description": area.description,
                "position": area.position,
            }
            for area in document.outcome_areas
        },
    )

    if result.created:
        result.changes.insert(0, f"add version {version.label}")
    elif plan.steps and not strict and (left := _why_left(version, plan, document.status)):
        result.left = left
        return result
    elif plan.steps and version.status != VersionStatus.DRAFT:
        raise Conflict(
            _("Version %(label)s is %(status)s and cannot change; the file differs in: %(changes)s")
            % {
                "label": version.label,
                "status": version.status,
                "changes": "; ".join(plan.descriptions[:10]),
            },
            code="version_not_editable",
        )
    _apply(plan, version=version, stored_areas=stored_areas, user=user, reason=reason, now=now)
    if plan.steps and not result.created:
        bump_version_revision(version=version)
    result.changes.extend(plan.descriptions)
    return result


def _why_left(version: Version, plan: _Plan, wanted_status: str) -> str | None:
    """Why a version that differs from its document is kept as stored, or None to load it."""
    if version.status == VersionStatus.DRAFT:
        if not _edited_by_others(version):
            return None
        return f"draft {version.label} has been edited since it was loaded"
    only_status = plan.descriptions == [f"change version {version.label}: status"]
    why = f"{version.label} is {version.status}"
    if version.status == VersionStatus.SUPERSEDED and wanted_status == VersionStatus.PUBLISHED:
        current = (
            Version.objects.filter(standard_id=version.standard_id, status=VersionStatus.PUBLISHED)
            .values_list("label", flat=True)
            .first()
        )
        if current:
            why += f" (published {current} since)"
    if not only_status:
        why += f" and the file differs in: {'; '.join(plan.descriptions[:10])}"
    return why


def _edited_by_others(version: Version) -> bool:
    """Whether any history record of the version or its rows was written by something other
    than the loader (the admin, the API, create_draft, ...)."""
    histories = [
        Version.history.filter(id=version.pk),
        PracticeArea.history.filter(version_id=version.pk),
        Criterion.history.filter(version_id=version.pk),
        CertificationLevel.history.filter(version_id=version.pk),
        OutcomeArea.history.filter(version_id=version.pk),
    ]
    return any(
        records.exclude(history_change_reason__startswith=LOADER_REASON_PREFIX).exists()
        for records in histories
    )


class _CriterionView:
    """Lets the plan compare a criterion's practice area by key."""

    def __init__(self, criterion: Criterion):
        self.criterion = criterion
        self.practice_area_key = criterion.practice_area.key

    def __getattr__(self, name):
        return getattr(self.criterion, name)


def _apply(
    plan: _Plan, *, version: Version, stored_areas: dict, user, reason: str, now: dt.datetime
) -> None:
    areas = dict(stored_areas)
    models_by_label = {"level": CertificationLevel, "outcome area": OutcomeArea}
    deferred_deletes = []
    for action, target, key, values in plan.steps:
        if action == "create" and target == "practice area":
            area = PracticeArea(version=version, key=key, **values)
            _save(area, user=user, reason=reason, now=now)
            areas[area.key] = area
    for action, target, key, values in plan.steps:
        if action == "update" and isinstance(target, PracticeArea | Version):
            for name, value in values.items():
                setattr(target, name, value)
            _save(target, user=user, reason=reason, now=now)
        elif action == "update":
            row = target.criterion if isinstance(target, _CriterionView) else target
            for name, value in values.items():
                if name == "practice_area_key":
                    row.practice_area = areas[value]
                else:
                    setattr(row, name, value)
            if isinstance(row, Criterion):
                row.revision += 1
            _save(row, user=user, reason=reason, now=now)
        elif action == "create" and target == "criterion":
            fields = dict(values)
            area = areas[fields.pop("practice_area_key")]
            _save(
                Criterion(version=version, practice_area=area, key=key, **fields),
                user=user,
                reason=reason,
                now=now,
            )
        elif action == "create" and target in models_by_label:
            _save(
                models_by_label[target](version=version, key=key, **values),
                user=user,
                reason=reason,
                now=now,
            )
        elif action == "delete":
            row = target.criterion if isinstance(target, _CriterionView) else target
            if isinstance(row, PracticeArea):
                deferred_deletes.append(row)
            else:
                delete_with_history(row, user=user, reason=reason, now=now)
    for row in deferred_deletes:
        delete_with_history(row, user=user, reason=reason, now=now)


def export_version_document(*, version: Version) -> dict:
    """The version as a document that ``load_version_document`` reads back unchanged."""
    from standard_versions.standards.selectors import version_tree

    version = version_tree(version=version)
    document: dict = {
        "standard": {"slug": version.standard.slug, "name": version.standard.name},
        "version": {"label": version.label, "title": version.title, "status": version.status},
    }
    if version.standard.description:
        document["standard"]["description"] = version.standard.description
    optional = {
        "based_on": version.based_on.label if version.based_on else None,
        "published_at": (
            version.published_at.isoformat().replace("+00:00", "Z")
            if version.published_at
            else None
        ),
        "effective_from": version.effective_from.isoformat() if version.effective_from else None,
        "provenance": version.provenance or None,
        "reconstructed": version.reconstructed or None,
    }
    document["version"].update({name: value for name, value in optional.items() if value})
    document["requirements"] = {
        "min_outcome_areas": version.min_outcome_areas,
        "levels": [
            {"key": level.key, "name": level.name, "min_percent": level.min_percent}
            for level in version.levels.all()
        ],
        "outcome_areas": [
            {"key": area.key, "name": area.name, "description": area.description}
            for area in version.outcome_areas.all()
        ],
    }
    document["practice_areas"] = []
    for area in version.practice_areas.all():
        criteria = []
        for criterion in area.criteria.all():
            item = {
                "key": criterion.key,
                "code": criterion.code,
                "title": criterion.title,
                "description": criterion.description,
            }
            if criterion.is_core:
                item["core"] = True
            criteria.append(item)
        document["practice_areas"].append(
            {
                "key": area.key,
                "code": area.code,
                "name": area.name,
                "description": area.description,
                "criteria": criteria,
            }
        )
    return document
