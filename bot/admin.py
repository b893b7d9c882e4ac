"""Administrators' commands: /faq [YYYY-MM], the anonymised FAQ of an ended month."""

from __future__ import annotations

import re

from telegram import Update
from telegram.ext import ContextTypes

from storage.questionlog import months_before, this_month

from . import chat
from .faqjobs import send_faq
from .services import services_of


async def faq(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    services = services_of(context.application)
    ui = services.engine.ui
    if not await chat.private(update, ui, services.relay):
        return
    user, message = update.effective_user, update.effective_message
    assert message is not None
    lang = chat.telegram_lang(update)
    if user is None or user.id not in services.settings.admin_ids:
        await message.reply_text(ui.faq_not_admin(lang))
        return
    wanted = (context.args or [""])[0]
    # Only ended months: two exports of a running month would show, by difference,
    # what single judges asked in between.
    if wanted and (not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", wanted) or wanted >= this_month()):
        await message.reply_text(ui.faq_bad_month(lang))
        return
    month = wanted or months_before(this_month(), 1)
    k = services.settings.faq_min_askers
    try:
        await send_faq(update.get_bot(), user.id, month, services.engine, services.db, k, lang)
    except services.turn.errors as exc:
        await chat.unavailable(update, ui, lang, exc)
