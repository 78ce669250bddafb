"""Dates and numbers for the reader's language, in the wanted time zone (DST included)."""

from datetime import UTC, date, datetime, timedelta

import pytest

from standard_versions.translations.i18n import (
    format_date,
    format_datetime,
    format_duration,
    format_number,
    format_percent,
    format_time,
    format_weekday_date,
    format_zone_name,
)

# A minute before the end of Wednesday, April 27, 2022 in New York (EDT, UTC-4).
CLOSES = datetime(2022, 4, 28, 3, 59, tzinfo=UTC)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "April 27, 2022, 11:59\u202fPM, New York time"),
        ("es", "27 de abril de 2022, 23:59, hora de Nueva York"),
        ("pt-BR", "27 de abril de 2022 23:59, horário de Nova York"),
    ],
)
def test_an_instant_is_shown_in_its_zone_which_is_named_in_words(language, expected):
    assert format_datetime(CLOSES, language=language, timezone="America/New_York") == expected


@pytest.mark.parametrize(
    ("moment", "timezone", "language", "expected"),
    [
        # Winter in New York is EST (UTC-5): the same wall clock is an hour later in UTC.
        (
            datetime(2022, 1, 15, 4, 59, tzinfo=UTC),
            "America/New_York",
            "en",
            "11:59\u202fPM, New York time",
        ),
        (
            datetime(2022, 1, 15, 4, 59, tzinfo=UTC),
            "America/New_York",
            "es",
            "23:59, hora de Nueva York",
        ),
        # São Paulo has had no DST since 2019 (UTC-3).
        (
            datetime(2022, 4, 28, 3, 59, tzinfo=UTC),
            "America/Sao_Paulo",
            "pt-BR",
            "00:59, horário de São Paulo",
        ),
        (datetime(2022, 4, 28, 3, 59, tzinfo=UTC), "America/Bogota", "es", "22:59, hora de Bogotá"),
        # Madrid in summer is UTC+2, in winter UTC+1.
        (datetime(2022, 7, 1, 10, 0, tzinfo=UTC), "Europe/Madrid", "es", "12:00, hora de Madrid"),
        (datetime(2022, 1, 1, 10, 0, tzinfo=UTC), "Europe/Madrid", "es", "11:00, hora de Madrid"),
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
    assert format_time(before, language="es", timezone="America/New_York") == "1:59"
    assert format_time(after, language="es", timezone="America/New_York") == "3:00"


def test_an_unknown_time_zone_falls_back_to_utc_instead_of_failing():
    assert format_datetime(CLOSES, language="es", timezone="Mars/Olympus").endswith(", 3:59, UTC")


def test_numbers_and_percentages_follow_the_language():
    assert format_number(1234.5, language="en") == "1,234.5"
    assert format_number(1234.5, language="es") == "1.234,5"
    assert format_number(12345.5, language="pt-BR") == "12.345,5"
    assert format_percent(51, language="en") == "51%"
    assert format_percent(51, language="es") == "51\xa0%"
    assert format_percent(85, language="pt-BR") == "85%"


@pytest.mark.parametrize(
    ("timezone", "language", "expected"),
    [
        ("America/New_York", "en", "New York time"),
        ("America/New_York", "es", "hora de Nueva York"),
        ("America/New_York", "pt-BR", "horário de Nova York"),
        ("America/Mexico_City", "es", "hora de Ciudad de México"),
        ("Europe/Madrid", "pt-BR", "horário de Madri"),
        ("UTC", "es", "UTC"),
        ("Etc/UTC", "pt-BR", "UTC"),
    ],
)
def test_a_zone_is_named_by_its_city_in_the_reader_language(timezone, language, expected):
    assert format_zone_name(timezone, language=language) == expected


@pytest.mark.parametrize(
    ("language", "long", "with_weekday"),
    [
        ("en", "December 1, 2026", "Tuesday, December 1, 2026"),
        ("es", "1 de diciembre de 2026", "martes, 1 de diciembre de 2026"),
        ("pt-BR", "1 de dezembro de 2026", "terça-feira, 1 de dezembro de 2026"),
    ],
)
def test_one_date_format_per_language_with_lowercase_months(language, long, with_weekday):
    # Not Django's DATE_FORMAT ("Dec. 1, 2026", "1 de Dezembro de 2026").
    assert format_date(date(2026, 12, 1), language=language) == long
    assert format_weekday_date(date(2026, 12, 1), language=language) == with_weekday


def test_a_duration_is_rounded_to_its_largest_unit_without_weeks():
    assert format_duration(timedelta(days=10, hours=3), language="en") == "10 days"
    assert format_duration(timedelta(hours=36), language="es") == "36 horas"
    assert format_duration(timedelta(days=3), language="pt-BR") == "3 dias"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "April 27, 2022, 11:59\u202fPM, New York time | 51% | 10,000"),
        ("es", "27 de abril de 2022, 23:59, hora de Nueva York | 51\xa0% | 10.000"),
        ("pt-br", "27 de abril de 2022 23:59, horário de Nova York | 51% | 10.000"),
    ],
)
def test_templates_format_in_the_active_language(language, expected):
    from django.template import Context, Template
    from django.utils import translation

    page = Template(
        "{% load wwc_i18n %}{% local_datetime closes tz %} | {{ 51|percent }} | {{ 10000|number }}"
    )
    with translation.override(language):
        rendered = page.render(Context({"closes": CLOSES, "tz": "America/New_York"}))
    assert rendered == expected
