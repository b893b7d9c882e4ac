"""A question to a human ethics adviser (guideline 29), anonymously, and the answer back.

The judge's text is redacted and shown back before anything leaves; on "Send" it is posted
to the advisers' chat (``AMICUS_ADVISER_CHAT_ID``) under a random code. An adviser
answers by replying to that message; the answer reaches the judge under the code only,
and the ticket, with the sealed route to the judge, is deleted.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable
from html import escape

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, TelegramError, TimedOut
from telegram.ext import ContextTypes, filters

from conversations import Engine, tokens
from conversations.adviser import (
    AdviserDesk,
    Answered,
    Delivery,
    NotPosted,
    Posted,
    PostUncertain,
    Tap,
)
from knowledge import Lang
from storage.database import STORAGE_ERRORS
from storage.redaction import MAX_PIECE, cap
from storage.redaction.guard import shared
from storage.tickets import CODE_LENGTH, Found, Ticket, TicketStore

from .callbacks import encode
from .render import MAX_MESSAGE, units

log = logging.getLogger("amicus.relay")
SEND, DROP = tokens.SEND, tokens.DROP
WIDEST_CODE = "W" * CODE_LENGTH  # room for any ticket code when checking a message's length
GONE_FOR_GOOD = ("chat not found", "user is deactivated", "bot was blocked", "bot was kicked")


def lang_of(ticket: Ticket) -> Lang:
    return "zh" if ticket.lang == "zh" else "en"


class Relay:
    def __init__(self, engine: Engine, tickets: TicketStore, version: str, advisers: int):
        self.engine = engine
        self.tickets = tickets
        self.version = version
        self.advisers = advisers
        self.desk = AdviserDesk(tickets, STORAGE_ERRORS)
        # Which chat the advisers' handler listens to; it grows if the group moves.
        self.chat_filter = filters.Chat(advisers)

    # ------------------------------------------------------------ the judge

    async def keep(self, chat_id: int, text: str, lang: Lang) -> Ticket | None:
        """The redacted draft, kept for the judge to confirm; None if it would not fit the
        advisers' message (redaction can lengthen a text); RedactionRefused when the text
        could not be redacted in time."""
        redacted = await shared().redact_async(cap(text, MAX_PIECE))
        if not self._fits(redacted, lang):
            return None
        return await self.tickets.draft(chat_id, redacted, lang)

    async def drop(self, chat_id: int, draft: Ticket) -> None:
        """A draft kept for a turn that was then redone (or failed): not kept after all."""
        await self.tickets.withdraw(chat_id, draft.id)

    def _wrappers(self, lang: Lang, text: str) -> tuple[str, str]:
        """The advisers' message and the judge's preview around ``text``."""
        ui = self.engine.ui
        posted = ui.relay_for_advisers.format(lang, number=WIDEST_CODE, text=text)
        return posted, ui.relay_preview.format(lang, text=text)

    def limit(self, lang: Lang) -> int:
        """How many characters (as Telegram counts) a question for the advisers may have."""
        return MAX_MESSAGE - max(units(w) for w in self._wrappers(lang, ""))

    def _fits(self, text: str, lang: Lang) -> bool:
        # Telegram counts after parsing the HTML, so escaping costs nothing.
        return all(units(w) <= MAX_MESSAGE for w in self._wrappers(lang, text))

    async def too_long(self, update: Update, lang: Lang) -> None:
        chat = update.effective_chat
        assert chat is not None
        text = self.engine.ui.relay_too_long.format(lang, limit=self.limit(lang))
        await update.get_bot().send_message(chat.id, text)

    async def preview(self, update: Update, ticket: Ticket) -> None:
        """Exactly what the advisers would receive, with Send and Don't send."""
        chat = update.effective_chat
        assert chat is not None
        ui, lang = self.engine.ui, lang_of(ticket)
        buttons = [
            self._button(ui.relay_send(lang), SEND, ticket.code),
            self._button(ui.relay_dont_send(lang), DROP, ticket.code),
        ]
        await update.get_bot().send_message(
            chat.id,
            escape(ui.relay_preview.format(lang, text=ticket.text or "")),
            parse_mode=ParseMode.HTML,
            reply_markup=InlineKeyboardMarkup([buttons]),
        )

    async def tap(self, update: Update, token: str, lang: Lang) -> bool:
        """Send or drop a draft, or withdraw a sent question; False if ``token`` is not ours.
        ``lang`` is the judge's, for when the ticket no longer exists."""
        tap = tokens.parse_relay(token)
        if tap is None:
            return False
        chat, bot, ui = update.effective_chat, update.get_bot(), self.engine.ui
        assert chat is not None

        async def post(ticket: Ticket) -> Posted:
            text = ui.relay_for_advisers.format(
                lang_of(ticket), number=ticket.code, text=ticket.text or ""
            )
            try:
                posted = await self._post(bot, text)
            except TimedOut as exc:
                raise PostUncertain from exc
            except TelegramError as exc:
                log.warning("advisers' chat unreachable: %s", type(exc).__name__)
                raise NotPosted from exc
            return Posted(self.advisers, posted.message_id)

        async def take_back(posted: Posted) -> None:
            with contextlib.suppress(TelegramError):
                await bot.delete_message(posted.advisers, posted.message_id)

        outcome = await self.desk.tap(chat.id, tap, post, take_back)
        ticket = outcome.ticket
        if ticket is None:
            await self._answer_tap(update, escape(ui.relay_gone(lang)))
            return True
        lang, code = lang_of(ticket), ticket.code
        match outcome.tap:
            case Tap.SENT:
                await self._answer_tap(update, *self._sent_message(code, lang))
            case Tap.UNCERTAIN:  # not a draft again: Send would post it twice
                withdraw = self._button(ui.relay_withdraw(lang), DROP, code)
                text = escape(ui.relay_uncertain.format(lang, number=code))
                await self._answer_tap(update, text, InlineKeyboardMarkup([[withdraw]]))
            case Tap.UNREACHABLE:
                await bot.send_message(chat.id, ui.relay_advisers_unreachable(lang))
            case Tap.NOT_SENT:
                await self._answer_tap(update, escape(ui.relay_not_sent(lang)))
            case Tap.WITHDRAWN:
                await self.tell_withdrawn(bot, [ticket])
                text = ui.relay_withdrawn.format(lang, number=code)
                await self._answer_tap(update, escape(text))
            case _:  # being posted or answered at this very moment
                await self._answer_tap(update, escape(ui.relay_busy(lang)))
        return True

    async def _post(self, bot: Bot, text: str) -> Message:
        try:
            return await bot.send_message(self.advisers, text)
        except ChatMigrated as exc:  # the group became a supergroup: follow it
            self.moved_to(exc.new_chat_id)
            return await bot.send_message(self.advisers, text)

    def moved_to(self, chat_id: int) -> None:
        """The advisers' group has a new id (a basic group became a supergroup)."""
        if chat_id == self.advisers:
            return
        log.error("the advisers' group is now chat %s: set AMICUS_ADVISER_CHAT_ID to it", chat_id)
        self.advisers = chat_id
        self.chat_filter.add_chat_ids(chat_id)

    async def tell_withdrawn(self, bot: Bot, tickets: Iterable[Ticket]) -> None:
        """Tell the advisers a posted question was withdrawn (or erased by /forget)."""
        for ticket in tickets:
            if ticket.adviser_message_id is None:
                continue  # never (known to be) posted
            text = self.engine.ui.relay_withdrawn_for_advisers.format(
                lang_of(ticket), number=ticket.code
            )
            await self._to_advisers(bot, text, ticket.adviser_message_id)

    def _sent_message(self, number: str, lang: Lang) -> tuple[str, InlineKeyboardMarkup]:
        ui = self.engine.ui
        withdraw = self._button(ui.relay_withdraw(lang), DROP, number)
        return escape(ui.relay_sent.format(lang, number=number)), InlineKeyboardMarkup([[withdraw]])

    def _button(self, label: str, action: str, code: str) -> InlineKeyboardButton:
        return InlineKeyboardButton(
            label, callback_data=encode(self.version, tokens.relay(action, code))
        )

    async def _answer_tap(
        self, update: Update, html: str, markup: InlineKeyboardMarkup | None = None
    ) -> None:
        """Edit the tapped message; a new message when it cannot be edited."""
        query, chat = update.callback_query, update.effective_chat
        assert chat is not None
        message = query.message if query is not None else None
        if isinstance(message, Message):
            try:
                await message.edit_text(html, parse_mode=ParseMode.HTML, reply_markup=markup)
                return
            except BadRequest as exc:
                if "not modified" in str(exc).lower():
                    return
        await update.get_bot().send_message(
            chat.id, html, parse_mode=ParseMode.HTML, reply_markup=markup
        )

    # ----------------------------------------------------------- the advisers

    async def in_advisers_chat(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Advisers talk among themselves here; only a reply to a question is an answer."""
        message = update.effective_message
        if message is not None and message.migrate_to_chat_id:
            self.moved_to(message.migrate_to_chat_id)
            return
        if message is None:
            return
        if message.reply_to_message is None:
            if (message.text or "").startswith("/"):  # a command meant for the bot: say what works
                await message.reply_text(_both(self.engine.ui.relay_advisers_help))
            return
        asked = message.reply_to_message
        if asked.from_user is None or asked.from_user.id != context.bot.id:
            return
        ui = self.engine.ui
        if update.edited_message is not None:
            await message.reply_text(_both(ui.relay_edit_ignored))
            return
        if not message.text:
            await message.reply_text(_both(ui.relay_text_only))
            return
        try:
            found = await self.tickets.claim(self.advisers, asked.message_id)
        except STORAGE_ERRORS as exc:
            log.warning("adviser answer not delivered: storage %s", type(exc).__name__)
            await message.reply_text(_both(ui.relay_try_later))
            return
        if found is None:
            await message.reply_text(_both(ui.relay_no_ticket))
            return
        try:
            reply = await self._deliver(context.bot, found, message.text)
        except STORAGE_ERRORS as exc:
            log.warning("adviser answer: storage %s", type(exc).__name__)
            reply = _both(ui.relay_try_later)
        await message.reply_text(reply)

    async def _deliver(self, bot: Bot, found: Found, answer: str) -> str:
        """Send the answer to the judge; what to tell the advisers."""
        ui, ticket = self.engine.ui, found.ticket
        lang, number = lang_of(ticket), ticket.code
        header = ui.relay_answer.format(lang, number=number)
        whole = f"{header}\n\n{answer}"
        # Plain text, never HTML: the adviser's words go through exactly as written.
        parts = [whole] if units(whole) <= MAX_MESSAGE else [header, answer]

        async def deliver(chat_id: int) -> Delivery:
            try:
                for part in parts:
                    await bot.send_message(chat_id, part)
            except TimedOut:
                log.warning("adviser answer timed out")
                return Delivery.UNCERTAIN
            except (Forbidden, BadRequest) as exc:
                if isinstance(exc, Forbidden) or any(s in str(exc).lower() for s in GONE_FOR_GOOD):
                    log.info("adviser answer undeliverable: %s", type(exc).__name__)
                    return Delivery.GONE
                log.warning("adviser answer refused: %s", type(exc).__name__)
                return Delivery.FAILED
            except TelegramError as exc:
                log.warning("adviser answer not delivered yet: %s", type(exc).__name__)
                return Delivery.FAILED
            return Delivery.DELIVERED

        answered = await self.desk.answer(found, deliver)
        said = {
            Answered.DELIVERED: ui.relay_delivered,
            Answered.NOT_DELIVERED: ui.relay_not_delivered,
            Answered.UNREACHABLE: ui.relay_unreachable,
            Answered.UNREADABLE: ui.relay_unreadable,
        }[answered]
        return said.format(lang, number=number)

    async def expired(self, bot: Bot, found: Iterable[Found], days: int) -> None:
        """Posted questions nobody answered in time: tell the judge and the advisers."""
        ui = self.engine.ui
        for item in found:
            lang, number = lang_of(item.ticket), item.ticket.code
            if item.chat_id is not None:
                text = ui.relay_expired.format(lang, number=number, days=days)
                try:
                    await bot.send_message(item.chat_id, text)
                except TelegramError as exc:
                    log.info("expiry notice undeliverable: %s", type(exc).__name__)
            notice = ui.relay_expired_for_advisers.format(lang, number=number)
            await self._to_advisers(bot, notice, item.ticket.adviser_message_id)

    async def _to_advisers(self, bot: Bot, text: str, reply_to: int | None) -> None:
        try:
            await bot.send_message(
                self.advisers, text, reply_to_message_id=reply_to, allow_sending_without_reply=True
            )
        except TelegramError as exc:
            log.warning("advisers not told: %s", type(exc).__name__)


def _both(phrase) -> str:
    """For the advisers' chat when no question is known: both languages."""
    return f"{phrase('zh')}\n{phrase('en')}"
