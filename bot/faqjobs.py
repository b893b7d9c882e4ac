"""Sending the monthly FAQ to the ethics office: on /faq, and on the 1st of each month."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from typing import TYPE_CHECKING

from telegram import Bot
from telegram.ext import ContextTypes

from conversations import Engine
from knowledge import Lang
from storage.database import Database
from storage.faqdigest import digest, trend
from storage.questionlog import months_before, this_month

from .faqreport import render
from .report import overview_png
from .report.texts import report_texts
from .services import services_of

if TYPE_CHECKING:
    from .services import Services

log = logging.getLogger("amicus.faq")


async def send_faq(
    bot: Bot, chat_id: int, month: str, engine: Engine, db: Database, k: int, lang: Lang = "en"
) -> None:
    """The month's report page as a document, and its overview chart as a picture."""
    faq = await digest(db, month, k)  # frozen: the same page at every request
    months = await trend(db, month, k)
    # Drawing charts is CPU work: off the event loop, so no judge waits behind the report.
    page = await asyncio.to_thread(render, faq, engine, "html", lang, months)
    picture = await asyncio.to_thread(overview_png, faq, months, engine, lang)
    caption = engine.ui.faq_caption.format(lang, month=month)
    await bot.send_document(
        chat_id,
        document=page.encode("utf-8"),
        filename=f"amicus-faq-{month}.html",
        caption=caption,
    )
    await bot.send_photo(
        chat_id,
        photo=picture,
        caption=report_texts().overview_caption.format(lang, month=month),
    )


async def monthly_faq(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Last month's FAQ to every administrator (scheduled for the 1st of each month)."""
    services = services_of(context.application)
    month = months_before(this_month(), 1)
    k = services.settings.faq_min_askers
    for admin in sorted(services.settings.admin_ids):
        try:
            await send_faq(context.bot, admin, month, services.engine, services.db, k)
        except Exception as exc:  # one unreachable admin must not stop the others
            log.warning("FAQ for %s not delivered to an admin: %s", month, type(exc).__name__)


async def purge(services: Services, bot: Bot | None = None) -> None:
    """Retention: old question-log months, idle sessions, unanswered adviser tickets
    (whose judges and advisers are told, when a bot is at hand to tell them) and message
    numbers kept for /forget past their use; and the freezing of last month's FAQ digest."""
    settings = services.settings
    # The month that has just ended is frozen the first night (and at start), so even
    # its first export cannot differ from what it was when the month ended.
    await trend(services.db, months_before(this_month(), 1), settings.faq_min_askers, months=1)
    removed = await services.questions.purge(settings.retention_months)
    idle = await services.sessions.purge(settings.session_days)
    closed = await services.tickets.expire(settings.ticket_days)
    if closed and services.relay is not None and bot is not None:
        await services.relay.expired(bot, closed, settings.ticket_days)
    expired = len(closed)
    await services.messages.messages.purge()
    if removed or idle or expired:
        log.info(
            "retention: %d question-log rows, %d idle sessions, %d unanswered adviser questions",
            removed,
            idle,
            expired,
        )


FAQ_TIME = dt.time(8, 0)
PURGE_TIME = dt.time(3, 30)
