"""``raw_rows`` makes of each hot path's hand-written SQL the same instances as Django's
``raw()``: the same fields converted the same way (dates, JSON, choices), the same extra columns
as attributes, the same fields deferred, on the same database; none when there is no row."""

import datetime as dt

import pytest
from django.utils import timezone

from standard_versions.consultation import comments, selectors, submission_checks
from standard_versions.diff import selectors_compare
from standard_versions.models import CommentPeriod, Criterion, ModerationState, Version
from standard_versions.raw_rows import first_raw_instance, raw_instances
from tests.factories import build_version
from tests.web.consultation.conftest import make_period

pytestmark = pytest.mark.django_db


@pytest.fixture
def period():
    build_version(standard_slug="big", label="1.0", criteria=2, status="superseded")
    draft = build_version(standard_slug="big", label="2.0", criteria=3, status="draft")
    return make_period(draft, criteria=["A1.1"])


def _as_read(instance) -> dict:
    loaded = {
        field.attname: getattr(instance, field.attname)
        for field in type(instance)._meta.concrete_fields
        if field.attname not in instance.get_deferred_fields()
    }
    extras = {
        name: value
        for name, value in vars(instance).items()
        if not name.startswith("_") and name not in loaded
    }
    return {
        "type": type(instance),
        "db": instance._state.db,
        "adding": instance._state.adding,
        "deferred": instance.get_deferred_fields(),
        "loaded": loaded,
        "extras": extras,
    }


def _both(model, sql: str, params) -> tuple[list, list]:
    return (
        [_as_read(i) for i in raw_instances(model, sql, params)],
        [_as_read(i) for i in model.objects.raw(sql, params)],
    )


def test_the_period_head_is_read_as_raw_reads_it(period):
    ours, djangos = _both(
        CommentPeriod, selectors._PERIOD_HEAD_SQL, [ModerationState.PUBLISHED, period.pk]
    )
    assert ours == djangos
    assert len(ours) == 1
    assert isinstance(ours[0]["loaded"]["opens_at"], dt.datetime)
    assert ours[0]["loaded"]["criterion_keys"] == period.criterion_keys != []
    assert {"version_revision", "version_status", "published_comments"} <= set(ours[0]["extras"])
    assert "criterion_keys" not in ours[0]["deferred"]


def test_the_current_windows_are_read_as_raw_reads_them(period):
    query = (
        "SELECT p.id, p.version_id, p.opens_at, p.closes_at, p.timezone, p.instructions "
        "FROM standard_versions_commentperiod p WHERE p.closes_at > %s"
    )
    ours, djangos = _both(CommentPeriod, query, [timezone.now()])
    assert ours == djangos
    assert "criterion_keys" in ours[0]["deferred"]
    assert selectors.current_period_windows(now=timezone.now())[0].pk == period.pk


def test_a_submissions_criterion_and_period_are_read_as_raw_reads_them(period):
    criterion = submission_checks.criterion_in_scope(period, "A1.1")
    assert isinstance(criterion, Criterion)
    assert criterion.code == "A1.1"
    query = "SELECT id, key, code, title, description, revision FROM standard_versions_criterion"
    ours, djangos = _both(Criterion, query, [])
    assert ours == djangos
    assert len(ours) == 5
    window = comments._locked_period_window(period.pk)
    assert (window.pk, window.version_label, window.criterion_keys) == (
        period.pk,
        "2.0",
        period.criterion_keys,
    )


def test_the_compare_pages_heads_are_read_as_raw_reads_them(period):
    heads = selectors_compare.comparable_version_heads(standard_slug="big")
    assert [head.label for head in heads] == ["2.0", "1.0"]
    assert all(isinstance(head, Version) and head.links_head is None for head in heads)
    query = (
        "SELECT v.id, v.label, v.revision, v.status, v.based_on_id, v.created_at, "
        "b.label AS based_on_label FROM standard_versions_version v "
        "LEFT JOIN standard_versions_version b ON b.id = v.based_on_id ORDER BY v.id"
    )
    ours, djangos = _both(Version, query, [])
    assert ours == djangos
    assert len(ours) == 2


def test_no_row_is_none():
    assert first_raw_instance(CommentPeriod, selectors._PERIOD_HEAD_SQL, ["published", 0]) is None
    assert raw_instances(Version, "SELECT id FROM standard_versions_version", []) == []
