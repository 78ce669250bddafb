"""A response names what it changed: staff link a comment to the change it led to.

A link names a criterion or practice area by permanent key (so a criterion renumbered between the
commented version and the linked one is still found), or the requirements as a whole, in a
version of the same standard that is the commented version itself (a draft edited since) or one
created after it. "After" is ``created_at``: a draft is always created after the version it is
based on, and comparing dates also accepts a later version that is not on the ``based_on`` chain
(a fresh draft loaded from a file), which is still a later text of the same standard.

An exact duplicate (same comment, version, part and key) is refused with 409
``response_link_exists`` rather than ignored: the class of the existing link may differ from the
one asked for, and a silent success would hide that.

Each link's creation and deletion is recorded in its own history and, as a record with the same
user, reason and date, in the comment's: the public report's cache fingerprint is built from the
comments' history ids (``selectors_report._HEAD_SQL``), so it changes with the links.
"""

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from standard_versions.consultation.moderation import comment_for_update
from standard_versions.errors import Conflict, InvalidInput, NotFound
from standard_versions.history import delete_with_history, save_with_history
from standard_versions.models import (
    ChangeClass,
    ChangeTarget,
    Comment,
    Criterion,
    PracticeArea,
    ResponseLink,
    Version,
)
from standard_versions.standards.selectors import standard_get, version_not_found


def _describe(link: ResponseLink, label: str) -> str:
    """How a history reason names a link: "criterion KEY in 3.0", "requirements in 3.0"."""
    part = link.target if not link.target_key else f"{link.target} {link.target_key}"
    return f"{part} in {label}"


def _linked_version(*, comment: Comment, standard_slug: str, label: str) -> Version:
    version = (
        Version.objects.select_related("standard")
        .filter(standard__slug=standard_slug, label=label)
        .first()
    )
    if version is None:
        standard_get(slug=standard_slug)
        raise version_not_found(standard_slug=standard_slug, label=label)
    commented = comment.period.version
    if version.standard_id != commented.standard_id:
        raise InvalidInput(
            _("The comment is on standard %(std)s: link it to a version of that standard.")
            % {"std": commented.standard.slug},
            code="version_of_another_standard",
        )
    if version.pk != commented.pk and version.created_at < commented.created_at:
        raise InvalidInput(
            _(
                "Version %(label)s is earlier than version %(commented)s the comment is on: link "
                "it to that version or a later one."
            )
            % {"label": version.label, "commented": commented.label},
            code="version_before_comment",
        )
    return version


def _check_target(*, version: Version, target: str, target_key: str) -> None:
    if target not in ChangeTarget.values:
        raise InvalidInput(
            _("Unknown part %(value)s: use criterion, practice_area or requirements.")
            % {"value": str(target)[:40]},
            code="invalid_target",
        )
    if target == ChangeTarget.REQUIREMENTS:
        if target_key:
            raise InvalidInput(
                _("The requirements are one whole: give no key."), code="target_key_not_expected"
            )
        return
    if not target_key:
        raise InvalidInput(
            _("Give the permanent key of the %(part)s that changed.")
            % {"part": ChangeTarget(target).label},
            code="target_key_required",
        )
    model = Criterion if target == ChangeTarget.CRITERION else PracticeArea
    if not model.objects.filter(version=version, key=target_key).exists():
        raise InvalidInput(
            _("Version %(label)s has no %(part)s with the key %(key)s.")
            % {"label": version.label, "part": ChangeTarget(target).label, "key": target_key[:64]},
            code="target_not_found",
        )


@transaction.atomic
def link_response_change(
    *,
    tracking_id: str,
    standard_slug: str,
    label: str,
    target: str,
    target_key: str,
    change_class: str,
    user,
    now: dt.datetime,
    reason: str = "",
) -> ResponseLink:
    """Link the comment ``tracking_id``'s response to the change of one part of version
    ``label`` of ``standard_slug`` (see the module docstring for the rules)."""
    if change_class not in ChangeClass.values:
        raise InvalidInput(
            _("Unknown class %(value)s: use editorial or substantive.")
            % {"value": str(change_class)[:40]},
            code="invalid_change_class",
        )
    target_key = (target_key or "").strip()
    comment = comment_for_update(tracking_id)
    comment = Comment.objects.select_related("period__version__standard").get(pk=comment.pk)
    version = _linked_version(comment=comment, standard_slug=standard_slug, label=label)
    _check_target(version=version, target=target, target_key=target_key)
    link = ResponseLink(
        comment=comment,
        version=version,
        target=target,
        target_key=target_key,
        change_class=change_class,
        created_at=now,
    )
    reason = (reason or "").strip() or f"response link: added {_describe(link, version.label)}"
    duplicate = ResponseLink.objects.filter(
        comment=comment, version=version, target=target, target_key=target_key
    ).exists()
    if duplicate:
        raise _duplicate(version)
    try:
        # A savepoint, so that a concurrent twice-sent link leaves the transaction usable.
        with transaction.atomic():
            save_with_history(link, user=user, reason=reason, now=now)
    except IntegrityError:
        raise _duplicate(version) from None
    # The comment's own record of the change (the report's fingerprint reads comment history).
    save_with_history(comment, user=user, reason=reason, now=now)
    return link


def _duplicate(version: Version) -> Conflict:
    return Conflict(
        _("The response is already linked to this change in version %(label)s.")
        % {"label": version.label},
        code="response_link_exists",
    )


@transaction.atomic
def unlink_response_change(
    *, link_id: int, user, now: dt.datetime, reason: str, tracking_id: str | None = None
) -> None:
    """Delete the link ``link_id`` (of the comment ``tracking_id`` when given, so that a URL
    naming another comment's link finds nothing)."""
    links = ResponseLink.objects.select_related("comment", "version")
    if tracking_id is not None:
        links = links.filter(comment__tracking_id=tracking_id)
    link = links.filter(pk=link_id).first()
    if link is None:
        raise NotFound(
            _("There is no response link %(id)s.") % {"id": link_id}, code="response_link_not_found"
        )
    comment = comment_for_update(link.comment.tracking_id)
    reason = (reason or "").strip() or (
        f"response link: removed {_describe(link, link.version.label)}"
    )
    delete_with_history(link, user=user, reason=reason, now=now)
    save_with_history(comment, user=user, reason=reason, now=now)
