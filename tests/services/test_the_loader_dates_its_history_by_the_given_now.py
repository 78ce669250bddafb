"""Every history record the loader writes is dated by the instant it was given (the one history
helper, standard_versions/history.py), not by the wall clock while it saved row after row."""

import datetime as dt
from pathlib import Path

import pytest
from django.apps import apps

from standard_versions.standards.datafile import read_document
from standard_versions.standards.loading import load_version_document

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[2] / "standard_versions" / "data"
# Years in the past: a history dated by the wall clock could never match it.
NOW = dt.datetime(2022, 4, 1, 12, tzinfo=dt.UTC)


def _history_dates() -> set[dt.datetime]:
    dates = set()
    for model in apps.get_app_config("standard_versions").get_models():
        if model.__name__.startswith("Historical"):
            dates |= set(model.objects.values_list("history_date", flat=True))
    return dates


def test_every_record_of_a_load_has_the_given_now():
    load_version_document(document=read_document(DATA / "wwc-2.0.yaml"), reason="test", now=NOW)
    assert _history_dates() == {NOW}


def test_a_reload_that_changes_a_row_dates_its_record_by_the_new_now():
    document = read_document(DATA / "wwc-2.0.yaml")
    load_version_document(document=document, reason="first", now=NOW)
    later = NOW + dt.timedelta(days=3)
    document.standard_description = document.standard_description + " (corrected)"
    load_version_document(document=document, reason="second", now=later)
    assert _history_dates() == {NOW, later}
