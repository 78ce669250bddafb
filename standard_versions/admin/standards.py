"""Staff admin: versions, practice areas and criteria with their simple-history history.

Saves go through the authoring services of ``standards/`` (the same rules, history and revision
bumps as the API), with the reason asked on the form. Everything of a version that is no longer a
draft is read-only. Publishers publish and withdraw drafts here (version_actions.py) and open,
extend, close and reopen comment periods (periods.py). Removing criteria and practice areas is
left to the API, where a reason is asked for. Comments are moderated and answered here too
(comments.py). Times are shown with their zone named: a period's in its own zone, a version's in
UTC.
"""

import datetime as dt
from collections.abc import Callable

from django import forms
from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from standard_versions.admin.base import ChangeReasonForm, EditorsAdmin, StaffAdmin, utc_column
from standard_versions.admin.version_actions import VersionWorkflowMixin
from standard_versions.models import Criterion, PracticeArea, Standard, Version, VersionStatus
from standard_versions.standards import criteria as criterion_services
from standard_versions.standards import drafts as draft_services
from standard_versions.standards import practice_areas as area_services

# The admin is the Standard's: its name in the header, the browser's title and the index.
admin.site.site_header = _("WWC Certification Standard")
admin.site.site_title = _("WWC Certification Standard")
admin.site.index_title = _("Staff administration of the Standard")


@admin.register(Standard)
class StandardAdmin(EditorsAdmin):
    """Standards come from the shipped data files; the admin shows them and their history."""

    list_display = ("slug", "name")
    fields = readonly_fields = ("slug", "name", "description", "created_at_utc")

    created_at_utc = utc_column("created_at", _("created at"), sortable=False)


class VersionContentAdmin(StaffAdmin):
    """A version or a part of one: ``add_fields`` on the add form, ``change_fields`` on a change
    form, of which ``draft_readonly_fields`` are read-only while the version is a draft and every
    one once it is not; the reason for the change is asked wherever something can be saved."""

    add_fields: tuple[str, ...] = ()
    change_fields: tuple[str, ...] = ()
    draft_readonly_fields: tuple[str, ...] = ()

    def get_fields(self, request, obj=None):
        if obj is None:
            return [*self.add_fields, "change_reason"]
        if self._is_editable(obj):
            return [*self.change_fields, "change_reason"]
        return list(self.change_fields)

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        return self.draft_readonly_fields if self._is_editable(obj) else self.change_fields

    def _changed_fields(self, form) -> dict:
        """What the change form of a draft changed: the editable fields among its changed data."""
        editable = set(self.change_fields) - set(self.draft_readonly_fields)
        return {name: form.cleaned_data[name] for name in form.changed_data if name in editable}


def version_with_standard(pk) -> Version:
    return Version.objects.select_related("standard").get(pk=pk)


class VersionPartAdmin(VersionContentAdmin):
    """A practice area or a criterion: added by ``add_with_service``, changed by
    ``update_service`` on the part found in its draft by the code it had (a new code is passed
    as ``new_code``)."""

    update_service: Callable

    def _version_of(self, obj):
        return obj.version

    def add_with_service(self, data: dict, *, user, reason, now):
        raise NotImplementedError

    def save_with_service(self, *, request, obj, form, change, reason, now):
        author = {"user": request.user, "reason": reason, "now": now}
        if not change:
            return self.add_with_service(form.cleaned_data, **author)
        changed = self._changed_fields(form)
        if "code" in changed:
            changed["new_code"] = changed.pop("code")
        return self.update_service(
            version=version_with_standard(obj.version_id),
            code=form.initial["code"],
            **author,
            **changed,
        )


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
class VersionAdmin(VersionWorkflowMixin, VersionContentAdmin):
    list_display = ("__str__", "title", "status", "published_at_utc", "effective_from", "revision")
    list_filter = ("standard", "status")
    list_select_related = ("standard",)
    search_fields = ("label", "title")
    change_form_template = "admin/standard_versions/change_form_with_workflow.html"
    object_history_template = "admin/standard_versions/object_history.html"
    add_fields = ("label", "title", "based_on")
    change_fields = (
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
    )
    draft_readonly_fields = (
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

    published_at_utc = utc_column("published_at", _("published at"))
    created_at_utc = utc_column("created_at", _("created at"), sortable=False)
    updated_at_utc = utc_column("updated_at", _("updated at"), sortable=False)

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

    def save_with_service(self, *, request, obj, form, change, reason, now):
        if not change:
            return draft_services.create_draft(
                based_on=form.cleaned_data["based_on"],
                label=obj.label,
                title=obj.title,
                user=request.user,
                reason=reason,
                now=now,
            )
        return draft_services.update_version(
            version=version_with_standard(obj.pk),
            user=request.user,
            reason=reason,
            now=now,
            **self._changed_fields(form),
        )


@admin.register(PracticeArea)
class PracticeAreaAdmin(VersionPartAdmin):
    list_display = ("code", "name", "version", "position")
    list_filter = ("version__standard", "version")
    list_select_related = ("version__standard",)
    search_fields = ("code", "name", "key")
    add_fields = change_fields = ("version", "key", "code", "name", "description", "position")
    draft_readonly_fields = ("version", "key")
    update_service = staticmethod(area_services.update_practice_area)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "version":
            kwargs["queryset"] = Version.objects.filter(status=VersionStatus.DRAFT)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def add_with_service(self, data: dict, *, user, reason, now):
        return area_services.add_practice_area(
            version=version_with_standard(data["version"].pk),
            code=data["code"],
            name=data["name"],
            description=data.get("description", ""),
            position=data.get("position"),
            key=data.get("key") or None,
            user=user,
            reason=reason,
            now=now,
        )


@admin.register(Criterion)
class CriterionAdmin(VersionPartAdmin):
    list_display = ("code", "title", "version", "practice_area", "is_core", "revision")
    list_filter = ("version__standard", "version", "is_core")
    list_select_related = ("version__standard", "practice_area")
    search_fields = ("code", "title", "key")
    add_fields = ("practice_area", "code", "title", "description", "position", "is_core", "key")
    change_fields = (
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
    draft_readonly_fields = ("version", "key", "revision")
    update_service = staticmethod(criterion_services.update_criterion)

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

    def add_with_service(self, data: dict, *, user, reason, now):
        area = data["practice_area"]
        return criterion_services.add_criterion(
            version=version_with_standard(area.version_id),
            practice_area=area,
            code=data["code"],
            title=data["title"],
            description=data["description"],
            position=data.get("position"),
            is_core=data.get("is_core", False),
            key=data.get("key") or None,
            user=user,
            reason=reason,
            now=now,
        )
