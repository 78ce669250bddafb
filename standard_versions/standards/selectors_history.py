"""Reads of the past: change records with what changed, point-in-time versions and criteria, and
one criterion followed through every version.

Point-in-time reads answer "what was stored at instant T" from the simple-history tables. The
latest record of each object at T is found with a tie-break on ``history_id``, because records
written in one transaction can share their ``history_date``.
"""

import re
from datetime import UTC, datetime, time

from django.db.models import CharField, F, Q, QuerySet, Value, Window
from django.db.models.functions import Lag, RowNumber
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext_lazy as _

from standard_versions.errors import InvalidInput, NotFound
from standard_versions.models import (
    CertificationLevel,
    Criterion,
    OutcomeArea,
    PracticeArea,
    Translation,
    Version,
)
from standard_versions.standards.selectors import criterion_get, standard_get
from standard_versions.translations.content import SOURCE_LANGUAGE, ContentText, SourceText
from standard_versions.translations.selectors import ROW_FIELDS
from standard_versions.translations.translatable import TranslatedText

# --- point in time -------------------------------------------------------------------------------


def parse_as_of(text: str) -> datetime:
    """An ISO 8601 instant (a date alone means its start, UTC; no offset means UTC), returned in
    UTC. Anything unparseable, or an instant that leaves years 1 to 9999 once in UTC, is refused
    with 400 ``invalid_as_of``: offsets are normalised away here because PostgreSQL accepts only
    offsets up to 15:59 and Python cannot represent instants outside those years."""
    text = (text or "").strip()
    if "T" in text:
        # A "+" left unencoded in a query string arrives as a space.
        text = re.sub(r" (\d{2}:?\d{2})$", r"+\1", text)
    value = None
    if len(text) <= 64:
        try:
            value = parse_datetime(text)
            if value is None and (day := parse_date(text)) is not None:
                value = datetime.combine(day, time.min)
            if value is not None:
                value = value.replace(tzinfo=UTC) if timezone.is_naive(value) else value
                value = value.astimezone(UTC)
        except (ValueError, OverflowError):
            value = None
    if value is None:
        raise InvalidInput(
            _("as_of must be an ISO 8601 date or date and time, e.g. 2026-04-14T12:00:00Z."),
            code="invalid_as_of",
            errors={"as_of": [str(_("Not an ISO 8601 date or date and time."))]},
        )
    return value


def _latest_at(model, *, as_of: datetime, condition: Q) -> list:
    """The latest history record at ``as_of`` of each object matching ``condition``; objects
    whose latest record is a removal did not exist at ``as_of`` and are left out.

    One query: records are ranked per object with a window function (newest first), so each
    object's records are read once, whatever the length of its history."""
    history = model.history.model
    records = (
        history.objects.filter(condition, history_date__lte=as_of)
        .annotate(
            newest_first=Window(
                RowNumber(),
                partition_by=[F("id")],
                order_by=[F("history_date").desc(), F("history_id").desc()],
            )
        )
        .filter(newest_first=1)
        .order_by()
    )
    return [record for record in records if record.history_type != "-"]


def _not_found_at(what, as_of: datetime) -> NotFound:
    return NotFound(
        _("%(what)s did not exist at %(as_of)s.") % {"what": what, "as_of": as_of.isoformat()},
        code="not_found_at_time",
    )


def _version_at(version: Version, as_of: datetime) -> Version:
    records = _latest_at(Version, as_of=as_of, condition=Q(id=version.pk))
    if not records:
        raise _not_found_at(_("Version %(label)s") % {"label": version.label}, as_of)
    past = records[0].instance
    past.standard = version.standard
    past.based_on = version.based_on if past.based_on_id == version.based_on_id else None
    return past


def _areas_at(version: Version, as_of: datetime) -> dict[int, PracticeArea]:
    records = _latest_at(PracticeArea, as_of=as_of, condition=Q(version_id=version.pk))
    return {record.id: record.instance for record in records}


def _criteria_at(version: Version, as_of: datetime, areas: dict[int, PracticeArea]) -> list:
    criteria = []
    for record in _latest_at(Criterion, as_of=as_of, condition=Q(version_id=version.pk)):
        area = areas.get(record.practice_area_id)
        if area is None:
            continue
        criterion = record.instance
        criterion.practice_area = area
        criterion.version = version
        criteria.append(criterion)
    criteria.sort(
        key=lambda c: (c.practice_area.position, c.practice_area.code, c.position, c.code)
    )
    return criteria


def version_tree_as_of(*, version: Version, as_of: datetime) -> Version:
    """The version as stored at ``as_of``, shaped like ``selectors.version_tree``: six queries."""
    past = _version_at(version, as_of)
    areas = _areas_at(version, as_of)
    criteria = _criteria_at(past, as_of, areas)
    by_area: dict[int, list] = {pk: [] for pk in areas}
    for criterion in criteria:
        by_area[criterion.practice_area_id].append(criterion)
    for pk, area in areas.items():
        area._prefetched_objects_cache = {"criteria": by_area[pk]}
    levels = [
        r.instance
        for r in _latest_at(CertificationLevel, as_of=as_of, condition=Q(version_id=version.pk))
    ]
    outcomes = [
        r.instance for r in _latest_at(OutcomeArea, as_of=as_of, condition=Q(version_id=version.pk))
    ]
    past._prefetched_objects_cache = {
        "practice_areas": sorted(areas.values(), key=lambda a: (a.position, a.code)),
        "levels": sorted(levels, key=lambda level: level.min_percent),
        "outcome_areas": sorted(outcomes, key=lambda area: (area.position, area.key)),
    }
    return past


def content_text_as_of(*, language: str, versions: list[Version], as_of: datetime) -> ContentText:
    """``content_text`` for a point-in-time read: the translations of ``versions`` as they were
    stored at ``as_of`` (so their status is judged against the English of that time), and the
    standard's own text as it is now, like the standard itself in such a read. Two queries."""
    if language == SOURCE_LANGUAGE:
        return SourceText()
    records = _latest_at(
        Translation,
        as_of=as_of,
        condition=Q(language=language, version_id__in=[version.pk for version in versions]),
    )
    rows = [tuple(getattr(record, name) for name in ROW_FIELDS) for record in records]
    rows += Translation.objects.filter(language=language, version__isnull=True).values_list(
        *ROW_FIELDS
    )
    return TranslatedText.from_rows(language, rows)


def criteria_as_of(*, version: Version, as_of: datetime) -> list[Criterion]:
    """The version's criteria as stored at ``as_of``, in reading order: three queries."""
    _version_at(version, as_of)
    return _criteria_at(version, as_of, _areas_at(version, as_of))


def criterion_as_of(*, version: Version, code: str, as_of: datetime) -> Criterion:
    """The criterion that had display code ``code`` at ``as_of``, as it was then: two queries."""
    ids = Criterion.history.filter(
        version_id=version.pk, code=code, history_date__lte=as_of
    ).values("id")
    latest = _latest_at(Criterion, as_of=as_of, condition=Q(id__in=ids))
    record = next((record for record in latest if record.code == code), None)
    if record is None:
        raise _not_found_at(
            _("Criterion %(code)s of version %(label)s") % {"code": code, "label": version.label},
            as_of,
        )
    areas = _latest_at(PracticeArea, as_of=as_of, condition=Q(id=record.practice_area_id))
    area = areas[0] if areas else None
    criterion = record.instance
    criterion.version = version
    criterion.practice_area = area.instance if area is not None else None
    return criterion


# --- change records ------------------------------------------------------------------------------

HISTORY_KINDS = {
    "version": (
        Version,
        [
            "label",
            "title",
            "status",
            "published_at",
            "effective_from",
            "provenance",
            "min_outcome_areas",
        ],
    ),
    "practice_area": (PracticeArea, ["key", "code", "name", "description", "position"]),
    "criterion": (
        Criterion,
        ["key", "code", "title", "description", "practice_area", "position", "is_core"],
    ),
    "level": (CertificationLevel, ["key", "name", "min_percent", "position"]),
    "outcome_area": (OutcomeArea, ["key", "name", "description", "position"]),
}
HISTORY_TYPES = {"+": "created", "~": "changed", "-": "removed"}


def _history_rows(kind: str, condition: Q) -> QuerySet:
    model = HISTORY_KINDS[kind][0].history.model
    return (
        model.objects.filter(condition)
        .annotate(
            kind=Value(kind, output_field=CharField()),
            previous_id=Window(
                Lag("history_id"),
                partition_by=[F("id")],
                order_by=[F("history_date").asc(), F("history_id").asc()],
            ),
        )
        .values("history_id", "history_date", "kind", "previous_id")
        .order_by()
    )


def criterion_history_rows(*, version: Version, code: str) -> QuerySet:
    """Change records of one criterion, newest first (page them, then ``history_entries``)."""
    criterion = criterion_get(version=version, code=code)
    return _history_rows("criterion", Q(id=criterion.pk)).order_by("-history_date", "-history_id")


def criteria_history_rows(*, criterion_ids: list[int]) -> QuerySet:
    """Change records of these criteria (one permanent key's rows in several versions), oldest
    first, each with its criterion's ``id`` (for ``history_entries``)."""
    return (
        _history_rows("criterion", Q(id__in=criterion_ids))
        .values("history_id", "history_date", "kind", "previous_id", "id")
        .order_by("history_date", "history_id")
    )


def version_history_rows(*, version: Version) -> QuerySet:
    """Change records of everything in a version, newest first."""
    parts = [
        _history_rows(kind, Q(id=version.pk) if kind == "version" else Q(version_id=version.pk))
        for kind in HISTORY_KINDS
    ]
    return parts[0].union(*parts[1:], all=True).order_by("-history_date", "-history_id", "kind")


def _plain(value):
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def history_entries(rows: list[dict]) -> list[dict]:
    """The change records of a page of ``*_history_rows``, each with the fields it changed (old
    and new value): one query per kind of object on the page, one for practice area codes."""
    wanted: dict[str, set[int]] = {}
    for row in rows:
        ids = wanted.setdefault(row["kind"], set())
        ids.add(row["history_id"])
        if row["previous_id"] is not None:
            ids.add(row["previous_id"])
    records = {}
    for kind in HISTORY_KINDS:
        if kind in wanted:
            history = HISTORY_KINDS[kind][0].history.model
            for record in history.objects.filter(history_id__in=wanted[kind]).select_related(
                "history_user"
            ):
                records[kind, record.history_id] = record
    area_ids = {
        record.practice_area_id for (kind, _pk), record in records.items() if kind == "criterion"
    }
    area_codes = {}
    if area_ids:
        area_codes = dict(
            PracticeArea.history.filter(id__in=area_ids)
            .order_by("history_date", "history_id")
            .values_list("id", "code")
        )

    def value(record, name):
        if record is None:
            return None
        if name == "practice_area":
            return area_codes.get(record.practice_area_id, record.practice_area_id)
        return _plain(getattr(record, name))

    entries = []
    for row in rows:
        kind = row["kind"]
        record = records[kind, row["history_id"]]
        previous = records.get((kind, row["previous_id"])) if row["previous_id"] else None
        after = None if record.history_type == "-" else record
        changes = []
        for name in HISTORY_KINDS[kind][1]:
            old, new = value(previous, name), value(after, name)
            if old != new:
                changes.append({"field": name, "old": old, "new": new})
        entries.append(
            {
                "changed_at": record.history_date,
                "changed_by": record.history_user.get_username() if record.history_user else None,
                "reason": record.history_change_reason,
                "type": HISTORY_TYPES[record.history_type],
                "object_type": kind,
                "key": getattr(record, "key", None),
                "code": getattr(record, "code", None) or getattr(record, "label", None),
                "changes": changes,
            }
        )
    return entries


# --- one criterion through the versions ----------------------------------------------------------


def criterion_timeline(*, standard_slug: str, key: str) -> QuerySet[Criterion]:
    standard = standard_get(slug=standard_slug)
    return (
        Criterion.objects.filter(version__standard=standard, key=key)
        .select_related("version", "version__standard", "practice_area")
        .order_by("version__created_at", "version__label")
    )


def criterion_key_not_found(*, standard_slug: str, key: str) -> NotFound:
    return NotFound(
        _("No version of %(std)s has a criterion with key %(key)s.")
        % {"std": standard_slug, "key": key},
        code="criterion_key_not_found",
    )
