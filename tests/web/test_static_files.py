"""Static files: once collected (production runs collectstatic), pages name them by a hash of
their content and whitenoise serves them precompressed and cached for ever; without collecting
(``make run``, the test suite) pages name them as they are and they are still served."""

import gzip
import re

import brotli
import pytest
from django.core.management import call_command
from django.test import override_settings
from whitenoise.compress import Compressor

pytestmark = pytest.mark.django_db

STYLESHEET = re.compile(
    r'<link rel="stylesheet" href="(/static/web/site(?:\.[0-9a-f]{12})?\.css)">'
)


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    root = tmp_path_factory.mktemp("collected-static")
    # Without the API docs' vendored bundles (drf-spectacular-sidecar, 9 MB of JavaScript): their
    # Brotli and gzip copies took 16 of the 19 s, and these tests read the site's own files.
    # The admin's and the site's files are collected and hashed as in production (a stylesheet
    # naming a missing file would fail here); JavaScript is not compressed, which was half of
    # the remaining CPU (6.9 CPU-s, 3.7 without), as these tests read the site's stylesheet.
    skip = [*Compressor.SKIP_COMPRESS_EXTENSIONS, "js"]
    with override_settings(STATIC_ROOT=root, WHITENOISE_SKIP_COMPRESS_EXTENSIONS=skip):
        call_command(
            "collectstatic", "--noinput", "--ignore", "drf_spectacular_sidecar", verbosity=0
        )
    return root


@pytest.fixture
def after_collectstatic(collected, settings):
    settings.STATIC_ROOT = collected
    return collected


def _stylesheet(client) -> str:
    match = STYLESHEET.search(client.get("/").content.decode())
    assert match, "the page links its stylesheet"
    return match.group(1)


def test_pages_name_a_collected_stylesheet_by_its_content_hash(client, after_collectstatic):
    url = _stylesheet(client)
    assert re.fullmatch(r"/static/web/site\.[0-9a-f]{12}\.css", url)
    assert (after_collectstatic / url.removeprefix("/static/")).is_file()


def test_a_hashed_file_is_cached_for_ever_and_served_compressed(client, after_collectstatic):
    url = _stylesheet(client)
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=315360000, public, immutable"
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    body = gzip.decompress(b"".join(response.streaming_content))
    assert b".site-header" in body
    # Brotli too, where the client takes it: the brotli package comes with WeasyPrint's fonts
    # (fonttools[woff]), so collectstatic writes a .br beside each .gz.
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response["Content-Encoding"] == "br"
    assert brotli.decompress(b"".join(response.streaming_content)) == body


def test_without_collectstatic_pages_name_files_as_they_are_and_they_are_served(client):
    url = _stylesheet(client)
    assert url == "/static/web/site.css"
    response = client.get(url)
    assert response.status_code == 200
    assert "immutable" not in response["Cache-Control"]
