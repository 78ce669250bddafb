"""The window to answer a response ends exactly ``answer_window_days`` after the response, and
its end is exclusive: one microsecond before it an answer is taken, at it the answer is refused
(``answer_window_closed``), through the API as through the service. Time is moved with
time-machine; nothing is scheduled."""

import pytest
import time_machine

from standard_versions.consultation.answers import answer_response
from standard_versions.errors import Conflict
from standard_versions.models import CommenterAnswer
from tests.answers.conftest import MICROSECOND, window_end

pytestmark = pytest.mark.django_db


def _answer(client, tracking_id, **payload):
    return client.post(f"/api/v1/comments/{tracking_id}/answer/", payload, format="json")


def test_one_microsecond_before_the_end_an_acceptance_is_taken(api_client, responded, key):
    with time_machine.travel(window_end() - MICROSECOND, tick=False):
        response = _answer(api_client, responded, key=key, kind="accepted")
    assert response.status_code == 201, response.json()
    assert response.json()["kind"] == "accepted"
    assert response.json()["submitted_at"] == "2030-05-15T11:59:59.999999Z"
    assert CommenterAnswer.objects.get().kind == "accepted"


def test_at_the_exact_end_the_window_is_closed(api_client, responded, key):
    with time_machine.travel(window_end(), tick=False):
        response = _answer(api_client, responded, key=key, kind="objected", text="No.")
    assert response.status_code == 409
    assert response.json()["code"] == "answer_window_closed"
    assert not CommenterAnswer.objects.exists()


def test_the_service_draws_the_same_line(responded, key):
    with pytest.raises(Conflict) as refused:
        answer_response(tracking_id=responded, key=key, kind="accepted", now=window_end())
    assert refused.value.code == "answer_window_closed"
    answer = answer_response(
        tracking_id=responded, key=key, kind="accepted", now=window_end() - MICROSECOND
    )
    assert answer.submitted_at == window_end() - MICROSECOND


def test_the_periods_own_window_counts(api_client, responded, key, open_period):
    open_period.answer_window_days = 3
    open_period.save()
    with time_machine.travel(window_end(3), tick=False):
        assert _answer(api_client, responded, key=key, kind="accepted").status_code == 409
    with time_machine.travel(window_end(3) - MICROSECOND, tick=False):
        assert _answer(api_client, responded, key=key, kind="accepted").status_code == 201
