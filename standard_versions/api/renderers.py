"""The browsable API (``Accept: text/html``) for views that read through selectors."""

from rest_framework import renderers


class BrowsableAPIRenderer(renderers.BrowsableAPIRenderer):
    """DRF's browsable API without the filter form. To draw that form DRF calls every list view's
    ``get_queryset()``, which our views do not have (they read through selectors, with pinned
    query counts), so the page crashed; none of them filters through DRF's filter backends, so
    there is no form to draw."""

    def get_filter_form(self, data, view, request):
        if not getattr(view, "filter_backends", None):
            return None
        return super().get_filter_form(data, view, request)
