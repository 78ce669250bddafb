"""The report's PDF (WeasyPrint) in each language: a PDF with the report's title in that
language, its summary and every comment with what came of it; revalidated like the page; a
report with more comments than a PDF prints holds the summary and the sections' figures and
says so."""

import re
import zlib

import pytest
from weasyprint import HTML

from standard_versions.web import presenters_report_pdf
from tests.report.conftest import tracking_id

pytestmark = pytest.mark.django_db

PDF = "/standards/big/versions/9.0/disposition-report.pdf"
TITLES = {
    "en": "Disposition report for version 9.0",
    "es": "Informe de disposición de la versión 9.0",
    "pt-BR": "Relatório de decisões da versão 9.0",
}


def pdf_title(pdf: bytes) -> str:
    """The PDF's document title (its Info dictionary's /Title, a UTF-16 hex string inside one of
    the compressed object streams WeasyPrint writes): no PDF reader needed."""
    for stream in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            data = zlib.decompress(stream.group(1))
        except zlib.error:
            continue
        found = re.search(rb"/Title\s*<([0-9a-fA-F]+)>", data)
        if found:
            return bytes.fromhex(found.group(1).decode()).decode("utf-16")
        found = re.search(rb"/Title\s*\(([^)]*)\)", data)
        if found:
            return found.group(1).decode("latin-1")
    raise AssertionError("no /Title in the PDF")


@pytest.mark.parametrize("language", ["en", "es", "pt-BR"])
def test_the_pdf_is_a_pdf_in_the_readers_language(client, at_now, language):
    response = client.get(PDF, {"lang": language})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Language"] == language
    body = response.content
    assert body.startswith(b"%PDF-")
    assert pdf_title(body) == TITLES[language]


def test_the_pdfs_html_holds_the_summary_and_every_comment(client, at_now, monkeypatch):
    seen = {}

    def keep(html: str) -> bytes:
        seen["html"] = html
        return HTML(string=html).write_pdf()

    monkeypatch.setattr("standard_versions.web.report_pdf.html_to_pdf", keep)
    assert client.get(PDF).status_code == 200
    html = seen["html"]
    assert html.count('role="img"') == 3
    for n in range(1, 11):
        assert tracking_id(n) in html
    assert tracking_id(11) not in html and tracking_id(12) not in html
    assert "Please reconsider the threshold." in html
    assert "Something rude" not in html
    assert "B0.7 in version 9.1 (substantive)" in html
    pages = HTML(string=html).render().pages
    assert len(pages) >= 2


def test_the_pdf_is_revalidated_and_cached(client, at_now, django_assert_num_queries):
    first = client.get(PDF)
    etag = first["ETag"]
    with django_assert_num_queries(1):
        again = client.get(PDF, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    with django_assert_num_queries(1):
        assert client.get(PDF).content == first.content
    assert client.get(PDF, {"lang": "es"})["ETag"] != etag


def test_a_report_bigger_than_the_limit_prints_its_figures_only(client, at_now, monkeypatch):
    monkeypatch.setattr(presenters_report_pdf, "PDF_COMMENT_LIMIT", 5)
    seen = {}

    def keep(html: str) -> bytes:
        seen["html"] = html
        return b"%PDF-1.7 test"

    monkeypatch.setattr("standard_versions.web.report_pdf.html_to_pdf", keep)
    client.get(PDF)
    html = seen["html"]
    assert "more than the 5 a PDF prints" in html
    assert tracking_id(1) not in html
    assert "What came of this section" in html
