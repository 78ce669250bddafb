"""Adding, editing and removing the criteria of a draft."""

from datetime import datetime

from django.db import transaction

from standard_versions.models import (
    Criterion,
    PracticeArea,
    Version,
)
from standard_versions.notifications import events
from standard_versions.standards.editing import (
    add_draft_row,
    changes_to,
    code_change,
    delete_draft_row,
    practice_area_of_version,
    save_draft_row,
    start_criterion_edit,
    start_edit,
)
from standard_versions.standards.preconditions import Precondition


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
    version, criterion, reason = start_criterion_edit(
        version, code, precondition=precondition, reason=reason
    )
    changes = changes_to(
        criterion,
        {"title": title, "description": description, "position": position, "is_core": is_core},
    )
    changes |= code_change(criterion, new_code, version=version)
    if practice_area is not None:
        area = practice_area_of_version(version, practice_area)
        if area.pk != criterion.practice_area_id:
            changes["practice_area"] = area
    if not changes:
        return criterion
    criterion.revision += 1
    save_draft_row(criterion, version=version, changes=changes, user=user, reason=reason, now=now)
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
    return add_draft_row(
        criterion,
        version=version,
        after=Criterion.objects.filter(practice_area=area),
        user=user,
        reason=reason,
        now=now,
    )


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
    version, criterion, reason = start_criterion_edit(
        version, code, precondition=precondition, reason=reason
    )
    delete_draft_row(criterion, version=version, user=user, reason=reason, now=now)
