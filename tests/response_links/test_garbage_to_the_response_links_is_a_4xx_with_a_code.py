"""What a schema fuzzer sends the response links' endpoints: every bad input is a 4xx with a
machine-readable code, never a 500."""

import pytest

from tests.response_links.conftest import comment_on, link

pytestmark = pytest.mark.django_db

BODIES = [
    [],
    "text",
    0,
    None,
    {"standard": 5, "version": "9.1", "target": "criterion", "change_class": "editorial"},
    {"standard": "big", "version": "9.1" * 20, "target": "criterion", "change_class": "x"},
    {"standard": "big", "version": "9.1", "target": ["criterion"], "change_class": "editorial"},
    {
        "standard": "big",
        "version": "9.1",
        "target": "criterion",
        "target_key": "k" * 65,
        "change_class": "editorial",
    },
    {"standard": "big\x00", "version": "9.1", "target": "criterion", "change_class": "editorial"},
    {
        "standard": "big",
        "version": "9.1",
        "target": "requirements",
        "target_key": "k0",
        "change_class": "editorial",
        "reason": "r" * 3000,
    },
]


@pytest.mark.parametrize("body", BODIES)
def test_a_bad_body_is_refused_with_a_code(api_client, editor_client, period, later, body):
    tracking_id = comment_on(api_client, period)
    response = editor_client.post(
        f"/api/v1/comments/{tracking_id}/response-links/", body, format="json"
    )
    assert 400 <= response.status_code < 500, response.content
    assert response.json()["code"]


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("999999999999999999/", None),
        ("1/?reason=%00", None),
        ("1/", ["a list"]),
        ("1/", {"reason": 5}),
    ],
)
def test_a_bad_delete_is_refused_with_a_code(api_client, editor_client, period, later, path, body):
    tracking_id = comment_on(api_client, period)
    link(tracking_id, later)
    response = editor_client.delete(
        f"/api/v1/comments/{tracking_id}/response-links/{path}", body, format="json"
    )
    assert 400 <= response.status_code < 500, response.content
    assert response.json()["code"]


@pytest.mark.parametrize("query", ["?cursor=garbage", "?cursor=%00", "?page_size=-1"])
def test_a_bad_flags_query_is_not_a_server_error(editor_client, period, query):
    response = editor_client.get(f"/api/v1/comment-periods/{period.pk}/response-flags/{query}")
    assert response.status_code < 500
    if response.status_code >= 400:
        assert response.json()["code"]


def test_an_unknown_comment_is_404_everywhere(editor_client):
    url = "/api/v1/comments/zzzzzzzzzzzzzzzzzzzzzzzzzz/response-links/"
    assert editor_client.get(url).json()["code"] == "comment_not_found"
    response = editor_client.post(
        url,
        {
            "standard": "big",
            "version": "9.0",
            "target": "requirements",
            "change_class": "editorial",
        },
        format="json",
    )
    assert (response.status_code, response.json()["code"]) == (404, "comment_not_found")
