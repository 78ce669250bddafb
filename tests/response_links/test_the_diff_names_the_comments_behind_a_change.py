"""The diff knows why: its JSON, its Markdown changelog (release notes) and its HTML redline name
the published comments whose responses are linked to each change, with links to their receipts,
in one query whatever their number; and its ETag and cached body change when a link does."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from standard_versions.consultation.moderation import moderate_comment
from standard_versions.models import Version
from tests.response_links.conftest import answered, comment_on, link

pytestmark = pytest.mark.django_db

DIFF = "/api/v1/standards/big/diff/?from=9.0&to=9.1"


def _published_pair(draft, later) -> None:
    """9.0 superseded and 9.1 published: the diff is immutable, its JSON body cached."""
    Version.objects.filter(pk=draft.pk).update(status="superseded")
    Version.objects.filter(pk=later.pk).update(status="published")


def test_the_json_names_the_published_comments_behind_each_change(api_client, period, later):
    behind, withheld, unanswered = (
        comment_on(api_client, period, body=f"Comment {i}.") for i in range(3)
    )
    answered(behind)
    answered(withheld)
    moderate_comment(
        tracking_id=withheld, state="withheld", reason="spam", user=None, now=later.created_at
    )
    for tracking_id in (behind, withheld, unanswered):
        link(tracking_id, later, key="k0")
    link(behind, later, key="k1", change_class="editorial")
    body = api_client.get(DIFF).json()
    assert [(c["tracking_id"], c["key"], c["class"]) for c in body["comments"]] == [
        (behind, "k0", "substantive"),
        (behind, "k1", "editorial"),
    ]
    first = body["comments"][0]
    assert first["receipt_path"] == f"/comments/{behind}/"
    assert first["api_path"] == f"/api/v1/comments/{behind}/"
    assert (first["target"], first["version"]) == ("criterion", "9.1")


def test_a_link_to_a_part_the_diff_does_not_change_is_left_out(api_client, period, later):
    tracking_id = comment_on(api_client, period)
    answered(tracking_id)
    link(tracking_id, later, key="k4")  # k4 is the same in 9.0 and 9.1
    assert api_client.get(DIFF).json()["comments"] == []


def test_the_diff_backwards_names_no_comment(api_client, period, later):
    tracking_id = comment_on(api_client, period)
    answered(tracking_id)
    link(tracking_id, later)
    body = api_client.get("/api/v1/standards/big/diff/?from=9.1&to=9.0").json()
    assert body["comments"] == []


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_comments_cost_one_query_whatever_their_number(api_client, period, later):
    none_yet = _queries(api_client, DIFF)
    first = comment_on(api_client, period)
    answered(first)
    link(first, later)
    one = _queries(api_client, DIFF)
    for i in range(5):
        tracking_id = comment_on(api_client, period, body=f"More {i}.")
        answered(tracking_id)
        link(tracking_id, later, key="k0")
        link(tracking_id, later, key="k1")
    assert len(api_client.get(DIFF).json()["comments"]) == 11
    assert _queries(api_client, DIFF) == one == none_yet + 1


def test_the_changelog_lists_the_comments_behind_the_changes(api_client, period, later):
    tracking_id = comment_on(api_client, period)
    answered(tracking_id)
    link(tracking_id, later, key="k0")
    link(tracking_id, later, key="k1")
    markdown = api_client.get(DIFF + "&format=markdown").content.decode()
    assert "## The comments behind these changes" in markdown
    receipt = f"http://testserver/comments/{tracking_id}/"
    assert f"- **A0.7** Criterion 0: 1 comment, [{tracking_id}]({receipt})" in markdown
    assert f"Criterion one, renamed: 1 comment, [{tracking_id}]({receipt})" in markdown


def test_a_changelog_without_links_is_as_before(api_client, period, later):
    markdown = api_client.get(DIFF + "&format=markdown").content.decode()
    assert "comments behind" not in markdown


def test_the_html_redline_notes_the_comments_on_the_criterion(api_client, period, later):
    tracking_id = comment_on(api_client, period)
    answered(tracking_id)
    link(tracking_id, later)
    html = api_client.get(DIFF + "&format=html").content.decode()
    assert f'<a href="/comments/{tracking_id}/">{tracking_id}</a>' in html
    assert 'class="diff-comments"' in html


def test_a_new_link_changes_the_etag_and_the_cached_body(api_client, period, draft, later):
    first = comment_on(api_client, period)
    answered(first)
    _published_pair(draft, later)
    before = api_client.get(DIFF)
    assert before.json()["comments"] == []
    link(first, later)
    after = api_client.get(DIFF, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200 and after["ETag"] != before["ETag"]
    assert [c["tracking_id"] for c in after.json()["comments"]] == [first]
    # Withholding the comment changes it again: the public no longer sees it behind the change.
    moderate_comment(
        tracking_id=first, state="withheld", reason="spam", user=None, now=later.created_at
    )
    again = api_client.get(DIFF, HTTP_IF_NONE_MATCH=after["ETag"])
    assert again.status_code == 200 and again.json()["comments"] == []
    assert api_client.get(DIFF, HTTP_IF_NONE_MATCH=again["ETag"]).status_code == 304
