"""`make`'s recipes run with Python's default of writing bytecode, whatever the shell sets: with
PYTHONDONTWRITEBYTECODE left on, every process of `make test` compiled every module again
(docs/benchmarks.md, "The suite again, 2026-12-03")."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

PROBE = """include Makefile
show-bytecode-setting:
\t@echo "[$$PYTHONDONTWRITEBYTECODE]"
"""


@pytest.mark.skipif(shutil.which("make") is None, reason="needs GNU make")
def test_a_recipe_does_not_see_the_shells_pythondontwritebytecode(tmp_path):
    probe = tmp_path / "probe.mk"
    probe.write_text(PROBE)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    for name in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS"):
        env.pop(name, None)
    done = subprocess.run(
        ["make", "-s", "-f", str(probe), "show-bytecode-setting"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
