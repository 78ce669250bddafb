"""``/comment-periods.ics`` and ``/standards/{std}/comment-periods.ics``: every comment period
as an iCalendar feed to subscribe to, one event per period as the period's own calendar file
has it (``consultation/calendar_ics.py``: UTC instants, a reminder a day before the deadline,
the period's UID, SEQUENCE counting its public changes, so an extension updates the event).

The file is the same for the same periods (DTSTAMP is when each period last changed, not the
time of the request), so it has an ETag and a calendar polling it gets a 304 after one query.
"""

from django.http import HttpResponse
from django.urls import reverse

from standard_versions.consultation import calendar_ics
from standard_versions.http.caching import REPRESENTATION_EPOCH, conditional_response
from standard_versions.http.language import content_for
from standard_versions.notifications import feeds
from standard_versions.standards.selectors import standard_get
from standard_versions.web import presenters_calendar
from standard_versions.web.caching_feeds import FEED_EPOCH
from standard_versions.web.errors import allow_methods
from standard_versions.web.language import in_response_language
from standard_versions.web.views import _not_found_as_404
from standard_versions.web.views_feeds import public_url


def _calendar(request, periods, *, scope: str, filename: str, language: str) -> HttpResponse:
    etag = (
        f'"{REPRESENTATION_EPOCH}.{FEED_EPOCH}-calendar-{scope}-'
        f'{feeds.calendar_digest(periods)}-{language}"'
    )

    def respond() -> HttpResponse:
        content = content_for(
            request, versions=list({p.version_id: p.version for p in periods}.values())
        )
        events = [
            presenters_calendar.period_event(
                period,
                content=content,
                language=language,
                page_url=public_url(
                    f"{reverse('web:comment-period', args=[period.pk])}?lang={language}"
                ),
                now=feeds.period_stamp(period),
            )
            for period in periods
        ]
        response = HttpResponse(
            calendar_ics.calendar_file(events), content_type="text/calendar; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    # Revalidated every time: a period may be extended or closed at any moment.
    return conditional_response(request, etag=etag, immutable=False, respond=respond)


@allow_methods("GET")
@in_response_language
def all_periods_calendar(request, *, language: str):
    return _calendar(
        request,
        feeds.calendar_periods(),
        scope="all",
        filename="comment-periods.ics",
        language=language,
    )


@allow_methods("GET")
@_not_found_as_404
@in_response_language
def standard_periods_calendar(request, std: str, *, language: str):
    standard = standard_get(slug=std)
    return _calendar(
        request,
        feeds.calendar_periods(standard=standard),
        scope=f"s{standard.pk}",
        filename=f"comment-periods-{standard.slug}.ics",
        language=language,
    )
