"""Staff admin: versions, practice areas and criteria with their simple-history history.

Saves go through ``services.authoring`` (the same rules, history and revision bumps as the API),
with the reason asked on the form. Everything of a version that is no longer a draft is read-only.
Publishers publish and withdraw drafts here (admin_actions_versions.py) and open, extend, close
and reopen comment periods (admin_periods.py). Removing criteria and practice areas is left to
the API, where a reason is asked for. Comments are moderated and answered here too
(admin_comments.py). Times are shown with their zone named: a period's in its own zone, a
version's in UTC.
"""

import datetime as dt

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from standard_versions.admin_actions_versions import VersionWorkflowMixin
from standard_versions.admin_actions_views import utc_text
from standard_versions.errors import DomainError
from standard_versions.models import Criterion, PracticeArea, Standard, Version, VersionStatus
from standard_versions.roles import EDITORS, has_role
from standard_versions.services import authoring

# The admin is the Standard's: its name in the header, the browser's title and the index.
admin.site.site_header = _("WWC Certification Standard")
admin.site.site_title = _("WWC Certification Standard")
admin.site.index_title = _("Staff administration of the Standard")


class ChangeReasonForm(forms.ModelForm):
    change_reason = forms.CharField(
        label=_("Reason for the change"),
        max_length=authoring.MAX_REASON_LENGTH,
        required=True,
        help_text=_("Recorded in the history with your name."),
    )


class _StaffAdmin(SimpleHistoryAdmin):
    """Editors see and edit drafts; a save is one service call; a refusal is shown on the form."""

    form = ChangeReasonForm

    def _version_of(self, obj) -> Version:
        raise NotImplementedError

    def _is_editable(self, obj) -> bool:
        return obj is None or self._version_of(obj).status == VersionStatus.DRAFT

    def has_module_permission(self, request) -> bool:
        return request.user.is_staff and has_role(request.user, EDITORS)

    def has_view_permission(self, request, obj=None) -> bool:
        return self.has_module_permission(request)

    def has_add_permission(self, request) -> bool:
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return self.has_module_permission(request) and self._is_editable(obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

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


@admin.register(Standard)
class StandardAdmin(SimpleHistoryAdmin):
    """Standards come from the shipped data files; the admin shows them and their history."""

    list_display = ("slug", "name")
    fields = readonly_fields = ("slug", "name", "description", "created_at_utc")

    @admin.display(description=_("created at"))
    def created_at_utc(self, standard: Standard) -> str:
        return utc_text(standard.created_at)

    def has_module_permission(self, request) -> bool:
        return request.user.is_staff and has_role(request.user, EDITORS)

    def has_view_permission(self, request, obj=None) -> bool:
        return self.has_module_permission(request)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class VersionAddForm(ChangeReasonForm):
    based_on = forms.ModelChoiceField(
        queryset=Version.objects.select_related("standard"),
        required=True,
        label=_("Draft from"),
        help_text=_("The new draft holds a copy of this version."),
    )

    class Meta:
        model = Version
        fields = ("label", "title", "based_on")


@admin.register(Version)
class VersionAdmin(VersionWorkflowMixin, _StaffAdmin):
    list_display = ("__str__", "title", "status", "published_at_utc", "effective_from", "revision")
    list_filter = ("standard", "status")
    list_select_related = ("standard",)
    search_fields = ("label", "title")
    change_form_template = "admin/standard_versions/version/change_form.html"
    object_history_template = "admin/standard_versions/object_history.html"

    @admin.display(description=_("published at"), ordering="published_at")
    def published_at_utc(self, version: Version) -> str:
        return utc_text(version.published_at)

    @admin.display(description=_("created at"))
    def created_at_utc(self, version: Version) -> str:
        return utc_text(version.created_at)

    @admin.display(description=_("updated at"))
    def updated_at_utc(self, version: Version) -> str:
        return utc_text(version.updated_at)

    def history_view(self, request, object_id, extra_context=None):
        # simple-history renders at once, in the active zone (UTC): say so.
        extra = {**(extra_context or {}), "times_note": _("Time zone: %(zone)s.") % {"zone": "UTC"}}
        with timezone.override(dt.UTC):
            return super().history_view(request, object_id, extra)

    def _version_of(self, obj):
        return obj

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = VersionAddForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ("label", "title", "based_on", "change_reason")
        fields = [
            "standard",
            "label",
            "status",
            "based_on",
            "title",
            "provenance",
            "effective_from",
            "published_at_utc",
            "min_outcome_areas",
            "revision",
            "created_at_utc",
            "updated_at_utc",
        ]
        if self._is_editable(obj):
            fields.append("change_reason")
        return fields

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        readonly = (
            "standard",
            "label",
            "status",
            "based_on",
            "published_at_utc",
            "revision",
            "min_outcome_areas",
            "created_at_utc",
            "updated_at_utc",
        )
        if not self._is_editable(obj):
            readonly = (*readonly, "title", "provenance", "effective_from")
        return readonly

    def save_with_service(self, *, request, obj, form, change, reason, now):
        if not change:
            return authoring.create_draft(
                based_on=form.cleaned_data["based_on"],
                label=obj.label,
                title=obj.title,
                user=request.user,
                reason=reason,
                now=now,
            )
        return authoring.update_version(
            version=Version.objects.select_related("standard").get(pk=obj.pk),
            user=request.user,
            reason=reason,
            now=now,
            **{
                name: form.cleaned_data[name]
                for name in form.changed_data
                if name in ("title", "provenance", "effective_from")
            },
        )


@admin.register(PracticeArea)
class PracticeAreaAdmin(_StaffAdmin):
    list_display = ("code", "name", "version", "position")
    list_filter = ("version__standard", "version")
    list_select_related = ("version__standard",)
    search_fields = ("code", "name", "key")

    def _version_of(self, obj):
        return obj.version

    def get_fields(self, request, obj=None):
        fields = ["version", "key", "code", "name", "description", "position"]
        if self._is_editable(obj):
            fields.append("change_reason")
        return fields

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        if not self._is_editable(obj):
            return ("version", "key", "code", "name", "description", "position")
        return ("version", "key")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "version":
            kwargs["queryset"] = Version.objects.filter(status=VersionStatus.DRAFT)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_with_service(self, *, request, obj, form, change, reason, now):
        data = form.cleaned_data
        if not change:
            return authoring.add_practice_area(
                version=Version.objects.select_related("standard").get(pk=data["version"].pk),
                code=data["code"],
                name=data["name"],
                description=data.get("description", ""),
                position=data.get("position"),
                key=data.get("key") or None,
                user=request.user,
                reason=reason,
                now=now,
            )
        changed = {name: data[name] for name in form.changed_data if name in data}
        if "code" in changed:
            changed["new_code"] = changed.pop("code")
        changed.pop("change_reason", None)
        return authoring.update_practice_area(
            version=Version.objects.select_related("standard").get(pk=obj.version_id),
            code=form.initial["code"],
            user=request.user,
            reason=reason,
            now=now,
            **changed,
        )


@admin.register(Criterion)
class CriterionAdmin(_StaffAdmin):
    list_display = ("code", "title", "version", "practice_area", "is_core", "revision")
    list_filter = ("version__standard", "version", "is_core")
    list_select_related = ("version__standard", "practice_area")
    search_fields = ("code", "title", "key")

    def _version_of(self, obj):
        return obj.version

    def get_fields(self, request, obj=None):
        fields = ["practice_area", "code", "title", "description", "position", "is_core"]
        if obj is None:
            return [*fields, "key", "change_reason"]
        fields = ["version", "key", *fields, "revision"]
        if self._is_editable(obj):
            fields.append("change_reason")
        return fields

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        if not self._is_editable(obj):
            return (
                "version",
                "key",
                "practice_area",
                "code",
                "title",
                "description",
                "position",
                "is_core",
                "revision",
            )
        return ("version", "key", "revision")

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if "practice_area" in form.base_fields:
            areas = PracticeArea.objects.filter(version__status=VersionStatus.DRAFT)
            if obj is not None:
                areas = areas.filter(version_id=obj.version_id)
            form.base_fields["practice_area"].queryset = areas.select_related("version__standard")
        if "key" in form.base_fields:
            form.base_fields["key"].required = False
            form.base_fields["key"].help_text = _("Leave empty for a new key.")
        return form

    def save_with_service(self, *, request, obj, form, change, reason, now):
        data = form.cleaned_data
        if not change:
            area = data["practice_area"]
            return authoring.add_criterion(
                version=Version.objects.select_related("standard").get(pk=area.version_id),
                practice_area=area,
                code=data["code"],
                title=data["title"],
                description=data["description"],
                position=data.get("position"),
                is_core=data.get("is_core", False),
                key=data.get("key") or None,
                user=request.user,
                reason=reason,
                now=now,
            )
        fields = ("title", "description", "code", "practice_area", "position", "is_core")
        changed = {name: data[name] for name in form.changed_data if name in fields}
        if "code" in changed:
            changed["new_code"] = changed.pop("code")
        return authoring.update_criterion(
            version=Version.objects.select_related("standard").get(pk=obj.version_id),
            code=form.initial["code"],
            user=request.user,
            reason=reason,
            now=now,
            **changed,
        )


# Registered by import: comments have their own module (admin_comments.py), built on _StaffAdmin;
# comment periods are shown, read-only, by admin_periods.py.
from standard_versions import admin_comments, admin_periods  # noqa: E402, F401
