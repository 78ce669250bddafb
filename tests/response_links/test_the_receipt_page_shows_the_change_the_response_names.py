"""The receipt page shows, after the response, the changes it names, each with its words: the
text commented on against the linked version's text now."""

import pytest

from tests.response_links.conftest import answered, comment_on, link

pytestmark = pytest.mark.django_db


def _receipt(client, tracking_id: str) -> str:
    response = client.get(f"/comments/{tracking_id}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_response_is_followed_by_the_change_with_its_redline(client, api_client, period, later):
    tracking_id = comment_on(api_client, period)
    answered(tracking_id)
    link(tracking_id, later, key="k0")
    link(tracking_id, later, target="requirements", key="", change_class="editorial")
    html = _receipt(client, tracking_id)
    section = html[html.index('class="response-links"') :]
    assert html.index('class="response"') < html.index('class="response-links"')
    assert "The changes made in response" in section
    assert "Criterion A0.7 in version 9.1" in section
    assert "<ins>strong </ins>" in section
    assert "The certification requirements of version 9.1" in section
    assert "substantive" in section and "editorial" in section


def test_without_a_response_no_change_is_shown(client, api_client, period, later):
    tracking_id = comment_on(api_client, period)
    link(tracking_id, later)
    assert "response-links" not in _receipt(client, tracking_id)


def test_the_page_is_in_the_readers_language(client, api_client, period, later):
    tracking_id = comment_on(api_client, period)
    answered(tracking_id)
    link(tracking_id, later)
    response = client.get(f"/comments/{tracking_id}/?lang=es")
    html = response.content.decode()
    assert "Criterio A0.7 en la versión 9.1" in html
