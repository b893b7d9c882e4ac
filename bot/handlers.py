"""Thin Telegram handlers: each turns an update into one engine event and sends the reply.

Per update: load the judge's session from the database, let the engine answer, save the
session, send. Nothing of the judge's text or identity is logged or stored here.
"""

from __future__ import annotations

import contextlib
import logging
import re
import traceback
from collections.abc import Callable
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatMemberStatus, ChatType, ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import ContextTypes

from conversations import Choose, Engine, FreeText, Notify, Restart, Session, Start, SwitchLanguage
from conversations.events import Event
from conversations.replies import Record
from knowledge import Lang
from storage.database import STORAGE_ERRORS
from storage.questionlog import QuestionLog, months_before, this_month
from storage.redaction.guard import RedactionRefused
from storage.sessions import SessionStore
from storage.tickets import Ticket, TicketStore

from . import chatclear
from .callbacks import decode, encode
from .faqjobs import send_faq
from .links import screen_for
from .metrics import DATABASE_UNAVAILABLE
from .privacy import kept_list, kept_notice, with_face
from .relay import PREFIX as RELAY_PREFIX
from .relay import Relay
from .render import Part, render, units

log = logging.getLogger("amicus.bot")
UNKEEP = "k:"  # "Don't keep it" under the kept notice, then the random token of the row
UNKEEP_LISTED = "kl:"  # "Remove N" under /kept: the list is shown again without it
KEPT_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,32}")
KEPT_BUTTONS_PER_ROW = 5
KEPT_SHOWN = 4000  # the kept notice must fit one Telegram message (4096, as it counts)
TURN_ATTEMPTS = 5
LANGUAGE_NAMES: dict[str, Lang] = {
    **dict.fromkeys(("zh", "zh-cn", "zh-hans", "cn", "chinese", "中文", "汉语", "简体中文"), "zh"),
    **dict.fromkeys(("en", "en-us", "en-gb", "english", "英文", "英语"), "en"),
}


class SessionContention(Exception):
    """Another process kept saving this judge's session while we tried to."""


MakeEvent = Callable[[Session], Event]


def telegram_lang(update: Update) -> Lang:
    user = update.effective_user
    code = (user.language_code or "") if user else ""
    return "zh" if code.lower().startswith("zh") else "en"


class Handlers:
    def __init__(
        self,
        engine: Engine,
        store: SessionStore,
        version: str,
        questions: QuestionLog,
        tickets: TicketStore,
        relay: Relay | None = None,
        admin_ids: frozenset[int] = frozenset(),
        faq_min_askers: int = 5,
    ):
        self.engine = engine
        self.store = store
        self.version = version
        self.questions = questions
        self.tickets = tickets  # erased by /forget even once no advisers' chat is configured
        self.relay = relay
        self.admin_ids = admin_ids
        self.faq_min_askers = faq_min_askers

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
        await self._turn(update, lambda s: Notify(self.engine.ui.bot_help(s.lang)))

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
            return Notify(self.engine.ui.language_usage(session.lang))

        await self._turn(update, switch)

    async def guideline(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        raw = (context.args or [""])[0]
        # Short before int(): thousands of digits make int() raise (and cost time).
        number = int(raw) if raw.isdecimal() and len(raw) <= 3 else None
        if number in self.engine.corpus.guidelines:
            await self._turn(update, lambda s: Choose(f"g:{number}"))
        else:
            await self._turn(update, lambda s: Notify(self.engine.ui.no_such_guideline(s.lang)))

    async def kept(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """This month's kept items, each with a button to remove it."""
        if not await self._private(update):
            return
        await self._show_kept(update)

    async def forget(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if not await self._private(update):
            return
        chat = update.effective_chat
        assert chat is not None and update.effective_message is not None
        lang = telegram_lang(update)
        user = update.effective_user
        try:
            await self.store.forget(chat.id)
            posted = await self.tickets.forget(chat.id)
            if user is not None:
                await self.questions.forget(user.id)
            await self.questions.db.scrub()  # off the disk too, not only out of the tables
        except STORAGE_ERRORS as exc:
            await self._unavailable(update, lang, exc)
            return
        if self.relay is not None:
            await self.relay.tell_withdrawn(update.get_bot(), posted)
        ui = self.engine.ui
        await update.effective_message.reply_text(
            f"{ui.forgotten(lang)}\n\n{ui.clear_offer(lang)}",
            reply_markup=chatclear.offer(ui, lang, self.version),
        )

    async def _clear_chat(self, update: Update, context: ContextTypes.DEFAULT_TYPE, token: str):
        """The answer to /forget's offer: delete what Telegram allows, or keep it all."""
        chat = update.effective_chat
        assert chat is not None
        tracker: chatclear.MessageTracker = context.bot_data["messages"]
        lang = telegram_lang(update)
        ui = self.engine.ui
        try:
            if token == chatclear.CLEAR:
                deleted, _ = await chatclear.clear(update.get_bot(), tracker, chat.id)
                text = ui.chat_cleared.format(lang, count=deleted)
                await update.get_bot().send_message(chat.id, text)
            else:
                await update.get_bot().send_message(chat.id, ui.chat_kept(lang))
            # Nothing of this chat stays noted, not even the message just sent.
            await chatclear.forget_numbers(tracker, chat.id)
        except STORAGE_ERRORS as exc:
            await self._unavailable(update, lang, exc)

    # -------------------------------------------------------------- messages

    async def text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        text = _valid_text(message.text or "")
        await self._turn(update, lambda s: FreeText(text))

    async def caption(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A picture or file sent with a question as its caption: the caption is the
        question (the file itself is neither downloaded nor read)."""
        message = update.effective_message
        assert message is not None
        caption = _valid_text(message.caption or "")
        await self._turn(update, lambda s: FreeText(caption))

    async def service(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Pins, auto-delete timers and the like: nothing to answer in a private chat; in a
        group, the usual refusal (or, for the advisers' group, following it)."""
        chat, message = update.effective_chat, update.effective_message
        if message is not None and any(u.id == context.bot.id for u in message.new_chat_members):
            return  # the bot itself was added: ``added`` says so and leaves
        if chat is not None and chat.type != ChatType.PRIVATE:
            await self._private(update)

    async def added(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Added to a group or a channel (other than the advisers' group): say that Amicus
        works in private chats only, and leave, rather than stay there unnoticed."""
        change, chat = update.my_chat_member, update.effective_chat
        if change is None or chat is None or chat.type == ChatType.PRIVATE:
            return
        joined = change.new_chat_member.status in (
            ChatMemberStatus.MEMBER,
            ChatMemberStatus.ADMINISTRATOR,
            ChatMemberStatus.RESTRICTED,
        ) and change.old_chat_member.status in (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED)
        if not joined:
            return
        if self.relay is not None and chat.id in self.relay.chat_filter.chat_ids:
            return  # the advisers' group: the one group Amicus belongs in
        bot = update.get_bot()
        with contextlib.suppress(TelegramError):  # a channel may not let it post
            await bot.send_message(chat.id, self.engine.ui.private_only(telegram_lang(update)))
        with contextlib.suppress(TelegramError):
            await bot.leave_chat(chat.id)

    async def not_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Stickers, photos, voice, files: a short reply; nothing is downloaded."""
        await self._turn(update, lambda s: Notify(self.engine.ui.only_text(s.lang)))

    async def edited(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if not await self._private(update):
            return
        message = update.edited_message
        assert message is not None
        await message.reply_text(self.engine.ui.edited_ignored(telegram_lang(update)))

    async def button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        # Every namespace (menus, "Don't keep it", the relay's buttons) is checked here, in
        # one place: a button's data can be forged, and in a group (the advisers' above
        # all) it must not make the bot overwrite its own messages.
        if not await self._private(update):
            return
        # Answered first, so the judge never watches a spinner, whatever follows.
        with contextlib.suppress(TelegramError):
            await query.answer()
        # An unreadable or outdated button becomes a token the engine does not know,
        # which it answers with "out of date" and the current menu.
        token = decode(query.data, self.version) or ""
        if self.relay is not None and token.startswith(RELAY_PREFIX):
            lang = telegram_lang(update)
            try:
                lang = await self._lang(update)
                if await self.relay.tap(update, token, lang):
                    return
            except STORAGE_ERRORS as exc:
                await self._unavailable(update, lang, exc)
                return
        if token in (chatclear.CLEAR, chatclear.KEEP):
            if await self._private(update):
                await self._clear_chat(update, context, token)
            return
        for prefix in (UNKEEP, UNKEEP_LISTED):
            # A forged or pre-token (row number) button: answered like any row gone.
            if token.startswith(prefix):
                code = token[len(prefix) :]
                code = code if KEPT_TOKEN.fullmatch(code) else ""
                await self._unkeep(update, code, listed=prefix == UNKEEP_LISTED)
                return
        await self._turn(update, lambda s: Choose(token))

    # ------------------------------------------------------------- the turn

    async def _turn(self, update: Update, make_event: MakeEvent) -> None:
        if not await self._private(update):
            return
        chat = update.effective_chat
        assert chat is not None
        lang = telegram_lang(update)
        first_time = None
        draft = None
        try:
            # The engine is pure, so a turn that lost a race with another process (the
            # same judge's tap served elsewhere) is simply redone on the newer state.
            for _ in range(TURN_ATTEMPTS):
                stored = await self.store.read(chat.id)
                if first_time is None:
                    first_time = stored is None
                session = Session.from_dict(stored.state) if stored else Session(lang=lang)
                event = make_event(session)
                session, reply = self.engine.handle(session, event)
                reply = with_face(reply, self.engine.ui.privacy_telegram(session.lang))
                lang = session.lang
                if reply.relay:
                    # Kept before the session moves on: if it cannot be, the judge is
                    # still on the adviser's page and simply writes again.
                    draft = await self._keep_for_adviser(update, event, lang)
                    if draft is None:
                        return
                if await self.store.write(chat.id, session.to_dict(), stored):
                    break
                # Redone on the newer state, which may no longer be the adviser's page.
                await self._drop_draft(chat.id, draft)
                draft = None
            else:
                raise SessionContention
        except (*STORAGE_ERRORS, SessionContention) as exc:
            with contextlib.suppress(*STORAGE_ERRORS):
                await self._drop_draft(chat.id, draft)  # "not kept" must be true
            await self._unavailable(update, lang, exc)
            return
        if first_time:
            notice = Part(escape(self.engine.ui.privacy_first_time(session.lang)))
            await self._post(chat.id, update, notice)
        if draft is not None:
            await self.relay.preview(update, draft)  # type: ignore[union-attr]
            return
        await self._send(update, render(reply, self.version))
        if reply.record is not None and update.effective_user is not None:
            text = event.text if isinstance(event, FreeText) else None
            await self._record(update, update.effective_user.id, reply.record, text, session.lang)

    async def _show_kept(self, update: Update) -> None:
        user = update.effective_user
        assert user is not None
        lang = telegram_lang(update)
        try:
            lang = await self._lang(update)
            items = await self.questions.kept(user.id)
        except STORAGE_ERRORS as exc:
            await self._unavailable(update, lang, exc)
            return
        ui = self.engine.ui
        text, shown = kept_list(
            ui,
            self.engine.trees,
            items,
            lang,
            ui.kept_hint_telegram(lang),
            fits=lambda t: units(t) <= KEPT_SHOWN,
        )
        buttons = [
            InlineKeyboardButton(
                ui.kept_remove.format(lang, number=number),
                callback_data=encode(self.version, f"{UNKEEP_LISTED}{item.token}"),
            )
            for number, item in shown
        ]
        rows = [
            buttons[i : i + KEPT_BUTTONS_PER_ROW]
            for i in range(0, len(buttons), KEPT_BUTTONS_PER_ROW)
        ]
        await self._send(update, [Part(escape(text), InlineKeyboardMarkup(rows) if rows else None)])

    async def _keep_for_adviser(self, update: Update, event: Event, lang: Lang) -> Ticket | None:
        """The judge's question for a human adviser, redacted and kept as a draft; None
        (and the judge told why) when it cannot be."""
        if self.relay is None or not isinstance(event, FreeText):
            return None  # the relay screen exists only when the relay does
        chat_id = update.effective_chat.id  # type: ignore[union-attr]
        try:
            draft = await self.relay.keep(chat_id, event.text, lang)
        except RedactionRefused:
            await self._post(chat_id, update, Part(escape(self.engine.ui.relay_refused(lang))))
            return None
        if draft is None:
            await self.relay.too_long(update, lang)
        return draft

    async def _drop_draft(self, chat_id: int, draft: Ticket | None) -> None:
        if draft is not None:
            await self.tickets.withdraw(chat_id, draft.id)

    async def _lang(self, update: Update) -> Lang:
        """The language the judge chose here, else their Telegram app's."""
        chat = update.effective_chat
        stored = await self.store.read(chat.id) if chat is not None else None
        return Session.from_dict(stored.state).lang if stored else telegram_lang(update)

    async def _record(
        self, update: Update, user_id: int, record: Record, text: str | None, lang: Lang
    ) -> None:
        """Keep what the FAQ may count; show the judge exactly what was kept of a question."""
        try:
            if record.kind == "answer":
                await self.questions.record_answer(
                    user_id,
                    record.lang,
                    list(record.guidelines),
                    record.topic,
                    record.answer or "",
                    update_id=update.update_id,
                )
                return
            if text is None:
                return
            kept = await self.questions.record_question(
                user_id,
                text,
                record.lang,
                list(record.guidelines),
                record.topic,
                update_id=update.update_id,
            )
        except STORAGE_ERRORS as exc:
            log.warning("question not kept: %s", type(exc).__name__)  # the answer still stands
            return
        except RedactionRefused:
            log.warning("question not kept: redaction refused")  # the answer still stands
            refused = self.engine.ui.not_kept_refused(lang)
            await self._post(update.effective_chat.id, update, Part(escape(refused)))  # type: ignore[union-attr]
            return
        ui = self.engine.ui
        button = InlineKeyboardButton(
            ui.dont_keep(lang), callback_data=encode(self.version, f"{UNKEEP}{kept.token}")
        )
        shown = kept.text or ""
        notice = kept_notice(ui, kept, lang)
        while units(notice) > KEPT_SHOWN:  # a long question, quoted back, must fit a message
            shown = shown[: len(shown) * 9 // 10]
            notice = kept_notice(ui, kept, lang, shown + "…")
        chat_id = update.effective_chat.id  # type: ignore[union-attr]
        try:
            await self._post(
                chat_id, update, Part(escape(notice), InlineKeyboardMarkup([[button]]))
            )
        except TelegramError:
            # Nothing is kept that the judge was not shown, with its "Don't keep it".
            with contextlib.suppress(*STORAGE_ERRORS):
                await self.questions.unkeep(user_id, kept.token)
            raise

    async def _unkeep(self, update: Update, token: str, listed: bool = False) -> None:
        if not await self._private(update):
            return
        query, user = update.callback_query, update.effective_user
        assert query is not None and user is not None
        lang = telegram_lang(update)
        try:
            lang = await self._lang(update)
            removed = await self.questions.unkeep(user.id, token)
            if removed:
                await self.questions.db.scrub()  # off the disk too
        except STORAGE_ERRORS as exc:
            await self._unavailable(update, lang, exc)
            return
        if listed:
            await self._show_kept(update)  # the list again, in place, as it now stands
            return
        ui = self.engine.ui
        text = ui.not_kept(lang) if removed else ui.not_kept_unknown(lang)
        await self._send(update, [Part(escape(text))])

    # ------------------------------------------------------------- admin

    async def faq(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if not await self._private(update):
            return
        user, message = update.effective_user, update.effective_message
        assert message is not None
        lang = telegram_lang(update)
        if user is None or user.id not in self.admin_ids:
            await message.reply_text(self.engine.ui.faq_not_admin(lang))
            return
        wanted = (context.args or [""])[0]
        # Only ended months: two exports of a running month would show, by difference,
        # what single judges asked in between.
        if wanted and (
            not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", wanted) or wanted >= this_month()
        ):
            await message.reply_text(self.engine.ui.faq_bad_month(lang))
            return
        month = wanted or months_before(this_month(), 1)
        try:
            await send_faq(
                update.get_bot(),
                user.id,
                month,
                self.engine,
                self.questions.db,
                self.faq_min_askers,
                lang,
            )
        except STORAGE_ERRORS as exc:
            await self._unavailable(update, lang, exc)

    async def _send(self, update: Update, parts: list[Part]) -> None:
        query = update.callback_query
        chat = update.effective_chat
        assert chat is not None
        first, rest = parts[0], parts[1:]
        if query is not None and isinstance(query.message, Message):
            try:
                await query.message.edit_text(
                    first.html, parse_mode=ParseMode.HTML, reply_markup=first.keyboard
                )
            except BadRequest as exc:
                if "not modified" not in str(exc).lower():
                    await self._post(chat.id, update, first)
        else:
            await self._post(chat.id, update, first)
        for part in rest:
            await self._post(chat.id, update, part)

    async def _post(self, chat_id: int, update: Update, part: Part) -> None:
        bot = update.get_bot()
        await bot.send_message(
            chat_id, part.html, parse_mode=ParseMode.HTML, reply_markup=part.keyboard
        )

    async def _private(self, update: Update) -> bool:
        """Groups and channels get one short refusal; nothing of theirs is processed or kept."""
        chat = update.effective_chat
        if chat is None:
            if update.callback_query is not None:  # a button of an inline message: no chat
                with contextlib.suppress(TelegramError):
                    await update.callback_query.answer(
                        self.engine.ui.private_only(telegram_lang(update)), show_alert=True
                    )
            return False
        # Business and guest messages may carry a "private" chat that is someone else's.
        own = update.message or update.edited_message or update.callback_query
        if chat.type == ChatType.PRIVATE:
            return own is not None
        lang = telegram_lang(update)
        moved_from = update.message.migrate_from_chat_id if update.message else None
        if self.relay is not None and moved_from == self.relay.advisers:
            self.relay.moved_to(chat.id)  # the advisers' group, now a supergroup: follow it
            return False
        if update.callback_query is not None:
            with contextlib.suppress(TelegramError):
                await update.callback_query.answer(
                    self.engine.ui.private_only(lang), show_alert=True
                )
            return False
        bot = update.get_bot()
        try:
            await bot.send_message(chat.id, self.engine.ui.private_only(lang))
            await bot.leave_chat(chat.id)
        except TelegramError:
            pass  # a channel the bot cannot post in: nothing more to do
        return False

    async def _unavailable(self, update: Update, lang: Lang, exc: BaseException) -> None:
        log.warning("storage unavailable: %s", type(exc).__name__)
        DATABASE_UNAVAILABLE.inc()
        # A new message, never an edit: the tapped menu (or "Don't keep it" button) stays
        # usable for when the database is back.
        chat = update.effective_chat
        assert chat is not None
        await self._post(chat.id, update, Part(escape(self.engine.ui.unavailable(lang))))


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
        engine: Engine = context.application.bot_data["engine"]
        lang = telegram_lang(update)
        with contextlib.suppress(TelegramError):
            await update.get_bot().send_message(
                update.effective_chat.id, engine.ui.error_apology(lang)
            )
