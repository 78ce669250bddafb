"""Near-duplicate campaigns: form letters with personal edits grouped into one campaign, off the
request path (the Celery task in consultation/tasks.py, ``manage.py find_campaigns``).

A body is normalised as for the identical-campaign hash (``comment_text.campaign_text``: NFKC,
case-folded, punctuation and symbols removed), cut into word 3-grams (shingles), and summarised
by a MinHash signature (datasketch, 128 permutations, a fixed seed, so signatures computed in
different runs and processes compare). A MinHashLSH index at a Jaccard threshold of 0.8 finds the
candidates; the best one by estimated Jaccard joins if it is at least 0.8 too (LSH alone lets
some pairs below the threshold through). With word 3-grams, a 100-word letter with a sentence of
15 words added or changed stays above 0.8; two letters that share only a salutation do not.

Incremental: each run examines the period's comments not examined before, oldest first, and
stores each one's signature (``CommentSignature``), with its campaign if it joined one. The LSH
index is rebuilt at each run from the stored signatures of the representatives only: each
comment in no campaign, and each campaign's template with at most ``REPRESENTATIVES - 1`` of its
earliest members that are not near copies of one before them, so a campaign of 10,000 letters is
at most eight entries. A comment joins the campaign of its most similar representative.
Stored signatures stay correct because a comment's body never changes after submission, and
``SCHEME`` names the parameters: a signature of another scheme is recomputed from the body.

The template is the first member (the earliest submitted): it is what the campaign's organiser
most likely sent first, and choosing it never changes as members arrive, so members' unique
additions (their sentences absent from the template, compared normalised) never have to be
recomputed. Assignments are never undone by a later run.
"""

import datetime as dt
import logging
import re
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHash, MinHashLSH
from django.db import IntegrityError, transaction
from django.db.models import Case, When

from standard_versions.consultation.comment_text import campaign_text
from standard_versions.models import Comment, CommentPeriod, CommentSignature, NearDuplicateCampaign

log = logging.getLogger(__name__)

NUM_PERM = 128
SEED = 20260414
SHINGLE_WORDS = 3
THRESHOLD = 0.8
# A campaign is found by up to this many of its members' signatures (its template first), each
# added only when it is not a near copy of the one it matched: two copies that each add their own
# sentence can both be within THRESHOLD of a third while below it of each other, and with the
# template alone each letter split into about five campaigns (docs/benchmarks.md).
REPRESENTATIVES = 8
NEAR_COPY = 0.95
# datasketch's permutation scheme (its 2.0 default), named so stored values are read back as it.
MINHASH_SCHEME = "affine32"
# Bumped whenever NUM_PERM, SEED, MINHASH_SCHEME, SHINGLE_WORDS or the normalisation change.
SCHEME = 1
BATCH_SIZE = 500
TASK_NAME = "consultation.find_campaigns"
PERIODIC_TASK_NAME = "consultation.find_campaigns_in_open_periods"
# The periodic run also looks at periods closed this recently, so their last comments are grouped.
SCAN_AFTER_CLOSE = dt.timedelta(days=1)

# A sentence ends at . ! ? … (and their full-width forms) followed by space, or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?\u2026\u3002\uff01\uff1f])\s+|\n+")


def sentences(text: str) -> list[str]:
    """The text's sentences, stripped, empty ones left out."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]


def unique_additions(body: str, *, template: str) -> list[str]:
    """The sentences of ``body`` that the template does not have, compared normalised (so a
    changed capital or comma is not an addition), each once, in the body's order."""
    known = {campaign_text(sentence) for sentence in sentences(template)}
    added = []
    for sentence in sentences(body):
        normal = campaign_text(sentence)
        if normal and normal not in known:
            known.add(normal)
            added.append(sentence)
    return added


def shingles(text: str) -> set[str]:
    """Word ``SHINGLE_WORDS``-grams of the normalised text (the whole text when shorter)."""
    words = campaign_text(text).split()
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(text: str) -> MinHash | None:
    """The MinHash of the text's shingles; None for a text with no words (never grouped)."""
    grams = shingles(text)
    if not grams:
        return None
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=MINHASH_SCHEME)
    minhash.update_batch([gram.encode("utf-8") for gram in grams])
    return minhash


def _to_bytes(minhash: MinHash | None) -> bytes:
    return b"" if minhash is None else minhash.hashvalues.astype("<u8").tobytes()


def _from_bytes(data: bytes) -> MinHash | None:
    if not data:
        return None
    values = np.frombuffer(bytes(data), dtype="<u8")
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=MINHASH_SCHEME, hashvalues=values)


@dataclass
class RunResult:
    examined: int = 0
    campaigns_created: int = 0
    members_added: int = 0
    stopped: bool = False  # a concurrent run changed the same rows: it carries on instead


class _Changed(Exception):
    """A row this run planned from was changed by another run meanwhile."""


@dataclass
class _Index:
    """The LSH index of a period's representatives: ``c<campaign>:<comment>`` a member that
    represents its campaign (the template and up to ``REPRESENTATIVES - 1`` others), ``s<id>``
    a comment in no campaign."""

    lsh: MinHashLSH = field(
        default_factory=lambda: MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    )
    signatures: dict[str, MinHash] = field(default_factory=dict)
    representatives: dict[int, int] = field(default_factory=dict)  # campaign -> how many

    def add(self, key: str, minhash: MinHash) -> None:
        self.lsh.insert(key, minhash)
        self.signatures[key] = minhash
        if key.startswith("c"):
            campaign_id = campaign_of(key)
            self.representatives[campaign_id] = self.representatives.get(campaign_id, 0) + 1

    def remove(self, key: str) -> None:
        self.lsh.remove(key)
        del self.signatures[key]

    def best(self, minhash: MinHash) -> tuple[str, float] | None:
        scored = [(minhash.jaccard(self.signatures[key]), key) for key in self.lsh.query(minhash)]
        scored = sorted((-score, key) for score, key in scored if score >= THRESHOLD)
        # The most similar; among equals, the first key, so a run is repeatable.
        return (scored[0][1], -scored[0][0]) if scored else None

    def represent(self, campaign_id: int, comment_id: int, minhash: MinHash, *, score: float):
        """Let a new member find its campaign too, while the campaign has room and the member
        is not a near copy of the representative it matched."""
        if self.representatives.get(campaign_id, 0) < REPRESENTATIVES and score < NEAR_COPY:
            self.add(f"c{campaign_id}:{comment_id}", minhash)


def campaign_of(key: str) -> int:
    """The campaign of a ``c<campaign>:<comment>`` key."""
    return int(key[1:].split(":")[0])


def _rescheme(period: CommentPeriod) -> None:
    """Signatures of another scheme recomputed from their bodies (assignments kept)."""
    stale = CommentSignature.objects.filter(period=period).exclude(scheme=SCHEME)
    rows = list(stale.select_related("comment").only("id", "comment__body"))
    for row in rows:
        row.signature, row.scheme = _to_bytes(signature(row.comment.body)), SCHEME
    CommentSignature.objects.bulk_update(rows, ["signature", "scheme"], batch_size=1000)


def _load_index(period: CommentPeriod) -> _Index:
    """The comments in no campaign, and each campaign's template with its earliest members that
    are not near copies of a representative before them (as ``_run_batch`` chose them)."""
    index = _Index()
    unassigned = CommentSignature.objects.filter(period=period, campaign__isnull=True)
    for comment_id, data in unassigned.values_list("comment_id", "signature").iterator(
        chunk_size=2000
    ):
        minhash = _from_bytes(data)
        if minhash is not None:
            index.add(f"s{comment_id}", minhash)
    campaigns = NearDuplicateCampaign.objects.filter(period=period).values_list("id", "template_id")
    for campaign_id, template_id in campaigns:
        members = (
            CommentSignature.objects.filter(campaign_id=campaign_id)
            .order_by(Case(When(comment_id=template_id, then=0), default=1), "submitted_at", "id")
            .values_list("comment_id", "signature")
        )
        kept: list[MinHash] = []
        for comment_id, data in members[: REPRESENTATIVES * 4]:
            minhash = _from_bytes(data)
            if minhash is None or any(minhash.jaccard(k) >= NEAR_COPY for k in kept):
                continue
            kept.append(minhash)
            index.add(f"c{campaign_id}:{comment_id}", minhash)
            if len(kept) == REPRESENTATIVES:
                break
    return index


def periods_to_scan(*, now: dt.datetime):
    """The periods the periodic run groups: open, or closed less than ``SCAN_AFTER_CLOSE`` ago."""
    return CommentPeriod.objects.filter(
        opens_at__lte=now, closes_at__gt=now - SCAN_AFTER_CLOSE
    ).order_by("id")


def find_campaigns(*, period: CommentPeriod, now: dt.datetime) -> RunResult:
    """Examine the period's comments not examined yet, oldest first, adding each to the campaign
    of the most similar earlier comment (making a campaign of two when that comment was in
    none). One transaction per ``BATCH_SIZE`` comments, so a long run never holds the write lock
    for long (SQLite) and what it did is kept if it stops."""
    result = RunResult()
    _rescheme(period)
    index = _load_index(period)
    pending = Comment.objects.filter(period=period, signature__isnull=True).order_by(
        "submitted_at", "id"
    )
    while True:
        batch = list(pending.only("id", "body", "submitted_at")[:BATCH_SIZE])
        if not batch:
            return result
        try:
            _run_batch(period=period, batch=batch, index=index, now=now, result=result)
        except (_Changed, IntegrityError):
            log.info("Campaigns of period %s: another run is grouping them.", period.pk)
            result.stopped = True
            return result


@transaction.atomic
def _run_batch(*, period, batch, index: _Index, now, result: RunResult) -> None:
    rows: dict[int, CommentSignature] = {}  # this batch's, by comment, inserted at its end
    touched: dict[int, list] = {}
    templates: dict[int, str] = {}
    for comment in batch:
        minhash = signature(comment.body)
        row = CommentSignature(
            comment=comment,
            period=period,
            submitted_at=comment.submitted_at,
            scheme=SCHEME,
            signature=_to_bytes(minhash),
        )
        rows[comment.pk] = row
        result.examined += 1
        if minhash is None:
            continue
        found = index.best(minhash)
        if found is None:
            index.add(f"s{comment.pk}", minhash)
            continue
        key, score = found
        if key.startswith("s"):
            first_id = int(key[1:])
            campaign = _campaign_of_two(period=period, first_id=first_id, rows=rows, now=now)
            # The campaign is found by its template's signature from now on.
            template_signature = index.signatures[key]
            index.remove(key)
            index.add(f"c{campaign.pk}:{first_id}", template_signature)
            result.campaigns_created += 1
            result.members_added += 1
            templates[campaign.pk] = campaign.template_text
        else:
            campaign_id = campaign_of(key)
            if campaign_id not in templates:
                templates[campaign_id] = NearDuplicateCampaign.objects.values_list(
                    "template_text", flat=True
                ).get(pk=campaign_id)
            campaign = NearDuplicateCampaign(pk=campaign_id)
        row.campaign_id = campaign.pk
        index.represent(campaign.pk, comment.pk, minhash, score=score)
        row.unique_additions = unique_additions(comment.body, template=templates[campaign.pk])
        times = touched.setdefault(campaign.pk, [0, comment.submitted_at, comment.submitted_at])
        times[0] += 1
        times[1] = min(times[1], comment.submitted_at)
        times[2] = max(times[2], comment.submitted_at)
        result.members_added += 1
    CommentSignature.objects.bulk_create(rows.values(), batch_size=1000)
    for campaign_id, (added, first, last) in touched.items():
        campaign = NearDuplicateCampaign.objects.select_for_update().get(pk=campaign_id)
        campaign.member_count += added
        campaign.first_submitted_at = min(campaign.first_submitted_at, first)
        campaign.last_submitted_at = max(campaign.last_submitted_at, last)
        campaign.save(update_fields=["member_count", "first_submitted_at", "last_submitted_at"])


def _campaign_of_two(
    *, period: CommentPeriod, first_id: int, rows: dict, now: dt.datetime
) -> NearDuplicateCampaign:
    """A campaign whose template is the comment ``first_id`` (in no campaign until now: a row of
    this batch's ``rows``, or one stored by an earlier batch or run)."""
    first = Comment.objects.only("id", "body", "submitted_at").get(pk=first_id)
    campaign = NearDuplicateCampaign.objects.create(
        period=period,
        template=first,
        template_text=first.body,
        member_count=1,
        first_submitted_at=first.submitted_at,
        last_submitted_at=first.submitted_at,
        created_at=now,
    )
    if first_id in rows:
        rows[first_id].campaign_id = campaign.pk
        return campaign
    joined = CommentSignature.objects.filter(comment_id=first_id, campaign__isnull=True).update(
        campaign=campaign, unique_additions=[]
    )
    if joined != 1:
        raise _Changed
    return campaign
