"""What one try of a delivery came to: the outbox logs it, each channel returns it. A module of
its own so that a channel (webhooks, mail) imports it without importing the outbox, which
imports the channels."""

from dataclasses import dataclass


@dataclass(frozen=True)
class AttemptOutcome:
    """What one try of a delivery came to (a channel's ``send`` returns it; it never raises for
    a failure of the receiver)."""

    succeeded: bool
    status_code: int | None = None
    error: str = ""
    duration_ms: int = 0
