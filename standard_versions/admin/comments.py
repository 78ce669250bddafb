"""Staff admin for public comments: find, read, moderate and respond.

Moderation and responses go through ``services.comments`` (the same rules and history as the staff
API) in one transaction, so a refused half stores nothing. Comments are never added or deleted
here: they come from the public, and the record of what was done with them is kept.
"""

from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from standard_versions.admin.base import MODERATION_FIELDS, PublicSubmissionAdmin, period_zone_text
from standard_versions.admin.comment_paging import CommentLanguageFilter, CommentPagingMixin
from standard_versions.admin.comment_search import CommentSearchMixin
from standard_versions.consultation import comments as comment_services
from standard_versions.errors import DomainError
from standard_versions.models import Comment, ModerationState
from standard_versions.translations import i18n

# What the public sent is shown, never edited; moderation and the response are edited.
COMMENT_FIELDS = (
    "tracking_id",
    "period",
    "criterion_code",
    "criterion_title",
    "type",
    "language",
    "submitted_at_local",
    "body",
    "proposed_text",
    "content_sha256",
)
COMMENTER_FIELDS = ("name", "organization", "identity_public", "email")
RESPONSE_FIELDS = ("disposition", "response")


class CommentModerationForm(forms.ModelForm):
    change_reason = forms.CharField(
        label=_("Note for the history"),
        required=False,
        max_length=1000,
        help_text=_("Optional; recorded in the history with your name, with the response."),
    )

    class Meta:
        model = Comment
        fields = (*MODERATION_FIELDS, *RESPONSE_FIELDS)
        widgets = {"moderation_reason": forms.Textarea(attrs={"rows": 2})}


@admin.register(Comment)
class CommentAdmin(CommentPagingMixin, CommentSearchMixin, PublicSubmissionAdmin):
    form = CommentModerationForm
    list_display = (
        "tracking_id",
        "period",
        "criterion_code",
        "type",
        "submitted_at_local",
        "moderation_state",
        "disposition",
    )
    list_filter = ("moderation_state", "disposition", "type", CommentLanguageFilter, "period")
    list_select_related = ("period__version__standard",)
    search_fields = ("tracking_id", "body", "organization", "name")
    actions = ("publish_selected",)
    fieldsets = (
        (_("Comment"), {"fields": COMMENT_FIELDS}),
        (_("Commenter"), {"fields": COMMENTER_FIELDS}),
        (_("Moderation"), {"fields": MODERATION_FIELDS}),
        (
            _("Response"),
            {
                "fields": (
                    *RESPONSE_FIELDS,
                    "responded_at_local",
                    "linked_changes",
                    "change_reason",
                )
            },
        ),
    )
    readonly_fields = (*COMMENT_FIELDS, *COMMENTER_FIELDS, "responded_at_local", "linked_changes")
    object_history_template = "admin/standard_versions/object_history.html"

    # Times in the period's zone, named, as the commenter's receipt says them.
    @admin.display(description=_("submitted at"), ordering="submitted_at")
    def submitted_at_local(self, comment: Comment) -> str:
        return period_zone_text(comment.submitted_at, comment.period)

    @admin.display(description=_("responded at"))
    def responded_at_local(self, comment: Comment) -> str:
        return period_zone_text(comment.responded_at, comment.period)

    # Shown, not edited: links are made and removed through the staff API's rules and history
    # (consultation/response_links.py). A read-only field rather than an inline, so that the
    # moderation form posts what it always did.
    @admin.display(description=_("changes the response names"))
    def linked_changes(self, comment: Comment):
        links = comment.response_links.select_related("version").order_by("created_at", "id")
        rows = [
            (
                link.version.label,
                link.get_target_display(),
                link.target_key,
                link.get_change_class_display(),
            )
            for link in links
        ]
        if not rows:
            return _("None yet: changes are linked through the staff API.")
        return format_html_join(mark_safe("<br>"), "{} · {} {} · {}", rows)

    def history_view(self, request, object_id, extra_context=None):
        comment = self.get_object(request, object_id)
        if comment is None:
            return super().history_view(request, object_id, extra_context)
        zone = comment.period.timezone
        note = _("Time zone: %(zone)s.") % {
            "zone": i18n.format_zone_name(zone, language=i18n.current_language())
        }
        with timezone.override(i18n._zone(zone)):
            return super().history_view(
                request, object_id, {**(extra_context or {}), "times_note": note}
            )

    def save_with_service(self, *, request, obj, form, change, reason, now):
        changed = set(form.changed_data)
        data = form.cleaned_data
        with transaction.atomic():
            self.moderate_if_changed(
                comment_services.moderate_comment,
                tracking_id=obj.tracking_id,
                form=form,
                request=request,
                now=now,
            )
            if changed & set(RESPONSE_FIELDS):
                comment_services.respond_to_comment(
                    tracking_id=obj.tracking_id,
                    disposition=data["disposition"] or "",
                    response=data["response"],
                    user=request.user,
                    reason=reason,
                    now=now,
                )
        return Comment.objects.get(pk=obj.pk)

    @admin.action(description=_("Publish the selected comments"))
    def publish_selected(self, request, queryset):
        now = timezone.now()
        tracking_ids = list(
            queryset.exclude(moderation_state=ModerationState.PUBLISHED).values_list(
                "tracking_id", flat=True
            )
        )
        try:
            with transaction.atomic():
                for tracking_id in tracking_ids:
                    comment_services.moderate_comment(
                        tracking_id=tracking_id,
                        state=ModerationState.PUBLISHED,
                        user=request.user,
                        now=now,
                    )
        except DomainError as error:
            self.message_user(request, str(error.detail), level=messages.ERROR)
            return
        self.message_user(
            request,
            ngettext(
                "%(count)d comment published.",
                "%(count)d comments published.",
                len(tracking_ids),
            )
            % {"count": len(tracking_ids)},
            level=messages.SUCCESS,
        )
