"""Tracking ids as people write them down and read them out.

A tracking id is stored and served (API, URLs) as generated: 26 lowercase base32 characters
(``services.comments.new_tracking_id``). People are shown it in groups of four,
``k5q3-w7pz-2mxb-6yq4-hd3f-jr5t-ne``, and may give it back in any case, with or without the dashes,
with spaces, or with the dashes a word processor or phone substitutes.
"""

import re

GROUP_SIZE = 4
# White space of any kind, ASCII hyphen-minus, the Unicode hyphens and dashes, the minus sign.
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212]+")


def grouped(tracking_id: str) -> str:
    """``k5q3w7pz...`` -> ``k5q3-w7pz-...``, for reading, copying and printing."""
    return "-".join(
        tracking_id[start : start + GROUP_SIZE] for start in range(0, len(tracking_id), GROUP_SIZE)
    )


def canonical(written: str) -> str:
    """A tracking id as someone wrote it -> as stored: separators dropped, lowercase."""
    return _SEPARATORS.sub("", written).lower()
