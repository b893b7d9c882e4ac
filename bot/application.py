"""``amicus run``: the python-telegram-bot Application, configured from the environment."""

from __future__ import annotations

import asyncio
import logging
import signal
from urllib.parse import urlparse

from telegram import BotCommand, BotCommandScopeAllPrivateChats
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from conversations import Engine
from conversations.trees import TREES_DIR
from conversations.ui import UI_FILE
from knowledge.corpus import DATA_DIR
from storage.database import STORAGE_ERRORS, Database
from storage.keys import keyed_hash
from storage.questionlog import QuestionLog
from storage.sessions import SessionStore
from storage.tickets import TicketStore

from .callbacks import knowledge_version
from .faqjobs import FAQ_TIME, PURGE_TIME, monthly_faq, purge, purge_old_questions
from .handlers import Handlers, on_error
from .http import AiohttpRequest, UpdatesRequest
from .processor import PerChatUpdateProcessor
from .relay import Relay
from .settings import Settings

log = logging.getLogger("amicus.bot")
# What Amicus serves, and nothing else (business or guest messages would carry other
# people's chats; inline queries would answer outside a private chat).
UPDATES = ["message", "edited_message", "callback_query", "channel_post", "my_chat_member"]
COMMANDS = (
    "start",
    "help",
    "topics",
    "browse",
    "guideline",
    "language",
    "privacy",
    "kept",
    "forget",
    "adviser",
    "cancel",
)


def build(settings: Settings, engine: Engine, db: Database) -> Application:
    settings.require_bot()
    assert settings.token is not None
    version = knowledge_version(DATA_DIR, TREES_DIR, UI_FILE.parent)
    questions = QuestionLog(db, settings.secret)
    sessions = SessionStore(db, settings.secret)
    tickets = TicketStore(db, settings.secret)
    advisers = settings.adviser_chat_id
    relay = Relay(engine, tickets, version, advisers) if advisers is not None else None
    handlers = Handlers(
        engine,
        sessions,
        version,
        questions,
        tickets,
        relay,
        settings.admin_ids,
        settings.faq_min_askers,
    )
    builder = (
        ApplicationBuilder()
        .token(settings.token)
        .concurrent_updates(PerChatUpdateProcessor())
        .request(AiohttpRequest(connections=256))
        .get_updates_request(UpdatesRequest(connections=1, read_timeout=30.0))
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
    )
    if settings.base_url:
        builder = builder.base_url(settings.base_url)
    if settings.rate_limit > 0:
        builder = builder.rate_limiter(
            AIORateLimiter(overall_max_rate=settings.rate_limit, max_retries=3)
        )
    app = builder.build()
    app.bot_data.update(
        engine=engine,
        db=db,
        version=version,
        questions=questions,
        admin_ids=settings.admin_ids,
        k=settings.faq_min_askers,
        retention_months=settings.retention_months,
        sessions=sessions,
        session_days=settings.session_days,
        tickets=tickets,
        ticket_days=settings.ticket_days,
        relay=relay,
    )
    h = handlers
    if relay is not None:
        # First: the advisers' chat is a group, which every other handler would refuse.
        app.add_handler(MessageHandler(relay.chat_filter, relay.in_advisers_chat))
    for name in COMMANDS:
        app.add_handler(CommandHandler(name, getattr(h, name)))
    app.add_handler(CommandHandler("faq", h.faq))  # for administrators; not advertised
    app.add_handler(CallbackQueryHandler(h.button))
    app.add_handler(ChatMemberHandler(h.added, ChatMemberHandler.MY_CHAT_MEMBER))
    app.add_handler(MessageHandler(filters.UpdateType.EDITED, h.edited))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, h.text))
    app.add_handler(MessageHandler(filters.COMMAND, h.help))  # an unknown /command
    app.add_handler(MessageHandler(filters.StatusUpdate.ALL, h.service))
    app.add_handler(MessageHandler(filters.CAPTION, h.caption))
    app.add_handler(MessageHandler(~filters.TEXT, h.not_text))
    app.add_error_handler(on_error)
    if app.job_queue is not None:
        app.job_queue.run_monthly(monthly_faq, when=FAQ_TIME, day=1, name="monthly-faq")
        app.job_queue.run_daily(purge_old_questions, time=PURGE_TIME, name="retention")
    return app


async def _post_init(app: Application) -> None:
    db: Database = app.bot_data["db"]
    try:
        await db.upgrade()
        await purge(app.bot_data, app.bot)
    except STORAGE_ERRORS as exc:
        # Start anyway: judges are told "temporarily unavailable" until the database is back.
        log.warning("database unavailable at start (%s); retrying", type(exc).__name__)
        app.create_task(_upgrade_when_back(db), name="amicus-db-retry")
    engine: Engine = app.bot_data["engine"]
    ui = engine.ui
    for lang, code in (("en", None), ("zh", "zh")):
        commands = [BotCommand(name, getattr(ui, f"command_{name}")(lang)) for name in COMMANDS]
        await app.bot.set_my_commands(
            commands, scope=BotCommandScopeAllPrivateChats(), language_code=code
        )
    log.info("Amicus is ready (knowledge version %s)", app.bot_data.get("version", "?"))


async def _upgrade_when_back(db: Database, every: float = 5.0) -> None:
    while True:
        await asyncio.sleep(every)
        try:
            await db.upgrade()
        except STORAGE_ERRORS:
            continue
        log.info("database available again; migrations applied")
        return


async def _post_shutdown(app: Application) -> None:
    await app.bot_data["db"].close()


def run(
    settings: Settings, engine: Engine, webhook: str | None, port: int | None, listen: str
) -> int:
    db = Database(settings.database_url)
    app = build(settings, engine, db)
    stop = (signal.SIGINT, signal.SIGTERM)
    if webhook:
        app.run_webhook(
            listen=listen,
            port=port or 8443,
            url_path=urlparse(webhook).path.lstrip("/"),
            webhook_url=webhook,
            secret_token=keyed_hash(settings.secret, "webhook", "telegram"),
            allowed_updates=UPDATES,
            stop_signals=stop,
        )
    else:
        app.run_polling(allowed_updates=UPDATES, stop_signals=stop)
    return 0
