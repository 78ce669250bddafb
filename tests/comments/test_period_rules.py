"""Publishers create, extend, close early and reopen periods; every refusal has its code and
stores nothing."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from standard_versions.models import CommentPeriod
from tests.comments.conftest import DAY, make_period, submit
from tests.factories import build_version

pytestmark = pytest.mark.django_db

URL = "/api/v1/comment-periods/"


def _payload(**overrides):
    now = timezone.now()
    payload = {
        "standard": "big",
        "version": "9.0",
        "opens_at": (now + DAY).isoformat(),
        "closes_at": (now + 15 * DAY).isoformat(),
        "timezone": "America/New_York",
    }
    payload.update(overrides)
    return payload


def test_a_publisher_creates_a_scheduled_period_scoped_to_criteria(publisher_client, draft):
    response = publisher_client.post(URL, _payload(criteria=["A1.1", "A0.0"]), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "scheduled"
    assert body["criteria"] == ["A0.0", "A1.1"]
    assert body["standard"] == "big" and body["version"] == "9.0"
    assert body["closes_at"].endswith("Z") and body["timezone"] == "America/New_York"
    period = CommentPeriod.objects.get()
    assert period.criterion_keys == ["k0", "k1"]
    assert period.history.count() == 1


def test_a_period_without_criteria_covers_the_whole_version(publisher_client, draft):
    response = publisher_client.post(URL, _payload(), format="json")
    assert response.status_code == 201
    assert response.json()["criteria"] is None


def test_anonymous_users_and_editors_cannot_create_periods(api_client, editor_client, draft):
    assert api_client.post(URL, _payload(), format="json").status_code == 401
    response = editor_client.post(URL, _payload(), format="json")
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert not CommentPeriod.objects.exists()


@pytest.mark.parametrize("status", ["published", "superseded", "withdrawn"])
def test_a_period_on_a_version_that_is_not_a_draft_is_refused_with_409(publisher_client, status):
    build_version(standard_slug="big", label="9.0", criteria=3, status=status)
    response = publisher_client.post(URL, _payload(), format="json")
    assert response.status_code == 409
    assert response.json()["code"] == "version_not_draft"
    assert not CommentPeriod.objects.exists()


@pytest.mark.parametrize("offset", [dt.timedelta(0), -dt.timedelta(milliseconds=1), -DAY])
def test_closes_at_not_after_opens_at_is_refused(publisher_client, draft, offset):
    opens = timezone.now() + DAY
    response = publisher_client.post(
        URL,
        _payload(opens_at=opens.isoformat(), closes_at=(opens + offset).isoformat()),
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "closes_at_not_after_opens_at"
    assert not CommentPeriod.objects.exists()


def test_scope_criteria_of_another_version_are_refused(publisher_client, draft):
    build_version(standard_slug="big", label="8.0", criteria=12, areas=3, status="published")
    # A2.2 exists in 8.0 (3 areas) but not in the 9.0 draft (2 areas).
    response = publisher_client.post(URL, _payload(criteria=["A0.0", "A2.2"]), format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "criterion_not_in_version"
    assert "A2.2" in response.json()["detail"]
    assert not CommentPeriod.objects.exists()


def test_an_empty_scope_is_refused(publisher_client, draft):
    response = publisher_client.post(URL, _payload(criteria=[]), format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "scope_empty"


@pytest.mark.parametrize(
    "name", ["Mars/Olympus_Mons", "america/new_york", "../../etc/passwd", "", "EST+5"]
)
def test_a_bad_time_zone_is_refused(publisher_client, draft, name):
    response = publisher_client.post(URL, _payload(timezone=name), format="json")
    assert response.status_code == 400
    assert response.json()["code"] in {"invalid_timezone", "invalid"}
    assert not CommentPeriod.objects.exists()


def test_a_time_zone_name_that_is_not_iana_is_refused_with_its_code(publisher_client, draft):
    response = publisher_client.post(URL, _payload(timezone="Mars/Olympus_Mons"), format="json")
    assert response.json()["code"] == "invalid_timezone"


def test_a_time_without_offset_is_refused_rather_than_guessed(publisher_client, draft):
    response = publisher_client.post(URL, _payload(opens_at="2030-01-01T00:00:00"), format="json")
    assert response.status_code == 400
    assert "opens_at" in response.json()["errors"]


def test_an_unknown_version_is_refused(publisher_client, draft):
    response = publisher_client.post(URL, _payload(version="7.7"), format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "version_not_found"


def test_the_status_filter_follows_the_clock(api_client, draft):
    now = timezone.now()
    past = make_period(draft, opens_at=now - 3 * DAY, closes_at=now - DAY)
    current = make_period(draft)
    future = make_period(draft, opens_at=now + DAY, closes_at=now + 3 * DAY)

    def ids(status):
        response = api_client.get(f"{URL}?status={status}")
        assert response.status_code == 200
        return [item["id"] for item in response.json()["results"]]

    assert ids("closed") == [past.pk]
    assert ids("open") == [current.pk]
    assert ids("scheduled") == [future.pk]
    with time_machine.travel(now + 2 * DAY, tick=False):
        assert ids("open") == [future.pk]
        assert sorted(ids("closed")) == sorted([past.pk, current.pk])
    response = api_client.get(f"{URL}?status=sometime")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_status"


def test_an_unknown_period_is_a_404_with_a_code(api_client, db):
    response = api_client.get(f"{URL}999/")
    assert response.status_code == 404
    assert response.json()["code"] == "comment_period_not_found"
    assert api_client.get(f"{URL}{'9' * 30}/").status_code == 404


# ---- extend / close early / reopen -----------------------------------------------------------


def test_extending_moves_the_close_records_the_reason_and_shows_it_publicly(
    publisher_client, api_client, open_period
):
    old_close = open_period.closes_at
    new_close = old_close + 3 * DAY
    response = publisher_client.post(
        f"{URL}{open_period.pk}/extend/",
        {"closes_at": new_close.isoformat(), "reason": "Many cities asked for more time."},
        format="json",
    )
    assert response.status_code == 200, response.json()
    public = api_client.get(f"{URL}{open_period.pk}/").json()
    assert public["closes_at"] == new_close.isoformat().replace("+00:00", "Z")
    [change] = public["changes"]
    assert change["kind"] == "extended"
    assert change["reason"] == "Many cities asked for more time."
    assert dt.datetime.fromisoformat(change["closes_at_before"]) == old_close
    latest = open_period.history.latest()
    assert latest.history_change_reason == "Many cities asked for more time."
    assert latest.history_user == publisher_client.user


def test_an_extension_needs_a_reason_and_a_later_close(publisher_client, open_period):
    later = (open_period.closes_at + DAY).isoformat()
    earlier = (open_period.closes_at - dt.timedelta(hours=1)).isoformat()
    no_reason = publisher_client.post(
        f"{URL}{open_period.pk}/extend/", {"closes_at": later, "reason": "  "}, format="json"
    )
    assert no_reason.status_code == 400
    shorter = publisher_client.post(
        f"{URL}{open_period.pk}/extend/", {"closes_at": earlier, "reason": "x"}, format="json"
    )
    assert shorter.status_code == 400
    assert shorter.json()["code"] == "closes_at_not_later"
    open_period.refresh_from_db()
    assert open_period.changes == [] and open_period.history.count() == 1


def test_a_closed_period_cannot_be_extended_only_reopened(publisher_client, draft):
    now = timezone.now()
    period = make_period(draft, opens_at=now - 3 * DAY, closes_at=now - DAY)
    response = publisher_client.post(
        f"{URL}{period.pk}/extend/",
        {"closes_at": (now + DAY).isoformat(), "reason": "late"},
        format="json",
    )
    assert response.status_code == 409
    assert response.json()["code"] == "comment_period_closed"


def test_closing_early_refuses_later_comments_and_is_shown_with_its_reason(
    publisher_client, api_client, open_period
):
    now = timezone.now()
    with time_machine.travel(now, tick=False):
        response = publisher_client.post(
            f"{URL}{open_period.pk}/close/",
            {"reason": "Draft withdrawn for rework."},
            format="json",
        )
    assert response.status_code == 200
    assert response.json()["status"] == "closed"
    open_period.refresh_from_db()
    assert open_period.closes_at == now
    assert open_period.changes[0]["kind"] == "closed_early"
    refused = submit(api_client, open_period)
    assert refused.status_code == 403
    assert refused.json()["code"] == "comment_period_closed"
    again = publisher_client.post(
        f"{URL}{open_period.pk}/close/", {"reason": "again"}, format="json"
    )
    assert again.status_code == 409


def test_a_scheduled_period_cannot_be_closed_early(publisher_client, draft):
    now = timezone.now()
    period = make_period(draft, opens_at=now + DAY, closes_at=now + 2 * DAY)
    response = publisher_client.post(f"{URL}{period.pk}/close/", {"reason": "x"}, format="json")
    assert response.status_code == 409
    assert response.json()["code"] == "comment_period_not_open"


def test_reopening_a_closed_period_accepts_comments_again(publisher_client, api_client, draft):
    now = timezone.now()
    period = make_period(draft, opens_at=now - 3 * DAY, closes_at=now - DAY)
    response = publisher_client.post(
        f"{URL}{period.pk}/reopen/",
        {"closes_at": (now + DAY).isoformat(), "reason": "The form was down on the last day."},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "open"
    assert response.json()["changes"][0]["kind"] == "reopened"
    assert submit(api_client, period).status_code == 201


def test_reopening_needs_a_closed_period_a_future_close_and_a_draft(publisher_client, draft):
    now = timezone.now()
    open_one = make_period(draft)
    response = publisher_client.post(
        f"{URL}{open_one.pk}/reopen/",
        {"closes_at": (now + 5 * DAY).isoformat(), "reason": "x"},
        format="json",
    )
    assert response.json()["code"] == "comment_period_not_closed"
    closed = make_period(draft, opens_at=now - 3 * DAY, closes_at=now - DAY)
    response = publisher_client.post(
        f"{URL}{closed.pk}/reopen/",
        {"closes_at": (now - dt.timedelta(hours=1)).isoformat(), "reason": "x"},
        format="json",
    )
    assert response.json()["code"] == "closes_at_not_in_future"
    draft.status = "published"
    draft.save()
    response = publisher_client.post(
        f"{URL}{closed.pk}/reopen/",
        {"closes_at": (now + DAY).isoformat(), "reason": "x"},
        format="json",
    )
    assert response.status_code == 409
    assert response.json()["code"] == "version_not_draft"


def test_editors_cannot_change_periods(editor_client, open_period):
    for action in ("extend", "close", "reopen"):
        response = editor_client.post(
            f"{URL}{open_period.pk}/{action}/", {"reason": "x"}, format="json"
        )
        assert response.status_code == 403


@pytest.mark.parametrize(
    ("opens_at", "closes_at"),
    [
        ("9999-12-31T20:00:00-05:00", "9999-12-31T23:00:00-05:00"),
        ("0001-01-01T00:00:00Z", "2030-01-01T00:00:00Z"),
        ("2030-01-01T00:00:00Z", "9999-12-31T23:59:59+14:00"),
    ],
)
def test_instants_far_outside_any_consultation_are_refused_not_500(
    publisher_client, api_client, draft, opens_at, closes_at
):
    response = publisher_client.post(
        URL,
        _payload(opens_at=opens_at, closes_at=closes_at, timezone="Pacific/Kiritimati"),
        format="json",
    )
    assert response.status_code == 400
    assert not CommentPeriod.objects.exists()
    assert api_client.get(URL).status_code == 200
