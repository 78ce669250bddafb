"""Public version page throughput under gunicorn (2 workers), next to the API's version tree.

Target (issue 7): the version page at >= 50 % of the API tree's throughput; both are served from
the per-process cache after one query, so the page should be close to the tree.
"""

import urllib.request

from tests.bench.server import gunicorn, wrk

PORT = 8552
TREE = "/api/v1/standards/wwc/versions/3.0/"
PAGE = "/standards/wwc/versions/3.0/"
HOME = "/"


def main(argv: list[str]) -> None:
    seconds = 10
    with gunicorn(port=PORT) as base:
        sizes = {path: len(urllib.request.urlopen(base + path).read()) for path in (TREE, PAGE)}
        etag = urllib.request.urlopen(base + PAGE).headers["ETag"]
        for _ in range(2):  # warm every worker's cache
            for path in (TREE, PAGE, HOME):
                wrk(base + path, seconds=1)
        results = {
            f"API version tree 3.0 ({sizes[TREE]} bytes)": wrk(base + TREE, seconds=seconds),
            f"web version page 3.0 ({sizes[PAGE]} bytes)": wrk(base + PAGE, seconds=seconds),
            "web version page 3.0, 304 revalidation": wrk(
                base + PAGE, seconds=seconds, headers=(f"If-None-Match: {etag}",)
            ),
            "web version page 3.0, ?lang=es": wrk(base + PAGE + "?lang=es", seconds=seconds),
            "web home page (not cached)": wrk(base + HOME, seconds=seconds),
        }
    tree = next(iter(results.values()))
    for name, rate in results.items():
        print(f"   {name:48s} {rate:9.0f} req/s  {rate / tree:6.1%} of the API tree")
