"""Dates and numbers in the page's language: ``{% load wwc_i18n %}``.

``{% local_datetime period.closes_at period.timezone %}`` gives "27 de abril de 2022, 23:59
GMT-04:00" on a Spanish page; ``{{ level.min_percent|percent }}`` gives "51 %".
"""

from django import template
from django.utils.translation import get_language

from standard_versions import i18n

register = template.Library()


def _page_language() -> str:
    return i18n.language_from_tag(get_language()) or "en"


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
