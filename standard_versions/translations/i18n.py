"""The reader's language, and dates and numbers in it.

Negotiation uses Django's own machinery (``parse_accept_lang_header`` honours q-values;
``get_supported_language_variant`` maps ``es-MX`` to ``es`` and ``pt`` to ``pt-br``), never Babel's
``negotiate_locale``, which ignores q-values and maps ``pt`` to ``pt_PT``. Formatting uses Babel,
always with an explicit ``locale=`` and after converting the instant to the wanted time zone.

Pages of the public site also remember the language a reader chose in the switcher (Django's
language cookie, set by ``web:choose-language``); the API never reads it, so its JSON stays the
same for every reader and shared caches never have to vary on cookies.
"""

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import dates as babel_dates
from babel import numbers as babel_numbers
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.utils import translation
from django.utils.translation import get_language, gettext
from django.utils.translation.trans_real import (
    get_supported_language_variant,
    parse_accept_lang_header,
)

from standard_versions.translations.content import SOURCE_LANGUAGE

# The language codes the API speaks (BCP 47 as in Content-Language), and Django's and Babel's
# spelling of each.
LANGUAGES = ("en", "es", "pt-BR")
TRANSLATED_LANGUAGES = ("es", "pt-BR")
DJANGO_LANGUAGE = {"en": "en", "es": "es", "pt-BR": "pt-br"}
BABEL_LOCALE = {"en": "en", "es": "es", "pt-BR": "pt_BR"}
_FROM_DJANGO = {django: ours for ours, django in DJANGO_LANGUAGE.items()}

# Longer than any real language tag; refused before it reaches a cache.
MAX_TAG_LENGTH = 35
_TAG_RE = re.compile(r"^[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*$")

REQUEST_ATTRIBUTE = "wwc_language"


def language_from_tag(tag: str | None) -> str | None:
    """Our language for one tag (``pt_BR``, ``es-419``, ``PT``), or None if we do not speak it."""
    if not tag or len(tag) > MAX_TAG_LENGTH or not _TAG_RE.match(tag):
        return None
    try:
        variant = get_supported_language_variant(tag.replace("_", "-").lower())
    except LookupError:
        return None
    return _FROM_DJANGO.get(variant.lower())


def language_from_accept_header(header: str | None) -> str | None:
    """The best language of an ``Accept-Language`` header by q-value; q=0 means "not this"."""
    if not header:
        return None
    for tag, quality in parse_accept_lang_header(header):
        if tag == "*" or quality <= 0:
            continue
        language = language_from_tag(tag)
        if language is not None:
            return language
    return None


def negotiate(
    *, lang_param: str | None, accept_header: str | None, cookie: str | None = None
) -> str:
    """``?lang=`` wins when we speak it, then the reader's chosen language (``cookie``), then
    ``Accept-Language``, then English."""
    return (
        language_from_tag(lang_param)
        or language_from_tag(cookie)
        or language_from_accept_header(accept_header)
        or SOURCE_LANGUAGE
    )


API_PATH_PREFIX = "/api/"


def honours_language_cookie(request) -> bool:
    """Site pages remember the reader's choice; the API is cookie-free (see the module's note)."""
    return not request.path_info.startswith(API_PATH_PREFIX)


def _lang_param(request) -> str | None:
    try:
        return request.GET.get("lang")
    except SuspiciousOperation:
        return None


def request_language(request) -> str:
    """The negotiated language of ``request`` (a Django or DRF request), computed once."""
    request = getattr(request, "_request", request)
    language = getattr(request, REQUEST_ATTRIBUTE, None)
    if language is None:
        cookie = (
            request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
            if honours_language_cookie(request)
            else None
        )
        language = negotiate(
            lang_param=_lang_param(request),
            cookie=cookie,
            accept_header=request.META.get("HTTP_ACCEPT_LANGUAGE"),
        )
        setattr(request, REQUEST_ATTRIBUTE, language)
    return language


def language_depends_on_cookie(request) -> bool:
    """Whether another language cookie could have changed ``request``'s language: on site
    pages, unless ``?lang=`` decided it. Such responses must say ``Vary: Cookie``."""
    request = getattr(request, "_request", request)
    return honours_language_cookie(request) and language_from_tag(_lang_param(request)) is None


def babel_locale(language: str) -> str:
    return BABEL_LOCALE.get(language, BABEL_LOCALE[SOURCE_LANGUAGE])


def _zone(timezone: str | ZoneInfo) -> ZoneInfo:
    if isinstance(timezone, ZoneInfo):
        return timezone
    try:
        return ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


# Zones that belong to no place: named by their abbreviation rather than a city.
_PLACELESS_ZONES = {"UTC", "Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "GMT", "Etc/GMT"}


def current_language() -> str:
    """The active Django language as ours (English when none is active)."""
    return language_from_tag(get_language()) or SOURCE_LANGUAGE


def format_zone_name(timezone: str | ZoneInfo, *, language: str) -> str:
    """The zone as people name it: "New York time", "hora de Nueva York", "horário de Nova
    York"; "UTC" for UTC. Never an abbreviation (CLDR has "EDT" in English only, and gives
    Spanish and Portuguese readers "GMT-04:00") and never Babel's "United States (New York)
    Time", which names the country before the city."""
    zone = _zone(timezone)
    if zone.key in _PLACELESS_ZONES:
        return "UTC"
    city = babel_dates.get_timezone_location(zone, locale=babel_locale(language), return_city=True)
    with translation.override(DJANGO_LANGUAGE.get(language, SOURCE_LANGUAGE)):
        return gettext("%(city)s time") % {"city": city}


def format_time(moment: datetime, *, language: str, timezone: str | ZoneInfo) -> str:
    """The wall-clock time of ``moment`` in ``timezone``: "11:59 PM", "23:59"."""
    zone = _zone(timezone)
    return babel_dates.format_time(
        moment.astimezone(zone), "short", tzinfo=zone, locale=babel_locale(language)
    )


def format_datetime(moment: datetime, *, language: str, timezone: str | ZoneInfo) -> str:
    """``moment`` in ``timezone`` for a reader of ``language``: long date, short time, the zone
    named in words.

    2022-04-28T03:59Z in America/New_York: "April 27, 2022, 11:59 PM, New York time",
    "27 de abril de 2022, 23:59, hora de Nueva York", "27 de abril de 2022 23:59, horário de Nova
    York".
    """
    zone = _zone(timezone)
    locale = babel_locale(language)
    day = format_date(moment, language=language, timezone=zone)
    time = format_time(moment, language=language, timezone=zone)
    pattern = babel_dates.get_datetime_format("long", locale=locale)
    stamp = pattern.replace("{1}", day).replace("{0}", time)
    return f"{stamp}, {format_zone_name(zone, language=language)}"


def _local_date(day: date | datetime, timezone: str | ZoneInfo) -> date:
    if isinstance(day, datetime):
        return day.astimezone(_zone(timezone)).date()
    return day


def format_date(day: date | datetime, *, language: str, timezone: str | ZoneInfo = "UTC") -> str:
    """A calendar date in the long form of ``language`` (an instant is converted first):
    "April 27, 2022", "27 de abril de 2022"."""
    return babel_dates.format_date(
        _local_date(day, timezone), "long", locale=babel_locale(language)
    )


def format_weekday_date(
    day: date | datetime, *, language: str, timezone: str | ZoneInfo = "UTC"
) -> str:
    """A calendar date with its weekday, as notices name days: "Wednesday, April 27, 2022",
    "miércoles, 27 de abril de 2022", "quarta-feira, 27 de abril de 2022"."""
    return babel_dates.format_date(
        _local_date(day, timezone), "full", locale=babel_locale(language)
    )


def format_day_month(day: date, *, language: str) -> str:
    """A day without its year, as a chart's axis names it: "Mar 2", "2 mar", "2 de mar."."""
    return babel_dates.format_skeleton("MMMd", day, locale=babel_locale(language))


def format_number(value, *, language: str) -> str:
    """10000 -> "10,000", "10.000"."""
    return babel_numbers.format_decimal(value, locale=babel_locale(language))


def format_percent(percent: int | float, *, language: str) -> str:
    """``percent`` given in percent (51 -> "51 %" in Spanish, "51%" in English)."""
    return babel_numbers.format_percent(percent / 100, locale=babel_locale(language))


def format_duration(delta: timedelta, *, language: str) -> str:
    """A length of time rounded to its largest unit: "3 days", "5 horas".

    threshold=2: "10 days" rather than Babel's default "1 week", "36 hours" rather than "2 days".
    """
    return babel_dates.format_timedelta(delta, threshold=2, locale=babel_locale(language))
