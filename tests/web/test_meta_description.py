"""Every page has one ``<meta name="description">``, written for that page, in the reader's
language, and well-formed whatever the text it names holds."""

from html.parser import HTMLParser

import pytest
from django.test import Client

from standard_versions.models import Version
from tests.factories import build_version
from tests.web.consultation.conftest import make_period, post_comment

pytestmark = pytest.mark.django_db


class _Descriptions(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.found: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta" and attributes.get("name") == "description":
            self.found.append(attributes.get("content") or "")


def _description(client, path: str, language: str = "en") -> str:
    separator = "&" if "?" in path else "?"
    response = client.get(f"{path}{separator}lang={language}", follow=True)
    found = _Descriptions(response.content.decode()).found
    assert len(found) == 1, (path, found)
    assert found[0].strip(), path
    return found[0]


@pytest.fixture
def pages(shipped_data):
    period = make_period(build_version(label="9.0", criteria=4, areas=2, status="draft"))
    post_comment(Client(), period, criterion="")
    from standard_versions.models import Comment

    return [
        "/",
        "/standards/wwc/versions/3.0/",
        "/standards/wwc/compare/",
        "/standards/wwc/compare/?from=2.0&to=3.0",
        f"/comment-periods/{period.pk}/",
        f"/comments/{Comment.objects.get().tracking_id}/",
        "/comments/lookup/",
        "/standards/wwc/versions/3.0/disposition-report/",
    ]


def test_each_page_describes_itself(client, pages):
    descriptions = [_description(client, path) for path in pages]
    assert len(set(descriptions)) == len(pages), descriptions
    assert "3.0" in _description(client, "/standards/wwc/versions/3.0/")
    assert "2.0" in _description(client, "/standards/wwc/compare/?from=2.0&to=3.0")


@pytest.mark.parametrize("language", ["es", "pt-BR"])
def test_each_description_is_in_the_readers_language(client, pages, language):
    for path in pages:
        assert _description(client, path, language) != _description(client, path), path


def test_a_description_naming_a_text_with_quotes_and_brackets_stays_one_attribute(
    client, shipped_data
):
    from standard_versions.models import Standard

    Standard.objects.filter(slug="wwc").update(name='The "Quoted" <Standard> & co')
    Version.objects.filter(label="3.0").update(revision=99)  # not the cached page
    description = _description(client, "/standards/wwc/versions/3.0/")
    assert 'The "Quoted" <Standard> & co' in description
