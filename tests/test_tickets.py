"""Tickets to a human adviser: only the asker can act on them, one answer is delivered, and
nothing in the database names the judge."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from storage.tickets import ANSWERING, DRAFT, OPEN, SENDING, TicketStore, is_code

SECRET = b"ticket-test-secret-0123456789ab"
JUDGE, OTHER = 5550001234, 5550009876
ADVISERS, ELSEWHERE = -1001000, -1002000


async def rows(db) -> list[tuple]:
    async with db.engine.connect() as connection:
        return [
            tuple(row) for row in await connection.execute(text("SELECT * FROM adviser_tickets"))
        ]


async def test_a_ticket_from_draft_to_answer(db):
    tickets = TicketStore(db, SECRET)
    draft = await tickets.draft(JUDGE, "May I accept a friend request from [NAME]?", "en")
    assert draft.status == DRAFT and draft.text is not None
    assert await tickets.mine(OTHER, draft.code) is None  # another judge's tap proves nothing
    assert not await tickets.sending(OTHER, draft.id)
    assert await tickets.sending(JUDGE, draft.id)
    assert not await tickets.sending(JUDGE, draft.id)  # a second tap does not post it twice
    assert (await tickets.mine(JUDGE, draft.code)).status == SENDING
    await tickets.sent(draft.id, ADVISERS, 77)
    sent = await tickets.mine(JUDGE, draft.code)
    assert sent is not None and sent.status == OPEN and sent.text is None  # the chat holds it

    assert await tickets.claim(ELSEWHERE, 77) is None  # message 77 of another chat is not it
    claimed = await tickets.claim(ADVISERS, 77)
    assert claimed is not None and claimed.chat_id == JUDGE and claimed.ticket.id == draft.id
    assert await tickets.claim(ADVISERS, 77) is None  # a second reply is not delivered twice
    assert (await tickets.mine(JUDGE, draft.code)).status == ANSWERING
    assert await tickets.withdraw(JUDGE, draft.id) is None  # too late: being answered
    # Delivering now: expiry must not tell the judge it went unanswered.
    assert await tickets.expire(0, today=dt.date.today() + dt.timedelta(days=1)) == []
    draft = await tickets.draft(JUDGE, "again", "en")
    await tickets.sending(JUDGE, draft.id)
    await tickets.sent(draft.id, ADVISERS, 77)
    assert await tickets.claim(ADVISERS, 77) is not None
    await tickets.release(draft.id)
    assert await tickets.claim(ADVISERS, 77) is not None  # a failed delivery can be retried
    await tickets.close(draft.id)
    assert await tickets.mine(JUDGE, draft.code) is None  # answered: no link to the judge left
    assert await rows(db) == []


async def test_a_failed_post_leaves_a_draft_to_send_again(db):
    tickets = TicketStore(db, SECRET)
    draft = await tickets.draft(JUDGE, "q", "en")
    assert await tickets.sending(JUDGE, draft.id)
    await tickets.unsend(draft.id)
    assert (await tickets.mine(JUDGE, draft.code)).status == DRAFT
    assert await tickets.sending(JUDGE, draft.id)
    # Stuck half-posted (a timeout): the judge can still withdraw it, and a post that
    # was under way then finds nothing to record.
    assert (await tickets.withdraw(JUDGE, draft.id)).status == SENDING
    assert not await tickets.sent(draft.id, ADVISERS, 5)


async def test_codes_say_nothing_of_how_many_questions_came_before(db):
    # Sequential numbers would let a judge count the other judges' questions between two
    # of their own; a code is random, and an old "Withdraw" button's code reaches nothing.
    tickets = TicketStore(db, SECRET)
    first = await tickets.draft(JUDGE, "one", "en")
    for n in range(30):
        await tickets.draft(OTHER, f"someone else's {n}", "en")
    await tickets.withdraw(JUDGE, first.id)
    codes = [(await tickets.draft(JUDGE, f"mine {n}", "en")).code for n in range(10)]
    assert len({*codes, first.code}) == 11
    assert all(is_code(code) for code in codes)
    assert not any(code.isdecimal() for code in codes)
    assert await tickets.mine(JUDGE, first.code) is None


async def test_a_route_moved_to_another_ticket_no_longer_opens(db):
    # Whoever can write to the database copies the route of one judge's question onto
    # another question: the adviser's answer to that question must not reach the judge.
    tickets = TicketStore(db, SECRET)
    victim = await tickets.draft(JUDGE, "the judge's question", "en")
    planted = await tickets.draft(OTHER, "the attacker's question", "en")
    for ticket, message_id in ((victim, 10), (planted, 11)):
        await tickets.sending(JUDGE if ticket is victim else OTHER, ticket.id)
        await tickets.sent(ticket.id, ADVISERS, message_id)
    async with db.engine.begin() as connection:
        await connection.execute(
            text(
                "UPDATE adviser_tickets SET route = "
                "(SELECT route FROM adviser_tickets WHERE id = :victim) WHERE id = :planted"
            ),
            {"victim": victim.id, "planted": planted.id},
        )
    found = await tickets.claim(ADVISERS, 11)
    assert found is not None and found.ticket.id == planted.id
    assert found.chat_id is None  # not JUDGE: the answer goes nowhere
    assert (await tickets.claim(ADVISERS, 10)).chat_id == JUDGE  # its own ticket still works


async def test_nothing_in_the_table_names_the_judge(db):
    tickets = TicketStore(db, SECRET)
    ticket = await tickets.draft(JUDGE, "a question", "en")
    await tickets.sending(JUDGE, ticket.id)
    await tickets.sent(ticket.id, ADVISERS, 12)
    ((*values,),) = await rows(db)
    raw = JUDGE.to_bytes(8, "big", signed=True)
    for value in values:
        if isinstance(value, bytes | memoryview):
            assert raw not in bytes(value)  # the route is sealed, not the id itself
        assert str(JUDGE) not in str(value) and str(ADVISERS) not in str(value)
    route = next(bytes(v) for v in values if isinstance(v, bytes | memoryview))
    assert tickets.unseal(route, ticket.id) == JUDGE
    # The route opens only with the secret it was sealed with.
    assert TicketStore(db, b"another-secret-0123456789abcdef").unseal(route, ticket.id) is None
    assert tickets.seal(JUDGE, 1) != tickets.seal(JUDGE, 1)  # a fresh nonce every time


async def test_withdraw_forget_and_expiry(db):
    tickets = TicketStore(db, SECRET)
    first = await tickets.draft(JUDGE, "one", "en")
    posted = await tickets.draft(JUDGE, "two", "zh")
    await tickets.sending(JUDGE, posted.id)
    await tickets.sent(posted.id, ADVISERS, 501)
    theirs = await tickets.draft(OTHER, "three", "en")
    assert await tickets.withdraw(OTHER, first.id) is None
    assert (await tickets.withdraw(JUDGE, first.id)).id == first.id
    assert await tickets.withdraw(JUDGE, first.id) is None
    # /forget: everything of this judge goes; the posted ones are returned to tell advisers.
    (told,) = await tickets.forget(JUDGE)
    assert told.id == posted.id and told.adviser_message_id == 501
    assert await tickets.mine(JUDGE, posted.code) is None
    assert await tickets.mine(OTHER, theirs.code) is not None

    today = dt.date(2026, 11, 28)
    old_draft = await tickets.draft(OTHER, "old", "en", today=dt.date(2026, 9, 1))
    old_post = await tickets.draft(OTHER, "old, sent", "en", today=dt.date(2026, 9, 1))
    await tickets.sending(OTHER, old_post.id)
    # Drafted long ago, sent only now: the days to expiry count from sending.
    late = await tickets.draft(OTHER, "late", "en", today=dt.date(2026, 9, 1))
    await tickets.sending(OTHER, late.id)
    await tickets.sent(late.id, ADVISERS, 600, today=today)
    await tickets.sent(old_post.id, ADVISERS, 601, today=dt.date(2026, 9, 2))
    (closed,) = await tickets.expire(30, today=today)
    assert closed.ticket.id == old_post.id and closed.chat_id == OTHER
    for gone in (old_draft, old_post):
        assert await tickets.mine(OTHER, gone.code) is None
    for kept in (theirs, late):
        assert await tickets.mine(OTHER, kept.code) is not None


async def test_the_nightly_retention_job_expires_unanswered_tickets(db):
    from stores import services_for

    from bot.faqjobs import purge

    tickets = TicketStore(db, SECRET)
    stale = await tickets.draft(JUDGE, "old", "en", today=dt.date.today() - dt.timedelta(days=31))
    fresh = await tickets.draft(JUDGE, "new", "en")
    await purge(services_for(db))  # AMICUS_TICKET_DAYS: 30 by default
    assert await tickets.mine(JUDGE, stale.code) is None
    assert await tickets.mine(JUDGE, fresh.code) is not None


async def test_tickets_from_before_codes_get_one_on_upgrade(tmp_path):
    from storage.database import Database

    old = Database(f"sqlite:///{tmp_path / 'old.db'}")
    try:
        await old.upgrade("0004")  # a deployment whose tickets had numbers only
        async with old.engine.begin() as connection:
            for n in range(3):
                await connection.execute(
                    text(
                        "INSERT INTO adviser_tickets (asker, route, lang, status, created_on) "
                        "VALUES (:a, :r, 'en', 'open', '2026-11-01')"
                    ),
                    {"a": f"asker{n}", "r": b"sealed"},
                )
        await old.upgrade()
        async with old.engine.connect() as connection:
            codes = (await connection.scalars(text("SELECT code FROM adviser_tickets"))).all()
        assert len(set(codes)) == 3 and all(is_code(code) for code in codes)
    finally:
        await old.close()


def test_a_code_is_never_all_digits(monkeypatch):
    from storage import tickets as module

    draws = iter("234567" + "ABC234")  # the first draw would be all digits
    monkeypatch.setattr(module.secrets, "choice", lambda _alphabet: next(draws))
    assert module.new_code() == "ABC234"
