"""Questions relayed to a human ethics adviser (guideline 29), and how answers find the judge.

A ticket lives from the judge's draft to the adviser's answer, then is deleted. The adviser
sees a ticket number and the redacted question, never who asked; Amicus finds the judge
again through ``route``, the chat id sealed with AES-GCM under a key derived from the
secret, so the database alone reveals no one and the link dies with the ticket.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import delete, select, update

from .database import Database
from .keys import keyed_hash
from .models import AdviserTicket

DRAFT, OPEN, ANSWERING = "draft", "open", "answering"
_NONCE = 12
_ROUTE = b"amicus adviser route"


@dataclass(frozen=True)
class Ticket:
    id: int
    lang: str
    text: str | None
    status: str
    adviser_message_id: int | None


@dataclass(frozen=True)
class Claimed:
    """An open ticket an adviser has just answered, with the chat to deliver the answer to."""

    ticket: Ticket
    chat_id: int


class TicketStore:
    def __init__(self, db: Database, secret: bytes):
        self.db = db
        self.secret = secret
        # A key of its own, derived from the secret: the keyed hashes never share it.
        self._aead = AESGCM(hmac.new(secret, _ROUTE, hashlib.sha256).digest())

    def asker(self, chat_id: int) -> str:
        return keyed_hash(self.secret, "ticket", chat_id)

    def seal(self, chat_id: int) -> bytes:
        nonce = os.urandom(_NONCE)
        plain = chat_id.to_bytes(8, "big", signed=True)
        return nonce + self._aead.encrypt(nonce, plain, _ROUTE)

    def unseal(self, route: bytes) -> int | None:
        """The chat id, or None when the route was not sealed with this secret."""
        try:
            plain = self._aead.decrypt(route[:_NONCE], route[_NONCE:], _ROUTE)
        except (InvalidTag, ValueError):
            return None
        return int.from_bytes(plain, "big", signed=True)

    async def draft(
        self, chat_id: int, text: str, lang: str, today: dt.date | None = None
    ) -> Ticket:
        row = AdviserTicket(
            asker=self.asker(chat_id),
            route=self.seal(chat_id),
            lang=lang,
            text=text,
            status=DRAFT,
            created_on=today or dt.date.today(),
        )
        async with self.db.sessions.begin() as session:
            session.add(row)
            await session.flush()
            return _ticket(row)

    async def mine(self, chat_id: int, ticket_id: int) -> Ticket | None:
        """The ticket if this judge asked it: a button's id alone proves nothing."""
        async with self.db.sessions() as session:
            row = await session.scalar(
                select(AdviserTicket).where(
                    AdviserTicket.id == ticket_id, AdviserTicket.asker == self.asker(chat_id)
                )
            )
            return _ticket(row) if row is not None else None

    async def sent(self, chat_id: int, ticket_id: int, adviser_message_id: int) -> bool:
        """The draft went to the advisers' chat: remember where, and erase its text."""
        return await self._update(
            (AdviserTicket.id == ticket_id, AdviserTicket.asker == self.asker(chat_id)),
            DRAFT,
            status=OPEN,
            adviser_message_id=adviser_message_id,
            text=None,
        )

    async def withdraw(self, chat_id: int, ticket_id: int) -> Ticket | None:
        """Delete a draft or an unanswered ticket of this judge; the ticket as it was."""
        ticket = await self.mine(chat_id, ticket_id)
        if ticket is None or ticket.status == ANSWERING:
            return None
        async with self.db.engine.begin() as connection:
            result = await connection.execute(
                delete(AdviserTicket).where(
                    AdviserTicket.id == ticket_id, AdviserTicket.status == ticket.status
                )
            )
        return ticket if result.rowcount == 1 else None

    async def claim(self, adviser_message_id: int) -> Claimed | None:
        """Take the open ticket behind an advisers' chat message, so that only one answer
        is delivered even when two advisers reply at once."""
        async with self.db.sessions() as session:
            row = await session.scalar(
                select(AdviserTicket).where(
                    AdviserTicket.adviser_message_id == adviser_message_id,
                    AdviserTicket.status == OPEN,
                )
            )
            if row is None:
                return None
            ticket, route = _ticket(row), row.route
        chat_id = self.unseal(route)
        if chat_id is None:
            return None
        if not await self._update((AdviserTicket.id == ticket.id,), OPEN, status=ANSWERING):
            return None
        return Claimed(ticket, chat_id)

    async def release(self, ticket_id: int) -> None:
        """Delivery failed for a reason that may pass: the ticket is open again."""
        await self._update((AdviserTicket.id == ticket_id,), ANSWERING, status=OPEN)

    async def close(self, ticket_id: int) -> None:
        """Answered: the ticket, and with it the only link to the judge, is deleted."""
        async with self.db.engine.begin() as connection:
            await connection.execute(delete(AdviserTicket).where(AdviserTicket.id == ticket_id))

    async def forget(self, chat_id: int) -> int:
        async with self.db.engine.begin() as connection:
            result = await connection.execute(
                delete(AdviserTicket).where(AdviserTicket.asker == self.asker(chat_id))
            )
            return result.rowcount or 0

    async def purge(self, days: int, today: dt.date | None = None) -> int:
        """Tickets older than ``days`` (drafts never sent, questions nobody answered)."""
        oldest = (today or dt.date.today()) - dt.timedelta(days=days)
        async with self.db.engine.begin() as connection:
            result = await connection.execute(
                delete(AdviserTicket).where(AdviserTicket.created_on < oldest)
            )
            return result.rowcount or 0

    async def _update(self, where: tuple, was: str, **values: object) -> bool:
        async with self.db.engine.begin() as connection:
            result = await connection.execute(
                update(AdviserTicket).where(*where, AdviserTicket.status == was).values(**values)
            )
            return result.rowcount == 1


def _ticket(row: AdviserTicket) -> Ticket:
    return Ticket(row.id, row.lang, row.text, row.status, row.adviser_message_id)
