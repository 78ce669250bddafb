"""Start the service under gunicorn on a throwaway SQLite database loaded with the shipped data."""

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def bench_env(database_url: str, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DEBUG="0",
        SECRET_KEY="benchmark-only-secret-key-not-for-production",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_COOKIES="0",
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="backend.settings",
    )
    env.update(extra)
    return env


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


@contextlib.contextmanager
def gunicorn(
    *,
    port: int,
    workers: int = 2,
    env: dict[str, str] | None = None,
    extra_args: tuple[str, ...] = (),
    settings: dict[str, str] | None = None,
):
    """Yield the base URL of a running gunicorn; stop it afterwards. Without ``env`` it serves a
    throwaway SQLite database with the shipped data; ``settings`` are added environment values."""
    tmp = tempfile.mkdtemp(prefix="bench-")
    if env is None:
        env = bench_env(f"sqlite:///{tmp}/bench.sqlite3", **(settings or {}))
        manage(env, "migrate", "--noinput")
        manage(env, "load_standard")
    elif settings:
        env = {**env, **settings}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "backend.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
            *extra_args,
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("gunicorn did not start")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)


def wrk(
    url: str,
    *,
    seconds: int = 10,
    connections: int = 16,
    threads: int = 2,
    headers: tuple[str, ...] = (),
) -> float:
    """Requests per second that wrk measured (non-2xx/3xx responses make it fail)."""
    if shutil.which("wrk") is None:
        raise RuntimeError("wrk is needed: apt-get install wrk")
    args = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for header in headers:
        args += ["-H", header]
    output = subprocess.run([*args, url], capture_output=True, text=True, check=True).stdout
    if "Non-2xx or 3xx responses" in output:
        raise RuntimeError(f"errors while benchmarking {url}:\n{output}")
    for line in output.splitlines():
        if line.startswith("Requests/sec:"):
            return float(line.split()[1])
    raise RuntimeError(output)
