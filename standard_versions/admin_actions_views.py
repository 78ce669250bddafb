"""The admin's workflow pages, shared: a form with its reason, one service call, the service's
refusal shown on the page as a message (nothing stored), success as a message on the object.

Publishers only (the same role the staff API asks for). Time is read once, on POST, and handed to
the service.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from standard_versions import i18n
from standard_versions.errors import DomainError
from standard_versions.roles import PUBLISHERS, has_role

TEMPLATE = "admin/standard_versions/action_form.html"


def may_run_workflow(request) -> bool:
    return request.user.is_staff and has_role(request.user, PUBLISHERS)


def utc_text(moment) -> str:
    """A time of no period (a version's publication) in UTC, the zone named: "April 14, 2022,
    4:00 AM, UTC"."""
    if moment is None:
        return "-"
    return i18n.format_datetime(moment, language=i18n.current_language(), timezone="UTC")


def period_zone_text(moment, period) -> str:
    """A time of ``period`` (or of a comment in it) in the period's zone, the zone named."""
    if moment is None:
        return "-"
    return i18n.format_datetime(moment, language=i18n.current_language(), timezone=period.timezone)


@dataclass
class WorkflowStep:
    """One page: ``perform(form, now)`` calls the service and returns the success message;
    then the browser goes to ``done_url`` (or what it returns, when it is a function)."""

    title: str
    submit_label: str
    form_class: type
    perform: Callable
    done_url: str | Callable[[], str]
    original: object = None
    form_kwargs: dict = field(default_factory=dict)
    intro: str = ""
    facts: list = field(default_factory=list)
    periods: list = field(default_factory=list)


def run_step(model_admin, request, step: WorkflowStep):
    if not may_run_workflow(request):
        raise PermissionDenied
    if request.method == "POST":
        form = step.form_class(request.POST, **step.form_kwargs)
        if form.is_valid():
            try:
                message = step.perform(form, timezone.now())
            except DomainError as error:
                model_admin.message_user(request, str(error.detail), level=messages.ERROR)
            else:
                model_admin.message_user(request, message, level=messages.SUCCESS)
                done = step.done_url() if callable(step.done_url) else step.done_url
                return HttpResponseRedirect(done)
        else:
            model_admin.message_user(
                request, _("Please correct the errors below."), level=messages.ERROR
            )
    else:
        form = step.form_class(**step.form_kwargs)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": step.title,
        "subtitle": str(step.original) if step.original is not None else None,
        "original": step.original,
        "form": form,
        "submit_label": step.submit_label,
        "intro": step.intro,
        "facts": step.facts,
        "periods": step.periods,
    }
    return TemplateResponse(request, TEMPLATE, context)
