"""What a worker loads before it accepts its first connection.

Django loads the URLconf, and with it every view module and what they import, on the first
request a process serves, and each language's catalog on the first request in that language.
Here that was two seconds of CPU (one without the PDF library, which now loads with the first
PDF). When four new workers start at once under load (a deploy, a restart, a worker killed and
replaced), their first requests wait behind it while clients are already queued: in the surge
benchmark the slowest answers, 3.6 s, were all first requests. ``backend.wsgi`` calls
``warm_up()`` in each worker instead, before the server hands it a connection. It touches
neither the database nor Redis: a worker must start while either is down, and its connections
are per thread anyway.
"""

from django.conf import settings
from django.urls import get_resolver, reverse
from django.utils import translation


def warm_up() -> None:
    """Import every view (by loading the URLconf), compile the URL patterns for each language and
    load each language's catalog."""
    resolver = get_resolver()
    for code, _name in settings.LANGUAGES:
        # Activating a language loads its catalog.
        with translation.override(code):
            # A pattern's regex is compiled per language on first use, and reverse() fills
            # the resolver's per-language lookup tables.
            resolver.resolve("/healthz")
            reverse("healthz")
