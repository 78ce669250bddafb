from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StandardVersionsConfig(AppConfig):
    name = "standard_versions"
    verbose_name = _("Standard versions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Registers the receiver that tells django-cors-headers which requests are public reads.
        from standard_versions.api import cors  # noqa: F401
