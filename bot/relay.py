"""A question to a human ethics adviser (guideline 29), anonymously, and the answer back.

The judge's text is redacted and shown back before anything leaves; on "Send" it is posted
to the advisers' chat (``AMICUS_ADVISER_CHAT_ID``) as a numbered question. An adviser
answers by replying to that message; the answer reaches the judge under the number only,
and the ticket, with the sealed route to the judge, is deleted.
"""

from __future__ import annotations

import asyncio
import logging
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import ContextTypes

from conversations import Engine
from conversations.replies import Block, Reply
from knowledge import Lang
from storage.anonymiser import redact
from storage.tickets import DRAFT, TicketStore

from .callbacks import encode
from .render import render

log = logging.getLogger("amicus.relay")
PREFIX = "a:"
SEND, DROP = "s", "d"
PREVIEW_SHOWN = 3800  # the preview, escaped, must fit one message with its wording


class Relay:
    def __init__(self, engine: Engine, tickets: TicketStore, version: str, advisers: int):
        self.engine = engine
        self.tickets = tickets
        self.version = version
        self.advisers = advisers

    # ------------------------------------------------------------ the judge

    async def draft(self, update: Update, text: str, lang: Lang) -> None:
        """Keep the redacted text as a draft and ask the judge to confirm it."""
        chat = update.effective_chat
        assert chat is not None
        redacted = await asyncio.to_thread(redact, text)
        ticket = await self.tickets.draft(chat.id, redacted, lang)
        ui = self.engine.ui
        buttons = [
            self._button(ui.relay_send(lang), SEND, ticket.id),
            self._button(ui.relay_dont_send(lang), DROP, ticket.id),
        ]
        preview = _shortened(redacted, PREVIEW_SHOWN)
        await update.get_bot().send_message(
            chat.id,
            escape(ui.relay_preview.format(lang, text=preview)),
            parse_mode=ParseMode.HTML,
            reply_markup=InlineKeyboardMarkup([buttons]),
        )

    async def tap(self, update: Update, token: str, fallback: Lang) -> bool:
        """Send or drop a draft, or withdraw a sent question; False if ``token`` is not ours."""
        action, _, number = token[len(PREFIX) :].partition(":")
        if not token.startswith(PREFIX) or action not in (SEND, DROP) or not number.isdecimal():
            return False
        chat, query = update.effective_chat, update.callback_query
        assert chat is not None and query is not None
        ticket = await self.tickets.mine(chat.id, int(number))
        ui = self.engine.ui
        if ticket is None:
            await _edit(query.message, escape(ui.relay_gone(fallback)))
            return True
        lang: Lang = "zh" if ticket.lang == "zh" else "en"
        if action == SEND and ticket.status == DRAFT:
            await self._send(update, ticket.id, ticket.text or "", lang)
        elif action == DROP:
            withdrawn = await self.tickets.withdraw(chat.id, ticket.id)
            if withdrawn is None:
                text = ui.relay_gone(lang)
            elif withdrawn.status == DRAFT:
                text = ui.relay_not_sent(lang)
            else:
                text = ui.relay_withdrawn.format(lang, number=ticket.id)
                await self._tell_advisers(update, withdrawn.adviser_message_id, ticket.id, lang)
            await _edit(query.message, escape(text))
        else:  # "Send" on a question already sent: say where it stands
            await _edit(query.message, escape(ui.relay_sent.format(lang, number=ticket.id)))
        return True

    async def _send(self, update: Update, number: int, text: str, lang: Lang) -> None:
        chat, query = update.effective_chat, update.callback_query
        assert chat is not None and query is not None
        ui = self.engine.ui
        try:
            posted = await update.get_bot().send_message(
                self.advisers, ui.relay_for_advisers.format(lang, number=number, text=text)
            )
        except TelegramError as exc:
            # The draft stays, so "Send" can simply be tapped again later.
            log.warning("advisers' chat unreachable: %s", type(exc).__name__)
            await update.get_bot().send_message(chat.id, ui.relay_advisers_unreachable(lang))
            return
        if not await self.tickets.sent(chat.id, number, posted.message_id):
            return  # sent twice at once from two taps: the first one stands
        withdraw = self._button(ui.relay_withdraw(lang), DROP, number)
        await _edit(
            query.message,
            escape(ui.relay_sent.format(lang, number=number)),
            InlineKeyboardMarkup([[withdraw]]),
        )

    async def _tell_advisers(
        self, update: Update, message_id: int | None, number: int, lang: Lang
    ) -> None:
        text = self.engine.ui.relay_withdrawn_for_advisers.format(lang, number=number)
        try:
            await update.get_bot().send_message(self.advisers, text, reply_to_message_id=message_id)
        except TelegramError as exc:
            log.warning("advisers not told of a withdrawal: %s", type(exc).__name__)

    def _button(self, label: str, action: str, number: int) -> InlineKeyboardButton:
        return InlineKeyboardButton(
            label, callback_data=encode(self.version, f"{PREFIX}{action}:{number}")
        )

    # ----------------------------------------------------------- the advisers

    async def in_advisers_chat(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Advisers talk among themselves here; only a reply to a question is an answer."""
        message = update.message
        if message is None or message.reply_to_message is None:
            return
        asked = message.reply_to_message
        if asked.from_user is None or asked.from_user.id != context.bot.id:
            return
        ui = self.engine.ui
        if not message.text:
            await message.reply_text(ui.relay_text_only("en") + "\n" + ui.relay_text_only("zh"))
            return
        claimed = await self.tickets.claim(asked.message_id)
        if claimed is None:
            await message.reply_text(ui.relay_no_ticket("en") + "\n" + ui.relay_no_ticket("zh"))
            return
        ticket = claimed.ticket
        lang: Lang = "zh" if ticket.lang == "zh" else "en"
        answer = Reply(
            screen="relay",
            title=ui.relay_answer.format(lang, number=ticket.id),
            blocks=(Block("text", message.text),),
        )
        try:
            for part in render(answer, self.version):
                await context.bot.send_message(
                    claimed.chat_id, part.html, parse_mode=ParseMode.HTML
                )
        except (Forbidden, BadRequest) as exc:  # blocked the bot, or the chat is gone
            log.info("adviser answer undeliverable: %s", type(exc).__name__)
            await self.tickets.close(ticket.id)
            await message.reply_text(ui.relay_unreachable.format(lang, number=ticket.id))
            return
        except TelegramError as exc:
            log.warning("adviser answer not delivered yet: %s", type(exc).__name__)
            await self.tickets.release(ticket.id)
            await message.reply_text(ui.relay_not_delivered.format(lang, number=ticket.id))
            return
        await self.tickets.close(ticket.id)
        await message.reply_text(ui.relay_delivered.format(lang, number=ticket.id))


def _shortened(text: str, limit: int) -> str:
    return text if len(escape(text)) <= limit else text[: limit // 2] + "…"


async def _edit(message: object, html: str, markup: InlineKeyboardMarkup | None = None) -> None:
    if not isinstance(message, Message):
        return
    try:
        await message.edit_text(html, parse_mode=ParseMode.HTML, reply_markup=markup)
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            raise
