"""The newcomer's whole path, on a fresh clone of HEAD: `make run`; the README's staff commands
(a staff account, its token, a new version drafted and published through the staff API) exactly
as README.md gives them; stop; `make run` again serves the new version. Before, the second
`make run` stopped at `load_standard` ("Version 3.0 is superseded and cannot change"), and the
README's `manage.py` commands needed `DEBUG=1` exported by hand.

The clone holds only committed files. It uses this test run's virtualenv through a symlink
(`.venv`), so nothing is installed; it runs on SQLite in the clone, whatever this run's database.
"""

import hashlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# What a fresh shell has: none of the test run's settings (make test exports DEBUG=0, a test
# SECRET_KEY, perhaps a PostgreSQL DATABASE_URL) and none of make's own variables.
NOT_INHERITED = {
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "SECURE_COOKIES",
    "DATABASE_URL",
    "REDIS_URL",
    "LOCAL_ENV_FILE",
    "DJANGO_SETTINGS_MODULE",
    "MAKEFLAGS",
    "MAKELEVEL",
    "MFLAGS",
}
START_TIMEOUT = 120


def _fresh_shell_environment() -> dict[str, str]:
    return {
        name: value
        for name, value in os.environ.items()
        if name not in NOT_INHERITED and not name.startswith(("PYTEST_", "DJANGO_SUPERUSER_"))
    }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read()


def _versions(port: int) -> dict[str, str]:
    _, body = _get(f"http://127.0.0.1:{port}/api/v1/standards/wwc/versions/")
    data = json.loads(body)
    items = data["results"] if isinstance(data, dict) else data
    return {item["label"]: item["status"] for item in items}


class Server:
    """`make run` in the clone, in its own process group so that stopping it stops runserver and
    its autoreloader child too."""

    def __init__(self, clone: Path, port: int, env: dict[str, str], log: Path):
        self.port, self.log = port, log
        self.process = subprocess.Popen(
            ["make", "run", f"PORT={port}"],
            cwd=clone,
            env=env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_until_it_answers(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"make run stopped ({self.process.returncode}):\n{self.output()}")
            try:
                if _get(f"http://127.0.0.1:{self.port}/healthz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        pytest.fail(f"make run did not answer within {START_TIMEOUT} s:\n{self.output()}")

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def _shell_blocks(markdown: str) -> list[str]:
    return re.findall(r"^```sh\n(.*?)^```", markdown, flags=re.MULTILINE | re.DOTALL)


def _readme_staff_commands(readme: str, port: int) -> str:
    """The README's `API=` line and its staff block, as written, on the test's port."""
    blocks = _shell_blocks(readme)
    [api_line] = [
        line for block in blocks for line in block.splitlines() if line.startswith("API=")
    ]
    [staff] = [block for block in blocks if "createsuperuser" in block]
    assert "127.0.0.1:8000" in api_line, api_line
    return api_line.replace("127.0.0.1:8000", f"127.0.0.1:{port}") + "\n" + staff


@pytest.fixture
def clone(tmp_path) -> Path:
    venv = Path(sys.prefix)
    if venv == Path(sys.base_prefix):
        pytest.fail("The suite must run from the project's virtualenv (.venv/bin/pytest).")
    target = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(target)], check=True)
    (target / ".venv").symlink_to(venv)
    # make's venv target reinstalls when pyproject.toml is newer than the stamp of its contents;
    # the clone's file is brand new, so date it back: the stamp must exist already.
    pyproject = target / "pyproject.toml"
    stamp = venv / f".installed-{hashlib.sha1(pyproject.read_bytes()).hexdigest()[:12]}"
    if not stamp.exists():
        pytest.fail(f"{stamp} is missing: HEAD's pyproject.toml is not installed (make venv).")
    os.utime(pyproject, (0, 0))
    return target


def test_a_fresh_clone_runs_a_staff_member_publishes_and_it_runs_again_serving_it(clone, tmp_path):
    env = _fresh_shell_environment()
    port = _free_port()

    first = Server(clone, port, env, tmp_path / "first-run.log")
    try:
        first.wait_until_it_answers()
        assert _versions(port) == {"2.0": "superseded", "3.0": "published", "demo": "draft"}
        assert (clone / ".env.local").is_file()
        ignored = subprocess.run(["git", "check-ignore", "-q", ".env.local"], cwd=clone)
        assert ignored.returncode == 0, ".env.local must be git-ignored"

        commands = _readme_staff_commands((clone / "README.md").read_text(), port)
        staff = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", commands],
            cwd=clone,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert staff.returncode == 0, f"{commands}\n{staff.stdout}\n{staff.stderr}"
        assert _versions(port)["3.1"] == "published", staff.stdout + staff.stderr
    finally:
        first.stop()

    second = Server(clone, port, env, tmp_path / "second-run.log")
    try:
        second.wait_until_it_answers()
        assert _versions(port) == {
            "2.0": "superseded",
            "3.0": "superseded",
            "3.1": "published",
            "demo": "draft",
        }
        status, body = _get(f"http://127.0.0.1:{port}/api/v1/standards/wwc/versions/3.1/")
        assert status == 200 and json.loads(body)["status"] == "published"
        assert "wwc-3.0.yaml: 3.0 is superseded (published 3.1 since); left as it is" in (
            second.output()
        )
    finally:
        second.stop()
