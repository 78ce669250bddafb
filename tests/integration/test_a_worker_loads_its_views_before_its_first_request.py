"""A gunicorn worker imports ``backend.wsgi`` before it accepts a connection; loading it leaves the
URLconf and each language's catalog loaded (backend/warm_up.py), so that a worker's first
request costs what any other does, and it does so without reaching the database or Redis, so a
worker still starts while either is down."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys, time
started = time.perf_counter()
import backend.wsgi
from django.urls import get_resolver
from django.utils.translation import trans_real
resolver = get_resolver()
print(json.dumps({
    "views_imported": "standard_versions.api.views_comments" in sys.modules,
    "languages_reversed": sorted(resolver._reverse_dict),
    "catalogs": sorted(trans_real._translations),
    "weasyprint_imported": "weasyprint" in sys.modules,
    "openpyxl_imported": "openpyxl" in sys.modules,
}))
"""


def _load_the_wsgi_module(**overrides: str) -> dict:
    env = dict(os.environ)
    env.update(
        DEBUG="0",
        SECRET_KEY="test-only-secret-key-not-for-production",
        ALLOWED_HOSTS="testserver",
        DJANGO_SETTINGS_MODULE="backend.settings",
        **overrides,
    )
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_loading_the_wsgi_module_loads_every_view_and_each_languages_catalog():
    loaded = _load_the_wsgi_module()
    assert loaded["views_imported"]
    assert loaded["languages_reversed"] == ["en", "es", "pt-br"]
    assert {"en", "es", "pt-br"} <= set(loaded["catalogs"])


def test_the_pdf_library_is_loaded_only_when_a_pdf_is_rendered():
    assert _load_the_wsgi_module()["weasyprint_imported"] is False


def test_the_spreadsheet_library_is_loaded_only_when_a_spreadsheet_is_written():
    assert _load_the_wsgi_module()["openpyxl_imported"] is False


def test_a_worker_warms_up_while_the_database_and_redis_are_unreachable():
    # Port 9 (discard) on loopback: nothing listens, every connection is refused at once.
    loaded = _load_the_wsgi_module(
        DATABASE_URL="postgres://nobody@127.0.0.1:9/nothing", REDIS_URL="redis://127.0.0.1:9/0"
    )
    assert loaded["views_imported"]
