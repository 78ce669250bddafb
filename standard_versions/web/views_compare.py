"""The compare page: ``/standards/{std}/compare/?from=A&to=B``, a redline of two versions.

A form of two selects (plain GET, no JavaScript) chooses the versions; ``to`` alone compares with
the version it is based on. Missing, malformed or unknown versions show the form again with a
message (400 or 404), never a server error. Pages of two versions that are not drafts are cached.
"""

import re
import time
from dataclasses import dataclass

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from standard_versions.diff import selectors_compare
from standard_versions.errors import InvalidInput, NotFound
from standard_versions.http.converters import VersionLabelConverter
from standard_versions.http.language import content_for
from standard_versions.models import Version
from standard_versions.web import presenters_compare
from standard_versions.web.caching_compare import cached_compare_page
from standard_versions.web.errors import allow_methods
from standard_versions.web.language import in_response_language, page_context
from standard_versions.web.views import _not_found_as_404

_LABEL = re.compile(VersionLabelConverter.regex)


@dataclass(frozen=True)
class ComparePair:
    old: Version
    new: Version


def _label(params, name: str) -> str:
    value = params.get(name, "").strip()
    if value and not _LABEL.fullmatch(value):
        raise InvalidInput(
            _("“%(value)s” is not a version label: choose a version from the list.")
            % {"value": value[:20]},
            code="invalid_parameter",
        )
    return value


def _pair(params, *, versions: list[Version], standard_slug: str) -> ComparePair | None:
    """The two versions the query names, None when it names none, or the refusal."""
    from_label, to_label = _label(params, "from"), _label(params, "to")
    if not from_label and not to_label:
        return None
    if not to_label:
        raise InvalidInput(
            _("Choose the version to compare version %(label)s with.") % {"label": from_label},
            code="missing_parameter",
        )
    new = selectors_compare.pick_version(versions, standard_slug=standard_slug, label=to_label)
    if not from_label:
        if new.based_on_id is None:
            raise InvalidInput(
                _(
                    "Version %(label)s is not based on an earlier version: choose the version to "
                    "compare it with."
                )
                % {"label": new.label},
                code="missing_parameter",
            )
        from_label = new.based_on_label
    old = selectors_compare.pick_version(versions, standard_slug=standard_slug, label=from_label)
    return ComparePair(old=old, new=new)


@allow_methods("GET")
@_not_found_as_404
@in_response_language
def compare(request, std: str, *, language: str):
    # The versions' heads on every request (the cache key; remembered by the worker for a moment,
    # memo.py); the versions themselves to render.
    heads = selectors_compare.remembered_comparable_version_heads(
        standard_slug=std, clock=time.monotonic()
    )

    def pick(versions: list[Version], label: str) -> Version:
        return selectors_compare.pick_version(versions, standard_slug=std, label=label)

    # The response links' head (the same on every head): None when no link was ever made.
    links_head = heads[0].links_head if heads else None

    def render_page(*, pair: ComparePair | None, message=None) -> str:
        versions = selectors_compare.comparable_versions(standard_slug=std)
        if pair is not None:
            pair = ComparePair(
                old=pick(versions, pair.old.label),
                new=pick(versions, pair.new.label),
            )
        content = content_for(request, versions=[pair.old, pair.new] if pair else [])
        page = None
        if pair is not None:
            comparison = selectors_compare.compare_versions(
                old=pair.old, new=pair.new, content=content, with_comments=links_head is not None
            )
            page = presenters_compare.compare_page(comparison, standard_slug=std)
        standard = versions[0].standard if versions else None
        form = presenters_compare.compare_form(
            versions,
            from_label=pair.old.label if pair else request.GET.get("from", "")[:20],
            to_label=pair.new.label if pair else request.GET.get("to", "")[:20],
        )
        context = page_context(
            request,
            language=language,
            standard_slug=std,
            standard_name=content.text(standard, "name") if standard else std,
            standard_language=content.language_of(standard) if standard else "en",
            form=form,
            message=message,
            page=page,
        )
        # No request: nothing request-specific (CSRF token, user) may enter a cached page.
        return render_to_string("web/compare.html", context)

    try:
        pair = _pair(request.GET, versions=heads, standard_slug=std)
    except (InvalidInput, NotFound) as error:
        html = render_page(pair=None, message=error.detail)
        return HttpResponse(html, status=error.status_code)
    if pair is None:
        return HttpResponse(render_page(pair=None))
    return cached_compare_page(
        request,
        versions=[pair.old, pair.new],
        language=language,
        render=lambda: render_page(pair=pair),
        links_head=links_head,
    )
