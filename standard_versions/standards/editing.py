"""What every authoring service shares: the reason check, locking the version (and a row of it)
for writing, validation, free codes and keys, and saving, adding or deleting a row of a draft.

Every authoring service is one transaction that first locks the version row (``select_for_update``),
so writes to one version are serialised: a refusal is decided against the state no other writer can
change meanwhile, and nothing is stored when a function refuses. History records carry the acting
user, the reason and ``now`` (``standard_versions.history``); every change bumps the version's
revision (ETags, cached bodies).
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from standard_versions.errors import Conflict, InvalidInput, NotFound
from standard_versions.history import delete_with_history, save_with_history
from standard_versions.models import (
    Criterion,
    PracticeArea,
    Standard,
    Version,
    VersionStatus,
)
from standard_versions.models.standards import KEY_PATTERN, code_validator
from standard_versions.standards.preconditions import Precondition
from standard_versions.standards.revisions import bump_version_revision
from standard_versions.standards.selectors import criterion_not_found

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


def lock_editable_version(version: Version) -> Version:
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


def start_edit(version: Version, *, precondition: Precondition | None, reason: str):
    """The start of most authoring services, in the order their refusals take precedence: lock
    the version (a draft), check the writer's precondition, then the reason. Returns the locked
    version and the cleaned reason."""
    version = lock_editable_version(version)
    check_precondition(precondition, version=version)
    return version, clean_reason(reason)


def start_criterion_edit(
    version: Version, code: str, *, precondition: Precondition | None, reason: str
) -> tuple[Version, Criterion, str]:
    """``start_edit`` of one criterion, locked before the precondition is checked against it.
    Returns the locked version and criterion, and the cleaned reason."""
    version = lock_editable_version(version)
    criterion = lock_criterion(version, code)
    check_precondition(precondition, version=version, criterion=criterion)
    return version, criterion, clean_reason(reason)


def start_practice_area_edit(
    version: Version, code: str, *, precondition: Precondition | None, reason: str
) -> tuple[Version, PracticeArea, str]:
    """``start_edit`` of one practice area, locked before the reason is checked. Returns the
    locked version and practice area, and the cleaned reason."""
    version = lock_editable_version(version)
    check_precondition(precondition, version=version)
    area = lock_practice_area(version, code)
    return version, area, clean_reason(reason)


def check_precondition(precondition: Precondition | None, *, version: Version, criterion=None):
    if precondition is None:
        return
    if criterion is None:
        precondition.check_version(version)
    else:
        precondition.check_criterion(criterion, version=version)


def lock_criterion(version: Version, code: str) -> Criterion:
    criterion = (
        Criterion.objects.select_for_update()
        .filter(version=version, code=code)
        .select_related("practice_area")
        .first()
    )
    if criterion is None:
        raise criterion_not_found(label=version.label, code=code)
    criterion.version = version
    return criterion


def lock_practice_area(version: Version, code: str) -> PracticeArea:
    area = PracticeArea.objects.select_for_update().filter(version=version, code=code).first()
    if area is None:
        raise NotFound(
            _("Version %(label)s has no practice area %(code)s.")
            % {"label": version.label, "code": code},
            code="practice_area_not_found",
        )
    return area


def validate(instance) -> None:
    """``full_clean`` but for what the database checks: uniqueness, constraints and the foreign
    keys, which the services set from rows they have just locked or read (``full_clean`` would
    read each of them again)."""
    foreign_keys = [field.name for field in instance._meta.fields if field.many_to_one]
    try:
        instance.full_clean(exclude=foreign_keys, validate_unique=False, validate_constraints=False)
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


def save_draft_row(row, *, version: Version, user, reason: str, now, changes: dict | None = None):
    """Set ``changes`` on ``row`` (a draft version or a row of it), validate it, save it with its
    history record and mark everything served for ``version`` as changed."""
    for name, value in (changes or {}).items():
        setattr(row, name, value)
    validate(row)
    save_with_history(row, user=user, reason=reason, now=now)
    bump_version_revision(version=version)
    return row


def delete_draft_row(row, *, version: Version, user, reason: str, now) -> None:
    """Delete ``row`` of a draft with its history record, as ``save_draft_row`` saves one."""
    delete_with_history(row, user=user, reason=reason, now=now)
    bump_version_revision(version=version)


def add_draft_row(row, *, version: Version, after, user, reason: str, now):
    """Save the new ``row`` of ``version`` (a criterion or a practice area) as ``save_draft_row``
    does, once its code is valid and free, its key valid and free (none: a new key from its code)
    and its position set (none: after the last of the rows ``after``)."""
    model = type(row)
    check_code(row.code)
    refuse_taken(model, version=version, field="code", value=row.code)
    row.key = key_for_new_row(model=model, version=version, key=row.key, code=row.code)
    if row.position is None:
        row.position = next_position(after)
    return save_draft_row(row, version=version, user=user, reason=reason, now=now)


def changes_to(row, values: dict) -> dict:
    """Those of ``values`` that are given (not ``None``) and differ from ``row``'s."""
    return {
        name: value
        for name, value in values.items()
        if value is not None and getattr(row, name) != value
    }


def code_change(row, new_code: str | None, *, version: Version) -> dict:
    """``{"code": new_code}`` when ``new_code`` renumbers ``row`` (a criterion or a practice area)
    to a valid code free in ``version``; nothing when it is ``None`` or the same."""
    if new_code is None or new_code == row.code:
        return {}
    check_code(new_code)
    refuse_taken(type(row), version=version, field="code", value=new_code, exclude_pk=row.pk)
    return {"code": new_code}


def check_valid(validator, value: str, *, field: str, message, code: str) -> None:
    """``validator(value)``; a refusal is ``InvalidInput`` with ``message`` and ``code``, and the
    validator's own messages under ``field``."""
    try:
        validator(value)
    except ValidationError as error:
        raise InvalidInput(
            message, code=code, errors={field: [str(m) for m in error.messages]}
        ) from None


def check_code(code: str) -> None:
    check_valid(
        code_validator,
        code,
        field="code",
        message=_("%(code)s is not a valid code.") % {"code": code},
        code="invalid_code",
    )


def check_key(key: str) -> None:
    if not re.match(KEY_PATTERN, key):
        raise InvalidInput(
            _("%(key)s is not a valid key.") % {"key": key},
            code="invalid_key",
            errors={"key": [str(_("Use lowercase letters, digits and hyphens."))]},
        )


def new_key(*, model, standard: Standard, base: str) -> str:
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


# How a version refuses a code or key it already has, by model and field.
_TAKEN = {
    (Criterion, "code"): (
        _("Version %(label)s already has a criterion %(code)s."),
        "criterion_code_taken",
    ),
    (Criterion, "key"): (
        _("Version %(label)s already has a criterion with key %(key)s."),
        "criterion_key_taken",
    ),
    (PracticeArea, "code"): (
        _("Version %(label)s already has a practice area %(code)s."),
        "practice_area_code_taken",
    ),
    (PracticeArea, "key"): (
        _("Version %(label)s already has a practice area with key %(key)s."),
        "practice_area_key_taken",
    ),
}


def refuse_taken(model, *, version: Version, field: str, value: str, exclude_pk=None) -> None:
    """Refuse ``value`` (409) when another ``model`` row of ``version`` has it as its ``field``."""
    rows = model.objects.filter(version=version, **{field: value}).exclude(pk=exclude_pk)
    if rows.exists():
        message, error_code = _TAKEN[model, field]
        raise Conflict(message % {"label": version.label, field: value}, code=error_code)


def key_for_new_row(*, model, version: Version, key: str | None, code: str) -> str:
    """``key`` when it is valid and free in ``version``, or a new key never used in the
    standard, derived from ``code``."""
    if not key:
        return new_key(model=model, standard=version.standard, base=code)
    check_key(key)
    refuse_taken(model, version=version, field="key", value=key)
    return key


def next_position(rows) -> int:
    """The position after the last of ``rows`` (0 for none)."""
    last = rows.aggregate(last=Max("position"))["last"]
    return 0 if last is None else last + 1


def practice_area_of_version(version: Version, practice_area: PracticeArea) -> PracticeArea:
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
