"""Which messages are in a judge's chat, so that /forget can offer to clear them.

Telegram lets a bot delete messages (its own and the judge's, in a private chat) for 48
hours only. What is kept per message is its number in the chat and Telegram's time of
it, under the session's keyed hash, never the chat id; nothing of its content. Rows
older than 48 hours are useless and purged.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from sqlalchemy import BigInteger, String, delete, select
from sqlalchemy.orm import Mapped, mapped_column

from .database import Database
from .keys import chat_key
from .models import Base

DELETABLE_FOR = 48 * 3600  # seconds: Telegram's limit for a bot deleting a message
# A margin: a message 47 h 59 min old may pass 48 h before the deletion reaches Telegram.
MARGIN = 10 * 60


class ChatMessage(Base):
    __tablename__ = "chat_messages"

    session_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    message_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    sent_at: Mapped[int] = mapped_column(BigInteger, index=True)  # Telegram's date, epoch s


class MessageLog:
    def __init__(self, db: Database, secret: bytes):
        self.db = db
        self.secret = secret

    def key(self, chat_id: int) -> str:
        return chat_key(self.secret, chat_id)

    async def add(self, messages: Iterable[tuple[int, int, int]]) -> None:
        """(chat id, message id, Telegram's date) of messages in private chats."""
        rows = [
            {"session_key": self.key(chat), "message_id": message, "sent_at": at}
            for chat, message, at in messages
        ]
        if not rows:
            return
        statement = self.db.insert(ChatMessage).on_conflict_do_nothing(
            index_elements=[ChatMessage.session_key, ChatMessage.message_id]
        )
        async with self.db.engine.begin() as connection:
            await connection.execute(statement, rows)

    async def deletable(self, chat_id: int, now: float | None = None) -> list[int]:
        """Message ids Telegram still lets the bot delete, oldest first."""
        since = int(now if now is not None else time.time()) - DELETABLE_FOR + MARGIN
        async with self.db.engine.connect() as connection:
            rows = await connection.execute(
                select(ChatMessage.message_id)
                .where(ChatMessage.session_key == self.key(chat_id), ChatMessage.sent_at >= since)
                .order_by(ChatMessage.message_id)
            )
            return [row.message_id for row in rows]

    async def forget(self, chat_id: int) -> int:
        async with self.db.engine.begin() as connection:
            result = await connection.execute(
                delete(ChatMessage).where(ChatMessage.session_key == self.key(chat_id))
            )
            return result.rowcount or 0

    async def purge(self, now: float | None = None) -> int:
        """Forget messages Telegram no longer lets anyone but the judge delete."""
        before = int(now if now is not None else time.time()) - DELETABLE_FOR
        async with self.db.engine.begin() as connection:
            result = await connection.execute(
                delete(ChatMessage).where(ChatMessage.sent_at < before)
            )
            return result.rowcount or 0
