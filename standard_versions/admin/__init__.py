"""The staff admin: the Standard's content (standards.py), the workflow pages that publish and
open periods (version_actions.py, periods.py), comments (comments.py), the commenters' answers
(answers.py) and export jobs (exports.py), all on base.py.

Django's admin autodiscovery imports this package; each module registers its models."""

from standard_versions.admin import (
    answers,
    comments,
    exports,
    notifications,
    periods,
    standards,
    webhooks,
)

__all__ = ["answers", "comments", "exports", "notifications", "periods", "standards", "webhooks"]
