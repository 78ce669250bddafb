"""``verify`` accepts what ``sign`` made, within the tolerance, and nothing else: a tampered body,
another secret, an old or future timestamp, a malformed header."""

import datetime as dt

import pytest

from standard_versions.notifications import webhooks

SECRET = "whsec_test-secret"
BODY = b'{"data":{},"id":"e1","type":"ping"}'
T = 1_796_000_000


def header(body=BODY, *, secret=SECRET, timestamp=T) -> str:
    return webhooks.sign(secret=secret, timestamp=timestamp, body=body)


def test_a_signature_is_hmac_sha256_of_the_timestamp_a_dot_and_the_body():
    import hashlib
    import hmac

    expected = hmac.new(SECRET.encode(), f"{T}.".encode() + BODY, hashlib.sha256).hexdigest()
    assert header() == f"t={T},v1={expected}"


def test_what_sign_makes_verifies_with_unix_seconds_or_an_aware_datetime():
    assert webhooks.verify(secret=SECRET, header=header(), body=BODY, now=T + 10)
    moment = dt.datetime.fromtimestamp(T + 10, tz=dt.UTC)
    assert webhooks.verify(secret=SECRET, header=header(), body=BODY, now=moment)


@pytest.mark.parametrize(
    "body", [BODY + b" ", BODY.replace(b"ping", b"pong"), b"", BODY[:-1]], ids=repr
)
def test_a_tampered_body_fails(body):
    assert not webhooks.verify(secret=SECRET, header=header(), body=body, now=T)


def test_another_secret_fails():
    assert not webhooks.verify(secret="whsec_other", header=header(), body=BODY, now=T)


@pytest.mark.parametrize("offset", [301, -301, 86_400])
def test_a_timestamp_beyond_the_tolerance_fails(offset):
    assert not webhooks.verify(secret=SECRET, header=header(), body=BODY, now=T + offset)


def test_the_tolerance_is_the_receivers_choice():
    late = T + 3600
    assert not webhooks.verify(secret=SECRET, header=header(), body=BODY, now=late)
    assert webhooks.verify(secret=SECRET, header=header(), body=BODY, now=late, tolerance=3600)


def test_a_signature_moved_to_another_timestamp_fails():
    signature = header().split(",v1=")[1]
    forged = f"t={T + 5},v1={signature}"
    assert not webhooks.verify(secret=SECRET, header=forged, body=BODY, now=T)


@pytest.mark.parametrize(
    "value",
    ["", "t=abc,v1=00", f"v1={header().split('v1=')[1]}", f"t={T}", "garbage", f"t={T},v1="],
)
def test_a_malformed_header_fails(value):
    assert not webhooks.verify(secret=SECRET, header=value, body=BODY, now=T)


def test_one_matching_v1_among_several_is_enough():
    signature = header().split(",v1=")[1]
    value = f"t={T},v1={'0' * 64},v1={signature}"
    assert webhooks.verify(secret=SECRET, header=value, body=BODY, now=T)


def test_new_secrets_are_long_random_and_prefixed():
    first, second = webhooks.new_secret(), webhooks.new_secret()
    assert first != second
    assert first.startswith("whsec_") and len(first) >= 40
