"""A real SMTP server for the mail tests (aiosmtpd on 127.0.0.1 and a free port), with Django's
SMTP backend pointed at it, and the received messages parsed by the email package.

Import the fixtures into a test module: ``from tests.notifications.smtp import mailbox, period``
(with ``# noqa: F401``); ``draft`` and ``period`` make a draft with an open period, as
test_changes_write_their_events.py does.
"""

import datetime as dt
import email
import email.policy
import re
import socket
import time
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone

from standard_versions.consultation.periods import create_period
from standard_versions.models import Standard
from standard_versions.notifications import outbox
from tests.factories import build_version


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Collect:
    def __init__(self, box: "Mailbox"):
        self.box = box

    async def handle_DATA(self, server, session, envelope):
        self.box.received.append(
            (
                envelope.rcpt_tos,
                email.message_from_bytes(envelope.content, policy=email.policy.default),
            )
        )
        return "250 OK"


class Mailbox:
    """The server and what it received: ``messages`` (EmailMessage), ``recipients``."""

    def __init__(self, port: int):
        self.port = port
        self.received: list[tuple[list[str], EmailMessage]] = []
        self.controller: Controller | None = None

    def start(self) -> None:
        # The port is taken again after a stop (the tests' "server is back").
        for _attempt in range(50):
            try:
                self.controller = Controller(_Collect(self), hostname="127.0.0.1", port=self.port)
                self.controller.start()
                return
            except (OSError, RuntimeError):
                time.sleep(0.05)
        raise RuntimeError(f"could not start the SMTP server on port {self.port}")

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    @property
    def messages(self) -> list[EmailMessage]:
        return [message for _to, message in self.received]

    def to(self, address: str) -> list[EmailMessage]:
        return [message for to, message in self.received if address in to]

    def clear(self) -> None:
        self.received.clear()


def text_of(message: EmailMessage) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def html_of(message: EmailMessage) -> str:
    return message.get_body(preferencelist=("html",)).get_content()


@pytest.fixture
def mailbox(settings):
    box = Mailbox(free_port())
    box.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = box.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    settings.PUBLIC_BASE_URL = "https://standard.example.org"
    settings.NOTIFY_NUDGE = False
    yield box
    box.stop()


# ---- what the mail tests share ---------------------------------------------------------------

DAY = dt.timedelta(days=1)
LINK = re.compile(r"https://standard\.example\.org/[^\s\"<>]+")


def links_in(message: EmailMessage, path_part: str) -> list[str]:
    return [link for link in LINK.findall(text_of(message)) if path_part in link]


def path_of(link: str) -> str:
    """The site path (and query) of an absolute link, for the test client."""
    return link.removeprefix("https://standard.example.org")


def drain(now: dt.datetime) -> outbox.DrainReport:
    return outbox.drain(clock=lambda: now, budget_seconds=30)


@pytest.fixture
def draft(db):
    version = build_version(standard_slug="big", label="9.0", criteria=3, areas=1, status="draft")
    Standard.objects.filter(pk=version.standard_id).update(name="Big Standard")
    version.standard.name = "Big Standard"
    return version


@pytest.fixture
def period(draft):
    now = timezone.now()
    return create_period(
        standard_slug="big",
        label="9.0",
        opens_at=now - DAY,
        closes_at=now + 5 * DAY,
        timezone="America/New_York",
        criteria=None,
        user=None,
        reason="test",
        now=now,
    )
