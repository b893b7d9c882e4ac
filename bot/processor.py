"""Updates of one chat in order, different chats side by side."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

# PTB's semaphore only admits updates to do_process_update, where the real limit is applied.
_NO_LIMIT = 2**31 - 1


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """python-telegram-bot's simple processor runs updates either one at a time (one slow
    chat holds up everyone) or all at once (a judge's two quick taps may race). Here each
    chat has a lock: its updates run in arrival order, other chats' run concurrently.

    The concurrency limit is taken *after* the chat's lock. PTB's own slot is taken before
    do_process_update, so with it as the limit one chat's queued updates would hold every
    slot while they wait for their lock, and all other judges would stall behind them."""

    def __init__(self, max_concurrent_updates: int = 256):
        super().__init__(_NO_LIMIT)
        self._slots = asyncio.BoundedSemaphore(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._queued: dict[int, int] = {}  # per chat: updates holding or awaiting its lock
        self.running = 0  # updates being handled now (not those waiting for their chat's turn)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:
            async with self._slots:
                await self._run(coroutine)
            return
        lock = self._locks.setdefault(chat.id, asyncio.Lock())
        self._queued[chat.id] = self._queued.get(chat.id, 0) + 1
        try:
            async with lock, self._slots:
                await self._run(coroutine)
        finally:
            self._queued[chat.id] -= 1
            if not self._queued[chat.id]:  # keep the tables as small as the live chats
                del self._queued[chat.id]
                self._locks.pop(chat.id, None)

    async def _run(self, coroutine: Awaitable[Any]) -> None:
        self.running += 1
        try:
            await coroutine
        finally:
            self.running -= 1

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass
