"""No request to the comment endpoints, however malformed, gets a 500."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/comment-periods/?status=%00",
        "/api/v1/comment-periods/?status=" + "x" * 5000,
        "/api/v1/comment-periods/?page=abc",
        "/api/v1/comment-periods/abc/",
        "/api/v1/comment-periods/-1/",
        "/api/v1/comment-periods/" + "9" * 19 + "/",
        "/api/v1/comment-periods/{id}/comments/?page=999999999999",
        "/api/v1/comment-periods/{id}/comments/?format=xml",
        "/api/v1/comments/%00%00%00%00%00%00%00%00/",
        "/api/v1/comments/" + "a" * 41 + "/",
        "/api/v1/comments/short/",
        "/api/v1/standards/big/versions/9.0/disposition-report/?format=yaml",
        "/standards/big/versions/%00/disposition-report/",
    ],
)
def test_hostile_reads_never_give_a_server_error(api_client, open_period, path):
    response = api_client.get(path.replace("{id}", str(open_period.pk)))
    assert response.status_code < 500
    if response.status_code >= 400 and response["Content-Type"].startswith("application/json"):
        assert response.json()["code"]


@pytest.mark.parametrize(
    "payload",
    [
        {
            "standard": "big",
            "version": "9.0",
            "opens_at": "2030-13-45T00:00:00Z",
            "closes_at": "2030-01-02T00:00:00Z",
            "timezone": "UTC",
        },
        {"standard": ["big"], "version": None, "opens_at": 5, "closes_at": {}, "timezone": 7},
        {
            "standard": "big",
            "version": "9.0",
            "opens_at": "2030-01-01T00:00:00Z",
            "closes_at": "2030-01-02T00:00:00Z",
            "timezone": "UTC",
            "criteria": "A0.0",
        },
        {
            "standard": "big",
            "version": "9.0",
            "opens_at": "2030-01-01T00:00:00Z",
            "closes_at": "2030-01-02T00:00:00Z",
            "timezone": "UTC",
            "criteria": ["\x00"],
        },
        {
            "standard": "b\x00g",
            "version": "9.0",
            "opens_at": "2030-01-01T00:00:00Z",
            "closes_at": "2030-01-02T00:00:00Z",
            "timezone": "UTC",
        },
        {
            "standard": "big",
            "version": "9.0",
            "opens_at": "2030-01-01T00:00:00Z",
            "closes_at": "2030-01-02T00:00:00Z",
            "timezone": "UTC",
            "instructions": "x" * 30_000,
        },
    ],
)
def test_hostile_period_creations_are_400(publisher_client, draft, payload):
    response = publisher_client.post("/api/v1/comment-periods/", payload, format="json")
    assert response.status_code == 400, response.content
    assert response.json()["code"]


def test_the_schema_documents_the_comment_endpoints(openapi_schema):
    paths = openapi_schema["paths"]
    for endpoint in [
        "/api/v1/comment-periods/",
        "/api/v1/comment-periods/{period_id}/",
        "/api/v1/comment-periods/{period_id}/extend/",
        "/api/v1/comment-periods/{period_id}/close/",
        "/api/v1/comment-periods/{period_id}/reopen/",
        "/api/v1/comment-periods/{period_id}/comments/",
        "/api/v1/comment-periods/{period_id}/moderation/",
        "/api/v1/comment-periods/{period_id}/campaigns/",
        "/api/v1/comment-periods/{period_id}/export/",
        "/api/v1/comments/{tracking_id}/",
        "/api/v1/comments/{tracking_id}/moderate/",
        "/api/v1/comments/{tracking_id}/respond/",
        "/api/v1/standards/{std}/versions/{label}/disposition-report/",
    ]:
        assert endpoint in paths, endpoint
    components = openapi_schema["components"]["schemas"]
    public = [
        "CommentPeriodOutput",
        # The submitter's 201 (the receipt with the answer key); the receipt with its answer.
        "CommentSubmittedOutput",
        "CommentReceiptDetailOutput",
        "ReceiptAnswerOutput",
        "CommenterAnswerOutput",
        "PublishedCommentOutput",
        "ReportPageCommentOutput",
        "DispositionReportPageOutput",
        "ReportPageSectionOutput",
        "ReportContentsEntryOutput",
    ]
    for name in public:
        assert "email" not in components[name]["properties"], name
    assert "email" in components["StaffCommentOutput"]["properties"]
