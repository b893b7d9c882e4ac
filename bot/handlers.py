"""Thin Telegram handlers: each turns an update into one event for the turn
(conversations/turn.py) and its outcome into messages.

Nothing of the judge's text or identity is logged or stored here.
"""

from __future__ import annotations

import contextlib
import logging
import traceback
from html import escape

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from conversations import Session, tokens
from conversations.events import Choose, Event, FreeText, Notify, Restart, Start, SwitchLanguage
from conversations.turn import MakeEvent, Turn, Unavailable
from knowledge import Lang

from . import chat, chatclear
from .callbacks import decode
from .chat import telegram_lang
from .kept import KeptView
from .links import screen_for
from .privacy import with_face
from .relay import Relay
from .render import Part, render
from .services import Services, services_of

log = logging.getLogger("amicus.bot")
LANGUAGE_NAMES: dict[str, Lang] = {
    **dict.fromkeys(("zh", "zh-cn", "zh-hans", "cn", "chinese", "中文", "汉语", "简体中文"), "zh"),
    **dict.fromkeys(("en", "en-us", "en-gb", "english", "英文", "英语"), "en"),
}


class Handlers:
    def __init__(self, services: Services):
        self.services = services
        self.engine = services.engine
        self.ui = services.engine.ui
        self.turn: Turn = services.turn
        self.version = services.version
        self.relay: Relay | None = services.relay
        self.kept_view = KeptView(services.turn, services.version)

    # ------------------------------------------------------------ commands

    async def start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        # A new judge's session starts in their app's language; a returning judge keeps
        # the one they chose. A deep link (t.me/<bot>?start=g30) opens its screen.
        screen = screen_for(context.args[0], self.engine) if context.args else None
        if screen is not None:
            await self._turn(update, lambda s: Choose(screen))
            return
        await self._turn(update, lambda s: Start(s.lang))

    async def help(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self._turn(update, lambda s: Notify(self.ui.bot_help(s.lang)))

    async def topics(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self._turn(update, lambda s: Choose("topics"))

    async def browse(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self._turn(update, lambda s: Choose("browse"))

    async def adviser(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self._turn(update, lambda s: Choose("adviser"))

    async def privacy(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self._turn(update, lambda s: Choose("privacy"))

    async def cancel(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self._turn(update, lambda s: Restart())

    async def language(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        given = " ".join(context.args or []).strip().lower()
        wanted = LANGUAGE_NAMES.get(given)

        def switch(session: Session) -> Event:
            if wanted is not None:
                return SwitchLanguage(wanted)
            if not given:  # no argument: the other language
                return SwitchLanguage("en" if session.lang == "zh" else "zh")
            return Notify(self.ui.language_usage(session.lang))

        await self._turn(update, switch)

    async def guideline(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        number = tokens.guideline_number((context.args or [""])[0])
        if number in self.engine.corpus.guidelines:
            await self._turn(update, lambda s: Choose(tokens.guideline(number)))  # type: ignore[arg-type]
        else:
            await self._turn(update, lambda s: Notify(self.ui.no_such_guideline(s.lang)))

    async def kept(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """This month's kept items, each with a button to remove it."""
        if await chat.private(update, self.ui, self.relay):
            await self.kept_view.show(update)

    async def forget(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if not await chat.private(update, self.ui, self.relay):
            return
        assert update.effective_chat is not None and update.effective_message is not None
        lang, user = telegram_lang(update), update.effective_user
        try:
            asker = user.id if user is not None else None
            forgotten = await self.turn.forget(update.effective_chat.id, asker)
        except Unavailable as exc:
            await chat.unavailable(update, self.ui, lang, exc)
            return
        if self.relay is not None:
            await self.relay.tell_withdrawn(update.get_bot(), forgotten.posted)
        await update.effective_message.reply_text(
            f"{self.ui.forgotten(lang)}\n\n{self.ui.clear_offer(lang)}",
            reply_markup=chatclear.offer(self.ui, lang, self.version),
        )

    # -------------------------------------------------------------- messages

    async def text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        text = _valid_text(update.effective_message.text or "")  # type: ignore[union-attr]
        await self._turn(update, lambda s: FreeText(text))

    async def caption(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A picture or file sent with a question as its caption: the caption is the
        question (the file itself is neither downloaded nor read)."""
        caption = _valid_text(update.effective_message.caption or "")  # type: ignore[union-attr]
        await self._turn(update, lambda s: FreeText(caption))

    async def not_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Stickers, photos, voice, files: a short reply; nothing is downloaded."""
        await self._turn(update, lambda s: Notify(self.ui.only_text(s.lang)))

    async def edited(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if await chat.private(update, self.ui, self.relay):
            message = update.edited_message
            assert message is not None
            await message.reply_text(self.ui.edited_ignored(telegram_lang(update)))

    # Buttons: one handler per namespace of tokens (conversations/tokens.py), routed by
    # CallbackQueryHandler(pattern=…) in application.py; the engine's take the rest.

    async def button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        token = await self._tapped(update)
        if token is not None:
            await self._turn(update, lambda s: Choose(token))

    async def relay_tap(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        token = await self._tapped(update)
        if token is None or self.relay is None:
            return
        lang = telegram_lang(update)
        try:
            lang = await self.turn.language(update.effective_chat.id, lang)  # type: ignore[union-attr]
            if await self.relay.tap(update, token, lang):
                return
        except (Unavailable, *self.turn.errors) as exc:
            await chat.unavailable(update, self.ui, lang, exc)
            return
        await self._turn(update, lambda s: Choose(token))  # not the relay's after all

    async def clear_chat(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        token = await self._tapped(update)
        if token in (tokens.CLEAR, tokens.KEEP):
            await chatclear.answer(update, self.services.messages, self.ui, token, self.turn.errors)
        elif token is not None:
            await self._turn(update, lambda s: Choose(token))

    async def unkeep(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        token = await self._tapped(update)
        # A forged or pre-token (row number) button: answered like any row gone.
        tap = tokens.parse_unkeep(token) if token is not None else None
        if tap is not None:
            await self.kept_view.unkeep(update, tap.code, tap.listed)
        elif token is not None:
            await self._turn(update, lambda s: Choose(token))

    async def _tapped(self, update: Update) -> str | None:
        """The token of a tapped button, None when the tap is not to be served. Every
        namespace comes through here: a button's data can be forged, and in a group (the
        advisers' above all) it must not make the bot overwrite its own messages."""
        query = update.callback_query
        assert query is not None
        if not await chat.private(update, self.ui, self.relay):
            return None
        # Answered first, so the judge never watches a spinner, whatever follows.
        with contextlib.suppress(TelegramError):
            await query.answer()
        # An unreadable or outdated button becomes a token the engine does not know,
        # which it answers with "out of date" and the current menu.
        return decode(query.data, self.version) or ""

    # ------------------------------------------------------------- the turn

    async def _turn(self, update: Update, make_event: MakeEvent) -> None:
        if not await chat.private(update, self.ui, self.relay):
            return
        where = update.effective_chat
        assert where is not None
        outcome = await self.turn.take(where.id, make_event, telegram_lang(update))
        lang = outcome.lang
        if outcome.unavailable is not None:
            await chat.unavailable(update, self.ui, lang, outcome.unavailable)
            return
        if outcome.too_long and self.relay is not None:
            await self.relay.too_long(update, lang)
        if outcome.refused:
            await chat.post(update, Part(escape(self.ui.relay_refused(lang))))
        if outcome.reply is None:
            return
        if outcome.first_time:
            await chat.post(update, Part(escape(self.ui.privacy_first_time(lang))))
        if outcome.draft is not None:
            await self.relay.preview(update, outcome.draft)  # type: ignore[union-attr]
            return
        reply = with_face(outcome.reply, self.ui.privacy_telegram(lang))
        await chat.send(update, render(reply, self.version))
        await self.kept_view.after(update, outcome)


def _valid_text(text: str) -> str:
    """Telegram's JSON can carry lone surrogates (``\\ud800``), which no encoder, database
    or reply takes: each becomes U+FFFD, and the judge gets an answer like any other."""
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the failure without the judge's words (only the exception's type and where it
    arose), then apologise."""
    exc = context.error
    where = "".join(traceback.format_tb(exc.__traceback__)) if exc else ""
    log.error("error handling an update: %s\n%s", type(exc).__name__, where)
    if isinstance(update, Update) and update.effective_chat is not None:
        services = services_of(context.application)
        lang = telegram_lang(update)
        with contextlib.suppress(TelegramError):
            await update.get_bot().send_message(
                update.effective_chat.id, services.engine.ui.error_apology(lang)
            )
