"""One judge's action, written once: read the session, run the engine, write it back (with
the version check), keep what the FAQ may count, and say what happened.

Free of Telegram and of SQL: it reaches storage through the ports of ``ports.py``, which
``storage/`` implements and the adapter wires. The Telegram handlers and the console only
translate an update or a typed line into an event, and an outcome into messages.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from knowledge import Lang

from .engine import Engine
from .events import Event, FreeText
from .ports import Drafts, Erasure, KeptItem, QuestionLog, Sessions, Tickets
from .session import Session

log = logging.getLogger("amicus.turn")
ATTEMPTS = 5  # a turn that keeps losing the race to save its session gives up

MakeEvent = Callable[[Session], Event]


class Unavailable(Exception):
    """The database did not answer (its own error is the cause); the judge is told so."""


class Refused(Exception):
    """The question could not be redacted in time: nothing of it is kept."""


class SessionContention(Exception):
    """Another process kept saving this judge's session while we tried to."""


@dataclass(frozen=True)
class Outcome:
    """What a turn came to. Exactly one of: ``unavailable`` (nothing changed), ``too_long``
    (a question for the advisers that redaction made too long: not kept), ``draft`` (a
    question for the advisers, kept for the judge to confirm), a ``reply`` to show, or
    none of them (nothing to say)."""

    lang: Lang
    session: Session | None = None
    event: Event | None = None
    reply: Any = None  # conversations.Reply
    first_time: bool = False
    draft: Any = None
    too_long: bool = False
    refused: bool = False  # a question for the advisers that could not be redacted in time
    unavailable: BaseException | None = None


@dataclass(frozen=True)
class Forgotten:
    questions: int  # question-log rows erased
    posted: list[Any] = field(default_factory=list)  # tickets the advisers had received


class Turn:
    """The judge's actions on one face. ``storage_errors``: what the wired stores raise when
    the database does not answer, ``refusals`` what redaction raises when a text cannot be
    redacted in time (the adapter knows them; this room does not)."""

    def __init__(
        self,
        engine: Engine,
        sessions: Sessions,
        questions: QuestionLog | None,
        erasure: Erasure | None,
        storage_errors: tuple[type[BaseException], ...],
        drafts: Drafts | None = None,
        tickets: Tickets | None = None,
        refusals: tuple[type[BaseException], ...] = (),
    ):
        self.engine = engine
        self.sessions = sessions
        self.questions = questions
        self.erasure = erasure
        self.errors = storage_errors
        self.drafts = drafts
        self.tickets = tickets
        self.refusals = refusals

    async def take(self, chat_id: int, make_event: MakeEvent, lang: Lang) -> Outcome:
        """Run one event on the judge's session; ``lang`` is for a judge without one."""
        first_time: bool | None = None
        draft = None
        try:
            # The engine is pure, so a turn that lost a race with another process (the
            # same judge's tap served elsewhere) is simply redone on the newer state.
            for _ in range(ATTEMPTS):
                stored = await self.sessions.read(chat_id)
                if first_time is None:
                    first_time = stored is None
                session = Session.from_dict(stored.state) if stored else Session(lang=lang)
                event = make_event(session)
                session, reply = self.engine.handle(session, event)
                lang = session.lang
                if reply.relay:
                    # Kept before the session moves on: if it cannot be, the judge is
                    # still on the adviser's page and simply writes again.
                    if self.drafts is None or not isinstance(event, FreeText):
                        return Outcome(lang)  # the relay screen exists only with the relay
                    try:
                        draft = await self.drafts.keep(chat_id, event.text, lang)
                    except self.refusals:
                        return Outcome(lang, refused=True)
                    if draft is None:
                        return Outcome(lang, too_long=True)
                if await self.sessions.write(chat_id, session.to_dict(), stored):
                    break
                # Redone on the newer state, which may no longer be the adviser's page.
                await self._drop(chat_id, draft)
                draft = None
            else:
                raise SessionContention
        except (*self.errors, SessionContention) as exc:
            with contextlib.suppress(*self.errors):
                await self._drop(chat_id, draft)  # "not kept" must be true
            return Outcome(lang, unavailable=exc)
        return Outcome(lang, session, event, reply, bool(first_time), draft)

    async def keep(
        self, asker: int, outcome: Outcome, update_id: int | None = None
    ) -> KeptItem | None:
        """Keep what the FAQ may count of a turn shown to the judge; the kept question
        (to show the judge exactly what was kept), or None; ``Refused`` when the question
        could not be redacted in time. The answer stands whatever happens here, so a
        database failure only means nothing is kept."""
        record = outcome.reply.record if outcome.reply is not None else None
        if record is None or self.questions is None:
            return None
        try:
            if record.kind == "answer":
                await self.questions.record_answer(
                    asker,
                    record.lang,
                    list(record.guidelines),
                    record.topic,
                    record.answer or "",
                    update_id=update_id,
                )
                return None
            if not isinstance(outcome.event, FreeText):
                return None
            return await self.questions.record_question(
                asker,
                outcome.event.text,
                record.lang,
                list(record.guidelines),
                record.topic,
                update_id=update_id,
            )
        except self.errors as exc:
            log.warning("question not kept: %s", type(exc).__name__)
            return None
        except self.refusals as exc:
            log.warning("question not kept: redaction refused")
            raise Refused from exc

    async def language(self, chat_id: int, lang: Lang) -> Lang:
        """The language the judge chose here, else ``lang``."""
        stored = await self._storage(self.sessions.read(chat_id))
        return Session.from_dict(stored.state).lang if stored else lang

    async def kept(self, asker: int) -> list[Any]:
        """This month's kept items of this judge, in the order they were kept."""
        assert self.questions is not None
        return await self._storage(self.questions.kept(asker))

    async def unkeep(self, asker: int, token: str) -> bool:
        """Remove one kept item of this judge's own, from the disk too."""
        assert self.questions is not None
        removed = await self._storage(self.questions.unkeep(asker, token))
        if removed and self.erasure is not None:
            await self._storage(self.erasure.scrub())
        return removed

    async def forget(self, chat_id: int, asker: int | None) -> Forgotten:
        """Erase everything kept that can be tied to this judge, from the disk too."""
        await self._storage(self.sessions.forget(chat_id))
        posted = await self._storage(self.tickets.forget(chat_id)) if self.tickets else []
        count = 0
        if asker is not None and self.questions is not None:
            count = await self._storage(self.questions.forget(asker))
        if self.erasure is not None:
            await self._storage(self.erasure.scrub())
        return Forgotten(count, posted)

    async def _drop(self, chat_id: int, draft: Any) -> None:
        if draft is not None and self.drafts is not None:
            await self.drafts.drop(chat_id, draft)

    async def _storage(self, awaitable):
        try:
            return await awaitable
        except self.errors as exc:
            raise Unavailable(type(exc).__name__) from exc


@dataclass(frozen=True)
class _Held:
    state: dict[str, Any]


class ProcessSessions:
    """Sessions that live as long as this process (the console's): nothing to race with,
    nothing on disk. /forget erases what is kept; the chat in progress goes on."""

    def __init__(self) -> None:
        self._states: dict[int, dict[str, Any]] = {}

    async def read(self, chat_id: int) -> _Held | None:
        state = self._states.get(chat_id)
        return _Held(state) if state is not None else None

    async def write(self, chat_id: int, state: dict[str, Any], read: Any) -> bool:
        self._states[chat_id] = state
        return True

    async def forget(self, chat_id: int) -> int:
        return 0
