"""The site's Content-Security-Policy: django-csp's middleware, with inline styles allowed only on
the third-party pages that ship them.

The policy itself is ``CONTENT_SECURITY_POLICY`` in backend/settings.py. Scripts are ``'self'``
everywhere: no page of ours, of the Django admin or of DRF's browsable API runs inline script
(DRF's ``<script type="application/json">`` is data, which CSP does not block).
"""

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts

# The admin (Django's <style> on change lists without actions, django-simple-history's style=""
# on history pages) and DRF's browsable API (style="" attributes, Pygments' <style>) ship inline
# styles we do not write (tests/e2e/test_content_security_policy.py sees them blocked without
# this). The public pages and /api/docs/ have none, so they keep style-src 'self'.
INLINE_STYLE_PREFIXES = ("/admin/", "/api/v1/")


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(INLINE_STYLE_PREFIXES):
            update = dict(parts.update or {})
            update["style-src"] = [*update.get("style-src", ()), UNSAFE_INLINE]
            parts.update = update
        return parts
