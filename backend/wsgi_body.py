"""A WSGI wrapper that gives Django a length for bodies sent without one."""

import io

from django.conf import settings


class ChunkedBodyReader:
    """Reads a body sent with ``Transfer-Encoding: chunked`` (and so without ``Content-Length``)
    into memory, at most one byte past the cap, and hands it on with its length.

    Django reads ``wsgi.input`` only up to ``CONTENT_LENGTH``, so such a body arrived empty ("body:
    This field is required"). Only a server that has de-chunked the body and marks its end
    (``wsgi.input_terminated``, as gunicorn does) can be read to the end safely; elsewhere the
    request goes on as it came and ``RequestBodyLimitMiddleware`` answers 411. A body over the cap
    arrives with a length over the cap, which that middleware refuses with 413.
    """

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if (
            environ.get("HTTP_TRANSFER_ENCODING")
            and not (environ.get("CONTENT_LENGTH") or "").strip()
            and environ.get("wsgi.input_terminated")
        ):
            body = environ["wsgi.input"].read(settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
            environ["wsgi.input"] = io.BytesIO(body)
            environ["CONTENT_LENGTH"] = str(len(body))
        return self.application(environ, start_response)
