"""Conversation state per chat, read and written on every update.

Kept in the database rather than in memory so that a restart, or a second process behind
the same database, loses nothing: the next tap continues where the judge was.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select, update

from .database import Database
from .keys import chat_key
from .models import ChatSession


@dataclass(frozen=True)
class Stored:
    """A session as read, with the version a conditional write must still find."""

    state: dict[str, Any]
    version: int


class SessionStore:
    def __init__(self, db: Database, secret: bytes):
        self.db = db
        self.secret = secret

    def key(self, chat_id: int) -> str:
        return chat_key(self.secret, chat_id)

    # Plain Core statements on a connection: this runs on every tap, and the ORM's
    # unit-of-work bookkeeping would cost more than the query itself.

    async def read(self, chat_id: int) -> Stored | None:
        async with self.db.engine.connect() as connection:
            row = (
                await connection.execute(
                    select(ChatSession.state, ChatSession.version).where(
                        ChatSession.key == self.key(chat_id)
                    )
                )
            ).first()
            return Stored(dict(row.state), row.version) if row is not None else None

    async def write(self, chat_id: int, state: dict[str, Any], read: Stored | None) -> bool:
        """Save ``state`` only if the session is still as ``read`` found it (one statement).

        False means another process saved, or forgot, this judge's session in between:
        the caller reads again and redoes its turn on the newer state.
        """
        today = dt.date.today()
        key = self.key(chat_id)
        if read is None:
            statement = (
                self.db.insert(ChatSession)
                .values(key=key, state=state, touched_on=today, version=_first_version())
                .on_conflict_do_nothing(index_elements=[ChatSession.key])
            )
        else:
            statement = (
                update(ChatSession)
                .where(ChatSession.key == key, ChatSession.version == read.version)
                .values(state=state, touched_on=today, version=read.version + 1)
            )
        async with self.db.engine.begin() as connection:
            result = await connection.execute(statement)
            return result.rowcount == 1

    async def forget(self, chat_id: int) -> int:
        async with self.db.sessions.begin() as session:
            result = await session.execute(
                delete(ChatSession).where(ChatSession.key == self.key(chat_id))
            )
            return result.rowcount or 0

    async def purge(self, idle_days: int, today: dt.date | None = None) -> int:
        """Forget sessions untouched for ``idle_days``: a place kept forever is a trace."""
        oldest = (today or dt.date.today()) - dt.timedelta(days=idle_days)
        async with self.db.engine.begin() as connection:
            result = await connection.execute(
                delete(ChatSession).where(ChatSession.touched_on < oldest)
            )
            return result.rowcount or 0


def _first_version() -> int:
    """Random, not 1: a session forgotten and begun again elsewhere while a slow turn was
    running must not look unchanged to it (and be overwritten with the forgotten state)."""
    return secrets.randbelow(2**30)
