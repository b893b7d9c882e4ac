"""Updates of one chat in order, different chats side by side."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """python-telegram-bot's simple processor runs updates either one at a time (one slow
    chat holds up everyone) or all at once (a judge's two quick taps may race). Here each
    chat has a lock: its updates run in arrival order, other chats' run concurrently."""

    def __init__(self, max_concurrent_updates: int = 256):
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:
            await coroutine
            return
        lock = self._locks.setdefault(chat.id, asyncio.Lock())
        try:
            async with lock:
                await coroutine
        finally:
            if not lock.locked() and not getattr(lock, "_waiters", None):
                self._locks.pop(chat.id, None)  # keep the table as small as the live chats

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass
