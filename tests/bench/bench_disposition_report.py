"""The disposition report of a period with 100,000 published comments (issue 17): the page, the
JSON, the CSV, the ISO/IEC CSV and the PDF, timed and their queries counted, on PostgreSQL.

Not in ``make bench``'s default list (a minute on a quiet machine, three on a busy one):
``make bench ARGS=disposition_report`` or ``.venv/bin/python -m tests.bench.run
disposition_report``; ``--comments N`` changes the size.

A scratch database (``bench_disposition_report``, dropped at the end) gets the ``load 1.0``
draft (40 criteria in 4 practice areas) with an open period of 10 days and N comments made with
``bulk_create``, all published: two thirds responded, a third of those linked to a change in a
later version ``1.1`` (editorial or substantive), a fifth answered (accepted, or objected with a
published text, some replied to), one comment in 50 in a near-duplicate campaign and one in 20
sharing a text with another. A second draft ``small 1.0`` has 500 comments, the most the PDF
prints whole, to time WeasyPrint on every comment. A child process times requests in-process
with Django's test client (the server's work, no HTTP), each uncached (cache cleared before)
and cached, and reports the queries each made and the peak memory.
"""

import json
import resource
import statistics
import subprocess
import sys
import time

from tests.bench import bench_servers

DB = "bench_disposition_report"
DEFAULT_COMMENTS = 100_000
SMALL = 500
RUNS = 3


def main(argv: list[str]) -> None:
    size = DEFAULT_COMMENTS
    if "--comments" in argv:
        size = int(argv[argv.index("--comments") + 1])
    bench_servers.prepare(DB, "")
    env = bench_servers.server_env(DB, "", REDIS_URL="")
    try:
        run = subprocess.run(
            [sys.executable, "-m", "tests.bench.bench_disposition_report", "--child", str(size)],
            cwd=bench_servers.ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        if run.returncode:
            raise SystemExit(f"the benchmark's process failed:\n{run.stderr[-3000:]}")
        output = run.stdout
        lines = output.strip().splitlines()
        for line in lines[:-1]:
            print(f"   {line}")
        figures = json.loads(lines[-1])
        print(f"   {size:,} published comments:")
        for name, (ms, queries) in figures.items():
            print(f"     {name:<36} {ms:10.1f} ms  {queries:4d} queries")
    finally:
        bench_servers.drop_database(DB)


def _build(*, slug: str, size: int) -> None:
    import datetime as dt

    from django.utils import timezone

    from standard_versions.consultation.periods import create_period
    from standard_versions.models import (
        Comment,
        CommenterAnswer,
        CommentPeriod,
        CommentSignature,
        Criterion,
        IdenticalCommentTally,
        NearDuplicateCampaign,
        ResponseLink,
        Version,
    )
    from tests.factories import build_version

    now = timezone.now()
    opens = now - dt.timedelta(days=10)
    if slug == "load":  # bench_servers.prepare made the draft and its open period
        period = CommentPeriod.objects.get(version__standard__slug=slug)
        CommentPeriod.objects.filter(pk=period.pk).update(
            opens_at=opens, timezone="America/New_York"
        )
    else:
        build_version(standard_slug=slug, label="1.0", criteria=40, areas=4, status="draft")
        period = create_period(
            standard_slug=slug,
            label="1.0",
            opens_at=opens,
            closes_at=now + dt.timedelta(days=1),
            timezone="America/New_York",
            criteria=None,
            instructions="",
            user=None,
            reason="bench",
            now=opens,
        )
    version = Version.objects.get(standard__slug=slug, label="1.0")
    later = Version.objects.create(standard=version.standard, label="1.1", status="draft")
    areas = {a.key: a for a in version.practice_areas.all()}
    for area in areas.values():
        area.pk, area.version = None, later
        area.save()
    new_areas = {a.key: a for a in later.practice_areas.all()}
    Criterion.objects.bulk_create(
        Criterion(
            version=later,
            practice_area=new_areas[c.practice_area.key],
            key=c.key,
            code=c.code,
            title=c.title,
            description=c.description,
            position=c.position,
        )
        for c in version.criteria.select_related("practice_area")
    )
    span = (now - opens).total_seconds()
    rows = []
    for i in range(size):
        responded = i % 3 != 2
        rows.append(
            Comment(
                period=period,
                tracking_id=f"B-{slug}-{i:08d}",
                submitted_at=opens + dt.timedelta(seconds=span * i / size),
                criterion_key=f"k{i % 40}",
                criterion_code=f"A{i % 4}.{i % 40}",
                criterion_title=f"Criterion {i % 40}",
                body=f"Comment body {i}. " * 20 if i % 20 else "The same form letter.",
                type=("general", "technical", "editorial", "translation")[i % 4],
                name=f"Commenter {i}",
                organization="City of Somewhere",
                identity_public=i % 2 == 0,
                content_sha256="0" * 64,
                normalized_hash="same" if i % 20 == 0 else f"{i:064d}",
                moderation_state="published",
                disposition=("noted", "accepted", "")[i % 3],
                response="Thank you." if responded else "",
                responded_at=now - dt.timedelta(days=i % 20) if responded else None,
            )
        )
    Comment.objects.bulk_create(rows, batch_size=5000)
    del rows
    ids = list(
        Comment.objects.filter(period=period).order_by("id").values_list("id", "criterion_key")
    )
    ResponseLink.objects.bulk_create(
        (
            ResponseLink(
                comment_id=pk,
                version=later,
                target="criterion",
                target_key=key,
                change_class=("editorial", "substantive")[n % 2],
                created_at=now,
            )
            for n, (pk, key) in enumerate(ids)
            if n % 9 == 0
        ),
        batch_size=5000,
    )
    CommenterAnswer.objects.bulk_create(
        (
            CommenterAnswer(
                comment_id=pk,
                kind="accepted" if n % 2 else "objected",
                text="" if n % 2 else "I object to this response.",
                moderation_state="received" if n % 2 else "published",
                staff_reply="We heard you." if n % 4 == 0 else "",
                replied_at=now if n % 4 == 0 else None,
                submitted_at=now,
            )
            for n, (pk, _key) in enumerate(ids)
            if n % 15 == 0
        ),
        batch_size=5000,
    )
    IdenticalCommentTally.objects.create(
        period=period,
        normalized_hash="same",
        count=size // 20,
        first_submitted_at=opens,
        last_submitted_at=now,
        example_tracking_id=f"B-{slug}-00000000",
    )
    members = [pk for n, (pk, _key) in enumerate(ids) if n % 50 == 1]
    campaign = NearDuplicateCampaign.objects.create(
        period=period,
        template_id=members[0],
        template_text="A form letter",
        member_count=len(members),
        first_submitted_at=opens,
        last_submitted_at=now,
        created_at=now,
    )
    CommentSignature.objects.bulk_create(
        (
            CommentSignature(
                comment_id=pk,
                period=period,
                submitted_at=now,
                scheme=1,
                signature=b"x",
                campaign=campaign,
            )
            for pk in members
        ),
        batch_size=5000,
    )


def child(size: int) -> None:
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from standard_versions.http.body_memo import published_bodies

    started = time.perf_counter()
    _build(slug="load", size=size)
    _build(slug="small", size=SMALL)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"built {size:,} + {SMALL:,} comments in {time.perf_counter() - started:.0f} s")
    client = Client()

    def forget():
        cache.clear()
        published_bodies.clear()

    def measure(url: str, *, cached: bool, runs: int = RUNS) -> tuple[float, int]:
        times, queries = [], 0
        for _ in range(runs):
            if not cached:
                forget()
            with CaptureQueriesContext(connection) as captured:
                began = time.perf_counter()
                response = client.get(url)
                assert response.status_code in (200, 304), (url, response.status_code)
                if response.streaming:
                    b"".join(response.streaming_content)
                times.append((time.perf_counter() - began) * 1000)
            queries = len(captured)
        return statistics.median(times), queries

    api = "/api/v1/standards/load/versions/1.0/disposition-report/"
    page = "/standards/load/versions/1.0/disposition-report/"
    pdf = "/standards/load/versions/1.0/disposition-report.pdf"
    small_pdf = "/standards/small/versions/1.0/disposition-report.pdf"
    client.get(page)  # imports, templates
    figures = {
        "page, uncached": measure(page, cached=False),
        "page, cached": measure(page, cached=True),
        "page ?criterion=A2.22, uncached": measure(page + "?criterion=A2.22", cached=False),
        "JSON, uncached": measure(api, cached=False),
        "JSON, cached": measure(api, cached=True),
        "CSV, every row": measure(api + "?format=csv", cached=True, runs=1),
        "ISO CSV, every row": measure(api + "?format=iso-csv", cached=True, runs=1),
        "PDF (summary and figures), uncached": measure(pdf, cached=False, runs=1),
        "PDF, cached": measure(pdf, cached=True),
        f"PDF of {SMALL:,} whole comments, uncached": measure(small_pdf, cached=False, runs=1),
    }
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"peak memory of the child: {peak} MB")
    print(json.dumps(figures))


if __name__ == "__main__":
    if "--child" in sys.argv:
        child(int(sys.argv[sys.argv.index("--child") + 1]))
    else:
        main(sys.argv[1:])
