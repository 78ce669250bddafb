import tempfile
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from rest_framework.test import APIClient

from standard_versions.standards.head_memo import revalidation_heads


def pytest_configure(config):
    """Tests name static files as they are (standard_versions/http/static_storage.py): a developer's
    collected ``staticfiles/`` (hashed names of perhaps older files) must not leak into them.
    tests/web/test_static_files.py collects into its own folder to test the hashed names."""
    from django.conf import settings

    settings.STATIC_ROOT = Path(tempfile.gettempdir()) / "wwc-tests-collect-no-static-here"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    revalidation_heads.clear()
    yield
    cache.clear()
    revalidation_heads.clear()


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture
def shipped_data(db):
    """The WWC versions 2.0 and 3.0 as shipped in standard_versions/data/."""
    call_command("load_standard", stdout=_Discard())


class _Discard:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass


@pytest.fixture(scope="session", autouse=True)
def _compiled_message_catalogs():
    """The .mo files are build products (git-ignored): compile them if a run starts without."""
    from standard_versions.catalogs import catalogs_need_compiling, compile_catalogs

    if catalogs_need_compiling():
        compile_catalogs()
