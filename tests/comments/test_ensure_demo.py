"""`manage.py ensure_demo` (run by `make run` unless DEMO=0) makes a labelled demo draft with an
open comment period, once."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from standard_versions.models import CommentPeriod, Version

pytestmark = pytest.mark.django_db


def test_ensure_demo_creates_a_labelled_draft_with_an_open_period_once(shipped_data, api_client):
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


def test_ensure_demo_opens_a_new_period_when_the_last_one_has_closed(shipped_data):
    import time_machine

    call_command("ensure_demo", stdout=io.StringIO())
    with time_machine.travel(timezone.now() + timezone.timedelta(days=45), tick=False):
        call_command("ensure_demo", stdout=io.StringIO())
        demo = Version.objects.get(label="demo")
        assert CommentPeriod.objects.filter(version=demo).count() == 2
        open_now = [p for p in demo.comment_periods.all() if p.status_at(timezone.now()) == "open"]
        assert len(open_now) == 1


def test_ensure_demo_calls_create_draft_with_the_agreed_signature(shipped_data, monkeypatch):
    """A stand-in with the agreed keyword-only signature records the call, so the command's own
    logic is tested apart from the service's."""
    import sys
    import types

    calls = []

    def create_draft(*, based_on, label, title, user, reason, now):
        calls.append({"based_on": based_on.label, "label": label, "user": user, "now": now})
        return Version.objects.create(
            standard=based_on.standard, label=label, title=title, based_on=based_on
        )

    stand_in = types.ModuleType("standard_versions.standards.drafts")
    stand_in.create_draft = create_draft
    monkeypatch.setitem(sys.modules, "standard_versions.standards.drafts", stand_in)
    out = io.StringIO()
    call_command("ensure_demo", stdout=out)
    call_command("ensure_demo", stdout=out)
    assert [(c["based_on"], c["label"], c["user"]) for c in calls] == [("3.0", "demo", None)]
    demo = Version.objects.get(label="demo")
    [period] = demo.comment_periods.all()
    assert period.status_at(timezone.now()) == "open"
    assert "already there" in out.getvalue()


def test_ensure_demo_leaves_a_demo_version_that_is_not_a_draft_and_says_so(shipped_data):
    from standard_versions.models import Standard

    Version.objects.create(
        standard=Standard.objects.get(slug="wwc"), label="demo", title="x", status="withdrawn"
    )
    out = io.StringIO()
    call_command("ensure_demo", stdout=out, stderr=io.StringIO())
    assert out.getvalue().strip() == (
        "demo: wwc demo is withdrawn, not a draft; left as it is, with no demo period "
        "(DEMO=0 make run skips this step)"
    )
    assert not CommentPeriod.objects.exists()
    assert Version.objects.get(label="demo").status == "withdrawn"
