"""Near-duplicate campaigns (issue 16, item 6): how fast ``find_campaigns`` groups a period's
comments and how well, on campaign-shaped data like the FCC's: ``--comments`` comments (default
20,000), 94 % from five form letters (half of them with a sentence of the sender's own, a tenth
with a word changed), the rest unique texts.

    .venv/bin/python -m tests.bench.run near_duplicates
    .venv/bin/python -m tests.bench.bench_near_duplicates --comments 100000

It loads the shipped data and the demo into a scratch SQLite database, copies one submitted
comment into the others (bulk inserts: what is measured is the grouping, not ingest), runs
``find_campaigns`` over them all, then over 1,000 more (the incremental run a beat tick makes),
and prints comments per second and the grouping's quality: campaigns found, the letters grouped
with their own letter's campaign, and the unique texts wrongly grouped.
"""

import argparse
import datetime as dt
import os
import random
import secrets
import tempfile
import time
from collections import Counter

VOCABULARY = (
    "data city open residents council public budget services performance evaluation "
    "transparency results department community survey portal dashboard policy report program "
    "goals outcomes equity housing transit safety health libraries parks water procurement "
    "training analytics planning engagement feedback neighborhoods climate permits inspections "
    "broadband privacy security inventory standard criterion"
).split()


def _letter(seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(VOCABULARY) for _ in range(120)) + "."


LETTERS = [_letter(seed) for seed in range(5)]
OWN_SENTENCES = [
    "In our town the library already keeps such a list.",
    "My neighbourhood association would use it every month.",
    "As a teacher I would show it to my students.",
    "Our council voted on this last spring.",
    "I have lived here for thirty years.",
]


def _body(rng: random.Random) -> tuple[str, int | None]:
    """A comment's text and the letter it copies (None: a unique text)."""
    if rng.random() >= 0.94:
        words = LETTERS[rng.randrange(5)].split()
        rng.shuffle(words)
        return " ".join(words[:60]) + f" {secrets.token_hex(4)}.", None
    letter = rng.randrange(5)
    words = LETTERS[letter].split()
    if rng.random() < 0.1:
        words[rng.randrange(len(words))] = "changed"
    text = " ".join(words)
    if rng.random() < 0.5:
        text += " " + rng.choice(OWN_SENTENCES)
    return text, letter


def _copies(model, template, bodies: list[str], start: dt.datetime) -> list:
    fields = {
        f.attname: getattr(template, f.attname)
        for f in model._meta.concrete_fields
        if not f.primary_key
    }
    return [
        model(
            **{
                **fields,
                "body": body,
                "tracking_id": secrets.token_hex(13),
                "idempotency_key": "",
                "submitted_at": start + dt.timedelta(milliseconds=i),
            }
        )
        for i, body in enumerate(bodies)
    ]


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--comments", type=int, default=20_000)
    args, _unknown = parser.parse_known_args(argv)
    folder = tempfile.mkdtemp(prefix="bench-near-duplicates-")
    os.environ.update(
        DATABASE_URL=f"sqlite:///{folder}/db.sqlite3",
        DEBUG="0",
        SECRET_KEY="bench-only-secret-key-not-for-production",
        ALLOWED_HOSTS="localhost",
        DJANGO_SETTINGS_MODULE="backend.settings",
    )
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    from standard_versions.consultation import near_duplicates
    from standard_versions.consultation.comments import submit_comment
    from standard_versions.models import Comment, CommentSignature

    call_command("migrate", verbosity=0)
    call_command("load_standard", verbosity=0)
    call_command("ensure_demo", verbosity=0)
    from standard_versions.models import CommentPeriod

    period = CommentPeriod.objects.get(version__label="demo")
    template = submit_comment(period_id=period.pk, body=LETTERS[0], now=timezone.now()).comment
    rng = random.Random(16)
    drawn = [_body(rng) for _ in range(args.comments + 1000)]
    start = timezone.now()
    Comment.objects.bulk_create(
        _copies(Comment, template, [b for b, _ in drawn[: args.comments]], start), batch_size=2000
    )
    letter_of = {template.pk: 0}
    for comment_id, (_body_text, letter) in zip(
        Comment.objects.filter(period=period)
        .exclude(pk=template.pk)
        .order_by("submitted_at", "id")
        .values_list("id", flat=True),
        drawn[: args.comments],
        strict=True,
    ):
        letter_of[comment_id] = letter

    started = time.perf_counter()
    first = near_duplicates.find_campaigns(period=period, now=timezone.now())
    seconds = time.perf_counter() - started
    later = start + dt.timedelta(hours=1)
    Comment.objects.bulk_create(
        _copies(Comment, template, [b for b, _ in drawn[args.comments :]], later), batch_size=2000
    )
    started = time.perf_counter()
    near_duplicates.find_campaigns(period=period, now=timezone.now())
    incremental = time.perf_counter() - started

    rows = CommentSignature.objects.filter(comment_id__in=letter_of).values_list(
        "comment_id", "campaign_id", "campaign__template_id"
    )
    # Per letter: how many of its copies are in its largest campaign, and in campaigns of
    # another letter (never expected: the letters share no run of three words).
    per_letter: dict[int, Counter] = {letter: Counter() for letter in range(5)}
    mixed = unique_grouped = uniques = 0
    for comment_id, campaign_id, template_id in rows:
        letter = letter_of[comment_id]
        if letter is None:
            uniques += 1
            unique_grouped += campaign_id is not None
            continue
        per_letter[letter][campaign_id] += 1
        mixed += campaign_id is not None and letter_of.get(template_id) != letter
    copies = sum(sum(c.values()) for c in per_letter.values())
    in_largest = sum(
        max((n for k, n in c.items() if k is not None), default=0) for c in per_letter.values()
    )
    ungrouped = sum(c[None] for c in per_letter.values())
    campaigns = period.near_duplicate_campaigns.count()

    print(
        f"   {args.comments + 1:,} comments: grouped in {seconds:.1f} s "
        f"({(args.comments + 1) / seconds:,.0f} comments/s); {first}"
    )
    print(f"   1,000 more (incremental run): {incremental:.2f} s ({1000 / incremental:,.0f}/s)")
    print(
        f"   campaigns: {campaigns} for 5 letters; copies in their letter's largest campaign: "
        f"{in_largest:,} of {copies:,} ({in_largest / copies:.1%}); in no campaign: "
        f"{ungrouped:,}; with another letter: {mixed}; unique texts grouped: "
        f"{unique_grouped} of {uniques:,}"
    )


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
