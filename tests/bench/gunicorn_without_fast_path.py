"""gunicorn configuration for benchmarking without the revalidation fast path.

``gunicorn -c python:tests.bench.gunicorn_without_fast_path`` serves the code as it is, except
that ``RevalidationFastPath.dispatch`` is taken away in each worker, so an anonymous revalidation
takes DRF's ordinary path (authentication, negotiation, the view, ``conditional_content``).
Benchmarks only: nothing in the service reads this.
"""


def post_worker_init(worker):
    from standard_versions.http.revalidation import RevalidationFastPath

    if "dispatch" in RevalidationFastPath.__dict__:
        del RevalidationFastPath.dispatch
