"""A diff with a reconstructed version (the shipped 2.0) says that its side is inferred: in the
JSON, the Markdown changelog, the HTML redline and the compare page, in the reader's language."""

import pytest

from standard_versions.models import Version
from tests.diff.versions import copy_version

pytestmark = pytest.mark.django_db


def test_the_diff_json_flags_the_reconstructed_side_and_says_so_in_a_note(api_client, shipped_data):
    data = api_client.get("/api/v1/standards/wwc/diff/?from=2.0&to=3.0").json()
    assert data["from"]["reconstructed"] is True
    assert data["to"]["reconstructed"] is False
    assert data["reconstruction_note"].startswith("Version 2.0 is a reconstruction")
    assert "inferred" in data["reconstruction_note"]


def test_the_note_is_in_the_readers_language(api_client, shipped_data):
    es = api_client.get("/api/v1/standards/wwc/diff/?from=2.0&to=3.0&lang=es").json()
    pt = api_client.get("/api/v1/standards/wwc/diff/?from=3.0&to=2.0&lang=pt-BR").json()
    assert es["reconstruction_note"].startswith("La versión 2.0 es una reconstrucción")
    assert pt["reconstruction_note"].startswith("A versão 2.0 é uma reconstrução")


def test_a_diff_without_a_reconstructed_version_has_no_note(api_client, shipped_data):
    copy_version(Version.objects.get(label="3.0"), label="3.1")
    data = api_client.get("/api/v1/standards/wwc/diff/?from=3.0&to=3.1").json()
    assert data["reconstruction_note"] is None
    assert (data["from"]["reconstructed"], data["to"]["reconstructed"]) == (False, False)
    markdown = api_client.get("/api/v1/standards/wwc/diff/?from=3.0&to=3.1&format=markdown")
    assert "reconstruction" not in markdown.content.decode()


def test_the_changelog_names_the_reconstructed_figures_as_inferred_both_ways(
    api_client, shipped_data
):
    forward = api_client.get("/api/v1/standards/wwc/diff/?from=2.0&to=3.0&format=markdown")
    backward = api_client.get("/api/v1/standards/wwc/diff/?from=3.0&to=2.0&format=markdown")
    forward, backward = forward.content.decode(), backward.content.decode()
    assert "> Version 2.0 is a reconstruction" in forward
    assert "(the reconstructed version 2.0 has 67%, an inferred figure)" in forward
    assert "> Version 2.0 is a reconstruction" in backward
    assert (
        "**Gold** starts at 67% of the criteria in the reconstructed version 2.0, an inferred "
        "figure (was 68%)." in backward
    )


def test_the_compare_page_shows_the_note_under_the_summary(client, shipped_data):
    html = client.get("/standards/wwc/compare/?from=2.0&to=3.0&lang=es").content.decode()
    summary = html.split('id="summary-heading"')[1].split("</section>")[0]
    assert 'id="reconstruction-caveat"' in summary
    assert "La versión 2.0 es una reconstrucción" in summary


def test_the_version_api_says_which_version_is_reconstructed(api_client, shipped_data):
    versions = api_client.get("/api/v1/standards/wwc/versions/").json()["results"]
    assert {v["label"]: v["reconstructed"] for v in versions} == {"2.0": True, "3.0": False}
