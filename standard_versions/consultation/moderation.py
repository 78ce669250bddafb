"""Staff work on a submitted comment: publishing or withholding it, and responding to it.

A comment's history gets its first record, the comment as submitted, only at its first staff
change (``_record_submission``): submitting writes one row and nothing else, which halves the
writes of a deadline surge.
"""

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from standard_versions.consultation.comment_limits import RESPONSE_MAX_CHARS
from standard_versions.consultation.comment_text import storable_text
from standard_versions.errors import InvalidInput, NotFound
from standard_versions.history import save_with_history
from standard_versions.models import Comment, Disposition, ModerationState
from standard_versions.notifications import events


def _submission_record(comment: Comment):
    fields = {field.attname: getattr(comment, field.attname) for field in Comment._meta.fields}
    return Comment.history.model(
        history_date=comment.submitted_at,
        history_type="+",
        history_user=None,
        history_change_reason="submitted",
        **fields,
    )


def _record_submission(comment: Comment) -> None:
    """Give a comment's history its first record, the comment as submitted (dated
    ``submitted_at``), before the first staff change is saved on top of it."""
    if not comment.history.exists():
        _submission_record(comment).save()


def record_submissions(comments: list[Comment]) -> None:
    """``_record_submission`` for many comments: two queries, whatever their number."""
    ids = [comment.pk for comment in comments]
    recorded = set(
        Comment.history.model.objects.filter(id__in=ids).values_list("id", flat=True).distinct()
    )
    Comment.history.model.objects.bulk_create(
        [_submission_record(c) for c in comments if c.pk not in recorded], batch_size=500
    )


def comment_for_update(tracking_id: str) -> Comment:
    """The comment, locked for the rest of the transaction, its history begun with the record of
    its submission (every staff or commenter step on a comment starts here), or NotFound."""
    comment = Comment.objects.select_for_update().filter(tracking_id=tracking_id).first()
    if comment is None:
        raise NotFound(
            _("There is no comment %(id)s.") % {"id": tracking_id}, code="comment_not_found"
        )
    _record_submission(comment)
    return comment


def checked_moderation(*, state: str, reason: str) -> str:
    """The moderation's reason, stripped, or InvalidInput: a comment is published or withheld,
    and withholding says why."""
    if state not in (ModerationState.PUBLISHED, ModerationState.WITHHELD):
        raise InvalidInput(
            _("A comment can be published or withheld."), code="invalid_moderation_state"
        )
    reason = (reason or "").strip()
    if state == ModerationState.WITHHELD and not reason:
        raise InvalidInput(_("Say why the comment is withheld."), code="reason_required")
    return reason


def checked_response(*, disposition: str, response: str) -> str:
    """The response, cleaned, or InvalidInput: a known disposition and a response in limits."""
    if disposition not in Disposition.values:
        raise InvalidInput(
            _("Unknown disposition %(value)s.") % {"value": disposition}, code="invalid_disposition"
        )
    response = storable_text(response, field="response").strip()
    if not response:
        raise InvalidInput(_("Write a response to the commenter."), code="response_required")
    if len(response) > RESPONSE_MAX_CHARS:
        raise InvalidInput(
            _("A response has at most %(max)s characters.") % {"max": RESPONSE_MAX_CHARS},
            code="response_too_long",
        )
    return response


@transaction.atomic
def moderate_comment(
    *,
    tracking_id: str,
    state: str,
    reason: str = "",
    user,
    now: dt.datetime,
    history_reason: str = "",
) -> Comment:
    """Publish a comment, or withhold it (a reason is required and kept in history).
    ``history_reason``, when given, is the history's reason instead (a whole campaign's
    moderation says so in each member's history, while ``reason`` stays the public one)."""
    reason = checked_moderation(state=state, reason=reason)
    comment = comment_for_update(tracking_id)
    if comment.moderation_state == state and comment.moderation_reason == reason:
        return comment
    was_public = response_is_public(comment)
    comment.moderation_state = state
    comment.moderation_reason = reason
    save_with_history(
        comment, user=user, reason=history_reason or reason or f"moderation: {state}", now=now
    )
    if response_is_public(comment) and not was_public:
        events.response_published(comment, now=now)
    return comment


@transaction.atomic
def respond_to_comment(
    *,
    tracking_id: str,
    disposition: str,
    response: str,
    user,
    reason: str = "",
    now: dt.datetime,
) -> Comment:
    """Record what was done with a comment: its disposition and the staff response."""
    response = checked_response(disposition=disposition, response=response)
    comment = comment_for_update(tracking_id)
    changed = (comment.disposition, comment.response) != (disposition, response)
    comment.disposition = disposition
    comment.response = response
    comment.responded_at = now
    save_with_history(
        comment,
        user=user,
        reason=(reason or "").strip() or f"disposition: {disposition}",
        now=now,
    )
    if changed and response_is_public(comment):
        events.response_published(comment, now=now)
    return comment


def response_is_public(comment: Comment) -> bool:
    """The public sees a response on a published comment (the receipt, the report)."""
    return comment.moderation_state == ModerationState.PUBLISHED and bool(comment.response)
