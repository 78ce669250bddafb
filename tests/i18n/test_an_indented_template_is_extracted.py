"""A template include that starts indented (as a fragment of its includer) is still extracted:
Django's templatize keeps the indentation, which Python's tokenizer would refuse."""

import io

from standard_versions.translations.catalogs import KEYWORDS, extract_django_template

TEMPLATE = """{% load i18n %}
    <p>
      {% translate "Shown in an indented include" %}
    </p>
  {% blocktranslate with n=count %}{{ n }} sentences{% endblocktranslate %}
"""


def test_messages_of_an_indented_include_are_found_with_their_lines():
    found = list(
        extract_django_template(io.BytesIO(TEMPLATE.encode()), KEYWORDS, ("Translators:",), {})
    )
    assert [(line, message) for line, _, message, _ in found] == [
        (3, "Shown in an indented include"),
        (5, "%(n)s sentences"),
    ]
