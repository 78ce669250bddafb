"""The development env file `make run` writes (.env.local): read when present, never over the real
environment, and never in production (DEBUG=0 in the environment) or by `make test`."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from backend.env import read_env_file, write_local_env_file

ROOT = Path(__file__).resolve().parents[1]
PRINT_SETTINGS = (
    "import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'backend.settings'; import django; "
    "django.setup(); from django.conf import settings; "
    "print(settings.DEBUG, settings.SECRET_KEY, settings.LOCAL_ENV_FILE_READ)"
)
CLEARED = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "SECURE_COOKIES", "LOCAL_ENV_FILE"}


def _settings(local_file: Path, **environment) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in CLEARED}
    env.update(LOCAL_ENV_FILE=str(local_file), **environment)
    return subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS], env=env, cwd=ROOT, capture_output=True, text=True
    )


@pytest.fixture
def local_file(tmp_path) -> Path:
    path = tmp_path / ".env.local"
    assert write_local_env_file(path)
    return path


def test_with_the_local_file_a_command_runs_without_exporting_anything(local_file):
    result = _settings(local_file)
    assert result.returncode == 0, result.stderr
    debug, key, read = result.stdout.split()
    assert (debug, read) == ("True", "True")
    assert key == read_env_file(local_file)["SECRET_KEY"]


def test_a_real_environment_variable_wins_over_the_file(local_file):
    result = _settings(local_file, SECRET_KEY="from-the-real-environment-0123456789")
    assert result.stdout.split()[:2] == ["True", "from-the-real-environment-0123456789"]


def test_production_without_a_secret_key_still_refuses_to_start_beside_a_local_file(local_file):
    result = _settings(local_file, DEBUG="0", ALLOWED_HOSTS="standard.example.org")
    assert result.returncode != 0
    assert "ImproperlyConfigured: Environment variable SECRET_KEY is required." in result.stderr


def test_without_a_local_file_and_without_a_secret_key_settings_refuse_to_start(tmp_path):
    result = _settings(tmp_path / "absent.env")
    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr


def test_the_file_is_written_once_with_a_new_key_readable_only_by_its_owner(tmp_path):
    first, second = tmp_path / "a.env", tmp_path / "b.env"
    assert write_local_env_file(first) and write_local_env_file(second)
    values = read_env_file(first)
    assert values["DEBUG"] == "1" and len(values["SECRET_KEY"]) >= 50
    assert values["SECRET_KEY"] != read_env_file(second)["SECRET_KEY"]
    assert first.stat().st_mode & 0o777 == 0o600
    first.write_text("DEBUG=1\nSECRET_KEY=kept-as-the-developer-left-it\n")
    assert not write_local_env_file(first)
    assert read_env_file(first)["SECRET_KEY"] == "kept-as-the-developer-left-it"


def test_a_malformed_line_fails_naming_the_file_and_line(tmp_path):
    path = tmp_path / "bad.env"
    path.write_text("# comment\n\nDEBUG=1\nthis is not a setting\n")
    with pytest.raises(ImproperlyConfigured, match=r"bad.env:4: expected NAME=value"):
        read_env_file(path)


def test_quoted_values_lose_their_quotes(tmp_path):
    path = tmp_path / "quoted.env"
    path.write_text("A='one two'\nB=\"three\"\nC=plain=with=equals\n")
    assert read_env_file(path) == {"A": "one two", "B": "three", "C": "plain=with=equals"}


def test_the_local_file_is_git_ignored():
    assert ".env.local" in (ROOT / ".gitignore").read_text().splitlines()
