from django.http import JsonResponse


def healthz(request):
    """Liveness probe: a fixed small JSON body, no database. Also the benchmark's ceiling view."""
    return JsonResponse({"status": "ok"})


def not_found(request, exception=None):
    return JsonResponse({"code": "not_found", "detail": "No such page."}, status=404)


def server_error(request):
    return JsonResponse({"code": "server_error", "detail": "Internal server error."}, status=500)
