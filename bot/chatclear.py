"""Clearing the conversation from the judge's own phone, offered by /forget.

Every message in a private chat (the judge's and the bot's) is noted by number and
Telegram's date, under the session's keyed hash (storage/messages.py). The notes are
buffered and written once a second, so the busy path of a turn does not wait for them;
``flush`` writes what is pending before the chat is cleared.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from conversations import tokens
from conversations.ui import UiText
from knowledge import Lang
from storage.database import STORAGE_ERRORS
from storage.messages import MessageLog

from .callbacks import encode
from .chat import telegram_lang, unavailable

log = logging.getLogger("amicus.chatclear")
CLEAR, KEEP = tokens.CLEAR, tokens.KEEP
BATCH = 100  # deleteMessages takes 1 to 100 ids
FLUSH_EVERY = 1.0


class MessageTracker:
    def __init__(self, messages: MessageLog):
        self.messages = messages
        self._pending: list[tuple[int, int, int]] = []
        self._task: asyncio.Task | None = None

    def noted(self, chat_id: int, message_id: int, date: int) -> None:
        if chat_id > 0:  # private chats only (groups and channels have negative ids)
            self._pending.append((chat_id, message_id, date))

    async def incoming(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.message
        if message is not None and message.chat.type == ChatType.PRIVATE:
            self.noted(message.chat.id, message.message_id, int(message.date.timestamp()))

    async def flush(self) -> None:
        pending, self._pending = self._pending, []
        try:
            await self.messages.add(pending)
        except STORAGE_ERRORS as exc:
            # Not worth a retry queue: the notes only serve a clearing within 48 hours.
            log.warning("message numbers not noted: %s", type(exc).__name__)

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._every_second())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self.flush()

    async def _every_second(self) -> None:
        while True:
            await asyncio.sleep(FLUSH_EVERY)
            if self._pending:
                await self.flush()


def offer(ui: UiText, lang: Lang, version: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(ui.clear_chat(lang), callback_data=encode(version, CLEAR))],
            [InlineKeyboardButton(ui.keep_chat(lang), callback_data=encode(version, KEEP))],
        ]
    )


async def clear(bot: Bot, tracker: MessageTracker, chat_id: int) -> tuple[int, int]:
    """Delete what Telegram still allows of this chat; (deleted, not deletable) counts."""
    await tracker.flush()
    ids = await tracker.messages.deletable(chat_id)
    deleted = failed = 0
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        try:
            await bot.delete_messages(chat_id, batch)
            deleted += len(batch)
        except TelegramError as exc:
            failed += len(batch)
            log.warning("a batch of messages was not deleted: %s", type(exc).__name__)
    return deleted, failed


async def forget_numbers(tracker: MessageTracker, chat_id: int) -> None:
    await tracker.flush()
    await tracker.messages.forget(chat_id)


async def answer(
    update: Update, tracker: MessageTracker, ui: UiText, token: str, errors: tuple
) -> None:
    """The answer to /forget's offer: delete what Telegram allows, or keep it all."""
    chat = update.effective_chat
    assert chat is not None
    lang = telegram_lang(update)
    bot = update.get_bot()
    try:
        if token == CLEAR:
            deleted, _ = await clear(bot, tracker, chat.id)
            await bot.send_message(chat.id, ui.chat_cleared.format(lang, count=deleted))
        else:
            await bot.send_message(chat.id, ui.chat_kept(lang))
        # Nothing of this chat stays noted, not even the message just sent.
        await forget_numbers(tracker, chat.id)
    except errors as exc:
        await unavailable(update, ui, lang, exc)
