import logging

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from backend import readiness
from standard_versions.web.errors import not_found_page

logger = logging.getLogger(__name__)


@require_safe
def healthz(request):
    """Liveness probe: a fixed small JSON body, no database. Also the benchmark's ceiling view."""
    return JsonResponse({"status": "ok"})


@require_safe
def readyz(request):
    """Readiness probe: each dependency checked now. 503 when the database does not answer (this
    worker cannot serve); 200 "degraded" when only Redis does not (pages and the API are served
    uncached and throttles count per process) or a read replica does not (its reads go to the
    primary); never cached."""
    checks = {"database": readiness.database(), "cache": readiness.cache()}
    if settings.DATABASE_REPLICAS:
        checks["replicas"] = readiness.replicas()
    replicas_ok = all(check["ok"] for check in checks.get("replicas", {}).values())
    if not checks["database"]["ok"]:
        status, code = "unavailable", 503
    elif not checks["cache"]["ok"] or not replicas_ok:
        status, code = "degraded", 200
    else:
        status, code = "ready", 200
    response = JsonResponse({"status": status, "checks": checks}, status=code)
    response["Cache-Control"] = "no-store"
    return response


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def not_found(request, exception=None):
    if _is_api(request):
        return JsonResponse({"code": "not_found", "detail": str(_("No such page."))}, status=404)
    return not_found_page(request, exception)


# Shown when rendering the friendly page fails too: the handler of last resort must not raise.
_PLAIN_SERVER_ERROR = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Server error</title>'
    "</head><body><h1>Server error</h1><p>Something went wrong on our side. Please try again "
    "later.</p></body></html>"
)


def server_error(request):
    if _is_api(request):
        return JsonResponse(
            {"code": "server_error", "detail": str(_("Internal server error."))}, status=500
        )
    try:
        html = render_to_string("web/500.html")
    except Exception:
        logger.exception("The server error page could not be rendered")
        html = _PLAIN_SERVER_ERROR
    return HttpResponse(html, status=500)
