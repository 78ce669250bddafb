"""A private PostgreSQL primary and its streaming replica, each on a free port under a temporary
directory, for the tests of read replicas. The machine's own PostgreSQL (5432) is never touched:
both servers are new clusters made by ``initdb``, run as the ``postgres`` user, trusting local
connections, and stopped and removed afterwards whatever happens.
"""

import contextlib
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.fuzz.server import free_port

DATABASE = "wwc_replicas"

_CONF = """
listen_addresses = '127.0.0.1'
port = {port}
unix_socket_directories = '{sockets}'
wal_level = replica
max_wal_senders = 4
hot_standby = on
fsync = off
full_page_writes = off
autovacuum = off
shared_buffers = 32MB
max_connections = 40
log_min_messages = warning
"""
_HBA = """
local all all trust
host all all 127.0.0.1/32 trust
host replication all 127.0.0.1/32 trust
"""


def bin_dir() -> Path | None:
    """PostgreSQL's server binaries (initdb, pg_ctl, pg_basebackup), or None without them."""
    try:
        found = subprocess.run(
            ["pg_config", "--bindir"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    path = Path(found)
    needed = ("initdb", "pg_ctl", "pg_basebackup", "postgres")
    return path if all((path / name).exists() for name in needed) else None


def why_not() -> str | None:
    """Why the pair cannot be started here, or None."""
    if bin_dir() is None:
        return "PostgreSQL's server binaries (initdb, pg_ctl, pg_basebackup) are not installed"
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root without runuser, so initdb cannot run as postgres"
    return None


@dataclass
class Server:
    data: Path
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{DATABASE}"


@dataclass
class Pair:
    primary: Server
    replica: Server
    _run: object

    def pg_ctl(self, server: Server, *args: str) -> None:
        self._run("pg_ctl", "-D", str(server.data), "-l", str(server.log), "-w", *args)

    def sql(self, server: Server, statement: str):
        """One statement's first row (None without rows), in the maintenance database."""
        import psycopg

        url = server.url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(url, autocommit=True, connect_timeout=5) as connection:
            cursor = connection.execute(statement)
            return cursor.fetchone() if cursor.description else None

    def wait_until_replayed(self, timeout: float = 15) -> None:
        """Until the replica has replayed everything the primary has written so far."""
        self._wait_for("pg_last_wal_replay_lsn()", timeout)

    def wait_until_received(self, timeout: float = 15) -> None:
        """Until the replica has received (not necessarily replayed) all the primary wrote."""
        self._wait_for("pg_last_wal_receive_lsn()", timeout)

    def pause_replay(self, timeout: float = 15) -> None:
        """Pause the replica's replay, and wait until it has (a pause is only requested)."""
        self.sql(self.replica, "SELECT pg_wal_replay_pause()")
        deadline = time.monotonic() + timeout
        while self.sql(self.replica, "SELECT pg_get_wal_replay_pause_state()") != ("paused",):
            if time.monotonic() > deadline:
                raise TimeoutError("the replica's replay did not pause")
            time.sleep(0.05)

    def _wait_for(self, position: str, timeout: float) -> None:
        # Commits are synchronous on the primary, so its write position covers every commit.
        (target,) = self.sql(self.primary, "SELECT pg_current_wal_lsn()::text")
        deadline = time.monotonic() + timeout
        while self.sql(self.replica, f"SELECT {position} >= '{target}'::pg_lsn") != (True,):
            if time.monotonic() > deadline:
                raise TimeoutError(f"the replica did not reach {target} in {timeout} s")
            time.sleep(0.05)


@contextlib.contextmanager
def primary_and_replica() -> Iterator[Pair]:
    binaries = bin_dir()
    root = Path(tempfile.mkdtemp(prefix="wwc-replicas-"))
    as_root = os.geteuid() == 0
    if as_root:
        shutil.chown(root, "postgres", "postgres")

    def run(program: str, *args: str) -> None:
        command = [str(binaries / program), *args]
        if as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=60)

    primary = Server(root / "primary", free_port(), root / "primary.log")
    replica = Server(root / "replica", free_port(), root / "replica.log")
    pair = Pair(primary, replica, run)
    started = []
    try:
        run("initdb", "-D", str(primary.data), "-U", "postgres", "-A", "trust", "--no-sync")
        with open(primary.data / "postgresql.conf", "a") as conf:
            conf.write(_CONF.format(port=primary.port, sockets=root))
        (primary.data / "pg_hba.conf").write_text(_HBA)
        pair.pg_ctl(primary, "start")
        started.append(primary)
        pair.sql(primary, f"CREATE DATABASE {DATABASE}")
        # -R writes standby.signal and the primary's address into postgresql.auto.conf.
        run(
            "pg_basebackup",
            "-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres",
            "-D", str(replica.data), "-R", "-X", "stream", "-c", "fast", "--no-sync",
        )  # fmt: skip
        with open(replica.data / "postgresql.conf", "a") as conf:
            conf.write(f"port = {replica.port}\n")
        pair.pg_ctl(replica, "start")
        started.append(replica)
        deadline = time.monotonic() + 15
        while pair.sql(replica, "SELECT pg_is_in_recovery()") != (True,):
            if time.monotonic() > deadline:
                raise TimeoutError("the replica is not in recovery")
            time.sleep(0.1)
        yield pair
    finally:
        for server in reversed(started):
            with contextlib.suppress(subprocess.SubprocessError):
                pair.pg_ctl(server, "stop", "-m", "immediate")
        shutil.rmtree(root, ignore_errors=True)
