"""The disposition report as a page of the public site: every published comment on a version, by
criterion, with what was done with it (the same report as the API's JSON and CSV)."""

from django.shortcuts import render
from django.utils import timezone

from standard_versions.consultation import selectors_report
from standard_versions.http.language import content_for
from standard_versions.standards import selectors
from standard_versions.web import presenters_disposition_report as presenters
from standard_versions.web.errors import allow_methods
from standard_versions.web.language import in_response_language, page_context
from standard_versions.web.views import _not_found_as_404


@allow_methods("GET")
@_not_found_as_404
@in_response_language
def disposition_report(request, std: str, label: str, *, language: str):
    now = timezone.now()
    version = selectors.version_get(standard_slug=std, label=label)
    report = selectors_report.disposition_report(version=version)
    content = content_for(request, versions=[version])
    page = presenters.report_page(report, content=content, language=language, now=now)
    return render(
        request, "web/disposition_report.html", page_context(request, language=language, page=page)
    )
