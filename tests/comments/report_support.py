"""Many published comments on the ``big 9.0`` draft at once (bulk_create, no history), for the
disposition report's paging and query-count tests."""

import datetime as dt

from standard_versions.models import Comment

START = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)


def bulk_published(period, counts: dict[str, int], *, start: int = 0) -> list[Comment]:
    """``counts``: criterion code ("" for the version as a whole) -> how many comments, each a
    minute apart in the order given (codes A0.0 ... of tests.factories: key k<n> for A<a>.<n>)."""
    rows = []
    n = start
    for code, count in counts.items():
        key = f"k{code.split('.')[1]}" if code else ""
        for _ in range(count):
            rows.append(
                Comment(
                    period=period,
                    tracking_id=f"T-{n:07d}",
                    submitted_at=START + dt.timedelta(minutes=n % 5000, seconds=n // 5000),
                    criterion_key=key,
                    criterion_code=code,
                    criterion_title=f"Criterion {code.split('.')[1]}" if code else "",
                    body=f"Comment {n}",
                    content_sha256="0" * 64,
                    normalized_hash=f"{n:064d}",
                    moderation_state="published",
                    disposition=("noted", "accepted", "")[n % 3],
                    response="ok" if n % 3 != 2 else "",
                )
            )
            n += 1
    return Comment.objects.bulk_create(rows, batch_size=2000)
