"""Where the comment POST's fast path (``submission_fast_path``) is reached: a middleware, just
after the reader's language is chosen, rather than the view's ``dispatch``.

From there a plain submission skips what it does not need: URL resolution and the view's
wrappers, and the middleware below this one in ``MIDDLEWARE`` (Django's common, CSRF,
authentication, messages, clickjacking, simple-history's request), which do nothing for it. An
anonymous JSON POST without a session cookie has no CSRF check (the DRF view is exempt and
authenticates nobody), an anonymous user (set here, for the throttle), no messages and nothing
for history to attribute. Their effect on its answer is three headers, written here:
``X-Frame-Options`` (the clickjacking middleware), ``Content-Length`` (the common middleware) and
``Vary: Cookie`` (the session middleware's, because authentication looked for a session).
Everything above this one (load shedding, security headers, the body limit, compression, CORS,
CSP, the session and language middleware) runs as for any request.
``tests/comments/test_the_submission_fast_path_answers_as_drf_does.py`` compares every header and
the body with what the DRF view answers, through the whole stack.

The path is the URLconf's own (``comment-period-comments``, its converter's pattern), read once.
"""

import functools
import re

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.urls import get_resolver
from django.utils.cache import patch_vary_headers

from standard_versions.api import submission_fast_path
from standard_versions.api.views_comments import CommentPeriodCommentsView
from standard_versions.http.converters_comments import PeriodIdConverter

_SENTINEL = 918273645


@functools.cache
def _submission_path() -> re.Pattern:
    """``/api/v1/comment-periods/(<id>)/comments/`` as the URLconf spells it (without the script
    prefix, as ``path_info`` is)."""
    path = get_resolver().reverse("comment-period-comments", period_id=_SENTINEL)
    before, after = path.split(str(_SENTINEL))
    return re.compile(f"/{re.escape(before)}({PeriodIdConverter.regex}){re.escape(after)}")


class SubmissionFastPathMiddleware:
    """Answers a plain comment submission with ``submission_fast_path.answer``; hands every other
    request, and a submission the fast path declines, to the rest of the stack unchanged."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and CommentPeriodCommentsView.fast_path:
            match = _submission_path().fullmatch(request.path_info)
            if match is not None:
                period_id = PeriodIdConverter().to_python(match[1])
                view = CommentPeriodCommentsView()
                view.setup(request, period_id=period_id)
                # The fast path takes no request with a session cookie or credentials.
                request.user = AnonymousUser()
                response = submission_fast_path.answer(view, request, period_id)
                if response is not None:
                    patch_vary_headers(response, ("Cookie",))
                    response.headers.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
                    response.headers["Content-Length"] = str(len(response.content))
                    return response
        return self.get_response(request)
