"""What Amicus keeps. Nothing here may hold a raw question, a Telegram id or a name."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from sqlalchemy import JSON, BigInteger, Date, Integer, LargeBinary, String
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
    # Bumped on every write: a turn saves only if nobody else saved since it read, so two
    # processes serving one judge at the same moment cannot silently undo each other.
    version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class LoggedQuestion(Base):
    """One question as the anonymised FAQ needs it, and nothing more.

    ``text`` is the redacted question; None for a walkthrough completed without typing, and
    for a question outside the guidelines (topic ``out_of_scope``), kept without its words.
    ``asker`` is HMAC(secret, month|user id): it counts distinct askers within a month and
    finds a judge's own rows for /forget; it is unlinkable across months and useless
    without the secret. No timestamp: the month is all the FAQ uses.
    """

    __tablename__ = "question_log"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    month: Mapped[str] = mapped_column(String(7), index=True)  # YYYY-MM
    lang: Mapped[str] = mapped_column(String(2))
    text: Mapped[str | None] = mapped_column(String(4096), nullable=True)
    guidelines: Mapped[list] = mapped_column(JSON)  # matched or cited guideline numbers, best first
    topic: Mapped[str | None] = mapped_column(String(32), nullable=True)
    answer: Mapped[str | None] = mapped_column(String(64), nullable=True)  # tree:node reached
    asker: Mapped[str] = mapped_column(String(64), index=True)
    # What a "Don't keep it" or /kept button names: a random code, so a judge's buttons
    # reveal nothing of how many questions others asked in between (a row id would).
    token: Mapped[str | None] = mapped_column(String(16), index=True, unique=True, nullable=True)
    # Keyed hash of the Telegram update that kept it: an update replayed after a crash is
    # kept once. Cleared once the month is over, when no replay can come any more.
    update_key: Mapped[str | None] = mapped_column(
        String(64), index=True, unique=True, nullable=True
    )


class AdviserTicket(Base):
    """A question on its way to a human ethics adviser (guideline 29), and the way back.

    ``route`` is the judge's chat id encrypted with a key derived from the secret: the
    only reversible link to a judge Amicus holds, kept just until the answer is delivered
    (or the ticket expires), then deleted with the row. ``text`` is the redacted draft the
    judge is asked to confirm; it is erased once sent, when the adviser chat holds it.
    """

    __tablename__ = "adviser_tickets"
    # Never reuse a number: an old "Withdraw" button must not reach a newer question.
    __table_args__: ClassVar[dict] = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    # What the judge and the advisers see: random, so it says nothing of how many came before.
    code: Mapped[str] = mapped_column(String(12), unique=True, index=True)
    asker: Mapped[str] = mapped_column(String(64), index=True)  # keyed hash, for /forget
    route: Mapped[bytes] = mapped_column(LargeBinary(64))
    lang: Mapped[str] = mapped_column(String(2))
    text: Mapped[str | None] = mapped_column(String(4096), nullable=True)
    status: Mapped[str] = mapped_column(String(10))  # draft | sending | open | answering
    # Keyed hash of the advisers' chat it was posted in: message ids are unique per chat only.
    venue: Mapped[str | None] = mapped_column(String(64), nullable=True)
    adviser_message_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True, index=True)
    created_on: Mapped[dt.date] = mapped_column(Date, index=True)  # drafted, then sent, on
