"""Typed readers for environment variables, and the local development env file.

Each helper returns a value of one type or raises ImproperlyConfigured naming the variable, so a
typo in a deployment fails at start-up instead of running with a silently wrong setting.

``make run`` writes ``.env.local`` once (``python -m backend.env PATH``): DEBUG=1 and a generated
SECRET_KEY, so that every ``manage.py`` command of the docs works as written in this checkout.
Its values fill in only what the environment does not set, and when the environment says DEBUG
is off the file is not read at all: production, and ``make test``, never pick it up.
"""

import os
import secrets
import sys
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured, ValidationError

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}
_UNSET = object()

# Values from the local env file, consulted after the real environment.
_local: dict[str, str] = {}


def _raw(name: str) -> str | None:
    value = os.environ.get(name, _local.get(name))
    return None if value is None else value.strip()


def read_env_file(path: Path) -> dict[str, str]:
    """``NAME=value`` lines; blank lines and ``#`` comments are skipped. A line that is neither
    fails with its file and line number, like any other malformed setting."""
    values = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, equals, value = line.partition("=")
        name = name.strip()
        if not equals or not name.isidentifier():
            raise ImproperlyConfigured(f"{path}:{number}: expected NAME=value, got {line!r}.")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[name] = value
    return values


def use_local_env_file(path: Path) -> bool:
    """Read the development env file if it exists and the environment does not turn DEBUG off;
    returns whether it was read. Real environment variables always win over it."""
    _local.clear()
    debug = os.environ.get("DEBUG")
    if debug is not None and debug.strip().lower() in _FALSE:
        return False
    if not path.is_file():
        return False
    _local.update(read_env_file(path))
    return True


LOCAL_ENV_TEMPLATE = """\
# Development settings of this checkout, written once by `make run` (git-ignored; delete the file
# for a new key). backend/settings.py reads it when it exists. A variable set in the environment
# wins over this file, and with DEBUG=0 in the environment the file is not read at all, so a
# production deployment never runs with this key.
DEBUG=1
SECRET_KEY={secret_key}
# Used only with DEBUG=0 here (to see the site as production shows it, e.g. the error pages):
ALLOWED_HOSTS=127.0.0.1,localhost
SECURE_COOKIES=0
"""


def write_local_env_file(path: Path) -> bool:
    """Write the development env file with a new random key, unless it exists already; returns
    whether it was written. Readable by its owner only: it holds a secret."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(LOCAL_ENV_TEMPLATE.format(secret_key=secrets.token_urlsafe(50)))
    return True


def env_str(name: str, default: str | object = _UNSET) -> str:
    value = _raw(name)
    if value is None or value == "":
        if default is _UNSET:
            raise ImproperlyConfigured(f"Environment variable {name} is required.")
        return default  # type: ignore[return-value]
    return value


def env_bool(name: str, default: bool) -> bool:
    value = _raw(name)
    if value is None:
        return default
    lowered = value.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean (use 1/0, true/false, yes/no).")


def env_int(
    name: str, default: int, *, minimum: int | None = None, maximum: int | None = None
) -> int:
    value = _raw(name)
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not an integer.") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name}={number} must be at least {minimum}.")
    if maximum is not None and number > maximum:
        raise ImproperlyConfigured(f"{name}={number} must be at most {maximum}.")
    return number


def env_list(name: str, default: list[str]) -> list[str]:
    value = _raw(name)
    if value is None or value == "":
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_rate(name: str, default: str) -> str:
    """A DRF throttle rate such as ``20/min``."""
    value = env_str(name, default)
    count, _, period = value.partition("/")
    if not count.isdigit() or not period or period[0] not in "smhd":
        raise ImproperlyConfigured(
            f"{name}={value!r} is not a rate like '20/min' (count/second|minute|hour|day)."
        )
    return value


def env_email(name: str, default: str) -> str:
    """An email address."""
    from django.core.validators import validate_email

    value = env_str(name, default)
    try:
        validate_email(value)
    except ValidationError:
        raise ImproperlyConfigured(f"{name}={value!r} is not an email address.") from None
    return value


def env_http_url(name: str, default: str) -> str:
    """An absolute http(s) URL, without a trailing slash."""
    value = env_str(name, default).rstrip("/")
    if not value.startswith(("http://", "https://")):
        raise ImproperlyConfigured(f"{name}={value!r} is not an http(s) URL.")
    return value


def env_database(name: str, default: str) -> dict:
    """Django's DATABASES entry for a database URL (dj-database-url), persistent connections kept
    ten minutes and health-checked; SQLite in WAL mode, its writers queueing."""
    import dj_database_url

    try:
        database = dj_database_url.parse(
            env_str(name, default), conn_max_age=600, conn_health_checks=True
        )
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} is not a database URL: {error}") from None
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database["OPTIONS"] = {
            # WAL lets readers run while one writer writes; IMMEDIATE takes the write lock at
            # BEGIN so two writers queue instead of failing with "database is locked" on upgrade.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    return database


def env_mail(name: str) -> dict | None:
    """Django's EMAIL_* settings for a mail URL (dj-email-url), or None when it is not set."""
    import dj_email_url

    if not (value := env_str(name, "")):
        return None
    try:
        mail = dj_email_url.parse(value)
    except (ValueError, KeyError) as error:
        raise ImproperlyConfigured(f"{name} is not a mail URL: {error}") from None
    if mail.get("EMAIL_BACKEND") is None:
        # dj-email-url leaves the backend unset for a scheme it does not know; Django would then
        # fail at the first message, long after start-up.
        scheme = value.partition(":")[0]
        raise ImproperlyConfigured(f"{name} is not a mail URL: no mail backend for {scheme!r}.")
    return mail


if __name__ == "__main__":
    # `python -m backend.env .env.local`: what `make run` runs when the file is missing.
    target = Path(sys.argv[1] if len(sys.argv) > 1 else ".env.local")
    if write_local_env_file(target):
        print(f"{target}: written (DEBUG=1 and a new SECRET_KEY for this checkout)")
    else:
        print(f"{target}: exists, left as it is")
