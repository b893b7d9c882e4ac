"""Migrated databases for tests, migrated once per test process rather than once per test.

Running the migrations cost a fresh database about 30 ms on SQLite and, with CREATE and
DROP DATABASE, about 120 ms on PostgreSQL: over the suite's hundreds of databases, seconds
of the quick run. What a test gets is the same as before: an empty database at the newest
migration, of its own (test_migrations checks that the migrated schema is the models'; the
tests of upgrading old data and of a bot migrating at start still migrate their own).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from storage.database import Database

_sqlite: list[Path] = []  # this process's migrated SQLite file, copied for each test
_postgres: list = []  # this process's migrated PostgreSQL database, emptied for each test


async def _migrate(url: str) -> None:
    """Migrate the database at ``url`` to the head, and close every connection (the last
    one checkpoints a SQLite file)."""
    database = Database(url)
    try:
        await database.upgrade()
    finally:
        await database.close()


async def sqlite_copy(path: Path) -> None:
    """Put a migrated, empty SQLite database at ``path`` (a file copy: same bytes as a
    migration there would have written, write-ahead-log mode included)."""
    if not _sqlite:
        template = Path(tempfile.mkdtemp(prefix="amicus-migrated-")) / "template.db"
        await _migrate(f"sqlite:///{template}")  # closed: no -wal to copy
        _sqlite.append(template)
    shutil.copyfile(_sqlite[0], path)


async def postgres_emptied() -> str:
    """The URL of this process's migrated PostgreSQL database, with every table emptied
    (identities restarted) and no connection left from the test before: as a new copy."""
    from postgres import TemporaryDatabase

    if not _postgres:
        temporary = TemporaryDatabase()
        await temporary.__aenter__()
        _postgres.append(temporary)
        await _migrate(temporary.url)
        return temporary.url
    temporary = _postgres[0]
    await _empty(temporary)
    return temporary.url


async def _empty(temporary) -> None:
    import asyncpg

    connection = await asyncpg.connect(temporary.url.replace("postgresql://", "postgres://"))
    try:
        # What DROP DATABASE ... WITH (FORCE) did: a connection a test left open (and any
        # lock or transaction it held) does not outlive the test.
        await connection.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = $1 AND pid <> pg_backend_pid()",
            temporary.name,
        )
        tables = await connection.fetch(
            "SELECT quote_ident(tablename) FROM pg_tables"
            " WHERE schemaname = 'public' AND tablename <> 'alembic_version'"
        )
        sequences = await connection.fetch(
            "SELECT quote_ident(sequencename) FROM pg_sequences WHERE schemaname = 'public'"
        )
        # DELETE, not TRUNCATE: on tables this small it takes milliseconds where TRUNCATE
        # (new files for every table, synced at commit) takes longer than a new copy.
        # There are no foreign keys to order the deletions by; one added fails here loudly.
        await connection.execute(
            "SET lock_timeout = '10s';"
            + "".join(f"DELETE FROM {name};" for (name,) in tables)
            + "".join(f"ALTER SEQUENCE {name} RESTART;" for (name,) in sequences)
        )
    finally:
        await connection.close()


async def drop_all() -> None:
    """At the end of the session: drop this process's PostgreSQL database."""
    if _postgres:
        await _postgres.pop().__aexit__(None, None, None)
    if _sqlite:
        shutil.rmtree(_sqlite.pop().parent, ignore_errors=True)
