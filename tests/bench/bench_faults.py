"""Faults during a surge (issue 16): comment ingest through the production proxy (Debian's nginx,
``deploy/nginx.conf``) into gunicorn, PostgreSQL and Redis, with clients retrying under the same
Idempotency-Key (after ``Retry-After`` when the server gives one), while one fault strikes in
the middle of the run:

- a gunicorn worker killed (SIGKILL; the master starts another);
- PostgreSQL restarted (a private server this benchmark starts on its own port, so the machine's
  own PostgreSQL is never touched);
- Redis stopped for 10 s (the service reaches Redis through a TCP relay that this benchmark
  closes, refusing and cutting every connection, then opens again);
- 200 slow clients (connections that send their headers byte by byte, beside the load);
- a surge at ten times the normal clients (with load shedding).

For each: acknowledged = stored, none lost or duplicated, every receipt resolves; the statuses
clients saw; the longest time without a 201 after the fault, and when the rate was back to half
what it was before it.

    .venv/bin/python -m tests.bench.bench_faults --duration 60 --clients 50
    .venv/bin/python -m tests.bench.bench_faults redis worker      # some of them
"""

import argparse
import asyncio
import contextlib
import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from tests.bench import bench_servers, comment_load
from tests.bench.bench_slow_clients import nginx
from tests.bench.notify_sinks import free_port

FAULTS = ("worker", "postgres", "redis", "slow_clients", "surge")


class RedisRelay:
    """A TCP relay to Redis that can be closed for a while: while closed, new connections are
    refused and the open ones cut, as when Redis itself stops."""

    def __init__(self, upstream_port: int = 6379):
        self.upstream_port = upstream_port
        self.port = free_port()
        self.loop = asyncio.new_event_loop()
        self.server = None
        self.writers: set = set()
        self.accepted = 0
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self._call(self._open())

    def _call(self, coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(30)

    async def _open(self):
        self.server = await asyncio.start_server(self._relay, "127.0.0.1", self.port)

    async def _close(self):
        self.server.close()
        for writer in list(self.writers):
            writer.close()
        await self.server.wait_closed()

    async def _pipe(self, reader, writer):
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            writer.close()

    async def _relay(self, reader, writer):
        self.accepted += 1
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.upstream_port)
        except OSError:
            writer.close()
            return
        self.writers |= {writer, up_writer}
        await asyncio.gather(self._pipe(reader, up_writer), self._pipe(up_reader, writer))
        self.writers -= {writer, up_writer}

    async def stop_for(self, seconds: float, log: list) -> None:
        cut = len(self.writers) // 2
        await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(self._close(), self.loop))
        log.append(
            f"fault: Redis unreachable (relay closed, {cut} open connections cut, "
            f"{self.accepted} relayed so far) for {seconds:.0f} s"
        )
        await asyncio.sleep(seconds)
        await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(self._open(), self.loop))
        log.append("fault: Redis reachable again")

    def close(self):
        with contextlib.suppress(Exception):
            self._call(self._close())
        self.loop.call_soon_threadsafe(self.loop.stop)


@contextlib.contextmanager
def private_postgres():
    """A PostgreSQL server of its own (initdb under a temporary directory, run as postgres),
    yielding (admin URL, restart command); stopped and removed afterwards."""
    from tests.replicas.cluster import bin_dir, why_not

    problem = why_not()
    if problem:
        raise SystemExit(f"the PostgreSQL fault needs a private server: {problem}")
    binaries = bin_dir()
    root = Path(tempfile.mkdtemp(prefix="bench-faults-pg-"))
    as_root = os.geteuid() == 0
    if as_root:
        shutil.chown(root, "postgres", "postgres")
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    data, log, port = root / "data", root / "server.log", free_port()

    def pg_ctl(*args: str) -> list[str]:
        return [*prefix, str(binaries / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", *args]

    subprocess.run(
        [*prefix, str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust"],
        check=True,
        capture_output=True,
    )
    with open(data / "postgresql.conf", "a") as conf:
        conf.write(
            f"listen_addresses = '127.0.0.1'\nport = {port}\nunix_socket_directories = '{root}'\n"
            "max_connections = 200\nshared_buffers = 128MB\n"
        )
    subprocess.run(pg_ctl("start"), check=True, capture_output=True)
    try:
        yield f"postgres://postgres@127.0.0.1:{port}/postgres", " ".join(pg_ctl("restart"))
    finally:
        subprocess.run(pg_ctl("stop", "-m", "immediate"), capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def _kill_one_worker(gunicorn_port: int) -> str:
    master = f"$(pgrep -o -f -- '--bind=127.0.0.1:{gunicorn_port}')"
    return f"kill -9 $(pgrep -P {master} | head -1) && echo killed one worker of {master}"


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=50, help="the normal load")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/9")
    parser.add_argument("--redis-down-seconds", type=float, default=10.0)
    args, rest = parser.parse_known_args(argv)
    chosen = [name for name in rest if name in FAULTS] or list(FAULTS)
    redis_db = args.redis_url.rsplit("/", 1)[1]
    relay = RedisRelay()
    runs = {}
    try:
        with private_postgres() as (admin_url, restart_postgres):
            bench_servers.PG_ADMIN_URL = admin_url
            for name in chosen:
                gunicorn_port, proxy_port = free_port(), free_port()
                common = [
                    f"--duration={args.duration}",
                    f"--redis-url=redis://127.0.0.1:{relay.port}/{redis_db}",
                    f"--port={gunicorn_port}",
                    f"--target-port={proxy_port}",
                    "--database=h_faults",
                    "--grace=90",
                    "--timeout=30",
                    "--no-email",
                    f"--server-log=/tmp/bench_faults_{name}.log",
                    "--shed-after-ms=500",
                    # docs/operations.md's gunicorn.
                    f"--workers={bench_servers.DOCUMENTED_WORKERS}",
                    f"--threads={bench_servers.DOCUMENTED_THREADS}",
                ]
                fault = None
                if name == "worker":
                    common += ["--fault", f"--fault-command={_kill_one_worker(gunicorn_port)}"]
                elif name == "postgres":
                    common += ["--fault", f"--fault-command={restart_postgres}"]
                elif name == "redis":
                    common += ["--fault"]

                    async def fault(log):
                        await relay.stop_for(args.redis_down_seconds, log)

                clients = args.clients * (10 if name == "surge" else 1)
                common += [f"--clients={clients}"]
                if name == "slow_clients":
                    common += ["--slow-clients=200"]
                with nginx(listen=proxy_port, upstream=gunicorn_port):
                    started = time.monotonic()
                    runs[name] = comment_load.run(common, fault=fault)
                    runs[name]["wall_s"] = round(time.monotonic() - started, 1)
    finally:
        relay.close()
    for name, summary in runs.items():
        print(f"   {name}:")
        comment_load.report(summary)
    print("   fault         acked=stored lost dup  statuses seen                 outage  back")
    for name, summary in runs.items():
        r = summary.get("recovery") or {}
        statuses = ", ".join(f"{k}: {v}" for k, v in summary["answers"].items())
        print(
            f"   {name:13} {summary['stored'] == summary['acknowledged']!s:12} "
            f"{summary['lost']:4} {summary['duplicated']:4} {statuses:29} "
            f"{r.get('outage_s', '-')!s:7} {r.get('recovered_s', '-')!s}"
        )


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
