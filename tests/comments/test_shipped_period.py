"""The 2022 comment period of the WWC 3.0 draft is shipped as history, closed."""

import datetime as dt
import io
import zoneinfo

import pytest
from django.core.management import call_command

from standard_versions.models import CommentPeriod
from tests.comments.conftest import submit

pytestmark = pytest.mark.django_db

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


@pytest.fixture
def shipped_period(shipped_data):
    call_command("load_comment_periods", stdout=io.StringIO())
    return CommentPeriod.objects.get(reference="wwc-3.0-2022")


def test_the_2022_period_runs_from_thursday_april_14_through_wednesday_april_27(shipped_period):
    assert shipped_period.version.label == "3.0"
    assert shipped_period.timezone == "America/New_York"
    assert shipped_period.opens_at == dt.datetime(2022, 4, 14, 4, 0, tzinfo=dt.UTC)
    assert shipped_period.closes_at == dt.datetime(2022, 4, 28, 4, 0, tzinfo=dt.UTC)
    first_local = shipped_period.opens_at.astimezone(NEW_YORK)
    last_local = (shipped_period.closes_at - dt.timedelta(microseconds=1)).astimezone(NEW_YORK)
    assert (first_local.strftime("%A %B %d"), first_local.hour) == ("Thursday April 14", 0)
    assert last_local.strftime("%A %B %d %H:%M") == "Wednesday April 27 23:59"
    assert shipped_period.criterion_keys is None


def test_it_is_listed_as_closed_and_refuses_comments(api_client, shipped_period):
    listed = api_client.get("/api/v1/comment-periods/?status=closed").json()["results"]
    [item] = [p for p in listed if p["id"] == shipped_period.pk]
    assert item["standard"] == "wwc" and item["version"] == "3.0"
    assert item["opens_at"] == "2022-04-14T04:00:00Z"
    assert item["closes_at"] == "2022-04-28T04:00:00Z"
    assert item["closes_at_local"] == "2022-04-28T00:00:00-04:00"
    assert item["criteria"] is None
    response = submit(api_client, shipped_period)
    assert response.status_code == 403
    assert response.json()["code"] == "comment_period_closed"


def test_loading_it_again_changes_nothing(shipped_period):
    out = io.StringIO()
    call_command("load_comment_periods", stdout=out)
    assert "unchanged" in out.getvalue()
    assert CommentPeriod.objects.count() == 1
    assert shipped_period.history.count() == 1


def test_it_cannot_be_reopened_because_3_0_is_published(publisher_client, shipped_period):
    response = publisher_client.post(
        f"/api/v1/comment-periods/{shipped_period.pk}/reopen/",
        {"closes_at": "2099-01-01T00:00:00Z", "reason": "x"},
        format="json",
    )
    assert response.status_code == 409
    assert response.json()["code"] == "version_not_draft"


def test_a_period_file_that_is_not_in_the_past_is_refused(shipped_data, tmp_path):
    from django.core.management import CommandError

    file = tmp_path / "future.yaml"
    file.write_text(
        "reference: future\nstandard: wwc\nversion: '3.0'\ntimezone: UTC\n"
        "opens_at: '2098-01-01T00:00:00Z'\ncloses_at: '2099-01-01T00:00:00Z'\n"
    )
    with pytest.raises(CommandError, match="period_not_in_past"):
        call_command("load_comment_periods", str(file), stdout=io.StringIO())
    assert not CommentPeriod.objects.exists()
