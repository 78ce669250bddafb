"""Staff set how many days commenters have to answer a response, per period: 1 to 365 (400
``answer_window_out_of_range`` otherwise), when opening it (API and admin) or later (PATCH); the
period's output shows it, and the change is in the period's history."""

import pytest

from standard_versions.models import CommentPeriod

pytestmark = pytest.mark.django_db


def _create(client, draft, **extra):
    return client.post(
        "/api/v1/comment-periods/",
        {
            "standard": draft.standard.slug,
            "version": draft.label,
            "opens_at": "2040-04-14T00:00:00Z",
            "closes_at": "2040-04-28T00:00:00Z",
            "reason": "Spring consultation",
            **extra,
        },
        format="json",
    )


def test_a_new_period_gives_14_days_unless_told(publisher_client, draft):
    response = _create(publisher_client, draft)
    assert response.status_code == 201, response.json()
    assert response.json()["answer_window_days"] == 14
    told = _create(publisher_client, draft, answer_window_days=30)
    assert told.json()["answer_window_days"] == 30
    assert CommentPeriod.objects.get(pk=told.json()["id"]).answer_window_days == 30


@pytest.mark.parametrize(
    ("days", "code"),
    [
        (0, "answer_window_out_of_range"),
        (366, "answer_window_out_of_range"),
        (-1, "answer_window_out_of_range"),
        (10**40, "answer_window_out_of_range"),
        ("14", "invalid"),
        (14.0, "invalid"),
        (True, "invalid"),
        (None, "invalid"),
    ],
)
def test_out_of_range_or_not_a_whole_number_is_400(
    publisher_client, draft, open_period, days, code
):
    created = _create(publisher_client, draft, answer_window_days=days)
    assert (created.status_code, created.json()["code"]) == (400, code)
    patched = publisher_client.patch(
        f"/api/v1/comment-periods/{open_period.pk}/", {"answer_window_days": days}, format="json"
    )
    assert (patched.status_code, patched.json()["code"]) == (400, code)
    open_period.refresh_from_db()
    assert open_period.answer_window_days == 14


def test_the_window_is_changed_with_its_history(publisher_client, open_period):
    response = publisher_client.patch(
        f"/api/v1/comment-periods/{open_period.pk}/",
        {"answer_window_days": 1, "reason": "Short consultation"},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["answer_window_days"] == 1
    latest = CommentPeriod.objects.get().history.latest()
    assert (latest.answer_window_days, latest.history_change_reason) == (1, "Short consultation")
    assert latest.history_user == publisher_client.user


def test_only_publishers_change_it(api_client, editor_client, open_period):
    url = f"/api/v1/comment-periods/{open_period.pk}/"
    assert api_client.patch(url, {"answer_window_days": 3}, format="json").status_code == 401
    assert editor_client.patch(url, {"answer_window_days": 3}, format="json").status_code == 403
    assert api_client.get(url).json()["answer_window_days"] == 14


def test_the_admin_opens_a_period_with_its_window(publisher_admin, draft):
    response = publisher_admin.post(
        "/admin/standard_versions/commentperiod/open/",
        {
            "version": draft.pk,
            "timezone": "UTC",
            "opens_at": "2040-04-14",
            "closes_at": "2040-04-28 00:00",
            "answer_window_days": "21",
            "reason": "Spring consultation",
        },
    )
    assert response.status_code == 302
    period = CommentPeriod.objects.get()
    assert period.answer_window_days == 21
    page = publisher_admin.get(f"/admin/standard_versions/commentperiod/{period.pk}/change/")
    assert "days to answer a response" in page.content.decode().lower()


def test_the_admin_changes_a_periods_window_with_a_reason(publisher_admin, open_period):
    base = f"/admin/standard_versions/commentperiod/{open_period.pk}"
    page = publisher_admin.get(f"{base}/change/").content.decode()
    assert f'href="{base}/answer-window/"' in page
    form = publisher_admin.get(f"{base}/answer-window/").content.decode()
    assert 'name="answer_window_days"' in form and 'value="14"' in form
    refused = publisher_admin.post(f"{base}/answer-window/", {"answer_window_days": "0"})
    assert refused.status_code == 200
    response = publisher_admin.post(
        f"{base}/answer-window/", {"answer_window_days": "30", "reason": "Longer summer"}
    )
    assert response.status_code == 302
    latest = CommentPeriod.objects.get().history.latest()
    assert (latest.answer_window_days, latest.history_change_reason) == (30, "Longer summer")
    assert latest.history_user == publisher_admin.user
