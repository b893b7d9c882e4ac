"""Keys derived from AMICUS_SECRET: the only form in which a Telegram identity reaches the
database is a keyed hash made with one of them.

Every key is derived with HKDF (RFC 5869) under a label of its own, so that no two purposes
share a key: a session key cannot be matched to an asker pseudonym, a webhook token reveals
nothing about either, and the secret itself is never used directly as a key.
"""

from __future__ import annotations

import functools
import hashlib
import hmac

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
_SALT = b"amicus key derivation v1"


@functools.lru_cache(maxsize=64)
def derive(secret: bytes, label: str) -> bytes:
    """The key for one purpose (cached: a session key is computed on every tap)."""
    hkdf = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=_SALT, info=label.encode())
    return hkdf.derive(secret)


def hash_label(purpose: str) -> str:
    return f"amicus/keyed-hash/{purpose}"


def keyed_hash(secret: bytes, purpose: str, value: object) -> str:
    """HMAC-SHA256 of ``value`` under the key of ``purpose``: stable for one secret, useless
    without it, and unrelated across purposes."""
    return hmac.new(
        derive(secret, hash_label(purpose)), str(value).encode(), hashlib.sha256
    ).hexdigest()


def chat_key(secret: bytes, chat_id: int) -> str:
    return keyed_hash(secret, "chat", chat_id)
