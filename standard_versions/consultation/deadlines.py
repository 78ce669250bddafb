"""How a comment period's opening and deadline read, in its own time zone and the reader's
language.

A period accepts comments during [opens_at, closes_at). Periods announced by the day (the 2022
notice: "from Thursday, April 14 through Wednesday, April 27") open and close at local midnight,
and "closes April 28, 2022, 12:00 AM" names a day on which no comment was accepted. So a period
that ends at local midnight is said to accept comments "until the end of Wednesday, April 27,
2022, New York time": its last day, the day before ``closes_at``. Any other closing instant is
given with its time ("until 5:00 PM on Wednesday, April 27, 2022, New York time"). Openings read
the same way ("from the start of Thursday, April 14, 2022"). The zone is named in words in each
language (``i18n.format_zone_name``). Every place that states a period's times (the pages, the
API's ``*_text`` fields, the admin, the refusal messages, the calendar file) uses these.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import translation
from django.utils.translation import gettext

from standard_versions.translations import i18n

# Just below an instant: the last moment at which a half-open period still accepts comments.
_TICK = dt.timedelta(microseconds=1)


def _local(moment: dt.datetime, timezone: str | ZoneInfo) -> dt.datetime:
    return moment.astimezone(i18n._zone(timezone))


def starts_a_day(moment: dt.datetime, *, timezone: str | ZoneInfo) -> bool:
    """True when ``moment`` is a local midnight (00:00:00.000000) in ``timezone``."""
    return _local(moment, timezone).time() == dt.time(0, 0)


def first_day(opens_at: dt.datetime, *, timezone: str | ZoneInfo) -> dt.date:
    """The local date of the first day on which comments are accepted."""
    return _local(opens_at, timezone).date()


def last_day(closes_at: dt.datetime, *, timezone: str | ZoneInfo) -> dt.date:
    """The local date of the last day on which comments are accepted (the day before a
    midnight ``closes_at``)."""
    return _local(closes_at - _TICK, timezone).date()


def _in(language: str):
    return translation.override(i18n.DJANGO_LANGUAGE.get(language, "en"))


def _day(moment, *, timezone, language) -> str:
    return i18n.format_weekday_date(moment, language=language, timezone=timezone)


def _opening(opens_at, *, timezone, language) -> str:
    day = _day(opens_at, timezone=timezone, language=language)
    if starts_a_day(opens_at, timezone=timezone):
        return gettext("from the start of %(day)s") % {"day": day}
    time = i18n.format_time(opens_at, language=language, timezone=timezone)
    return gettext("from %(time)s on %(day)s") % {"time": time, "day": day}


def _deadline(closes_at, *, timezone, language) -> str:
    if starts_a_day(closes_at, timezone=timezone):
        day = i18n.format_weekday_date(
            last_day(closes_at, timezone=timezone), language=language, timezone=timezone
        )
        return gettext("until the end of %(day)s") % {"day": day}
    day = _day(closes_at, timezone=timezone, language=language)
    time = i18n.format_time(closes_at, language=language, timezone=timezone)
    return gettext("until %(time)s on %(day)s") % {"time": time, "day": day}


def _with_zone(text: str, *, timezone, language) -> str:
    return f"{text}, {i18n.format_zone_name(timezone, language=language)}"


def opening_text(opens_at: dt.datetime, *, timezone: str | ZoneInfo, language: str) -> str:
    """ "from the start of Thursday, April 14, 2022, New York time"."""
    with _in(language):
        text = _opening(opens_at, timezone=timezone, language=language)
    return _with_zone(text, timezone=timezone, language=language)


def deadline_text(closes_at: dt.datetime, *, timezone: str | ZoneInfo, language: str) -> str:
    """ "until the end of Wednesday, April 27, 2022, New York time"."""
    with _in(language):
        text = _deadline(closes_at, timezone=timezone, language=language)
    return _with_zone(text, timezone=timezone, language=language)


def accepting_text(
    opens_at: dt.datetime, closes_at: dt.datetime, *, timezone: str | ZoneInfo, language: str
) -> str:
    """Both ends, the zone named once: "from the start of Thursday, April 14, 2022 until the end
    of Wednesday, April 27, 2022, New York time"."""
    with _in(language):
        text = gettext("%(opening)s %(deadline)s") % {
            "opening": _opening(opens_at, timezone=timezone, language=language),
            "deadline": _deadline(closes_at, timezone=timezone, language=language),
        }
    return _with_zone(text, timezone=timezone, language=language)
