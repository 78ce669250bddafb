"""Settings read from the environment fail loudly on bad values."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from backend.env import (
    env_bool,
    env_database,
    env_email,
    env_http_url,
    env_int,
    env_list,
    env_mail,
    env_rate,
    env_str,
)


def test_a_required_variable_that_is_missing_fails(monkeypatch):
    monkeypatch.delenv("SOME_REQUIRED", raising=False)
    with pytest.raises(ImproperlyConfigured, match="SOME_REQUIRED"):
        env_str("SOME_REQUIRED")


@pytest.mark.parametrize("value", ["maybe", "2", "yess"])
def test_a_boolean_that_is_not_one_fails(monkeypatch, value):
    monkeypatch.setenv("FLAG", value)
    with pytest.raises(ImproperlyConfigured, match="FLAG"):
        env_bool("FLAG", False)


@pytest.mark.parametrize(("value", "expected"), [("1", True), ("off", False), ("TRUE", True)])
def test_booleans_are_read(monkeypatch, value, expected):
    monkeypatch.setenv("FLAG", value)
    assert env_bool("FLAG", not expected) is expected


def test_integers_are_checked(monkeypatch):
    monkeypatch.setenv("N", "12x")
    with pytest.raises(ImproperlyConfigured, match="N"):
        env_int("N", 1)
    monkeypatch.setenv("N", "3")
    with pytest.raises(ImproperlyConfigured, match="at least 10"):
        env_int("N", 1, minimum=10)
    monkeypatch.setenv("N", "24")
    with pytest.raises(ImproperlyConfigured, match="N=24 must be at most 23"):
        env_int("N", 1, minimum=0, maximum=23)
    monkeypatch.setenv("N", "23")
    assert env_int("N", 1, minimum=0, maximum=23) == 23


def test_lists_are_split_on_commas(monkeypatch):
    monkeypatch.setenv("HOSTS", "a.org, b.org,,")
    assert env_list("HOSTS", []) == ["a.org", "b.org"]


@pytest.mark.parametrize("value", ["20", "20/", "x/min", "20/fortnight"])
def test_a_bad_throttle_rate_fails(monkeypatch, value):
    monkeypatch.setenv("RATE", value)
    with pytest.raises(ImproperlyConfigured, match="RATE"):
        env_rate("RATE", "1/min")


@pytest.mark.parametrize("value", ["nobody", "a@", "two@example.org three@example.org"])
def test_an_address_that_is_not_one_fails(monkeypatch, value):
    monkeypatch.setenv("CONTACT", value)
    with pytest.raises(ImproperlyConfigured, match=r"CONTACT=.* is not an email address"):
        env_email("CONTACT", "privacy@example.org")


def test_a_public_url_is_http_and_loses_its_trailing_slash(monkeypatch):
    monkeypatch.setenv("BASE", "https://standard.example.org/")
    assert env_http_url("BASE", "http://127.0.0.1") == "https://standard.example.org"
    monkeypatch.setenv("BASE", "standard.example.org")
    with pytest.raises(ImproperlyConfigured, match=r"BASE=.* is not an http"):
        env_http_url("BASE", "http://127.0.0.1")


def test_a_sqlite_database_runs_in_wal_mode_with_its_writers_queueing(monkeypatch):
    monkeypatch.setenv("DB", "sqlite:////tmp/standard.sqlite3")
    database = env_database("DB", "sqlite://:memory:")
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in database["OPTIONS"]["init_command"]
    monkeypatch.setenv("DB", "postgres://wwc@db.example.org:5432/wwc")
    database = env_database("DB", "sqlite://:memory:")
    assert (database["NAME"], database["CONN_MAX_AGE"]) == ("wwc", 600)
    assert "OPTIONS" not in database or "transaction_mode" not in database["OPTIONS"]
    monkeypatch.setenv("DB", "nonsense://x")
    with pytest.raises(ImproperlyConfigured, match="DB is not a database URL"):
        env_database("DB", "sqlite://:memory:")


def test_a_mail_url_is_read_and_a_bad_one_fails(monkeypatch):
    monkeypatch.delenv("MAIL", raising=False)
    assert env_mail("MAIL") is None
    monkeypatch.setenv("MAIL", "smtp://user:secret@mail.example.org:587/?tls=True")
    mail = env_mail("MAIL")
    assert (mail["EMAIL_HOST"], mail["EMAIL_PORT"], mail["EMAIL_USE_TLS"]) == (
        "mail.example.org",
        587,
        True,
    )
    monkeypatch.setenv("MAIL", "carrier-pigeon://loft")
    with pytest.raises(ImproperlyConfigured, match="MAIL is not a mail URL"):
        env_mail("MAIL")


def test_settings_refuse_to_start_without_a_secret_key_when_debug_is_off():
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    env["DEBUG"] = "0"
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, os; os.environ['DJANGO_SETTINGS_MODULE']="
            "'backend.settings'; django.setup()",
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_every_password_validator_the_settings_name_loads():
    from django.contrib.auth.password_validation import get_default_password_validators

    names = {type(validator).__name__ for validator in get_default_password_validators()}
    assert names == {
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    }
