"""Every page names itself in each language with absolute ``hreflang`` alternates, plus
``x-default`` (the page without ``lang``, which negotiates); cached pages are kept per host, so a
page asked on one host never names another."""

from html.parser import HTMLParser

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/standards/wwc/versions/3.0/",
    "/standards/wwc/compare/?from=2.0&to=3.0",
    "/comments/lookup/",
    "/standards/wwc/versions/9.9/",
]


class _Alternates(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.found: dict[str, str] = {}
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        # The page in another language; not its Atom feed (an alternate with a type).
        if tag == "link" and attributes.get("rel") == "alternate" and "type" not in attributes:
            assert attributes["hreflang"] not in self.found, "one alternate per language"
            self.found[attributes["hreflang"]] = attributes["href"]


def _alternates(client, path: str) -> dict[str, str]:
    return _Alternates(client.get(path).content.decode()).found


@pytest.mark.parametrize("path", PAGES)
def test_each_language_and_x_default_has_an_absolute_alternate(client, shipped_data, path):
    rest = path.partition("?")[2]
    bare = path.partition("?")[0]
    expected = {
        code: f"http://testserver{bare}?lang={code}" + (f"&{rest}" if rest else "")
        for code in ("en", "es", "pt-BR")
    }
    expected["x-default"] = f"http://testserver{path}"
    assert _alternates(client, path) == expected


def test_the_alternates_leave_out_the_lang_the_page_was_asked_with(client, shipped_data):
    found = _alternates(client, "/standards/wwc/compare/?lang=es&from=2.0&to=3.0")
    assert found["x-default"] == "http://testserver/standards/wwc/compare/?from=2.0&to=3.0"
    assert found["es"] == "http://testserver/standards/wwc/compare/?lang=es&from=2.0&to=3.0"


@pytest.mark.parametrize(
    "path", ["/standards/wwc/versions/3.0/", "/standards/wwc/compare/?from=2.0&to=3.0"]
)
def test_a_cached_page_names_the_host_it_is_asked_on(shipped_data, path):
    first = _alternates(Client(HTTP_HOST="localhost"), path)
    second = _alternates(Client(HTTP_HOST="127.0.0.1"), path)
    assert first["x-default"].startswith("http://localhost/")
    assert second["x-default"].startswith("http://127.0.0.1/")


def test_a_cached_consultation_page_names_the_host_it_is_asked_on(db):
    from tests.factories import build_version
    from tests.web.consultation.conftest import make_period, page_url

    period = make_period(build_version(label="9.0", criteria=4, areas=2, status="draft"))
    first = _alternates(Client(HTTP_HOST="localhost"), page_url(period))
    second = _alternates(Client(HTTP_HOST="127.0.0.1"), page_url(period))
    assert first["es"] == f"http://localhost{page_url(period)}?lang=es"
    assert second["es"] == f"http://127.0.0.1{page_url(period)}?lang=es"
