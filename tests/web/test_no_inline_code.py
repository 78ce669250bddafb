"""The public site has no inline script, style or event handler, so it runs whole under a policy of
script-src 'self' and style-src 'self', with no nonce: the version and consultation pages cache
their HTML and share it across responses, where a per-response nonce could not go."""

import re
from pathlib import Path

import pytest
from django.template.loader import render_to_string

from tests.comments.conftest import make_period
from tests.factories import build_version
from tests.inline_code import PageCode

TEMPLATES = Path(__file__).resolve().parents[2] / "standard_versions" / "templates"

# What the policy would block, in template source (attribute values hold template tags, which an
# HTML parser cannot read, so the templates are searched rather than parsed).
INLINE = re.compile(
    r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+\s*=|javascript:", re.IGNORECASE
)


@pytest.mark.parametrize(
    "template", sorted(str(p.relative_to(TEMPLATES)) for p in TEMPLATES.rglob("*.html"))
)
def test_no_template_of_the_site_has_inline_script_style_or_handler(template):
    assert INLINE.findall((TEMPLATES / template).read_text()) == []


@pytest.mark.django_db
def test_the_rendered_public_pages_have_no_inline_code_and_load_only_this_site(
    client, shipped_data
):
    period = make_period(build_version(label="9.0", criteria=4, areas=2, status="draft"))
    pages = [
        "/",
        "/standards/wwc/versions/3.0/?lang=es",
        "/standards/wwc/compare/?from=2.0&to=3.0",
        f"/comment-periods/{period.pk}/",
        "/standards/wwc/versions/9.9/",
    ]
    for path in pages:
        response = client.get(path)
        assert response.status_code in (200, 404), path
        code = PageCode(response.content.decode())
        assert code.inline == [], path
        assert all(url.startswith("/") and not url.startswith("//") for url in code.loads), path


def test_the_server_error_page_needs_no_inline_style():
    code = PageCode(render_to_string("web/500.html"))
    assert code.inline == []
    assert code.loads == ["/static/web/site.css"]
