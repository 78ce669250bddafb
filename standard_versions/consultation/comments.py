"""Submitting comments; staff moderation and responses are in ``moderation`` (named here too, as
the callers know them).

Submission is retry-safe: an ``Idempotency-Key`` is unique per period in the database, so two
concurrent requests with the same key store one comment; the loser of the race reads the winner's
row and answers with the same receipt (same request) or ``idempotency_key_reused`` (another
request). A retry of an acknowledged submission is answered with its receipt even after the period
has closed: the comment was received in time. The web form sends a ``resubmission_key`` instead,
derived from the browser and the text (``web/resubmission.py``): it is stored and enforced in the
same column, but matches on the key alone, so the same text sent again gets the first receipt.
"""

import base64
import dataclasses
import datetime as dt
import secrets
from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction
from django.utils.translation import gettext_lazy as _

from standard_versions.consultation import comment_one_statement, submission_checks, tallies
from standard_versions.consultation.comment_text import (
    campaign_hash,
    canonical_sha256,
    storable_text,
)
from standard_versions.consultation.moderation import (  # noqa: F401 (named here for callers)
    moderate_comment,
    respond_to_comment,
)
from standard_versions.consultation.selectors_comments import period_get
from standard_versions.errors import Conflict, InvalidInput
from standard_versions.models import (
    Comment,
    CommentPeriod,
    CommentType,
    Criterion,
    Version,
)
from standard_versions.notifications import events
from standard_versions.raw_rows import first_raw_instance
from standard_versions.translations import i18n


@dataclass(frozen=True)
class CommentSubmission:
    """What a commenter sends, as the API's input serializer or the web form has validated it:
    the one list of a submission's fields. ``criterion_code`` empty: the version as a whole."""

    period_id: int
    body: str
    criterion_code: str = ""
    proposed_text: str = ""
    type: str = CommentType.GENERAL
    language: str = "en"
    name: str = ""
    organization: str = ""
    identity_public: bool = False
    email: str = ""

    def stored_as_sent(self) -> dict:
        """The fields a comment stores as they were sent (``STORED_AS_SENT``), by name."""
        return {name: getattr(self, name) for name in STORED_AS_SENT}

    @classmethod
    def from_input(cls, data, *, period_id: int) -> "CommentSubmission":
        """From validated input named as the API and the form name it (``criterion``, not
        ``criterion_code``; ``None`` for no criterion)."""
        return cls(
            period_id=period_id,
            criterion_code=data["criterion"] or "",
            **{name: data[name] for name in STORED_AS_SENT},
        )


# All of a submission but its period and criterion, which the submission resolves.
STORED_AS_SENT = tuple(
    f.name
    for f in dataclasses.fields(CommentSubmission)
    if f.name not in ("period_id", "criterion_code")
)


@dataclass(frozen=True)
class SubmissionResult:
    comment: Comment
    # True when the answer is the receipt of an earlier request with the same Idempotency-Key.
    replayed: bool


def _replay(*, period_id: int, key: str, request_sha256: str | None) -> SubmissionResult | None:
    """The earlier comment with ``key``; ``request_sha256`` None: whatever its other fields."""
    earlier = Comment.objects.filter(period_id=period_id, idempotency_key=key).first()
    if earlier is None:
        return None
    if request_sha256 is not None and earlier.request_sha256 != request_sha256:
        raise Conflict(
            _("This Idempotency-Key was used for a different comment; use a new key."),
            code="idempotency_key_reused",
        )
    return SubmissionResult(comment=earlier, replayed=True)


def submit_comment(
    *,
    idempotency_key: str | None = None,
    resubmission_key: str | None = None,
    now: dt.datetime,
    **fields,
) -> SubmissionResult:
    """``submit`` with the submission's fields as keywords (those of ``CommentSubmission``)."""
    return submit(
        submission=CommentSubmission(**fields),
        idempotency_key=idempotency_key,
        resubmission_key=resubmission_key,
        now=now,
    )


def submit(
    *,
    submission: CommentSubmission,
    idempotency_key: str | None = None,
    resubmission_key: str | None = None,
    now: dt.datetime,
) -> SubmissionResult:
    """Store a comment and return its receipt, or the receipt of the earlier request with the
    same ``idempotency_key`` (the API's: the same request, else ``idempotency_key_reused``) or
    the same ``resubmission_key`` (the web form's: the same browser, form and text, whatever
    else was sent). The checks and the INSERT are one short transaction (``_store``); a
    duplicate key is answered after its rollback, outside it, so without a savepoint."""
    if idempotency_key and resubmission_key:
        raise ValueError("Give an idempotency_key or a resubmission_key, not both.")
    idempotency_key = resubmission_key or idempotency_key or None
    # What an earlier comment with the key must match to be this request's answer.
    replay_any = resubmission_key is not None
    try:
        stored = _stored_in_one_statement(submission, idempotency_key=idempotency_key, now=now)
        if stored is not None:
            return stored
        return _store(submission, idempotency_key=idempotency_key, replay_any=replay_any, now=now)
    except IntegrityError:
        # Another request with the same key committed first (we waited for it on its index
        # entry); answer as it did. Anything else is a real error.
        if idempotency_key is None:
            raise
        earlier = _replay(
            period_id=submission.period_id,
            key=idempotency_key,
            request_sha256=None if replay_any else _request_sha256(_as_stored(submission)),
        )
        if earlier is None:
            raise
        return earlier


def _as_stored(submission: CommentSubmission) -> CommentSubmission:
    """The submission's texts as they are stored (``invalid_text`` for what cannot be)."""
    return dataclasses.replace(
        submission,
        body=storable_text(submission.body, field="body"),
        proposed_text=storable_text(submission.proposed_text, field="proposed_text"),
        name=storable_text(submission.name, field="name").strip(),
        organization=storable_text(submission.organization, field="organization").strip(),
    )


def _request_sha256(sent: CommentSubmission) -> str:
    return canonical_sha256(
        {
            "period": sent.period_id,
            "criterion": sent.criterion_code or None,
            **sent.stored_as_sent(),
        }
    )


@transaction.atomic
def _store(
    submission: CommentSubmission,
    *,
    idempotency_key: str | None,
    replay_any: bool,
    now: dt.datetime,
) -> SubmissionResult:
    """The submission in one short transaction: read its period (and lock it for share), check
    it, INSERT, count it in its tally, COMMIT. A request refused here has written nothing.

    The period is read under a shared row lock because extending, closing early and reopening
    lock it for update: a submission can never commit with ``submitted_at`` outside a window that
    a concurrent staff change has just narrowed. Shared locks do not block each other, so
    submissions stay concurrent. (One read of the period, not one before the transaction and
    one in it: each query was about a tenth of a submission's CPU.)
    """
    period = _locked_period_window(submission.period_id)
    if period is None:
        period_get(period_id=submission.period_id)  # says it is not there, as every view does
    sent = _as_stored(submission)
    request_sha256 = _request_sha256(sent)
    if idempotency_key is not None and not submission_checks.accepting(period, now=now):
        # Acknowledged before the period closed: its receipt, even now.
        earlier = _replay(
            period_id=period.pk,
            key=idempotency_key,
            request_sha256=None if replay_any else request_sha256,
        )
        if earlier is not None:
            return earlier
    submission_checks.refuse_unless_open(period, now=now)
    submission_checks.refuse_unless_draft(
        period, label=period.version_label, status=period.version_status
    )
    criterion = submission_checks.criterion_in_scope(period, sent.criterion_code)
    submission_checks.check_lengths(body=sent.body, proposed_text=sent.proposed_text)
    comment = _new_comment(
        sent,
        criterion=criterion,
        idempotency_key=idempotency_key,
        request_sha256=request_sha256,
        now=now,
    )
    comment.period = period
    # The new row is the comment's first state; its history record is written at the first staff
    # change (``_record_submission``), which halves the writes of a deadline surge.
    tallies.insert_counted(comment)
    if comment.email:
        # The receipt mail: a row of the outbox in this transaction; the POST never waits for mail.
        events.comment_received(comment, language=i18n.current_language(), now=now)
    return SubmissionResult(comment=comment, replayed=False)


def _stored_in_one_statement(
    submission: CommentSubmission, *, idempotency_key: str | None, now: dt.datetime
) -> SubmissionResult | None:
    """The submission stored by one statement that checks its period itself
    (``comment_one_statement``), on PostgreSQL, for a submission with no email (whose receipt
    mail ``_store`` writes in its transaction); None when it was not stored that way and
    ``_store`` must decide, with nothing written. A refusal is always ``_store``'s: it checks the
    period before the text, and says why."""
    if submission.email or not comment_one_statement.applies():
        return None
    try:
        sent = _as_stored(submission)
        submission_checks.check_lengths(body=sent.body, proposed_text=sent.proposed_text)
    except InvalidInput:
        return None
    criterion = None
    if sent.criterion_code:
        criterion = comment_one_statement.criterion_of(
            period_id=submission.period_id, code=sent.criterion_code
        )
        if criterion is None:
            return None
    comment = _new_comment(
        sent,
        criterion=criterion,
        idempotency_key=idempotency_key,
        request_sha256=_request_sha256(sent),
        now=now,
    )
    if not comment_one_statement.insert_if_accepting(comment, criterion=criterion, now=now):
        return None
    return SubmissionResult(comment=comment, replayed=False)


def _new_comment(
    sent: CommentSubmission,
    *,
    criterion: Criterion | None,
    idempotency_key: str | None,
    request_sha256: str,
    now: dt.datetime,
) -> Comment:
    """The new comment's row, its receipt hash set, for ``sent`` as ``_as_stored`` gives it."""
    comment = Comment(
        period_id=sent.period_id,
        tracking_id=new_tracking_id(),
        submitted_at=now,
        criterion_key=criterion.key if criterion else "",
        criterion_code=criterion.code if criterion else "",
        criterion_revision=criterion.revision if criterion else None,
        criterion_title=criterion.title if criterion else "",
        criterion_description=criterion.description if criterion else "",
        **sent.stored_as_sent(),
        normalized_hash=campaign_hash(sent.body),
        idempotency_key=idempotency_key or "",
        request_sha256=request_sha256,
    )
    comment.content_sha256 = receipt_sha256(comment)
    return comment


def _locked_period_window(period_id: int) -> CommentPeriod | None:
    """What a submission needs of its period, in one query: the window, the scope
    (``criterion_keys``) and its version's ``version_label`` and ``version_status``; None if
    there is no such period. Raw SQL: it runs on every submission, and Django has no FOR SHARE;
    ``raw_rows`` converts the columns as the ORM does.

    In ``_store``'s transaction: the period as committed now, share-locked until the transaction
    ends (on SQLite the write transaction already holds the database's write lock:
    BEGIN IMMEDIATE). Only the period is locked (``OF p``): publishing locks the version, then its
    periods, and closes them, so the period's window decides the race and a share lock on the
    version could only deadlock with it."""
    share = " FOR SHARE OF p" if connection.vendor == "postgresql" else ""
    periods = CommentPeriod._meta.db_table
    versions = Version._meta.db_table
    query = (
        "SELECT p.id, p.version_id, p.opens_at, p.closes_at, p.timezone, p.criterion_keys, "
        "v.label AS version_label, v.status AS version_status "
        f"FROM {periods} p JOIN {versions} v ON v.id = p.version_id WHERE p.id = %s{share}"
    )
    return first_raw_instance(CommentPeriod, query, [period_id])


def new_tracking_id() -> str:
    """128 random bits as 26 lowercase base32 characters: unguessable, safe in URLs, file names
    and spreadsheets (never starts with a sign), and easy to read out over the phone."""
    return base64.b32encode(secrets.token_bytes(16)).decode("ascii").rstrip("=").lower()


def receipt_sha256(comment: Comment) -> str:
    """The receipt's hash: SHA-256 of the stored content as canonical JSON (see docs/api.md)."""
    return canonical_sha256(
        {
            "tracking_id": comment.tracking_id,
            "submitted_at": comment.submitted_at.astimezone(dt.UTC).isoformat(),
            "period": comment.period_id,
            "criterion": comment.criterion_code or None,
            "criterion_revision": comment.criterion_revision,
            "body": comment.body,
            "proposed_text": comment.proposed_text,
            "type": comment.type,
            "language": comment.language,
        }
    )
