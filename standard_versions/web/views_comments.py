"""The disposition report as a page of the public site: a page of the published comments on a
version, by criterion, with what was done with them (the same report as the API's JSON and CSV).

Cached and revalidated like the version pages, but never for an hour: comments are published and
answered after a version is, so every reuse is a revalidation. The ETag is made of the report's
head (one query: ``selectors_report.report_head``), the language, the page's query and the code
that renders it; a matching ``If-None-Match`` costs that query alone.
"""

import hashlib

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from standard_versions.consultation import (
    selectors_report,
    selectors_report_page,
    selectors_report_rows,
)
from standard_versions.consultation.selectors_report_page import Cursor
from standard_versions.errors import InvalidInput
from standard_versions.http.caching import (
    REPRESENTATION_EPOCH,
    cached_body,
    conditional_response,
)
from standard_versions.http.language import content_for
from standard_versions.web import presenters_disposition_report as presenters
from standard_versions.web import presenters_report_pdf, report_pdf
from standard_versions.web.caching import PAGE_CODE_DIGEST, cached_page
from standard_versions.web.errors import allow_methods, request_error_page
from standard_versions.web.language import in_response_language, page_context, site_origin
from standard_versions.web.views import _not_found_as_404

# A page's HTML depends on these alone (the language switcher's links repeat them); a request
# with any other query is answered but not kept.
REPORT_QUERY_KEYS = frozenset({"lang", "cursor", "criterion"})


def _report_page_etag(head, *, language: str, request, clock: str) -> str:
    pairs = sorted((k, v) for k, values in request.GET.lists() if k != "lang" for v in values)
    query = hashlib.sha256(repr(pairs).encode()).hexdigest()[:12]
    return (
        f'"{REPRESENTATION_EPOCH}-report-{head.fingerprint}-{language}-web-{PAGE_CODE_DIGEST}'
        f'-{query}-t{clock}"'
    )


def report_basis_and_clock(std: str, label: str, *, head, now):
    """The report's clock (the instant its answers' statuses next change, for the ETag) and its
    basis when it had to be built to know it (else None: read it only if the page is rendered)."""
    clock = selectors_report.report_clock(head=head, now=now)
    if clock is not None:
        return clock, None
    basis = selectors_report.report_basis(standard_slug=std, label=label, head=head, now=now)
    return basis.clock, basis


@allow_methods("GET")
@_not_found_as_404
@in_response_language
def disposition_report(request, std: str, label: str, *, language: str):
    now = timezone.now()
    head = selectors_report.report_head(standard_slug=std, label=label, now=now)
    clock, built = report_basis_and_clock(std, label, head=head, now=now)
    etag = _report_page_etag(head, language=language, request=request, clock=clock)
    # Validated before the page is rendered, so that a bad link is a 400 (or an unknown
    # criterion a 404) rather than an error inside the cached render.
    raw_cursor = request.GET.get("cursor")
    try:
        cursor = Cursor.decode(raw_cursor) if raw_cursor else None
    except InvalidInput as error:
        return request_error_page(
            request, status=400, title=_("This page link is not valid"), message=error.detail
        )
    kept = [(key, request.GET[key]) for key in ("lang",) if key in request.GET]

    def page_url(at: Cursor | None) -> str | None:
        return None if at is None else "?" + urlencode([*kept, ("cursor", at.encode())])

    def section_url(section) -> str:
        # A criterion's section starts a page of its own; the version as a whole is the first.
        query = [*kept, ("criterion", section.code)] if section.key else kept
        anchor = f"#{section.code}" if section.key else ""
        return (f"?{urlencode(query)}" if query else request.path) + anchor

    def render() -> str:
        basis = built or selectors_report.report_basis(
            standard_slug=std, label=label, head=head, now=now
        )
        page_of = selectors_report_page.report_page(
            contents=basis.contents,
            cursor=cursor,
            criterion=None if cursor else request.GET.get("criterion"),
        )
        content = content_for(request, versions=[basis.version])
        page = presenters.report_page(
            basis,
            page_of,
            content=content,
            language=language,
            now=now,
            page_url=page_url,
            section_url=section_url,
        )
        # No request: nothing request-specific (CSRF token, user) may enter a cached page.
        return render_to_string(
            "web/disposition_report.html",
            page_context(request, language=language, page=page),
        )

    cacheable = set(request.GET) <= REPORT_QUERY_KEYS
    # The page's absolute links (hreflang alternates) name the host it was asked on.
    key = f"report-page:{site_origin(request)}:{etag}" if cacheable else None
    return cached_page(request, etag=etag, immutable=False, cache_key=key, render=render)


@allow_methods("GET")
@_not_found_as_404
@in_response_language
def disposition_report_pdf(request, std: str, label: str, *, language: str):
    """The whole report as a PDF in the reader's language (``?lang=``), for the board pack:
    revalidated and kept like the page (the query but ``lang`` changes nothing, so every request
    in a language shares one body)."""
    now = timezone.now()
    head = selectors_report.report_head(standard_slug=std, label=label, now=now)
    clock, built = report_basis_and_clock(std, label, head=head, now=now)
    etag = (
        f'"{REPRESENTATION_EPOCH}-report-{head.fingerprint}-{language}-pdf-{PAGE_CODE_DIGEST}'
        f'-{report_pdf.STYLE_DIGEST}-t{clock}"'
    )

    def render() -> bytes:
        basis = built or selectors_report.report_basis(
            standard_slug=std, label=label, head=head, now=now
        )
        content = content_for(request, versions=[basis.version])
        document = presenters_report_pdf.report_document(
            basis,
            comments=selectors_report_rows.sections_and_comments(basis.contents),
            content=content,
            language=language,
            now=now,
        )
        html = render_to_string(
            "web/disposition_report_pdf.html", {"doc": document, "page_language": language}
        )
        return report_pdf.html_to_pdf(html)

    def respond() -> HttpResponse:
        body = cached_body(f"report-pdf:{etag}", render)
        response = HttpResponse(body, content_type="application/pdf")
        name = f"{std}-{label}-disposition-report-{language}.pdf"
        response["Content-Disposition"] = f'inline; filename="{name}"'
        return response

    return conditional_response(request, etag=etag, immutable=False, respond=respond)
