"""The monthly anonymised FAQ (guideline 40): counts and question clusters, k-anonymous.

Every figure published rests on at least k distinct askers (AMICUS_FAQ_MIN_ASKERS):
judges are a small population, and "one question in English about pseudonyms" can name
someone. Groups below k are gathered under "other" without a number. Because the cells of
a breakdown add up (topic, language and best guideline each split the same questions), a
withheld group must not be recoverable by subtraction from a complete breakdown: when any
of them withholds something, each withholds at least one group and no total is printed.
Clusters publish no counts at all (they would add up within a guideline), and a cluster's
question is quoted only when at least k askers wrote it in the same words, so that no
single judge's particulars are published as "the question"; and it is quoted in its
canonical form (the one the comparison uses), never in one asker's spelling of it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlalchemy import select

from .database import Database
from .models import LoggedQuestion

CLUSTER_SIMILARITY = 70.0  # token-sort similarity (0-100) to join a cluster
# A wording, as compared: redaction placeholders ([NAME], [电话] …) and runs of letters or
# digits; case, punctuation, symbols and emoji do not count.
_WORD = re.compile(r"\[[^\[\]\s]{1,24}\]|[^\W_]+")
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
    representative: str | None  # None: no wording shared by k askers; show the topic instead
    questions: int  # internal (ordering); never published
    askers: int  # internal (ordering); never published
    guidelines: tuple[int, ...]  # each cited for at least k of the cluster's askers
    lang: str


@dataclass
class Faq:
    month: str
    k: int
    breakdowns: dict[str, Breakdown]  # topic, language, guideline, walkthrough
    clusters: list[Cluster]
    total: Figure | None  # only when nothing anywhere is withheld


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
    # Every typed question counts, including those kept without words (out of scope);
    # only worded ones can be clustered and quoted.
    questions = [r for r in rows if r.answer is None]
    answers = [r for r in rows if r.answer is not None]
    partitions = {
        "topic": _cells(questions, lambda r: r.topic or "general"),
        "language": _cells(questions, lambda r: r.lang),
        "guideline": _cells(questions, lambda r: r.guidelines[0] if r.guidelines else "none"),
        "walkthrough": _cells(answers, lambda r: (r.answer or "").split(":")[0]),
    }
    breakdowns = {name: _primary(name, cells, k) for name, cells in partitions.items()}
    same_questions = ("topic", "language", "guideline")
    if any(breakdowns[name].withheld for name in same_questions):
        for name in same_questions:
            breakdowns[name] = _secondary(breakdowns[name])
    complete = not any(b.withheld for b in breakdowns.values())
    total_askers = len({r.asker for r in questions})
    total = (
        Figure("all", len(questions), total_askers)
        if complete and total_askers >= k and questions
        else None
    )
    worded = [r for r in questions if r.text is not None]
    return Faq(month, k, breakdowns, cluster(worded, k), total)


def _cells(rows: Iterable[Row], key) -> dict[str, Figure]:
    counts: Counter = Counter()
    askers: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        name = str(key(row))
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
        # Compared, and quoted, in canonical form: "MAY I …?!" and "may i …" are one wording.
        forms: dict[str, str] = {}
        by_text: dict[str, list[Row]] = defaultdict(list)
        for row in members:
            raw = row.text or ""
            form = forms.get(raw)
            if form is None:
                form = forms[raw] = canonical(raw)
            by_text[form].append(row)
        leaders: list[str] = []
        clusters: dict[str, list[str]] = {}
        for text in sorted(by_text, key=lambda t: (-len(by_text[t]), t)):
            match = (
                # token_sort, not token_set: a question whose words contain another's is
                # not thereby the same question.
                process.extractOne(
                    text, leaders, scorer=fuzz.token_sort_ratio, score_cutoff=CLUSTER_SIMILARITY
                )
                if leaders
                else None
            )
            if match:
                clusters[match[0]].append(text)
            elif len(leaders) < MAX_LEADERS:
                leaders.append(text)
                clusters[text] = [text]
        for texts in clusters.values():
            rows_in = [r for t in texts for r in by_text[t]]
            askers = len({r.asker for r in rows_in})
            if askers < k:
                continue
            langs = Counter(r.lang for r in rows_in)
            citing: dict[int, set[str]] = defaultdict(set)
            for r in rows_in:
                for g in r.guidelines[:3]:
                    citing[g].add(r.asker)
            # The group's own guideline first: it names the cluster when no wording is quoted.
            shared = sorted(
                (g for g, who in citing.items() if len(who) >= k),
                key=lambda g: (g not in guideline, -len(citing[g]), g),
            )
            published.append(
                Cluster(
                    representative=_shared_wording(texts, by_text, k),
                    questions=len(rows_in),
                    askers=askers,
                    guidelines=tuple(shared[:3]) or guideline,
                    lang=langs.most_common(1)[0][0],
                )
            )
    return sorted(published, key=lambda c: (-c.askers, -c.questions, c.representative or ""))


def canonical(text: str) -> str:
    """The wording as the comparison sees it, and as the FAQ quotes it: words casefolded and
    joined by single spaces, placeholders in capitals. Quoting the most repeated variant
    symbol for symbol would publish one judge's own spelling, emoji or punctuation."""
    words = []
    for token in _WORD.findall(text):
        token = token.casefold()
        words.append(token.upper() if token.startswith("[") else token)
    return " ".join(words)


def _shared_wording(texts: list[str], by_text: dict[str, list[Row]], k: int) -> str | None:
    """The canonical wording that most askers used, if at least k used it word for word
    (case and punctuation aside). Nearly the same is not enough: one judge's single
    distinguishing word ("the only maritime judge") is a small edit away from everyone
    else's question."""
    askers = {text: {r.asker for r in by_text[text]} for text in texts if text}
    key = max(sorted(askers), key=lambda k_: len(askers[k_]), default=None)
    return key if key is not None and len(askers[key]) >= k else None
