"""Work that one process at a time may do, however many replicas share the database.

On PostgreSQL a session-level advisory lock (held by one pooled connection for the work's
duration, and released by the server if that process dies). On SQLite, which only
processes on one machine can share, an exclusive ``flock`` on a file beside the database
does the same; an in-memory database has one process by definition.

``run_once`` adds a record of what was done (``job_runs``): a lock alone would let a
replica whose clock is a minute late run the monthly FAQ again after the first finished.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import hashlib
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import BigInteger, String, select, text
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.orm import Mapped, mapped_column

from . import sqlite_file
from .models import Base


class Database(Protocol):
    """What a lock needs of the database (``database.Database`` is one): the database
    takes a lock itself while it migrates, so this module does not import it back, not
    even for types (that import is a circle to every reader of the structure)."""

    url: str
    is_sqlite: bool
    engine: AsyncEngine

    @property
    def insert(self) -> Any: ...


_LOCAL: dict[str, asyncio.Lock] = {}


class JobRun(Base):
    """A once-only job done for a period (``monthly-faq`` / ``2026-11``). No data, no user."""

    __tablename__ = "job_runs"

    job: Mapped[str] = mapped_column(String(32), primary_key=True)
    period: Mapped[str] = mapped_column(String(16), primary_key=True)
    # Seconds since the epoch when done: for an operator reading the table, nothing else.
    done_at: Mapped[int] = mapped_column(BigInteger)


def lock_id(name: str) -> int:
    """A stable signed 64-bit key for ``pg_advisory_lock``, per name."""
    digest = hashlib.sha256(f"amicus|{name}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


@contextlib.asynccontextmanager
async def exclusive(db: Database, name: str, wait: bool = True) -> AsyncIterator[bool]:
    """Hold the lock ``name`` across processes; yields False (without waiting) when
    ``wait`` is False and someone else holds it."""
    if not db.is_sqlite:
        async with db.engine.connect() as connection:
            key = {"key": lock_id(name)}
            if wait:
                await connection.execute(text("SELECT pg_advisory_lock(:key)"), key)
                got = True
            else:
                got = bool(
                    (
                        await connection.execute(text("SELECT pg_try_advisory_lock(:key)"), key)
                    ).scalar()
                )
            try:
                yield got
            finally:
                if got:
                    await connection.execute(text("SELECT pg_advisory_unlock(:key)"), key)
        return
    path = _sqlite_file(db)
    if path is None:
        lock = _LOCAL.setdefault(name, asyncio.Lock())
        if not wait and lock.locked():
            yield False
            return
        async with lock:
            yield True
        return
    try:
        descriptor = os.open(f"{path}.{name}.lock", os.O_CREAT | os.O_RDWR, 0o600)
    except OSError:
        # No lock file beside the database: let the database itself say what is wrong
        # (its folder is missing or not writable), as it would without the lock.
        yield True
        return
    try:
        try:
            if wait:
                await asyncio.to_thread(fcntl.flock, descriptor, fcntl.LOCK_EX)
            else:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(descriptor, fcntl.LOCK_UN)
    finally:
        os.close(descriptor)


async def run_once(
    db: Database, job: str, period: str, work: Callable[[], Awaitable[None]]
) -> bool:
    """Do ``work`` for ``period`` unless another replica is doing or has done it.
    True when this process did it. A failure leaves the period undone (and raises)."""
    async with exclusive(db, job, wait=False) as mine:
        if not mine:
            return False
        async with db.engine.connect() as connection:
            done = (
                await connection.execute(
                    select(JobRun.job).where(JobRun.job == job, JobRun.period == period)
                )
            ).first()
        if done is not None:
            return False
        await work()
        async with db.engine.begin() as connection:
            await connection.execute(
                db.insert(JobRun)
                .values(job=job, period=period, done_at=int(time.time()))
                .on_conflict_do_nothing(index_elements=[JobRun.job, JobRun.period])
            )
        return True


def _sqlite_file(db: Database) -> Path | None:
    path = sqlite_file(db.url)
    return None if path is None else path.resolve()
