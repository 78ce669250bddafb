"""A tracking id is shown in groups of four and taken back as people write it: any case, with or
without dashes or spaces, on the look-up form, in the receipt's URL and in the API; the stored and
served id never changes. The receipt offers Copy and Print (hidden without JavaScript) and
prints where to look the comment up."""

import pytest

from standard_versions.consultation import tracking_ids
from standard_versions.models import Comment
from tests.web.consultation.conftest import post_comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def tracking_id(client, open_period) -> str:
    assert post_comment(client, open_period, body="Keep my id.").status_code == 303
    return Comment.objects.get().tracking_id


def _written(tracking_id: str) -> str:
    """As someone copies it from a printed receipt: capitals and dashes."""
    return tracking_ids.grouped(tracking_id).upper()


def test_an_id_is_grouped_in_fours_and_taken_back_in_any_case_and_with_any_dashes():
    stored = "k5q3w7pz2mxb6yq4hd3fjr5tne"
    assert tracking_ids.grouped(stored) == "k5q3-w7pz-2mxb-6yq4-hd3f-jr5t-ne"
    for written in (
        "K5Q3-W7PZ-2MXB-6YQ4-HD3F-JR5T-NE",
        " k5q3 w7pz 2mxb 6yq4 hd3f jr5t ne ",
        "k5q3\u2013w7pz\u20142mxb\u20106yq4-hd3f-jr5t-ne",  # word-processor dashes
        stored,
    ):
        assert tracking_ids.canonical(written) == stored


def test_the_receipt_shows_the_id_grouped_in_its_title_and_box(client, tracking_id):
    html = client.get(f"/comments/{tracking_id}/").content.decode()
    grouped = tracking_ids.grouped(tracking_id)
    assert f'<code id="tracking-id">{grouped}</code>' in html
    assert f"<title>Receipt for comment {grouped} ·" in html
    assert "capital letters, spaces and dashes make no difference" in html


def test_a_receipt_url_written_with_capitals_and_dashes_redirects_to_the_canonical_one(
    client, tracking_id
):
    response = client.get(f"/comments/{_written(tracking_id)}/?lang=es")
    assert response.status_code == 301
    assert response["Location"] == f"/comments/{tracking_id}/?lang=es"
    assert client.get(response["Location"]).status_code == 200


def test_the_lookup_accepts_the_id_with_dashes_spaces_and_capitals(client, tracking_id):
    for written in (_written(tracking_id), tracking_ids.grouped(tracking_id).replace("-", " ")):
        response = client.get("/comments/lookup/", {"tracking_id": written})
        assert response.status_code == 302
        assert response["Location"] == f"/comments/{tracking_id}/"


def test_the_api_resolves_a_written_id_and_serves_the_stored_one(api_client, tracking_id):
    response = api_client.get(f"/api/v1/comments/{_written(tracking_id)}/")
    assert response.status_code == 200
    assert response.json()["tracking_id"] == tracking_id


def test_copy_and_print_are_offered_only_by_the_script_and_paper_says_where_to_look(
    client, tracking_id
):
    html = client.get(f"/comments/{tracking_id}/").content.decode()
    grouped = tracking_ids.grouped(tracking_id)
    assert '<div class="receipt-actions" hidden>' in html
    assert f'hidden data-copy="{grouped}"' in html
    assert "hidden data-print>Print this receipt</button>" in html
    assert '<p class="receipt-actions__status" role="status"></p>' in html
    assert 'src="/static/web/receipt.js" defer' in html
    assert (
        '<p class="print-only">Look up your comment at http://testserver/comments/lookup/</p>'
        in html
    )
