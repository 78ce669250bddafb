"""The comment POST's fast path (``api/submission_fast_path.py``) answers a plain submission as
the DRF view would, refusals included, and hands everything else to the DRF view."""

import datetime as dt
import json
import re

import pytest
import time_machine
from django.utils import timezone
from hypothesis import HealthCheck, example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from rest_framework.test import APIClient
from rest_framework.views import APIView

from standard_versions.api import submission_fast_path
from standard_versions.api.serializers.comments import (
    CommentSubmitInputSerializer,
    CommentSubmittedOutputSerializer,
)
from standard_versions.api.views_comments import CommentPeriodCommentsView
from standard_versions.consultation.comments import CommentSubmission
from standard_versions.models import Comment
from tests.comments.conftest import DAY, make_period

pytestmark = pytest.mark.django_db

FROZEN = dt.datetime(2030, 1, 1, 11, 0, 15, tzinfo=dt.UTC)


@pytest.fixture
def drf_requests(monkeypatch) -> list:
    """Every DRF request the view builds (``initialize_request``), by path."""
    seen = []
    original = APIView.initialize_request

    def recorded(self, request, *args, **kwargs):
        seen.append(request.path)
        return original(self, request, *args, **kwargs)

    monkeypatch.setattr(APIView, "initialize_request", recorded)
    return seen


def _post(period_id, payload, *, raw=None, content_type="application/json", **headers):
    data = raw if raw is not None else json.dumps(payload)
    return APIClient().post(
        f"/api/v1/comment-periods/{period_id}/comments/",
        data=data,
        content_type=content_type,
        **headers,
    )


def _both_ways(monkeypatch, send):
    """``send()`` answered by the fast path, then by the DRF view alone."""
    fast = send()
    monkeypatch.setattr(CommentPeriodCommentsView, "fast_path", False)
    slow = send()
    monkeypatch.setattr(CommentPeriodCommentsView, "fast_path", True)
    return fast, slow


def _shape(response) -> tuple:
    """Status, headers and body, with what differs from comment to comment (its tracking id,
    answer key, hash and time) replaced by placeholders."""
    text = response.content.decode()
    headers = {name: value for name, value in response.items() if name != "Content-Length"}
    if response.status_code == 201:
        body = response.json()
        for field in ("tracking_id", "answer_key", "content_sha256", "submitted_at"):
            text = text.replace(body[field], f"<{field}>")
            headers = {
                name: value.replace(body[field], f"<{field}>") for name, value in headers.items()
            }
    return response.status_code, headers, text


def test_a_plain_submission_is_answered_without_a_drf_request(open_period, drf_requests):
    response = _post(open_period.pk, {"body": "Please say how often.", "type": "technical"})
    assert response.status_code == 201
    assert drf_requests == []
    assert Comment.objects.get().tracking_id == response.json()["tracking_id"]


def test_with_the_fast_path_off_the_drf_view_answers(open_period, drf_requests, monkeypatch):
    monkeypatch.setattr(CommentPeriodCommentsView, "fast_path", False)
    assert _post(open_period.pk, {"body": "Hello"}).status_code == 201
    assert len(drf_requests) == 1


@pytest.mark.parametrize(
    "payload",
    [
        {"body": "Please say how often the inventory is reviewed."},
        {
            "criterion": "A0.0",
            "body": "Ver mais.\nUma linha.",
            "proposed_text": "  ... ao menos uma vez por ano ...  ",
            "type": "editorial",
            "language": "pt-BR",
            "name": "Ana Silva",
            "organization": "Cidade de Algum Lugar",
            "identity_public": True,
            "email": "ana@example.org",
        },
        {"body": "", "criterion": None, "email": ""},
    ],
)
def test_an_accepted_submission_is_answered_as_drf_answers_it(open_period, monkeypatch, payload):
    fast, slow = _both_ways(
        monkeypatch, lambda: _post(open_period.pk, payload, HTTP_ACCEPT_LANGUAGE="es")
    )
    assert fast.status_code == 201 if payload["body"] else fast.status_code == 400
    assert _shape(fast) == _shape(slow)
    if fast.status_code == 201:
        stored = Comment.objects.get(tracking_id=fast.json()["tracking_id"])
        again = Comment.objects.get(tracking_id=slow.json()["tracking_id"])
        fields = ("body", "proposed_text", "type", "language", "name", "organization", "email")
        assert [getattr(stored, f) for f in fields] == [getattr(again, f) for f in fields]


def test_a_retry_and_a_reused_key_are_answered_as_drf_answers_them(open_period, monkeypatch):
    for key in ("fast", "slow"):
        _post(open_period.pk, {"body": "Hello"}, HTTP_IDEMPOTENCY_KEY=key)
    retries = []
    reuses = []
    for key in ("fast", "slow"):
        if key == "slow":
            monkeypatch.setattr(CommentPeriodCommentsView, "fast_path", False)
        retries.append(_post(open_period.pk, {"body": "Hello"}, HTTP_IDEMPOTENCY_KEY=key))
        reuses.append(_post(open_period.pk, {"body": "Other"}, HTTP_IDEMPOTENCY_KEY=key))
    assert retries[0]["Idempotent-Replayed"] == "true"
    assert _shape(retries[0]) == _shape(retries[1])
    assert reuses[0].status_code == 409
    assert _shape(reuses[0]) == _shape(reuses[1])
    assert Comment.objects.count() == 2


@pytest.mark.parametrize("language", ["en", "es", "pt-BR"])
@pytest.mark.parametrize("state", ["not_open", "closed", "out_of_scope", "too_long", "missing"])
def test_a_refusal_is_answered_as_drf_answers_it(draft, monkeypatch, state, language):
    now = timezone.now()
    period = make_period(
        draft,
        opens_at=now + DAY if state == "not_open" else now - 2 * DAY,
        closes_at=now - DAY / 2 if state == "closed" else now + 2 * DAY,
        criteria=["A0.0"] if state == "out_of_scope" else None,
    )
    period_id = 999_999 if state == "missing" else period.pk
    payload = {"body": "x" * 10_001 if state == "too_long" else "Hello", "criterion": "A1.5"}
    if state != "out_of_scope":
        payload.pop("criterion")
    fast, slow = _both_ways(
        monkeypatch, lambda: _post(period_id, payload, HTTP_ACCEPT_LANGUAGE=language)
    )
    assert fast.status_code in (400, 403, 404)
    assert _shape(fast) == _shape(slow)
    assert not Comment.objects.exists()


def test_a_throttled_submission_is_answered_as_drf_answers_it(open_period, monkeypatch, settings):
    settings.COMMENT_THROTTLE_RATE = "1/min"
    with time_machine.travel(FROZEN, tick=False):
        open_period.opens_at, open_period.closes_at = FROZEN - DAY, FROZEN + DAY
        open_period.save()
        answers = {}
        for way in ("fast", "slow"):
            monkeypatch.setattr(CommentPeriodCommentsView, "fast_path", way == "fast")
            ip = {"fast": "10.0.0.1", "slow": "10.0.0.2"}[way]
            first = _post(open_period.pk, {"body": "one"}, REMOTE_ADDR=ip)
            answers[way] = _post(open_period.pk, {"body": "two"}, REMOTE_ADDR=ip)
            assert first.status_code == 201
    assert answers["fast"].status_code == 429
    assert answers["fast"]["Retry-After"] == "45"
    assert _shape(answers["fast"]) == _shape(answers["slow"])


@pytest.mark.parametrize(
    ("payload", "options"),
    [
        ({"body": "x"}, {"raw": '{"body": "x", "n": NaN}'}),
        ({"body": "x"}, {"raw": '["body"]'}),
        ({"body": "x"}, {"raw": '{"body": "x"'}),
        ({"body": "x"}, {"content_type": "application/json; charset=utf-8"}),
        ({"body": "x"}, {"HTTP_ACCEPT": "text/csv"}),
        ({"body": "x"}, {"HTTP_AUTHORIZATION": "Token nope"}),
        ({"body": "x"}, {"HTTP_IDEMPOTENCY_KEY": "tab\tkey"}),
        ({"body": "x", "name": " padded "}, {}),
        ({"body": "x", "identity_public": "true"}, {}),
        ({"body": "x", "type": "nonsense"}, {}),
        ({"body": 12}, {}),
        ({"body": "x", "email": "not an address"}, {}),
        ({"body": "x\x00y"}, {}),
    ],
)
def test_anything_else_is_answered_by_the_drf_view(
    open_period, drf_requests, monkeypatch, payload, options
):
    fast, slow = _both_ways(monkeypatch, lambda: _post(open_period.pk, payload, **options))
    assert len(drf_requests) == 2
    assert _shape(fast) == _shape(slow)


def test_a_session_request_is_answered_by_the_drf_view(open_period, drf_requests, client):
    client.cookies["sessionid"] = "anything"
    client.post(
        f"/api/v1/comment-periods/{open_period.pk}/comments/",
        data=json.dumps({"body": "Hello"}),
        content_type="application/json",
    )
    assert drf_requests == [f"/api/v1/comment-periods/{open_period.pk}/comments/"]


@pytest.mark.parametrize("zone", ["UTC", "America/Sao_Paulo"])
@pytest.mark.parametrize("criterion", ["", "A0.0"])
def test_the_answer_body_is_the_output_serializers(open_period, rf, settings, zone, criterion):
    settings.ALLOWED_HOSTS = ["standard.example.org"]
    comment = Comment.objects.create(
        period=open_period,
        tracking_id="abcdefghijklmnopqrstuvwxyz",
        submitted_at=timezone.now(),
        criterion_code=criterion,
        body="Hi",
        content_sha256="0" * 64,
    )
    request = rf.post("/", HTTP_HOST="standard.example.org")
    with timezone.override(zone):
        fast = submission_fast_path.submitted_body(comment, request)
        drf = CommentSubmittedOutputSerializer(comment, context={"request": request}).data
    assert json.dumps(fast) == json.dumps(drf)
    assert re.match(r"https?://standard\.example\.org/", fast["answer_url"])


# ---- input: whatever the fast path takes, the serializer takes as the same submission --------

FIELDS = (
    "criterion",
    "body",
    "proposed_text",
    "type",
    "language",
    "name",
    "organization",
    "identity_public",
    "email",
)
TEXTS = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", " ", "A0.0", " A0.0", "a\x00b", "\ud800", "Ana ", "\u00a0Ana", "é"]),
)
VALUES = st.one_of(
    TEXTS,
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.lists(st.integers(), max_size=2),
    st.sampled_from(["general", "technical", "editorial", "Technical", "en", "pt-BR", "es-419"]),
    st.sampled_from(["en\n", "x-y", "e", "ana@example.org", " ana@example.org", "ana@", "a@b"]),
    st.integers(min_value=0, max_value=260).map(lambda n: "n" * n),
)
PAYLOADS = st.dictionaries(st.sampled_from((*FIELDS, "other")), VALUES, max_size=len(FIELDS))


@given(PAYLOADS)
@example({"body": "Hello"})
@example({"body": "x", "name": "n" * 200, "organization": "o" * 200, "criterion": "c" * 20})
@example({"body": "x", "name": "n" * 201})
@example({"body": "x", "language": "zh-Hant-TW", "type": "technical", "identity_public": False})
@hypothesis_settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_what_the_fast_path_takes_the_serializer_takes_as_the_same_submission(payload):
    taken = submission_fast_path.plain_submission(payload, period_id=7)
    if taken is None:
        return
    serializer = CommentSubmitInputSerializer(data=payload)
    assert serializer.is_valid(), serializer.errors
    assert taken == CommentSubmission.from_input(serializer.validated_data, period_id=7)


def test_the_common_submissions_are_taken():
    for payload in (
        {"body": "Hello"},
        {"body": "Olá", "criterion": "DM7", "language": "pt-BR", "email": "a@example.org"},
        {"body": "x", "name": "Ana", "organization": "City", "identity_public": True},
    ):
        assert submission_fast_path.plain_submission(payload, period_id=1) is not None
