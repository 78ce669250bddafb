from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from backend.views import healthz, readyz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("admin/", admin.site.urls),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves its init script from /api/docs/?script= instead of inline, so the
    # docs page needs no 'unsafe-inline' script; the template moves the inline style to a file.
    path(
        "api/docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="schema", template_name="api_docs/swagger_ui.html"
        ),
        name="api-docs",
    ),
    path("api/v1/", include("standard_versions.api.urls")),
    path("", include("standard_versions.web.urls")),
]

handler404 = "backend.views.not_found"
handler500 = "backend.views.server_error"
