"""Staff authoring: drafting a version, editing its criteria, practice areas and requirements,
publishing and withdrawing.

Every function is one transaction that first locks the version row (``select_for_update``), so
writes to one version are serialised: a refusal is decided against the state no other writer can
change meanwhile, and nothing is stored when a function refuses. History records carry the acting
user, the reason and ``now``; every change bumps the version's revision (ETags, cached bodies).
"""

import re
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from simple_history.utils import bulk_create_with_history

from standard_versions.errors import Conflict, InvalidInput, NotFound
from standard_versions.models import (
    CertificationLevel,
    Criterion,
    OutcomeArea,
    PracticeArea,
    Standard,
    Version,
    VersionStatus,
)
from standard_versions.models.standards import KEY_PATTERN, code_validator, label_validator
from standard_versions.preconditions import Precondition
from standard_versions.services.common import bump_version_revision
from standard_versions.services.history import delete_with_history, save_with_history
from standard_versions.services.periods import close_periods_of_version
from standard_versions.services.translations import copy_translations

# A paragraph: enough to say why, short enough to read in a history list. (The history column is
# a text field, SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD, so this is the only limit.)
MAX_REASON_LENGTH = 1000
COPY_BATCH_SIZE = 500


# --- shared checks -------------------------------------------------------------------------------


def clean_reason(reason: str | None) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(
            _("Give a reason for the change."),
            code="reason_required",
            errors={"reason": [str(_("This field is required."))]},
        )
    if len(reason) > MAX_REASON_LENGTH:
        raise InvalidInput(
            _("The reason may have at most %(max)d characters.") % {"max": MAX_REASON_LENGTH},
            code="reason_too_long",
            errors={"reason": [str(_("Too long."))]},
        )
    return reason


def _lock_editable_version(version: Version) -> Version:
    locked = Version.objects.select_for_update().filter(pk=version.pk).first()
    if locked is None:
        raise NotFound(_("The version no longer exists."), code="version_not_found")
    locked.standard = version.standard
    if locked.status != VersionStatus.DRAFT:
        raise Conflict(
            _("Version %(label)s is %(status)s; only drafts can be changed.")
            % {"label": locked.label, "status": locked.status},
            code="version_not_editable",
        )
    return locked


def _check_precondition(precondition: Precondition | None, *, version: Version, criterion=None):
    if precondition is None:
        return
    if criterion is None:
        precondition.check_version(version)
    else:
        precondition.check_criterion(criterion, version=version)


def _lock_criterion(version: Version, code: str) -> Criterion:
    criterion = (
        Criterion.objects.select_for_update()
        .filter(version=version, code=code)
        .select_related("practice_area")
        .first()
    )
    if criterion is None:
        raise NotFound(
            _("Version %(label)s has no criterion %(code)s.")
            % {"label": version.label, "code": code},
            code="criterion_not_found",
        )
    criterion.version = version
    return criterion


def _lock_practice_area(version: Version, code: str) -> PracticeArea:
    area = PracticeArea.objects.select_for_update().filter(version=version, code=code).first()
    if area is None:
        raise NotFound(
            _("Version %(label)s has no practice area %(code)s.")
            % {"label": version.label, "code": code},
            code="practice_area_not_found",
        )
    return area


def _validate(instance, *, exclude: tuple[str, ...] = ()) -> None:
    try:
        instance.full_clean(
            exclude=list(exclude), validate_unique=False, validate_constraints=False
        )
    except ValidationError as error:
        raise InvalidInput(
            _("The request is not valid; see errors."),
            code="invalid",
            errors={
                name: [str(m) for m in messages] for name, messages in error.message_dict.items()
            },
        ) from None
    description = getattr(instance, "description", "")
    if len(description) > settings.MARKDOWN_MAX_CHARS:
        raise InvalidInput(
            _("The description may have at most %(max)d characters.")
            % {"max": settings.MARKDOWN_MAX_CHARS},
            code="description_too_long",
        )


def _check_code(code: str, *, field: str = "code") -> None:
    try:
        code_validator(code)
    except ValidationError as error:
        raise InvalidInput(
            _("%(code)s is not a valid code.") % {"code": code},
            code="invalid_code",
            errors={field: [str(m) for m in error.messages]},
        ) from None


def _check_key(key: str) -> None:
    if not re.match(KEY_PATTERN, key):
        raise InvalidInput(
            _("%(key)s is not a valid key.") % {"key": key},
            code="invalid_key",
            errors={"key": [str(_("Use lowercase letters, digits and hyphens."))]},
        )


def _new_key(*, model, standard: Standard, base: str) -> str:
    """A key never used by ``model`` anywhere in ``standard`` (deleted rows included), so a new
    criterion is never mistaken for an old one in diffs and timelines."""
    base = slugify(base).replace("_", "-").strip("-")[:56] or "item"
    used = set(
        model.history.filter(version__standard=standard, key__startswith=base)
        .values_list("key", flat=True)
        .distinct()
    )
    if base not in used:
        return base
    suffix = 2
    while f"{base}-{suffix}" in used:
        suffix += 1
    return f"{base}-{suffix}"


def _practice_area_of_version(version: Version, practice_area: PracticeArea) -> PracticeArea:
    if practice_area.version_id != version.pk:
        raise InvalidInput(
            _("Practice area %(code)s belongs to another version than %(label)s.")
            % {"code": practice_area.code, "label": version.label},
            code="practice_area_in_other_version",
        )
    area = PracticeArea.objects.filter(pk=practice_area.pk, version=version).first()
    if area is None:
        raise InvalidInput(
            _("Version %(label)s has no practice area %(code)s.")
            % {"label": version.label, "code": practice_area.code},
            code="practice_area_not_found",
        )
    return area


def _criterion_code_free(version: Version, code: str, *, exclude_pk=None) -> None:
    taken = Criterion.objects.filter(version=version, code=code).exclude(pk=exclude_pk).exists()
    if taken:
        raise Conflict(
            _("Version %(label)s already has a criterion %(code)s.")
            % {"label": version.label, "code": code},
            code="criterion_code_taken",
        )


def _area_code_free(version: Version, code: str, *, exclude_pk=None) -> None:
    taken = PracticeArea.objects.filter(version=version, code=code).exclude(pk=exclude_pk).exists()
    if taken:
        raise Conflict(
            _("Version %(label)s already has a practice area %(code)s.")
            % {"label": version.label, "code": code},
            code="practice_area_code_taken",
        )


# --- versions ------------------------------------------------------------------------------------


@transaction.atomic
def create_draft(
    *, based_on: Version, label: str, title: str, user, reason: str, now: datetime
) -> Version:
    """A new draft of ``based_on``'s standard holding a copy of its practice areas, criteria,
    levels and outcome areas, keys kept."""
    reason = clean_reason(reason)
    standard = based_on.standard
    try:
        label_validator(label)
    except ValidationError as error:
        raise InvalidInput(
            _("%(label)s is not a valid version label.") % {"label": label},
            code="invalid_label",
            errors={"label": [str(m) for m in error.messages]},
        ) from None
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
    _validate(draft, exclude=("standard", "based_on"))
    save_with_history(draft, user=user, reason=reason, now=now)

    history = {"default_user": user, "default_change_reason": reason, "default_date": now}
    areas = bulk_create_with_history(
        [
            PracticeArea(
                version=draft,
                key=area.key,
                code=area.code,
                name=area.name,
                description=area.description,
                position=area.position,
            )
            for area in based_on.practice_areas.order_by("position", "code")
        ],
        PracticeArea,
        batch_size=COPY_BATCH_SIZE,
        **history,
    )
    area_by_key = {area.key: area for area in areas}
    criteria = Criterion.objects.filter(version=based_on).select_related("practice_area")
    bulk_create_with_history(
        [
            Criterion(
                version=draft,
                practice_area=area_by_key[criterion.practice_area.key],
                key=criterion.key,
                code=criterion.code,
                title=criterion.title,
                description=criterion.description,
                position=criterion.position,
                is_core=criterion.is_core,
            )
            for criterion in criteria.order_by("pk")
        ],
        Criterion,
        batch_size=COPY_BATCH_SIZE,
        **history,
    )
    bulk_create_with_history(
        [
            CertificationLevel(
                version=draft,
                key=level.key,
                name=level.name,
                min_percent=level.min_percent,
                position=level.position,
            )
            for level in based_on.levels.all()
        ],
        CertificationLevel,
        **history,
    )
    bulk_create_with_history(
        [
            OutcomeArea(
                version=draft,
                key=area.key,
                name=area.name,
                description=area.description,
                position=area.position,
            )
            for area in based_on.outcome_areas.all()
        ],
        OutcomeArea,
        **history,
    )
    copy_translations(
        source_version=based_on, target_version=draft, user=user, reason=reason, now=now
    )
    return draft


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
    version = _lock_editable_version(version)
    _check_precondition(precondition, version=version)
    reason = clean_reason(reason)
    changes = {
        name: value
        for name, value in {"title": title, "provenance": provenance}.items()
        if value is not None and getattr(version, name) != value
    }
    if effective_from is not KEEP and effective_from != version.effective_from:
        changes["effective_from"] = effective_from
    if not changes:
        return version
    for name, value in changes.items():
        setattr(version, name, value)
    _validate(version, exclude=("standard", "based_on"))
    save_with_history(version, user=user, reason=reason, now=now)
    bump_version_revision(version=version)
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
    version = _lock_editable_version(version)
    _check_precondition(precondition, version=version)
    reason = clean_reason(reason)
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
    version = _lock_editable_version(version)
    _check_precondition(precondition, version=version)
    reason = clean_reason(reason)
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


# --- criteria ------------------------------------------------------------------------------------


@transaction.atomic
def update_criterion(
    *,
    version: Version,
    code: str,
    user,
    reason: str,
    now: datetime,
    precondition: Precondition | None = None,
    title: str | None = None,
    description: str | None = None,
    new_code: str | None = None,
    practice_area: PracticeArea | None = None,
    position: int | None = None,
    is_core: bool | None = None,
) -> Criterion:
    """Change a draft criterion. ``precondition`` (from If-Match) must hold for the locked
    criterion; ``None`` arguments stay as they are. Returns the criterion with its version."""
    version = _lock_editable_version(version)
    criterion = _lock_criterion(version, code)
    _check_precondition(precondition, version=version, criterion=criterion)
    reason = clean_reason(reason)
    changes: dict = {}
    for name, value in {
        "title": title,
        "description": description,
        "position": position,
        "is_core": is_core,
    }.items():
        if value is not None and getattr(criterion, name) != value:
            changes[name] = value
    if new_code is not None and new_code != criterion.code:
        _check_code(new_code)
        _criterion_code_free(version, new_code, exclude_pk=criterion.pk)
        changes["code"] = new_code
    if practice_area is not None:
        area = _practice_area_of_version(version, practice_area)
        if area.pk != criterion.practice_area_id:
            changes["practice_area"] = area
    if not changes:
        return criterion
    for name, value in changes.items():
        setattr(criterion, name, value)
    criterion.revision += 1
    _validate(criterion, exclude=("version", "practice_area"))
    save_with_history(criterion, user=user, reason=reason, now=now)
    bump_version_revision(version=version)
    return criterion


@transaction.atomic
def add_criterion(
    *,
    version: Version,
    practice_area: PracticeArea,
    code: str,
    title: str,
    description: str,
    user,
    reason: str,
    now: datetime,
    position: int | None = None,
    is_core: bool = False,
    key: str | None = None,
    precondition: Precondition | None = None,
) -> Criterion:
    """A new criterion with a new permanent key (or ``key``, to continue an earlier criterion)."""
    version = _lock_editable_version(version)
    _check_precondition(precondition, version=version)
    reason = clean_reason(reason)
    area = _practice_area_of_version(version, practice_area)
    _check_code(code)
    _criterion_code_free(version, code)
    if key:
        _check_key(key)
        if Criterion.objects.filter(version=version, key=key).exists():
            raise Conflict(
                _("Version %(label)s already has a criterion with key %(key)s.")
                % {"label": version.label, "key": key},
                code="criterion_key_taken",
            )
    else:
        key = _new_key(model=Criterion, standard=version.standard, base=code)
    if position is None:
        last = Criterion.objects.filter(practice_area=area).aggregate(last=Max("position"))["last"]
        position = 0 if last is None else last + 1
    criterion = Criterion(
        version=version,
        practice_area=area,
        key=key,
        code=code,
        title=title,
        description=description,
        position=position,
        is_core=is_core,
    )
    _validate(criterion, exclude=("version", "practice_area"))
    save_with_history(criterion, user=user, reason=reason, now=now)
    bump_version_revision(version=version)
    criterion.version = version
    return criterion


@transaction.atomic
def remove_criterion(
    *,
    version: Version,
    code: str,
    user,
    reason: str,
    now: datetime,
    precondition: Precondition | None = None,
) -> None:
    version = _lock_editable_version(version)
    criterion = _lock_criterion(version, code)
    _check_precondition(precondition, version=version, criterion=criterion)
    reason = clean_reason(reason)
    delete_with_history(criterion, user=user, reason=reason, now=now)
    bump_version_revision(version=version)


# --- practice areas ------------------------------------------------------------------------------


@transaction.atomic
def add_practice_area(
    *,
    version: Version,
    code: str,
    name: str,
    user,
    reason: str,
    now: datetime,
    description: str = "",
    position: int | None = None,
    key: str | None = None,
    precondition: Precondition | None = None,
) -> PracticeArea:
    version = _lock_editable_version(version)
    _check_precondition(precondition, version=version)
    reason = clean_reason(reason)
    _check_code(code)
    _area_code_free(version, code)
    if key:
        _check_key(key)
        if PracticeArea.objects.filter(version=version, key=key).exists():
            raise Conflict(
                _("Version %(label)s already has a practice area with key %(key)s.")
                % {"label": version.label, "key": key},
                code="practice_area_key_taken",
            )
    else:
        key = _new_key(model=PracticeArea, standard=version.standard, base=code)
    if position is None:
        last = PracticeArea.objects.filter(version=version).aggregate(last=Max("position"))["last"]
        position = 0 if last is None else last + 1
    area = PracticeArea(
        version=version, key=key, code=code, name=name, description=description, position=position
    )
    _validate(area, exclude=("version",))
    save_with_history(area, user=user, reason=reason, now=now)
    bump_version_revision(version=version)
    return area


@transaction.atomic
def update_practice_area(
    *,
    version: Version,
    code: str,
    user,
    reason: str,
    now: datetime,
    precondition: Precondition | None = None,
    new_code: str | None = None,
    name: str | None = None,
    description: str | None = None,
    position: int | None = None,
) -> PracticeArea:
    version = _lock_editable_version(version)
    _check_precondition(precondition, version=version)
    area = _lock_practice_area(version, code)
    reason = clean_reason(reason)
    changes = {
        field: value
        for field, value in {"name": name, "description": description, "position": position}.items()
        if value is not None and getattr(area, field) != value
    }
    if new_code is not None and new_code != area.code:
        _check_code(new_code)
        _area_code_free(version, new_code, exclude_pk=area.pk)
        changes["code"] = new_code
    if not changes:
        return area
    for field, value in changes.items():
        setattr(area, field, value)
    _validate(area, exclude=("version",))
    save_with_history(area, user=user, reason=reason, now=now)
    bump_version_revision(version=version)
    return area


@transaction.atomic
def remove_practice_area(
    *,
    version: Version,
    code: str,
    user,
    reason: str,
    now: datetime,
    precondition: Precondition | None = None,
) -> None:
    version = _lock_editable_version(version)
    _check_precondition(precondition, version=version)
    area = _lock_practice_area(version, code)
    reason = clean_reason(reason)
    if area.criteria.exists():
        raise Conflict(
            _("Practice area %(code)s still has criteria; move or remove them first.")
            % {"code": code},
            code="practice_area_not_empty",
        )
    delete_with_history(area, user=user, reason=reason, now=now)
    bump_version_revision(version=version)


# --- requirements --------------------------------------------------------------------------------


def _sync_by_key(*, model, version: Version, wanted: list[dict], user, reason: str, now) -> bool:
    """Make ``model``'s rows of ``version`` equal ``wanted`` (in order), matching rows by key;
    rows without a key in ``wanted`` are new. Returns whether anything changed."""
    stored = {row.key: row for row in model.objects.filter(version=version)}
    # Percentages as stored, before any row is changed in memory (levels only).
    held = {getattr(row, "min_percent", None): key for key, row in stored.items()}
    seen: set[str] = set()
    rows = []
    for position, values in enumerate(wanted):
        values = dict(values)
        key = values.pop("key", None) or _new_key(
            model=model, standard=version.standard, base=values["name"]
        )
        if key in seen:
            raise InvalidInput(
                _("Key %(key)s is given twice.") % {"key": key}, code="duplicate_key"
            )
        seen.add(key)
        _check_key(key)
        values["position"] = position
        row = stored.get(key)
        if row is None:
            row = model(version=version, key=key, **values)
        elif all(getattr(row, name) == value for name, value in values.items()):
            continue
        else:
            for name, value in values.items():
                setattr(row, name, value)
        _validate(row, exclude=("version",))
        rows.append(row)
    removed = [row for key, row in stored.items() if key not in seen]
    for row in removed:
        delete_with_history(row, user=user, reason=reason, now=now)
    if model is CertificationLevel:
        held = {percent: key for percent, key in held.items() if key in seen}
        _save_levels_in_safe_order(rows, held=held, user=user, reason=reason, now=now)
    else:
        for row in rows:
            save_with_history(row, user=user, reason=reason, now=now)
    return bool(rows or removed)


def _save_levels_in_safe_order(rows: list, *, held: dict, user, reason: str, now) -> None:
    """Save levels so that no save meets a percentage another level still holds (the database
    keeps percentages unique per version); a swap is broken through a free percentage."""
    pending = list(rows)
    while pending:
        ready = [row for row in pending if held.get(row.min_percent) in (None, row.key)]
        row = ready[0] if ready else pending[0]
        target = row.min_percent
        if not ready:
            targets = {other.min_percent for other in pending}
            row.min_percent = next(p for p in range(101) if p not in held and p not in targets)
        else:
            pending.remove(row)
        save_with_history(row, user=user, reason=reason, now=now)
        held = {percent: key for percent, key in held.items() if key != row.key}
        held[row.min_percent] = row.key
        row.min_percent = target


@transaction.atomic
def update_requirements(
    *,
    version: Version,
    user,
    reason: str,
    now: datetime,
    precondition: Precondition | None = None,
    levels: list[dict] | None = None,
    outcome_areas: list[dict] | None = None,
    min_outcome_areas: int | None = None,
    core_criteria: list[str] | None = None,
) -> Version:
    """Replace the given parts of a draft's requirements. ``levels`` (``name``, ``min_percent``,
    optional ``key``) and ``outcome_areas`` (``name``, ``description``, optional ``key``) are the
    complete new lists; ``core_criteria`` the complete list of core criterion codes."""
    version = _lock_editable_version(version)
    _check_precondition(precondition, version=version)
    reason = clean_reason(reason)
    changed = False
    if levels is not None:
        percents = [level["min_percent"] for level in levels]
        if len(set(percents)) != len(percents):
            raise InvalidInput(
                _("Two levels cannot start at the same percentage."), code="duplicate_level_percent"
            )
        if any(not 0 <= percent <= 100 for percent in percents):
            raise InvalidInput(
                _("Level percentages are between 0 and 100."), code="invalid_level_percent"
            )
        # Levels are stored in rising order; a temporary clash of percentages between an edited
        # and a not yet edited level is avoided by deleting before saving (see _sync_by_key).
        ordered = sorted(levels, key=lambda level: level["min_percent"])
        changed |= _sync_by_key(
            model=CertificationLevel,
            version=version,
            wanted=ordered,
            user=user,
            reason=reason,
            now=now,
        )
    if outcome_areas is not None:
        changed |= _sync_by_key(
            model=OutcomeArea,
            version=version,
            wanted=[{"description": "", **area} for area in outcome_areas],
            user=user,
            reason=reason,
            now=now,
        )
    if min_outcome_areas is not None and min_outcome_areas != version.min_outcome_areas:
        version.min_outcome_areas = min_outcome_areas
        save_with_history(version, user=user, reason=reason, now=now)
        changed = True
    available = OutcomeArea.objects.filter(version=version).count()
    if version.min_outcome_areas > available:
        raise InvalidInput(
            _("A city cannot be asked for %(wanted)d outcome areas when there are %(count)d.")
            % {"wanted": version.min_outcome_areas, "count": available},
            code="min_outcome_areas_too_high",
        )
    if core_criteria is not None:
        changed |= _set_core_criteria(
            version=version, codes=core_criteria, user=user, reason=reason, now=now
        )
    if changed:
        bump_version_revision(version=version)
    return version


def _set_core_criteria(*, version: Version, codes: list[str], user, reason: str, now) -> bool:
    criteria = list(Criterion.objects.select_for_update().filter(version=version))
    known = {criterion.code for criterion in criteria}
    unknown = sorted(set(codes) - known)
    if unknown:
        raise InvalidInput(
            _("Version %(label)s has no criteria %(codes)s.")
            % {"label": version.label, "codes": ", ".join(unknown)},
            code="criterion_not_found",
            errors={"core_criteria": unknown},
        )
    wanted = set(codes)
    changed = False
    for criterion in criteria:
        is_core = criterion.code in wanted
        if criterion.is_core != is_core:
            criterion.is_core = is_core
            criterion.revision += 1
            save_with_history(criterion, user=user, reason=reason, now=now)
            changed = True
    return changed
