"""The consultation page's comment form: a Django form that reads each field as the API reads the
same field (``api/serializers/comments.py``): the same limits (``consultation/comment_limits``),
the same defaults, the same outcome and the same messages; the service then applies the rules
common to both (``consultation.comments.submit``).

- ``website`` is the honeypot: hidden from people and assistive technology, so only a robot that
  fills every field fills it. A filled honeypot is answered with a neutral page and stores nothing.
- There is no idempotency key in the form: a double tap, or Back and Send again, is recognised
  on the server from the browser and the text (``web/resubmission.py``) and gets the first
  comment's receipt instead of a second comment.
- Browsers send a textarea's line breaks as CRLF; they are sent on as LF, as an API client would,
  so a line break counts as one character, as the page's counter counts it. The textareas have no
  ``maxlength`` (browsers cut pasted text at it silently): the service refuses a text over the
  limit whole and the page gives it back.
- A field that was not sent takes its default (the body alone must be sent); an empty one takes
  its default too, unless it may be blank. The criterion and the language are hidden fields: their
  errors are shown in the summary, named.
"""

from urllib.parse import unquote_to_bytes

from django import forms
from django.core import validators
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict
from django.http.request import RawPostDataException
from django.utils.translation import gettext_lazy as _

from standard_versions.consultation import comment_limits as limits
from standard_versions.models import CommentType
from standard_versions.web.labels_consultation import TYPE_LABELS

HONEYPOT_FIELD = "website"
# The fields a commenter sees, in the form's order (the error summary's order).
VISIBLE_FIELDS = (
    "body",
    "proposed_text",
    "type",
    "name",
    "organization",
    "identity_public",
    "email",
)

INVALID_UTF8_MESSAGE = _(
    "Part of what was sent is not valid UTF-8 text, so nothing was stored. The text is shown "
    "again below as it arrived; check it, then send it again."
)
# The API's wording of these refusals (Django REST framework's), so that both say the same.
TOO_LONG_MESSAGE = _("Ensure this field has no more than %(max_length)s characters.")
BLANK_MESSAGE = _("This field may not be blank.")
NOT_A_CHOICE_MESSAGE = _('"%(input)s" is not a valid choice.')
NOT_THE_PATTERN_MESSAGE = _("This value does not match the required pattern.")
NOT_A_BOOLEAN_MESSAGE = _("Must be a valid boolean.")

# What the API's BooleanField reads as true and as false (any case); anything else is refused.
TRUE_TEXTS = frozenset({"t", "y", "yes", "true", "on", "1"})
FALSE_TEXTS = frozenset({"f", "n", "no", "false", "off", "0"})


def _lf(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n")


def _checked(value, checks) -> None:
    """Every check's refusal at once, in the checks' order."""
    errors = []
    for check in checks:
        try:
            check(value)
        except ValidationError as error:
            errors.extend(error.error_list)
    if errors:
        raise ValidationError(errors)


class _TextField(forms.Field):
    """A text field as the API reads it: ``None`` (not sent) takes the default, or is refused
    when ``must_be_sent``; empty (or only white space, when ``strip``) is ``""`` when it may be
    blank, else the default (empty) or refused (white space); otherwise stripped (``strip``),
    checked (length, no NUL, then ``checks``) and, with ``lf``, its line breaks made LF."""

    def __init__(
        self,
        *,
        max_length: int | None,
        allow_blank: bool = True,
        strip: bool = True,
        must_be_sent: bool = False,
        default: str = "",
        checks=(),
        lf: bool = False,
    ):
        super().__init__(required=False, initial="")
        self.allow_blank, self.strip, self.must_be_sent = allow_blank, strip, must_be_sent
        self.default, self.lf = default, lf
        length = [self._max_length(max_length)] if max_length is not None else []
        self.checks = [*length, validators.ProhibitNullCharactersValidator(), *checks]

    @staticmethod
    def _max_length(limit: int):
        def check(value: str) -> None:
            if len(value) > limit:
                raise ValidationError(TOO_LONG_MESSAGE % {"max_length": limit}, code="max_length")

        return check

    def clean(self, value):
        if value is None:
            if self.must_be_sent:
                raise ValidationError(self.error_messages["required"], code="required")
            return self.default
        if value == "" and not self.allow_blank:
            return self.default
        if value == "" or (self.strip and not value.strip()):
            if not self.allow_blank:
                raise ValidationError(BLANK_MESSAGE, code="blank")
            return ""
        value = value.strip() if self.strip else value
        _checked(value, self.checks)
        return _lf(value) if self.lf else value

    def bound_data(self, data, initial):
        """As sent, to show again next to the errors (CRLF as LF in the textareas)."""
        if data is None:
            return ""
        return data.replace("\r\n", "\n") if self.lf else data


class _ChoiceField(forms.Field):
    """One of ``choices`` exactly as sent (not stripped); not sent or empty: the default."""

    def __init__(self, *, choices, default: str):
        super().__init__(required=False, initial=None)
        self.choice_values, self.default = {str(value) for value, _label in choices}, default

    def clean(self, value):
        if value is None or value == "":
            return self.default
        if value not in self.choice_values:
            raise ValidationError(NOT_A_CHOICE_MESSAGE % {"input": value}, code="invalid_choice")
        return value

    def bound_data(self, data, initial):
        return data or ""


class _BooleanField(forms.Field):
    """A checkbox as the API reads the same field: absent or empty is false."""

    def __init__(self):
        super().__init__(required=False, initial=False)

    def clean(self, value):
        if value is None or value == "":
            return False
        if value.lower() in TRUE_TEXTS:
            return True
        if value.lower() in FALSE_TEXTS:
            return False
        raise ValidationError(NOT_A_BOOLEAN_MESSAGE, code="invalid")

    def bound_data(self, data, initial):
        # Shown checked again whenever something was sent for it.
        return bool(data)


class CommentForm(forms.Form):
    """One comment form of the consultation page: blank (unbound, for criterion
    ``criterion_code``, empty for the version as a whole) or as sent (bound to ``data``)."""

    criterion = _TextField(max_length=limits.CRITERION_CODE_MAX_CHARS)
    body = _TextField(
        max_length=limits.TEXT_INPUT_MAX_CHARS, strip=False, must_be_sent=True, lf=True
    )
    proposed_text = _TextField(max_length=limits.TEXT_INPUT_MAX_CHARS, strip=False, lf=True)
    type = _ChoiceField(choices=CommentType.choices, default=CommentType.GENERAL)
    language = _TextField(
        max_length=limits.LANGUAGE_TAG_MAX_CHARS,
        allow_blank=False,
        default="en",
        checks=[validators.RegexValidator(limits.LANGUAGE_TAG_PATTERN, NOT_THE_PATTERN_MESSAGE)],
    )
    name = _TextField(max_length=limits.NAME_MAX_CHARS)
    organization = _TextField(max_length=limits.ORGANIZATION_MAX_CHARS)
    identity_public = _BooleanField()
    email = _TextField(max_length=None, checks=[validators.EmailValidator()])

    def __init__(self, data=None, *, criterion_code: str = ""):
        super().__init__(data)
        if data is not None:
            criterion_code = (data.get("criterion") or "")[: limits.CRITERION_CODE_MAX_CHARS]
        self.criterion_code = criterion_code

    @property
    def id_prefix(self) -> str:
        """What the ids of this form's elements start with (and its anchor, ``-form``)."""
        return f"comment-{self.criterion_code}" if self.criterion_code else "comment-version"

    @property
    def field_errors(self) -> list[tuple[str, str]]:
        """(element id, message) for the error summary, fields in the form's order; the errors
        of the hidden fields and of the form as a whole point at the form, the field named."""
        found = [
            (f"{self.id_prefix}-{name}", str(message))
            for name in VISIBLE_FIELDS
            for message in self.errors.get(name, [])
        ]
        hidden = [name for name in self.fields if name not in VISIBLE_FIELDS]
        found += [
            (
                f"{self.id_prefix}-form",
                str(_("%(field)s: %(message)s") % {"field": name, "message": message}),
            )
            for name in hidden
            for message in self.errors.get(name, [])
        ]
        found += [(f"{self.id_prefix}-form", str(message)) for message in self.non_field_errors()]
        return found

    @property
    def type_choices(self) -> list[tuple[str, str, bool]]:
        chosen = self["type"].value() or CommentType.GENERAL
        return [(value, str(label), value == chosen) for value, label in TYPE_LABELS.items()]

    def honeypot_filled(self) -> bool:
        return bool((self.data.get(HONEYPOT_FIELD) or "").strip())

    def refuse(self, message) -> None:
        """Refuse the form as a whole without checking its fields (too many comments, bytes that
        are not UTF-8): ``message`` is then its only error."""
        self._errors = ErrorDict(renderer=self.renderer)
        self.cleaned_data = {}
        self.add_error(None, message)


def form_is_utf8(request) -> bool:
    """False when a URL-encoded form body holds bytes that are not UTF-8. Django decodes such a
    body with replacement characters (U+FFFD), so the comment would be stored with its text
    silently changed; the API refuses the same bytes as a parse error."""
    if request.content_type != "application/x-www-form-urlencoded":
        return True
    try:
        body = request.body
    except RawPostDataException:
        return True
    try:
        for pair in body.split(b"&"):
            for part in pair.split(b"=", 1):
                unquote_to_bytes(part.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
