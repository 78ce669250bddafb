"""`manage.py check --deploy` finds nothing with the production settings that docs/operations.md
gives, so the documented environment and the settings cannot drift apart unnoticed."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OPERATIONS = ROOT / "docs" / "operations.md"


def documented_production_environment() -> dict[str, str]:
    """The ``# production.env`` block of docs/operations.md, as variables."""
    blocks = re.findall(r"```sh\n(# production\.env\n.*?)```", OPERATIONS.read_text(), re.S)
    assert len(blocks) == 1, "docs/operations.md has one production.env block"
    variables = {}
    for line in blocks[0].splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, value = line.partition("=")
            variables[name.strip()] = value.strip()
    return variables


def deploy_check(variables: dict[str, str], tmp_path) -> subprocess.CompletedProcess:
    # Only the documented variables: nothing the test run set (DJANGO_ALLOW_ASYNC_UNSAFE from the
    # browser tests, the test settings of `make pytest`) may leak into the check.
    env = {k: os.environ[k] for k in ("PATH", "HOME", "LANG", "TMPDIR") if k in os.environ}
    env.update(variables)
    # A generated key in place of the placeholder, and SQLite: the check must not need (or touch)
    # the documented PostgreSQL server.
    env["SECRET_KEY"] = secrets.token_hex(32)
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'deploy-check.sqlite3'}"
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def test_the_documented_production_block_turns_https_on():
    variables = documented_production_environment()
    assert variables["DEBUG"] == "0"
    assert variables["SECURE_SSL_REDIRECT"] == "1"
    assert int(variables["SECURE_HSTS_SECONDS"]) >= 31536000
    assert variables["SECURE_HSTS_INCLUDE_SUBDOMAINS"] == "1"


def test_the_deploy_check_is_clean_with_the_documented_production_settings(tmp_path):
    result = deploy_check(documented_production_environment(), tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_deploy_check_notices_when_https_is_left_off(tmp_path):
    variables = documented_production_environment()
    for name in ("SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_PRELOAD"):
        variables[name] = "0"
    result = deploy_check(variables, tmp_path)
    assert result.returncode != 0
    assert "security.W004" in result.stderr and "security.W008" in result.stderr
