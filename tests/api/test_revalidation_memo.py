"""Each worker remembers the heads of non-draft versions for a moment, so a revalidation of
published content usually costs no query; drafts and changes made here are never answered from
memory, and changes made elsewhere are seen within the memo's lifetime."""

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from standard_versions.errors import NotFound
from standard_versions.models import Version
from standard_versions.standards import selectors
from standard_versions.standards.head_memo import HeadMemo, revalidation_heads
from standard_versions.standards.revisions import bump_version_revision

pytestmark = pytest.mark.django_db

TREE = "/api/v1/standards/wwc/versions/3.0/"
CRITERION = "/api/v1/standards/wwc/versions/3.0/criteria/DM7/"


def test_a_memo_forgets_a_value_once_its_time_is_up():
    memo = HeadMemo(ttl=1.0)
    memo.put("key", "value", now=100.0)
    assert memo.get("key", now=100.999) == "value"
    assert memo.get("key", now=101.0) is None


def test_a_memo_with_no_lifetime_remembers_nothing():
    memo = HeadMemo(ttl=0)
    memo.put("key", "value", now=100.0)
    assert memo.get("key", now=100.0) is None


def test_a_full_memo_starts_again_empty_rather_than_growing():
    memo = HeadMemo(ttl=10.0, max_entries=3)
    for number in range(3):
        memo.put(number, number, now=0.0)
    memo.put("fourth", 4, now=0.0)
    assert memo.get("fourth", now=1.0) == 4
    assert [memo.get(number, now=1.0) for number in range(3)] == [None, None, None]


@pytest.mark.parametrize("path", [TREE, CRITERION])
def test_a_repeated_revalidation_of_published_content_costs_no_query(client, shipped_data, path):
    etag = client.get(path)["ETag"]
    assert client.get(path, HTTP_IF_NONE_MATCH=etag).status_code == 304
    with CaptureQueriesContext(connection) as captured:
        again = client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert len(captured) == 0


def test_a_change_made_in_this_worker_is_seen_by_the_next_revalidation(client, shipped_data):
    etag = client.get(TREE)["ETag"]
    assert client.get(TREE, HTTP_IF_NONE_MATCH=etag).status_code == 304
    bump_version_revision(version=Version.objects.get(label="3.0"))
    response = client.get(TREE, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_a_change_made_by_another_worker_is_seen_once_the_memo_expires(shipped_data):
    # Another process's write: the revision moves without this worker's memo being told.
    head = selectors.revalidation_version_head(standard_slug="wwc", label="3.0", now=50.0)
    Version.objects.filter(pk=head.pk).update(revision=F("revision") + 1)
    ttl = revalidation_heads.ttl
    assert ttl > 0
    remembered = selectors.revalidation_version_head(
        standard_slug="wwc", label="3.0", now=50.0 + ttl / 2
    )
    assert remembered.revision == head.revision
    fresh = selectors.revalidation_version_head(standard_slug="wwc", label="3.0", now=50.0 + ttl)
    assert fresh.revision == head.revision + 1


def test_a_draft_head_is_read_from_the_database_every_time(shipped_data):
    version = Version.objects.get(label="3.0")
    version.status = "draft"
    version.save()
    selectors.revalidation_version_head(standard_slug="wwc", label="3.0", now=10.0)
    with CaptureQueriesContext(connection) as captured:
        head = selectors.revalidation_version_head(standard_slug="wwc", label="3.0", now=10.0)
    assert head.status == "draft"
    assert len(captured) == 1


def test_a_version_created_after_a_miss_is_found_at_once(shipped_data):
    with pytest.raises(NotFound) as raised:
        selectors.revalidation_version_head(standard_slug="wwc", label="9.9", now=10.0)
    assert raised.value.code == "version_not_found"
    existing = Version.objects.get(label="3.0")
    Version.objects.create(
        standard=existing.standard, label="9.9", title="Later", status="superseded"
    )
    head = selectors.revalidation_version_head(standard_slug="wwc", label="9.9", now=10.0)
    assert head.status == "superseded"
