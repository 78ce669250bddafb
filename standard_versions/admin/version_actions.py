"""Publishing and withdrawing a draft in the admin, through ``standards.drafts`` with the same
refusals as the staff API (a scheduled or open comment period is refused unless the form closes
it: ``comment_period_open``). The version's change page links to both for publishers."""

from collections.abc import Callable
from dataclasses import dataclass

from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from standard_versions.admin.action_forms import PublishForm, WithdrawForm
from standard_versions.admin.base import WorkflowStep, may_run_workflow, run_step
from standard_versions.consultation import selectors as selectors_consultation
from standard_versions.models import Version, VersionStatus
from standard_versions.standards import drafts as draft_services


class VersionWorkflowMixin:
    """For ``VersionAdmin``: the publish and withdraw pages, and the links to them."""

    def get_urls(self):
        view = self.admin_site.admin_view
        prefix = f"{self.model._meta.app_label}_{self.model._meta.model_name}"
        return [
            path(
                "<path:object_id>/publish/",
                view(self.publish_view),
                name=f"{prefix}_publish",
            ),
            path(
                "<path:object_id>/withdraw/",
                view(self.withdraw_view),
                name=f"{prefix}_withdraw",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = dict(extra_context or {})
        version = self.get_object(request, object_id)
        if version is not None and version.status == VersionStatus.DRAFT:
            if may_run_workflow(request):
                extra_context["workflow_links"] = [
                    (self._url("publish", version), _("Publish")),
                    (self._url("withdraw", version), _("Withdraw")),
                ]
        return super().change_view(request, object_id, form_url, extra_context)

    def _url(self, step: str, version: Version) -> str:
        opts = self.model._meta
        name = f"admin:{opts.app_label}_{opts.model_name}_{step}"
        return reverse(name, args=[version.pk], current_app=self.admin_site.name)

    def _draft(self, object_id) -> Version:
        return get_object_or_404(Version.objects.select_related("standard"), pk=object_id)

    def _step(self, request, version: Version, **step) -> WorkflowStep:
        periods = selectors_consultation.current_periods_of_version(
            version_id=version.pk, now=timezone.now()
        )
        return WorkflowStep(
            original=version,
            done_url=reverse(
                f"admin:{self.model._meta.app_label}_{self.model._meta.model_name}_change",
                args=[version.pk],
                current_app=self.admin_site.name,
            ),
            periods=[str(period) for period in periods],
            **step,
        )

    def _workflow_view(self, request, object_id, *, step_name: str):
        page = _PAGES[step_name]
        version = self._draft(object_id)

        def perform(form, now):
            data = form.cleaned_data
            page.service(
                version=version,
                user=request.user,
                reason=data["reason"],
                now=now,
                **{name: data[name] for name in page.options},
            )
            return page.done % {"label": version.label}

        step = self._step(
            request,
            version,
            title=page.title % {"label": version.label},
            submit_label=page.submit_label,
            form_class=page.form_class,
            perform=perform,
            intro=page.intro,
        )
        return run_step(self, request, step)

    def publish_view(self, request, object_id):
        return self._workflow_view(request, object_id, step_name="publish")

    def withdraw_view(self, request, object_id):
        return self._workflow_view(request, object_id, step_name="withdraw")


@dataclass(frozen=True)
class _WorkflowPage:
    """What differs between publishing and withdrawing: the service (called with the version, the
    user, the reason, ``now`` and the form fields named in ``options``), the form, the page's
    words and the message once done."""

    service: Callable[..., object]
    options: tuple[str, ...]
    form_class: type
    title: str
    submit_label: str
    intro: str
    done: str


_PAGES = {
    "publish": _WorkflowPage(
        service=draft_services.publish_version,
        options=("effective_from", "close_open_period"),
        form_class=PublishForm,
        title=_("Publish version %(label)s"),
        submit_label=_("Publish"),
        intro=_(
            "The draft becomes the published version; the version published until now is "
            "superseded. A published version is never edited."
        ),
        done=_("Version %(label)s is published."),
    ),
    "withdraw": _WorkflowPage(
        service=draft_services.withdraw_draft,
        options=("close_open_period",),
        form_class=WithdrawForm,
        title=_("Withdraw version %(label)s"),
        submit_label=_("Withdraw"),
        intro=_("The draft is withdrawn: it stays readable and can no longer be changed."),
        done=_("Version %(label)s is withdrawn."),
    ),
}
