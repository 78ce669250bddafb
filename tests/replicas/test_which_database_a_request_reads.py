"""Which database each request reads (backend/replicas.py), without a replica: the router's
answers inside and outside a marked request. The real replica is in
test_public_reads_come_from_a_replica.py."""

import time
from types import SimpleNamespace

import pytest
from django.core.exceptions import MiddlewareNotUsed
from django.db import connections
from django.http import HttpResponse
from django.test import RequestFactory

from backend import replicas
from standard_versions.models import Comment, Version

router = replicas.ReplicaRouter()


@pytest.fixture
def two_replicas(settings, monkeypatch):
    settings.DATABASE_REPLICAS = ["replica_0", "replica_1"]
    settings.DATABASE_REPLICA_RETRY_SECONDS = 10
    monkeypatch.setattr(replicas, "_down_since", {})
    monkeypatch.setattr(replicas, "_turns", iter(range(1000)))
    answering = {"replica_0": True, "replica_1": True}
    monkeypatch.setattr(replicas, "_connects", lambda alias: answering[alias])
    return answering


def serve(request, *, write: bool = False) -> list[str]:
    """What the router said for each read of a request (and a write in the middle of it)."""
    reads = []

    def view(request):
        reads.append(router.db_for_read(Version))
        if write:
            assert router.db_for_write(Comment) == "default"
        reads.append(router.db_for_read(Comment))
        return HttpResponse()

    replicas.ReplicaMiddleware(view)(request)
    return reads


get = RequestFactory().get


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/standards/wwc/versions/3.0/",
        "/api/v1/standards/wwc/versions/3.0/",
        "/api/v1/comment-periods/3/comments/",
        "/api/v1/standards/wwc/versions/3.0/history/",
        "/standards/wwc/versions/3.0/disposition-report/",
    ],
)
def test_an_anonymous_read_is_public(path):
    assert replicas.is_public_read(get(path))
    assert replicas.is_public_read(RequestFactory().head(path))
    assert replicas.is_public_read(RequestFactory().options(path))


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/standard_versions/comment/",
        "/api/v1/comment-periods/3/moderation/",
        "/api/v1/comment-periods/3/campaigns/",
        "/api/v1/comment-periods/3/export/",
        "/api/v1/comment-periods/3/exports/",
        "/api/v1/exports/4/download/",
        "/api/v1/webhooks/",
        "/api/v1/webhooks/2/deliveries/",
        # Read right after the reader's own write.
        "/api/v1/comments/ABCD-EFGH-JKMN/",
        "/comments/ABCD-EFGH-JKMN/",
        "/subscribe/sent/",
        "/subscriptions/confirm/token/",
        "/unsubscribe/token/",
    ],
)
def test_the_admin_staff_only_reads_and_reads_after_ones_own_write_are_not(path):
    assert not replicas.is_public_read(get(path))


def test_credentials_or_a_write_method_make_a_request_not_public(settings):
    factory = RequestFactory()
    path = "/api/v1/standards/"
    assert not replicas.is_public_read(get(path, HTTP_AUTHORIZATION="Token abc"))
    with_session = get(path)
    with_session.COOKIES[settings.SESSION_COOKIE_NAME] = "x"
    assert not replicas.is_public_read(with_session)
    for method in (factory.post, factory.put, factory.patch, factory.delete):
        assert not replicas.is_public_read(method(path))
    # The CSRF and language cookies say nothing about who is reading.
    anonymous = get(path)
    anonymous.COOKIES.update({settings.CSRF_COOKIE_NAME: "x", settings.LANGUAGE_COOKIE_NAME: "es"})
    assert replicas.is_public_read(anonymous)


def test_public_reads_take_the_replicas_in_turn_one_for_the_whole_request(two_replicas):
    assert serve(get("/")) == ["replica_0", "replica_0"]
    assert serve(get("/")) == ["replica_1", "replica_1"]
    assert serve(get("/")) == ["replica_0", "replica_0"]


def test_a_request_that_wrote_reads_the_primary_from_then_on(two_replicas):
    assert serve(get("/"), write=True) == ["replica_0", "default"]


def test_staff_and_writes_read_the_primary(two_replicas):
    assert serve(get("/", HTTP_AUTHORIZATION="Token abc")) == ["default", "default"]
    assert serve(RequestFactory().post("/api/v1/comment-periods/3/comments/")) == [
        "default",
        "default",
    ]
    assert serve(get("/admin/")) == ["default", "default"]


def test_outside_a_request_everything_is_the_primary(two_replicas):
    # Management commands, Celery tasks, and after a request has ended.
    serve(get("/"))
    assert router.db_for_read(Version) == "default"
    assert router.db_for_write(Version) == "default"


def test_inside_a_transaction_of_the_primary_reads_are_the_primarys(two_replicas, monkeypatch):
    # A service that locked rows (select_for_update) reads them where it holds the lock.
    monkeypatch.setattr(connections["default"], "in_atomic_block", True)
    assert serve(get("/")) == ["default", "default"]


def test_a_replica_that_does_not_answer_is_left_alone_for_a_while(two_replicas, monkeypatch):
    two_replicas["replica_0"] = False
    failures = []

    def connects(alias):
        if not two_replicas[alias]:
            failures.append(alias)
            replicas.mark_down(alias, now=100.0)
        return two_replicas[alias]

    monkeypatch.setattr(replicas, "_connects", connects)
    monkeypatch.setattr(replicas, "time", SimpleNamespace(monotonic=lambda: 100.0))
    assert serve(get("/")) == ["default", "default"]  # its turn: the primary, at once
    assert serve(get("/")) == ["replica_1", "replica_1"]
    assert serve(get("/")) == ["replica_1", "replica_1"]  # replica_0's turn, but it is down
    assert failures == ["replica_0"]
    # Once the pause is over it is tried again.
    monkeypatch.setattr(replicas, "time", SimpleNamespace(monotonic=lambda: 110.5))
    two_replicas["replica_0"] = True
    assert serve(get("/")) == ["replica_1", "replica_1"]
    assert serve(get("/")) == ["replica_0", "replica_0"]


def test_with_every_replica_down_public_reads_are_the_primarys(two_replicas):
    now = time.monotonic()
    replicas.mark_down("replica_0", now=now)
    replicas.mark_down("replica_1", now=now)
    assert serve(get("/")) == ["default", "default"]
    replicas.mark_up("replica_1")
    assert serve(get("/")) == ["replica_1", "replica_1"]


def test_without_replicas_the_middleware_is_not_installed(settings):
    settings.DATABASE_REPLICAS = []
    with pytest.raises(MiddlewareNotUsed):
        replicas.ReplicaMiddleware(lambda request: HttpResponse())


def test_only_the_primary_is_migrated_and_relations_cross_copies():
    assert router.allow_migrate("default", "standard_versions")
    assert not router.allow_migrate("replica_0", "standard_versions")
    assert router.allow_relation(Version(), Comment())
