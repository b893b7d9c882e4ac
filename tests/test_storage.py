"""Storage on both backends: SQLite (the default) and PostgreSQL (several instances)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text
from stores import put, state_of

from storage.database import Database, async_url
from storage.models import ChatSession
from storage.sessions import SessionStore

SECRET = b"storage-test-secret-0123456789"


async def all_values(db: Database) -> str:
    """Every value in every table, as text: what a breach of the database would show."""
    dump = []
    async with db.engine.connect() as connection:
        for table in ("chat_sessions", "alembic_version"):
            rows = await connection.execute(text(f"SELECT * FROM {table}"))
            dump += [str(value) for row in rows for value in row]
    return "\n".join(dump)


async def test_migrations_are_idempotent(db):
    await db.upgrade()
    async with db.engine.connect() as connection:
        version = await connection.scalar(text("SELECT version_num FROM alembic_version"))
    assert version is not None


async def test_sessions_saved_before_versioning_carry_on_after_the_upgrade(tmp_path):
    old = Database(f"sqlite:///{tmp_path / 'old.db'}")
    try:
        await old.upgrade("0002")  # a deployment from before sessions had a version
        async with old.engine.begin() as connection:
            await connection.execute(
                text("INSERT INTO chat_sessions (key, state, touched_on) VALUES (:k, :s, :d)"),
                {"k": SessionStore(old, SECRET).key(9), "s": '{"lang": "zh"}', "d": "2026-11-01"},
            )
        await old.upgrade()
        store = SessionStore(old, SECRET)
        stored = await store.read(9)
        assert stored is not None and stored.state == {"lang": "zh"} and stored.version == 0
        assert await store.write(9, {"lang": "en"}, stored)
        assert await state_of(store, 9) == {"lang": "en"}
    finally:
        await old.close()


async def test_session_round_trip_upsert_and_forget(db):
    store = SessionStore(db, SECRET)
    assert await state_of(store, 555001) is None
    await put(store, 555001, {"lang": "zh", "stack": ["home"]})
    await put(store, 555001, {"lang": "en", "stack": ["home", "browse"]})
    await put(store, 555002, {"lang": "zh", "stack": ["home"]})
    assert await state_of(store, 555001) == {"lang": "en", "stack": ["home", "browse"]}
    async with db.engine.connect() as connection:
        assert await connection.scalar(select(func.count()).select_from(ChatSession)) == 2
    assert await store.forget(555001) == 1
    assert await state_of(store, 555001) is None
    assert await state_of(store, 555002) == {"lang": "zh", "stack": ["home"]}


async def test_no_raw_chat_id_reaches_the_database(db):
    store = SessionStore(db, SECRET)
    await put(store, 987654321, {"lang": "en", "stack": ["home"]})
    dump = await all_values(db)
    assert "987654321" not in dump
    other = SessionStore(db, b"another-secret-entirely-000000")
    assert other.key(987654321) != store.key(987654321)  # useless without the secret


async def test_a_second_process_sees_the_same_sessions(db):
    twin = Database(str(db.engine.url.render_as_string(hide_password=False)))
    try:
        await put(SessionStore(db, SECRET), 42, {"lang": "zh", "stack": ["home", "topics"]})
        assert await state_of(SessionStore(twin, SECRET), 42) == {
            "lang": "zh",
            "stack": ["home", "topics"],
        }
    finally:
        await twin.close()


async def test_a_write_after_someone_elses_is_refused_not_applied(db):
    one, other = SessionStore(db, SECRET), SessionStore(db, SECRET)
    assert await one.write(7, {"lang": "en", "stack": ["home"]}, None)
    # Two processes read the same session; the first to write wins.
    seen_by_one, seen_by_other = await one.read(7), await other.read(7)
    assert seen_by_one == seen_by_other and seen_by_one is not None
    assert await other.write(7, {"lang": "zh", "stack": ["home"]}, seen_by_other)
    assert not await one.write(7, {"lang": "en", "stack": ["home", "browse"]}, seen_by_one)
    assert await state_of(one, 7) == {"lang": "zh", "stack": ["home"]}
    # Read again, the turn goes through on the newer state.
    fresh = await one.read(7)
    assert fresh is not None and fresh.version == seen_by_one.version + 1
    assert await one.write(7, {"lang": "zh", "stack": ["home", "browse"]}, fresh)
    # A session created meanwhile, or forgotten meanwhile, also refuses a stale write.
    assert not await one.write(7, {"lang": "en", "stack": ["home"]}, None)
    stale = await one.read(7)
    await other.forget(7)
    assert not await one.write(7, {"lang": "en", "stack": ["home"]}, stale)
    assert await state_of(one, 7) is None


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("sqlite:///amicus.db", "sqlite+aiosqlite:///amicus.db"),
        ("postgresql://u@h:5432/d", "postgresql+asyncpg://u@h:5432/d"),
        ("postgresql+asyncpg://u@h/d", "postgresql+asyncpg://u@h/d"),
    ],
)
def test_plain_urls_get_the_async_drivers(given, used):
    assert async_url(given) == used
