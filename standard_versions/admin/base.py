"""The admin's workflow pages, shared: a form with its reason, one service call, the service's
refusal shown on the page as a message (nothing stored), success as a message on the object.

Publishers only (the same role the staff API asks for). Time is read once, on POST, and handed to
the service.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from standard_versions.errors import DomainError
from standard_versions.models import Version, VersionStatus
from standard_versions.roles import EDITORS, PUBLISHERS, has_role
from standard_versions.standards import editing
from standard_versions.translations import i18n

TEMPLATE = "admin/standard_versions/action_form.html"


def may_run_workflow(request) -> bool:
    return request.user.is_staff and has_role(request.user, PUBLISHERS)


def utc_text(moment) -> str:
    """A time of no period (a version's publication) in UTC, the zone named: "April 14, 2022,
    4:00 AM, UTC"."""
    if moment is None:
        return "-"
    return i18n.format_datetime(moment, language=i18n.current_language(), timezone="UTC")


def utc_column(field_name: str, description, *, sortable: bool = True):
    """An admin column (or read-only field) showing the time ``field_name`` as ``utc_text``, under
    ``description``; sorted by that field unless ``sortable`` is false."""

    def column(model_admin, obj) -> str:
        return utc_text(getattr(obj, field_name))

    column.__name__ = f"{field_name}_utc"
    return admin.display(description=description, ordering=field_name if sortable else None)(column)


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


class ChangeReasonForm(forms.ModelForm):
    change_reason = forms.CharField(
        label=_("Reason for the change"),
        max_length=editing.MAX_REASON_LENGTH,
        required=True,
        help_text=_("Recorded in the history with your name."),
    )


class RoleReadOnly:
    """An admin the staff of ``role`` see and nobody adds, changes or deletes through (override
    to allow)."""

    role: str

    def has_module_permission(self, request) -> bool:
        return request.user.is_staff and has_role(request.user, self.role)

    def has_view_permission(self, request, obj=None) -> bool:
        return self.has_module_permission(request)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class EditorsReadOnly(RoleReadOnly):
    role = EDITORS


class EditorsAdmin(EditorsReadOnly, SimpleHistoryAdmin):
    """Shown to editors with their history; nobody adds, changes or deletes through the form
    (the data files, the workflow pages or, in ``StaffAdmin``, services do)."""


class StaffAdmin(EditorsAdmin):
    """Editors see and edit drafts; a save is one service call; a refusal is shown on the form."""

    form = ChangeReasonForm

    def _version_of(self, obj) -> Version:
        raise NotImplementedError

    def _is_editable(self, obj) -> bool:
        return obj is None or self._version_of(obj).status == VersionStatus.DRAFT

    def has_add_permission(self, request) -> bool:
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return self.has_module_permission(request) and self._is_editable(obj)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # Reverting is a change: only on drafts, and through save_model (a service).
        if request.method == "POST":
            current = self.get_object(request, object_id)
            if current is None or not self.has_change_permission(request, current):
                raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def save_model(self, request, obj, form, change):
        try:
            saved = self.save_with_service(
                request=request,
                obj=obj,
                form=form,
                change=change,
                reason=form.cleaned_data["change_reason"],
                now=timezone.now(),
            )
        except DomainError as error:
            request._service_refused = True
            self.message_user(request, str(error.detail), level=messages.ERROR)
            return
        # The admin goes on with ``obj`` (log entry, redirect): make it the stored row.
        obj.__dict__.update(saved.__dict__)

    def save_with_service(self, *, request, obj, form, change, reason, now):
        raise NotImplementedError

    def save_related(self, request, form, formsets, change):
        if not getattr(request, "_service_refused", False):
            super().save_related(request, form, formsets, change)

    def log_change(self, request, obj, message):
        if not getattr(request, "_service_refused", False):
            return super().log_change(request, obj, message)
        return None

    def log_addition(self, request, obj, message):
        if not getattr(request, "_service_refused", False):
            return super().log_addition(request, obj, message)
        return None

    def response_change(self, request, obj):
        if getattr(request, "_service_refused", False):
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        if getattr(request, "_service_refused", False):
            return HttpResponseRedirect(request.path)
        return super().response_add(request, obj, post_url_continue)


# The staff's moderation of what the public sent (a comment, an objection).
MODERATION_FIELDS = ("moderation_state", "moderation_reason")


class PublicSubmissionAdmin(StaffAdmin):
    """What the public sent (comments, answers to responses): staff moderate and answer it
    whatever its version's state, through the services; never added here."""

    def _is_editable(self, obj) -> bool:
        return True

    def has_add_permission(self, request) -> bool:
        return False

    def moderate_if_changed(self, moderate, *, tracking_id: str, form, request, now) -> None:
        """``moderate`` (a service) the submission ``tracking_id`` with the form's moderation
        fields, if the staff changed them."""
        if set(form.changed_data) & set(MODERATION_FIELDS):
            moderate(
                tracking_id=tracking_id,
                state=form.cleaned_data["moderation_state"],
                reason=form.cleaned_data["moderation_reason"],
                user=request.user,
                now=now,
            )
