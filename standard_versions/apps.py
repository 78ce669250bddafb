from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StandardVersionsConfig(AppConfig):
    name = "standard_versions"
    verbose_name = _("Standard versions")
    default_auto_field = "django.db.models.BigAutoField"
