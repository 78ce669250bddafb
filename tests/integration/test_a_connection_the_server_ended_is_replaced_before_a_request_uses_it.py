"""``backend/postgresql``: the health check before a request's first query costs no query while
the connection is quiet, and still replaces a connection the server has ended (a restart,
``pg_terminate_backend``), so the request is answered on a new one."""

import select

import psycopg
import pytest
from django.db import connection, connections
from django.db.backends.postgresql import base as django_postgresql

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("The health check is the PostgreSQL backend's.")


@pytest.fixture
def full_checks(monkeypatch):
    """How many times Django's own check (its ``SELECT 1``) ran."""
    calls = []
    original = django_postgresql.DatabaseWrapper.is_usable

    def counted(self):
        calls.append(self.alias)
        return original(self)

    monkeypatch.setattr(django_postgresql.DatabaseWrapper, "is_usable", counted)
    return calls


def _backend_pid() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def _next_request_checks() -> None:
    """What Django does before a new request's first query."""
    connection.health_check_done = False
    connection.close_if_health_check_failed()


def test_the_settings_use_this_backend():
    assert type(connections["default"]).__module__ == "backend.postgresql.base"
    assert connection.settings_dict["CONN_HEALTH_CHECKS"]


def test_a_quiet_connection_is_kept_without_a_query(full_checks):
    pid = _backend_pid()
    _next_request_checks()
    assert full_checks == []
    assert connection.connection is not None
    assert _backend_pid() == pid


def test_a_connection_the_server_ended_is_replaced(full_checks):
    pid = _backend_pid()
    dsn = connection.connection.info.dsn
    with psycopg.connect(dsn, autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])
    # The server's FATAL message and its end of the socket arrive a moment later.
    poller = select.poll()
    poller.register(connection.connection.pgconn.socket, select.POLLIN)
    assert poller.poll(5000)
    _next_request_checks()
    assert full_checks == ["default"]
    assert connection.connection is None
    assert _backend_pid() != pid
