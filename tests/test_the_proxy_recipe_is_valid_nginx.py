"""deploy/nginx.conf, the production proxy of docs/operations.md, is a configuration Debian's
nginx accepts, and it keeps what the app relies on: buffering, the X-Request-Start header that
load shedding reads, and the cap on requests in flight with its 503 and Retry-After."""

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.bench.bench_slow_clients import RECIPE, _config


def test_the_recipe_keeps_buffering_shedding_and_the_in_flight_cap():
    recipe = RECIPE.read_text()
    for line in (
        "proxy_request_buffering on;",
        'proxy_set_header X-Request-Start "t=${msec}";',
        "limit_conn wwc_in_flight 64;",
        "limit_conn_status 503;",
        "add_header Retry-After 2 always;",
    ):
        assert line in recipe


@pytest.mark.skipif(not shutil.which("nginx"), reason="Debian's nginx is not installed")
def test_nginx_accepts_the_recipe():
    folder = Path(tempfile.mkdtemp(prefix="nginx-recipe-"))
    config = _config(folder, listen=18080, upstream=18000)
    checked = subprocess.run(
        ["nginx", "-t", "-c", str(config), "-p", str(folder)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr
    shutil.rmtree(folder, ignore_errors=True)


def test_each_request_waits_in_one_queue_for_a_free_thread():
    """nginx opens a connection per request (no keepalive to gunicorn), and the documented
    gunicorn takes a connection only with a thread free (docs/operations.md, "One queue")."""
    recipe = RECIPE.read_text()
    upstream = re.search(r"upstream wwc_standard \{(.*?)\}", recipe, re.S)[1]
    assert "keepalive" not in upstream
    assert 'proxy_set_header Connection "";' not in recipe
    operations = (RECIPE.parents[1] / "docs" / "operations.md").read_text()
    command = re.search(
        r"\.venv/bin/gunicorn backend\.wsgi:application[^`]*?--access-logfile", operations, re.S
    )[0]
    threads = re.search(r"--threads (\d+)", command)[1]
    assert re.search(r"--worker-connections (\d+)", command)[1] == threads
