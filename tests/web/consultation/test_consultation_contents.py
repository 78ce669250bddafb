"""The consultation page's contents: jump links by practice area and criterion with the number of
published comments on each, a way back to the contents after every criterion, and each
criterion's form one link away (so the page no longer carries a form per criterion)."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from standard_versions.consultation import selectors as selectors_consultation
from standard_versions.consultation.comments import moderate_comment, submit_comment
from standard_versions.models import ModerationState
from tests.web.consultation.conftest import page_url

pytestmark = pytest.mark.django_db

CODES = ["A0.0", "A0.2", "A0.4", "A1.1", "A1.3", "A1.5"]  # the version's order, by area


def _comment(period, code: str, *, state: str | None = None) -> str:
    comment = submit_comment(
        period_id=period.pk, criterion_code=code, body=f"On {code}.", now=timezone.now()
    ).comment
    if state is not None:
        moderate_comment(
            tracking_id=comment.tracking_id,
            state=state,
            reason="" if state == ModerationState.PUBLISHED else "Off topic",
            user=None,
            now=timezone.now(),
        )
    return comment.tracking_id


def _contents(html: str) -> str:
    return re.search(r'<nav class="toc contents" id="contents".*?</nav>', html, re.S).group(0)


def _count_after(contents: str, code: str) -> str:
    found = re.search(
        rf'<a href="#{re.escape(code)}">.*?</a> <span class="contents__count">([^<]+)</span>',
        contents,
        re.S,
    )
    return found.group(1)


def test_the_contents_link_every_practice_area_and_criterion_in_the_pages_order(
    client, open_period
):
    contents = _contents(client.get(page_url(open_period)).content.decode())
    assert re.findall(r'<a href="#(area-[^"]+)">', contents) == ["area-A0", "area-A1"]
    assert re.findall(r'<a href="#(A\d\.\d)">', contents) == CODES
    assert '<a href="#instructions-heading">How to comment</a>' in contents
    assert '<a href="#whole-version-heading">Comment on the version as a whole</a>' in contents


def test_every_contents_link_has_its_target_on_the_page(client, open_period):
    html = client.get(page_url(open_period)).content.decode()
    for target in re.findall(r'<a href="#([^"]+)">', _contents(html)):
        assert f'id="{target}"' in html, target


def test_each_criterion_shows_how_many_of_its_comments_are_published(client, open_period):
    _comment(open_period, "A0.0", state=ModerationState.PUBLISHED)
    _comment(open_period, "A0.0", state=ModerationState.PUBLISHED)
    _comment(open_period, "A1.1", state=ModerationState.PUBLISHED)
    _comment(open_period, "A1.1", state=ModerationState.WITHHELD)
    _comment(open_period, "A0.2")  # received, not reviewed: not published
    _comment(open_period, "", state=ModerationState.PUBLISHED)
    html = client.get(page_url(open_period)).content.decode()
    contents = _contents(html)
    assert _count_after(contents, "A0.0") == "2 published comments"
    assert _count_after(contents, "A1.1") == "1 published comment"
    assert _count_after(contents, "A0.2") == "0 published comments"
    assert _count_after(contents, "whole-version-heading") == "1 published comment"
    # In the criterion itself, the count leads to those comments in the disposition report.
    assert (
        '<a href="/standards/big/versions/9.0/disposition-report/#A0.0">2 published comments</a>'
        in html
    )
    assert "disposition-report/#A0.2" not in html


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "1,234 published comments"), ("es", "1.234 comentarios publicados")],
)
def test_the_counts_are_written_as_the_reader_writes_numbers(
    client, open_period, monkeypatch, lang, expected
):
    monkeypatch.setattr(
        selectors_consultation, "published_comment_counts", lambda period_id: {"k0": 1234}
    )
    html = client.get(f"{page_url(open_period)}?lang={lang}").content.decode()
    assert _count_after(_contents(html), "A0.0") == expected


def test_a_cached_page_shows_a_comment_as_soon_as_it_is_published(client, open_period):
    tracking_id = _comment(open_period, "A0.0")
    cache.clear()
    before = _contents(client.get(page_url(open_period)).content.decode())
    assert _count_after(before, "A0.0") == "0 published comments"
    moderate_comment(
        tracking_id=tracking_id, state="published", reason="", user=None, now=timezone.now()
    )
    after = _contents(client.get(page_url(open_period)).content.decode())
    assert _count_after(after, "A0.0") == "1 published comment"


def test_a_cached_page_changes_when_one_comment_is_published_and_another_withheld(
    client, open_period
):
    on_first = _comment(open_period, "A0.0", state=ModerationState.PUBLISHED)
    on_second = _comment(open_period, "A1.1")
    cache.clear()
    client.get(page_url(open_period))
    # The number of published comments stays 1: only where they are changes.
    moderate_comment(
        tracking_id=on_first, state="withheld", reason="Spam", user=None, now=timezone.now()
    )
    moderate_comment(
        tracking_id=on_second, state="published", reason="", user=None, now=timezone.now()
    )
    contents = _contents(client.get(page_url(open_period)).content.decode())
    assert _count_after(contents, "A0.0") == "0 published comments"
    assert _count_after(contents, "A1.1") == "1 published comment"


def test_every_criterion_ends_with_a_link_back_to_the_contents(client, open_period):
    html = client.get(page_url(open_period)).content.decode()
    articles = re.findall(r'<article id="[^"]+".*?</article>', html, re.S)
    assert len(articles) == len(CODES)
    for article in articles:
        assert re.search(
            r'<p class="back-to-contents"><a href="#contents">Back to contents</a></p>\s*'
            r"</article>$",
            article,
        )
    assert 'id="contents"' in html


def test_a_criterions_comment_link_opens_the_page_with_that_form_only(client, open_period):
    html = client.get(f"{page_url(open_period)}?comment=A1.3").content.decode()
    assert re.findall(r'id="(comment-[^"]+)-form"', html) == ["comment-version", "comment-A1.3"]
    opened = re.search(r'<article id="A1.3".*?</article>', html, re.S).group(0)
    assert '<section class="comment-box comment-box--open" id="comment-A1.3"' in opened
    assert "Your comment on A1.3" in opened
    # The other criteria keep their links.
    assert html.count('class="comment-link"') == len(CODES) - 1


def _queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.usefixtures("page_heads_read_every_time")
def test_a_comment_link_page_is_cached_like_the_page_itself(client, open_period):
    cache.clear()
    path = f"{page_url(open_period)}?comment=A1.3"
    rendered = _queries(client, path)
    assert _queries(client, path) == 1
    assert rendered > 1


def test_a_code_outside_the_scope_opens_no_form_and_is_never_cached(client, open_period):
    cache.clear()
    path = f"{page_url(open_period)}?comment=Z9.9"
    html = client.get(path).content.decode()
    assert re.findall(r'id="(comment-[^"]+)-form"', html) == ["comment-version"]
    assert html.count('class="comment-link"') == len(CODES)
    assert _queries(client, path) > 1


def test_a_closed_period_has_contents_and_counts_but_no_comment_links(client, open_period):
    from standard_versions.consultation.periods import close_period_early

    _comment(open_period, "A0.4", state=ModerationState.PUBLISHED)
    close_period_early(period_id=open_period.pk, user=None, reason="Done", now=timezone.now())
    html = client.get(f"{page_url(open_period)}?comment=A0.4").content.decode()
    assert _count_after(_contents(html), "A0.4") == "1 published comment"
    assert 'class="comment-link"' not in html
    assert "<form" not in html.split("<main", 1)[1]
