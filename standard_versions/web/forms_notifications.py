"""The subscribe form: an address and how often; what it follows comes from hidden fields the
page filled (the standard, and a criterion's permanent key). The language is the page's."""

from django import forms
from django.utils.translation import gettext_lazy as _

from standard_versions.models import Frequency

FREQUENCY_LABELS = {
    Frequency.IMMEDIATE: _("A mail for each piece of news, as it happens"),
    Frequency.DAILY: _("One mail a day at most, with everything new (a daily digest)"),
}


class SubscribeForm(forms.Form):
    standard = forms.SlugField(max_length=50)
    criterion = forms.CharField(max_length=64, required=False)
    email = forms.EmailField(
        max_length=254,
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address like name@example.org."),
        },
    )
    frequency = forms.ChoiceField(
        choices=list(FREQUENCY_LABELS.items()),
        initial=Frequency.IMMEDIATE,
        error_messages={"required": _("Choose how often to get mail.")},
    )

    def frequency_choices(self):
        """(value, label, checked) for the radio buttons."""
        chosen = self["frequency"].value() or Frequency.IMMEDIATE
        return [(value, label, value == chosen) for value, label in FREQUENCY_LABELS.items()]
