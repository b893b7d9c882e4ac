"""Questions relayed to a human ethics adviser (guideline 29), and how answers find the judge.

A ticket lives from the judge's draft to the adviser's answer, then is deleted. The adviser
sees a ticket code and the redacted question, never who asked; Amicus finds the judge
again through ``route``, the chat id sealed with AES-GCM under a key derived from the
secret, so the database alone reveals no one and the link dies with the ticket. The route
is bound to its ticket (the ticket's id is the associated data): a route copied onto
another ticket no longer opens, so whoever can write to the database still cannot
redirect an adviser's answer.

Tickets are shown by a short random ``code``, never by their row id: sequential numbers
would let a judge count the other judges' questions between two of their own.

    draft ──send──► sending ──posted──► open ──an adviser replies──► answering ──► deleted
      ▲                │                  │                              │
      └──post failed───┘                  └──withdrawn, /forget, expiry──┴─► deleted
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from .database import Database
from .keys import derive, keyed_hash
from .models import AdviserTicket

DRAFT, SENDING, OPEN, ANSWERING = "draft", "sending", "open", "answering"
_NONCE = 12
_ROUTE = "amicus/adviser-route/aes-gcm"
# Codes: no 0/O, 1/I/L, so an adviser can read one out; 31**6 ≈ 887 million of them.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
_CODE_ATTEMPTS = 8


def new_code() -> str:
    # Never all digits (about 1 in 3,400 draws): a code that reads as a number reads as a
    # count of the questions before it, which is what codes exist not to tell.
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not code.isdecimal():
            return code


def is_code(value: str) -> bool:
    return len(value) == CODE_LENGTH and all(c in CODE_ALPHABET for c in value)


@dataclass(frozen=True)
class Ticket:
    id: int  # the row's, internal: never shown (it would reveal how many came before)
    code: str  # what the judge and the advisers see
    lang: str
    text: str | None
    status: str
    adviser_message_id: int | None


@dataclass(frozen=True)
class Found:
    """A ticket together with the judge's chat, for an answer or a notice to deliver.
    ``chat_id`` is None when the route no longer opens (the secret was changed)."""

    ticket: Ticket
    chat_id: int | None


class TicketStore:
    def __init__(self, db: Database, secret: bytes):
        self.db = db
        self.secret = secret
        # A key of its own, derived from the secret: the keyed hashes never share it.
        self._aead = AESGCM(derive(secret, _ROUTE))

    def asker(self, chat_id: int) -> str:
        return keyed_hash(self.secret, "ticket", chat_id)

    def venue(self, advisers_chat_id: int) -> str:
        return keyed_hash(self.secret, "advisers", advisers_chat_id)

    def seal(self, chat_id: int, ticket_id: int) -> bytes:
        nonce = os.urandom(_NONCE)
        plain = chat_id.to_bytes(8, "big", signed=True)
        return nonce + self._aead.encrypt(nonce, plain, _bound_to(ticket_id))

    def unseal(self, route: bytes, ticket_id: int) -> int | None:
        """The chat id, or None when the route was not sealed with this secret for this
        very ticket."""
        try:
            plain = self._aead.decrypt(route[:_NONCE], route[_NONCE:], _bound_to(ticket_id))
        except (InvalidTag, ValueError):
            return None
        return int.from_bytes(plain, "big", signed=True)

    # ------------------------------------------------------------- the judge

    async def draft(
        self, chat_id: int, text: str, lang: str, today: dt.date | None = None
    ) -> Ticket:
        for attempt in range(_CODE_ATTEMPTS):
            try:
                return await self._draft(chat_id, text, lang, today)
            except IntegrityError:  # the random code is taken: draw another
                if attempt == _CODE_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    async def _draft(self, chat_id: int, text: str, lang: str, today: dt.date | None) -> Ticket:
        row = AdviserTicket(
            code=new_code(),
            asker=self.asker(chat_id),
            route=b"",  # sealed below, once the row has the id it is bound to
            lang=lang,
            text=text,
            status=DRAFT,
            created_on=today or dt.date.today(),
        )
        async with self.db.sessions.begin() as session:
            session.add(row)
            await session.flush()
            row.route = self.seal(chat_id, row.id)
            await session.flush()
            return _ticket(row)

    async def mine(self, chat_id: int, code: str) -> Ticket | None:
        """The ticket if this judge asked it: a button's code alone proves nothing."""
        if not is_code(code):
            return None  # a forged code no ticket can have needs no query
        async with self.db.sessions() as session:
            row = await session.scalar(
                select(AdviserTicket).where(
                    AdviserTicket.code == code, AdviserTicket.asker == self.asker(chat_id)
                )
            )
            return _ticket(row) if row is not None else None

    async def sending(self, chat_id: int, ticket_id: int) -> bool:
        """Take this judge's draft for posting; False if it is not a draft (any more)."""
        return await self._move(self._of(chat_id, ticket_id), DRAFT, status=SENDING)

    async def unsend(self, ticket_id: int) -> None:
        """Posting failed: a draft again, to be sent later."""
        await self._move((AdviserTicket.id == ticket_id,), SENDING, status=DRAFT)

    async def sent(
        self, ticket_id: int, advisers_chat_id: int, message_id: int, today: dt.date | None = None
    ) -> bool:
        """Posted in the advisers' chat: remember where, erase the text (the chat holds it),
        and count the days to expiry from now. False if the ticket was withdrawn meanwhile."""
        return await self._move(
            (AdviserTicket.id == ticket_id,),
            SENDING,
            status=OPEN,
            venue=self.venue(advisers_chat_id),
            adviser_message_id=message_id,
            text=None,
            created_on=today or dt.date.today(),
        )

    async def withdraw(self, chat_id: int, ticket_id: int) -> Ticket | None:
        """Delete this judge's draft or unanswered question; the ticket as it was, or None
        when there is none, or an answer is on its way. A question stuck half-posted
        (the process stopped, the post timed out) can be withdrawn too: a post still
        under way then finds its ticket gone and takes its message back."""
        async with self.db.sessions() as session:
            row = await session.scalar(select(AdviserTicket).where(*self._of(chat_id, ticket_id)))
            ticket = _ticket(row) if row is not None else None
        if ticket is None or ticket.status not in (DRAFT, SENDING, OPEN):
            return None
        async with self.db.engine.begin() as connection:
            result = await connection.execute(
                delete(AdviserTicket).where(
                    AdviserTicket.id == ticket_id, AdviserTicket.status == ticket.status
                )
            )
        if result.rowcount != 1:
            return None
        await self.db.scrub()
        return ticket

    async def forget(self, chat_id: int) -> list[Ticket]:
        """Delete every ticket of this judge; those that were posted, so the advisers can
        be told the question is withdrawn. The caller scrubs the database once all of the
        judge's data is deleted."""
        async with self.db.sessions.begin() as session:
            rows = (
                await session.scalars(
                    select(AdviserTicket).where(AdviserTicket.asker == self.asker(chat_id))
                )
            ).all()
            tickets = [_ticket(row) for row in rows]
            await session.execute(
                delete(AdviserTicket).where(AdviserTicket.asker == self.asker(chat_id))
            )
        return [t for t in tickets if t.adviser_message_id is not None]

    # ---------------------------------------------------------- the advisers

    async def claim(self, advisers_chat_id: int, message_id: int) -> Found | None:
        """Take the open ticket behind an advisers' chat message, so that only one answer
        is delivered even when two advisers reply at once."""
        async with self.db.sessions() as session:
            row = await session.scalar(
                select(AdviserTicket).where(
                    AdviserTicket.venue == self.venue(advisers_chat_id),
                    AdviserTicket.adviser_message_id == message_id,
                    AdviserTicket.status == OPEN,
                )
            )
            if row is None:
                return None
            found = Found(_ticket(row), self.unseal(row.route, row.id))
        if not await self._move((AdviserTicket.id == found.ticket.id,), OPEN, status=ANSWERING):
            return None
        return found

    async def release(self, ticket_id: int) -> None:
        """Delivery failed for a reason that may pass: the ticket is open again."""
        await self._move((AdviserTicket.id == ticket_id,), ANSWERING, status=OPEN)

    async def close(self, ticket_id: int) -> None:
        """Answered: the ticket, and with it the only link to the judge, is deleted (from
        the disk too)."""
        async with self.db.engine.begin() as connection:
            await connection.execute(delete(AdviserTicket).where(AdviserTicket.id == ticket_id))
        await self.db.scrub()

    async def expire(self, days: int, today: dt.date | None = None) -> list[Found]:
        """Delete tickets older than ``days``; the open ones, so that the judge and the
        advisers can be told that the question closed unanswered (not those whose answer
        was on its way, which may well have arrived)."""
        oldest = (today or dt.date.today()) - dt.timedelta(days=days)
        old = AdviserTicket.created_on < oldest
        async with self.db.sessions.begin() as session:
            rows = (await session.scalars(select(AdviserTicket).where(old))).all()
            found = [
                Found(_ticket(row), self.unseal(row.route, row.id))
                for row in rows
                if row.status == OPEN
            ]
            await session.execute(delete(AdviserTicket).where(old))
        if rows:
            await self.db.scrub()
        return found

    # ------------------------------------------------------------------------

    def _of(self, chat_id: int, ticket_id: int) -> tuple:
        return (AdviserTicket.id == ticket_id, AdviserTicket.asker == self.asker(chat_id))

    async def _move(self, where: tuple, was: str, **values: object) -> bool:
        async with self.db.engine.begin() as connection:
            result = await connection.execute(
                update(AdviserTicket).where(*where, AdviserTicket.status == was).values(**values)
            )
            return result.rowcount == 1


def _bound_to(ticket_id: int) -> bytes:
    return f"{_ROUTE}|ticket {ticket_id}".encode()


def _ticket(row: AdviserTicket) -> Ticket:
    return Ticket(row.id, row.code, row.lang, row.text, row.status, row.adviser_message_id)
