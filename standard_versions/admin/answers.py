"""Staff admin for the commenters' answers to responses: find the objections, publish or
withhold each, and reply once.

Every change goes through ``consultation.answers`` (the staff API's rules and history), so a
refusal (a withholding without a reason, a second reply) is shown on the form and stores
nothing. Answers come from the commenters: never added or deleted here.
"""

from django import forms
from django.contrib import admin
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from standard_versions.admin.base import MODERATION_FIELDS, PublicSubmissionAdmin, period_zone_text
from standard_versions.consultation import answers as answer_services
from standard_versions.models import CommenterAnswer

ANSWER_FIELDS = ("comment", "kind", "submitted_at_local", "text")


class CommenterAnswerForm(forms.ModelForm):
    # Not required: the history's reason is the step itself ("objection: published").
    change_reason = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = CommenterAnswer
        fields = (*MODERATION_FIELDS, "staff_reply")
        widgets = {
            "moderation_reason": forms.Textarea(attrs={"rows": 2}),
            "staff_reply": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "moderation_reason": _("Required to withhold; kept in the history."),
            "staff_reply": _("Staff reply once: a reply cannot be changed after it is saved."),
        }


class OpenObjectionFilter(admin.SimpleListFilter):
    title = _("objections")
    parameter_name = "open"

    def lookups(self, request, model_admin):
        return [("1", _("not replied to yet"))]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.filter(kind="objected", replied_at__isnull=True)
        return queryset


@admin.register(CommenterAnswer)
class CommenterAnswerAdmin(PublicSubmissionAdmin):
    form = CommenterAnswerForm
    list_display = ("comment", "kind", "submitted_at_local", "moderation_state", "replied")
    list_filter = (OpenObjectionFilter, "kind", "moderation_state")
    list_select_related = ("comment__period",)
    search_fields = ("comment__tracking_id",)
    fieldsets = (
        (_("Answer"), {"fields": ANSWER_FIELDS}),
        (_("Moderation"), {"fields": MODERATION_FIELDS}),
        (_("Reply"), {"fields": ("staff_reply", "replied_at_local", "change_reason")}),
    )
    readonly_fields = (*ANSWER_FIELDS, "replied_at_local")

    @admin.display(description=_("submitted at"), ordering="submitted_at")
    def submitted_at_local(self, answer: CommenterAnswer) -> str:
        return period_zone_text(answer.submitted_at, answer.comment.period)

    @admin.display(description=_("replied at"))
    def replied_at_local(self, answer: CommenterAnswer) -> str:
        return period_zone_text(answer.replied_at, answer.comment.period)

    @admin.display(description=_("replied"), boolean=True)
    def replied(self, answer: CommenterAnswer) -> bool:
        return answer.replied_at is not None

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        # An acceptance has nothing to moderate or answer; a reply, once given, stands.
        if obj is not None and obj.kind != "objected":
            fields += [*MODERATION_FIELDS, "staff_reply"]
        elif obj is not None and obj.replied_at is not None:
            fields.append("staff_reply")
        return fields

    def save_with_service(self, *, request, obj, form, change, reason, now):
        data = form.cleaned_data
        tracking_id = obj.comment.tracking_id
        with transaction.atomic():
            self.moderate_if_changed(
                answer_services.moderate_answer,
                tracking_id=tracking_id,
                form=form,
                request=request,
                now=now,
            )
            if "staff_reply" in form.changed_data:
                answer_services.reply_to_objection(
                    tracking_id=tracking_id, reply=data["staff_reply"], user=request.user, now=now
                )
        return CommenterAnswer.objects.select_related("comment__period").get(pk=obj.pk)
