"""Every place that states a period's times says them the same way, in the reader's language:
the consultation page, the disposition report, the home cards, the receipt, the API's neighbours
of ``closes_at_local`` and the admin. The 2022 period reads "until the end of Wednesday, April 27",
never "April 28"."""

import datetime as dt

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client

from standard_versions.models import CommentPeriod
from standard_versions.roles import EDITORS
from tests.staff import make_user
from tests.web.consultation.conftest import DAY, make_period, page_url, post_comment

pytestmark = pytest.mark.django_db

DEADLINE_2022 = {
    "en": "until the end of Wednesday, April 27, 2022, New York time",
    "es": "hasta el final del miércoles, 27 de abril de 2022, hora de Nueva York",
    "pt-BR": "até o fim de quarta-feira, 27 de abril de 2022, horário de Nova York",
}
OPENING_2022 = {
    "en": "from the start of Thursday, April 14, 2022",
    "es": "desde el comienzo del jueves, 14 de abril de 2022",
    "pt-BR": "desde o início de quinta-feira, 14 de abril de 2022",
}
ZONE = {"en": "New York time", "es": "hora de Nueva York", "pt-BR": "horário de Nova York"}
NOT_THE_28TH = ("April 28", "28 de abril", "GMT-04:00", "EDT")


@pytest.fixture
def period_2022(shipped_data) -> CommentPeriod:
    call_command("load_comment_periods", stdout=open("/dev/null", "w"))
    return CommentPeriod.objects.get(reference="wwc-3.0-2022")


@pytest.mark.parametrize("lang", ["en", "es", "pt-BR"])
def test_the_2022_consultation_page_gives_the_last_day_and_names_the_zone(
    client, period_2022, lang
):
    html = client.get(f"{page_url(period_2022)}?lang={lang}").content.decode()
    assert f"{OPENING_2022[lang]} {DEADLINE_2022[lang]}" in html
    assert f'{ZONE[lang]} (<span lang="en">America/New_York</span>)' in html
    for wrong in NOT_THE_28TH:
        assert wrong not in html


@pytest.mark.parametrize("lang", ["en", "es", "pt-BR"])
def test_the_disposition_report_says_it_the_same_way(client, period_2022, lang):
    html = client.get(f"/standards/wwc/versions/3.0/disposition-report/?lang={lang}")
    assert DEADLINE_2022[lang] in html.content.decode()


@pytest.mark.parametrize("lang", ["en", "es", "pt-BR"])
def test_the_api_adds_the_wording_next_to_the_unchanged_local_times(client, period_2022, lang):
    data = client.get(f"/api/v1/comment-periods/{period_2022.pk}/?lang={lang}").json()
    assert data["closes_at_local"] == "2022-04-28T00:00:00-04:00"  # the contract, unchanged
    assert data["opens_at_local"] == "2022-04-14T00:00:00-04:00"
    assert data["deadline_text"] == DEADLINE_2022[lang]
    assert data["opening_text"] == f"{OPENING_2022[lang]}, {ZONE[lang]}"
    assert data["timezone_name"] == ZONE[lang]
    assert data["last_day"] == "2022-04-27"
    assert data["calendar_url"].endswith(
        f"/comment-periods/{period_2022.pk}/calendar.ics?lang={lang}"
    )


def test_the_home_card_and_the_receipt_use_the_same_words(client, draft):
    # Closes at midnight New York time (EDT): the last day is Saturday, April 27, 2030.
    closes = dt.datetime(2030, 4, 28, 4, 0, tzinfo=dt.UTC)
    with time_machine.travel(closes - 3 * DAY, tick=False):
        period = make_period(draft, opens_at=closes - 14 * DAY, closes_at=closes)
        home = client.get("/?lang=es").content.decode()
        receipt = client.get(post_comment(client, period)["Location"]).content.decode()
    assert (
        "Se aceptan comentarios hasta el final del sábado, 27 de abril de 2030, hora de Nueva "
        "York." in home
    )
    assert "until the end of Saturday, April 27, 2030, New York time" in receipt
    assert "April 28" not in receipt


def test_the_admin_shows_the_period_in_its_own_zone(period_2022):
    user = make_user("ada", EDITORS)
    user.is_staff = True
    user.save()
    staff = Client()
    assert staff.login(username="ada", password="pw-ada-long!")
    listing = staff.get("/admin/standard_versions/commentperiod/").content.decode()
    assert "wwc 3.0: April 14, 2022 \u2013 April 27, 2022, New York time" in listing
    assert DEADLINE_2022["en"] in listing
    page = staff.get(f"/admin/standard_versions/commentperiod/{period_2022.pk}/change/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "April 14, 2022, 12:00\u202fAM, New York time" in html
    assert "America/New_York" in html
    assert 'name="_save"' not in html  # read-only: periods change through the staff API
