"""An overlong comment is refused whole, never cut: the page gives the whole text back with its
length and the limit in the reader's language, and the textareas carry the limit only for the
optional counter (a ``maxlength`` would make browsers cut pasted text without a word)."""

import re
from html import unescape

import pytest

from standard_versions.models import Comment
from tests.web.consultation.conftest import page_url, post_comment

pytestmark = pytest.mark.django_db

# 10,001 characters as the service counts them (NFC, a line break is one), with accents and a
# character outside the BMP, so nothing counts UTF-16 units or bytes.
OVERLONG = "Ação é ótima 🙂\r\n" + "x" * (10_001 - len("Ação é ótima 🙂\n"))


def _textarea(html: str, name: str) -> str:
    found = re.search(rf'<textarea id="comment-A0.0-{name}"[^>]*>\n(.*?)</textarea>', html, re.S)
    assert found, f"no textarea {name}"
    return unescape(found.group(1))


def test_an_overlong_comment_is_refused_and_its_whole_text_given_back_with_length_and_limit(
    client, open_period
):
    response = post_comment(client, open_period, body=OVERLONG)
    html = response.content.decode()
    assert response.status_code == 400
    assert Comment.objects.count() == 0
    assert _textarea(html, "body") == OVERLONG.replace("\r\n", "\n")
    message = "The comment has 10,001 characters; the limit is 10,000."
    assert f'<a href="#comment-A0.0-body">{message}</a>' in html  # the summary, to the field
    assert html.count(message) == 2  # and next to the field


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("es", "El comentario tiene 10.001 caracteres; el límite es 10.000."),
        ("pt-BR", "O comentário tem 10.001 caracteres; o limite é 10.000."),
    ],
)
def test_the_length_and_the_limit_are_said_in_the_readers_language(
    client, open_period, lang, message
):
    response = client.post(
        f"{page_url(open_period)}?lang={lang}",
        {"criterion": "A0.0", "body": OVERLONG, "type": "general", "language": lang},
    )
    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_comment_of_exactly_the_limit_is_stored_whole_its_line_breaks_counting_one(
    client, open_period
):
    body = "Line\r\n" * 1_000 + "y" * (10_000 - 5 * 1_000)
    assert post_comment(client, open_period, body=body).status_code == 303
    assert Comment.objects.get().body == body.replace("\r\n", "\n")
    assert len(Comment.objects.get().body) == 10_000


def test_an_overlong_proposed_text_is_refused_with_its_length_and_kept(client, open_period):
    proposed = "p" * 12_345
    response = post_comment(client, open_period, proposed_text=proposed)
    html = response.content.decode()
    assert response.status_code == 400
    assert "The proposed text has 12,345 characters; the limit is 10,000." in html
    assert _textarea(html, "proposed_text") == proposed
    assert Comment.objects.count() == 0


def test_the_api_refuses_an_overlong_comment_with_the_same_message(api_client, open_period):
    response = api_client.post(
        f"/api/v1/comment-periods/{open_period.pk}/comments/?lang=es",
        {"body": "x" * 10_001},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "comment_body_too_long"
    assert response.json()["detail"] == (
        "El comentario tiene 10.001 caracteres; el límite es 10.000."
    )


def test_the_textareas_have_no_maxlength_and_carry_the_limit_for_the_counter(client, open_period):
    html = client.get(page_url(open_period)).content.decode()
    textareas = re.findall(r"<textarea [^>]*>", html)
    assert textareas
    assert all("maxlength" not in tag for tag in textareas)
    assert all('data-max-chars="10000"' in tag for tag in textareas)
    script = re.search(r'<script src="[^"]*comment-form[^"]*\.js" defer [^>]*>', html).group(0)
    assert 'data-within="{count} of {max} characters"' in script
    assert "over the limit of {max}" in script


def test_a_form_refused_for_its_csrf_token_gives_back_the_whole_text(open_period):
    from django.test import Client

    response = post_comment(Client(enforce_csrf_checks=True), open_period, body=OVERLONG)
    assert response.status_code == 403
    assert OVERLONG.replace("\r\n", "\n")[-500:] in unescape(response.content.decode())
