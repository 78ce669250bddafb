"""The staff admin: the Standard's content (standards.py), the workflow pages that publish and
open periods (version_actions.py, periods.py), and comments (comments.py), all on base.py.

Django's admin autodiscovery imports this package; each module registers its models."""

from standard_versions.admin import comments, notifications, periods, standards, webhooks

__all__ = ["comments", "notifications", "periods", "standards", "webhooks"]
