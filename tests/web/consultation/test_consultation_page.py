"""The consultation page: instructions, status and times in the period's time zone, the public
changes, the criteria in scope and, while open, a comment form for each and one for the version."""

import datetime as dt
import re

import pytest
import time_machine
from django.utils import timezone

from standard_versions.consultation.periods import close_period_early, extend_period
from tests.web.consultation.conftest import DAY, form_fields, make_period, page_url

HOUR = dt.timedelta(hours=1)

pytestmark = pytest.mark.django_db


def test_an_open_period_shows_status_times_in_its_zone_and_the_time_left(client, draft):
    closes = dt.datetime(2030, 4, 28, 4, 0, tzinfo=dt.UTC)
    with time_machine.travel(dt.datetime(2030, 4, 25, 4, 0, tzinfo=dt.UTC), tick=False):
        period = make_period(draft, opens_at=closes - 14 * DAY, closes_at=closes)
        html = client.get(page_url(period)).content.decode()
    assert "Open for comment" in html
    # Midnight New York time closes it: its last day is the day before, named as such.
    assert "until the end of Saturday, April 27, 2030, New York time" in html
    assert "April 28" not in html
    assert 'New York time (<span lang="en">America/New_York</span>)' in html
    assert "Closes in 3 days." in html


def test_the_instructions_are_rendered_markdown_and_raw_html_is_escaped(client, draft):
    period = make_period(draft)
    period.instructions = "Read **this**. <script>alert(1)</script>"
    period.save()
    html = client.get(page_url(period)).content.decode()
    assert "<strong>this</strong>" in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_every_criterion_in_scope_has_an_anchor_and_its_own_form_plus_one_for_the_version(
    client, open_period
):
    html = client.get(page_url(open_period)).content.decode()
    codes = ["A0.0", "A1.1", "A0.2", "A1.3", "A0.4", "A1.5"]
    for code in codes:
        assert f'<article id="{code}"' in html
        # Each criterion's form is one link away (the page with all of them was too heavy).
        link = f"{page_url(open_period)}?lang=en&amp;comment={code}#comment-{code}"
        assert f'<a class="comment-link" href="{link}">Comment on {code}</a>' in html
        opened = client.get(link.replace("&amp;", "&").split("#")[0]).content.decode()
        assert form_fields(opened, f"comment-{code}")["criterion"] == code
        assert opened.count('<form method="post"') == 2
    assert form_fields(html, "comment-version")["criterion"] == ""
    assert html.count('<form method="post"') == 1
    assert "Text of criterion 3 with <strong>emphasis</strong>." in html


def test_a_scoped_period_shows_only_its_criteria(client, draft):
    period = make_period(draft, criteria=["A1.1", "A0.4"])
    html = client.get(page_url(period)).content.decode()
    assert re.findall(r'<article id="([^"]+)"', html) == ["A0.4", "A1.1"]
    assert "2 criteria of this version." in html


def test_every_field_has_a_visible_label_and_the_honeypot_is_hidden_from_everyone(
    client, open_period
):
    html = client.get(page_url(open_period) + "?comment=A0.0").content.decode()
    form = re.search(r'<form [^>]*id="comment-A0.0-form".*?</form>', html, re.S).group(0)
    ids = re.findall(r'<(?:input|textarea)(?![^>]*type="hidden")[^>]*\sid="([^"]+)"', form)
    assert len(ids) == 11  # body, proposed text, 4 types, name, organisation, public, email, hp
    for field_id in ids:
        assert f'<label for="{field_id}">' in form, field_id
    assert re.search(
        r'<textarea id="comment-A0.0-body" name="body" rows="6" required '
        r'data-max-chars="10000"',
        form,
    )
    honeypot = re.search(r'<div class="hp" aria-hidden="true">.*?</div>', form, re.S).group(0)
    assert 'tabindex="-1"' in honeypot and 'autocomplete="off"' in honeypot
    assert 'name="website"' in honeypot
    assert "private" in form  # the email field says it is private


def test_each_form_gets_a_csrf_token_and_no_key_baked_into_the_page(client, open_period):
    # A resent comment is recognised from the browser and the text when it is sent
    # (test_resending_a_comment.py), so the cached page holds no per-form key.
    first = client.get(page_url(open_period) + "?comment=A0.0").content.decode()
    assert "idempotency_key" not in form_fields(first, "comment-A0.0")
    token = form_fields(first, "comment-A0.0")["csrfmiddlewaretoken"]
    assert len(token) == 64
    assert "wwc-" not in first  # every sentinel was filled in


def test_before_opening_the_page_says_when_it_opens_and_has_no_forms(client, draft):
    now = timezone.now()
    period = make_period(draft, opens_at=now + 2 * DAY + HOUR, closes_at=now + 9 * DAY)
    html = client.get(page_url(period)).content.decode()
    assert "Not open yet" in html
    assert "Opens in 2 days." in html
    assert "<form" not in html.split("<main", 1)[1]
    assert '<article id="A0.0"' in html


def test_a_closed_period_has_no_forms_and_links_to_the_disposition_report(client, open_period):
    close_period_early(period_id=open_period.pk, user=None, reason="Done early", now=timezone.now())
    html = client.get(page_url(open_period)).content.decode()
    assert "This comment period has closed" in html
    assert 'method="post"' not in html
    assert 'href="/standards/big/versions/9.0/disposition-report/"' in html


def test_the_public_changes_are_listed_with_their_reasons(client, open_period):
    extend_period(
        period_id=open_period.pk,
        closes_at=open_period.closes_at + 7 * DAY,
        user=None,
        reason="Requests from several cities",
        now=timezone.now(),
    )
    html = client.get(page_url(open_period)).content.decode()
    assert "Changes to this comment period" in html
    assert "Extended" in html
    assert "Requests from several cities" in html


def test_an_unknown_period_is_a_friendly_404(client, db):
    response = client.get("/comment-periods/999/")
    assert response.status_code == 404
    assert "There is no comment period 999." in response.content.decode()


def test_the_page_is_served_in_the_readers_language(client, open_period):
    response = client.get(page_url(open_period) + "?lang=es")
    html = response.content.decode()
    assert '<html lang="es">' in html
    assert response["Content-Language"] == "es"
    assert f'action="/comment-periods/{open_period.pk}/?lang=es"' in html
    assert 'name="language" value="es"' in html
    assert "de 20" in html  # Babel's Spanish long date ("23 de abril de 2030")


def test_the_page_is_private_to_the_browser_but_kept_for_the_back_button(client, open_period):
    response = client.get(page_url(open_period))
    assert response["Cache-Control"] == "private, no-cache"
    assert "no-store" not in response["Cache-Control"]
