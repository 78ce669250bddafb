"""The words the consultation pages use for the models' states and choices, in the reader's
language: longer than the models' one-word labels where a reader chooses from them."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from standard_versions.models import CommentType, Disposition, ModerationState, PeriodStatus

# Longer labels than the model's one-word choices: a commenter picks one from these.
TYPE_LABELS = {
    CommentType.GENERAL: _("General"),
    CommentType.EDITORIAL: _("Editorial: wording, spelling, clarity"),
    CommentType.TECHNICAL: _("Technical: what the criterion asks of cities"),
    CommentType.TRANSLATION: _("Translation"),
}
CHANGE_LABELS = {
    "extended": _("Extended"),
    "closed_early": _("Closed early"),
    "reopened": _("Reopened"),
    "cancelled": _("Cancelled before it opened"),
}
STATUS_LABELS = {
    PeriodStatus.SCHEDULED: _("Not open yet"),
    PeriodStatus.OPEN: _("Open for comment"),
    PeriodStatus.CLOSED: _("Closed"),
}
MODERATION_LABELS = {
    ModerationState.RECEIVED: _("Received, not reviewed yet"),
    ModerationState.PUBLISHED: pgettext_lazy("comment moderation state", "Published"),
    ModerationState.WITHHELD: _("Withheld from publication"),
}
SUMMARY_LABELS = {
    "published": _("Published comments"),
    "awaiting_response": _("Awaiting a response"),
    **{value: label for value, label in Disposition.choices},
}
