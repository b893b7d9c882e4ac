"""What Amicus keeps. Nothing here may hold a raw question, a Telegram id or a name."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Date, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class ChatSession(Base):
    """A judge's place in the conversation, keyed by a keyed hash of the chat id."""

    __tablename__ = "chat_sessions"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    state: Mapped[dict] = mapped_column(JSON)
    # The day of the last update only (no time): enough to expire idle sessions.
    touched_on: Mapped[dt.date] = mapped_column(Date, index=True)

