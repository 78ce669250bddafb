"""Two staff members editing the same draft criterion at the same moment with the same If-Match:
exactly one succeeds, the other gets 412, and no edit is lost silently."""

import threading

import pytest
from django.db import connection, connections

from standard_versions.models import Criterion
from tests.authoring.conftest import BASE
from tests.staff import client_for, make_user

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Needs PostgreSQL: SQLite test databases are in memory and cannot be shared by "
        "two connections, and SQLite serialises writers at BEGIN anyway.",
    ),
]


def test_two_simultaneous_edits_with_the_same_if_match_one_wins_one_gets_412(shipped_data):
    from standard_versions.roles import EDITORS

    first, second = make_user("ann", EDITORS), make_user("bob", EDITORS)
    setup = client_for(first)
    created = setup.post(
        f"{BASE}/",
        {"label": "3.1", "title": "3.1", "based_on": "3.0", "reason": "r"},
        format="json",
    )
    assert created.status_code == 201
    path = f"{BASE}/3.1/criteria/DM7/"
    etag = setup.get(path)["ETag"]

    barrier = threading.Barrier(2)
    results = {}

    def edit(user, title):
        try:
            client = client_for(user)
            barrier.wait(timeout=10)
            response = client.patch(
                path,
                {"title": title, "reason": f"by {user.username}"},
                format="json",
                HTTP_IF_MATCH=etag,
            )
            results[user.username] = response.status_code
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=edit, args=(first, "Title by ann")),
        threading.Thread(target=edit, args=(second, "Title by bob")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(results.values()) == [200, 412], results
    winner = next(name for name, code in results.items() if code == 200)
    criterion = Criterion.objects.get(version__label="3.1", code="DM7")
    assert criterion.title == f"Title by {winner}" and criterion.revision == 2
    edits = Criterion.history.filter(id=criterion.pk, history_type="~")
    assert [record.history_change_reason for record in edits] == [f"by {winner}"]
