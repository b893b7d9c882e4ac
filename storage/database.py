"""The database: an async SQLAlchemy engine, migrations applied on start.

SQLite (WAL) by default, PostgreSQL for several instances. All access is async
(aiosqlite / asyncpg), so the bot's event loop never waits on the disk.
"""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import event, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

from . import DEFAULT_URL
from .locks import exclusive

log = logging.getLogger("amicus.storage")

# What a database that is down, or was cut off mid-query, raises: callers catch these and
# say "temporarily unavailable" rather than fail.
STORAGE_ERRORS = (SQLAlchemyError, OSError)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The tables that hold what a judge can have erased (/forget, "Don't keep it", an answered
# or withdrawn adviser question): what ``scrub`` cleans after an erasure.
ERASABLE = ("chat_sessions", "question_log", "adviser_tickets")


def async_url(url: str) -> str:
    """Accept plain ``sqlite:///`` and ``postgresql://`` URLs; use the async drivers."""
    parsed = make_url(url)
    driver = {"sqlite": "sqlite+aiosqlite", "postgresql": "postgresql+asyncpg"}.get(
        parsed.drivername, parsed.drivername
    )
    return parsed.set(drivername=driver).render_as_string(hide_password=False)


class Database:
    def __init__(self, url: str = DEFAULT_URL):
        self.url = async_url(url)
        self.is_sqlite = self.url.startswith("sqlite")
        options: dict = {}
        if not self.is_sqlite:
            # A server can go away and come back: test each pooled connection before use.
            options |= {"pool_pre_ping": True, "pool_size": 10, "max_overflow": 10}
        self.engine: AsyncEngine = create_async_engine(self.url, **options)
        if self.is_sqlite:
            event.listen(self.engine.sync_engine, "connect", _sqlite_pragmas)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)

    @property
    def insert(self):
        """The dialect's INSERT: an upsert (ON CONFLICT) is written per dialect in SQLAlchemy."""
        return sqlite_insert if self.is_sqlite else pg_insert

    async def upgrade(self, revision: str = "head") -> None:
        """Bring the schema to the newest migration, or to ``revision`` (idempotent)."""
        # Replicas starting together take turns: the first migrates, the others then
        # find the schema up to date (instead of both creating the same tables).
        async with exclusive(self, "migrations"), self.engine.begin() as connection:
            await connection.run_sync(_upgrade, revision)

    async def scrub(self) -> None:
        """After an erasure: make the deleted rows leave the disk, not only the tables.

        SQLite overwrites deleted content with zeros (``secure_delete``, set on every
        connection), but the pages as they were before the deletion stay in the write-ahead
        log until it is checkpointed: TRUNCATE copies the log into the main file and
        empties it. PostgreSQL keeps deleted rows as dead tuples until a VACUUM removes
        them and makes their space reusable (README, "What is kept", says what that does
        and does not guarantee).
        """
        if self.is_sqlite:
            # Waits (busy_timeout) for readers of older snapshots to finish; if some are
            # still reading then, the log is emptied at the next erasure or checkpoint.
            async with self.engine.connect() as connection:
                result = await connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
                busy = result.first()
            if busy is not None and busy[0]:
                log.warning("write-ahead log not emptied after an erasure: readers busy")
            return
        async with self.engine.connect() as connection:
            # VACUUM cannot run inside a transaction.
            autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
            await autocommit.exec_driver_sql(f"VACUUM {', '.join(ERASABLE)}")

    async def ping(self) -> None:
        async with self.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))

    async def close(self) -> None:
        await self.engine.dispose()


async def settle(timeout: float = 2.0) -> None:
    """Wait for aiosqlite's worker threads to finish, before the caller's event loop ends.

    After a failed connect aiosqlite stops the connection's thread without awaiting it; if
    ``asyncio.run`` returns first, the thread's last callback meets a closed loop and prints
    a traceback. For one-shot commands (``asyncio.run``), after ``close``.
    """
    import asyncio
    import threading

    deadline = asyncio.get_running_loop().time() + timeout
    while asyncio.get_running_loop().time() < deadline and any(
        t.is_alive() and "_connection_worker_thread" in t.name for t in threading.enumerate()
    ):
        await asyncio.sleep(0.01)


def _upgrade(connection: Connection, revision: str) -> None:
    # Imported here: Alembic costs a third of a second to import, and only start-up needs it.
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets readers and the writer proceed together; wait rather than fail when busy.
    cursor.execute("PRAGMA journal_mode=WAL")
    # In WAL mode NORMAL cannot corrupt the file; at worst a power cut loses the last
    # few session updates, which is a far better trade than an fsync on every tap.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA foreign_keys=ON")
    # Erased must mean erased: overwrite deleted content with zeros instead of leaving it
    # in free pages. Upstream SQLite builds default to off (some distributions' to on).
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()
