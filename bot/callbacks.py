"""Button data: ``VERSION|TOKEN``, within Telegram's 64 bytes.

The version is a short digest of every knowledge and walkthrough file, so a button from
before a change of content is recognised. Then only tokens that name a place by name (a
screen, Back from a screen, Restart, a language) are honoured; a walkthrough step names
its option by position, which the change may have moved, so it is declared out of date.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from conversations import tokens
from conversations.tokens import DATA_MAX_BYTES as MAX_BYTES
from conversations.tokens import VERSION_CHARS


def knowledge_version(*folders: Path) -> str:
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*.yaml")):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:VERSION_CHARS]


def encode(version: str, token: str) -> str:
    data = f"{version}|{token}"
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
    return data


def decode(data: str | None, version: str) -> str | None:
    """The token to act on, or None when the button is forged or out of date."""
    if not data or "|" not in data:
        return None
    sent_version, token = data.split("|", 1)
    if sent_version == version:
        return token
    if tokens.is_positional(token):
        return None
    return token


def pattern(*prefixes: str) -> re.Pattern[str]:
    """Button data whose token is in one of these namespaces (for CallbackQueryHandler)."""
    alternatives = "|".join(re.escape(p) for p in prefixes)
    return re.compile(rf"^[^|]*\|(?:{alternatives})")
