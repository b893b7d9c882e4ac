"""Erased means erased: after /forget nothing of the judge's rows is left in any database
file (SQLite's main file, write-ahead log and shared memory), whatever the SQLite build's
default; on PostgreSQL the dead rows are vacuumed away."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import event, text

from storage.database import Database
from storage.questionlog import QuestionLog
from storage.sessions import SessionStore
from storage.tickets import TicketStore

SECRET = b"erasure-test-secret-9f2c4e7a1b8d3f60e5a9c2b7d4f1e8a3"
JUDGE = 5550001234
MARKER = "Quokkamarkerzz"


def upstream_default(db: Database) -> None:
    """Make every new connection start as an upstream SQLite build does, secure_delete off
    (Debian's build, on this machine, defaults to on): the code must turn it on itself."""

    def off(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA secure_delete=OFF")
        cursor.close()

    event.listen(db.engine.sync_engine, "connect", off, insert=True)


@pytest.fixture
async def sqlite_db(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'amicus.db'}")
    upstream_default(db)
    await db.upgrade()
    yield db
    await db.close()


def traces(directory: Path, needles: list[bytes]) -> dict[str, list[bytes]]:
    """Which of ``needles`` each database file (main, -wal, -shm) still holds."""
    found = {}
    for path in sorted(directory.glob("amicus.db*")):
        content = path.read_bytes()
        hits = [n for n in needles if n in content]
        if hits:
            found[path.name] = hits
    return found


async def keep_everything(db: Database) -> tuple[list[bytes], int]:
    """A judge's session, kept questions and adviser ticket, each carrying the marker; what
    identifies them in the files."""
    sessions, log, tickets = (
        SessionStore(db, SECRET),
        QuestionLog(db, SECRET),
        TicketStore(db, SECRET),
    )
    assert await sessions.write(JUDGE, {"lang": "en", "note": MARKER}, None)
    for n in range(20):
        await log.record_question(
            JUDGE, f"May I befriend {MARKER} number {n} online?", "en", [30], None
        )
    ticket = await tickets.draft(JUDGE, f"A question about {MARKER}", "en")
    async with db.engine.connect() as connection:
        route = await connection.scalar(text("SELECT route FROM adviser_tickets"))
        asker = await connection.scalar(text("SELECT asker FROM question_log LIMIT 1"))
    needles = [MARKER.encode(), sessions.key(JUDGE).encode(), asker.encode(), bytes(route)]
    return needles, ticket.id


async def forget(db: Database) -> None:
    """What /forget does."""
    await SessionStore(db, SECRET).forget(JUDGE)
    await TicketStore(db, SECRET).forget(JUDGE)
    await QuestionLog(db, SECRET).forget(JUDGE)
    await db.scrub()


async def test_every_sqlite_connection_turns_secure_delete_on(sqlite_db):
    async with sqlite_db.engine.connect() as connection:
        assert await connection.scalar(text("PRAGMA secure_delete")) == 1


async def test_after_forget_no_database_file_holds_the_judges_rows(sqlite_db, tmp_path):
    needles, _ = await keep_everything(sqlite_db)
    assert traces(tmp_path, needles)  # the scan does find them while they are kept
    await forget(sqlite_db)
    # Scanned with the database still open, as the running bot has it.
    assert traces(tmp_path, needles) == {}


async def test_a_delivered_adviser_question_leaves_no_trace(sqlite_db, tmp_path):
    tickets = TicketStore(sqlite_db, SECRET)
    ticket = await tickets.draft(JUDGE, f"A question about {MARKER}", "en")
    async with sqlite_db.engine.connect() as connection:
        route = bytes(await connection.scalar(text("SELECT route FROM adviser_tickets")))
    await tickets.sending(JUDGE, ticket.id)
    await tickets.sent(ticket.id, -100123, 77)
    assert await tickets.claim(-100123, 77) is not None
    await tickets.close(ticket.id)
    assert traces(tmp_path, [MARKER.encode(), route, tickets.asker(JUDGE).encode()]) == {}


@pytest.fixture
async def postgresql_db():
    from postgres import TemporaryDatabase, require_postgres

    require_postgres()
    async with TemporaryDatabase() as temporary:
        db = Database(temporary.url)
        await db.upgrade()
        yield db
        await db.close()


async def test_postgresql_vacuums_the_erased_rows(postgresql_db):
    db = postgresql_db
    await keep_everything(db)
    async with db.engine.begin() as connection:
        await connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pageinspect")
    await forget(db)
    # No tuple, live or dead, is left on the tables' pages: VACUUM has removed the dead
    # ones (a plain DELETE leaves them, marker and all, until autovacuum comes by).
    async with db.engine.connect() as connection:
        for table in ("chat_sessions", "question_log", "adviser_tickets"):
            pages = await connection.scalar(
                text(f"SELECT pg_relation_size('{table}') / current_setting('block_size')::int")
            )
            left = 0
            for page in range(pages):
                left += await connection.scalar(
                    text(
                        f"SELECT count(*) FROM heap_page_items(get_raw_page('{table}', {page}))"
                        " WHERE t_data IS NOT NULL"
                    )
                )
            assert left == 0, table


@pytest.mark.parametrize("erase", ["/forget", "Don't keep it"])
async def test_the_running_bot_leaves_no_trace_after_an_erasure(fake, tmp_path, erase):
    from botharness import BotProcess, until_kept

    bot = BotProcess(fake, f"sqlite:///{tmp_path / 'amicus.db'}", tmp_path / "bot.log")
    await bot.start()
    try:
        word = MARKER.lower()  # not a name: kept as typed, unlike "Quokka…"
        await fake.push_text(JUDGE, f"May I follow the {word} account of a lawyer on social media?")
        messages = await until_kept(fake, JUDGE)
        assert traces(tmp_path, [word.encode()])
        if erase == "/forget":
            await fake.push_text(JUDGE, "/forget")
        else:
            kept = messages[-1]
            await fake.push_tap(JUDGE, kept.message_id, kept.data_for(erase))
        await fake.wait_for(JUDGE)
        # The bot still runs, its connections open: nothing may wait for a clean exit.
        assert traces(tmp_path, [word.encode()]) == {}
    finally:
        assert await bot.stop() == 0, bot.logs()
