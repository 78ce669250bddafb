"""Static files with content-hashed names, precompressed, cached for ever once collected.

``collectstatic`` (production: docs/operations.md) writes ``site.<hash>.css`` and its ``.gz``
beside a manifest; ``{% static %}`` then names the hashed file, which whitenoise serves with
``Cache-Control: max-age=315360000, public, immutable`` (a new deploy that changes the file changes
its name). Without a manifest (``make run``, the test suite, a fresh clone), a file the manifest
does not know is named as it is, and whitenoise serves it from the source folders with a short
lifetime, so nothing needs building first. (With DEBUG on, Django's manifest storage names every
file as it is anyway.)
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def stored_name(self, name):
        try:
            return super().stored_name(name)
        except ValueError:  # not in the manifest (or no manifest): the file's own name
            return name
