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
        return True


def configure_logging(settings: Settings, level: int = logging.INFO) -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # Request-by-request chatter is noise at INFO and carries URLs: keep it at WARNING.
    for noisy in ("httpx", "httpcore", "apscheduler", "telegram.ext.Updater"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    guard = RedactToken(settings.token or "")
    for handler in logging.getLogger().handlers:
        handler.addFilter(guard)
