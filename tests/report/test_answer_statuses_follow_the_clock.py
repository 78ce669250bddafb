"""A response nobody answered is pending until its window ends and assumed satisfied from that
instant on (exclusive end): the cached report, its ETag and its figures follow the clock without
anything being written, on the API and the page."""

import datetime as dt

import pytest
import time_machine

from tests.report.conftest import FIRST_WINDOW_ENDS, NOW, SECOND_WINDOW_ENDS, tracking_id

pytestmark = pytest.mark.django_db

API = "/api/v1/standards/big/versions/9.0/disposition-report/"
PAGE = "/standards/big/versions/9.0/disposition-report/"
TICK = dt.timedelta(microseconds=1)


def _answers(api_client) -> tuple[dict, str, str]:
    response = api_client.get(API)
    data = response.json()
    statuses = {
        c["tracking_id"]: c["answer_status"] for s in data["sections"] for c in s["comments"]
    }
    return data["figures"]["answers"], statuses[tracking_id(2)], response["ETag"]


def test_the_api_report_follows_the_window_ends(api_client, report_period):
    with time_machine.travel(NOW, tick=False) as clock:
        answers, second, etag = _answers(api_client)
        assert (answers["pending"], answers["assumed_satisfied"], second) == (4, 0, "pending")
        clock.move_to(FIRST_WINDOW_ENDS - TICK)
        assert api_client.get(API, HTTP_IF_NONE_MATCH=etag).status_code == 304
        clock.move_to(FIRST_WINDOW_ENDS)
        # Not modified no more: the window of c2 ended at this very instant.
        assert api_client.get(API, HTTP_IF_NONE_MATCH=etag).status_code == 200
        answers, second, at_first_end = _answers(api_client)
        assert (answers["pending"], answers["assumed_satisfied"], second) == (
            3,
            1,
            "assumed_satisfied",
        )
        assert at_first_end != etag
        clock.move_to(SECOND_WINDOW_ENDS)
        answers, _, at_second_end = _answers(api_client)
        assert (answers["pending"], answers["assumed_satisfied"]) == (0, 4)
        assert at_second_end not in (etag, at_first_end)
        # No window left to end: the report stays as it is.
        clock.move_to(SECOND_WINDOW_ENDS + dt.timedelta(days=400))
        assert api_client.get(API, HTTP_IF_NONE_MATCH=at_second_end).status_code == 304


def test_the_page_follows_the_window_ends(client, report_period):
    with time_machine.travel(NOW, tick=False) as clock:
        first = client.get(PAGE)
        assert first.content.decode().count("Commenter&#x27;s answer pending") >= 4
        clock.move_to(SECOND_WINDOW_ENDS)
        later = client.get(PAGE, HTTP_IF_NONE_MATCH=first["ETag"])
        assert later.status_code == 200
        assert "Commenter&#x27;s answer pending</p>" not in later.content.decode()
        assert later.content.decode().count("Assumed satisfied (no answer in time)</p>") == 4


def test_a_new_answer_changes_the_report(api_client, at_now):
    from standard_versions.models import Comment, CommenterAnswer

    etag = api_client.get(API)["ETag"]
    CommenterAnswer.objects.create(
        comment=Comment.objects.get(tracking_id=tracking_id(2)),
        kind="accepted",
        submitted_at=NOW,
    )
    response = api_client.get(API, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response.json()["figures"]["answers"]["accepted"] == 2
