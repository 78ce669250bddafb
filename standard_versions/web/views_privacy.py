"""The privacy page, ``/privacy/``: what the consultation does with a comment and the details
sent with it, in the reader's language. Its statements follow the code (which fields the public
serializers and pages show, the staff-only exports, the throttle, the cookies); change them
together. Whom to ask is ``settings.PRIVACY_CONTACT_EMAIL``."""

import datetime as dt

from babel.dates import format_timedelta
from django.conf import settings
from django.shortcuts import render
from django.utils.html import format_html

from standard_versions.http.throttling import CommentSubmissionThrottle
from standard_versions.translations.i18n import babel_locale
from standard_versions.web.errors import allow_methods
from standard_versions.web.language import in_response_language, page_context


@allow_methods("GET")
@in_response_language
def privacy(request, *, language: str):
    email = settings.PRIVACY_CONTACT_EMAIL
    throttle = CommentSubmissionThrottle()
    _count, seconds = throttle.parse_rate(throttle.get_rate())
    context = page_context(
        request,
        language=language,
        contact_link=format_html('<a href="mailto:{}">{}</a>', email, email),
        csrf_cookie=settings.CSRF_COOKIE_NAME,
        language_cookie=settings.LANGUAGE_COOKIE_NAME,
        session_cookie=settings.SESSION_COOKIE_NAME,
        # How long the throttle keeps its count per IP address: "60 seconds", "60 segundos".
        throttle_window=format_timedelta(
            dt.timedelta(seconds=seconds), threshold=2, locale=babel_locale(language)
        ),
    )
    return render(request, "web/privacy.html", context)
