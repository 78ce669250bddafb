"""What a writer expects to find (from an ``If-Match`` header): lost-update protection.

An ETag of version content names the version and its revision (``"2-v12.7-en-tree"``); an ETag of
one criterion also names the criterion and its revision (``"2-v12.7-en-c345.3"``). A criterion
write is checked against the criterion's own revision when the tag names it, else against the
version's; every other write against the version's. Services check a ``Precondition`` against the
rows they have locked, so two writers holding the same tag cannot both succeed.
"""

import re
from dataclasses import dataclass, field

from django.utils.http import parse_etags
from django.utils.translation import gettext_lazy as _

from standard_versions.errors import PreconditionFailed

# A compressed body's strong ETag is the identity tag with this inside the quotes
# (http/compression.py): one tag per byte sequence, naming the same revision.
CODING_SUFFIX = ";gzip"


def without_coding(tag: str) -> str:
    """``"x;gzip"`` -> ``"x"`` (``W/`` kept); any other tag as it is."""
    if tag.endswith(CODING_SUFFIX + '"'):
        return tag[: -len(CODING_SUFFIX) - 1] + '"'
    return tag


_TAG = re.compile(
    r"^[^-]+-v(?P<version_pk>\d+)\.(?P<version_rev>\d+)-.*?(?:-c(?P<criterion_pk>\d+)\.(?P<criterion_rev>\d+))?$"
)


@dataclass(frozen=True)
class _Tag:
    version_pk: int
    version_revision: int
    criterion_pk: int | None = None
    criterion_revision: int | None = None


@dataclass(frozen=True)
class Precondition:
    tags: tuple[_Tag, ...] = field(default_factory=tuple)
    any_tag: bool = False

    @classmethod
    def from_if_match(cls, header: str | None) -> "Precondition | None":
        """``None`` when there is no header (no precondition); a tag that is not ours matches
        nothing, so it fails as a stale tag would. ``If-Match`` uses the strong comparison
        (RFC 9110, 13.1.1): a weak tag (``W/"..."``) never matches; the strong tag of a
        compressed body (``"...;gzip"``, standard_versions.http.compression) names the same
        revision."""
        if header is None:
            return None
        candidates = parse_etags(header)
        if "*" in candidates:
            return cls(any_tag=True)
        tags = []
        for candidate in candidates:
            if candidate.startswith("W/"):
                continue
            match = _TAG.match(without_coding(candidate).strip('"'))
            if match:
                tags.append(
                    _Tag(
                        version_pk=int(match["version_pk"]),
                        version_revision=int(match["version_rev"]),
                        criterion_pk=int(match["criterion_pk"]) if match["criterion_pk"] else None,
                        criterion_revision=(
                            int(match["criterion_rev"]) if match["criterion_rev"] else None
                        ),
                    )
                )
        return cls(tags=tuple(tags))

    def _version_matches(self, tag: _Tag, version) -> bool:
        return tag.version_pk == version.pk and tag.version_revision == version.revision

    def check_version(self, version) -> None:
        if self.any_tag or any(self._version_matches(tag, version) for tag in self.tags):
            return
        raise PreconditionFailed(
            _("Version %(label)s has changed since you read it; read it again.")
            % {"label": version.label},
            code="precondition_failed",
        )

    def check_criterion(self, criterion, *, version) -> None:
        for tag in self.tags:
            if tag.criterion_pk is None and self._version_matches(tag, version):
                return
            if tag.criterion_pk == criterion.pk and tag.criterion_revision == criterion.revision:
                return
        if self.any_tag:
            return
        raise PreconditionFailed(
            _("Criterion %(code)s has changed since you read it; read it again.")
            % {"code": criterion.code},
            code="precondition_failed",
        )
