"""Configuration from the environment, checked once at start-up."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass

from storage import DEFAULT_URL

from .secretcheck import MAKE_ONE, weakness

# Below 3, "asked by at least k judges" could be one judge and the one who reads the FAQ.
MIN_FAQ_ASKERS = 3
# Each default has this one home (the README's configuration table says the same).
FAQ_MIN_ASKERS = 5  # k
RATE_LIMIT = 30.0  # Telegram's own limit, messages per second
RETENTION_MONTHS = 24
SESSION_DAYS = 180
TICKET_DAYS = 30


class SettingsError(Exception):
    """A variable is missing or malformed; the message names it and says what to do."""


@dataclass(frozen=True)
class Settings:
    token: str | None
    base_url: str | None
    database_url: str
    secret: bytes
    secret_given: bool
    admin_ids: frozenset[int]
    adviser_contact: str | None
    adviser_chat_id: int | None
    faq_min_askers: int  # k: the fewest distinct askers behind a published FAQ figure
    rate_limit: float  # outgoing messages per second; 0 turns the limiter off
    retention_months: int  # question-log rows older than this are purged
    session_days: int  # sessions idle this long are forgotten
    ticket_days: int  # adviser tickets unanswered this long are deleted

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> Settings:
        def get(name: str) -> str | None:
            value = environ.get(name, "").strip()
            return value or None

        secret = get("AMICUS_SECRET")
        problem = weakness(secret) if secret is not None else None
        if problem is not None:
            raise SettingsError(
                f"AMICUS_SECRET {problem}. Anyone who obtains the database or the webhook "
                "token can test guesses of it offline, so it must be long and random; "
                f"make one with: {MAKE_ONE}"
            )
        return cls(
            token=get("TELEGRAM_BOT_TOKEN"),
            base_url=get("AMICUS_TELEGRAM_BASE_URL"),
            database_url=get("AMICUS_DATABASE_URL") or DEFAULT_URL,
            # Without a configured secret (console use), a random one per process: nothing
            # hashed with it can be recomputed later, which is what a throwaway chat wants.
            secret=(secret or secrets.token_hex(32)).encode(),
            secret_given=secret is not None,
            admin_ids=_ids("AMICUS_ADMIN_IDS", get("AMICUS_ADMIN_IDS")),
            adviser_contact=get("AMICUS_ADVISER_CONTACT"),
            adviser_chat_id=_int("AMICUS_ADVISER_CHAT_ID", get("AMICUS_ADVISER_CHAT_ID")),
            faq_min_askers=_int(
                "AMICUS_FAQ_MIN_ASKERS", get("AMICUS_FAQ_MIN_ASKERS"), MIN_FAQ_ASKERS
            )
            or FAQ_MIN_ASKERS,
            rate_limit=_float("AMICUS_RATE_LIMIT", get("AMICUS_RATE_LIMIT"), RATE_LIMIT),
            # At least 2: on the 1st, last month must survive until its FAQ is sent.
            retention_months=_int(
                "AMICUS_LOG_RETENTION_MONTHS", get("AMICUS_LOG_RETENTION_MONTHS"), 2
            )
            or RETENTION_MONTHS,
            session_days=_int(
                "AMICUS_SESSION_RETENTION_DAYS", get("AMICUS_SESSION_RETENTION_DAYS"), 1
            )
            or SESSION_DAYS,
            ticket_days=_int("AMICUS_TICKET_DAYS", get("AMICUS_TICKET_DAYS"), 1) or TICKET_DAYS,
        )

    def require_bot(self) -> None:
        missing = [
            name
            for name, value in (
                ("TELEGRAM_BOT_TOKEN", self.token),
                ("AMICUS_SECRET", self.secret_given or None),
            )
            if not value
        ]
        if missing:
            raise SettingsError(
                f"{' and '.join(missing)} must be set to run the bot "
                "(AMICUS_SECRET: a long random string, kept out of the database; "
                f"make one with: {MAKE_ONE})"
            )


def _int(name: str, raw: str | None, minimum: int | None = None) -> int | None:
    if raw is None:
        return None
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, not {raw!r}") from None
    if minimum is not None and value < minimum:
        raise SettingsError(f"{name} must be at least {minimum}, not {value}")
    return value


def _float(name: str, raw: str | None, default: float) -> float:
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a number, not {raw!r}") from None
    if value < 0:
        raise SettingsError(f"{name} must not be negative")
    return value


def _ids(name: str, raw: str | None) -> frozenset[int]:
    if raw is None:
        return frozenset()
    parts = [p for p in raw.replace(";", ",").replace(" ", ",").split(",") if p]
    try:
        return frozenset(int(p) for p in parts)
    except ValueError:
        raise SettingsError(
            f"{name} must be Telegram user ids separated by commas, not {raw!r}"
        ) from None
