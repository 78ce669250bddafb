"""The schema tells the whole truth: every operation has a summary, a description and one resource
tag, explains its parameters, describes its lists as pages, documents every error it can give with
the one error body, declares the credentials it needs and the media types it answers in, and its
main requests come with an example.

The rules are restated here from what the API does (docs/api.md), not from the code that derives
them (api/schema_errors.py), so a wrong derivation fails. The schemathesis run (tests/fuzz/) checks
the same schema against the running service."""

RESOURCE_TAGS = {
    "standards",
    "versions",
    "criteria",
    "practice areas",
    "requirements",
    "history",
    "diff",
    "translations",
    "comment periods",
    "comments",
    "disposition report",
    "webhooks",
    "subscriptions",
}
PAGED_LISTS = {
    "standards_list",
    "versions_list",
    "criteria_list",
    "criteria_history",
    "versions_history",
    "criteria_timeline",
    "comment_periods_list",
    "comment_periods_campaigns_list",
    "comment_periods_near_duplicates_list",
    "comment_periods_objections_list",
    "webhooks_list",
    "webhooks_deliveries_list",
}
# Lists that can hold a million rows: keyset pages (standard_versions/api/pagination.py).
CURSOR_LISTS = {
    "comment_periods_comments_list",
    "comment_periods_moderation_list",
    "near_duplicates_members_list",
}
STAFF_READS = {
    "comment_periods_moderation_list",
    "comment_periods_objections_list",
    "comment_periods_campaigns_list",
    "comment_periods_near_duplicates_list",
    "near_duplicates_members_list",
    "comment_periods_export",
    "exports_retrieve",
    "exports_download",
    "webhooks_list",
    "webhooks_retrieve",
    "webhooks_deliveries_list",
    # A comment's response links and a period's flags: the staff's working view (issue 17).
    "comments_response_links_list",
    "comment_periods_response_flags_list",
}
# The commenter's answer needs the answer key, not credentials.
ANYONE_WRITES = {
    "comment_periods_comments_create",
    "subscriptions_create",
    "comments_answer_create",
}
CONFLICTING_WRITES = {
    "versions_create",
    "versions_partial_update",
    "versions_publish",
    "versions_withdraw",
    "requirements_partial_update",
    "criteria_create",
    "criteria_partial_update",
    "criteria_destroy",
    "practice_areas_create",
    "practice_areas_partial_update",
    "practice_areas_destroy",
    "comment_periods_create",
    "comment_periods_extend",
    "comment_periods_reopen",
    "comment_periods_close",
    "comment_periods_comments_create",
    # A whole campaign's change, refused when the campaign grew since: 409 campaign_changed.
    "near_duplicates_moderate",
    "near_duplicates_respond",
    # The same response link twice: 409 response_link_exists.
    "comments_response_links_create",
    # One answer per comment, in its window; one reply per objection.
    "comments_answer_create",
    "comments_answer_reply",
    # A read, but of a job that may not be done yet: 409 export_not_ready.
    "exports_download",
}
CONDITIONAL_READS = {
    "versions_retrieve",
    "criteria_list",
    "criteria_retrieve",
    "standards_diff",
    "disposition_report_retrieve",
}
EXAMPLED_REQUESTS = {
    "comment_periods_comments_create",
    "subscriptions_create",
    "versions_create",
    "criteria_partial_update",
    "comment_periods_create",
    "comment_periods_extend",
    "comment_periods_close",
}
STAFF_CREDENTIALS = [{"tokenAuth": []}, {"cookieAuth": []}]
ERROR_REF = "#/components/schemas/Error"


def operations(schema: dict):
    """(method, path, operation) for every operation of ``schema``, methods in upper case."""
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            yield method.upper(), path, operation


def by_id(schema: dict) -> dict[str, dict]:
    return {operation["operationId"]: operation for _, _, operation in operations(schema)}


def component(schema: dict, ref: str) -> dict:
    return schema["components"]["schemas"][ref.rsplit("/", 1)[1]]


def test_every_operation_has_a_summary_a_description_and_one_resource_tag(openapi_schema):
    for method, path, operation in operations(openapi_schema):
        where = f"{method} {path}"
        assert operation.get("summary", "").strip(), where
        assert operation.get("description", "").strip(), where
        assert len(operation["tags"]) == 1, where
        assert operation["tags"][0] in RESOURCE_TAGS, where


def test_every_parameter_says_what_it_is_and_path_parameters_give_an_example(openapi_schema):
    for method, path, operation in operations(openapi_schema):
        for parameter in operation.get("parameters", []):
            where = f"{method} {path} {parameter['in']} {parameter['name']}"
            assert parameter.get("description", "").strip(), where
            if parameter["in"] == "path":
                assert parameter.get("example"), where


def test_the_lists_are_described_as_pages_of_results(openapi_schema):
    paged = set()
    for _, _, operation in operations(openapi_schema):
        names = {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}
        if "page" not in names:
            continue
        paged.add(operation["operationId"])
        assert "page_size" in names
        page = operation["responses"]["200"]["content"]["application/json"]["schema"]
        page = component(openapi_schema, page["$ref"])
        assert set(page["required"]) == {"count", "results"}
        assert page["properties"]["next"]["nullable"] is True
        assert page["properties"]["previous"]["nullable"] is True
        assert page["properties"]["results"]["type"] == "array"
    assert paged == PAGED_LISTS


def test_the_comment_lists_are_described_as_pages_reached_by_cursor(openapi_schema):
    for _, _, operation in operations(openapi_schema):
        if operation["operationId"] not in CURSOR_LISTS:
            continue
        names = {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}
        assert {"cursor", "page_size"} <= names
        assert "page" not in names
        page = operation["responses"]["200"]["content"]["application/json"]["schema"]
        page = component(openapi_schema, page["$ref"])
        assert set(page["required"]) == {
            "count",
            "count_is_estimate",
            "next",
            "previous",
            "results",
        }
        assert page["properties"]["next"]["nullable"] is True
        assert page["properties"]["results"]["type"] == "array"


def test_every_error_response_has_the_one_error_body(openapi_schema):
    error = openapi_schema["components"]["schemas"]["Error"]
    assert set(error["required"]) == {"code", "detail"}
    assert set(error["properties"]) == {"code", "detail", "errors"}
    assert error["properties"]["errors"]["type"] == "object"
    for method, path, operation in operations(openapi_schema):
        for status, response in operation["responses"].items():
            if status >= "400":
                where = f"{method} {path} {status}"
                assert response["description"].strip(), where
                assert response["content"] == {"application/json": {"schema": {"$ref": ERROR_REF}}}


def test_every_operation_documents_the_errors_it_can_give(openapi_schema):
    for method, _, operation in operations(openapi_schema):
        name = operation["operationId"]
        statuses = set(operation["responses"])
        parameters = {(p["in"], p["name"]) for p in operation.get("parameters", [])}
        staff_only = operation["security"] == STAFF_CREDENTIALS
        # Any request: credentials that are not valid, an impossible Accept, the database away.
        assert {"401", "406", "503"} <= statuses, name
        if any(where == "path" for where, _ in parameters):
            assert "404" in statuses, name
        if method != "GET":
            assert {"400", "403", "413", "415"} <= statuses, name
        assert ("403" in statuses) == (staff_only or method != "GET"), name
        assert ("412" in statuses) == (("header", "If-Match") in parameters), name
        assert ("304" in statuses) == (name in CONDITIONAL_READS), name
        assert ("409" in statuses) == (name in CONFLICTING_WRITES), name
        assert ("429" in statuses) == (name in ANYONE_WRITES), name
        if "409" in statuses:
            assert "`" in operation["responses"]["409"]["description"], name  # names its codes


def test_public_reads_need_no_credentials_and_staff_operations_need_a_token_or_a_session(
    openapi_schema,
):
    for method, _, operation in operations(openapi_schema):
        name = operation["operationId"]
        if name in ANYONE_WRITES:
            assert operation["security"] == [*STAFF_CREDENTIALS, {}], name
        elif method == "GET" and name not in STAFF_READS:
            assert operation["security"] == [], name
        else:
            assert operation["security"] == STAFF_CREDENTIALS, name
    schemes = openapi_schema["components"]["securitySchemes"]
    assert schemes["tokenAuth"]["in"] == "header"
    assert schemes["cookieAuth"]["in"] == "cookie"


def test_the_main_requests_come_with_an_example_of_their_own_fields(openapi_schema):
    operations_by_id = by_id(openapi_schema)
    for name in EXAMPLED_REQUESTS:
        body = operations_by_id[name]["requestBody"]["content"]["application/json"]
        fields = component(openapi_schema, body["schema"]["$ref"])["properties"]
        examples = body["examples"]
        assert examples, name
        for example in examples.values():
            assert set(example["value"]) <= set(fields), name


def test_each_rendering_is_declared_with_its_media_type_and_the_browsable_api_is_not(
    openapi_schema,
):
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    special = {
        "comment_periods_export": {"text/csv", "application/jsonl", xlsx},
        "exports_download": {"text/csv", "application/jsonl", xlsx},
        "standards_diff": {"application/json", "text/html", "text/markdown"},
        "disposition_report_retrieve": {"application/json", "text/csv", xlsx},
    }
    for _, _, operation in operations(openapi_schema):
        name = operation["operationId"]
        for status, response in operation["responses"].items():
            if "200" <= status < "300" and "content" in response:
                assert set(response["content"]) == special.get(name, {"application/json"}), name
