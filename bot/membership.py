"""Groups and channels: Amicus serves private chats only, and says so when added elsewhere
(the advisers' group, where the relay listens, excepted)."""

from __future__ import annotations

import contextlib

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from . import chat
from .chat import telegram_lang
from .services import Services


class Membership:
    def __init__(self, services: Services):
        self.ui = services.engine.ui
        self.relay = services.relay

    async def service(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Pins, auto-delete timers and the like: nothing to answer in a private chat; in a
        group, the usual refusal (or, for the advisers' group, following it)."""
        where, message = update.effective_chat, update.effective_message
        if message is not None and any(u.id == context.bot.id for u in message.new_chat_members):
            return  # the bot itself was added: ``added`` says so and leaves
        if where is not None and where.type != ChatType.PRIVATE:
            await chat.private(update, self.ui, self.relay)

    async def added(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Added to a group or a channel (other than the advisers' group): say that Amicus
        works in private chats only, and leave, rather than stay there unnoticed."""
        change, where = update.my_chat_member, update.effective_chat
        if change is None or where is None or where.type == ChatType.PRIVATE:
            return
        joined = change.new_chat_member.status in (
            ChatMemberStatus.MEMBER,
            ChatMemberStatus.ADMINISTRATOR,
            ChatMemberStatus.RESTRICTED,
        ) and change.old_chat_member.status in (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED)
        if not joined or (self.relay is not None and where.id in self.relay.chat_filter.chat_ids):
            return  # the advisers' group is the one group Amicus belongs in
        bot = update.get_bot()
        with contextlib.suppress(TelegramError):  # a channel may not let it post
            await bot.send_message(where.id, self.ui.private_only(telegram_lang(update)))
        with contextlib.suppress(TelegramError):
            await bot.leave_chat(where.id)
