"""The webhook's HTTP server: small, strict, and checked before it reads anything large.

python-telegram-bot's own webhook server (tornado) reads up to 100 MB of a request into
memory before it looks at the secret token, has no deadline for a request that trickles
in, and no cap on connections. Telegram's deliveries are small JSON documents, so this
server asks for very little and refuses early:

- the request head must arrive whole, within ``request_timeout`` (with the body) and within
  ``HEAD_LIMIT`` bytes;
- the secret header is compared (in constant time) before a byte of the body is read;
- the body must announce its length (no chunked uploads), at most ``max_body`` bytes;
- at most ``max_connections`` connections at once; one more is answered 503 and closed.

An update is handled *before* the 200 goes back: a 200 means done, so a replica that
stops (or dies) mid-update leaves Telegram (or the load balancer) to deliver it again.
``GET /healthz`` (200 or 503, nothing else) and ``GET /metrics`` share the port.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from http import HTTPStatus

log = logging.getLogger("amicus.webhook")

HEAD_LIMIT = 16 * 1024  # request line and headers; Telegram's are a few hundred bytes
SECRET_HEADER = "x-telegram-bot-api-secret-token"

Process = Callable[[dict], Awaitable[None]]
Probe = Callable[[], Awaitable[bool]]
Metrics = Callable[[], Awaitable[tuple[bytes, str]]]


@dataclass(frozen=True)
class Limits:
    max_body: int = 1024 * 1024  # 1 MiB: a Telegram update is a few KiB at most
    request_timeout: float = 10.0  # the whole request (head and body), and idle keep-alive
    max_connections: int = 100  # Telegram opens at most 40 (setWebhook's max_connections)
    shutdown_grace: float = 20.0  # for updates in hand when the process is asked to stop


class _Reject(Exception):
    def __init__(self, status: HTTPStatus):
        self.status = status


class WebhookServer:
    def __init__(
        self,
        path: str,
        secret: str,
        process: Process,
        healthy: Probe,
        metrics: Metrics | None = None,
        limits: Limits = Limits(),
    ):
        self.path = "/" + path.lstrip("/")
        self._secret = secret.encode()
        self._process = process
        self._healthy = healthy
        self._metrics = metrics
        self.limits = limits
        self._server: asyncio.Server | None = None
        self._connections: set[asyncio.StreamWriter] = set()
        self._busy: set[asyncio.Task] = set()  # updates being handled
        self.port = 0

    async def start(self, host: str, port: int) -> None:
        self._server = await asyncio.start_server(
            self._serve, host, port, limit=HEAD_LIMIT, reuse_address=True
        )
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        """Refuse new connections, let the updates in hand finish, then close the rest."""
        if self._server is not None:
            self._server.close()
        if self._busy:
            await asyncio.wait(set(self._busy), timeout=self.limits.shutdown_grace)
        for writer in list(self._connections):
            writer.transport.abort()
        if self._server is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 5)
            self._server = None

    # ------------------------------------------------------------ one connection

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if len(self._connections) >= self.limits.max_connections:
            with contextlib.suppress(OSError):
                writer.write(_response(HTTPStatus.SERVICE_UNAVAILABLE, close=True))
                await asyncio.wait_for(writer.drain(), 1)
            writer.transport.abort()
            return
        self._connections.add(writer)
        try:
            keep_alive = True
            while keep_alive:
                keep_alive = await self._one_request(reader, writer)
        except (OSError, asyncio.IncompleteReadError, TimeoutError):
            pass  # the client went away, or took too long: nothing to answer
        finally:
            self._connections.discard(writer)
            writer.transport.abort()

    async def _one_request(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> bool:
        deadline = asyncio.get_running_loop().time() + self.limits.request_timeout
        try:
            try:
                head = await _before(deadline, reader.readuntil(b"\r\n\r\n"))
            except asyncio.LimitOverrunError:
                raise _Reject(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE) from None
            except asyncio.IncompleteReadError as exc:
                if exc.partial:
                    raise
                return False  # a clean close between requests
            status, body, content_type, close = await self._route(head, reader, deadline)
        except _Reject as rejected:
            # Closed after the answer: whatever body was announced is never read.
            status, body, content_type, close = rejected.status, b"", "text/plain", True
        writer.write(_response(status, body, content_type, close))
        await _before(asyncio.get_running_loop().time() + 5, writer.drain())
        return not close

    async def _route(
        self, head: bytes, reader: asyncio.StreamReader, deadline: float
    ) -> tuple[HTTPStatus, bytes, str, bool]:
        method, target, headers, close = _parse_head(head)
        path = target.split("?", 1)[0]
        has_body = headers.get("content-length", "0") != "0" or "transfer-encoding" in headers
        if method == "GET" and path == "/healthz" and not has_body:
            healthy = await self._healthy()
            status = HTTPStatus.OK if healthy else HTTPStatus.SERVICE_UNAVAILABLE
            return status, b"ok\n" if healthy else b"unavailable\n", "text/plain", close
        if method == "GET" and path == "/metrics" and self._metrics and not has_body:
            body, content_type = await self._metrics()
            return HTTPStatus.OK, body, content_type, close
        if path != self.path:
            raise _Reject(HTTPStatus.NOT_FOUND)
        if method != "POST":
            raise _Reject(HTTPStatus.METHOD_NOT_ALLOWED)
        # The secret first: nobody else gets a single byte of their body read.
        given = headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self._secret):
            raise _Reject(HTTPStatus.FORBIDDEN)
        if "transfer-encoding" in headers:
            raise _Reject(HTTPStatus.LENGTH_REQUIRED)  # a length we can check up front
        length = _content_length(headers)
        if length > self.limits.max_body:
            raise _Reject(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
        body = await _before(deadline, reader.readexactly(length))
        try:
            update = json.loads(body)
        except ValueError:
            update = None
        if not isinstance(update, dict):
            log.warning("a webhook request that is not a JSON object was refused")
            return HTTPStatus.BAD_REQUEST, b"", "text/plain", close
        task = asyncio.ensure_future(self._process(update))
        self._busy.add(task)
        task.add_done_callback(self._busy.discard)
        try:
            # Shielded: a client that hangs up does not cancel an update half handled.
            await asyncio.shield(task)
        except Exception as exc:  # handlers' own errors never get here; this is a bug
            log.error("an update failed outside its handlers: %s", type(exc).__name__)
            return HTTPStatus.INTERNAL_SERVER_ERROR, b"", "text/plain", True
        return HTTPStatus.OK, b"", "text/plain", close


def _parse_head(head: bytes) -> tuple[str, str, dict[str, str], bool]:
    try:
        lines = head.decode("latin-1").split("\r\n")
        method, target, version = lines[0].split(" ")
    except ValueError:
        raise _Reject(HTTPStatus.BAD_REQUEST) from None
    if not version.startswith("HTTP/1."):
        raise _Reject(HTTPStatus.HTTP_VERSION_NOT_SUPPORTED)
    headers: dict[str, str] = {}
    for line in lines[1:]:
        if not line:
            continue
        name, sep, value = line.partition(":")
        if not sep or not name or name != name.strip():
            raise _Reject(HTTPStatus.BAD_REQUEST)
        name = name.lower()
        if name in headers and name in ("content-length", "transfer-encoding"):
            raise _Reject(HTTPStatus.BAD_REQUEST)  # ambiguous framing: refuse, never guess
        headers[name] = value.strip()
    connection = headers.get("connection", "").lower()
    close = connection == "close" or (version == "HTTP/1.0" and connection != "keep-alive")
    return method, target, headers, close


def _content_length(headers: dict[str, str]) -> int:
    raw = headers.get("content-length")
    if raw is None:
        raise _Reject(HTTPStatus.LENGTH_REQUIRED)
    if not raw.isdecimal() or len(raw) > 12:
        raise _Reject(HTTPStatus.BAD_REQUEST)
    return int(raw)


async def _before(deadline: float, awaitable: Awaitable):
    left = deadline - asyncio.get_running_loop().time()
    if left <= 0:
        raise TimeoutError
    return await asyncio.wait_for(awaitable, left)


def _response(
    status: HTTPStatus, body: bytes = b"", content_type: str = "text/plain", close: bool = False
) -> bytes:
    head = [
        f"HTTP/1.1 {status.value} {status.phrase}",
        f"Content-Type: {content_type}",
        f"Content-Length: {len(body)}",
        "Cache-Control: no-store",
    ]
    if close:
        head.append("Connection: close")
    return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body
