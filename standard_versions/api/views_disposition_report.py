"""The disposition report: the published comments on a version, by criterion, with what was done
with them; as JSON a page at a time, or every row as a CSV or XLSX download.

A request costs the same however many comments there are: one query for the report's head
(``selectors_report.report_head``), whose fingerprint changes whenever a comment is published,
withheld or answered, keys the ETag (a 304 costs that query alone), the JSON body in the cache and
the report's contents; an uncached page reads its comments with one keyset query. Downloads
stream every row.
"""

import csv
import hashlib

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from standard_versions.api.operations import download_responses, error_response
from standard_versions.api.renderers import BrowsableAPIRenderer
from standard_versions.api.renderers_comments import (
    BOM,
    LINE_END,
    REPORT_COLUMNS,
    CSVRenderer,
    ISOCSVRenderer,
    safe_cell,
)
from standard_versions.api.renderers_xlsx import XLSXRenderer, xlsx_download
from standard_versions.api.serializers import disposition_report as s
from standard_versions.api.views import IF_NONE_MATCH_PARAMETER, ContentAPIView
from standard_versions.consultation import (
    selectors_report,
    selectors_report_page,
    selectors_report_rows,
)
from standard_versions.consultation.selectors_report_page import Cursor
from standard_versions.http.caching import (
    REPRESENTATION_EPOCH,
    cached_body,
    revalidation,
    set_cache_headers,
)
from standard_versions.http.language import content_for, response_language

# Only these make a page's body; a request with any other query is answered but not kept, so
# arbitrary query strings cannot fill the cache.
CACHEABLE_QUERY_KEYS = frozenset({"lang", "format", "cursor", "criterion"})
CSV_BATCH_ROWS = 500


def report_etag(head, *, language: str, variant: str) -> str:
    return f'"{REPRESENTATION_EPOCH}-report-{head.fingerprint}-{language}{variant}"'


def query_digest(request) -> str:
    """The query string (but ``lang``, which the language covers) in a stable form, hashed."""
    pairs = sorted((k, v) for k, values in request.GET.lists() if k != "lang" for v in values)
    return hashlib.sha256(repr(pairs).encode()).hexdigest()[:12]


class DispositionReportView(ContentAPIView):
    """The published comments on a version, by criterion, with their dispositions and responses:
    JSON a page at a time (``next``/``previous``; ``?criterion=`` starts at a criterion's section),
    or every row as a download: CSV with ``?format=csv``, XLSX with ``?format=xlsx``, the ISO/IEC
    commenting template's columns with ``?format=iso-csv``. (The PDF is the page's:
    ``/standards/<std>/versions/<label>/disposition-report.pdf``.)"""

    serializer_class = s.DispositionReportPageOutputSerializer
    renderer_classes = [
        JSONRenderer,
        CSVRenderer,
        XLSXRenderer,
        ISOCSVRenderer,
        BrowsableAPIRenderer,
    ]

    @extend_schema(
        responses={
            200: s.DispositionReportPageOutputSerializer,
            **download_responses("csv", "xlsx"),
            400: error_response("`invalid_cursor`: a page link this server did not make."),
            404: error_response(
                "`standard_not_found`, `version_not_found`, or `criterion_not_found` (no "
                "published comment is on the criterion `criterion` names)."
            ),
        },
        summary="Get a version's disposition report",
        parameters=[
            OpenApiParameter(
                "format",
                str,
                enum=["json", "csv", "xlsx", "iso-csv"],
                description=(
                    "json (the default, a page at a time), csv (one row per comment, every "
                    "comment), xlsx (an Excel workbook of the same rows) or iso-csv (text/csv "
                    "in the ISO/IEC commenting template's columns: MB/NC, Line number, Clause/ "
                    "Sub clause, Paragraph Figure/ Table, Type of comment (ge, te, ed), "
                    "Comments, Proposed change, Observations of the Secretariat)."
                ),
            ),
            OpenApiParameter(
                "cursor", str, description="A page: the value in `next` or `previous`."
            ),
            IF_NONE_MATCH_PARAMETER,
            OpenApiParameter(
                "criterion",
                str,
                description="Start at this criterion's section (its code), as `contents` links.",
            ),
        ],
        operation_id="disposition_report_retrieve",
    )
    def get(self, request, std, label):
        now = timezone.now()
        head = selectors_report.report_head(standard_slug=std, label=label, now=now)
        language = response_language(request)
        suffix = request.accepted_renderer.format
        # The answers' statuses change with the clock: the ETag names the instant they next do.
        clock = selectors_report.report_clock(head=head, now=now)
        basis = None
        if clock is None:
            basis = selectors_report.report_basis(
                standard_slug=std, label=label, head=head, now=now
            )
            clock = basis.clock
        variant = f"-{suffix}-{query_digest(request)}-t{clock}"
        etag = report_etag(head, language=language, variant=variant)
        not_modified = revalidation(request, etag=etag)
        if not_modified is not None:
            return set_cache_headers(not_modified, etag=etag, immutable=False)
        if basis is None:
            basis = selectors_report.report_basis(
                standard_slug=std, label=label, head=head, now=now
            )
        if suffix in ("csv", "xlsx", "iso-csv"):
            name = f"{std}-{label}-disposition-report"
            response = _download(basis, suffix=suffix, filename=name, now=now)
            return set_cache_headers(response, etag=etag, immutable=False)

        def build() -> dict:
            return self._page_data(request, basis, now=now)

        if suffix == "json" and set(request.GET) <= CACHEABLE_QUERY_KEYS:
            key = f"report-page:{request.build_absolute_uri('/')}:{etag}"
            body = cached_body(key, lambda: JSONRenderer().render(build()))
            response = HttpResponse(body, content_type="application/json")
            # The same JSON for every reader (see PublicContentMiddleware).
            response.public_content = True
        else:
            response = Response(build())
        return set_cache_headers(response, etag=etag, immutable=False)

    def _page_data(self, request, basis, *, now) -> dict:
        raw_cursor = request.GET.get("cursor")
        cursor = Cursor.decode(raw_cursor) if raw_cursor else None
        page = selectors_report_page.report_page(
            contents=basis.contents,
            cursor=cursor,
            criterion=None if cursor else request.GET.get("criterion"),
        )
        here = remove_query_param(request.build_absolute_uri(), "criterion")

        def page_url(at: Cursor | None) -> str | None:
            return None if at is None else replace_query_param(here, "cursor", at.encode())

        start = remove_query_param(here, "cursor")

        def section_url(section) -> str:
            if not section.key or section is basis.contents.sections[0]:
                return start
            return replace_query_param(start, "criterion", section.code)

        report = {
            "version": basis.version,
            "periods": basis.periods,
            "summary": basis.contents.summary,
            "totals": basis.contents.totals,
            "charts": basis.contents.charts,
            "count": basis.contents.summary["published"],
            "next": page_url(page.next),
            "previous": page_url(page.previous),
            "contents": basis.contents.sections,
            "sections": page.sections,
        }
        # The version's translations (the criteria's titles, the periods' instructions) cost the
        # same one query as the standard's alone.
        content = content_for(request, versions=[basis.version])
        context = self.serializer_context(
            content=content, now=now, section_url=section_url, window_days=basis.window_days
        )
        return self.serializer_class(report, context=context).data


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_chunks(rows, columns=REPORT_COLUMNS):
    # For Excel: a byte order mark, then CRLF rows, formulas defused (renderers_comments).
    writer = csv.writer(_Echo(), lineterminator=LINE_END)
    yield BOM + writer.writerow(columns)
    batch: list[str] = []
    for row in rows:
        batch.append(writer.writerow([safe_cell(value) for value in row]))
        if len(batch) >= CSV_BATCH_ROWS:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


def _download(basis, *, suffix: str, filename: str, now):
    """Every row of the report, streamed (CSV) or built in a temporary file (XLSX)."""
    if suffix == "iso-csv":
        rows = selectors_report_rows.iso_rows(basis=basis)
        chunks = _csv_chunks(rows, columns=selectors_report_rows.ISO_COLUMNS)
        response = StreamingHttpResponse(chunks, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}-iso.csv"'
        return response
    rows = selectors_report_rows.download_rows(basis=basis, now=now)
    if suffix == "xlsx":
        return xlsx_download(
            sheet_title="Report", columns=REPORT_COLUMNS, rows=rows, filename=f"{filename}.xlsx"
        )
    response = StreamingHttpResponse(_csv_chunks(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response
