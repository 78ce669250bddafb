"""Plain page models for the consultation page: a comment period with its times in its own time
zone and the reader's language, the criteria in scope and their comment forms; and the period
cards of the home page. The receipt: ``presenters_receipt``; the disposition report:
``presenters_disposition_report``. Nothing here queries the database.
"""

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.utils.http import urlencode

from standard_versions.consultation import deadlines
from standard_versions.models import CommentPeriod, Criterion, PeriodStatus
from standard_versions.translations import i18n
from standard_versions.translations.content import ContentText
from standard_versions.web.forms_consultation import CommentForm
from standard_versions.web.labels_consultation import CHANGE_LABELS, STATUS_LABELS
from standard_versions.web.presenters import AreaHeading, Served, _html, _served, version_url

# Service refusals that belong to one field of the form (the others are the form's as a whole).
FIELD_OF_ERROR_CODE = {
    "comment_body_empty": "body",
    "comment_body_too_long": "body",
    "proposed_text_too_long": "proposed_text",
}


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
class ScopeArea(AreaHeading):
    criteria: list[ScopeCriterion]


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
            areas.append(ScopeArea.of(area, content=content, criteria=[]))
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
