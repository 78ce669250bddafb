"""Staff admin for comment periods: read-only, with every time in the period's own zone.

Periods are opened, extended, closed early and reopened through the staff API (a reason is
asked for each, and each is part of the public record); the admin shows them as the public reads
them: "from the start of Thursday, April 14, 2022 until the end of Wednesday, April 27, 2022, New
York time", in the staff member's language, with the zone named.
"""

from django.contrib import admin
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from standard_versions import deadlines, i18n
from standard_versions.models import CommentPeriod
from standard_versions.roles import EDITORS, has_role


def _local(moment, period: CommentPeriod) -> str:
    return i18n.format_datetime(moment, language=i18n.current_language(), timezone=period.timezone)


@admin.register(CommentPeriod)
class CommentPeriodAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "status_now", "accepting", "timezone_name")
    list_select_related = ("version__standard",)
    ordering = ("-opens_at",)
    fields = (
        "version",
        "reference",
        "status_now",
        "accepting",
        "opens_at_local",
        "closes_at_local",
        "timezone_name",
        "timezone",
        "criterion_keys",
        "instructions",
        "public_changes",
        "created_at",
    )
    readonly_fields = fields

    @admin.display(description=_("status"))
    def status_now(self, period: CommentPeriod) -> str:
        return period.status_at(timezone.now()).label

    @admin.display(description=_("comments accepted"))
    def accepting(self, period: CommentPeriod) -> str:
        return deadlines.accepting_text(
            period.opens_at,
            period.closes_at,
            timezone=period.timezone,
            language=i18n.current_language(),
        )

    @admin.display(description=_("opens at (its time zone)"))
    def opens_at_local(self, period: CommentPeriod) -> str:
        return _local(period.opens_at, period)

    @admin.display(description=_("closes at (its time zone; the first instant refused)"))
    def closes_at_local(self, period: CommentPeriod) -> str:
        return _local(period.closes_at, period)

    @admin.display(description=_("time zone"))
    def timezone_name(self, period: CommentPeriod) -> str:
        return i18n.format_zone_name(period.timezone, language=i18n.current_language())

    @admin.display(description=_("changes"))
    def public_changes(self, period: CommentPeriod) -> str:
        def local(value: str) -> str:
            moment = parse_datetime(value or "")
            return _local(moment, period) if moment else value or ""

        return format_html_join(
            "",
            "<p>{}: {} ({} → {}). {}</p>",
            (
                (
                    change.get("kind", ""),
                    local(change.get("at", "")),
                    local(change.get("closes_at_before", "")),
                    local(change.get("closes_at_after", "")),
                    change.get("reason", ""),
                )
                for change in period.changes or []
            ),
        )

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
