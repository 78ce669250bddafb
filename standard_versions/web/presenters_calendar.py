"""A comment period as a calendar event, its texts in the reader's language. No queries."""

import datetime as dt

from django.utils.translation import gettext as _

from standard_versions.consultation import calendar_ics, deadlines
from standard_versions.models import CommentPeriod
from standard_versions.translations.content import ContentText


def period_event(
    period: CommentPeriod, *, content: ContentText, language: str, page_url: str, now: dt.datetime
) -> calendar_ics.CalendarEvent:
    """``period`` with its version and standard loaded; ``page_url`` absolute. Call it inside the
    reader's language (``translation.override``)."""
    version, standard = period.version, period.version.standard
    names = {"label": version.label, "standard": content.text(standard, "name")}
    deadline = deadlines.deadline_text(
        period.closes_at, timezone=period.timezone, language=language
    )
    accepting = deadlines.accepting_text(
        period.opens_at, period.closes_at, timezone=period.timezone, language=language
    )
    return calendar_ics.CalendarEvent(
        uid=calendar_ics.period_uid(period.pk),
        starts_at=period.opens_at,
        ends_at=period.closes_at,
        summary=_("Public comment on version %(label)s of the %(standard)s") % names,
        description=_("Comments are accepted %(accepting)s. Read the draft and comment: %(url)s")
        % {"accepting": accepting, "url": page_url},
        url=page_url,
        reminder=_("Comments on version %(label)s are accepted %(deadline)s.")
        % {"label": version.label, "deadline": deadline},
        sequence=len(period.changes or []),
        stamp=now,
    )
