"""The webhook's HTTP server refuses early and cheaply (issue 9, point 4), on loopback only.

In process, with small limits, so each refusal is seen directly: the secret is checked
before any body is read, bodies are capped, slow requests time out, connections are
capped; and the real ``amicus run --webhook`` listens on loopback unless told otherwise.
"""

from __future__ import annotations

import asyncio
import json

import pytest
from botharness import WebhookBot

from bot.cli import build_parser
from bot.webhook import Limits, WebhookServer

SECRET = "s3cret-token"
UPDATE = json.dumps({"update_id": 1, "message": {"message_id": 1}}).encode()


@pytest.fixture
async def server():
    webhook = await serving(Limits(request_timeout=0.5, max_connections=4))
    yield webhook
    await webhook.stop()


@pytest.fixture
async def patient_server():
    """Long enough a deadline that four idle connections are surely all held at once: they
    and the fifth are opened within some 60 ms, in this process, on loopback. The test
    then waits the deadline out once, so it is not longer than that needs (it was 3 s)."""
    webhook = await serving(Limits(request_timeout=1.0, max_connections=4))
    yield webhook
    await webhook.stop()


async def serving(limits: Limits) -> WebhookServer:
    received: list[dict] = []

    async def process(update: dict) -> None:
        received.append(update)

    async def healthy() -> bool:
        return True

    webhook = WebhookServer("hook", SECRET, process, healthy, limits=limits)
    await webhook.start("127.0.0.1", 0)
    webhook.received = received  # type: ignore[attr-defined]
    return webhook


async def request(port: int, head: str, body: bytes = b"") -> tuple[int, bytes]:
    """Send ``head`` (and ``body``), return the status and whatever came back until close
    or until the response's own length is read."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(head.encode() + body)
        await writer.drain()
        return await response(reader)
    finally:
        writer.close()


async def response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    return status, await asyncio.wait_for(reader.readexactly(length), 10)


def post(length: int, secret: str = SECRET, extra: str = "") -> str:
    return (
        "POST /hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        f"X-Telegram-Bot-Api-Secret-Token: {secret}\r\nContent-Length: {length}\r\n{extra}\r\n"
    )


async def test_a_delivery_with_the_secret_is_handled(server):
    status, _ = await request(server.port, post(len(UPDATE)), UPDATE)
    assert status == 200
    assert server.received == [json.loads(UPDATE)]


async def test_the_secret_is_checked_before_any_body_is_read(server):
    # 95 MiB announced, not a byte of it sent: the refusal comes at once, from the headers.
    status, _ = await request(server.port, post(95 * 1024 * 1024, secret="wrong"))
    assert status == 403
    status, _ = await request(server.port, post(95 * 1024 * 1024, secret=""))
    assert status == 403
    assert server.received == []


async def test_a_body_over_one_mebibyte_is_refused_unread(server):
    status, _ = await request(server.port, post(1024 * 1024 + 1))
    assert status == 413
    # No way around the cap by not announcing a length.
    chunked = (
        "POST /hook HTTP/1.1\r\nHost: x\r\n"
        f"X-Telegram-Bot-Api-Secret-Token: {SECRET}\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    status, _ = await request(server.port, chunked)
    assert status == 411
    # An oversized head is refused too, not buffered.
    huge_head = post(len(UPDATE), extra=f"X-Padding: {'a' * 20000}\r\n")
    status, _ = await request(server.port, huge_head, UPDATE)
    assert status == 431
    assert server.received == []


async def test_a_slow_request_is_cut_off_and_a_real_delivery_still_gets_through(server):
    reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
    writer.write(post(len(UPDATE)).encode() + UPDATE[:5])  # and then nothing more
    await writer.drain()
    # The server closes it after its 0.5 s deadline (10 s allowed on a loaded machine).
    assert await asyncio.wait_for(reader.read(), 10) == b""
    writer.close()
    status, _ = await request(server.port, post(len(UPDATE)), UPDATE)
    assert status == 200
    assert server.received == [json.loads(UPDATE)]


async def test_connections_are_capped_and_freed(patient_server):
    server = patient_server
    idle = [await asyncio.open_connection("127.0.0.1", server.port) for _ in range(4)]
    for _, writer in idle:
        writer.write(b"POST /hook HTTP/1.1\r\n")  # half a head each
        await writer.drain()
    await asyncio.sleep(0.05)
    # One more than the cap: refused at once, not queued.
    over, writer = await asyncio.open_connection("127.0.0.1", server.port)
    status, _ = await response(over)
    assert status == 503
    writer.close()
    # The idle ones time out; their places go to real deliveries.
    for reader, writer in idle:
        assert await asyncio.wait_for(reader.read(), 10) == b""
        writer.close()
    status, _ = await request(server.port, post(len(UPDATE)), UPDATE)
    assert status == 200


async def test_other_paths_and_methods_are_refused_and_health_answers(server):
    status, _ = await request(server.port, "GET /hook HTTP/1.1\r\nHost: x\r\n\r\n")
    assert status == 405
    status, _ = await request(server.port, "POST /other HTTP/1.1\r\nContent-Length: 0\r\n\r\n")
    assert status == 404
    status, body = await request(server.port, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
    assert (status, body) == (200, b"ok\n")
    status, _ = await request(server.port, post(7), b"not json")
    assert status == 400


def test_the_webhook_listens_on_loopback_unless_told_otherwise():
    args = build_parser().parse_args(["run", "--webhook", "https://e.org/hook"])
    assert args.listen == "127.0.0.1"


async def test_the_real_bot_is_not_reachable_beyond_loopback_by_default(fake, tmp_path):
    # All of 127.0.0.0/8 is this machine: a server bound to 0.0.0.0 answers on
    # 127.0.0.2 too, one bound to 127.0.0.1 does not.
    bot = WebhookBot(fake, f"sqlite:///{tmp_path / 'a.db'}", tmp_path / "bot.log")
    await bot.start()
    try:
        status, _ = await bot.get("/healthz")
        assert status == 200
        with pytest.raises(OSError):
            _, writer = await asyncio.open_connection("127.0.0.2", bot.port)
            writer.close()
    finally:
        assert await bot.stop() == 0, bot.logs()
