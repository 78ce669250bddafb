"""The plain page model of a comment's receipt: what was sent, when, its state, the response to it
and how the criterion has changed since. Nothing here queries the database."""

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from standard_versions.consultation.selectors_comments import (
    CriterionChange,
    ShownText,
    title_for_reader,
)
from standard_versions.consultation.selectors_response_links import LinkedChange
from standard_versions.diff.words import TextOp
from standard_versions.models import ChangeClass, ChangeTarget, Comment, Criterion
from standard_versions.translations import i18n
from standard_versions.translations.content import ContentText
from standard_versions.web.labels_consultation import MODERATION_LABELS, TYPE_LABELS
from standard_versions.web.presenters import Served
from standard_versions.web.presenters_consultation import PeriodInfo, period_info


@dataclass(frozen=True)
class ReceiptLink:
    """A change the response names, as the receipt shows it: what and where, its class, and
    its words (removed struck through, added underlined) when it has a text."""

    heading: str
    class_display: str
    has_redline: bool
    changed: bool
    title_diff: list[TextOp]
    description_diff: list[TextOp]


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
    title_diff: list[TextOp]
    description_diff: list[TextOp]
    # ``criterion_title`` is the title now in the reader's language; ``commented_title`` the
    # title as the commenter was shown it, when that differs (else empty).
    criterion_title_served: Served
    commented_title: str
    commented_title_served: Served | None
    # The changes the response names (none without a response).
    response_links: list[ReceiptLink] = field(default_factory=list)


def _receipt_link(link: LinkedChange) -> ReceiptLink:
    names = {
        ChangeTarget.CRITERION: _("Criterion %(code)s in version %(label)s"),
        ChangeTarget.PRACTICE_AREA: _("Practice area %(code)s in version %(label)s"),
        ChangeTarget.REQUIREMENTS: _("The certification requirements of version %(label)s"),
    }
    heading = names.get(link.target, names[ChangeTarget.REQUIREMENTS]) % {
        "code": link.code or link.target_key,
        "label": link.version_label,
    }
    return ReceiptLink(
        heading=heading,
        class_display=str(CLASS_LABELS.get(link.change_class, link.change_class)),
        has_redline=link.has_redline,
        changed=link.changed,
        title_diff=_parts(link.title_ops),
        description_diff=_parts(link.description_ops),
    )


CLASS_LABELS = dict(ChangeClass.choices)


def shown(text: ShownText) -> Served:
    return Served(language=text.language, status=text.status)


def _parts(diff: list[dict] | None) -> list[TextOp]:
    return [TextOp(op=part["op"], text=part["text"]) for part in diff or []]


def receipt_page(
    comment: Comment,
    change: CriterionChange | None,
    *,
    content: ContentText,
    language: str,
    now: dt.datetime,
    criterion: Criterion | None = None,
    title_when_commented: ShownText | None = None,
    response_links: list[LinkedChange] = (),
) -> ReceiptPage:
    """``comment`` with its period, version and standard loaded, ``criterion`` as it is now and
    ``title_when_commented`` and ``response_links`` (``selectors_comments.comment_receipt``)."""
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
        criterion_title_served=shown(title),
        commented_title=then.text if then else "",
        commented_title_served=shown(then) if then else None,
        response_links=[
            _receipt_link(link) for link in (response_links if comment.response else ())
        ],
    )
