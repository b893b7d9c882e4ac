"""A month's FAQ, frozen once the month has ended; and the trend of the months before it.

/forget and "Don't keep it" delete rows of ended months too. Were the FAQ rebuilt from the
rows at every export, two exports of one month, before and after a judge's erasure, would
show that judge's questions by difference. So the first export of an ended month stores its
aggregates (which already obey k) and every later export returns exactly them; the judge's
rows are still erased. A digest is frozen per k: the office may raise k for later months.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass

from sqlalchemy import Integer, String, Text, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from .database import Database
from .faq import Breakdown, Cluster, Faq, Figure, build, load_month
from .models import Base, LoggedQuestion
from .questionlog import months_before, this_month

TREND_MONTHS = 12


class FrozenDigest(Base):
    """One ended month's published figures, as JSON: no row, no asker, nothing below k."""

    __tablename__ = "faq_digests"

    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    min_askers: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[str] = mapped_column(Text)


@dataclass(frozen=True)
class TrendMonth:
    month: str
    faq: Faq | None  # None: nothing was kept that month


async def digest(db: Database, month: str, k: int) -> Faq:
    """The month's FAQ as first exported; built and frozen now if this is the first time."""
    if month >= this_month():
        raise ValueError(f"{month} has not ended: only an ended month's FAQ can be frozen")
    frozen = await _read(db, [month], k)
    if month in frozen:
        return frozen[month]
    # Clustering is CPU work: off the event loop, so no judge waits behind the export.
    faq = await asyncio.to_thread(build, month, await load_month(db, month), k)
    return await _freeze(db, faq)


async def trend(db: Database, month: str, k: int, months: int = TREND_MONTHS) -> list[TrendMonth]:
    """The frozen digests of ``month`` and the months before it, oldest first; a month
    with rows but no digest yet is frozen now, so a trend never changes once shown."""
    wanted = [months_before(month, i) for i in range(months - 1, -1, -1)]
    frozen = await _read(db, wanted, k)
    async with db.engine.connect() as connection:
        kept = set(
            await connection.scalars(
                select(LoggedQuestion.month)
                .where(LoggedQuestion.month.in_([m for m in wanted if m not in frozen]))
                .distinct()
            )
        )
    out = []
    for m in wanted:
        if m not in frozen and m in kept:
            frozen[m] = await digest(db, m, k)
        out.append(TrendMonth(m, frozen.get(m)))
    return out


async def _read(db: Database, months: list[str], k: int) -> dict[str, Faq]:
    query = select(FrozenDigest.month, FrozenDigest.data).where(
        FrozenDigest.month.in_(months), FrozenDigest.min_askers == k
    )
    async with db.engine.connect() as connection:
        return {m: from_data(json.loads(data)) for m, data in await connection.execute(query)}


async def _freeze(db: Database, faq: Faq) -> Faq:
    try:
        async with db.sessions.begin() as session:
            session.add(
                FrozenDigest(month=faq.month, min_askers=faq.k, data=json.dumps(to_data(faq)))
            )
    except IntegrityError:  # another process froze it first: theirs is the digest
        return (await _read(db, [faq.month], faq.k))[faq.month]
    # What later exports will read back, so that the first export is the same as they are.
    return from_data(to_data(faq))


def to_data(faq: Faq) -> dict:
    return {
        "month": faq.month,
        "k": faq.k,
        "total": _figure(faq.total) if faq.total else None,
        "breakdowns": {
            name: {"shown": [_figure(f) for f in b.shown], "withheld": b.withheld}
            for name, b in faq.breakdowns.items()
        },
        # Every cluster rests on k askers or more; their order is what the office sees.
        "clusters": [
            {
                "representative": c.representative,
                "questions": c.questions,
                "askers": c.askers,
                "guidelines": list(c.guidelines),
                "lang": c.lang,
            }
            for c in faq.clusters
        ],
    }


def from_data(data: dict) -> Faq:
    return Faq(
        month=data["month"],
        k=data["k"],
        breakdowns={
            name: Breakdown(name, [Figure(**f) for f in b["shown"]], b["withheld"])
            for name, b in data["breakdowns"].items()
        },
        clusters=[
            Cluster(
                representative=c["representative"],
                questions=c["questions"],
                askers=c["askers"],
                guidelines=tuple(c["guidelines"]),
                lang=c["lang"],
            )
            for c in data["clusters"]
        ],
        total=Figure(**data["total"]) if data["total"] else None,
    )


def _figure(f: Figure) -> dict:
    return {"key": f.key, "questions": f.questions, "askers": f.askers}
