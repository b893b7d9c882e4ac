"""The anonymised question log: what is kept of a question, and the judge's control over it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, select

from .database import Database
from .keys import keyed_hash
from .models import LoggedQuestion
from .redaction import cap
from .redaction.guard import shared

MAX_KEPT = 4096  # the column's size: PostgreSQL refuses more


def kept_form(text: str) -> str:
    """A question exactly as the log keeps it: capped, redacted within the time budget (else
    RedactionRefused: not kept), then cut to fit the column (placeholders can be longer than
    what they replace)."""
    return _fit(shared().redact(cap(text, MAX_KEPT)))


async def kept_form_async(text: str) -> str:
    """kept_form without blocking the event loop."""
    return _fit(await shared().redact_async(cap(text, MAX_KEPT)))


def _fit(kept: str) -> str:
    return kept if len(kept) <= MAX_KEPT else kept[: MAX_KEPT - 1] + "…"


DEFAULT_RETENTION_MONTHS = 24


def this_month(today: dt.date | None = None) -> str:
    return (today or dt.date.today()).strftime("%Y-%m")


def months_before(month: str, count: int) -> str:
    year, mon = map(int, month.split("-"))
    index = year * 12 + (mon - 1) - count
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


@dataclass(frozen=True)
class Kept:
    id: int
    text: str


class QuestionLog:
    def __init__(self, db: Database, secret: bytes):
        self.db = db
        self.secret = secret

    def asker(self, month: str, user_id: int) -> str:
        return keyed_hash(self.secret, "asker", f"{month}|{user_id}")

    async def record_question(
        self,
        user_id: int,
        text: str,
        lang: str,
        guidelines: list[int],
        topic: str | None,
        today: dt.date | None = None,
    ) -> Kept:
        """Keep the redacted question; the raw text goes no further than this call.
        RedactionRefused when the text could not be redacted in time: nothing is kept."""
        kept = await kept_form_async(text)
        row_id = await self._add(user_id, kept, lang, guidelines, topic, None, today)
        return Kept(row_id, kept)

    async def record_answer(
        self,
        user_id: int,
        lang: str,
        cites: list[int],
        topic: str | None,
        answer: str,
        today: dt.date | None = None,
    ) -> int:
        """A walkthrough that reached an answer: counted for the FAQ's usage figures."""
        return await self._add(user_id, None, lang, cites, topic, answer, today)

    async def _add(self, user_id, text, lang, guidelines, topic, answer, today) -> int:
        month = this_month(today)
        row = LoggedQuestion(
            month=month,
            lang=lang,
            text=text,
            guidelines=list(guidelines),
            topic=topic,
            answer=answer,
            asker=self.asker(month, user_id),
        )
        async with self.db.sessions.begin() as session:
            session.add(row)
            await session.flush()
            return row.id

    async def unkeep(self, user_id: int, row_id: int) -> bool:
        """Delete one kept question, only if it is this judge's own."""
        async with self.db.sessions.begin() as session:
            row = await session.get(LoggedQuestion, row_id)
            if row is None or row.asker != self.asker(row.month, user_id):
                return False
            await session.delete(row)
            return True

    async def forget(self, user_id: int) -> int:
        """Erase every row of this judge: their pseudonym is recomputed for each month kept."""
        async with self.db.sessions.begin() as session:
            months = (await session.scalars(select(LoggedQuestion.month).distinct())).all()
            mine = [self.asker(month, user_id) for month in months]
            if not mine:
                return 0
            result = await session.execute(
                delete(LoggedQuestion).where(LoggedQuestion.asker.in_(mine))
            )
            return result.rowcount or 0

    async def purge(
        self, keep_months: int = DEFAULT_RETENTION_MONTHS, today: dt.date | None = None
    ) -> int:
        """Drop rows older than the retention period (the current month counts as one)."""
        oldest = months_before(this_month(today), keep_months - 1)
        async with self.db.sessions.begin() as session:
            result = await session.execute(
                delete(LoggedQuestion).where(LoggedQuestion.month < oldest)
            )
            return result.rowcount or 0
