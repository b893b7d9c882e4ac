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
