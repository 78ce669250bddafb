"""A published version's body, once made, is served from the worker's own memory: a second read
asks neither the database for the body nor the shared cache; a draft's body is never kept, and
the memo stays within its bytes, the least recently used dropped first."""

import pytest
from django.core.cache import cache
from django.utils import timezone

from standard_versions.http.body_memo import BodyMemo, published_bodies

pytestmark = pytest.mark.django_db
VERSION = "/api/v1/standards/wwc/versions/3.0/"


def test_a_second_read_of_a_published_version_comes_from_the_workers_memory(
    api_client, shipped_data, monkeypatch
):
    first = api_client.get(VERSION)
    assert first.status_code == 200
    asked = []
    monkeypatch.setattr(cache, "get", lambda key, *a, **k: asked.append(key))
    second = api_client.get(VERSION)
    assert second.content == first.content
    assert not [key for key in asked if str(key).startswith("body:")]


def test_a_drafts_body_is_not_kept(api_client, shipped_data):
    from standard_versions.models import Version
    from standard_versions.standards.drafts import create_draft

    create_draft(
        based_on=Version.objects.get(standard__slug="wwc", label="3.0"),
        label="3.1",
        title="Version 3.1",
        user=None,
        reason="a draft",
        now=timezone.now(),
    )
    published_bodies.clear()
    assert api_client.get("/api/v1/standards/wwc/versions/3.1/").status_code == 200
    assert len(published_bodies._bodies) == 0
    assert api_client.get(VERSION).status_code == 200  # a published one is kept
    assert len(published_bodies._bodies) == 1


def test_the_memo_keeps_to_its_bytes_dropping_the_least_recently_used():
    memo = BodyMemo(max_bytes=100)
    memo.put("a", b"x" * 20)
    memo.put("b", b"y" * 20)
    memo.get("a")
    memo.put("c", b"z" * 20)
    memo.put("d", b"w" * 20)
    memo.put("e", b"v" * 25)  # over 100 bytes now: "b", the least recently used, goes
    assert memo.get("b") is None
    assert memo.get("a") == b"x" * 20
    memo.put("huge", b"h" * 26)  # over a quarter of the memo: never kept
    assert memo.get("huge") is None
    assert BodyMemo(max_bytes=0).get("a") is None


def test_a_page_in_pieces_is_kept_by_the_bytes_of_its_pieces():
    memo = BodyMemo(max_bytes=100)
    memo.put("page", (b"x" * 10, b"sentinel", b"y" * 7))
    assert memo.get("page") == (b"x" * 10, b"sentinel", b"y" * 7)
    memo.put("too large", (b"x" * 20, b"y" * 6))  # 26 bytes: over a quarter of the memo
    assert memo.get("too large") is None
    memo.put("not bytes", ("text", "pieces"))
    assert memo.get("not bytes") is None


def test_a_second_read_of_a_consultation_page_asks_the_shared_cache_nothing(client, monkeypatch):
    from tests.factories import build_version
    from tests.web.consultation.conftest import make_period, page_url

    period = make_period(build_version(label="9.0", criteria=3, status="draft"))
    first = client.get(page_url(period))
    asked = []
    monkeypatch.setattr(cache, "get", lambda key, *a, **k: asked.append(key))
    second = client.get(page_url(period))
    assert second.status_code == first.status_code == 200
    assert second.content.count(b'class="comment-link"') == 3
    assert not [key for key in asked if str(key).startswith("consultation:")]
