"""The disposition report: every published comment by criterion with its disposition and response,
as JSON, CSV and an HTML page."""

import csv
import io

import pytest

from tests.comments.conftest import submit

pytestmark = pytest.mark.django_db

API = "/api/v1/standards/big/versions/9.0/disposition-report/"
PAGE = "/standards/big/versions/9.0/disposition-report/"


@pytest.fixture
def report_data(api_client, editor_client, open_period):
    def comment(criterion, body, *, publish=True, disposition=None, **extra):
        tracking_id = submit(
            api_client, open_period, criterion=criterion, body=body, **extra
        ).json()["tracking_id"]
        if publish:
            editor_client.post(
                f"/api/v1/comments/{tracking_id}/moderate/", {"state": "published"}, format="json"
            )
        if disposition:
            editor_client.post(
                f"/api/v1/comments/{tracking_id}/respond/",
                {"disposition": disposition, "response": f"Response to {body}"},
                format="json",
            )
        return tracking_id

    return {
        "late": comment("A1.1", "On A1.1", disposition="accepted"),
        "early": comment("A0.0", "=HYPERLINK(evil)", disposition="not_accepted"),
        "general": comment(None, "On everything", name="Ann", identity_public=True),
        "hidden": comment("A0.0", "Unpublished", publish=False),
    }


def test_the_json_report_groups_published_comments_by_criterion_in_version_order(
    api_client, report_data, open_period
):
    response = api_client.get(API)
    assert response.status_code == 200
    report = response.json()
    assert (report["standard"], report["version"]) == ("big", "9.0")
    assert [p["id"] for p in report["periods"]] == [open_period.pk]
    assert [s["criterion"] for s in report["sections"]] == [None, "A0.0", "A1.1"]
    a0 = report["sections"][1]["comments"]
    assert [c["tracking_id"] for c in a0] == [report_data["early"]]
    assert a0[0]["disposition"] == "not_accepted"
    assert a0[0]["response"] == "Response to =HYPERLINK(evil)"
    assert report["sections"][0]["comments"][0]["author"] == {"name": "Ann", "organization": ""}
    assert report["summary"] == {
        "published": 3,
        "awaiting_response": 1,
        "accepted": 1,
        "not_accepted": 1,
    }
    assert report_data["hidden"] not in response.content.decode()


def test_the_csv_report_has_one_row_per_published_comment_and_defuses_formulas(
    api_client, report_data
):
    response = api_client.get(f"{API}?format=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    data = b"".join(response.streaming_content)
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [row["criterion"] for row in rows] == ["", "A0.0", "A1.1"]
    assert rows[1]["body"] == "'=HYPERLINK(evil)"
    assert rows[2]["disposition"] == "accepted"


def test_the_html_page_shows_each_comment_with_its_disposition(client, report_data):
    response = client.get(PAGE)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<section id="A0.0"' in html
    assert f'id="comment-{report_data["late"]}"' in html
    assert "Response to On A1.1" in html
    assert "=HYPERLINK(evil)" in html
    assert "Unpublished" not in html
    assert "awaiting response" in html


def test_the_report_escapes_comment_text_in_html(api_client, editor_client, open_period, client):
    tracking_id = submit(api_client, open_period, body="<script>alert(1)</script>").json()[
        "tracking_id"
    ]
    editor_client.post(
        f"/api/v1/comments/{tracking_id}/moderate/", {"state": "published"}, format="json"
    )
    html = client.get(PAGE).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_an_unknown_version_is_404(api_client, client, db):
    assert (
        api_client.get("/api/v1/standards/big/versions/1.2/disposition-report/").status_code == 404
    )
    assert client.get("/standards/nope/versions/1.2/disposition-report/").status_code == 404
