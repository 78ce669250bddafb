"""The home page is made once per state and language: a second reader gets the same bytes after
the head's queries only, or a 304; a new version, a publication, a translation, a period that
opens or closes, or a countdown that moves on makes a new page."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from standard_versions.models import Version
from tests.comments.conftest import make_period
from tests.factories import build_version

# Requests as after the worker's moment of remembered heads (tests/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_heads_read_every_time")]
# the current periods' windows and the head: standards, versions, translations' latest change
HEAD_QUERIES = 4


def test_a_second_reader_gets_the_same_page_after_the_heads_queries(client, shipped_data):
    first = client.get("/")
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/")
    assert second.content == first.content
    assert len(queries) == HEAD_QUERIES


def test_a_revalidation_is_a_304(client, shipped_data):
    etag = client.get("/")["ETag"]
    assert client.get("/", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_each_language_has_its_own_page(client, shipped_data):
    english = client.get("/?lang=en")
    spanish = client.get("/?lang=es")
    assert english["ETag"] != spanish["ETag"]
    assert 'lang="es"' in spanish.content.decode()


def test_a_new_draft_or_a_publication_makes_a_new_page(client, shipped_data):
    before = client.get("/")
    draft = build_version(standard_slug="wwc", label="9.9", criteria=1, status="draft")
    with_draft = client.get("/")
    assert with_draft["ETag"] != before["ETag"]
    assert "9.9" in with_draft.content.decode()
    Version.objects.filter(pk=draft.pk).update(title="Renamed draft", revision=draft.revision + 1)
    assert "Renamed draft" in client.get("/").content.decode()


def test_a_period_opening_and_a_countdown_moving_on_make_a_new_page(client):
    now = timezone.now()
    version = build_version(standard_slug="soon", label="1.0", criteria=1, status="draft")
    make_period(version, opens_at=now + dt.timedelta(hours=2), closes_at=now + dt.timedelta(days=5))
    tags = []
    for later in (0, 0, 1, 3):
        with time_machine.travel(now + dt.timedelta(hours=later, minutes=1), tick=False):
            tags.append(client.get("/")["ETag"])
    # the same state twice; an hour less to wait for the opening; then open
    assert tags[0] == tags[1]
    assert len({tags[1], tags[2], tags[3]}) == 3
