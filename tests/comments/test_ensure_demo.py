"""`manage.py ensure_demo` (run by `make run` unless DEMO=0) makes a labelled demo draft with an
open comment period, once."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from standard_versions.models import CommentPeriod, Version

pytestmark = pytest.mark.django_db


@pytest.fixture
def authoring():
    try:
        from standard_versions.services.authoring import create_draft  # noqa: F401
    except ImportError:
        pytest.skip("needs services.authoring")


def test_ensure_demo_creates_a_labelled_draft_with_an_open_period_once(
    authoring, shipped_data, api_client
):
    call_command("ensure_demo", stdout=io.StringIO())
    call_command("ensure_demo", stdout=io.StringIO())
    demo = Version.objects.get(standard__slug="wwc", label="demo")
    assert demo.status == "draft"
    assert "DEMO" in demo.title
    [period] = CommentPeriod.objects.filter(version=demo)
    assert period.status_at(timezone.now()) == "open"
    assert "demonstration" in period.instructions
    listed = api_client.get("/api/v1/comment-periods/?status=open").json()["results"]
    assert [(p["standard"], p["version"]) for p in listed] == [("wwc", "demo")]
    response = api_client.post(
        f"/api/v1/comment-periods/{period.pk}/comments/",
        {"criterion": "DM7", "body": "Trying it out."},
        format="json",
    )
    assert response.status_code == 201


def test_ensure_demo_opens_a_new_period_when_the_last_one_has_closed(authoring, shipped_data):
    import time_machine

    call_command("ensure_demo", stdout=io.StringIO())
    with time_machine.travel(timezone.now() + timezone.timedelta(days=45), tick=False):
        call_command("ensure_demo", stdout=io.StringIO())
        demo = Version.objects.get(label="demo")
        assert CommentPeriod.objects.filter(version=demo).count() == 2
        open_now = [p for p in demo.comment_periods.all() if p.status_at(timezone.now()) == "open"]
        assert len(open_now) == 1
