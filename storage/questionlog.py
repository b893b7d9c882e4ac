"""The anonymised question log: what is kept of a question, and the judge's control over it."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

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


def this_month(today: dt.date | None = None) -> str:
    return (today or dt.date.today()).strftime("%Y-%m")


def months_before(month: str, count: int) -> str:
    year, mon = map(int, month.split("-"))
    index = year * 12 + (mon - 1) - count
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


# The topic the engine gives a question no guideline speaks to: kept without its words.
OUT_OF_SCOPE = "out_of_scope"
TOKEN_BYTES = 9  # 72 random bits, 12 characters: unguessable, and short enough for a button


@dataclass(frozen=True)
class Kept:
    """One thing kept about a judge, as they may see it: ``token`` names it for removal.

    ``text`` is the redacted question, or None: for a question outside the guidelines
    (``topic`` out_of_scope) and for a walkthrough answer reached (``answer``)."""

    token: str
    text: str | None
    lang: str
    topic: str | None = None
    answer: str | None = None
    # Worked out here, once: whoever shows the item reads a value, not storage's rules.
    out_of_scope: bool = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "out_of_scope", self.answer is None and self.topic == OUT_OF_SCOPE)

    @staticmethod
    def of(row: LoggedQuestion) -> Kept:
        return Kept(row.token or "", row.text, row.lang, row.topic, row.answer)


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
        update_id: int | None = None,
    ) -> Kept:
        """Keep the redacted question; the raw text goes no further than this call.

        A question outside the guidelines is kept only as "out of scope" with its language:
        its words serve no FAQ entry, and are often about something else entirely (pay, a
        case) that the judge would not want kept. ``update_id`` (the Telegram update's):
        the same update handled twice, as after a crash, is kept once. RedactionRefused when the
        text could not be redacted in time: nothing is kept."""
        if topic == OUT_OF_SCOPE:
            return await self._add(user_id, None, lang, [], topic, None, today, update_id)
        kept = await kept_form_async(text)  # RedactionRefused when not done in time
        return await self._add(user_id, kept, lang, guidelines, topic, None, today, update_id)

    async def record_answer(
        self,
        user_id: int,
        lang: str,
        cites: list[int],
        topic: str | None,
        answer: str,
        today: dt.date | None = None,
        update_id: int | None = None,
    ) -> Kept:
        """A walkthrough that reached an answer: counted for the FAQ's usage figures."""
        return await self._add(user_id, None, lang, cites, topic, answer, today, update_id)

    async def _add(self, user_id, text, lang, guidelines, topic, answer, today, update_id) -> Kept:
        month = this_month(today)
        # A keyed hash, not the update id: ids are sequential per bot, so a raw one would
        # order the log and match it to Telegram's records of who sent what.
        update_key = None if update_id is None else keyed_hash(self.secret, "update", update_id)
        row = LoggedQuestion(
            month=month,
            lang=lang,
            text=text,
            guidelines=list(guidelines),
            topic=topic,
            answer=answer,
            asker=self.asker(month, user_id),
            token=secrets.token_urlsafe(TOKEN_BYTES),
            update_key=update_key,
        )
        try:
            async with self.db.sessions.begin() as session:
                session.add(row)
        except IntegrityError:
            # The same update kept before (delivered twice after a crash, or by another
            # replica a moment ago): the unique update key refuses it, and that row is the
            # one. No read first: this is on every kept question's path.
            earlier = await self._by_update(update_key) if update_key is not None else None
            if earlier is None:
                raise
            return earlier
        return Kept.of(row)

    async def _by_update(self, update_key: str) -> Kept | None:
        async with self.db.sessions() as session:
            row = await session.scalar(
                select(LoggedQuestion).where(LoggedQuestion.update_key == update_key)
            )
            return None if row is None else Kept.of(row)

    async def kept(self, user_id: int, today: dt.date | None = None) -> list[Kept]:
        """What is kept of this judge this month, in the order it was kept."""
        month = this_month(today)
        async with self.db.sessions() as session:
            rows = await session.scalars(
                select(LoggedQuestion)
                .where(
                    LoggedQuestion.month == month,
                    LoggedQuestion.asker == self.asker(month, user_id),
                )
                .order_by(LoggedQuestion.id)
            )
            return [Kept.of(row) for row in rows]

    async def unkeep(self, user_id: int, token: str) -> bool:
        """Delete one kept row, only if it is this judge's own."""
        if not token:
            return False
        async with self.db.sessions.begin() as session:
            row = await session.scalar(select(LoggedQuestion).where(LoggedQuestion.token == token))
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

    async def purge(self, keep_months: int, today: dt.date | None = None) -> int:
        """Drop rows older than the retention period (the current month counts as one)."""
        month = this_month(today)
        oldest = months_before(month, keep_months - 1)
        async with self.db.sessions.begin() as session:
            result = await session.execute(
                delete(LoggedQuestion).where(LoggedQuestion.month < oldest)
            )
            # No update of an ended month can be replayed any more: its keys serve nothing.
            await session.execute(
                update(LoggedQuestion)
                .where(LoggedQuestion.month < month, LoggedQuestion.update_key.is_not(None))
                .values(update_key=None)
            )
            return result.rowcount or 0
