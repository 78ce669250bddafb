"""The comment benchmarks' clients: a small keep-alive HTTP/1.1 client (the standard library has
no async one), the loop of one submitting client with what it records, and the receipt check."""

import asyncio
import contextlib
import heapq
import json
import time
import uuid
from dataclasses import dataclass, field


class HTTPError(Exception):
    pass


class Connection:
    def __init__(self, host: str, port: int, timeout: float):
        self.host, self.port, self.timeout = host, port, timeout
        self.reader = self.writer = None

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(Exception):
                await self.writer.wait_closed()
        self.reader = self.writer = None

    async def request(self, method: str, path: str, body: bytes = b"", headers=()):
        return await asyncio.wait_for(self._request(method, path, body, headers), self.timeout)

    async def _request(self, method, path, body, headers):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        head = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}"]
        if body:
            head += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
        head += [f"{name}: {value}" for name, value in headers]
        self.writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + body)
        await self.writer.drain()
        raw = await self.reader.readuntil(b"\r\n\r\n")
        lines = raw.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        response_headers = {}
        for line in lines[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                response_headers[name.strip().lower()] = value.strip()
        if response_headers.get("transfer-encoding", "").lower() == "chunked":
            content = b""
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).strip().split(b";")[0], 16)
                if size == 0:
                    await self.reader.readuntil(b"\r\n")
                    break
                content += await self.reader.readexactly(size + 2)
                content = content[:-2]
        else:
            content = await self.reader.readexactly(int(response_headers.get("content-length", 0)))
        if response_headers.get("connection", "").lower() == "close":
            await self.close()
        return status, response_headers, content


# ---- the load -------------------------------------------------------------------------------


@dataclass
class Results:
    acknowledged: dict[str, str] = field(default_factory=dict)  # idempotency key -> tracking id
    latencies: list[float] = field(default_factory=list)  # first attempt -> 201, seconds
    attempts: int = 0
    retries: int = 0
    retry_reasons: dict[str, int] = field(default_factory=dict)
    unexpected: list[str] = field(default_factory=list)
    abandoned: int = 0
    replayed: int = 0
    # Every attempt: what it was answered (a status, or the exception) and how long that took.
    answers: dict[str, int] = field(default_factory=dict)
    answer_seconds: list[float] = field(default_factory=list)
    # When each 201 came (time.monotonic()), for the recovery after a fault.
    ack_times: list[float] = field(default_factory=list)
    started: float = 0.0
    # The slowest attempts: (seconds, what it was answered, whether it opened a connection, when).
    slowest: list[tuple[float, str, bool, float]] = field(default_factory=list)
    # How late this process's own event loop ran a 20 ms timer at worst: time a client's answer
    # spent waiting on the load generator itself, not on the server.
    loop_lag_max: float = 0.0

    def note_attempt(self, seconds: float, answer: str, connected: bool, at: float) -> None:
        self.answer_seconds.append(seconds)
        entry = (seconds, answer, connected, at - self.started)
        if len(self.slowest) < 5:
            heapq.heappush(self.slowest, entry)
        elif seconds > self.slowest[0][0]:
            heapq.heapreplace(self.slowest, entry)


async def client_loop(
    index, *, port, period_id, stop_at, give_up_at, timeout, results: Results, email: bool = True
):
    connection = Connection("127.0.0.1", port, timeout)
    path = f"/api/v1/comment-periods/{period_id}/comments/"
    sequence = 0
    try:
        while time.monotonic() < stop_at:
            sequence += 1
            key = uuid.uuid4().hex
            payload = {
                "body": f"Load comment {index}-{sequence} {key}: the criterion should say "
                "how often the data inventory is reviewed, and by whom.",
                "type": "technical",
            }
            if email:
                # Each address is new, so every comment gets its receipt mail (an outbox row).
                payload["email"] = f"client{index}-{sequence}@load.example"
            body = json.dumps(payload).encode()
            started = time.monotonic()
            delay = 0.05
            while True:
                results.attempts += 1
                reason = None
                wait = None
                attempted = time.monotonic()
                connected = connection.writer is None
                try:
                    status, headers, content = await connection.request(
                        "POST", path, body, headers=[("Idempotency-Key", key)]
                    )
                except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as e:
                    reason = type(e).__name__
                    await connection.close()
                    results.answers[reason] = results.answers.get(reason, 0) + 1
                else:
                    results.answers[str(status)] = results.answers.get(str(status), 0) + 1
                    if status == 503 and headers.get("retry-after", "").isdigit():
                        wait = min(int(headers["retry-after"]), 10)
                    if status == 201:
                        results.note_attempt(
                            time.monotonic() - attempted, "201", connected, attempted
                        )
                        answer = json.loads(content)
                        results.acknowledged[key] = answer["tracking_id"]
                        results.ack_times.append(time.monotonic())
                        results.latencies.append(time.monotonic() - started)
                        if headers.get("idempotent-replayed") == "true":
                            results.replayed += 1
                        break
                    if status >= 500 or status == 429:
                        reason = f"HTTP {status}"
                    else:
                        results.unexpected.append(f"{status} {content[:200]!r}")
                        break
                results.note_attempt(
                    time.monotonic() - attempted, reason or str(status), connected, attempted
                )
                results.retries += 1
                results.retry_reasons[reason] = results.retry_reasons.get(reason, 0) + 1
                if time.monotonic() > give_up_at:
                    results.abandoned += 1
                    return
                # As a well-behaved client does: the server's Retry-After, else doubling.
                await asyncio.sleep(wait if wait is not None else delay)
                delay = min(delay * 2, 1.0)
    finally:
        await connection.close()


async def check_receipts(port: int, tracking_ids: list[str], clients: int, timeout: float):
    queue = list(tracking_ids)
    failures: list[str] = []

    async def worker():
        connection = Connection("127.0.0.1", port, timeout)
        try:
            while queue:
                tracking_id = queue.pop()
                for _attempt in range(20):
                    try:
                        status, _h, content = await connection.request(
                            "GET", f"/api/v1/comments/{tracking_id}/"
                        )
                    except (TimeoutError, OSError, asyncio.IncompleteReadError):
                        await connection.close()
                        await asyncio.sleep(0.2)
                        continue
                    if status >= 500:
                        await asyncio.sleep(0.2)
                        continue
                    if status != 200 or json.loads(content)["tracking_id"] != tracking_id:
                        failures.append(f"{tracking_id}: {status}")
                    break
                else:
                    failures.append(f"{tracking_id}: no answer")
        finally:
            await connection.close()

    await asyncio.gather(*(worker() for _ in range(clients)))
    return failures
