"""Feed entries: one public event as a title, a summary and a link in the reader's language. No
queries (the events come with their version and period, the criteria and texts are given).

What an event says of its moment is taken from its payload (the deadline it announced, the
criterion's code then), so an entry reads the same after later changes; the texts a reader's
language changes (the standard's name, a criterion's title) come from the content layer, falling
back to what the event recorded. Dates are Babel's, in the period's own time zone.
"""

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from standard_versions.consultation import deadlines
from standard_versions.models import Criterion, Disposition, Event, EventKind, Standard
from standard_versions.translations import i18n
from standard_versions.translations.content import ContentText


@dataclass(frozen=True)
class FeedEntry:
    id: str
    title: str
    summary: str
    # A path on this site (the feed makes it absolute), in the reader's language.
    link: str
    updated: dt.datetime


def _instant(value: str | None, default: dt.datetime) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(value) if value else default
    except (TypeError, ValueError):
        return default


def _with_lang(path: str, language: str) -> str:
    return f"{path}?lang={language}"


def _period_texts(event: Event, *, language: str) -> dict:
    """The period's window as the event announced it, in its own zone."""
    recorded = event.payload.get("period") or {}
    period = event.period
    zone = recorded.get("timezone") or (period.timezone if period else "UTC")
    opens_at = _instant(recorded.get("opens_at"), period.opens_at if period else event.occurred_at)
    closes_at = _instant(
        recorded.get("closes_at"), period.closes_at if period else event.occurred_at
    )
    return {
        "accepting": deadlines.accepting_text(
            opens_at, closes_at, timezone=zone, language=language
        ),
        "deadline": deadlines.deadline_text(closes_at, timezone=zone, language=language),
    }


def _with_reason(text: str, event: Event) -> str:
    reason = (event.payload.get("reason") or "").strip()
    return (
        _("%(text)s Reason given: %(reason)s") % {"text": text, "reason": reason}
        if reason
        else text
    )


def _period_entry(event: Event, names: dict, *, language: str) -> tuple[str, str]:
    texts = _period_texts(event, language=language)
    kind = event.kind
    if kind == EventKind.PERIOD_OPENED:
        title = _("Version %(label)s of the %(standard)s is open for comment") % names
        summary = _("Comments are accepted %(accepting)s.") % texts
    elif kind == EventKind.PERIOD_CLOSING_SOON:
        title = _("Comments on version %(label)s close in 48 hours") % names
        summary = _("Comments are accepted %(deadline)s.") % texts
    elif kind == EventKind.PERIOD_EXTENDED:
        title = _("The comment period on version %(label)s was extended") % names
        summary = _with_reason(_("Comments are now accepted %(deadline)s.") % texts, event)
    elif kind == EventKind.PERIOD_CLOSED_EARLY:
        title = _("The comment period on version %(label)s was closed early") % names
        summary = _with_reason(_("Comments were accepted %(accepting)s.") % texts, event)
    else:  # reopened
        title = _("The comment period on version %(label)s was reopened") % names
        summary = _with_reason(_("Comments are accepted again %(deadline)s.") % texts, event)
    return title, summary


def _criterion_names(event: Event, criterion: Criterion | None, content: ContentText) -> dict:
    """The criterion's code as the event recorded it, its title in the reader's language."""
    if event.kind == EventKind.CRITERION_CHANGED:
        recorded = event.payload.get("criterion") or {}
    else:
        recorded = {"code": (event.payload.get("comment") or {}).get("criterion")}
    code = recorded.get("code") or (criterion.code if criterion else "")
    title = content.text(criterion, "title") if criterion else (recorded.get("title") or "")
    return {"code": code, "title": title}


def _disposition(event: Event) -> str:
    value = (event.payload.get("comment") or {}).get("disposition") or ""
    try:
        return str(Disposition(value).label)
    except ValueError:
        return value


def _response_entry(event: Event, names: dict) -> tuple[str, str]:
    if names["code"]:
        title = _("A response to a comment on %(code)s %(title)s (version %(label)s)") % names
    else:
        title = _("A response to a comment on version %(label)s") % names
    comment = event.payload.get("comment") or {}
    summary = _("Disposition: %(disposition)s. Response: %(response)s") % {
        "disposition": _disposition(event),
        "response": comment.get("response") or "",
    }
    return title, summary


def feed_entry(
    event: Event,
    *,
    standard: Standard,
    criterion: Criterion | None,
    content: ContentText,
    language: str,
) -> FeedEntry:
    """``event`` (public, with its version and period loaded) as an entry; ``criterion`` is the
    row it names in its version, if any. Call it inside the reader's language."""
    version = event.version
    label = version.label if version else event.payload.get("version", "")
    names = {"label": label, "standard": content.text(standard, "name")}
    version_page = reverse("web:version", args=[standard.slug, label]) if label else "/"
    kind, fragment = event.kind, ""
    if kind.startswith("period."):
        title, summary = _period_entry(event, names, language=language)
        link = reverse("web:comment-period", args=[event.period_id]) if event.period_id else ""
    elif kind == EventKind.VERSION_PUBLISHED:
        title = _("Version %(label)s of the %(standard)s was published") % names
        summary = _("Published on %(date)s.") % {
            "date": i18n.format_date(event.occurred_at, language=language)
        }
        link = version_page
    elif kind == EventKind.REPORT_PUBLISHED:
        title = _("The disposition report on version %(label)s was published") % names
        summary = (
            _(
                "Every published comment on version %(label)s, with its disposition and the "
                "response."
            )
            % names
        )
        link = reverse("web:disposition-report", args=[standard.slug, label])
    elif kind == EventKind.CRITERION_CHANGED:
        names |= _criterion_names(event, criterion, content)
        title = _("%(code)s %(title)s changed in the draft of version %(label)s") % names
        summary = (
            _(
                "The text of criterion %(code)s, “%(title)s”, changed in the draft of version "
                "%(label)s of the %(standard)s."
            )
            % names
        )
        link = reverse("web:criterion-history", args=[standard.slug, event.criterion_key])
    else:  # a response to a comment
        names |= _criterion_names(event, criterion, content)
        title, summary = _response_entry(event, names)
        link = reverse("web:disposition-report", args=[standard.slug, label])
        tracking_id = (event.payload.get("comment") or {}).get("tracking_id")
        fragment = f"#comment-{tracking_id}" if tracking_id else ""
    return FeedEntry(
        id=f"urn:uuid:{event.event_id}",
        title=title,
        summary=summary,
        link=_with_lang(link or version_page, language) + fragment,
        updated=event.occurred_at,
    )
