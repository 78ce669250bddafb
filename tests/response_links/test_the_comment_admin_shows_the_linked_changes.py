"""The comment's admin page shows the changes its response names, read only."""

import pytest
from django.test import Client

from standard_versions.models import Comment
from standard_versions.roles import EDITORS
from tests.response_links.conftest import answered, comment_on, link
from tests.staff import make_user

pytestmark = pytest.mark.django_db


def test_the_admin_lists_the_links_of_the_comment(api_client, period, later):
    user = make_user("admin-eddie", EDITORS)
    user.is_staff = True
    user.save()
    client = Client()
    assert client.login(username="admin-eddie", password="pw-admin-eddie-long!")
    tracking_id = comment_on(api_client, period)
    answered(tracking_id)
    comment = Comment.objects.get(tracking_id=tracking_id)
    url = f"/admin/standard_versions/comment/{comment.pk}/change/"
    assert "None yet: changes are linked through the staff API." in client.get(url).content.decode()
    link(tracking_id, later, key="k0")
    html = client.get(url).content.decode()
    assert "9.1 · criterion k0 · substantive" in html
