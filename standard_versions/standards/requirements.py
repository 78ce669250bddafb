"""The requirements of a draft: its certification levels, outcome areas and core criteria, set
as a whole and synced by permanent key."""

from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from standard_versions.errors import InvalidInput
from standard_versions.history import delete_with_history, save_with_history
from standard_versions.models import (
    CertificationLevel,
    Criterion,
    OutcomeArea,
    Version,
)
from standard_versions.standards.editing import (
    check_key,
    new_key,
    start_edit,
    validate,
)
from standard_versions.standards.preconditions import Precondition
from standard_versions.standards.revisions import bump_version_revision


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
        key = values.pop("key", None) or new_key(
            model=model, standard=version.standard, base=values["name"]
        )
        if key in seen:
            raise InvalidInput(
                _("Key %(key)s is given twice.") % {"key": key}, code="duplicate_key"
            )
        seen.add(key)
        check_key(key)
        values["position"] = position
        row = stored.get(key)
        if row is None:
            row = model(version=version, key=key, **values)
        elif all(getattr(row, name) == value for name, value in values.items()):
            continue
        else:
            for name, value in values.items():
                setattr(row, name, value)
        validate(row)
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
    version, reason = start_edit(version, precondition=precondition, reason=reason)
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
        levels = sorted(levels, key=lambda level: level["min_percent"])
    if outcome_areas is not None:
        outcome_areas = [{"description": "", **area} for area in outcome_areas]
    for model, wanted in ((CertificationLevel, levels), (OutcomeArea, outcome_areas)):
        if wanted is not None:
            changed |= _sync_by_key(
                model=model, version=version, wanted=wanted, user=user, reason=reason, now=now
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
