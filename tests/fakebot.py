"""A fake Telegram Bot API server on 127.0.0.1, for end-to-end tests and the bot benchmark.

It speaks just enough of the Bot API for Amicus and python-telegram-bot: updates are pushed
by the test (``push_text``, ``push_tap`` …) and served through getUpdates long polling;
what the bot sends is recorded, and ``wait_for`` awaits it.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import itertools
import json
import re
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

BOT_USER = {"id": 999000, "is_bot": True, "first_name": "Amicus", "username": "amicus_test_bot"}


@dataclass
class Sent:
    method: str
    chat_id: int
    message_id: int
    text: str
    markup: dict[str, Any] | None
    at: float = field(default_factory=time.monotonic)
    document: bytes | None = None

    def buttons(self) -> list[tuple[str, str]]:
        """(label, callback data) of every inline button, row by row."""
        rows = (self.markup or {}).get("inline_keyboard", [])
        return [(b["text"], b.get("callback_data", "")) for row in rows for b in row]

    @property
    def plain(self) -> str:
        """The text as the judge reads it: HTML tags dropped, entities unescaped."""
        return html.unescape(re.sub(r"<[^>]+>", "", self.text))

    def data_for(self, label: str) -> str:
        for text, data in self.buttons():
            if text == label:
                return data
        raise KeyError(f"no button {label!r} among {[t for t, _ in self.buttons()]}")


class FakeBotApi:
    def __init__(self, token: str = "123456:TEST-TOKEN"):
        self.token = token
        self.updates: list[dict[str, Any]] = []
        self.sent: list[Sent] = []
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.answered: list[str] = []
        self.left: list[int] = []
        self.blocked: set[int] = set()  # chats whose user has blocked the bot
        self.migrated: dict[int, int] = {}  # basic groups that became supergroups: new ids
        # Every message in a chat, by (chat id, message id): Telegram's date of it. Added
        # to a new message's date: a test moves the chat's past back in time with it.
        self.dates: dict[tuple[int, int], int] = {}
        self.clock_offset = 0
        self.deleted: list[tuple[int, int]] = []  # (chat id, message id) deleteMessages took
        self.descriptions: dict[tuple[str, str], str] = {}  # (method, language code): text
        self.broken_updates: bytes | None = None  # the next getUpdates answers this, not JSON
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._new_update = asyncio.Condition()
        # Per chat, what arrived and has not been taken yet: a crowd of simulated judges
        # must not all wake and scan everything on every message.
        self._inbox: dict[int, list[Sent]] = {}
        self._arrived: dict[int, asyncio.Event] = {}
        self._runner: web.AppRunner | None = None
        self._stopping = False
        self.port = 0

    # ------------------------------------------------------------------ server

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._dispatch)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        self._stopping = True
        async with self._new_update:  # a long poll still open returns now, not in 2 s
            self._new_update.notify_all()
        if self._runner:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    async def _dispatch(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}
            )
        params: dict[str, Any] = {}
        if request.can_read_body:
            if request.content_type == "application/json":
                params = await request.json()
            else:
                form = await request.post()
                params = {
                    k: v.file.read() if hasattr(v, "file") else _json_or_str(v)
                    for k, v in form.items()
                }
        params.update({k: _json_or_str(v) for k, v in request.query.items()})
        method = request.match_info["method"]
        self.calls.append((method, params))
        handler = getattr(self, f"api_{method}", None)
        if handler is None:
            return web.json_response({"ok": True, "result": True})
        result = await handler(params)
        if isinstance(result, web.Response):
            return result
        return web.json_response({"ok": True, "result": result})

    # ------------------------------------------------------------ Bot API

    async def api_getMe(self, params):
        return BOT_USER

    async def api_getUpdates(self, params):
        if self.broken_updates is not None:
            body, self.broken_updates = self.broken_updates, None
            return web.Response(body=body, content_type="application/json")
        offset = int(params.get("offset") or 0)
        timeout = min(float(params.get("timeout") or 0), 2.0)
        async with self._new_update:
            if not self._stopping and not any(u["update_id"] >= offset for u in self.updates):
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._new_update.wait(), timeout)
        self.updates = [u for u in self.updates if u["update_id"] >= offset]
        return self.updates[:100]

    async def api_sendMessage(self, params):
        moved = self.migrated.get(int(params["chat_id"]))
        if moved is not None:
            return web.json_response(
                {
                    "ok": False,
                    "error_code": 400,
                    "description": "Bad Request: group chat was upgraded to a supergroup chat",
                    "parameters": {"migrate_to_chat_id": moved},
                },
                status=400,
            )
        if int(params["chat_id"]) in self.blocked:
            return web.json_response(
                {"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked"},
                status=403,
            )
        return await self._record("sendMessage", params, next(self._message_ids))

    async def api_editMessageText(self, params):
        return await self._record("editMessageText", params, int(params["message_id"]))

    async def api_answerCallbackQuery(self, params):
        self.answered.append(str(params.get("callback_query_id")))
        return True

    async def api_leaveChat(self, params):
        self.left.append(int(params["chat_id"]))
        return True

    async def api_setMyDescription(self, params):
        return self._describe("setMyDescription", params, "description", 512)

    async def api_setMyShortDescription(self, params):
        return self._describe("setMyShortDescription", params, "short_description", 120)

    def _describe(self, method: str, params: dict[str, Any], field: str, limit: int):
        text = str(params.get(field) or "")
        if len(text) > limit:
            return _bad_request(f"Bad Request: {field} is too long")
        self.descriptions[(method, str(params.get("language_code") or ""))] = text
        return True

    async def api_deleteMessages(self, params):
        """As Telegram: 1 to 100 ids; unknown ids are skipped; a message older than 48
        hours cannot be deleted by a bot, and fails the call."""
        chat_id, ids = int(params["chat_id"]), [int(i) for i in params["message_ids"]]
        if not 1 <= len(ids) <= 100:
            return _bad_request("Bad Request: too many messages to delete")
        now = time.time()
        known = [i for i in ids if (chat_id, i) in self.dates]
        if any(now - self.dates[(chat_id, i)] > 48 * 3600 for i in known):
            return _bad_request("Bad Request: message can't be deleted for everyone")
        for message_id in known:
            del self.dates[(chat_id, message_id)]
            self.deleted.append((chat_id, message_id))
        return True

    def now(self) -> int:
        """Telegram's clock for a new message, moved by ``clock_offset``."""
        return int(time.time()) + self.clock_offset

    async def api_sendDocument(self, params):
        return await self._record("sendDocument", params, next(self._message_ids))

    async def api_sendPhoto(self, params):  # the FAQ report's overview chart
        params = {**params, "document": params.get("photo")}
        return await self._record("sendPhoto", params, next(self._message_ids))

    async def _record(self, method: str, params: dict[str, Any], message_id: int):
        chat_id = int(params["chat_id"])
        text = str(params.get("text") or params.get("caption") or "")
        shown = html.unescape(re.sub(r"<[^>]+>", "", text)) if params.get("parse_mode") else text
        if len(shown.encode("utf-16-le")) // 2 > 4096:  # as Telegram counts, after parsing
            return web.json_response(
                {"ok": False, "error_code": 400, "description": "Bad Request: message is too long"},
                status=400,
            )
        document = params.get("document")
        sent = Sent(
            method,
            chat_id,
            message_id,
            text,
            params.get("reply_markup"),
            document=document if isinstance(document, bytes) else None,
        )
        self.sent.append(sent)
        self._inbox.setdefault(chat_id, []).append(sent)
        self._arrived.setdefault(chat_id, asyncio.Event()).set()
        date = self.dates.setdefault((chat_id, message_id), self.now())
        return {
            "message_id": message_id,
            "date": date,
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
            "from": BOT_USER,
            "text": text,
        }

    # ------------------------------------------------------------ the test's side

    async def push(self, update: dict[str, Any]) -> int:
        update_id = next(self._update_ids)
        async with self._new_update:
            self.updates.append({"update_id": update_id, **update})
            self._new_update.notify_all()
        return update_id

    async def push_text(self, chat_id: int, text: str, **options: Any) -> int:
        """Deliver :meth:`text_update` (same options) to the bot."""
        return await self.push(self.text_update(chat_id, text, **options))

    def text_update(
        self,
        chat_id: int,
        text: str,
        *,
        chat_type: str = "private",
        language_code: str = "en",
        edited: bool = False,
    ) -> dict[str, Any]:
        """A judge's text message as Telegram would deliver it (without the update id)."""
        message_id = next(self._message_ids)
        self.dates[(chat_id, message_id)] = self.now()
        message = {
            "message_id": message_id,
            "date": self.dates[(chat_id, message_id)],
            "chat": {"id": chat_id, "type": chat_type},
            "from": _user(chat_id, language_code),
            "text": text,
        }
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return {"edited_message" if edited else "message": message}

    def group_reply_update(
        self, chat_id: int, user_id: int, text: str | None, reply_to: Sent
    ) -> dict[str, Any]:
        """A member of a group replying to one of the bot's messages there."""
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "supergroup", "title": "Ethics advisers"},
            "from": _user(user_id, "en"),
            "reply_to_message": {
                "message_id": reply_to.message_id,
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "supergroup", "title": "Ethics advisers"},
                "from": BOT_USER,
                "text": reply_to.text,
            },
        }
        if text is None:
            message["sticker"] = _STICKER
        else:
            message["text"] = text
        return {"message": message}

    async def push_sticker(self, chat_id: int) -> int:
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private"},
            "from": _user(chat_id, "en"),
            "sticker": _STICKER,
        }
        return await self.push({"message": message})

    async def push_tap(
        self, chat_id: int, message_id: int, data: str, *, chat_type: str = "private"
    ) -> int:
        return await self.push(self.tap_update(chat_id, message_id, data, chat_type=chat_type))

    def tap_update(
        self, chat_id: int, message_id: int, data: str, *, chat_type: str = "private"
    ) -> dict[str, Any]:
        """A tap on a button of the bot's message ``message_id`` (without the update id)."""
        query = {
            "id": f"q{next(self._message_ids)}",
            "from": _user(chat_id, "en"),
            "chat_instance": str(chat_id),
            "data": data,
            "message": {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": chat_type},
                "from": BOT_USER,
                "text": "…",
            },
        }
        return {"callback_query": query}

    async def wait_for(self, chat_id: int, count: int = 1, timeout: float = 10.0) -> list[Sent]:
        """The first ``count`` messages (sent or edited) to ``chat_id`` not yet taken."""
        deadline = time.monotonic() + timeout
        inbox = self._inbox.setdefault(chat_id, [])
        arrived = self._arrived.setdefault(chat_id, asyncio.Event())
        while len(inbox) < count:
            arrived.clear()
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"chat {chat_id}: {len(inbox)} of {count} messages")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(arrived.wait(), left)
        taken, inbox[:] = inbox[:count], inbox[count:]
        return taken


def _bad_request(description: str) -> web.Response:
    return web.json_response(
        {"ok": False, "error_code": 400, "description": description}, status=400
    )


_STICKER = {
    "file_id": "s1",
    "file_unique_id": "u1",
    "width": 512,
    "height": 512,
    "is_animated": False,
    "is_video": False,
    "type": "regular",
}


def _user(user_id: int, language_code: str) -> dict[str, Any]:
    return {
        "id": abs(user_id),
        "is_bot": False,
        "first_name": "Judge",
        "last_name": "Example",
        "username": f"judge{abs(user_id)}",
        "language_code": language_code,
    }


def _json_or_str(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value
