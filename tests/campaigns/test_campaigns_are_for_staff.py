"""Near-duplicate campaigns hold contact details: anonymous clients and users without a staff
role are refused every endpoint; editors and publishers may use them, as the moderation API."""

import pytest

from standard_versions.models import NearDuplicateCampaign
from tests.campaigns.conftest import run

pytestmark = pytest.mark.django_db


@pytest.fixture
def urls(open_period, letters):
    run(open_period)
    campaign = NearDuplicateCampaign.objects.get()
    return [
        ("get", f"/api/v1/comment-periods/{open_period.pk}/near-duplicates/", None),
        ("get", f"/api/v1/near-duplicates/{campaign.pk}/members/", None),
        ("post", f"/api/v1/near-duplicates/{campaign.pk}/moderate/", {"state": "published"}),
        (
            "post",
            f"/api/v1/near-duplicates/{campaign.pk}/respond/",
            {"disposition": "noted", "response": "Noted."},
        ),
    ]


def _call(client, method, url, payload):
    return getattr(client, method)(url, payload, format="json") if payload else client.get(url)


def test_anonymous_clients_are_asked_to_log_in(api_client, urls):
    for method, url, payload in urls:
        assert _call(api_client, method, url, payload).status_code == 401, url


def test_users_without_a_staff_role_are_refused(nobody_client, urls):
    for method, url, payload in urls:
        response = _call(nobody_client, method, url, payload)
        assert response.status_code == 403, url


@pytest.mark.parametrize("client_name", ["editor_client", "publisher_client"])
def test_editors_and_publishers_may_use_them(request, client_name, urls):
    client = request.getfixturevalue(client_name)
    for method, url, payload in urls:
        assert _call(client, method, url, payload).status_code == 200, url
