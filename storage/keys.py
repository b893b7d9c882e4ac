"""Keyed hashes: the only form in which a Telegram identity reaches the database."""

from __future__ import annotations

import hashlib
import hmac


def keyed_hash(secret: bytes, purpose: str, value: object) -> str:
    """HMAC-SHA256 of ``purpose|value``: stable for one secret, useless without it, and
    different per purpose so a session key cannot be matched to an asker pseudonym."""
    message = f"{purpose}|{value}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def chat_key(secret: bytes, chat_id: int) -> str:
    return keyed_hash(secret, "chat", chat_id)
