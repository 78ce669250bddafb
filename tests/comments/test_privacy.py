"""No public response ever contains a commenter's email address; staff exports do."""

import pytest

from tests.comments.conftest import submit

pytestmark = pytest.mark.django_db

EMAIL = "private.person@secret-mail.example"


@pytest.fixture
def comments(api_client, editor_client, open_period):
    receipts = []
    for n, identity_public in enumerate([True, False]):
        response = submit(
            api_client,
            open_period,
            criterion="A0.0",
            body=f"Comment {n}",
            name="Pat",
            organization="Org",
            identity_public=identity_public,
            email=EMAIL,
        )
        assert EMAIL not in response.content.decode()
        tracking_id = response.json()["tracking_id"]
        editor_client.post(
            f"/api/v1/comments/{tracking_id}/moderate/", {"state": "published"}, format="json"
        )
        editor_client.post(
            f"/api/v1/comments/{tracking_id}/respond/",
            {"disposition": "noted", "response": "Thanks."},
            format="json",
        )
        receipts.append(tracking_id)
    withheld = submit(api_client, open_period, body="Spam", email=EMAIL).json()["tracking_id"]
    editor_client.post(
        f"/api/v1/comments/{withheld}/moderate/",
        {"state": "withheld", "reason": "spam"},
        format="json",
    )
    return [*receipts, withheld]


def _public_paths(period, tracking_ids):
    paths = [
        "/api/v1/comment-periods/",
        "/api/v1/comment-periods/?status=open",
        f"/api/v1/comment-periods/{period.pk}/",
        f"/api/v1/comment-periods/{period.pk}/comments/",
        "/api/v1/standards/big/versions/9.0/disposition-report/",
        "/api/v1/standards/big/versions/9.0/disposition-report/?format=csv",
        "/standards/big/versions/9.0/disposition-report/",
    ]
    paths += [f"/api/v1/comments/{tracking_id}/" for tracking_id in tracking_ids]
    return paths


def test_no_public_endpoint_shows_an_email_address(api_client, open_period, comments):
    for path in _public_paths(open_period, comments):
        for accept in ("application/json", "text/html"):
            response = api_client.get(path, HTTP_ACCEPT=accept)
            if response.status_code == 406:
                continue
            assert response.status_code == 200, path
            body = b"".join(response.streaming_content) if response.streaming else response.content
            text = body.decode()
            assert EMAIL not in text, path
            assert "secret-mail" not in text, path
            assert '"email"' not in text, path


def test_the_public_comment_list_has_published_comments_only(api_client, open_period, comments):
    listed = api_client.get(f"/api/v1/comment-periods/{open_period.pk}/comments/").json()
    assert sorted(item["tracking_id"] for item in listed["results"]) == sorted(comments[:2])


def test_staff_endpoints_with_contact_details_are_refused_to_the_public(
    api_client, nobody_client, open_period, comments
):
    for path in [
        f"/api/v1/comment-periods/{open_period.pk}/moderation/",
        f"/api/v1/comment-periods/{open_period.pk}/campaigns/",
        f"/api/v1/comment-periods/{open_period.pk}/export/?format=csv",
        f"/api/v1/comment-periods/{open_period.pk}/export/?format=jsonl",
    ]:
        anonymous = api_client.get(path)
        assert anonymous.status_code == 401, path
        assert EMAIL not in anonymous.content.decode()
        assert nobody_client.get(path).status_code == 403, path


def test_staff_see_email_addresses(editor_client, open_period, comments):
    response = editor_client.get(f"/api/v1/comment-periods/{open_period.pk}/moderation/")
    assert {item["email"] for item in response.json()["results"]} == {EMAIL}
