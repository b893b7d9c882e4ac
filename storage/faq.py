"""The monthly anonymised FAQ (guideline 40): counts and question clusters, k-anonymous.

Every figure published rests on at least k distinct askers (AMICUS_FAQ_MIN_ASKERS):
judges are a small population, and "one question in English about pseudonyms" can name
someone. Groups below k are gathered under "other" without a number. And because the cells
of a breakdown add up, a breakdown with a withheld group must not be recoverable by
subtraction from a complete one: when any breakdown withholds something, every breakdown
withholds at least one group and no grand total is printed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from sqlalchemy import select

from .database import Database
from .models import LoggedQuestion

CLUSTER_SIMILARITY = 70.0  # token-set similarity (0-100) to join a cluster
MAX_LEADERS = 300  # clusters per guideline group; the rarest questions beyond that go to "other"


@dataclass(frozen=True)
class Row:
    lang: str
    text: str | None
    guidelines: tuple[int, ...]
    topic: str | None
    answer: str | None
    asker: str


@dataclass
class Figure:
    key: str
    questions: int
    askers: int


@dataclass
class Breakdown:
    name: str
    shown: list[Figure]
    withheld: bool  # some groups are gathered under "other", without a number


@dataclass
class Cluster:
    representative: str
    questions: int
    askers: int
    guidelines: tuple[int, ...]
    lang: str


@dataclass
class Faq:
    month: str
    k: int
    breakdowns: dict[str, Breakdown]
    guidelines: list[Figure]  # overlapping (a question may match several): no sums to protect
    clusters: list[Cluster]
    total: Figure | None  # only when nothing anywhere is withheld
    notes: list[str] = field(default_factory=list)


async def load_month(db: Database, month: str) -> list[Row]:
    query = select(
        LoggedQuestion.lang,
        LoggedQuestion.text,
        LoggedQuestion.guidelines,
        LoggedQuestion.topic,
        LoggedQuestion.answer,
        LoggedQuestion.asker,
    ).where(LoggedQuestion.month == month)
    async with db.engine.connect() as connection:
        result = await connection.stream(query.execution_options(yield_per=10_000))
        return [
            Row(lang, text, tuple(guidelines or ()), topic, answer, asker)
            async for lang, text, guidelines, topic, answer, asker in result
        ]


def build(month: str, rows: Sequence[Row], k: int) -> Faq:
    questions = [r for r in rows if r.text is not None]
    answers = [r for r in rows if r.answer is not None]
    partitions = {
        "topic": _cells(questions, lambda r: r.topic or "general"),
        "language": _cells(questions, lambda r: r.lang),
        "walkthrough": _cells(answers, lambda r: (r.answer or "").split(":")[0]),
    }
    breakdowns = {name: _primary(name, cells, k) for name, cells in partitions.items()}
    if any(b.withheld for b in breakdowns.values() if b.name != "walkthrough"):
        for name in ("topic", "language"):
            breakdowns[name] = _secondary(breakdowns[name])
    complete = not any(b.withheld for b in breakdowns.values())
    total_askers = len({r.asker for r in questions})
    total = (
        Figure("all", len(questions), total_askers)
        if complete and total_askers >= k and questions
        else None
    )
    by_guideline = _cells(((g, r) for r in questions for g in r.guidelines[:1]), lambda x: x[0])
    guideline_figures = sorted(
        (
            Figure(str(key), f.questions, f.askers)
            for key, f in by_guideline.items()
            if f.askers >= k
        ),
        key=lambda f: (-f.questions, int(f.key)),
    )
    return Faq(month, k, breakdowns, guideline_figures, cluster(questions, k), total)


def _cells(items: Iterable, key) -> dict[str, Figure]:
    counts: Counter = Counter()
    askers: dict[str, set[str]] = defaultdict(set)
    for item in items:
        row = item[1] if isinstance(item, tuple) else item
        name = str(key(item))
        counts[name] += 1
        askers[name].add(row.asker)
    return {name: Figure(name, counts[name], len(askers[name])) for name in counts}


def _primary(name: str, cells: dict[str, Figure], k: int) -> Breakdown:
    shown = sorted(
        (f for f in cells.values() if f.askers >= k), key=lambda f: (-f.questions, f.key)
    )
    return Breakdown(name, shown, withheld=len(shown) < len(cells))


def _secondary(breakdown: Breakdown) -> Breakdown:
    if breakdown.withheld or not breakdown.shown:
        return breakdown
    # Complete breakdowns would give away the withheld rest of another by subtraction.
    return Breakdown(breakdown.name, breakdown.shown[:-1], withheld=True)


def cluster(rows: Sequence[Row], k: int) -> list[Cluster]:
    """Similar questions together, per best guideline; clusters of k+ askers are published.

    Identical texts are merged first (most repeat), then each distinct text joins the most
    similar existing cluster leader above CLUSTER_SIMILARITY, or leads a new cluster."""
    groups: dict[tuple[int, ...], list[Row]] = defaultdict(list)
    for row in rows:
        groups[row.guidelines[:1]].append(row)
    published: list[Cluster] = []
    for guideline, members in groups.items():
        by_text: dict[str, list[Row]] = defaultdict(list)
        for row in members:
            by_text[" ".join((row.text or "").split())].append(row)
        leaders: list[str] = []
        clusters: dict[str, list[str]] = {}
        for text in sorted(by_text, key=lambda t: -len(by_text[t])):
            match = (
                process.extractOne(
                    text, leaders, scorer=fuzz.token_set_ratio, score_cutoff=CLUSTER_SIMILARITY
                )
                if leaders
                else None
            )
            if match:
                clusters[match[0]].append(text)
            elif len(leaders) < MAX_LEADERS:
                leaders.append(text)
                clusters[text] = [text]
        for leader, texts in clusters.items():
            rows_in = [r for t in texts for r in by_text[t]]
            askers = len({r.asker for r in rows_in})
            if askers >= k:
                langs = Counter(r.lang for r in rows_in)
                cited = Counter(g for r in rows_in for g in r.guidelines[:3])
                published.append(
                    Cluster(
                        representative=leader,
                        questions=len(rows_in),
                        askers=askers,
                        guidelines=tuple(g for g, _ in cited.most_common(3)) or guideline,
                        lang=langs.most_common(1)[0][0],
                    )
                )
    return sorted(published, key=lambda c: (-c.askers, -c.questions, c.representative))
