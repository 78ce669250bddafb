"""Forms of the admin's workflow pages (publish, withdraw, open, extend, close, reopen).

They only parse: every rule is the service's, and a refusal is shown with the service's message.
Each asks for its reason (required: it is recorded in the history with the staff member's name,
and for a period it is also shown publicly). Times are typed in the period's own time zone, as
the public reads them; an ISO 8601 time with an offset is taken as given.
"""

import datetime as dt

from django import forms
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext_lazy as _

from standard_versions.consultation.comment_limits import (
    ANSWER_WINDOW_DAYS_MAX,
    ANSWER_WINDOW_DAYS_MIN,
)
from standard_versions.models import DEFAULT_ANSWER_WINDOW_DAYS, Version, VersionStatus
from standard_versions.standards.editing import MAX_REASON_LENGTH
from standard_versions.translations import i18n


def local_instant(text: str, *, timezone: str) -> dt.datetime | None:
    """``text`` as an instant: "2030-04-28 00:00" (or a date alone, its midnight) in
    ``timezone``; "2030-04-28T00:00:00-04:00" as written. None when it is neither."""
    text = (text or "").strip()
    try:
        moment = parse_datetime(text)
        if moment is None:
            day = parse_date(text)
            moment = dt.datetime.combine(day, dt.time()) if day else None
    except ValueError:
        return None
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=i18n._zone(timezone))
    return moment


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=MAX_REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required. Recorded in the history with your name."),
    )


class _VersionActionForm(ReasonForm):
    close_open_period = forms.BooleanField(
        label=_("Close its comment period now"),
        required=False,
        help_text=_(
            "A version with a scheduled or open comment period is refused unless this is "
            "ticked: the period then closes now (a scheduled one never opens), with this reason "
            "shown publicly in its changes."
        ),
    )


class PublishForm(_VersionActionForm):
    effective_from = forms.DateField(
        label=_("Effective from"),
        required=False,
        help_text=_("Optional: the date from which cities are assessed against it (YYYY-MM-DD)."),
    )
    field_order = ("effective_from", "close_open_period", "reason")


class WithdrawForm(_VersionActionForm):
    pass


class _LocalTimeField(forms.CharField):
    """A time typed in the period's zone; converted by the form, which knows the zone."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "help_text",
            _(
                "Local date and time in the period's time zone (YYYY-MM-DD HH:MM; a date alone "
                "is its midnight)."
            ),
        )
        super().__init__(max_length=64, **kwargs)


class _ClosingTimeForm(ReasonForm):
    closes_at = _LocalTimeField(label=_("New closing time (the first instant refused)"))
    field_order = ("closes_at", "reason")

    def __init__(self, *args, timezone: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.timezone = timezone

    def clean_closes_at(self) -> dt.datetime:
        moment = local_instant(self.cleaned_data["closes_at"], timezone=self.timezone)
        if moment is None:
            raise forms.ValidationError(_("Enter a date and time such as 2030-04-28 00:00."))
        return moment


class ExtendForm(_ClosingTimeForm):
    pass


class ReopenForm(_ClosingTimeForm):
    pass


class CloseForm(ReasonForm):
    pass


def _answer_window_field(**options) -> forms.IntegerField:
    return forms.IntegerField(
        label=_("Days to answer a response"),
        initial=DEFAULT_ANSWER_WINDOW_DAYS,
        min_value=ANSWER_WINDOW_DAYS_MIN,
        max_value=ANSWER_WINDOW_DAYS_MAX,
        help_text=_(
            "How long a commenter may accept or object to the response to their comment, "
            "counted from the response; without an answer it is then assumed satisfactory."
        ),
        **options,
    )


class AnswerWindowForm(ReasonForm):
    answer_window_days = _answer_window_field()
    field_order = ("answer_window_days", "reason")


class OpenPeriodForm(ReasonForm):
    version = forms.ModelChoiceField(
        label=_("Draft"),
        queryset=Version.objects.filter(status=VersionStatus.DRAFT).select_related("standard"),
    )
    timezone = forms.CharField(
        label=_("Time zone"),
        initial="America/New_York",
        max_length=64,
        help_text=_("An IANA name such as America/New_York; the times below are in it."),
    )
    opens_at = _LocalTimeField(label=_("Opens at"))
    closes_at = _LocalTimeField(label=_("Closes at (the first instant refused)"))
    criteria = forms.CharField(
        label=_("Criteria"),
        required=False,
        max_length=2000,
        help_text=_("Codes separated by commas (DM7, DM8); empty for the whole version."),
    )
    instructions = forms.CharField(
        label=_("Instructions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Markdown."),
    )
    answer_window_days = _answer_window_field(required=False)  # empty: the default
    field_order = (
        "version",
        "timezone",
        "opens_at",
        "closes_at",
        "criteria",
        "instructions",
        "answer_window_days",
        "reason",
    )

    def clean(self):
        data = super().clean()
        zone = data.get("timezone") or "UTC"
        for name in ("opens_at", "closes_at"):
            if name in data:
                moment = local_instant(data[name], timezone=zone)
                if moment is None:
                    self.add_error(name, _("Enter a date and time such as 2030-04-28 00:00."))
                else:
                    data[name] = moment
        return data

    def criteria_codes(self) -> list[str] | None:
        codes = [code.strip() for code in self.cleaned_data["criteria"].split(",")]
        codes = [code for code in codes if code]
        return codes or None
