"""Talking back in a Telegram chat: sending rendered parts, the private-only rule, and
"temporarily unavailable". Shared by every handler; knows no conversation logic."""

from __future__ import annotations

import contextlib
import logging
from html import escape

from telegram import Message, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, TelegramError

from conversations.ui import UiText
from knowledge import Lang

from .metrics import DATABASE_UNAVAILABLE
from .render import Part

log = logging.getLogger("amicus.bot")


def telegram_lang(update: Update) -> Lang:
    user = update.effective_user
    code = (user.language_code or "") if user else ""
    return "zh" if code.lower().startswith("zh") else "en"


async def send(update: Update, parts: list[Part]) -> None:
    """In place of the tapped message when there is one, else as new messages."""
    query = update.callback_query
    first, rest = parts[0], parts[1:]
    if query is not None and isinstance(query.message, Message):
        try:
            await query.message.edit_text(
                first.html, parse_mode=ParseMode.HTML, reply_markup=first.keyboard
            )
        except BadRequest as exc:
            if "not modified" not in str(exc).lower():
                await post(update, first)
    else:
        await post(update, first)
    for part in rest:
        await post(update, part)


async def post(update: Update, part: Part) -> None:
    chat = update.effective_chat
    assert chat is not None
    await update.get_bot().send_message(
        chat.id, part.html, parse_mode=ParseMode.HTML, reply_markup=part.keyboard
    )


async def unavailable(update: Update, ui: UiText, lang: Lang, exc: BaseException) -> None:
    cause = exc.__cause__ or exc
    log.warning("storage unavailable: %s", type(cause).__name__)
    DATABASE_UNAVAILABLE.inc()
    # A new message, never an edit: the tapped menu (or "Don't keep it" button) stays
    # usable for when the database is back.
    await post(update, Part(escape(ui.unavailable(lang))))


async def private(update: Update, ui: UiText, relay=None) -> bool:
    """Groups and channels get one short refusal; nothing of theirs is processed or kept."""
    chat = update.effective_chat
    if chat is None:
        if update.callback_query is not None:  # a button of an inline message: no chat
            with contextlib.suppress(TelegramError):
                await update.callback_query.answer(
                    ui.private_only(telegram_lang(update)), show_alert=True
                )
        return False
    # Business and guest messages may carry a "private" chat that is someone else's.
    own = update.message or update.edited_message or update.callback_query
    if chat.type == ChatType.PRIVATE:
        return own is not None
    lang = telegram_lang(update)
    moved_from = update.message.migrate_from_chat_id if update.message else None
    if relay is not None and moved_from == relay.advisers:
        relay.moved_to(chat.id)  # the advisers' group, now a supergroup: follow it
        return False
    if update.callback_query is not None:
        with contextlib.suppress(TelegramError):
            await update.callback_query.answer(ui.private_only(lang), show_alert=True)
        return False
    bot = update.get_bot()
    try:
        await bot.send_message(chat.id, ui.private_only(lang))
        await bot.leave_chat(chat.id)
    except TelegramError:
        pass  # a channel the bot cannot post in: nothing more to do
    return False
