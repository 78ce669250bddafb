"""How long each field of a comment may be: the one statement of the limits that the service
enforces, the API's input serializer and the web form parse with, and the pages show.

Two kinds of limit:

- The rules (``BODY_MAX_CHARS``, ``PROPOSED_TEXT_MAX_CHARS``, ``RESPONSE_MAX_CHARS``): the
  service decides them after NFC normalisation, a line break counting one character, and refuses
  a text over them whole with its length and the limit in the reader's language.
- The parsers' bounds (``TEXT_INPUT_MAX_CHARS`` and the field lengths): what the API and the web
  form accept at all. The text bound is generous enough never to decide what the rule decides;
  the field lengths are the columns' (``models.Comment``).
"""

BODY_MAX_CHARS = 10_000
PROPOSED_TEXT_MAX_CHARS = 10_000
TEXT_INPUT_MAX_CHARS = 100_000

CRITERION_CODE_MAX_CHARS = 20
NAME_MAX_CHARS = 200
ORGANIZATION_MAX_CHARS = 200
EMAIL_MAX_CHARS = 254
# A BCP 47 language tag as commenters' clients send it ("en", "pt-BR", "zh-Hant-TW").
LANGUAGE_TAG_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$"
LANGUAGE_TAG_MAX_CHARS = 35

# Staff: a response to a commenter, and the reason kept in history for a staff change.
RESPONSE_MAX_CHARS = 20_000
STAFF_REASON_MAX_CHARS = 2000

# A commenter's answer to a response: an objection's text (the rule, after NFC), and the days a
# period gives commenters to answer (``CommentPeriod.answer_window_days``'s validators).
ANSWER_TEXT_MAX_CHARS = 2000
ANSWER_WINDOW_DAYS_MIN = 1
ANSWER_WINDOW_DAYS_MAX = 365
# Staff: the one reply to an objection.
OBJECTION_REPLY_MAX_CHARS = 5000
