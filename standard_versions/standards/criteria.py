"""Adding, editing and removing the criteria of a draft."""

from datetime import datetime

from django.db import transaction

from standard_versions.history import delete_with_history
from standard_versions.models import (
    Criterion,
    PracticeArea,
    Version,
)
from standard_versions.notifications import events
from standard_versions.standards.editing import (
    check_code,
    check_precondition,
    clean_reason,
    criterion_code_free,
    key_for_new_row,
    lock_criterion,
    lock_editable_version,
    next_position,
    practice_area_of_version,
    save_draft_row,
    start_edit,
)
from standard_versions.standards.preconditions import Precondition
from standard_versions.standards.revisions import bump_version_revision


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
    version = lock_editable_version(version)
    criterion = lock_criterion(version, code)
    check_precondition(precondition, version=version, criterion=criterion)
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
        check_code(new_code)
        criterion_code_free(version, new_code, exclude_pk=criterion.pk)
        changes["code"] = new_code
    if practice_area is not None:
        area = practice_area_of_version(version, practice_area)
        if area.pk != criterion.practice_area_id:
            changes["practice_area"] = area
    if not changes:
        return criterion
    for name, value in changes.items():
        setattr(criterion, name, value)
    criterion.revision += 1
    save_draft_row(
        criterion,
        version=version,
        exclude=("version", "practice_area"),
        user=user,
        reason=reason,
        now=now,
    )
    if changes.keys() & {"title", "description"}:
        events.criterion_changed(criterion, version=version, now=now)
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
    version, reason = start_edit(version, precondition=precondition, reason=reason)
    area = practice_area_of_version(version, practice_area)
    check_code(code)
    criterion_code_free(version, code)
    key = key_for_new_row(
        model=Criterion,
        version=version,
        key=key,
        code=code,
    )
    if position is None:
        position = next_position(Criterion.objects.filter(practice_area=area))
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
    save_draft_row(
        criterion,
        version=version,
        exclude=("version", "practice_area"),
        user=user,
        reason=reason,
        now=now,
    )
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
    version = lock_editable_version(version)
    criterion = lock_criterion(version, code)
    check_precondition(precondition, version=version, criterion=criterion)
    reason = clean_reason(reason)
    delete_with_history(criterion, user=user, reason=reason, now=now)
    bump_version_revision(version=version)


# --- practice areas ------------------------------------------------------------------------------
