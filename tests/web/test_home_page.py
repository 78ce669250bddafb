"""The home page: standards, their versions with status and dates, the comment-period section."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import build_version

pytestmark = pytest.mark.django_db


def test_the_home_page_lists_each_version_with_its_status_and_a_link(client, shipped_data):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "What Works Cities Certification Standard" in html
    assert 'href="/standards/wwc/versions/3.0/"' in html
    assert 'href="/standards/wwc/versions/2.0/"' in html
    assert '<span class="status status--published">published</span>' in html
    assert '<span class="status status--superseded">superseded</span>' in html
    # Newest first.
    assert html.index("versions/3.0/") < html.index("versions/2.0/")


def test_a_version_without_dates_says_so_rather_than_guessing(client, shipped_data):
    assert "date not recorded" in client.get("/").content.decode()


def test_the_comment_period_section_says_none_is_open_until_periods_exist(client, shipped_data):
    html = client.get("/").content.decode()
    assert 'id="comment-periods-heading"' in html
    assert "No comment period is open or scheduled at the moment." in html


@pytest.mark.usefixtures("page_heads_read_every_time")
def test_the_home_page_costs_the_same_queries_for_one_or_many_versions(client):
    build_version(standard_slug="one", label="1.0", criteria=1)
    with CaptureQueriesContext(connection) as few:
        assert client.get("/").status_code == 200
    for index in range(2, 8):
        build_version(standard_slug=f"s{index}", label=f"{index}.0", criteria=1)
    with CaptureQueriesContext(connection) as many:
        assert client.get("/").status_code == 200
    # the current periods' windows and the page's head (standards, versions, translations), raw
    # SQL for the cache key; then, to render, the current periods with their versions and
    # standards, the standards and the versions
    assert len(few) == len(many) == 7
