"""A slow client: it opens a connection and sends a request's headers one byte every
``BYTE_EVERY`` seconds, never finishing, and opens a new one when the server closes it. Against a
server that gives each connection a thread while it reads, a few hundred of them take every
thread."""

import asyncio
import contextlib
import time

BYTE_EVERY = 0.5
HEAD = (
    b"POST /api/v1/comment-periods/1/comments/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    b"Content-Type: application/json\r\nX-Padding: " + b"x" * 4000
)


async def slow_client(*, port: int, stop_at: float) -> None:
    while time.monotonic() < stop_at:
        try:
            _reader, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            await asyncio.sleep(0.5)
            continue
        try:
            for byte in HEAD:
                if time.monotonic() >= stop_at:
                    break
                writer.write(bytes([byte]))
                await writer.drain()
                await asyncio.sleep(BYTE_EVERY)
        except (OSError, ConnectionError):
            pass
        finally:
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()
