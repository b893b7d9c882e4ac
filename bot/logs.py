"""Logging that cannot leak: no token in a URL, no judge's words, no Telegram ids."""

from __future__ import annotations

import logging
import traceback

from .settings import Settings


class RedactToken(logging.Filter):
    """httpx logs every request URL, and Bot API URLs contain the token."""

    def __init__(self, token: str):
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        if self.token:
            message = record.getMessage()
            if self.token in message:
                record.msg, record.args = message.replace(self.token, "<token>"), None
            if record.exc_info:  # an exception's text may hold a URL, and so the token
                text = logging.Formatter().formatException(record.exc_info)
                record.exc_text = text.replace(self.token, "<token>")
                record.exc_info = None
        return True


class DropUpdateContent(logging.Filter):
    """python-telegram-bot logs a whole update it cannot parse (a judge's words and
    identity): the webhook handler as ``telegram.ext.Updater``, getUpdates as the bot's
    own logger. Matched by what the line says, not by logger name, which moves between
    versions; the fact is kept, the content dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.startswith("telegram") and "Received data was" in str(record.msg):
            record.msg, record.args = "an update could not be read (content not logged)", None
            record.exc_info, record.exc_text = None, None
        return True


class LibraryDetailOnly(logging.Filter):
    """Any library's log line keeps its fixed wording and drops what was filled in.

    A library does not know what is confidential here: python-telegram-bot logs an
    unparsable getUpdates response whole ("Can not load invalid JSON data: …"), a whole
    update it cannot parse, the parameters of every call at DEBUG; an exception's text
    can quote a payload. Rather than chase each such line (and miss the next version's),
    every record from outside Amicus keeps its format string and small numbers; any other
    argument becomes ``<…>``, and an exception is reduced to its type and where it arose.
    Amicus's own lines (``amicus.*``) and Alembic's (revision ids) are written with care
    and pass as they are.
    """

    TRUSTED = ("amicus", "alembic")

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.split(".", 1)[0] in self.TRUSTED:
            return True
        if record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            try:
                record.msg = str(record.msg) % tuple(_masked(a) for a in args)
            except (TypeError, ValueError):
                record.msg = f"{record.msg} (details not logged)"
            record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            where = "".join(traceback.format_tb(exc.__traceback__))
            record.exc_text = f"{type(exc).__name__} (message not logged)\n{where}".rstrip()
            record.exc_info = None
        return True


def _masked(value: object) -> object:
    # Small numbers (status codes, counts, seconds, ports) help and cannot be a Telegram
    # id, which is far larger; anything else may be someone's words or identity.
    if isinstance(value, float) or (isinstance(value, int) and abs(value) < 100_000):
        return value
    return "<…>"


def configure_logging(settings: Settings, level: int = logging.INFO) -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # Request-by-request chatter is noise at INFO and carries URLs: keep it at WARNING.
    for noisy in ("httpx", "httpcore", "apscheduler", "telegram.ext.Updater"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    for handler in logging.getLogger().handlers:
        for guard in guards(settings):
            handler.addFilter(guard)


def guards(settings: Settings) -> tuple[logging.Filter, ...]:
    """What every log handler passes a record through before writing it."""
    return (DropUpdateContent(), LibraryDetailOnly(), RedactToken(settings.token or ""))
