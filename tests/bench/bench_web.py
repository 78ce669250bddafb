"""Public version page and consultation page throughput under gunicorn (2 workers), next to the
API's version tree.

Target (issue 7): each page at >= 50 % of the API tree's throughput. The version page and the tree
are served from the per-process cache after one query; the consultation page (the demo draft's
open period, 42 criteria, a form each) from its cached HTML after one query, with the CSRF token,
the forms' idempotency keys and the time left filled in per response.
"""

import json
import shutil
import tempfile
import urllib.request

from tests.bench.server import bench_env, gunicorn, manage, wrk

PORT = 8552
TREE = "/api/v1/standards/wwc/versions/3.0/"
PAGE = "/standards/wwc/versions/3.0/"
HOME = "/"


def main(argv: list[str]) -> None:
    seconds = 10
    port = next((int(a.split("=", 1)[1]) for a in argv if a.startswith("--port=")), PORT)
    tmp = tempfile.mkdtemp(prefix="bench-web-")
    env = bench_env(f"sqlite:///{tmp}/bench.sqlite3")
    for command in ("migrate --noinput", "load_standard", "ensure_demo"):
        manage(env, *command.split())
    with gunicorn(port=port, env=env) as base:
        periods = json.load(urllib.request.urlopen(f"{base}/api/v1/comment-periods/?status=open"))
        consultation = f"/comment-periods/{periods['results'][0]['id']}/"
        paths = (TREE, PAGE, consultation)
        sizes = {path: len(urllib.request.urlopen(base + path).read()) for path in paths}
        etag = urllib.request.urlopen(base + PAGE).headers["ETag"]
        for _ in range(2):  # warm every worker's cache
            for path in (TREE, PAGE, HOME, consultation):
                wrk(base + path, seconds=1)
        results = {
            f"API version tree 3.0 ({sizes[TREE]} bytes)": wrk(base + TREE, seconds=seconds),
            f"web version page 3.0 ({sizes[PAGE]} bytes)": wrk(base + PAGE, seconds=seconds),
            "web version page 3.0, 304 revalidation": wrk(
                base + PAGE, seconds=seconds, headers=(f"If-None-Match: {etag}",)
            ),
            "web version page 3.0, ?lang=es": wrk(base + PAGE + "?lang=es", seconds=seconds),
            "web home page (not cached)": wrk(base + HOME, seconds=seconds),
            f"web consultation page, demo ({sizes[consultation]} bytes)": wrk(
                base + consultation, seconds=seconds
            ),
            "web consultation page, demo, ?lang=es": wrk(
                base + consultation + "?lang=es", seconds=seconds
            ),
        }
    shutil.rmtree(tmp, ignore_errors=True)
    tree = next(iter(results.values()))
    for name, rate in results.items():
        print(f"   {name:48s} {rate:9.0f} req/s  {rate / tree:6.1%} of the API tree")
