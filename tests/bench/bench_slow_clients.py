"""Slow clients (issue 16, item 2): comment ingest (``comment_load``, 50 clients) against
gunicorn directly and through the production proxy (``deploy/nginx.conf``, Debian's nginx), each
without and with ``--slow`` connections that send their headers a byte every half second.

    .venv/bin/python -m tests.bench.bench_slow_clients --slow 200 --duration 30

Target: through the proxy, ingest with 200 slow clients stays >= 90 % of ingest without them.
"""

import argparse
import contextlib
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from tests.bench import bench_servers, comment_load
from tests.bench.notify_sinks import free_port

ROOT = bench_servers.ROOT
RECIPE = ROOT / "deploy" / "nginx.conf"


def _config(folder: Path, *, listen: int, upstream: int) -> Path:
    recipe = RECIPE.read_text()
    for old, new in (
        ("server 127.0.0.1:8000;", f"server 127.0.0.1:{upstream};"),
        ("listen 8080;", f"listen 127.0.0.1:{listen};"),
    ):
        assert old in recipe, f"{RECIPE} no longer says {old!r}"
        recipe = recipe.replace(old, new)
    temp = {name: folder / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    for path in temp.values():
        path.mkdir()
        path.chmod(0o777)
    config = folder / "nginx.conf"
    config.write_text(
        f"daemon off;\nworker_processes 1;\npid {folder / 'nginx.pid'};\n"
        f"error_log {folder / 'error.log'} warn;\n"
        "events { worker_connections 4096; }\n"
        "http {\n  access_log off;\n"
        f"  client_body_temp_path {temp['body']};\n  proxy_temp_path {temp['proxy']};\n"
        f"  fastcgi_temp_path {temp['fastcgi']};\n  uwsgi_temp_path {temp['uwsgi']};\n"
        f"  scgi_temp_path {temp['scgi']};\n"
        f"{recipe}\n}}\n"
    )
    return config


@contextlib.contextmanager
def nginx(*, listen: int, upstream: int):
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(binary):
        raise SystemExit("The slow-client benchmark needs Debian's nginx: apt-get install nginx")
    folder = Path(tempfile.mkdtemp(prefix="bench-nginx-"))
    folder.chmod(0o755)
    config = _config(folder, listen=listen, upstream=upstream)
    subprocess.run([binary, "-t", "-q", "-c", str(config), "-p", str(folder)], check=True)
    process = subprocess.Popen([binary, "-c", str(config), "-p", str(folder)])
    time.sleep(0.5)
    try:
        yield
    finally:
        process.terminate()
        process.wait(timeout=15)
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--slow", type=int, default=200)
    parser.add_argument("--duration", type=float, default=30.0)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/6")
    args, _unknown = parser.parse_known_args(argv)
    gunicorn_port, proxy_port = free_port(), free_port()
    common = [
        f"--duration={args.duration}",
        f"--redis-url={args.redis_url}",
        f"--port={gunicorn_port}",
        "--database=h_slow_clients",
        "--grace=60",
    ]
    slow = [f"--slow-clients={args.slow}"]
    runs = {"gunicorn directly": comment_load.run(common)}
    runs[f"gunicorn directly, {args.slow} slow clients"] = comment_load.run([*common, *slow])
    through = [*common, f"--target-port={proxy_port}"]
    with nginx(listen=proxy_port, upstream=gunicorn_port):
        runs["through deploy/nginx.conf"] = comment_load.run(through)
        runs[f"through deploy/nginx.conf, {args.slow} slow clients"] = comment_load.run(
            [*through, *slow]
        )
    for name, summary in runs.items():
        print(f"   {name}:")
        comment_load.report(summary)
    names = list(runs)
    for base, loaded in ((names[0], names[1]), (names[2], names[3])):
        ratio = runs[loaded]["comments_per_s"] / runs[base]["comments_per_s"]
        print(f"   {loaded}: x{ratio:.2f} of {base}")


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
