"""The conversation room: a transport-free dialogue engine over the knowledge room.

No Telegram import here: ``bot/`` turns the engine's replies into messages, and the
console turns them into numbered lines.
"""

from . import tokens
from .engine import Engine
from .events import Back, Choose, Event, FreeText, Notify, Restart, Start, SwitchLanguage
from .replies import Block, Option, Reply
from .session import Session

__all__ = [
    "Back",
    "Block",
    "Choose",
    "Engine",
    "Event",
    "FreeText",
    "Notify",
    "Option",
    "Reply",
    "Restart",
    "Session",
    "Start",
    "SwitchLanguage",
    "tokens",
]
