"""Dates and numbers in the page's language: ``{% load wwc_i18n %}``.

``{% local_datetime period.closes_at period.timezone %}`` gives "27 de abril de 2022, 23:59, hora
de Nueva York" on a Spanish page; ``{% local_date version.published_at %}`` "1 de diciembre de
2026"; ``{{ level.min_percent|percent }}`` "51 %"; ``{{ count|number }}`` "1.234". Templates never
use Django's ``date`` filter for what people read (its formats differ from Babel's: "Dec. 1, 2026",
"1 de Dezembro de 2026"); only for ``<time datetime>``.
"""

from django import template

from standard_versions.translations import i18n

register = template.Library()


def _page_language() -> str:
    return i18n.current_language()


@register.simple_tag
def local_datetime(value, timezone="UTC"):
    if value is None:
        return ""
    return i18n.format_datetime(value, language=_page_language(), timezone=timezone)


@register.simple_tag
def local_date(value, timezone="UTC"):
    if value is None:
        return ""
    return i18n.format_date(value, language=_page_language(), timezone=timezone)


@register.filter
def percent(value):
    return i18n.format_percent(value, language=_page_language())


@register.filter
def number(value):
    """``{{ count|number }}``: "1,234" in English, "1.234" in Spanish and Portuguese."""
    return i18n.format_number(value, language=_page_language())
