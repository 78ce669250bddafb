"""The language switcher's target: remember the reader's choice, then go back to the page.

A plain GET link (it works without JavaScript, and the cached pages it sits on can carry no CSRF
token, which Django's POST-only ``set_language`` would need). It sets Django's language cookie and
redirects to ``next`` with ``?lang=`` set, so the page comes back in the chosen language even when
cookies are blocked; every later page without ``?lang=`` reads the cookie. ``next`` must be a path
on this site: anything else (another host, a scheme, ``//host``) goes to the home page instead, so
the switcher cannot be used as an open redirect.
"""

from urllib.parse import parse_qsl, urlsplit

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from standard_versions.translations.i18n import DJANGO_LANGUAGE, language_from_tag
from standard_versions.web.errors import allow_methods


def _safe_next(request, next_url: str) -> str:
    parts = urlsplit(next_url)
    is_local_path = next_url.startswith("/") and not parts.scheme and not parts.netloc
    if is_local_path and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return reverse("web:home")


def _with_lang(next_url: str, language: str) -> str:
    parts = urlsplit(next_url)
    rest = [pair for pair in parse_qsl(parts.query, keep_blank_values=True) if pair[0] != "lang"]
    return f"{parts.path}?{urlencode([('lang', language), *rest])}"


@allow_methods("GET")
def choose_language(request):
    next_url = _safe_next(request, request.GET.get("next", ""))
    language = language_from_tag(request.GET.get("lang"))
    if language is None:
        response = HttpResponseRedirect(next_url)
    else:
        response = HttpResponseRedirect(_with_lang(next_url, language))
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            DJANGO_LANGUAGE[language],
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    # It sets a cookie: no cache may keep it and answer someone else.
    response["Cache-Control"] = "no-store"
    return response
