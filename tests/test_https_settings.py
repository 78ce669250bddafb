"""HTTPS is set from the environment: the redirect to HTTPS and HSTS (seconds, subdomains, preload)
are read with the typed helpers, refuse malformed or inconsistent values at start-up, and do what
they say, except that the liveness probe is never redirected."""

import json
import os
import subprocess
import sys

import pytest

HTTPS_VARIABLES = (
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "CSP_REPORT_URI",
)
PRINT_SETTINGS = (
    "import django, json, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'backend.settings'; "
    "django.setup(); from django.conf import settings as s; print(json.dumps({"
    "'redirect': s.SECURE_SSL_REDIRECT, 'seconds': s.SECURE_HSTS_SECONDS, "
    "'subdomains': s.SECURE_HSTS_INCLUDE_SUBDOMAINS, 'preload': s.SECURE_HSTS_PRELOAD, "
    "'report_uri': s.CONTENT_SECURITY_POLICY['DIRECTIVES'].get('report-uri')}))"
)


def start_settings(**variables: str) -> subprocess.CompletedProcess:
    """Load the settings in a fresh interpreter with the HTTPS variables given and no others."""
    env = {k: v for k, v in os.environ.items() if k not in HTTPS_VARIABLES}
    env.update(variables)
    return subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS], env=env, capture_output=True, text=True
    )


def read_settings(**variables: str) -> dict:
    result = start_settings(**variables)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_https_is_off_unless_the_environment_turns_it_on():
    assert read_settings() == {
        "redirect": False,
        "seconds": 0,
        "subdomains": False,
        "preload": False,
        "report_uri": None,
    }


def test_the_redirect_hsts_and_csp_report_uri_are_read_from_the_environment():
    assert read_settings(
        SECURE_SSL_REDIRECT="1",
        SECURE_HSTS_SECONDS="31536000",
        SECURE_HSTS_INCLUDE_SUBDOMAINS="yes",
        SECURE_HSTS_PRELOAD="true",
        CSP_REPORT_URI="https://reports.example.org/csp",
    ) == {
        "redirect": True,
        "seconds": 31536000,
        "subdomains": True,
        "preload": True,
        "report_uri": ["https://reports.example.org/csp"],
    }


@pytest.mark.parametrize(
    ("variables", "named"),
    [
        ({"SECURE_SSL_REDIRECT": "sometimes"}, "SECURE_SSL_REDIRECT"),
        ({"SECURE_HSTS_SECONDS": "one year"}, "SECURE_HSTS_SECONDS"),
        ({"SECURE_HSTS_SECONDS": "-1"}, "SECURE_HSTS_SECONDS"),
        ({"SECURE_HSTS_PRELOAD": "1", "SECURE_HSTS_SECONDS": "31536000"}, "SECURE_HSTS_PRELOAD"),
        (
            {"SECURE_HSTS_PRELOAD": "1", "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1"},
            "SECURE_HSTS_PRELOAD",
        ),
        ({"CSP_REPORT_URI": "/csp; script-src *"}, "CSP_REPORT_URI"),
    ],
)
def test_a_malformed_or_inconsistent_https_setting_refuses_to_start(variables, named):
    result = start_settings(**variables)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and named in result.stderr


@pytest.fixture
def https_on(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True


@pytest.mark.django_db
def test_a_plain_http_request_is_redirected_to_https(https_on, client):
    response = client.get("/standards/wwc/versions/3.0/?lang=es")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/standards/wwc/versions/3.0/?lang=es"


def test_the_liveness_probe_answers_over_plain_http(https_on, client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_https_behind_the_proxy_is_served_with_hsts(https_on, client, shipped_data):
    response = client.get("/standards/wwc/versions/3.0/", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
