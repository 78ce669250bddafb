"""What the notification benchmarks deliver to: a real SMTP server (aiosmtpd) and a webhook
receiver, each counting what it accepted by the id a receiver deduplicates on (a mail's
Message-ID, a webhook's WWC-Event-Id), and able to fail on purpose for a while."""

import email
import http.server
import socket
import threading
import time
from collections import Counter

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _CountingHandler:
    def __init__(self, sink: "MailSink"):
        self.sink = sink

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content)
        with self.sink.lock:
            self.sink.accepted[message["Message-ID"]] += 1
            self.sink.accepted_at.append(time.monotonic())
        return "250 OK"


class MailSink:
    """An SMTP server on ``port``; ``stop()`` and ``start()`` make it go down and come back on
    the same port (connections are refused meanwhile)."""

    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.accepted: Counter[str] = Counter()
        self.accepted_at: list[float] = []
        self.lock = threading.Lock()
        self.controller: Controller | None = None

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.controller = Controller(_CountingHandler(self), hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


class HookSink(http.server.ThreadingHTTPServer):
    """A webhook receiver that answers ``status`` (settable while it runs) and counts, by event
    id, the deliveries it answered with a 2xx, and every request it got."""

    daemon_threads = True

    def __init__(self):
        self.status = 200
        self.delivered: Counter[str] = Counter()
        self.requests = 0
        self.delivered_at: list[float] = []
        self.lock = threading.Lock()
        sink = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                status = sink.status
                with sink.lock:
                    sink.requests += 1
                    if 200 <= status < 300:
                        sink.delivered[self.headers["WWC-Event-Id"]] += 1
                        sink.delivered_at.append(time.monotonic())
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server_address[1]}/hook"

    def handle_error(self, request, client_address):
        """A worker killed mid-request resets its connection: expected here, not a traceback."""

    def __enter__(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()
