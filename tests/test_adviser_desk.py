"""The adviser's questions as a use case: each tap and each answer, whatever the chat does."""

from __future__ import annotations

from dataclasses import dataclass, replace

from conversations import tokens
from conversations.adviser import (
    AdviserDesk,
    Answered,
    Delivery,
    NotPosted,
    Posted,
    PostUncertain,
    Tap,
)

JUDGE, ADVISERS = 42, -100


class Down(Exception):
    pass


@dataclass(frozen=True)
class Ticket:
    id: int
    code: str
    status: str
    adviser_message_id: int | None = None


@dataclass(frozen=True)
class Found:
    ticket: Ticket
    chat_id: int | None


class Tickets:
    def __init__(self, status: str, recording_fails: bool = False):
        self.ticket = Ticket(1, "K7Q2MX", status)
        self.recording_fails = recording_fails
        self.calls: list[str] = []

    async def mine(self, chat_id, code):
        return self.ticket if chat_id == JUDGE and code == self.ticket.code else None

    async def sending(self, chat_id, ticket_id):
        self.calls.append("sending")
        self.ticket = replace(self.ticket, status="sending")
        return True

    async def unsend(self, ticket_id):
        self.calls.append("unsend")
        self.ticket = replace(self.ticket, status="draft")

    async def sent(self, ticket_id, advisers, message_id):
        if self.recording_fails:
            raise Down
        self.calls.append(f"sent {advisers} {message_id}")
        return True

    async def withdraw(self, chat_id, ticket_id):
        self.calls.append("withdraw")
        return self.ticket

    async def release(self, ticket_id):
        self.calls.append("release")

    async def close(self, ticket_id):
        self.calls.append("close")


def send(code: str = "K7Q2MX") -> tokens.RelayTap:
    return tokens.RelayTap(tokens.SEND, code)


async def posted(ticket) -> Posted:
    return Posted(ADVISERS, 77)


async def kept(posted: Posted) -> None:
    raise AssertionError("a recorded post is not taken back")


async def test_a_sent_question_is_recorded_with_where_it_was_posted():
    tickets = Tickets("draft")
    outcome = await AdviserDesk(tickets, (Down,)).tap(JUDGE, send(), posted, kept)
    assert outcome.tap is Tap.SENT and tickets.calls == ["sending", f"sent {ADVISERS} 77"]


async def test_a_post_that_timed_out_is_not_a_draft_again():
    async def timed_out(ticket):
        raise PostUncertain

    tickets = Tickets("draft")
    outcome = await AdviserDesk(tickets, (Down,)).tap(JUDGE, send(), timed_out, kept)
    # It may have arrived: Send again would post it twice; only withdrawing remains.
    assert outcome.tap is Tap.UNCERTAIN and tickets.ticket.status == "sending"


async def test_a_refused_post_is_a_draft_again_and_a_post_not_recorded_is_taken_back():
    async def refused(ticket):
        raise NotPosted

    tickets = Tickets("draft")
    outcome = await AdviserDesk(tickets, (Down,)).tap(JUDGE, send(), refused, kept)
    assert outcome.tap is Tap.UNREACHABLE and tickets.ticket.status == "draft"

    taken_back = []

    async def take_back(post: Posted) -> None:
        taken_back.append(post)

    tickets = Tickets("draft", recording_fails=True)
    outcome = await AdviserDesk(tickets, (Down,)).tap(JUDGE, send(), posted, take_back)
    assert outcome.tap is Tap.UNREACHABLE and taken_back == [Posted(ADVISERS, 77)]
    assert tickets.ticket.status == "draft"


async def test_someone_elses_or_a_forged_code_is_gone_and_a_second_send_says_where_it_stands():
    desk = AdviserDesk(Tickets("open"), (Down,))
    assert (await desk.tap(JUDGE + 1, send(), posted, kept)).tap is Tap.GONE
    assert (await desk.tap(JUDGE, send("nope"), posted, kept)).tap is Tap.GONE
    assert (await desk.tap(JUDGE, send(), posted, kept)).tap is Tap.SENT


async def test_an_answer_closes_the_ticket_or_opens_it_again():
    for delivery, answered, call in (
        (Delivery.DELIVERED, Answered.DELIVERED, "close"),
        (Delivery.GONE, Answered.UNREACHABLE, "close"),
        (Delivery.UNCERTAIN, Answered.NOT_DELIVERED, "release"),
        (Delivery.FAILED, Answered.NOT_DELIVERED, "release"),
    ):
        tickets = Tickets("answering")

        async def deliver(chat_id: int, how: Delivery = delivery) -> Delivery:
            assert chat_id == JUDGE
            return how

        found = Found(tickets.ticket, JUDGE)
        assert await AdviserDesk(tickets, (Down,)).answer(found, deliver) is answered
        assert tickets.calls == [call]
    tickets = Tickets("answering")
    unreadable = Found(tickets.ticket, None)  # the secret changed: the route does not open
    assert await AdviserDesk(tickets, (Down,)).answer(unreadable, deliver) is Answered.UNREADABLE
