"""The disposition report as a server-rendered page (a minimal, semantic template that the public
site restyles later)."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from standard_versions import selectors, selectors_comments
from standard_versions.errors import NotFound


def disposition_report(request, std: str, label: str):
    try:
        version = selectors.version_get(standard_slug=std, label=label)
    except NotFound as error:
        raise Http404(str(error.detail)) from None
    report = selectors_comments.disposition_report(version=version)
    now = timezone.now()
    for period in report.periods:
        period.status = period.status_at(now)
    return render(
        request,
        "standard_versions/comments/disposition_report.html",
        {"report": report, "version": version},
    )
