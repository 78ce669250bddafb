"""Staff admin for webhook endpoints (publishers): register and edit them, enable one again after
it was disabled, rotate its secret, send it a test ping, and read its delivery log.

Every write is a service of ``notifications.webhook_endpoints``, which records it in the admin
log itself (the same entry whether it came from here or the API), so the admin's own log entries
are not written twice. A disabled endpoint is flagged on the list and in a warning above it.
"""

from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from standard_versions.admin.base import RoleReadOnly, utc_column, utc_text
from standard_versions.errors import DomainError
from standard_versions.models import PUBLIC_EVENT_KINDS, EventKind, WebhookEndpoint
from standard_versions.notifications import webhook_endpoints as services
from standard_versions.roles import PUBLISHERS

LOG_ROWS = 50


class PublishersAdmin(RoleReadOnly, admin.ModelAdmin):
    """Shown to publishers only; read-only unless a subclass allows more."""

    role = PUBLISHERS


class WebhookEndpointForm(forms.ModelForm):
    url = forms.URLField(label=_("URL"), max_length=services.URL_MAX_LENGTH, assume_scheme="https")
    event_kinds = forms.MultipleChoiceField(
        label=_("event kinds"),
        choices=[(kind, EventKind(kind).label) for kind in PUBLIC_EVENT_KINDS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("None ticked: every kind."),
    )

    class Meta:
        model = WebhookEndpoint
        fields = ("url", "description", "event_kinds", "standard")

    def _check(self, check, value):
        try:
            return check(value)
        except DomainError as error:
            raise forms.ValidationError(str(error.detail), code=error.code) from None

    def clean_url(self):
        return self._check(services.clean_url, self.cleaned_data["url"])

    def clean_description(self):
        return self._check(services.clean_description, self.cleaned_data["description"])


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(PublishersAdmin):
    form = WebhookEndpointForm
    list_display = ("url", "description", "state", "consecutive_failures", "disabled_at_utc")
    list_filter = ("active", "standard")
    list_select_related = ("standard",)
    search_fields = ("url", "description")
    actions = ("enable_selected", "rotate_secrets", "ping_selected")
    readonly_fields = (
        "state",
        "secret",
        "created_at_utc",
        "consecutive_failures",
        "failing_since_utc",
        "disabled_at_utc",
        "disabled_reason",
        "delivery_log",
    )

    def get_fieldsets(self, request, obj=None):
        fieldsets = [(None, {"fields": ("url", "description", "event_kinds", "standard")})]
        if obj is not None:
            fieldsets += [
                (_("Signing"), {"fields": ("secret",)}),
                (_("State"), {"fields": self.readonly_fields[:1] + self.readonly_fields[2:7]}),
                (_("Delivery log"), {"fields": ("delivery_log",)}),
            ]
        return fieldsets

    def has_add_permission(self, request) -> bool:
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return self.has_module_permission(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self.has_module_permission(request)

    # --- what the list and the page show ------------------------------------------------------

    @admin.display(description=_("state"), ordering="active")
    def state(self, endpoint: WebhookEndpoint):
        if endpoint.active:
            return _("active")
        return format_html(
            '<strong class="errornote" style="display:inline">{}</strong>',
            _("disabled since %(when)s") % {"when": utc_text(endpoint.disabled_at)},
        )

    created_at_utc = utc_column("created_at", _("created at"))
    failing_since_utc = utc_column("failing_since", _("failing since"), sortable=False)
    disabled_at_utc = utc_column("disabled_at", _("disabled at"))

    @admin.display(description=_("recent attempts"))
    def delivery_log(self, endpoint: WebhookEndpoint):
        attempts = services.endpoint_log(endpoint=endpoint)[:LOG_ROWS]
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    utc_text(attempt.attempted_at),
                    attempt.delivery.event.kind,
                    attempt.delivery.event.event_id,
                    _("yes") if attempt.succeeded else _("no"),
                    attempt.status_code or "-",
                    f"{attempt.error or '-'} ({attempt.duration_ms} ms)",
                )
                for attempt in attempts
            ),
        )
        if not rows:
            return _("Nothing was sent to it yet.")
        head = format_html(
            "<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
            _("attempted at"),
            _("event kind"),
            _("event id"),
            _("succeeded"),
            _("HTTP status"),
            _("error (duration)"),
        )
        return format_html("<table>{}{}</table>", head, rows)

    def changelist_view(self, request, extra_context=None):
        if request.method == "GET" and self.has_module_permission(request):
            disabled = WebhookEndpoint.objects.filter(active=False).count()
            if disabled:
                message = ngettext(
                    "%(count)d webhook endpoint is disabled: nothing is sent to it until it is "
                    "enabled again.",
                    "%(count)d webhook endpoints are disabled: nothing is sent to them until "
                    "they are enabled again.",
                    disabled,
                ) % {"count": disabled}
                self.message_user(request, message, level=messages.WARNING)
        return super().changelist_view(request, extra_context)

    # --- writes: one service each -------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        now = timezone.now()
        data = form.cleaned_data
        standard = data["standard"]
        endpoint_fields = {
            "url": data["url"],
            "event_kinds": data["event_kinds"],
            "standard_slug": standard.slug if standard else None,
            "description": data["description"],
        }
        if change:
            saved = services.update_endpoint(
                endpoint_id=obj.pk, **endpoint_fields, user=request.user, now=now
            )
        else:
            saved = services.register_endpoint(**endpoint_fields, user=request.user, now=now)
        # The admin goes on with ``obj`` (its message, the redirect): make it the stored row.
        obj.__dict__.update(saved.__dict__)

    def delete_model(self, request, obj):
        services.delete_endpoint(endpoint_id=obj.pk, user=request.user, now=timezone.now())

    def delete_queryset(self, request, queryset):
        now = timezone.now()
        for endpoint_id in queryset.values_list("pk", flat=True):
            services.delete_endpoint(endpoint_id=endpoint_id, user=request.user, now=now)

    # The services wrote the log entries already.
    def log_addition(self, request, obj, message):
        return None

    def log_change(self, request, obj, message):
        return None

    def log_deletions(self, request, queryset):
        return None

    @admin.action(description=_("Enable the selected endpoints again"), permissions=["change"])
    def enable_selected(self, request, queryset):
        now = timezone.now()
        ids = list(queryset.filter(active=False).values_list("pk", flat=True))
        for endpoint_id in ids:
            services.enable_endpoint(endpoint_id=endpoint_id, user=request.user, now=now)
        message = ngettext(
            "%(count)d endpoint enabled again.", "%(count)d endpoints enabled again.", len(ids)
        ) % {"count": len(ids)}
        self.message_user(request, message, level=messages.SUCCESS)

    @admin.action(description=_("Rotate the signing secret"), permissions=["change"])
    def rotate_secrets(self, request, queryset):
        now = timezone.now()
        ids = list(queryset.values_list("pk", flat=True))
        for endpoint_id in ids:
            services.rotate_secret(endpoint_id=endpoint_id, user=request.user, now=now)
        message = ngettext(
            "%(count)d endpoint has a new secret: give it to its receiver (it is on its page).",
            "%(count)d endpoints have a new secret: give each to its receiver (it is on its page).",
            len(ids),
        ) % {"count": len(ids)}
        self.message_user(request, message, level=messages.SUCCESS)

    @admin.action(description=_("Send a test ping"), permissions=["change"])
    def ping_selected(self, request, queryset):
        for endpoint in queryset.order_by("pk"):
            outcome = services.ping_endpoint(endpoint_id=endpoint.pk, now=timezone.now())
            if outcome.succeeded:
                text = _("%(url)s answered HTTP %(status)s in %(ms)s ms.")
                level = messages.SUCCESS
            else:
                text = _("%(url)s failed: %(error)s")
                level = messages.ERROR
            values = {
                "url": endpoint.url,
                "status": outcome.status_code,
                "ms": outcome.duration_ms,
                "error": outcome.error,
            }
            self.message_user(request, text % values, level=level)
