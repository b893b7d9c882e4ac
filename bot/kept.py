"""What is kept, in Telegram: the notice after a question with its "Don't keep it", and
/kept's list with a button per item. The keeping itself is the turn's (conversations/turn.py)."""

from __future__ import annotations

import contextlib
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError

from conversations import tokens
from conversations.turn import Outcome, Refused, Turn, Unavailable
from knowledge import Lang

from . import chat
from .callbacks import encode
from .privacy import kept_list, kept_notice
from .render import MAX_MESSAGE, Part, units

BUTTONS_PER_ROW = 5
SHOWN = MAX_MESSAGE - 96  # the kept notice, with room to spare, fits one message


class KeptView:
    def __init__(self, turn: Turn, version: str):
        self.turn = turn
        self.ui = turn.engine.ui
        self.version = version

    async def after(self, update: Update, outcome: Outcome) -> None:
        """Keep what the FAQ may count of a turn just shown, and show the judge exactly
        what was kept of a question, with a button to not keep it."""
        user = update.effective_user
        if user is None:
            return
        lang, ui = outcome.lang, self.ui
        try:
            kept = await self.turn.keep(user.id, outcome, update.update_id)
        except Refused:  # the answer still stands
            await chat.post(update, Part(escape(ui.not_kept_refused(lang))))
            return
        if kept is None:
            return
        button = InlineKeyboardButton(
            ui.dont_keep(lang), callback_data=encode(self.version, tokens.unkeep(kept.token))
        )
        shown = kept.text or ""
        notice = kept_notice(ui, kept, lang)
        while units(notice) > SHOWN:  # a long question, quoted back, must fit a message
            shown = shown[: len(shown) * 9 // 10]
            notice = kept_notice(ui, kept, lang, shown + "…")
        try:
            await chat.post(update, Part(escape(notice), InlineKeyboardMarkup([[button]])))
        except TelegramError:
            # Nothing is kept that the judge was not shown, with its "Don't keep it".
            with contextlib.suppress(Unavailable):
                await self.turn.unkeep(user.id, kept.token)
            raise

    async def show(self, update: Update) -> None:
        """This month's kept items, each with a button to remove it."""
        user = update.effective_user
        assert user is not None
        lang = chat.telegram_lang(update)
        try:
            lang = await self.turn.language(update.effective_chat.id, lang)  # type: ignore[union-attr]
            items = await self.turn.kept(user.id)
        except Unavailable as exc:
            await chat.unavailable(update, self.ui, lang, exc)
            return
        ui = self.ui
        hint = ui.kept_hint_telegram(lang)
        fits = lambda t: units(t) <= SHOWN  # noqa: E731
        text, shown = kept_list(ui, self.turn.engine.trees, items, lang, hint, fits=fits)
        buttons = [
            InlineKeyboardButton(
                ui.kept_remove.format(lang, number=number),
                # "Remove N" under /kept: the list is shown again without it
                callback_data=encode(self.version, tokens.unkeep(item.token, listed=True)),
            )
            for number, item in shown
        ]
        rows = [buttons[i : i + BUTTONS_PER_ROW] for i in range(0, len(buttons), BUTTONS_PER_ROW)]
        await chat.send(update, [Part(escape(text), InlineKeyboardMarkup(rows) if rows else None)])

    async def unkeep(self, update: Update, token: str, listed: bool) -> None:
        user = update.effective_user
        assert user is not None
        lang: Lang = chat.telegram_lang(update)
        try:
            lang = await self.turn.language(update.effective_chat.id, lang)  # type: ignore[union-attr]
            removed = await self.turn.unkeep(user.id, token)
        except Unavailable as exc:
            await chat.unavailable(update, self.ui, lang, exc)
            return
        if listed:
            await self.show(update)  # the list again, in place, as it now stands
            return
        text = self.ui.not_kept(lang) if removed else self.ui.not_kept_unknown(lang)
        await chat.send(update, [Part(escape(text))])
