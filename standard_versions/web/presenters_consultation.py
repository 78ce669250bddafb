"""Plain page models for the consultation pages: a comment period with its times in its own time
zone and the reader's language, the criteria in scope, the comment forms, a receipt and the
disposition report. Nothing here queries the database.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from standard_versions.consultation import deadlines
from standard_versions.consultation.selectors_comments import (
    CriterionChange,
    DispositionReport,
    ShownText,
    title_for_reader,
)
from standard_versions.models import (
    Comment,
    CommentPeriod,
    CommentType,
    Criterion,
    Disposition,
    ModerationState,
    PeriodStatus,
)
from standard_versions.translations import i18n
from standard_versions.translations.content import ContentText
from standard_versions.web.presenters import Served, _html, _served, version_url

# Longer labels than the model's one-word choices: a commenter picks one from these.
TYPE_LABELS = {
    CommentType.GENERAL: _("General"),
    CommentType.EDITORIAL: _("Editorial: wording, spelling, clarity"),
    CommentType.TECHNICAL: _("Technical: what the criterion asks of cities"),
    CommentType.TRANSLATION: _("Translation"),
}
CHANGE_LABELS = {
    "extended": _("Extended"),
    "closed_early": _("Closed early"),
    "reopened": _("Reopened"),
    "cancelled": _("Cancelled before it opened"),
}
STATUS_LABELS = {
    PeriodStatus.SCHEDULED: _("Not open yet"),
    PeriodStatus.OPEN: _("Open for comment"),
    PeriodStatus.CLOSED: _("Closed"),
}
MODERATION_LABELS = {
    ModerationState.RECEIVED: _("Received, not reviewed yet"),
    ModerationState.PUBLISHED: pgettext_lazy("comment moderation state", "Published"),
    ModerationState.WITHHELD: _("Withheld from publication"),
}
SUMMARY_LABELS = {
    "published": _("Published comments"),
    "awaiting_response": _("Awaiting a response"),
    **{value: label for value, label in Disposition.choices},
}

# Form fields a service refusal belongs to (the others are shown in the summary only).
FIELD_OF_ERROR_CODE = {
    "comment_body_empty": "body",
    "comment_body_too_long": "body",
    "proposed_text_too_long": "proposed_text",
}
FORM_FIELDS = ("body", "proposed_text", "type", "name", "organization", "identity_public", "email")
BODY_MAX_CHARS = 10_000


@dataclass(frozen=True)
class PeriodInfo:
    id: int
    url: str
    standard_slug: str
    standard_name: str
    standard_served: Served
    version_label: str
    version_title: str
    version_served: Served
    version_url: str
    status: str
    status_display: str
    timezone: str
    # The zone in words ("New York time") and the period's times as the deadlines module says
    # them: "from the start of Thursday, April 14, 2022, New York time", "until the end of
    # Wednesday, April 27, 2022, New York time", and both with the zone named once.
    timezone_name: str
    opens_at: dt.datetime
    opening_text: str
    closes_at: dt.datetime
    deadline_text: str
    accepting_text: str
    last_day: dt.date
    calendar_url: str
    disposition_report_url: str


def calendar_url(period_id: int, *, language: str) -> str:
    """The period's calendar file, its texts in ``language`` (the page's)."""
    return f"{reverse('web:comment-period-calendar', args=[period_id])}?lang={language}"


def time_left(period: CommentPeriod, *, language: str, now: dt.datetime) -> str:
    """ "3 days", "5 hours": until closing (open) or opening (scheduled); empty once closed."""
    status = period.status_at(now)
    if status == PeriodStatus.CLOSED:
        return ""
    until = period.closes_at if status == PeriodStatus.OPEN else period.opens_at
    return i18n.format_duration(until - now, language=language)


def comment_url(period_url: str, code: str, *, language: str) -> str:
    """The consultation page with the comment form of criterion ``code`` open, at the form."""
    return f"{period_url}?{urlencode({'lang': language, 'comment': code})}#comment-{code}"


def period_info(
    period: CommentPeriod, *, content: ContentText, language: str, now: dt.datetime
) -> PeriodInfo:
    """``period`` with its version and standard loaded (``select_related``)."""
    version, standard = period.version, period.version.standard
    status = period.status_at(now)
    zone = {"timezone": period.timezone, "language": language}
    return PeriodInfo(
        id=period.pk,
        url=reverse("web:comment-period", args=[period.pk]),
        standard_slug=standard.slug,
        standard_name=content.text(standard, "name"),
        standard_served=_served(content, standard),
        version_label=version.label,
        version_title=content.text(version, "title"),
        version_served=_served(content, version),
        version_url=version_url(standard.slug, version.label),
        status=str(status),
        status_display=str(STATUS_LABELS[status]),
        timezone=period.timezone,
        timezone_name=i18n.format_zone_name(period.timezone, language=language),
        opens_at=period.opens_at,
        opening_text=deadlines.opening_text(period.opens_at, **zone),
        closes_at=period.closes_at,
        deadline_text=deadlines.deadline_text(period.closes_at, **zone),
        accepting_text=deadlines.accepting_text(period.opens_at, period.closes_at, **zone),
        last_day=deadlines.last_day(period.closes_at, timezone=period.timezone),
        calendar_url=calendar_url(period.pk, language=language),
        disposition_report_url=reverse(
            "web:disposition-report", args=[standard.slug, version.label]
        ),
    )


@dataclass(frozen=True)
class ChangeItem:
    kind: str
    kind_display: str
    at_display: str
    reason: str
    # "until the end of Wednesday, April 27, 2022, New York time", before and after the change.
    deadline_before: str
    deadline_after: str


def _change(change: dict, *, period: CommentPeriod, language: str) -> ChangeItem:
    zone = {"language": language, "timezone": period.timezone}

    def local(value: str) -> str:
        moment = parse_datetime(value or "")
        return i18n.format_datetime(moment, **zone) if moment else value or ""

    def deadline(value: str) -> str:
        moment = parse_datetime(value or "")
        return deadlines.deadline_text(moment, **zone) if moment else value or ""

    kind = change.get("kind", "")
    return ChangeItem(
        kind=kind,
        kind_display=str(CHANGE_LABELS.get(kind, kind)),
        at_display=local(change.get("at", "")),
        reason=change.get("reason", ""),
        deadline_before=deadline(change.get("closes_at_before", "")),
        deadline_after=deadline(change.get("closes_at_after", "")),
    )


@dataclass
class CommentForm:
    """One comment form: blank, or as submitted with its errors (field -> messages)."""

    criterion_code: str
    values: dict = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)

    @property
    def prefix(self) -> str:
        return f"comment-{self.criterion_code}" if self.criterion_code else "comment-version"

    @property
    def field_errors(self) -> list[tuple[str, str]]:
        """(field id, message) for the error summary, fields in the form's order."""
        found = []
        for name in (*FORM_FIELDS, "__all__"):
            for message in self.errors.get(name, []):
                anchor = f"{self.prefix}-{name}" if name != "__all__" else f"{self.prefix}-form"
                found.append((anchor, message))
        return found

    def __getattr__(self, name: str):
        # ``form.body_errors`` / ``form.body`` in templates.
        if name.endswith("_errors") and name[: -len("_errors")] in FORM_FIELDS:
            return self.errors.get(name[: -len("_errors")], [])
        if name in FORM_FIELDS:
            return self.values.get(name, "" if name != "identity_public" else False)
        raise AttributeError(name)

    @property
    def type_choices(self) -> list[tuple[str, str, bool]]:
        chosen = self.values.get("type") or CommentType.GENERAL
        return [(value, str(label), value == chosen) for value, label in TYPE_LABELS.items()]


@dataclass(frozen=True)
class PublishedCount:
    """How many comments on something are published, and that number as the reader writes it."""

    count: int
    display: str


@dataclass(frozen=True)
class ScopeCriterion:
    code: str
    title: str
    description_html: str
    is_core: bool
    served: Served
    version_anchor_url: str
    # Shown only on the page opened with this criterion's "Comment on" link (``comment_url``) or
    # with this form's errors: forty forms on one page made it too heavy for a phone.
    form: CommentForm | None
    comment_url: str
    published: PublishedCount


@dataclass(frozen=True)
class ScopeArea:
    code: str
    name: str
    served: Served
    criteria: list[ScopeCriterion]

    @property
    def anchor(self) -> str:
        return f"area-{self.code}"


@dataclass(frozen=True)
class ConsultationPage:
    period: PeriodInfo
    instructions_html: str
    instructions_served: Served
    changes: list[ChangeItem]
    areas: list[ScopeArea]
    criteria_count: int
    whole_version_in_scope: bool
    version_form: CommentForm | None
    version_published: PublishedCount
    error_form: CommentForm | None


def consultation_page(
    period: CommentPeriod,
    criteria: list[Criterion],
    *,
    content: ContentText,
    language: str,
    now: dt.datetime,
    published_counts: dict[str, int],
    open_form: str = "",
    error_form: CommentForm | None = None,
) -> ConsultationPage:
    """``published_counts``: published comments by criterion key (``selectors_consultation``);
    ``open_form``: the code of the criterion whose form is shown (the version's always is)."""
    info = period_info(period, content=content, language=language, now=now)
    is_open = info.status == PeriodStatus.OPEN

    def form_for(code: str) -> CommentForm | None:
        if not is_open:
            return None
        if error_form is not None and error_form.criterion_code == code:
            return error_form
        if code and code != open_form:
            return None
        return CommentForm(criterion_code=code)

    def published(key: str) -> PublishedCount:
        count = published_counts.get(key, 0)
        return PublishedCount(count=count, display=i18n.format_number(count, language=language))

    areas: list[ScopeArea] = []
    for criterion in criteria:
        area = criterion.practice_area
        if not areas or areas[-1].code != area.code:
            areas.append(
                ScopeArea(
                    code=area.code,
                    name=content.text(area, "name"),
                    served=_served(content, area),
                    criteria=[],
                )
            )
        areas[-1].criteria.append(
            ScopeCriterion(
                code=criterion.code,
                title=content.text(criterion, "title"),
                description_html=_html(content, criterion, "description"),
                is_core=criterion.is_core,
                served=_served(content, criterion),
                version_anchor_url=f"{info.version_url}#{criterion.code}",
                form=form_for(criterion.code),
                comment_url=comment_url(info.url, criterion.code, language=language),
                published=published(criterion.key),
            )
        )
    instructions_language = content.language_of(period)
    return ConsultationPage(
        period=info,
        instructions_html=_html(content, period, "instructions") if period.instructions else "",
        instructions_served=Served(
            language=instructions_language,
            # Not a registered translatable kind yet: a reader of another language is told.
            status="missing" if instructions_language != language else content.status(period),
        ),
        changes=[_change(c, period=period, language=language) for c in period.changes],
        areas=areas,
        criteria_count=len(criteria),
        whole_version_in_scope=period.criterion_keys is None,
        version_form=form_for(""),
        version_published=published(""),
        error_form=error_form,
    )


@dataclass(frozen=True)
class DiffPart:
    op: str
    text: str


@dataclass(frozen=True)
class ReceiptPage:
    tracking_id: str
    period: PeriodInfo
    submitted_at: dt.datetime
    submitted_at_display: str
    content_sha256: str
    criterion_code: str
    criterion_title: str
    type_display: str
    language: str
    body: str
    proposed_text: str
    moderation_state: str
    moderation_display: str
    moderation_reason: str
    disposition_display: str
    response: str
    responded_at_display: str
    criterion_changed: bool | None
    criterion_removed: bool
    title_diff: list[DiffPart]
    description_diff: list[DiffPart]
    # ``criterion_title`` is the title now in the reader's language; ``commented_title`` the
    # title as the commenter was shown it, when that differs (else empty).
    criterion_title_served: Served
    commented_title: str
    commented_title_served: Served | None


def _shown(text: ShownText) -> Served:
    return Served(language=text.language, status=text.status)


def _parts(diff: list[dict] | None) -> list[DiffPart]:
    return [DiffPart(op=part["op"], text=part["text"]) for part in diff or []]


def receipt_page(
    comment: Comment,
    change: CriterionChange | None,
    *,
    content: ContentText,
    language: str,
    now: dt.datetime,
    criterion: Criterion | None = None,
    title_when_commented: ShownText | None = None,
) -> ReceiptPage:
    """``comment`` with its period, version and standard loaded, ``criterion`` as it is now and
    ``title_when_commented`` (``selectors_comments.comment_receipt``)."""
    period = comment.period
    local = {"language": language, "timezone": period.timezone}
    title = title_for_reader(criterion, stored_title=comment.criterion_title, content=content)
    then = title_when_commented if comment.criterion_code else None
    if then is not None and then.text == title.text:
        then = None
    return ReceiptPage(
        tracking_id=comment.tracking_id,
        period=period_info(period, content=content, language=language, now=now),
        submitted_at=comment.submitted_at,
        submitted_at_display=i18n.format_datetime(comment.submitted_at, **local),
        content_sha256=comment.content_sha256,
        criterion_code=comment.criterion_code,
        criterion_title=title.text,
        type_display=str(TYPE_LABELS.get(comment.type, comment.type)),
        language=comment.language,
        body=comment.body,
        proposed_text=comment.proposed_text,
        moderation_state=comment.moderation_state,
        moderation_display=str(MODERATION_LABELS.get(comment.moderation_state, "")),
        moderation_reason=comment.moderation_reason,
        disposition_display=comment.get_disposition_display() if comment.disposition else "",
        response=comment.response,
        responded_at_display=(
            i18n.format_datetime(comment.responded_at, **local) if comment.responded_at else ""
        ),
        criterion_changed=None if change is None else change.changed,
        criterion_removed=bool(change and change.removed),
        title_diff=_parts(change.title_diff if change else None),
        description_diff=_parts(change.description_diff if change else None),
        criterion_title_served=_shown(title),
        commented_title=then.text if then else "",
        commented_title_served=_shown(then) if then else None,
    )


@dataclass(frozen=True)
class ReportComment:
    tracking_id: str
    submitted_at: dt.datetime
    submitted_at_display: str
    type_display: str
    language: str
    author: str
    body: str
    proposed_text: str
    disposition_display: str
    response: str


@dataclass(frozen=True)
class ReportSectionItem:
    code: str
    # In the reader's language (the English stored with the comments for a removed criterion).
    title: str
    comments: list[ReportComment]
    served: Served


@dataclass(frozen=True)
class ReportPage:
    standard_slug: str
    standard_name: str
    standard_served: Served
    version_label: str
    version_url: str
    periods: list[PeriodInfo]
    summary: list[tuple[str, int]]
    sections: list[ReportSectionItem]
    csv_url: str
    xlsx_url: str
    json_url: str


def _author(comment: Comment) -> str:
    if not comment.identity_public or not comment.name:
        return ""
    return f"{comment.name} ({comment.organization})" if comment.organization else comment.name


def report_page(
    report: DispositionReport, *, content: ContentText, language: str, now: dt.datetime
) -> ReportPage:
    version, standard = report.version, report.version.standard
    timezone = report.periods[-1].timezone if report.periods else "UTC"
    api_url = reverse("disposition-report", args=[standard.slug, version.label])
    titles = [
        title_for_reader(section.criterion, stored_title=section.title, content=content)
        for section in report.sections
    ]
    sections = [
        ReportSectionItem(
            code=section.code,
            title=title.text,
            served=_shown(title),
            comments=[
                ReportComment(
                    tracking_id=comment.tracking_id,
                    submitted_at=comment.submitted_at,
                    submitted_at_display=i18n.format_datetime(
                        comment.submitted_at, language=language, timezone=timezone
                    ),
                    type_display=str(TYPE_LABELS.get(comment.type, comment.type)),
                    language=comment.language,
                    author=_author(comment),
                    body=comment.body,
                    proposed_text=comment.proposed_text,
                    disposition_display=(
                        comment.get_disposition_display() if comment.disposition else ""
                    ),
                    response=comment.response,
                )
                for comment in section.comments
            ],
        )
        for section, title in zip(report.sections, titles, strict=True)
    ]
    return ReportPage(
        standard_slug=standard.slug,
        standard_name=content.text(standard, "name"),
        standard_served=_served(content, standard),
        version_label=version.label,
        version_url=version_url(standard.slug, version.label),
        periods=[
            period_info(period, content=content, language=language, now=now)
            for period in report.periods
        ],
        summary=[
            (str(SUMMARY_LABELS.get(name, name)), count) for name, count in report.summary.items()
        ],
        sections=sections,
        csv_url=f"{api_url}?format=csv",
        xlsx_url=f"{api_url}?format=xlsx",
        json_url=f"{api_url}?format=json",
    )


@dataclass(frozen=True)
class PeriodCard:
    period: PeriodInfo
    time_left: str


def period_cards(
    periods: list[CommentPeriod], *, content: ContentText, language: str, now: dt.datetime
) -> list[PeriodCard]:
    return [
        PeriodCard(
            period=period_info(period, content=content, language=language, now=now),
            time_left=time_left(period, language=language, now=now),
        )
        for period in periods
    ]
