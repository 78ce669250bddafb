"""Adding, editing and removing the practice areas of a draft."""

from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from standard_versions.errors import Conflict
from standard_versions.history import delete_with_history
from standard_versions.models import (
    PracticeArea,
    Version,
)
from standard_versions.standards.editing import (
    area_code_free,
    check_code,
    check_precondition,
    clean_reason,
    key_for_new_row,
    lock_editable_version,
    lock_practice_area,
    next_position,
    save_draft_row,
    start_edit,
)
from standard_versions.standards.preconditions import Precondition
from standard_versions.standards.revisions import bump_version_revision


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
    version, reason = start_edit(version, precondition=precondition, reason=reason)
    check_code(code)
    area_code_free(version, code)
    key = key_for_new_row(
        model=PracticeArea,
        version=version,
        key=key,
        code=code,
    )
    if position is None:
        position = next_position(PracticeArea.objects.filter(version=version))
    area = PracticeArea(
        version=version, key=key, code=code, name=name, description=description, position=position
    )
    save_draft_row(area, version=version, exclude=("version",), user=user, reason=reason, now=now)
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
    version = lock_editable_version(version)
    check_precondition(precondition, version=version)
    area = lock_practice_area(version, code)
    reason = clean_reason(reason)
    changes = {
        field: value
        for field, value in {"name": name, "description": description, "position": position}.items()
        if value is not None and getattr(area, field) != value
    }
    if new_code is not None and new_code != area.code:
        check_code(new_code)
        area_code_free(version, new_code, exclude_pk=area.pk)
        changes["code"] = new_code
    if not changes:
        return area
    for field, value in changes.items():
        setattr(area, field, value)
    save_draft_row(area, version=version, exclude=("version",), user=user, reason=reason, now=now)
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
    version = lock_editable_version(version)
    check_precondition(precondition, version=version)
    area = lock_practice_area(version, code)
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
