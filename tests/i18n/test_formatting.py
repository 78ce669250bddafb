"""Dates and numbers for the reader's language, in the wanted time zone (DST included)."""

from datetime import UTC, date, datetime

import pytest

from standard_versions.i18n import (
    format_date,
    format_datetime,
    format_number,
    format_percent,
    format_timezone_location,
)

# The 2022 comment period closed at the end of Wednesday, April 27 in New York (EDT, UTC-4).
CLOSES = datetime(2022, 4, 28, 3, 59, tzinfo=UTC)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "April 27, 2022, 11:59\u202fPM EDT"),
        ("es", "27 de abril de 2022, 23:59 GMT-04:00"),
        ("pt-BR", "27 de abril de 2022 23:59 GMT-04:00"),
    ],
)
def test_the_2022_closing_time_is_shown_in_new_york_time(language, expected):
    assert format_datetime(CLOSES, language=language, timezone="America/New_York") == expected


@pytest.mark.parametrize(
    ("moment", "timezone", "language", "expected"),
    [
        # Winter in New York is EST (UTC-5): the same wall clock is an hour later in UTC.
        (datetime(2022, 1, 15, 4, 59, tzinfo=UTC), "America/New_York", "en", "11:59\u202fPM EST"),
        (datetime(2022, 1, 15, 4, 59, tzinfo=UTC), "America/New_York", "es", "23:59 GMT-05:00"),
        # São Paulo has had no DST since 2019; CLDR pt-BR abbreviates it BRT.
        (datetime(2022, 4, 28, 3, 59, tzinfo=UTC), "America/Sao_Paulo", "pt-BR", "00:59 BRT"),
        (datetime(2022, 4, 28, 3, 59, tzinfo=UTC), "America/Bogota", "es", "22:59 GMT-05:00"),
        # Madrid in summer is CEST (UTC+2), in winter CET (UTC+1).
        (datetime(2022, 7, 1, 10, 0, tzinfo=UTC), "Europe/Madrid", "es", "12:00 CEST"),
        (datetime(2022, 1, 1, 10, 0, tzinfo=UTC), "Europe/Madrid", "es", "11:00 CET"),
    ],
)
def test_the_instant_is_converted_to_the_zone_first_with_dst(moment, timezone, language, expected):
    assert format_datetime(moment, language=language, timezone=timezone).endswith(expected)


def test_the_date_is_the_local_date_of_the_zone():
    assert format_date(CLOSES, language="es", timezone="America/New_York") == "27 de abril de 2022"
    assert format_date(CLOSES, language="es", timezone="UTC") == "28 de abril de 2022"
    assert format_date(date(2022, 4, 14), language="pt-BR") == "14 de abril de 2022"


def test_a_dst_transition_day_keeps_the_wall_clock_right():
    # 2022-03-13: New York springs forward at 02:00 EST to 03:00 EDT.
    before = datetime(2022, 3, 13, 6, 59, tzinfo=UTC)
    after = datetime(2022, 3, 13, 7, 0, tzinfo=UTC)
    assert format_datetime(before, language="es", timezone="America/New_York").endswith(
        "1:59 GMT-05:00"
    )
    assert format_datetime(after, language="es", timezone="America/New_York").endswith(
        "3:00 GMT-04:00"
    )


def test_an_unknown_time_zone_falls_back_to_utc_instead_of_failing():
    assert format_datetime(CLOSES, language="es", timezone="Mars/Olympus").endswith(", 3:59 UTC")


def test_numbers_and_percentages_follow_the_language():
    assert format_number(1234.5, language="en") == "1,234.5"
    assert format_number(1234.5, language="es") == "1.234,5"
    assert format_number(12345.5, language="pt-BR") == "12.345,5"
    assert format_percent(51, language="en") == "51%"
    assert format_percent(51, language="es") == "51\xa0%"
    assert format_percent(85, language="pt-BR") == "85%"


def test_a_zone_is_named_in_the_reader_language():
    assert "Nueva York" in format_timezone_location("America/New_York", language="es")
    assert "Nova York" in format_timezone_location("America/New_York", language="pt-BR")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "April 27, 2022, 11:59\u202fPM EDT | 51%"),
        ("es", "27 de abril de 2022, 23:59 GMT-04:00 | 51\xa0%"),
        ("pt-br", "27 de abril de 2022 23:59 GMT-04:00 | 51%"),
    ],
)
def test_templates_format_in_the_active_language(language, expected):
    from django.template import Context, Template
    from django.utils import translation

    page = Template("{% load wwc_i18n %}{% local_datetime closes tz %} | {{ 51|percent }}")
    with translation.override(language):
        rendered = page.render(Context({"closes": CLOSES, "tz": "America/New_York"}))
    assert rendered == expected
