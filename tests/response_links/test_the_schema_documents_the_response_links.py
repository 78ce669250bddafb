"""The OpenAPI schema documents the response links' endpoints, their refusals, the receipt's
``response_links``, the moderation list's ``needs_linked_change`` and the diff's ``comments``."""

LINKS = "/api/v1/comments/{tracking_id}/response-links/"
LINK = "/api/v1/comments/{tracking_id}/response-links/{link_id}/"
FLAGS = "/api/v1/comment-periods/{period_id}/response-flags/"


def _component(schema: dict, name: str) -> dict:
    return schema["components"]["schemas"][name]


def test_the_new_endpoints_are_documented_with_their_refusals(openapi_schema):
    paths = openapi_schema["paths"]
    assert paths[LINKS]["get"]["operationId"] == "comments_response_links_list"
    create = paths[LINKS]["post"]
    assert create["operationId"] == "comments_response_links_create"
    assert {"201", "400", "401", "403", "404", "409"} <= set(create["responses"])
    assert "version_before_comment" in create["responses"]["400"]["description"]
    delete = paths[LINK]["delete"]
    assert {"204", "404"} <= set(delete["responses"])
    assert any(p["name"] == "reason" for p in delete["parameters"])
    assert paths[FLAGS]["get"]["operationId"] == "comment_periods_response_flags_list"
    for path in (LINKS, LINK, FLAGS):
        for operation in paths[path].values():
            assert operation["tags"] == ["comments"]


def test_the_new_fields_are_documented(openapi_schema):
    receipt = _component(openapi_schema, "CommentReceiptDetailOutput")
    assert "response_links" in receipt["properties"]
    link = _component(openapi_schema, "ResponseLinkOutput")
    assert {"title_redline", "description_diff", "code", "has_redline"} <= set(link["properties"])
    staff = _component(openapi_schema, "StaffCommentOutput")
    assert "needs_linked_change" in staff["properties"]
    diff = _component(openapi_schema, "VersionDiffOutput")
    assert "comments" in diff["properties"]
    behind = _component(openapi_schema, "DiffCommentBehindOutput")
    assert {"tracking_id", "class", "receipt_path", "api_path"} <= set(behind["properties"])
