"""Prometheus metrics: how the bot is doing, never who is using it.

No label may identify a judge or a question: no chat or user id, no text, no guideline
per user. Updates are labelled only by their kind (message, callback_query …), a short
fixed set that Telegram defines.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from telegram import Update

from .processor import PerChatUpdateProcessor

CONTENT_TYPE = CONTENT_TYPE_LATEST
# One registry of our own: the process-wide default would also publish whatever else a
# library registers, and tests in one process would collide on it.
REGISTRY = CollectorRegistry(auto_describe=True)

UPDATES = Counter("amicus_updates", "Updates handled, by kind", ["kind"], registry=REGISTRY)
REPLIES = Counter("amicus_replies", "Messages the bot sent or edited", registry=REGISTRY)
ERRORS = Counter("amicus_errors", "Updates whose handling raised an error", registry=REGISTRY)
DATABASE_UNAVAILABLE = Counter(
    "amicus_database_unavailable",
    "Turns answered with 'temporarily unavailable' because the database did not answer",
    registry=REGISTRY,
)
TICKETS_OPEN = Gauge(
    "amicus_relay_tickets_open",
    "Questions to human advisers sent and not yet answered (read at scrape time)",
    registry=REGISTRY,
)
TURN_SECONDS = Histogram(
    "amicus_turn_seconds",
    "Time from an update's start of handling to its end (reply sent)",
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
    registry=REGISTRY,
)
# The Bot API methods that put a message in a chat (sent or edited).
REPLY_METHODS = frozenset(
    {"sendMessage", "editMessageText", "sendDocument", "editMessageReplyMarkup"}
)


def update_kind(update: object) -> str:
    """The update's type, from Telegram's fixed list; never anything from its content."""
    if not isinstance(update, Update):
        return "other"
    for kind in Update.ALL_TYPES:
        if getattr(update, kind, None) is not None:
            return kind
    return "other"


def exposition() -> bytes:
    return generate_latest(REGISTRY)


class MeasuredUpdateProcessor(PerChatUpdateProcessor):
    """The per-chat processor, counting updates by kind and timing each turn."""

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        UPDATES.labels(update_kind(update)).inc()
        started = time.perf_counter()
        try:
            await super().do_process_update(update, coroutine)
        finally:
            TURN_SECONDS.observe(time.perf_counter() - started)
