"""What making an erasure reach the disk costs: /forget with Database.scrub().

Run by hand:  .venv/bin/python bench/erasure_bench.py [--rows 200000] [--database URL]

Fills a fresh database (a temporary PostgreSQL database on 127.0.0.1 by default; a
SQLite URL works too) with ``--rows`` logged questions over 24 months from 5,000
askers, plus sessions, then times, per erasure, the deletion of one judge's rows and
the scrub that follows (a VACUUM of the erasable tables on PostgreSQL, a WAL checkpoint
on SQLite). Prints the median and the worst of ``--repeat`` erasures.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import secrets
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

SECRET = secrets.token_hex(32).encode()


async def fill(db, rows: int) -> None:
    from sqlalchemy import insert

    from storage.models import ChatSession, LoggedQuestion
    from storage.questionlog import QuestionLog, months_before, this_month
    from storage.sessions import SessionStore

    log, sessions = QuestionLog(db, SECRET), SessionStore(db, SECRET)
    month = this_month()
    batch = []
    for n in range(rows):
        asker = n % 5000
        m = months_before(month, n % 24)
        batch.append(
            {
                "month": m,
                "lang": "en",
                "text": f"a lawyer in my case {n} sent me a friend request on a platform",
                "guidelines": [30, 28],
                "topic": "friend_request",
                "answer": None,
                "asker": log.asker(m, asker),
            }
        )
        if len(batch) == 5000:
            async with db.engine.begin() as connection:
                await connection.execute(insert(LoggedQuestion), batch)
            batch = []
    today = dt.date.today()
    async with db.engine.begin() as connection:
        await connection.execute(
            insert(ChatSession),
            [
                {"key": sessions.key(a), "state": {"lang": "en"}, "touched_on": today, "version": 1}
                for a in range(5000)
            ],
        )


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--database", default=None)
    args = parser.parse_args()

    from storage.database import Database
    from storage.questionlog import QuestionLog
    from storage.sessions import SessionStore
    from storage.tickets import TicketStore

    temporary = None
    url = args.database
    if url is None:
        from postgres import TemporaryDatabase

        temporary = TemporaryDatabase()
        await temporary.__aenter__()
        url = temporary.url
    db = Database(url)
    try:
        await db.upgrade()
        await fill(db, args.rows)
        await db.scrub()  # start from a clean slate: the fill's own dead tuples gone
        deleting, scrubbing = [], []
        for judge in range(args.repeat):
            start = time.perf_counter()
            await SessionStore(db, SECRET).forget(judge)
            await TicketStore(db, SECRET).forget(judge)
            await QuestionLog(db, SECRET).forget(judge)
            middle = time.perf_counter()
            await db.scrub()
            deleting.append(middle - start)
            scrubbing.append(time.perf_counter() - middle)
        backend = "SQLite" if db.is_sqlite else "PostgreSQL"
        print(f"{backend}, {args.rows:,} logged questions, {args.repeat} erasures:")
        for name, times in (("delete", deleting), ("scrub", scrubbing)):
            print(
                f"  {name:6} median {statistics.median(times) * 1000:7.1f} ms, "
                f"worst {max(times) * 1000:7.1f} ms"
            )
    finally:
        await db.close()
        if temporary is not None:
            await temporary.__aexit__(None, None, None)


if __name__ == "__main__":
    asyncio.run(main())
