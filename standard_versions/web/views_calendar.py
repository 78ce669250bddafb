"""``/comment-periods/{id}/calendar.ics``: "add to calendar" for a comment period."""

from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone

from standard_versions.consultation import calendar_ics, selectors_comments
from standard_versions.http.language import content_for
from standard_versions.web import presenters_calendar
from standard_versions.web.errors import allow_methods
from standard_versions.web.language import in_response_language
from standard_versions.web.views import _not_found_as_404


@allow_methods("GET")
@_not_found_as_404
@in_response_language
def comment_period_calendar(request, period_id: int, *, language: str):
    now = timezone.now()
    period = selectors_comments.period_get(period_id=period_id)
    content = content_for(request, versions=[period.version])
    page = reverse("web:comment-period", args=[period.pk])
    event = presenters_calendar.period_event(
        period,
        content=content,
        language=language,
        page_url=request.build_absolute_uri(f"{page}?lang={language}"),
        now=now,
    )
    response = HttpResponse(
        calendar_ics.calendar_file([event]), content_type="text/calendar; charset=utf-8"
    )
    filename = f"comment-period-{period.pk}.ics"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # DTSTAMP is the time of the request and a change to the period must reach the reader.
    response["Cache-Control"] = "no-cache"
    return response
