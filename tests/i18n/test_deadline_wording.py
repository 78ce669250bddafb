"""A period's times read as its notice did: a period that ends at local midnight names its last
day ("until the end of Wednesday, April 27, 2022, New York time"), in each language."""

from datetime import UTC, date, datetime

import pytest

from standard_versions.consultation import deadlines

NEW_YORK = "America/New_York"
# The 2022 period: [Thursday, April 14, 2022 00:00, Thursday, April 28, 2022 00:00) in New York.
OPENS = datetime(2022, 4, 14, 4, 0, tzinfo=UTC)
CLOSES = datetime(2022, 4, 28, 4, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "until the end of Wednesday, April 27, 2022, New York time"),
        ("es", "hasta el final del miércoles, 27 de abril de 2022, hora de Nueva York"),
        ("pt-BR", "até o fim de quarta-feira, 27 de abril de 2022, horário de Nova York"),
    ],
)
def test_a_midnight_deadline_names_the_last_day_comments_are_accepted(language, expected):
    assert deadlines.deadline_text(CLOSES, timezone=NEW_YORK, language=language) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "from the start of Thursday, April 14, 2022 until the end of Wednesday, April 27, "
            "2022, New York time",
        ),
        (
            "es",
            "desde el comienzo del jueves, 14 de abril de 2022 hasta el final del miércoles, 27 "
            "de abril de 2022, hora de Nueva York",
        ),
        (
            "pt-BR",
            "desde o início de quinta-feira, 14 de abril de 2022 até o fim de quarta-feira, 27 "
            "de abril de 2022, horário de Nova York",
        ),
    ],
)
def test_the_whole_period_reads_like_the_2022_notice(language, expected):
    text = deadlines.accepting_text(OPENS, CLOSES, timezone=NEW_YORK, language=language)
    assert text == expected
    assert "28" not in text


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "until 5:00\u202fPM on Wednesday, April 27, 2022, New York time"),
        ("es", "hasta las 17:00 del miércoles, 27 de abril de 2022, hora de Nueva York"),
        ("pt-BR", "até as 17:00 de quarta-feira, 27 de abril de 2022, horário de Nova York"),
    ],
)
def test_a_deadline_at_another_time_gives_the_time_and_its_own_day(language, expected):
    five_pm = datetime(2022, 4, 27, 21, 0, tzinfo=UTC)
    assert deadlines.deadline_text(five_pm, timezone=NEW_YORK, language=language) == expected


def test_an_opening_that_is_not_midnight_gives_its_time():
    nine_am = datetime(2022, 4, 14, 13, 0, tzinfo=UTC)
    assert (
        deadlines.opening_text(nine_am, timezone=NEW_YORK, language="en")
        == "from 9:00\u202fAM on Thursday, April 14, 2022, New York time"
    )


def test_midnight_is_judged_in_the_periods_zone_and_its_winter_offset():
    # 05:00 UTC is midnight in New York in winter (EST), 01:00 in the morning in summer.
    winter = datetime(2022, 1, 15, 5, 0, tzinfo=UTC)
    summer = datetime(2022, 7, 15, 5, 0, tzinfo=UTC)
    assert deadlines.starts_a_day(winter, timezone=NEW_YORK)
    assert not deadlines.starts_a_day(summer, timezone=NEW_YORK)
    assert deadlines.last_day(winter, timezone=NEW_YORK) == date(2022, 1, 14)
    assert deadlines.last_day(summer, timezone=NEW_YORK) == date(2022, 7, 15)
    # Midnight UTC is not midnight in New York: that period's last day is the 27th itself.
    assert deadlines.last_day(datetime(2022, 4, 28, 0, 0, tzinfo=UTC), timezone=NEW_YORK) == (
        date(2022, 4, 27)
    )
    assert deadlines.last_day(datetime(2022, 4, 28, 0, 0, tzinfo=UTC), timezone="UTC") == (
        date(2022, 4, 27)
    )


def test_a_utc_period_is_said_in_utc():
    closes = datetime(2030, 5, 1, 0, 0, tzinfo=UTC)
    assert (
        deadlines.deadline_text(closes, timezone="UTC", language="es")
        == "hasta el final del martes, 30 de abril de 2030, UTC"
    )
