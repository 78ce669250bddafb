"""``DATABASE_REPLICA_URLS`` is read like ``DATABASE_URL`` and refused when it cannot work; the
readiness probe reports each replica and stays 200 without one."""

import runpy
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import OperationalError

from backend import readiness, replicas

SETTINGS = Path(__file__).resolve().parents[2] / "backend" / "settings.py"
PRIMARY = "postgres://wwc@db:5432/wwc"


def settings_with(monkeypatch, **env: str) -> dict:
    """The settings module's names, as it computes them from ``env`` (on top of the tests')."""
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS))


def test_each_replica_url_is_a_database_mirrored_in_tests(monkeypatch):
    names = settings_with(
        monkeypatch,
        DATABASE_URL=PRIMARY,
        DATABASE_REPLICA_URLS="postgres://wwc@replica1:5432/wwc, postgres://wwc@replica2/wwc",
    )
    assert names["DATABASE_REPLICAS"] == ["replica_0", "replica_1"]
    assert names["DATABASE_ROUTERS"] == ["backend.replicas.ReplicaRouter"]
    first = names["DATABASES"]["replica_0"]
    assert (first["HOST"], first["PORT"], first["NAME"]) == ("replica1", 5432, "wwc")
    assert first["CONN_MAX_AGE"] == names["DATABASES"]["default"]["CONN_MAX_AGE"]
    assert first["CONN_HEALTH_CHECKS"] is True
    assert first["OPTIONS"]["connect_timeout"] == 2
    assert first["TEST"] == {"MIRROR": "default"}
    assert names["DATABASES"]["replica_1"]["HOST"] == "replica2"


def test_without_replicas_there_is_no_router(monkeypatch):
    monkeypatch.delenv("DATABASE_REPLICA_URLS", raising=False)
    names = settings_with(monkeypatch, DATABASE_URL=PRIMARY)
    assert names["DATABASE_REPLICAS"] == []
    assert "DATABASE_ROUTERS" not in names
    assert set(names["DATABASES"]) == {"default"}


@pytest.mark.parametrize(
    ("primary", "replica", "message"),
    [
        ("sqlite:///db.sqlite3", "postgres://wwc@replica/wwc", "needs a PostgreSQL DATABASE_URL"),
        (PRIMARY, "mysql://wwc:secret@replica/wwc", "entry 1 is not a PostgreSQL URL"),
        (PRIMARY, "postgres://wwc@replica/wwc,nonsense", "entry 2 is not a database URL"),
    ],
)
def test_a_replica_that_cannot_work_stops_the_service(monkeypatch, primary, replica, message):
    with pytest.raises(ImproperlyConfigured, match=message) as refused:
        settings_with(monkeypatch, DATABASE_URL=primary, DATABASE_REPLICA_URLS=replica)
    assert "secret" not in str(refused.value)


class FakeReplica:
    def __init__(self, answer):
        self.answer = answer
        self.closed = False

    def cursor(self):
        return self

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def execute(self, sql):
        if isinstance(self.answer, Exception):
            raise self.answer

    def fetchone(self):
        return (self.answer,)

    def close_if_unusable_or_obsolete(self):
        self.closed = True


@pytest.fixture
def one_replica(settings, monkeypatch):
    settings.DATABASE_REPLICAS = ["replica_0"]
    monkeypatch.setattr(replicas, "_down_since", {})

    def answering(answer):
        fake = FakeReplica(answer)
        monkeypatch.setattr(readiness, "connections", {"replica_0": fake})
        return fake

    return answering


def test_the_probe_reports_each_replicas_lag(client, db, one_replica):
    one_replica(1.23456)
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["status"] == "ready"
    replica = ready.json()["checks"]["replicas"]["replica_0"]
    assert replica == {"ok": True, "ms": replica["ms"], "lag_seconds": 1.235}


def test_a_replica_that_is_not_a_standby_has_no_lag(client, db, one_replica):
    one_replica(None)
    assert client.get("/readyz").json()["checks"]["replicas"]["replica_0"]["lag_seconds"] is None


def test_a_replica_down_degrades_readiness_but_the_primary_keeps_serving(client, db, one_replica):
    fake = one_replica(OperationalError("connection refused"))
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["status"] == "degraded"
    replica = ready.json()["checks"]["replicas"]["replica_0"]
    assert replica["ok"] is False and "connection refused" in replica["detail"]
    assert fake.closed
    # The router leaves it alone too, until the probe sees it answer again.
    assert replicas.is_down("replica_0", now=replicas.time.monotonic())
    one_replica(0)
    assert client.get("/readyz").json()["status"] == "ready"
    assert not replicas.is_down("replica_0", now=replicas.time.monotonic())


def test_without_replicas_the_probe_says_nothing_of_them(client, db):
    assert "replicas" not in client.get("/readyz").json()["checks"]
