"""Sending the monthly FAQ to the ethics office: on /faq, and on the 1st of each month."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging

from telegram import Bot
from telegram.ext import ContextTypes

from conversations import Engine
from knowledge import Lang
from storage.database import Database
from storage.faqdigest import digest, trend
from storage.questionlog import QuestionLog, months_before, this_month

from .faqreport import render
from .report import overview_png
from .report.texts import report_texts

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
    data = context.application.bot_data
    month = months_before(this_month(), 1)
    for admin in sorted(data["admin_ids"]):
        try:
            await send_faq(context.bot, admin, month, data["engine"], data["db"], data["k"])
        except Exception as exc:  # one unreachable admin must not stop the others
            log.warning("FAQ for %s not delivered to an admin: %s", month, type(exc).__name__)


async def purge_old_questions(context: ContextTypes.DEFAULT_TYPE) -> None:
    await purge(context.application.bot_data, context.bot)


async def purge(data: dict, bot: Bot | None = None) -> None:
    """Retention: old question-log months, idle sessions, and unanswered adviser tickets
    (whose judges and advisers are told, when a bot is at hand to tell them); and the
    freezing of last month's FAQ digest."""
    questions: QuestionLog = data["questions"]
    if data.get("k") is not None:
        # The month that has just ended is frozen the first night (and at start), so even
        # its first export cannot differ from what it was when the month ended.
        await trend(questions.db, months_before(this_month(), 1), data["k"], months=1)
    removed = await questions.purge(data["retention_months"])
    idle = await data["sessions"].purge(data["session_days"])
    closed = await data["tickets"].expire(data["ticket_days"])
    relay = data.get("relay")
    if closed and relay is not None and bot is not None:
        await relay.expired(bot, closed, data["ticket_days"])
    expired = len(closed)
    if removed or idle or expired:
        log.info(
            "retention: %d question-log rows, %d idle sessions, %d unanswered adviser questions",
            removed,
            idle,
            expired,
        )


FAQ_TIME = dt.time(8, 0)
PURGE_TIME = dt.time(3, 30)
