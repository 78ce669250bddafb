"""The embedded default's mail backend: each message a file of its own, ``<MAIL_DIR>/<date>-
<time>-<id>.eml``, exactly as it would go over SMTP (RFC 5322 with CRLF line ends), so any mail
program opens it. Django's file backend appends every message of a connection to one ``.log``
file instead."""

import datetime as dt
import hashlib
import os
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend


class EmlFileBackend(BaseEmailBackend):
    def __init__(self, *args, file_path=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.folder = Path(file_path or settings.EMAIL_FILE_PATH)

    def send_messages(self, email_messages) -> int:
        self.folder.mkdir(parents=True, exist_ok=True)
        sent = 0
        for message in email_messages:
            if not message.recipients():
                continue
            content = message.message().as_bytes(linesep="\r\n")
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S-%f")
            name = hashlib.sha256(content).hexdigest()[:12]
            path = self.folder / f"{stamp}-{name}.eml"
            # Written whole, then renamed: a reader of the folder never sees half a message.
            partial = path.with_suffix(".eml.part")
            partial.write_bytes(content)
            os.replace(partial, path)
            sent += 1
        return sent
