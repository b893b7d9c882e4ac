"""``amicus run``: the python-telegram-bot Application, configured from the environment."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import signal
from urllib.parse import urlparse

from telegram import BotCommand, BotCommandScopeAllPrivateChats, Update
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from conversations import Engine, tokens
from conversations.trees import TREES_DIR
from conversations.ui import UI_FILE
from knowledge.corpus import DATA_DIR
from storage.database import STORAGE_ERRORS, Database
from storage.keys import keyed_hash
from storage.locks import exclusive, run_once
from storage.questionlog import months_before, this_month

from . import admin
from .callbacks import knowledge_version, pattern
from .faqjobs import FAQ_TIME, PURGE_TIME, monthly_faq, purge
from .handlers import Handlers, on_error
from .health import database_answers, open_tickets
from .http import AiohttpRequest, UpdatesRequest
from .membership import Membership
from .metrics import CONTENT_TYPE, ERRORS, TICKETS_OPEN, MeasuredUpdateProcessor, exposition
from .render import MAX_MESSAGE
from .services import Services, services_of
from .settings import Settings
from .webhook import WebhookServer

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


def telegram_engine(base: Engine, settings: Settings) -> Engine:
    """The engine as the bot runs it: this deployment's adviser, and Telegram's text limit."""
    return Engine(
        base.corpus,
        base.ui,
        base.trees,
        settings.adviser_contact,
        relay=settings.adviser_chat_id is not None,
        max_text=MAX_MESSAGE,  # what Telegram delivers at most
    )


def build(settings: Settings, engine: Engine, db: Database) -> Application:
    settings.require_bot()
    assert settings.token is not None
    version = knowledge_version(DATA_DIR, TREES_DIR, UI_FILE.parent)
    services = Services.wire(settings, engine, db, version)
    relay, tracker = services.relay, services.messages
    handlers = Handlers(services)
    builder = (
        ApplicationBuilder()
        .token(settings.token)
        .concurrent_updates(MeasuredUpdateProcessor())
        .request(AiohttpRequest(connections=256, on_message=tracker.noted))
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
    app.bot_data["services"] = services
    h = handlers
    # Before every other handler, and whatever they do: note the judge's message number.
    app.add_handler(TypeHandler(Update, tracker.incoming), group=-1)
    if relay is not None:
        # First: the advisers' chat is a group, which every other handler would refuse.
        app.add_handler(MessageHandler(relay.chat_filter, relay.in_advisers_chat))
    for name in COMMANDS:
        app.add_handler(CommandHandler(name, getattr(h, name)))
    app.add_handler(CommandHandler("faq", admin.faq))  # for administrators; not advertised
    # Buttons by namespace (conversations/tokens.py); the engine's take the rest.
    if relay is not None:
        app.add_handler(CallbackQueryHandler(h.relay_tap, pattern=pattern(tokens.RELAY)))
    app.add_handler(CallbackQueryHandler(h.clear_chat, pattern=pattern(tokens.CLEAR, tokens.KEEP)))
    app.add_handler(
        CallbackQueryHandler(h.unkeep, pattern=pattern(tokens.UNKEEP, tokens.UNKEEP_LISTED))
    )
    app.add_handler(CallbackQueryHandler(h.button))
    members = Membership(services)
    app.add_handler(ChatMemberHandler(members.added, ChatMemberHandler.MY_CHAT_MEMBER))
    app.add_handler(MessageHandler(filters.UpdateType.EDITED, h.edited))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, h.text))
    app.add_handler(MessageHandler(filters.COMMAND, h.help))  # an unknown /command
    app.add_handler(MessageHandler(filters.StatusUpdate.ALL, members.service))
    app.add_handler(MessageHandler(filters.CAPTION, h.caption))
    app.add_handler(MessageHandler(~filters.TEXT, h.not_text))
    app.add_error_handler(on_error)
    app.add_error_handler(_count_error)
    if app.job_queue is not None:
        app.job_queue.run_monthly(_monthly_faq_once, when=FAQ_TIME, day=1, name="monthly-faq")
        app.job_queue.run_daily(_retention_once, time=PURGE_TIME, name="retention")
    return app


async def _count_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    ERRORS.inc()


# Every replica schedules the same jobs; the first to get there does each one, once per
# period (storage/locks.py), and the others skip it.


async def _monthly_faq_once(context: ContextTypes.DEFAULT_TYPE) -> None:
    db = services_of(context.application).db
    month = months_before(this_month(), 1)
    await run_once(db, "monthly-faq", month, lambda: monthly_faq(context))


async def _retention_once(context: ContextTypes.DEFAULT_TYPE) -> None:
    services = services_of(context.application)

    await run_once(
        services.db, "retention", dt.date.today().isoformat(), lambda: purge(services, context.bot)
    )


async def _post_init(app: Application) -> None:
    services = services_of(app)
    db = services.db
    try:
        await db.upgrade()
        # Several replicas starting together: one purges, the others need not wait.
        async with exclusive(db, "retention", wait=False) as mine:
            if mine:
                await purge(services, app.bot)
    except STORAGE_ERRORS as exc:
        # Start anyway: judges are told "temporarily unavailable" until the database is back.
        log.warning("database unavailable at start (%s); retrying", type(exc).__name__)
        app.create_task(_upgrade_when_back(db), name="amicus-db-retry")
    ui = services.engine.ui
    for lang, code in (("en", None), ("zh", "zh")):
        # What a judge reads before pressing Start, in their app's language.
        await app.bot.set_my_description(ui.bot_description(lang), language_code=code)
        await app.bot.set_my_short_description(ui.bot_short_description(lang), language_code=code)
    for lang, code in (("en", None), ("zh", "zh")):
        commands = [BotCommand(name, getattr(ui, f"command_{name}")(lang)) for name in COMMANDS]
        await app.bot.set_my_commands(
            commands, scope=BotCommandScopeAllPrivateChats(), language_code=code
        )
    services.messages.start()
    log.info("Amicus is ready (knowledge version %s)", services.version)


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
    services = services_of(app)
    await services.messages.stop()
    await services.db.close()


def run(
    settings: Settings, engine: Engine, webhook: str | None, port: int | None, listen: str
) -> int:
    db = Database(settings.database_url)
    app = build(settings, engine, db)
    if webhook:
        secret_token = keyed_hash(settings.secret, "webhook", "telegram")
        asyncio.run(serve_webhook(app, webhook, port or 8443, listen, secret_token))
    else:
        app.run_polling(allowed_updates=UPDATES, stop_signals=(signal.SIGINT, signal.SIGTERM))
    return 0


async def serve_webhook(
    app: Application, url: str, port: int, listen: str, secret_token: str
) -> None:
    """The webhook's life: start, register with Telegram, serve until SIGTERM or Ctrl-C,
    then finish the updates in hand before stopping (bot/webhook.py)."""
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    db = services_of(app).db

    async def process(data: dict) -> None:
        try:
            update = Update.de_json(data, app.bot)
        except Exception:
            log.warning("an update could not be read (content not logged)")
            return
        await app.update_processor.process_update(update, app.process_update(update))

    async def metrics() -> tuple[bytes, str]:
        with contextlib.suppress(*STORAGE_ERRORS, TimeoutError):
            TICKETS_OPEN.set(await asyncio.wait_for(open_tickets(db), 3))
        return exposition(), CONTENT_TYPE

    server = WebhookServer(
        urlparse(url).path, secret_token, process, lambda: database_answers(db), metrics
    )
    await app.initialize()
    try:
        if app.post_init:
            await app.post_init(app)
        await server.start(listen, port)
        await app.bot.set_webhook(
            url,
            secret_token=secret_token,
            allowed_updates=UPDATES,
            max_connections=40,
        )
        await app.start()
        await stop.wait()
    finally:
        await server.stop()
        if app.running:
            await app.stop()
        await app.shutdown()
        if app.post_shutdown:
            await app.post_shutdown(app)
