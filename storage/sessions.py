"""Conversation state per chat, read and written on every update.

Kept in the database rather than in memory so that a restart, or a second process behind
the same database, loses nothing: the next tap continues where the judge was.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from .database import Database
from .keys import chat_key
from .models import ChatSession


class SessionStore:
    def __init__(self, db: Database, secret: bytes):
        self.db = db
        self.secret = secret
        self._insert = sqlite_insert if db.is_sqlite else pg_insert

    def key(self, chat_id: int) -> str:
        return chat_key(self.secret, chat_id)

    # Plain Core statements on a connection: this runs on every tap, and the ORM's
    # unit-of-work bookkeeping would cost more than the query itself.

    async def load(self, chat_id: int) -> dict[str, Any] | None:
        async with self.db.engine.connect() as connection:
            state = await connection.scalar(
                select(ChatSession.state).where(ChatSession.key == self.key(chat_id))
            )
            return dict(state) if state is not None else None

    async def save(self, chat_id: int, state: dict[str, Any]) -> None:
        """One statement: insert, or replace the state of an existing session."""
        today = dt.date.today()
        statement = self._insert(ChatSession).values(
            key=self.key(chat_id), state=state, touched_on=today
        )
        statement = statement.on_conflict_do_update(
            index_elements=[ChatSession.key], set_={"state": state, "touched_on": today}
        )
        async with self.db.engine.begin() as connection:
            await connection.execute(statement)

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

    async def count(self) -> int:
        async with self.db.sessions() as session:
            return int(await session.scalar(select(func.count()).select_from(ChatSession)) or 0)
