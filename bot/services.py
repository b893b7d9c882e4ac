"""What the Telegram application shares between handlers and jobs, typed, in one place
(``bot_data["services"]``), instead of a dozen untyped ``bot_data`` keys."""

from __future__ import annotations

from dataclasses import dataclass

from conversations import Engine
from conversations.turn import Turn
from storage.database import STORAGE_ERRORS, Database
from storage.messages import MessageLog
from storage.questionlog import QuestionLog
from storage.redaction.guard import RedactionRefused
from storage.sessions import SessionStore
from storage.tickets import TicketStore

from .chatclear import MessageTracker
from .relay import Relay
from .settings import Settings


@dataclass(frozen=True)
class Services:
    settings: Settings
    engine: Engine
    db: Database
    version: str  # of the knowledge: a button from other content is recognised
    questions: QuestionLog
    sessions: SessionStore
    tickets: TicketStore
    relay: Relay | None  # None without an advisers' chat
    messages: MessageTracker
    turn: Turn

    @classmethod
    def wire(cls, settings: Settings, engine: Engine, db: Database, version: str) -> Services:
        """The stores of ``storage/`` plugged into the turn's ports."""
        questions = QuestionLog(db, settings.secret)
        sessions = SessionStore(db, settings.secret)
        tickets = TicketStore(db, settings.secret)
        advisers = settings.adviser_chat_id
        relay = Relay(engine, tickets, version, advisers) if advisers is not None else None
        refusals = (RedactionRefused,)
        turn = Turn(engine, sessions, questions, db, STORAGE_ERRORS, relay, tickets, refusals)
        tracker = MessageTracker(MessageLog(db, settings.secret))
        return cls(
            settings, engine, db, version, questions, sessions, tickets, relay, tracker, turn
        )


def services_of(app) -> Services:
    return app.bot_data["services"]
