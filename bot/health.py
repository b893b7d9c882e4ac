"""Is this replica able to serve? The database answering is the whole check: without it
every judge is told "temporarily unavailable". Says yes or no, nothing more."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from storage.database import STORAGE_ERRORS, Database
from storage.models import AdviserTicket

PROBE_TIMEOUT = 3.0  # a health check must answer before the orchestrator's own timeout


async def database_answers(db: Database, timeout: float = PROBE_TIMEOUT) -> bool:
    try:
        await asyncio.wait_for(db.ping(), timeout)
    except (*STORAGE_ERRORS, TimeoutError):
        return False
    return True


async def open_tickets(db: Database) -> int:
    """Questions sent to the advisers and not yet answered (a count, nothing per judge)."""
    async with db.engine.connect() as connection:
        count = await connection.scalar(
            select(func.count())
            .select_from(AdviserTicket)
            .where(AdviserTicket.status.in_(("open", "answering")))
        )
    return int(count or 0)
