"""Staff admin for comment periods, with every time in the period's own zone, the zone named.

The admin shows periods as the public reads them: "from the start of Thursday, April 14, 2022
until the end of Wednesday, April 27, 2022, New York time", in the staff member's language.
Publishers open, extend, close early and reopen periods here through ``services.periods``, on
pages of their own (a reason is asked for each, and each is part of the public record), with the
same refusals and messages as the staff API. The fields themselves are never edited directly.
"""

from django.contrib import admin
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from standard_versions.admin.action_forms import (
    AnswerWindowForm,
    CloseForm,
    ExtendForm,
    OpenPeriodForm,
    ReopenForm,
)
from standard_versions.admin.base import (
    EditorsAdmin,
    WorkflowStep,
    may_run_workflow,
    period_zone_text,
    run_step,
)
from standard_versions.consultation import answers as answer_services
from standard_versions.consultation import deadlines
from standard_versions.consultation import periods as period_services
from standard_versions.models import DEFAULT_ANSWER_WINDOW_DAYS, CommentPeriod, PeriodStatus
from standard_versions.translations import i18n

_local = period_zone_text


@admin.register(CommentPeriod)
class CommentPeriodAdmin(EditorsAdmin):
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
        "answer_window_days",
        "public_changes",
        "created_at_local",
    )
    readonly_fields = fields
    change_form_template = "admin/standard_versions/change_form_with_workflow.html"
    change_list_template = "admin/standard_versions/commentperiod/change_list.html"
    object_history_template = "admin/standard_versions/object_history.html"

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

    @admin.display(description=_("created at (its time zone)"))
    def created_at_local(self, period: CommentPeriod) -> str:
        return _local(period.created_at, period)

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

    # --- the workflow: open, extend, close early, reopen ---------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view
        opts = self.model._meta
        prefix = f"{opts.app_label}_{opts.model_name}"
        return [
            path("open/", view(self.open_view), name=f"{prefix}_open"),
            path("<path:object_id>/extend/", view(self.extend_view), name=f"{prefix}_extend"),
            path("<path:object_id>/close/", view(self.close_view), name=f"{prefix}_close"),
            path("<path:object_id>/reopen/", view(self.reopen_view), name=f"{prefix}_reopen"),
            path(
                "<path:object_id>/answer-window/",
                view(self.answer_window_view),
                name=f"{prefix}_answer-window",
            ),
            *super().get_urls(),
        ]

    def _url(self, step: str, *args) -> str:
        opts = self.model._meta
        return reverse(
            f"admin:{opts.app_label}_{opts.model_name}_{step}",
            args=args,
            current_app=self.admin_site.name,
        )

    def changelist_view(self, request, extra_context=None):
        extra_context = dict(extra_context or {})
        if may_run_workflow(request):
            extra_context["open_period_url"] = self._url("open")
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = dict(extra_context or {})
        period = self.get_object(request, object_id)
        if period is not None and may_run_workflow(request):
            steps = {
                PeriodStatus.SCHEDULED: [("extend", _("Extend"))],
                PeriodStatus.OPEN: [("extend", _("Extend")), ("close", _("Close early"))],
                PeriodStatus.CLOSED: [("reopen", _("Reopen"))],
            }[period.status_at(timezone.now())]
            # Whatever the status: responses come after the period closes.
            steps = [*steps, ("answer-window", _("Days to answer a response"))]
            extra_context["workflow_links"] = [
                (self._url(step, period.pk), label) for step, label in steps
            ]
        return super().change_view(request, object_id, form_url, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        # simple-history renders at once: inside the override its times are the period's.
        period = self.get_object(request, object_id)
        if period is None:
            return super().history_view(request, object_id, extra_context)
        note = _("Time zone: %(zone)s.") % {
            "zone": i18n.format_zone_name(period.timezone, language=i18n.current_language())
        }
        with timezone.override(i18n._zone(period.timezone)):
            return super().history_view(
                request, object_id, {**(extra_context or {}), "times_note": note}
            )

    def _period(self, object_id) -> CommentPeriod:
        return get_object_or_404(
            CommentPeriod.objects.select_related("version__standard"), pk=object_id
        )

    def _period_step(self, period: CommentPeriod, **step) -> WorkflowStep:
        return WorkflowStep(
            original=period,
            done_url=self._url("change", period.pk),
            facts=[
                (_("status"), self.status_now(period)),
                (_("comments accepted"), self.accepting(period)),
                (_("time zone"), f"{self.timezone_name(period)} ({period.timezone})"),
            ],
            **step,
        )

    def open_view(self, request):
        def perform(form, now):
            data = form.cleaned_data
            version = data["version"]
            period = period_services.create_period(
                standard_slug=version.standard.slug,
                label=version.label,
                opens_at=data["opens_at"],
                closes_at=data["closes_at"],
                timezone=data["timezone"].strip(),
                criteria=form.criteria_codes(),
                instructions=data["instructions"],
                answer_window_days=data["answer_window_days"] or DEFAULT_ANSWER_WINDOW_DAYS,
                user=request.user,
                reason=data["reason"],
                now=now,
            )
            opened.append(period)
            return _("The comment period is saved: comments are accepted %(accepting)s.") % {
                "accepting": self.accepting(period)
            }

        opened: list[CommentPeriod] = []
        step = WorkflowStep(
            title=_("Open a comment period"),
            submit_label=_("Save the comment period"),
            form_class=OpenPeriodForm,
            perform=perform,
            done_url=lambda: self._url("change", opened[0].pk),
            intro=_("Comment periods are opened on drafts only."),
        )
        return run_step(self, request, step)

    # A new closing time, typed in the period's zone: (service, form, title, submit, done).
    _CLOSING_TIME_STEPS = {
        "extend": (
            period_services.extend_period,
            ExtendForm,
            _("Extend the comment period"),
            _("Extend"),
            _("The period is extended: comments are accepted %(accepting)s."),
        ),
        "reopen": (
            period_services.reopen_period,
            ReopenForm,
            _("Reopen the comment period"),
            _("Reopen"),
            _("The period is reopened: comments are accepted %(accepting)s."),
        ),
    }

    def _closing_time_view(self, request, object_id, *, step_name: str):
        service, form_class, title, submit, done = self._CLOSING_TIME_STEPS[step_name]
        period = self._period(object_id)

        def perform(form, now):
            changed = service(
                period_id=period.pk,
                closes_at=form.cleaned_data["closes_at"],
                user=request.user,
                reason=form.cleaned_data["reason"],
                now=now,
            )
            return done % {"accepting": self.accepting(changed)}

        step = self._period_step(
            period,
            title=title,
            submit_label=submit,
            form_class=form_class,
            form_kwargs={"timezone": period.timezone},
            perform=perform,
            intro=_("Type the new closing time in %(zone)s (%(name)s).")
            % {"zone": self.timezone_name(period), "name": period.timezone},
        )
        return run_step(self, request, step)

    def extend_view(self, request, object_id):
        return self._closing_time_view(request, object_id, step_name="extend")

    def reopen_view(self, request, object_id):
        return self._closing_time_view(request, object_id, step_name="reopen")

    def close_view(self, request, object_id):
        period = self._period(object_id)

        def perform(form, now):
            closed = period_services.close_period_early(
                period_id=period.pk,
                user=request.user,
                reason=form.cleaned_data["reason"],
                now=now,
            )
            return _("The period is closed: comments were accepted %(accepting)s.") % {
                "accepting": self.accepting(closed)
            }

        step = self._period_step(
            period,
            title=_("Close the comment period early"),
            submit_label=_("Close now"),
            form_class=CloseForm,
            perform=perform,
            intro=_("Comments stop being accepted now; those already received stay valid."),
        )
        return run_step(self, request, step)

    def answer_window_view(self, request, object_id):
        period = self._period(object_id)

        def perform(form, now):
            changed = answer_services.set_answer_window(
                period_id=period.pk,
                days=form.cleaned_data["answer_window_days"],
                user=request.user,
                reason=form.cleaned_data["reason"],
                now=now,
            )
            return _("Commenters have %(days)s days to answer a response.") % {
                "days": changed.answer_window_days
            }

        step = self._period_step(
            period,
            title=_("Days to answer a response"),
            submit_label=_("Save"),
            form_class=AnswerWindowForm,
            form_kwargs={"initial": {"answer_window_days": period.answer_window_days}},
            perform=perform,
            intro=_(
                "Counted from each response, the responses already given included: a shorter "
                "window can close one that was open."
            ),
        )
        return run_step(self, request, step)
