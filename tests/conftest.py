import contextlib
import gc
import tempfile
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from rest_framework.test import APIClient

from standard_versions.http.body_memo import published_bodies
from standard_versions.memo import page_heads
from standard_versions.standards.head_memo import revalidation_heads
from tests import hypothesis_profiles  # noqa: F401 (loads the profile for this run)


def pytest_configure(config):
    """Tests name static files as they are (standard_versions/http/static_storage.py): a developer's
    collected ``staticfiles/`` (hashed names of perhaps older files) must not leak into them.
    tests/web/test_static_files.py collects into its own folder to test the hashed names."""
    from django.conf import settings

    settings.STATIC_ROOT = Path(tempfile.gettempdir()) / "wwc-tests-collect-no-static-here"
    # Staff users are made in hundreds of tests; hashing each password with PBKDF2's million rounds
    # would cost more than the test. The hasher is not what they test (Django's own tests do this).
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # A committed change would nudge a Celery worker through the broker; tests drain the outbox
    # themselves (tests/notifications), and tests/notifications/test_a_real_worker_delivers.py
    # runs a real worker.
    settings.NOTIFY_NUDGE = False
    settings.VAR_DIR = Path(tempfile.mkdtemp(prefix="wwc-tests-var-"))
    # Each test allocates tens of thousands of short-lived objects (requests, querysets, templates)
    # on top of a heap of Django, DRF and 2,300 collected tests: with the default thresholds the
    # youngest objects were collected every 700 allocations and the whole heap walked every
    # 70,000 or so. Fewer, larger collections took about 4 % off tests/web and tests/comments
    # (docs/benchmarks.md); tests make no reference cycles that need collecting soon.
    gc.set_threshold(50_000, 20, 100)


def pytest_collection_finish(session):
    """What collection built (modules, test items, fixtures) lives until the process ends: frozen,
    the collector never walks it again."""
    gc.collect()
    gc.freeze()


@pytest.fixture(scope="session", autouse=True)
def _static_files_listed_once():
    """WhiteNoise's middleware, when it is made, lists the static files of every app (about 175:
    the admin's, DRF's, Swagger UI's, ours) and builds each one's response headers; Django's test
    client makes the middleware anew for each client: 1,555 times in 1,400 profiled tests, a fifth
    of their profiled time (docs/benchmarks.md). Those files are the repository's and the installed
    packages', which no test changes, so each configuration of the middleware (the settings it
    reads) lists them once per test process; what it serves from ``STATIC_ROOT`` is still read
    each time (tests/web/test_static_files.py collects into its own folders)."""
    from django.conf import settings
    from whitenoise.middleware import WhiteNoiseMiddleware

    list_files = WhiteNoiseMiddleware.add_files_from_finders
    listed: dict[tuple, dict] = {}

    def add_files_from_finders(self):
        key = (
            self.static_prefix,
            self.max_age,
            self.allow_all_origins,
            self.charset,
            self.index_file,
            self.add_headers_function,
            *(
                repr(getattr(settings, name, None))
                for name in (
                    "INSTALLED_APPS",
                    "STATICFILES_DIRS",
                    "STATICFILES_FINDERS",
                    "STATIC_ROOT",
                    "STORAGES",
                    "WHITENOISE_MIMETYPES",
                    "WHITENOISE_IMMUTABLE_FILE_TEST",
                )
            ),
        )
        if key not in listed:
            found, self.files = self.files, {}
            list_files(self)
            listed[key], self.files = self.files, found
        self.files.update(listed[key])

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(WhiteNoiseMiddleware, "add_files_from_finders", add_files_from_finders)
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    # Each test's database starts again from the same ids, so a body named by an ETag in one test
    # may differ in the next: the per-worker memos are emptied with the cache.
    cache.clear()
    revalidation_heads.clear()
    page_heads.clear()
    published_bodies.clear()
    yield
    cache.clear()
    revalidation_heads.clear()
    page_heads.clear()
    published_bodies.clear()


@pytest.fixture
def page_heads_read_every_time(monkeypatch):
    """The home, compare and consultation pages read their heads on every request, as a worker
    does once its moment (``PAGE_HEAD_MEMO_MS``, standard_versions/memo.py) is over: for the
    tests of their cache keys and pinned queries. The requests within the moment are pinned in
    tests/web/test_the_pages_remember_their_heads_for_a_moment.py."""
    monkeypatch.setattr(page_heads, "ttl", 0)


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


SHIPPED_TRANSLATIONS = "standard_versions/data/translations"


@pytest.fixture(scope="session")
def _shipped_layers(django_db_setup, django_db_blocker) -> dict[str, tuple[list, list]]:
    """The rows the shipped data's loaders write, read once per test process, layer by layer:
    ``standard`` (``load_standard``) and ``translations`` (``import_translations`` of the shipped
    catalogs, on top of it).

    The loaders run once, in a transaction that is rolled back, and every row each one added
    (content, history records, translations, through tables) is kept in memory; ``shipped_data``
    and ``shipped_translations`` insert them again in each test, exactly as they were, for a
    fraction of the loaders' cost. What a layer changed in the rows below it (importing a
    translation bumps its version's ``revision``) is kept as field values and applied again."""
    from django.apps import apps
    from django.db import transaction

    models = [m for m in apps.get_models(include_auto_created=True) if not m._meta.proxy]
    steps = {
        "standard": ("load_standard",),
        "translations": ("import_translations", SHIPPED_TRANSLATIONS),
    }
    layers = {}
    with django_db_blocker.unblock(), transaction.atomic():
        for name, command in steps.items():
            before = {
                m: {r[m._meta.pk.attname]: r for r in m._base_manager.values()} for m in models
            }
            call_command(*command, stdout=_Discard())
            layers[name] = ([], [])
            for model in models:
                pk = model._meta.pk.attname
                for row in model._base_manager.order_by("pk").values():
                    was = before[model].get(row[pk])
                    if was is None:
                        added = layers[name][0]
                        if not added or added[-1][0] is not model:
                            added.append((model, []))
                        added[-1][1].append(row)
                    elif row != was:
                        changes = {f: v for f, v in row.items() if was[f] != v}
                        layers[name][1].append((model, row[pk], changes))
        transaction.set_rollback(True)
    return layers


@pytest.fixture
def shipped_data(db, _shipped_layers):
    """The WWC versions 2.0 and 3.0 as shipped in standard_versions/data/, as ``load_standard``
    stores them (tests/services/test_shipped_rows_are_what_the_loader_stores.py checks that)."""
    _insert_rows("standard", _shipped_layers["standard"])


@pytest.fixture
def shipped_translations(shipped_data, _shipped_layers):
    """``shipped_data`` and its Spanish and Portuguese translations, as ``import_translations
    standard_versions/data/translations`` stores them (checked by the same test module)."""
    _insert_rows("translations", _shipped_layers["translations"])


# Per layer, the statements (SQL, parameters, executemany or not) its first insertion ran in this
# test process, run again as they were by every later one: building the model instances and
# their INSERTs was most of each insertion (on SQLite 10 ms for the shipped versions, 1.6 ms
# replayed; docs/benchmarks.md).
_insert_statements: dict[str, list[tuple[str, object, bool]]] = {}


def _insert_rows(name: str, layer: tuple[list, list]) -> None:
    from django.db import connection, transaction

    statements = _insert_statements.get(name)
    if statements is None:
        statements = []

        def record(execute, sql, params, many, context):
            statements.append((sql, params, many))
            return execute(sql, params, many, context)

        # The recorder starts inside the transaction, so the statements that begin and end it
        # (SQLite's BEGIN in a live-server test, a SAVEPOINT in any other) are not recorded.
        with transaction.atomic(), connection.execute_wrapper(record):
            _insert_rows_through_the_orm(layer)
        _insert_statements[name] = statements
        return
    with transaction.atomic(), connection.cursor() as cursor:
        for sql, params, many in statements:
            if many:
                cursor.executemany(sql, params)
            else:
                cursor.execute(sql, params)


def _insert_rows_through_the_orm(layer: tuple[list, list]) -> None:
    from django.core.management.color import no_style
    from django.db import connection

    added, changed = layer
    for model, rows in added:
        with _stored_times_kept(model):
            model._base_manager.bulk_create([model(**row) for row in rows])
    for model, pk, changes in changed:
        model._base_manager.filter(pk=pk).update(**changes)
    # Rows inserted with their ids leave PostgreSQL's sequences behind; SQLite needs nothing.
    statements = connection.ops.sequence_reset_sql(no_style(), [m for m, _ in added])
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


@contextlib.contextmanager
def _stored_times_kept(model):
    """``auto_now``/``auto_now_add`` fields keep the times the loader stored, not the insert's."""
    fields = [
        f
        for f in model._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    flags = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in flags:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


class _Discard:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass


@pytest.fixture(scope="session", autouse=True)
def _compiled_message_catalogs():
    """The .mo files are build products (git-ignored): compile them if a run starts without."""
    from standard_versions.translations.catalogs import catalogs_need_compiling, compile_catalogs

    if catalogs_need_compiling():
        compile_catalogs()


@pytest.fixture(scope="session")
def openapi_schema(tmp_path_factory, django_db_blocker) -> dict:
    """The OpenAPI schema /api/schema/ serves, generated once per test process as `manage.py
    spectacular --fail-on-warn --validate` writes it: a warning or an invalid schema fails every
    test that reads it."""
    import yaml

    path = tmp_path_factory.mktemp("openapi") / "schema.yaml"
    with django_db_blocker.unblock():
        call_command("spectacular", "--fail-on-warn", "--validate", "--file", str(path))
    return yaml.load(path.read_text(), Loader=yaml.CSafeLoader)
