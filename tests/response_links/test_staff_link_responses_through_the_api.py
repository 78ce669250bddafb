"""The staff API of response links: list and create a comment's links, delete one, for editors
only; the public receipt shows them with their redline; the moderation list flags accepted
comments that name no change. Query counts pinned."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from standard_versions.models import ResponseLink
from tests.response_links.conftest import NEW_DESCRIPTION, answered, comment_on, link

pytestmark = pytest.mark.django_db


def _links_url(tracking_id: str) -> str:
    return f"/api/v1/comments/{tracking_id}/response-links/"


def _payload(linked, **more) -> dict:
    return {
        "standard": linked.standard.slug,
        "version": linked.label,
        "target": "criterion",
        "target_key": "k0",
        "change_class": "substantive",
        **more,
    }


def test_an_editor_links_a_response_and_sees_the_word_change(
    api_client, editor_client, period, later
):
    tracking_id = comment_on(api_client, period)
    response = editor_client.post(_links_url(tracking_id), _payload(later), format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["version"], body["target_key"], body["code"]) == ("9.1", "k0", "A0.7")
    assert body["has_redline"] is True
    new = "".join(p["text"] for p in body["description_diff"] if p["op"] != "delete")
    assert new == NEW_DESCRIPTION
    assert "<ins>strong </ins>" in body["description_redline"]
    assert ResponseLink.objects.get().history.get().history_user == editor_client.user


def test_the_list_of_a_comments_links_costs_two_queries(
    api_client, editor_client, period, later, django_assert_num_queries
):
    tracking_id = comment_on(api_client, period)
    for key in ("k0", "k1", "k2"):
        link(tracking_id, later, key=key)
    link(tracking_id, later, target="requirements", key="")
    # Authentication (token, user, groups) and then the comment and its links.
    # The token with its user, the user's roles, the comment, its links.
    with django_assert_num_queries(4):
        response = editor_client.get(_links_url(tracking_id))
    links = response.json()
    assert [item["target_key"] for item in links] == ["k0", "k1", "k2", ""]
    assert links[3] == {**links[3], "has_redline": False, "title_diff": [], "code": ""}
    link(tracking_id, later, key="k3")
    with django_assert_num_queries(4):
        assert len(editor_client.get(_links_url(tracking_id)).json()) == 5


def test_an_editor_removes_a_link(api_client, editor_client, period, later):
    tracking_id = comment_on(api_client, period)
    found = link(tracking_id, later)
    url = f"{_links_url(tracking_id)}{found.pk}/?reason=not+this+one"
    assert editor_client.delete(url).status_code == 204
    assert not ResponseLink.objects.exists()
    assert ResponseLink.history.get(history_type="-").history_change_reason == "not this one"
    assert editor_client.delete(url).json()["code"] == "response_link_not_found"


def test_a_link_of_another_comment_is_not_found_under_this_one(
    api_client, editor_client, period, later
):
    mine, other = comment_on(api_client, period), comment_on(api_client, period, body="Other.")
    found = link(other, later)
    response = editor_client.delete(f"{_links_url(mine)}{found.pk}/")
    assert response.status_code == 404
    assert ResponseLink.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "status", "code"),
    [
        ({"standard": "nope"}, 404, "standard_not_found"),
        ({"version": "8.0"}, 404, "version_not_found"),
        ({"target_key": "k99"}, 400, "target_not_found"),
        ({"target": "whole"}, 400, "invalid"),
        ({"change_class": "cosmetic"}, 400, "invalid"),
        ({"target_key": "k0\x00"}, 400, "invalid"),
    ],
)
def test_bad_links_are_refused_with_a_code(
    api_client, editor_client, period, later, changes, status, code
):
    tracking_id = comment_on(api_client, period)
    response = editor_client.post(
        _links_url(tracking_id), _payload(later, **changes), format="json"
    )
    assert (response.status_code, response.json()["code"]) == (status, code)


def test_a_duplicate_is_409(api_client, editor_client, period, later):
    tracking_id = comment_on(api_client, period)
    editor_client.post(_links_url(tracking_id), _payload(later), format="json")
    response = editor_client.post(_links_url(tracking_id), _payload(later), format="json")
    assert (response.status_code, response.json()["code"]) == (409, "response_link_exists")


def test_only_editors_see_or_change_links(api_client, nobody_client, period, later):
    tracking_id = comment_on(api_client, period)
    found = link(tracking_id, later)
    url = _links_url(tracking_id)
    assert api_client.get(url).status_code == 401
    assert api_client.post(url, _payload(later), format="json").status_code == 401
    assert api_client.delete(f"{url}{found.pk}/").status_code == 401
    assert nobody_client.get(url).status_code == 403
    assert nobody_client.post(url, _payload(later), format="json").status_code == 403
    assert nobody_client.delete(f"{url}{found.pk}/").status_code == 403
    flags = f"/api/v1/comment-periods/{period.pk}/response-flags/"
    assert api_client.get(flags).status_code == 401
    assert nobody_client.get(flags).status_code == 403
    assert ResponseLink.objects.count() == 1


def test_the_receipt_shows_the_linked_change_with_the_response(api_client, period, later):
    tracking_id = comment_on(api_client, period)
    link(tracking_id, later)
    receipt = api_client.get(f"/api/v1/comments/{tracking_id}/").json()
    assert receipt["response_links"] == []  # no response yet: nothing is shown of it
    answered(tracking_id, publish=False)
    receipt = api_client.get(f"/api/v1/comments/{tracking_id}/").json()
    (shown,) = receipt["response_links"]
    assert (shown["code"], shown["change_class"], shown["version"]) == (
        "A0.7",
        "substantive",
        "9.1",
    )
    assert "<ins>" in shown["description_redline"]


def test_the_receipt_with_a_response_costs_one_query_more(
    api_client, period, later, django_assert_num_queries
):
    tracking_id = comment_on(api_client, period)
    with CaptureQueriesContext(connection) as before:
        api_client.get(f"/api/v1/comments/{tracking_id}/")
    count = len(before.captured_queries)
    answered(tracking_id)
    link(tracking_id, later)
    link(tracking_id, later, key="k1")
    with django_assert_num_queries(count + 1):
        receipt = api_client.get(f"/api/v1/comments/{tracking_id}/").json()
    assert len(receipt["response_links"]) == 2


def test_the_moderation_list_flags_accepted_comments_naming_no_change(
    api_client, editor_client, period, later, django_assert_num_queries
):
    flagged, linked, noted = (comment_on(api_client, period, body=f"C{i}.") for i in range(3))
    answered(flagged)
    answered(linked)
    link(linked, later)
    answered(noted, disposition="noted")
    url = f"/api/v1/comment-periods/{period.pk}/moderation/"
    editor_client.get(url)
    with CaptureQueriesContext(connection) as first:
        editor_client.get(url)
    # Counted now: the next request resets the connection's query log.
    count = len(first.captured_queries)
    comment_on(api_client, period, body="One more.")
    with django_assert_num_queries(count):
        items = editor_client.get(url).json()["results"]
    flags = {item["tracking_id"]: item["needs_linked_change"] for item in items}
    assert (flags[flagged], flags[linked], flags[noted]) == (True, False, False)
    assert all(type(flag) is bool for flag in flags.values())


def test_a_practice_area_link_shows_the_area_then_against_the_area_now(
    api_client, editor_client, period, later
):
    later.practice_areas.filter(key="a1").update(name="Practice area one, renamed")
    tracking_id = comment_on(api_client, period)
    payload = _payload(later, target="practice_area", target_key="a1", change_class="editorial")
    body = editor_client.post(_links_url(tracking_id), payload, format="json").json()
    assert body["has_redline"] is True and body["code"] == "A1"
    old = "".join(p["text"] for p in body["title_diff"] if p["op"] != "insert")
    new = "".join(p["text"] for p in body["title_diff"] if p["op"] != "delete")
    assert (old, new) == (
        period.version.practice_areas.get(key="a1").name,
        "Practice area one, renamed",
    )
    assert "<ins>" in body["title_redline"]


def test_a_criterion_other_than_the_commented_one_is_compared_version_to_version(
    api_client, editor_client, period, later
):
    tracking_id = comment_on(api_client, period, criterion="A0.0")
    body = editor_client.post(
        _links_url(tracking_id), _payload(later, target_key="k1"), format="json"
    ).json()
    old = "".join(p["text"] for p in body["title_diff"] if p["op"] != "insert")
    new = "".join(p["text"] for p in body["title_diff"] if p["op"] != "delete")
    assert (old, new) == ("Criterion 1", "Criterion one, renamed")
