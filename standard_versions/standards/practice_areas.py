"""Adding, editing and removing the practice areas of a draft."""

from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from standard_versions.errors import Conflict
from standard_versions.models import (
    PracticeArea,
    Version,
)
from standard_versions.standards.editing import (
    add_draft_row,
    changes_to,
    code_change,
    delete_draft_row,
    save_draft_row,
    start_edit,
    start_practice_area_edit,
)
from standard_versions.standards.preconditions import Precondition


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
    area = PracticeArea(
        version=version, key=key, code=code, name=name, description=description, position=position
    )
    return add_draft_row(
        area,
        version=version,
        after=PracticeArea.objects.filter(version=version),
        user=user,
        reason=reason,
        now=now,
    )


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
    version, area, reason = start_practice_area_edit(
        version, code, precondition=precondition, reason=reason
    )
    changes = changes_to(area, {"name": name, "description": description, "position": position})
    changes |= code_change(area, new_code, version=version)
    if changes:
        save_draft_row(area, version=version, changes=changes, user=user, reason=reason, now=now)
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
    version, area, reason = start_practice_area_edit(
        version, code, precondition=precondition, reason=reason
    )
    if area.criteria.exists():
        raise Conflict(
            _("Practice area %(code)s still has criteria; move or remove them first.")
            % {"code": code},
            code="practice_area_not_empty",
        )
    delete_draft_row(area, version=version, user=user, reason=reason, now=now)
