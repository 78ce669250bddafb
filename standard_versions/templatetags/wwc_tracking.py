"""``{% load wwc_tracking %}``: ``{{ comment.tracking_id|tracking_id_groups }}`` shows a tracking
id in groups of four (``standard_versions.consultation.tracking_ids``)."""

from django import template

from standard_versions.consultation import tracking_ids

register = template.Library()


@register.filter
def tracking_id_groups(tracking_id: str) -> str:
    return tracking_ids.grouped(tracking_id or "")
