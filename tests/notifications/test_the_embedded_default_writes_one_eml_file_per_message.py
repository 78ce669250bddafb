"""Without EMAIL_URL, each mail is a .eml file of its own in MAIL_DIR, as it would go over SMTP."""

import email

from django.core.mail import EmailMultiAlternatives, get_connection


def test_each_message_is_a_whole_eml_file_a_mail_program_can_open(tmp_path, settings):
    settings.EMAIL_BACKEND = "standard_versions.notifications.eml_backend.EmlFileBackend"
    settings.EMAIL_FILE_PATH = tmp_path / "mail"
    messages = []
    for n in range(2):
        message = EmailMultiAlternatives(
            subject=f"Recibo {n}: año", body=f"Texto {n}", to=[f"a{n}@example.org"]
        )
        message.attach_alternative(f"<p>Texto {n}</p>", "text/html")
        messages.append(message)
    with get_connection() as connection:
        assert connection.send_messages(messages) == 2
    files = sorted((tmp_path / "mail").iterdir())
    assert [path.suffix for path in files] == [".eml", ".eml"]
    parsed = [email.message_from_bytes(path.read_bytes()) for path in files]
    assert sorted(message["To"] for message in parsed) == ["a0@example.org", "a1@example.org"]
    (one,) = [message for message in parsed if message["To"] == "a0@example.org"]
    assert one.get_content_type() == "multipart/alternative"
    parts = [part.get_content_type() for part in one.walk()][1:]
    assert parts == ["text/plain", "text/html"]
    assert b"\r\n" in files[0].read_bytes()
