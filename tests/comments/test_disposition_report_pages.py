"""The disposition report a page at a time: next and previous links walk every published comment
once, in the report's order (sections in the version's order, then submitted_at, id); the
contents list each section with its count and the page where it starts."""

import csv
import io

import pytest

from tests.comments.report_support import bulk_published

pytestmark = pytest.mark.django_db

API = "/api/v1/standards/big/versions/9.0/disposition-report/"
PAGE = "/standards/big/versions/9.0/disposition-report/"
# Sections of many sizes: a page spans small ones and stops inside big ones.
COUNTS = {"": 3, "A0.0": 130, "A0.2": 1, "A0.4": 2, "A1.1": 250, "A1.5": 7}


@pytest.fixture
def comments(open_period):
    return bulk_published(open_period, COUNTS)


def _every_row(api_client) -> list[str]:
    response = api_client.get(API, {"format": "csv"})
    data = b"".join(response.streaming_content).decode("utf-8-sig")
    return [row["tracking_id"] for row in csv.DictReader(io.StringIO(data))]


def _ids(body) -> list[str]:
    return [c["tracking_id"] for s in body["sections"] for c in s["comments"]]


def test_following_next_visits_every_comment_once_in_the_order_of_the_download(
    api_client, comments
):
    expected = _every_row(api_client)
    assert len(expected) == sum(COUNTS.values())
    seen, pages, url = [], [], API
    while url:
        body = api_client.get(url).json()
        assert len(_ids(body)) <= 100
        assert body["count"] == sum(COUNTS.values())
        seen += _ids(body)
        pages.append(body)
        url = body["next"]
    assert seen == expected
    assert len(pages) == 4
    assert pages[0]["previous"] is None
    # Following previous from the last page gives the same pages back.
    back, url = [], pages[-1]["previous"]
    while url:
        body = api_client.get(url).json()
        back.insert(0, _ids(body))
        url = body["previous"]
    assert back == [_ids(page) for page in pages[:-1]]


def test_a_section_that_goes_on_from_the_page_before_says_how_many_it_has(api_client, comments):
    first = api_client.get(API).json()
    second = api_client.get(first["next"]).json()
    assert [s["criterion"] for s in first["sections"]] == [None, "A0.0"]
    assert [s["comment_count"] for s in first["sections"]] == [3, 130]
    assert second["sections"][0]["criterion"] == "A0.0"
    assert len(second["sections"][0]["comments"]) == 130 - 97


def test_the_contents_list_every_section_with_its_count_and_where_it_starts(api_client, comments):
    body = api_client.get(API).json()
    assert [(e["criterion"], e["count"]) for e in body["contents"]] == [
        (None, 3),
        ("A0.0", 130),
        ("A0.2", 1),
        ("A0.4", 2),
        ("A1.1", 250),
        ("A1.5", 7),
    ]
    assert body["summary"]["published"] == sum(COUNTS.values())
    a11 = api_client.get(body["contents"][4]["url"]).json()
    assert a11["contents"][4]["url"].endswith("?criterion=A1.1")
    assert [s["criterion"] for s in a11["sections"]] == ["A1.1"]
    assert len(_ids(a11)) == 100
    assert a11["previous"] is not None
    before = api_client.get(a11["previous"]).json()
    assert _ids(before)[-1] == _every_row(api_client)[3 + 130 + 1 + 2 - 1]


def test_the_page_has_contents_and_links_to_the_next_and_previous_pages(client, comments):
    html = client.get(PAGE).content.decode()
    assert '<nav class="toc contents"' in html
    assert 'href="?criterion=A1.1#A1.1"' in html
    assert "250 published comments" in html
    assert 'rel="next"' in html and 'rel="prev"' not in html
    assert html.count('class="report-comment"') == 100
    next_url = html.split('rel="next"')[0].rsplit('href="', 1)[1].split('"')[0]
    following = client.get(PAGE + next_url.replace("&amp;", "&")).content.decode()
    assert 'rel="prev"' in following
    assert "(continued)" in following
    section = client.get(PAGE + "?criterion=A1.5").content.decode()
    assert '<section id="A1.5"' in section and '<section id="A1.1"' not in section


def test_a_link_this_server_did_not_make_is_400_and_an_unknown_criterion_404(
    api_client, client, comments
):
    response = api_client.get(API, {"cursor": "forged"})
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_cursor"
    assert client.get(PAGE + "?cursor=forged").status_code == 400
    response = api_client.get(API, {"criterion": "A1.3"})  # no published comment
    assert response.status_code == 404
    assert response.json()["code"] == "criterion_not_found"
    assert client.get(PAGE + "?criterion=Z9").status_code == 404
