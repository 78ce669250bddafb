"""Messages that were wrong in a translation: Spanish read "no es es ni pt_BR" (the codes were not
marked as codes) and Portuguese "não importada" agreed with nothing in its sentence."""

import pytest
from django.utils import translation
from django.utils.translation import gettext


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("es", "El encabezado Language (fr) no es «es» ni «pt_BR»."),
        ("pt-br", "O cabeçalho Language (fr) não é “es” nem “pt_BR”."),
    ],
)
def test_language_codes_in_a_sentence_are_quoted(language, expected):
    with translation.override(language):
        message = gettext("The Language header (%(value)s) is not es or pt_BR.")
    assert message % {"value": "fr"} == expected


@pytest.mark.parametrize(
    ("msgid", "expected"),
    [
        (
            "%(context)s is fuzzy: not imported.",
            "A entrada criterion:DM7:title está marcada como fuzzy: não foi importada.",
        ),
        (
            "The English of %(context)s is now empty: not imported.",
            "O inglês de criterion:DM7:title agora está vazio: a tradução não foi importada.",
        ),
        (
            "The msgid of %(context)s is not the current English: imported as stale.",
            "O msgid de criterion:DM7:title não é o inglês atual: a tradução foi importada como "
            "desatualizada.",
        ),
    ],
)
def test_portuguese_import_messages_agree_with_their_subject(msgid, expected):
    with translation.override("pt-br"):
        message = gettext(msgid)
    assert message % {"context": "criterion:DM7:title"} == expected
    assert "não importada" not in message
