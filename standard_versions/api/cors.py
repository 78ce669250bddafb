"""Which requests get CORS headers (django-cors-headers asks through ``check_request_enabled``).

A browser on any origin (a city's portal) may read what anyone may read: GET, HEAD and OPTIONS,
and preflights asking for them, on /api/v1/ views whose permissions let an anonymous reader do
that method. Everything else gets no CORS headers, so a browser refuses to let another origin read
the answer or send the request: every write (including the anonymous comment submission, whose
JSON body needs a preflight) and the staff-only reads (moderation, campaigns, export).

The decision follows the view's own permission classes, so a new staff-only view is never opened
to other origins by mistake. Cross-origin reads are anonymous anyway (``*`` is never sent with
cookies and ``Authorization`` is not an allowed header), so this only makes explicit what they
could see.
"""

from functools import cache, lru_cache
from types import SimpleNamespace

from corsheaders.signals import check_request_enabled
from django.contrib.auth.models import AnonymousUser
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import Resolver404, resolve

API_PREFIX = "/api/v1/"
READ_METHODS = ("GET", "HEAD", "OPTIONS")


@receiver(check_request_enabled, dispatch_uid="standard_versions.api.cors")
def allow_public_reads(sender, request, **kwargs) -> bool:
    return is_public_read(request)


def is_public_read(request) -> bool:
    if not request.path_info.startswith(API_PREFIX):
        return False
    method = request.method
    if method == "OPTIONS" and "access-control-request-method" in request.headers:
        # A preflight: the question is about the method the page wants to send.
        method = request.headers["access-control-request-method"].strip().upper()
    return method in READ_METHODS and _public_read(request.path_info, method)


# Resolving costs tens of microseconds, a noticeable share of a 304 revalidation; API clients
# read a bounded set of paths, so the answer is remembered per path.
@lru_cache(maxsize=4096)
def _public_read(path: str, method: str) -> bool:
    try:
        match = resolve(path)
    except Resolver404:
        return False
    view_class = getattr(match.func, "view_class", None)
    return view_class is not None and _anyone_may(view_class, method)


@receiver(setting_changed, dispatch_uid="standard_versions.api.cors.urlconf")
def _forget_paths(sender, setting, **kwargs):
    if setting == "ROOT_URLCONF":
        _public_read.cache_clear()


@cache
def _anyone_may(view_class, method: str) -> bool:
    """Whether an anonymous reader passes every permission of the view for ``method``, on a view
    that reads at all (a POST-only action URL is not a public read because GET is safe)."""
    if not hasattr(view_class, "get"):
        return False
    view = view_class()
    anonymous = SimpleNamespace(method=method, user=AnonymousUser(), auth=None)
    return all(permission.has_permission(anonymous, view) for permission in view.get_permissions())
