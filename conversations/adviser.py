"""A question to a human adviser (guideline 29) as a use case: the ticket's states, and what
each tap or answer comes to. Free of Telegram: posting and delivering are ports the
adapter implements, which say only how it went; the adapter phrases every outcome.

A ticket goes draft -> sending -> open -> answering -> (deleted); a withdrawal or /forget
deletes it at any point, a failed post makes it a draft again.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any, Protocol

from . import tokens

log = logging.getLogger("amicus.relay")

# The states storage keeps a ticket in (storage/tickets.py spells them the same).
DRAFT, SENDING, OPEN = "draft", "sending", "open"


class Tickets(Protocol):
    """What storage/ keeps of the questions (storage/tickets.py implements it)."""

    async def mine(self, chat_id: int, code: str) -> Any | None: ...
    async def sending(self, chat_id: int, ticket_id: int) -> bool: ...
    async def unsend(self, ticket_id: int) -> None: ...
    async def sent(self, ticket_id: int, advisers: int, message_id: int) -> bool: ...
    async def withdraw(self, chat_id: int, ticket_id: int) -> Any | None: ...
    async def release(self, ticket_id: int) -> None: ...
    async def close(self, ticket_id: int) -> None: ...


class Tap(Enum):
    """What a judge's tap on Send / Don't send / Withdraw came to."""

    GONE = "gone"  # no such ticket (any more)
    BUSY = "busy"  # being posted or answered at this very moment
    SENT = "sent"  # posted (now, or already before)
    UNCERTAIN = "uncertain"  # the post timed out: it may have arrived
    UNREACHABLE = "unreachable"  # the advisers' chat refused it: a draft again
    NOT_SENT = "not_sent"  # a draft dropped
    WITHDRAWN = "withdrawn"  # a posted question withdrawn (the advisers are to be told)


class Delivery(Enum):
    """How sending an adviser's answer to the judge went (the adapter's port says)."""

    DELIVERED = "delivered"
    UNCERTAIN = "uncertain"  # timed out: it may have arrived
    GONE = "gone"  # the judge can never be reached (blocked the bot, deleted the account)
    FAILED = "failed"  # not now: may work later


class Answered(Enum):
    """What an adviser's answer came to, for the advisers' chat."""

    DELIVERED = "delivered"
    NOT_DELIVERED = "not_delivered"  # open again: the next reply may get through
    UNREACHABLE = "unreachable"  # closed: the judge cannot be reached
    UNREADABLE = "unreadable"  # closed: the route to the judge no longer opens


@dataclass(frozen=True)
class Posted:
    advisers: int  # the chat it went to (it may have moved)
    message_id: int


class NotPosted(Exception):
    """The advisers' chat refused the question (the adapter's port raises it)."""


class PostUncertain(Exception):
    """Posting timed out: the question may have arrived (the adapter's port raises it)."""


@dataclass(frozen=True)
class TapOutcome:
    tap: Tap
    ticket: Any | None  # None when GONE


Post = Callable[[Any], Awaitable[Posted]]  # the question to the advisers; raises the above
TakeBack = Callable[[Posted], Awaitable[None]]  # delete a post no answer could find


class AdviserDesk:
    def __init__(self, tickets: Tickets, storage_errors: tuple[type[BaseException], ...]):
        self.tickets = tickets
        self.errors = storage_errors

    async def tap(
        self, chat_id: int, tap: tokens.RelayTap, post: Post, take_back: TakeBack
    ) -> TapOutcome:
        ticket = await self.tickets.mine(chat_id, tap.code)
        if ticket is None:
            return TapOutcome(Tap.GONE, None)
        if tap.action == tokens.SEND and ticket.status == DRAFT:
            return await self._send(chat_id, ticket, post, take_back)
        if tap.action == tokens.SEND and ticket.status == OPEN:  # tapped twice
            return TapOutcome(Tap.SENT, ticket)
        if tap.action == tokens.DROP and ticket.status in (DRAFT, SENDING, OPEN):
            withdrawn = await self.tickets.withdraw(chat_id, ticket.id)
            if withdrawn is None:
                return TapOutcome(Tap.BUSY, ticket)
            return TapOutcome(
                Tap.NOT_SENT if withdrawn.status == DRAFT else Tap.WITHDRAWN, withdrawn
            )
        return TapOutcome(Tap.BUSY, ticket)

    async def _send(self, chat_id: int, ticket: Any, post: Post, take_back: TakeBack) -> TapOutcome:
        if not await self.tickets.sending(chat_id, ticket.id):
            return TapOutcome(Tap.BUSY, ticket)
        try:
            posted = await post(ticket)
        except PostUncertain:
            # It may well have arrived: not a draft again (Send would post it twice).
            log.warning("posting to the advisers timed out")
            return TapOutcome(Tap.UNCERTAIN, ticket)
        except NotPosted:
            await self.tickets.unsend(ticket.id)  # a draft again: "Send" works later
            return TapOutcome(Tap.UNREACHABLE, ticket)
        try:
            recorded = await self.tickets.sent(ticket.id, posted.advisers, posted.message_id)
        except self.errors:
            recorded = False
        if not recorded:
            # Withdrawn meanwhile, or not recorded: no answer could find the judge, so the
            # advisers must not see it either.
            await take_back(posted)
            with contextlib.suppress(*self.errors):
                await self.tickets.unsend(ticket.id)
            return TapOutcome(Tap.UNREACHABLE, ticket)
        return TapOutcome(Tap.SENT, ticket)

    async def answer(self, found: Any, deliver: Callable[[int], Awaitable[Delivery]]) -> Answered:
        """An adviser's answer to a claimed ticket (``found``: the ticket and the judge's
        chat): delivered, and the ticket closed; or opened again, or closed for good."""
        ticket = found.ticket
        if found.chat_id is None:
            await self.tickets.close(ticket.id)
            return Answered.UNREADABLE
        delivery = await deliver(found.chat_id)
        if delivery is Delivery.GONE:
            await self.tickets.close(ticket.id)
            return Answered.UNREACHABLE
        if delivery is not Delivery.DELIVERED:
            # It may have arrived (timed out), or may later: a second delivery is better
            # than none, so open again.
            await self.tickets.release(ticket.id)
            return Answered.NOT_DELIVERED
        try:
            await self.tickets.close(ticket.id)
        except self.errors as exc:
            # Delivered all the same; the ticket, left "answering", is deleted at expiry
            # without telling anyone it went unanswered.
            log.warning("answered ticket not closed: storage %s", type(exc).__name__)
        return Answered.DELIVERED
