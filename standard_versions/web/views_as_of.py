"""The point-in-time view of a version: ``/standards/{std}/versions/{label}/?as_of=<ISO 8601>``.

The version is rendered from its history records as stored at that instant (the staff authoring
work's ``version_tree_as_of``), under a banner saying so, with a link back to the current text.
These renders are never cached. A malformed instant is a 400 page and an instant before the version
existed a 404 page, each with a message and the date form again.
"""

from datetime import datetime

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from standard_versions.errors import InvalidInput, NotFound
from standard_versions.http.language import content_for
from standard_versions.standards import selectors, selectors_history
from standard_versions.translations import i18n
from standard_versions.web import presenters
from standard_versions.web.language import page_context


def _message(error, *, text: str, label: str, as_of: datetime | None, language: str) -> str:
    """The refusal in words for a reader (the API's messages name the ``as_of`` parameter)."""
    if isinstance(error, NotFound) and as_of is not None:
        return _("Version %(label)s did not exist yet on %(date)s.") % {
            "label": label,
            "date": i18n.format_datetime(as_of, language=language, timezone="UTC"),
        }
    if not text.strip():
        return _("Choose a date to see this version as it was stored then.")
    return _(
        "“%(value)s” is not a date. Choose a date, or give a date and time such as "
        "2026-04-14T12:00:00Z."
    ) % {"value": text.strip()[:64]}


def version_as_of_page(request, *, std: str, label: str, language: str) -> HttpResponse:
    """The page for ``?as_of=``; the caller renders it inside the response language."""
    version = selectors.version_get(standard_slug=std, label=label)
    as_of: datetime | None = None
    try:
        as_of = selectors_history.parse_as_of(request.GET.get("as_of", ""))
        tree = selectors_history.version_tree_as_of(version=version, as_of=as_of)
    except (InvalidInput, NotFound) as error:
        context = page_context(
            request,
            language=language,
            version_label=label,
            version_url=presenters.version_url(std, label),
            as_of=as_of,
            # A date input's value must be a valid date (YYYY-MM-DD) or nothing: a malformed
            # instant is named in the message, not put back in the input.
            as_of_text=as_of.date().isoformat() if as_of else "",
            message=_message(
                error,
                text=request.GET.get("as_of", ""),
                label=label,
                as_of=as_of,
                language=language,
            ),
        )
        html = render_to_string("web/version_as_of_error.html", context)
        response = HttpResponse(html, status=error.status_code)
    else:
        content = content_for(request, versions=[tree], as_of=as_of)
        page = presenters.version_page(tree, content=content)
        context = page_context(
            request, language=language, page=page, as_of=as_of, as_of_text=as_of.date().isoformat()
        )
        response = HttpResponse(render_to_string("web/version.html", context))
    patch_cache_control(response, no_cache=True)
    return response
