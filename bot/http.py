"""An aiohttp transport for python-telegram-bot.

python-telegram-bot speaks HTTP through httpx by default. Measured on the bot benchmark,
the HTTP layer was most of the bot's CPU per update, and aiohttp's C parser does the same
work for much less; python-telegram-bot invites exactly this through ``BaseRequest``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

import aiohttp
from telegram import Update
from telegram.error import NetworkError, TelegramError, TimedOut
from telegram.request import BaseRequest, RequestData

from .metrics import REPLIES, REPLY_METHODS

log = logging.getLogger("amicus.http")
# Methods whose result is a message now in a chat: (chat id, message id, date) is noted.
_SENDS = frozenset({"sendMessage", "sendDocument"})
OnMessage = Callable[[int, int, int], None]


class AiohttpRequest(BaseRequest):
    def __init__(
        self, connections: int = 256, read_timeout: float = 5.0, on_message: OnMessage | None = None
    ):
        self.on_message = on_message
        self._connections = connections
        self._read_timeout = read_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._connections),
                headers={"User-Agent": self.USER_AGENT},
            )

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout=BaseRequest.DEFAULT_NONE,
        write_timeout=BaseRequest.DEFAULT_NONE,
        connect_timeout=BaseRequest.DEFAULT_NONE,
        pool_timeout=BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("AiohttpRequest is not initialized")
        timeout = aiohttp.ClientTimeout(
            total=None,
            connect=_value(connect_timeout, 5.0),
            sock_read=_value(read_timeout, self._read_timeout),
        )
        data: aiohttp.FormData | dict[str, str] | None = None
        if request_data is not None:
            data = request_data.json_parameters
            files = request_data.multipart_data
            if files:
                form = aiohttp.FormData()
                for name, value in data.items():
                    form.add_field(name, value)
                for name, (filename, content, mimetype) in files.items():
                    form.add_field(name, content, filename=filename, content_type=mimetype)
                data = form
        try:
            async with self._session.request(method, url, data=data, timeout=timeout) as response:
                status, body = response.status, await response.read()
        # "from None": aiohttp's messages carry the request URL, and Bot API URLs carry
        # the token; the type of failure is all a log needs.
        except TimeoutError:
            raise TimedOut from None
        except aiohttp.ClientError as exc:
            raise NetworkError(f"aiohttp: {type(exc).__name__}") from None
        if status == 200:
            self._sent(url.rsplit("/", 1)[-1], body)
        return status, body

    def _sent(self, api_method: str, body: bytes) -> None:
        if api_method in REPLY_METHODS:
            REPLIES.inc()
        if api_method in _SENDS and self.on_message is not None:
            try:
                message = json.loads(body)["result"]
                self.on_message(message["chat"]["id"], message["message_id"], message["date"])
            except (ValueError, KeyError, TypeError):
                pass  # not a message after all: nothing to note

    def parse_json_payload(self, payload: bytes) -> dict[str, Any]:
        """As the library's, without its log line: it logs an unparsable response whole,
        and a getUpdates response holds judges' words, ids and names."""
        try:
            return json.loads(payload.decode("utf-8", "replace"))
        except ValueError:
            log.error("the Bot API sent a response that is not JSON (content not logged)")
            raise TelegramError("Invalid server response") from None


class UpdatesRequest(AiohttpRequest):
    """The long-polling connection, with unreadable updates set aside.

    python-telegram-bot parses a getUpdates batch all at once: one update it cannot read
    (a newer Bot API field, a malformed payload) fails the batch, the offset never moves
    past it, and the same batch is fetched again and again while every judge waits. Here
    such an update is cut down to its id before the library sees it: the offset moves on,
    and nothing of its content is processed or logged.
    """

    def parse_json_payload(self, payload: bytes) -> dict[str, Any]:  # type: ignore[override]
        data = super().parse_json_payload(payload)
        result = data.get("result")
        if isinstance(result, list):
            data["result"] = [u for u in (_readable(item) for item in result) if u is not None]
        return data


def _readable(item: Any) -> dict[str, Any] | None:
    update_id = item.get("update_id") if isinstance(item, dict) else None
    if not isinstance(update_id, int):
        log.warning("an update without an id was skipped (content not logged)")
        return None
    try:
        Update.de_json(item, None)
    except Exception:
        log.warning("update %d could not be read and was skipped (content not logged)", update_id)
        return {"update_id": update_id}
    return item


def _value(given: object, default: float) -> float | None:
    # PTB passes its DEFAULT_NONE sentinel for "not given"; its class is not public API.
    if given is BaseRequest.DEFAULT_NONE:
        return default
    return given  # type: ignore[return-value]
