"""Logging that cannot leak: no token in a URL, no judge's words, no Telegram ids."""

from __future__ import annotations

import logging

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


def configure_logging(settings: Settings, level: int = logging.INFO) -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # Request-by-request chatter is noise at INFO and carries URLs: keep it at WARNING.
    for noisy in ("httpx", "httpcore", "apscheduler", "telegram.ext.Updater"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    guards = (DropUpdateContent(), RedactToken(settings.token or ""))
    for handler in logging.getLogger().handlers:
        for guard in guards:
            handler.addFilter(guard)
