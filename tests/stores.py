"""Reading and setting a judge's session directly, as a test arranges or checks it."""

from __future__ import annotations

from typing import Any

from storage.sessions import SessionStore


async def state_of(store: SessionStore, chat_id: int) -> dict[str, Any] | None:
    stored = await store.read(chat_id)
    return stored.state if stored is not None else None


async def put(store: SessionStore, chat_id: int, state: dict[str, Any]) -> None:
    """Set the session whatever it was (the way another process's turn would)."""
    assert await store.write(chat_id, state, await store.read(chat_id))


def services_for(db, engine=None, **env: str):
    """The Telegram application's services on ``db``, configured as from ``env``."""
    from bot.services import Services
    from bot.settings import Settings
    from conversations import Engine

    settings = Settings.from_env({"AMICUS_SECRET": STRONG_SECRET, **env})
    return Services.wire(settings, engine or Engine(), db, "testvers")


STRONG_SECRET = "9d4b7e1a3c6f802d5e9a1b4c7f0e3d6a8b2c5f9e1d4a7b0c3e6f9a2d5b8c1e4f"
