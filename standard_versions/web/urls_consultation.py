"""Routes of the consultation pages, added to the ``web`` namespace by ``web/urls.py``."""

from django.urls import path

from standard_versions.http import converters, converters_comments  # noqa: F401 (registers them)
from standard_versions.web import (
    views_answers,
    views_calendar,
    views_comments,
    views_consultation,
)

urlpatterns = [
    path(
        "comment-periods/<period:period_id>/",
        views_consultation.comment_period,
        name="comment-period",
    ),
    path(
        "comment-periods/<period:period_id>/calendar.ics",
        views_calendar.comment_period_calendar,
        name="comment-period-calendar",
    ),
    # Before the receipt: "lookup" must never be read as a tracking id.
    path("comments/lookup/", views_consultation.comment_lookup, name="comment-lookup"),
    path(
        "comments/<tracking:tracking_id>/",
        views_consultation.comment_receipt,
        name="comment-receipt",
    ),
    path(
        "comments/<tracking:tracking_id>/answer/",
        views_answers.comment_answer,
        name="comment-answer",
    ),
    path(
        "standards/<std:std>/versions/<label:label>/disposition-report/",
        views_comments.disposition_report,
        name="disposition-report",
    ),
    path(
        "standards/<std:std>/versions/<label:label>/disposition-report.pdf",
        views_comments.disposition_report_pdf,
        name="disposition-report-pdf",
    ),
]
