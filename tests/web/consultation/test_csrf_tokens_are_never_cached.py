"""The consultation page is cached, but no cached body ever holds a CSRF token: it is rendered
without the request, with one placeholder per POST form that only ``fill_tokens`` fills. So each
response's forms carry that browser's own token, and a template edit that drops the placeholder
from a form or writes a token input of its own fails at once."""

import re

import pytest
from django.core.cache import cache
from django.test import Client

from standard_versions.models import Comment
from standard_versions.web import caching_consultation, views_consultation
from standard_versions.web.caching_consultation import (
    CSRF_FIELD_SENTINEL,
    UnsafeCachedPage,
    split_at_sentinels,
)
from tests.web.consultation.conftest import form_fields, page_url

pytestmark = pytest.mark.django_db

POST_FORM = re.compile(r'<form [^>]*method="post"[^>]*>.*?</form>', re.S)


class _RecordingCache:
    """The cache, recording what the view stores in it."""

    def __init__(self):
        self.stored = []

    def get(self, key, default=None):
        return cache.get(key, default)

    def set(self, key, value, timeout=None):
        self.stored.append(value)
        cache.set(key, value, timeout)


def _tokens(html: str) -> list[str]:
    forms = POST_FORM.findall(html)
    assert forms
    tokens = []
    for form in forms:
        found = re.findall(r'name="csrfmiddlewaretoken" value="([^"]*)"', form)
        assert len(found) == 1, "every POST form carries exactly one CSRF token"
        tokens.append(found[0])
    return tokens


def test_two_browsers_get_their_own_tokens_and_the_cached_body_holds_none(open_period, monkeypatch):
    recording = _RecordingCache()
    monkeypatch.setattr(views_consultation, "cache", recording)
    url = page_url(open_period) + "?comment=A0.0"
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_html = first.get(url).content.decode()
    second_html = second.get(url).content.decode()  # from the cache
    assert len(recording.stored) == 1

    cached = b"".join(recording.stored[0]).decode()
    assert "csrfmiddlewaretoken" not in cached
    assert cached.count(CSRF_FIELD_SENTINEL) == len(POST_FORM.findall(first_html)) >= 2
    for browser in (first, second):
        assert browser.cookies["csrftoken"].value not in cached

    first_tokens, second_tokens = _tokens(first_html), _tokens(second_html)
    assert set(first_tokens).isdisjoint(second_tokens)
    # Each browser's token is valid for that browser, and only for it.
    stolen = {**form_fields(first_html, "comment-A0.0"), "body": "With a stolen token"}
    assert second.post(page_url(open_period), stolen).status_code == 403
    for browser, html in ((first, first_html), (second, second_html)):
        for prefix in ("comment-A0.0", "comment-version"):
            fields = {**form_fields(html, prefix), "body": f"From {prefix}"}
            assert browser.post(page_url(open_period), fields).status_code == 303
    assert Comment.objects.count() == 4


def test_a_post_form_without_the_placeholder_is_never_cached():
    html = '<form method="post" action="/x/"><input name="body"></form>'
    with pytest.raises(UnsafeCachedPage):
        split_at_sentinels(html)


def test_a_token_input_of_its_own_is_never_cached():
    baked = '<input type="hidden" name="csrfmiddlewaretoken" value="abc">'
    with pytest.raises(UnsafeCachedPage):
        split_at_sentinels(f'<form method="post">{CSRF_FIELD_SENTINEL}{baked}</form>')


def test_the_placeholder_is_filled_with_a_hidden_input_of_the_given_token():
    pieces = split_at_sentinels(f'<form method="post">{CSRF_FIELD_SENTINEL}</form>')
    token = "a" * 64
    html = caching_consultation.fill_tokens(pieces, csrf_token=token, time_left="").decode()
    field = f'<input type="hidden" name="csrfmiddlewaretoken" value="{token}">'
    assert html == f'<form method="post">{field}</form>'
    with pytest.raises(ValueError):
        caching_consultation.fill_tokens(pieces, csrf_token='"><script>', time_left="")
