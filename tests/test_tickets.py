"""Tickets to a human adviser: only the asker can act on them, one answer is delivered, and
nothing in the database names the judge."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from storage.tickets import ANSWERING, DRAFT, OPEN, TicketStore

SECRET = b"ticket-test-secret-0123456789ab"
JUDGE, OTHER = 5550001234, 5550009876


async def dump(db) -> str:
    async with db.engine.connect() as connection:
        rows = await connection.execute(text("SELECT * FROM adviser_tickets"))
        return "\n".join(repr(value) for row in rows for value in row)


async def test_a_ticket_from_draft_to_answer(db):
    tickets = TicketStore(db, SECRET)
    draft = await tickets.draft(JUDGE, "May I accept a friend request from [NAME]?", "en")
    assert draft.status == DRAFT and draft.text is not None
    assert await tickets.mine(OTHER, draft.id) is None  # another judge's tap proves nothing
    assert not await tickets.sent(OTHER, draft.id, 77)
    assert await tickets.sent(JUDGE, draft.id, 77)
    sent = await tickets.mine(JUDGE, draft.id)
    assert sent is not None and sent.status == OPEN and sent.text is None  # the chat holds it
    assert not await tickets.sent(JUDGE, draft.id, 78)  # sent once only

    claimed = await tickets.claim(77)
    assert claimed is not None and claimed.chat_id == JUDGE and claimed.ticket.id == draft.id
    assert await tickets.claim(77) is None  # a second adviser's reply is not delivered twice
    assert (await tickets.mine(JUDGE, draft.id)).status == ANSWERING
    await tickets.release(draft.id)
    assert (await tickets.claim(77)) is not None  # a failed delivery can be retried
    await tickets.close(draft.id)
    assert await tickets.mine(JUDGE, draft.id) is None  # answered: no link to the judge left
    assert await dump(db) == ""


async def test_nothing_in_the_table_names_the_judge(db):
    tickets = TicketStore(db, SECRET)
    ticket = await tickets.draft(JUDGE, "a question", "en")
    await tickets.sent(JUDGE, ticket.id, 12)
    stored = await dump(db)
    for form in (str(JUDGE), JUDGE.to_bytes(8, "big").hex(), repr(JUDGE.to_bytes(8, "big"))):
        assert form not in stored
    # The route opens only with the secret it was sealed with.
    assert TicketStore(db, b"another-secret-0123456789abcdef").unseal(tickets.seal(JUDGE)) is None
    assert tickets.seal(JUDGE) != tickets.seal(JUDGE)  # a fresh nonce: equal ids do not match


async def test_withdraw_forget_and_expiry(db):
    tickets = TicketStore(db, SECRET)
    first = await tickets.draft(JUDGE, "one", "en")
    second = await tickets.draft(JUDGE, "two", "zh")
    theirs = await tickets.draft(OTHER, "three", "en")
    assert await tickets.withdraw(OTHER, first.id) is None
    assert (await tickets.withdraw(JUDGE, first.id)).id == first.id
    assert await tickets.withdraw(JUDGE, first.id) is None
    assert await tickets.forget(JUDGE) == 1
    assert await tickets.mine(JUDGE, second.id) is None
    assert await tickets.mine(OTHER, theirs.id) is not None
    old = await tickets.draft(OTHER, "old", "en", today=dt.date(2026, 9, 1))
    assert await tickets.purge(30, today=dt.date(2026, 11, 28)) == 1
    assert await tickets.mine(OTHER, old.id) is None
    assert await tickets.mine(OTHER, theirs.id) is not None


async def test_the_nightly_retention_job_expires_unanswered_tickets(db):
    from bot.faqjobs import purge
    from storage.questionlog import QuestionLog
    from storage.sessions import SessionStore

    tickets = TicketStore(db, SECRET)
    stale = await tickets.draft(JUDGE, "old", "en", today=dt.date.today() - dt.timedelta(days=31))
    fresh = await tickets.draft(JUDGE, "new", "en")
    data = {
        "questions": QuestionLog(db, SECRET),
        "retention_months": 24,
        "sessions": SessionStore(db, SECRET),
        "session_days": 180,
        "tickets": tickets,
        "ticket_days": 30,
    }
    await purge(data)
    assert await tickets.mine(JUDGE, stale.id) is None
    assert await tickets.mine(JUDGE, fresh.id) is not None
