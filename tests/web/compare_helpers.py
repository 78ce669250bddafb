"""Versions for the compare-page tests, built with the authoring services (history recorded)."""

from django.contrib.auth import get_user_model
from django.utils import timezone

from standard_versions.models import PracticeArea
from standard_versions.standards import criteria as criterion_services
from standard_versions.standards import drafts as draft_services
from standard_versions.standards.selectors import version_get


def editor():
    return get_user_model().objects.get_or_create(username="editor")[0]


def draft_of_3_0(*, label: str = "4.0"):
    return draft_services.create_draft(
        based_on=version_get(standard_slug="wwc", label="3.0"),
        label=label,
        title=f"Draft {label}",
        user=editor(),
        reason="Test draft",
        now=timezone.now(),
    )


def edit(draft, code: str, **changes):
    return criterion_services.update_criterion(
        version=draft, code=code, user=editor(), reason="Test edit", now=timezone.now(), **changes
    )


def area(draft, code: str) -> PracticeArea:
    return PracticeArea.objects.get(version=draft, code=code)
