"""Django's PostgreSQL backend with a health check that costs no round trip while the connection
is quiet (``ENGINE = "backend.postgresql"``, set by the settings for every PostgreSQL URL).

With ``CONN_HEALTH_CHECKS`` Django sends ``SELECT 1`` before each request's first query, so that a
connection the server ended since the last request (a restart, ``pg_terminate_backend``, an idle
timeout) is replaced instead of failing the request. Between requests a live connection has
nothing to read, and a server that ends one sends its error and closes its end, which makes the
socket readable. So a socket with nothing to read is taken as usable with no query (a tenth of a
comment submission's statements); a readable one, or one psycopg knows is closed or broken, gets
Django's own check. A server that vanished without closing anything (a host switched off) is
noticed by the request's first query, as Django's check would have been, and the connection is
closed at the end of that request.
"""

import select

from django.db.backends.postgresql import base


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self) -> bool:
        connection = self.connection
        if connection is None or connection.closed or connection.broken:
            return super().is_usable()
        try:
            poller = select.poll()
            poller.register(connection.pgconn.socket, select.POLLIN | select.POLLPRI)
            pending = poller.poll(0)
        except Exception:  # the socket is gone: let Django's check decide
            return super().is_usable()
        return True if not pending else super().is_usable()
