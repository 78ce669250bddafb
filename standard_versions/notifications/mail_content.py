"""What a mail says: the subject, a headline, the lines and links of one event, in the active
language, with times in the period's time zone (UTC when the event has no period). Shared by
the single mails (``mail``) and the digests (``digests``). Links are absolute
(``PUBLIC_BASE_URL``) and carry ``?lang=``; no address is ever written into a public link.
"""

import datetime as dt
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from standard_versions.consultation import deadlines
from standard_versions.consultation.answer_keys import answer_key_for
from standard_versions.models import Comment, Disposition, Event, EventKind, Subscription
from standard_versions.models import SubscriptionScope as Scope
from standard_versions.translations import i18n


def absolute(path: str, *, language: str, **query) -> str:
    params = {"lang": language, **query}
    return f"{settings.PUBLIC_BASE_URL}{path}?{urlencode(params)}"


def url(name: str, *args, language: str, **query) -> str:
    return absolute(reverse(name, args=args), language=language, **query)


HEADLINES = {
    EventKind.PERIOD_OPENED: _("Comments are open on %(standard)s %(version)s"),
    EventKind.PERIOD_CLOSING_SOON: _("Comments on %(standard)s %(version)s close in 48 hours"),
    EventKind.PERIOD_EXTENDED: _("The comment period on %(standard)s %(version)s was extended"),
    EventKind.PERIOD_CLOSED_EARLY: _(
        "The comment period on %(standard)s %(version)s was closed early"
    ),
    EventKind.PERIOD_REOPENED: _("The comment period on %(standard)s %(version)s was reopened"),
    EventKind.VERSION_PUBLISHED: _("%(standard)s %(version)s was published"),
    EventKind.REPORT_PUBLISHED: _(
        "The disposition report of %(standard)s %(version)s was published"
    ),
    EventKind.CRITERION_CHANGED: _(
        "Criterion %(code)s changed in the draft %(standard)s %(version)s"
    ),
    EventKind.RESPONSE_PUBLISHED: _("A response to comment %(tracking_id)s was published"),
}


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class EventLines:
    """One event as a mail shows it (a single mail, or one entry of a digest)."""

    headline: str
    # What a digest groups it under: the standard, then the criterion ("" for the standard).
    group: str
    subgroup: str
    occurred_display: str
    lines: list[str] = field(default_factory=list)
    quote: str = ""
    links: list[Link] = field(default_factory=list)


def zone_of(event: Event) -> str:
    if event.period_id:
        return event.period.timezone
    if event.comment_id:
        return event.comment.period.timezone
    return "UTC"


def _period_lines(event: Event, *, language: str) -> list[str]:
    period = event.period
    if period is None:
        return []
    text = deadlines.accepting_text(
        period.opens_at, period.closes_at, timezone=period.timezone, language=language
    )
    lines = [str(_("Comments are accepted %(when)s.") % {"when": text})]
    if reason := event.payload.get("reason"):
        lines.append(str(_("Reason given: %(reason)s") % {"reason": reason}))
    return lines


def event_lines(event: Event, *, language: str) -> EventLines:
    """``event`` with its standard, version, period and comment loaded; in the active language."""
    payload = event.payload
    standard = event.standard
    slug = standard.slug if standard else payload.get("standard", "")
    label = event.version.label if event.version_id else payload.get("version", "")
    criterion = payload.get("criterion") or {}
    comment = payload.get("comment") or {}
    names = {
        "standard": standard.name if standard else slug,
        "version": label,
        "code": criterion.get("code", ""),
        "tracking_id": comment.get("tracking_id", ""),
    }
    headline = str(HEADLINES.get(event.kind, _("News of %(standard)s")) % names)
    lines: list[str] = []
    quote = ""
    links: list[Link] = []
    subgroup = ""
    if event.kind.startswith("period."):
        lines = _period_lines(event, language=language)
        if event.period_id:
            links.append(
                Link(
                    str(_("Read the draft and comment")),
                    url("web:comment-period", event.period_id, language=language),
                )
            )
    elif event.kind == EventKind.VERSION_PUBLISHED:
        links.append(Link(str(_("Read it")), url("web:version", slug, label, language=language)))
    elif event.kind == EventKind.REPORT_PUBLISHED:
        links.append(
            Link(
                str(_("Read the disposition report")),
                url("web:disposition-report", slug, label, language=language),
            )
        )
    elif event.kind == EventKind.CRITERION_CHANGED:
        subgroup = str(_("Criterion %(code)s") % names)
        lines = [str(_("Its title is now: %(title)s") % {"title": criterion.get("title", "")})]
        links.append(
            Link(
                str(_("See how it changed")),
                url("web:criterion-history", slug, event.criterion_key, language=language),
            )
        )
    elif event.kind == EventKind.RESPONSE_PUBLISHED:
        if comment.get("criterion"):
            subgroup = str(_("Criterion %(code)s") % {"code": comment["criterion"]})
        disposition = (
            Disposition(comment["disposition"]).label if comment.get("disposition") else ""
        )
        if disposition:
            lines = [
                str(_("What was done with it: %(disposition)s") % {"disposition": disposition})
            ]
        quote = comment.get("response", "")
        if names["tracking_id"]:
            links.append(
                Link(
                    str(_("Read the response")),
                    url("web:comment-receipt", names["tracking_id"], language=language),
                )
            )
    return EventLines(
        headline=headline,
        group=names["standard"],
        subgroup=subgroup,
        occurred_display=i18n.format_datetime(
            event.occurred_at, language=language, timezone=zone_of(event)
        ),
        lines=lines,
        quote=quote,
        links=links,
    )


def with_answer_link(entry: EventLines, event: Event, subscription: Subscription, *, language: str):
    """``entry`` with a link to accept or object to the response, carrying the answer key, when
    the mail goes to the commenter's own subscription (scope comment, confirmed by then: an
    unconfirmed one gets no such mail). Anyone else who follows the criterion gets the plain
    receipt link: the key is the commenter's alone."""
    own = (
        event.kind == EventKind.RESPONSE_PUBLISHED
        and subscription.scope == Scope.COMMENT
        and event.comment_id is not None
        and subscription.comment_id == event.comment_id
    )
    if not own:
        return entry
    tracking_id = (event.payload.get("comment") or {}).get("tracking_id", "")
    if not tracking_id:
        return entry
    link = Link(
        str(_("Accept the response or object to it")),
        url(
            "web:comment-receipt",
            tracking_id,
            language=language,
            key=answer_key_for(tracking_id),
        ),
    )
    return replace(entry, links=[*entry.links, link])


def subscription_target(subscription: Subscription) -> str:
    """What a subscription follows, as a mail names it (never its address)."""
    names = {"standard": subscription.standard.name}
    if subscription.scope == Scope.CRITERION:
        names["key"] = subscription.criterion_key
        return str(_("the criterion with the permanent key %(key)s of %(standard)s") % names)
    if subscription.scope == Scope.COMMENT:
        names["tracking_id"] = subscription.comment.tracking_id
        return str(_("your comment %(tracking_id)s on %(standard)s") % names)
    return str(_("%(standard)s: comment periods, new versions and disposition reports") % names)


@dataclass(frozen=True)
class Receipt:
    tracking_id: str
    submitted_display: str
    criterion_code: str
    body: str
    proposed_text: str
    content_sha256: str
    receipt_url: str
    lookup_url: str


def receipt(comment: Comment, *, language: str) -> Receipt:
    """``comment`` with its period loaded."""
    return Receipt(
        tracking_id=comment.tracking_id,
        submitted_display=i18n.format_datetime(
            comment.submitted_at, language=language, timezone=comment.period.timezone
        ),
        criterion_code=comment.criterion_code,
        body=comment.body,
        proposed_text=comment.proposed_text,
        content_sha256=comment.content_sha256,
        receipt_url=url("web:comment-receipt", comment.tracking_id, language=language),
        lookup_url=url("web:comment-lookup", language=language),
    )


def frequency_display(subscription: Subscription) -> str:
    return str(subscription.get_frequency_display())


def at_time(moment: dt.datetime, *, language: str) -> str:
    return i18n.format_datetime(moment, language=language, timezone="UTC")
