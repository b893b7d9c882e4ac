"""What a turn needs of the rooms below, as small protocols.

``storage/`` implements them (by shape: it imports nothing of this room) and ``bot/``
wires them, so the arrows still point down and the turn knows no SQL and no Telegram.
"""

from __future__ import annotations

from typing import Any, Protocol


class StoredSession(Protocol):
    """A session as read, with whatever a conditional write must still find."""

    @property
    def state(self) -> dict[str, Any]: ...


class Sessions(Protocol):
    async def read(self, chat_id: int) -> StoredSession | None: ...

    async def write(self, chat_id: int, state: dict[str, Any], read: Any) -> bool:
        """Save only if the session is still as ``read`` found it; False if it moved."""
        ...

    async def forget(self, chat_id: int) -> int: ...


class KeptItem(Protocol):
    """One thing kept about a judge, as they may see it."""

    @property
    def token(self) -> str: ...

    @property
    def text(self) -> str | None: ...

    @property
    def lang(self) -> str: ...

    @property
    def topic(self) -> str | None: ...

    @property
    def answer(self) -> str | None: ...

    @property
    def out_of_scope(self) -> bool: ...


class QuestionLog(Protocol):
    """The anonymised log: it redacts a question itself, the raw text goes no further."""

    async def record_question(
        self,
        user_id: int,
        text: str,
        lang: str,
        guidelines: list[int],
        topic: str | None,
        *,
        update_id: int | None = None,
    ) -> KeptItem: ...

    async def record_answer(
        self,
        user_id: int,
        lang: str,
        cites: list[int],
        topic: str | None,
        answer: str,
        *,
        update_id: int | None = None,
    ) -> KeptItem: ...

    async def kept(self, user_id: int) -> list[Any]: ...

    async def unkeep(self, user_id: int, token: str) -> bool: ...

    async def forget(self, user_id: int) -> int: ...


class Erasure(Protocol):
    async def scrub(self) -> None:
        """Make what was just deleted leave the disk, not only the tables."""
        ...


class Drafts(Protocol):
    """A question for a human adviser, kept as a draft until the judge confirms it."""

    async def keep(self, chat_id: int, text: str, lang: str) -> Any | None:
        """The redacted draft; None when it would not fit the advisers' message."""
        ...

    async def drop(self, chat_id: int, draft: Any) -> None: ...


class Tickets(Protocol):
    """Questions to the advisers, erased by /forget even once no advisers' chat is set."""

    async def forget(self, chat_id: int) -> list[Any]:
        """Erase every ticket of this chat; those the advisers had received."""
        ...
