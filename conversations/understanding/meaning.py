"""Reading an option by meaning, when none of its phrases occurs in the message.

Phrases generalise poorly: "the cases I handle" is not "my cases", "the attorney for the
respondent" is not "lawyer in my case". So each option also has a *profile*: the senses of
the words of its phrases and label ("attorney", "counsel" and "lawyer" are one sense, by
``data/senses.yaml``). Words outside that vocabulary say nothing here: read loosely, a
message's chance words ("next week", "assigned") decided steps nobody had stated. A
message selects an option by meaning when the senses it says,
not negated, belong to that option far more than to its siblings: each sense counts by its
share among the siblings that hold it (a sense all of them hold says nothing), times how
rare it is across all the trees (a sense in every second option says little anywhere).
Anything less clear leaves the question open: Amicus asks rather than guesses.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import Field

from knowledge.schema import Strict
from knowledge.validation import load_model

from .reading import Text, normalise, words_of
from .words import ByLanguage

SENSES_FILE = Path(__file__).resolve().parent.parent / "data" / "senses.yaml"
MIN_SCORE = 1.5  # evidence an option needs: about one rare sense, or two common ones
LEAD = 2.0  # how many times the runner-up's evidence the chosen option needs


class SenseFile(Strict):
    senses: dict[str, ByLanguage] = Field(min_length=1)


class Senses:
    """The vocabulary of meanings, ready for lookups."""

    def __init__(self, data: SenseFile):
        self.en: dict[tuple[str, ...], str] = {}
        zh: dict[str, str] = {}
        for sense, terms in data.senses.items():
            for term in terms.en:
                self.en.setdefault(tuple(w for _, _, w in words_of(normalise(term))), sense)
            for term in terms.zh:
                zh.setdefault(normalise(term), sense)
        self.zh = zh
        self._zh_terms = re.compile(
            "|".join(re.escape(t) for t in sorted(zh, key=len, reverse=True)) or "(?!)"
        )
        self.longest_en = max((len(k) for k in self.en), default=1)

    def of(self, text: Text) -> tuple[frozenset[str], frozenset[str]]:
        """The senses a message says, and those it says only negated."""
        said: set[str] = set()
        denied: set[str] = set()
        for sense, negated in (*self._english(text), *self._chinese(text)):
            if negated is None:
                continue  # denied by a negative subject only: neither said nor denied
            (denied if negated else said).add(sense)
        return frozenset(said), frozenset(denied - said)

    def profile(self, phrases: Iterable[str]) -> Counter[str]:
        """How often each sense occurs in an option's phrases (negation is not read there:
        "no case pending" *is* the option's meaning)."""
        counts: Counter[str] = Counter()
        for raw in phrases:
            text = normalise(raw)
            stems = [w for _, _, w in words_of(text)]
            found = {sense for sense, _, _ in self._english_at(stems)}
            found |= {self.zh[m.group(0)] for m in self._zh_terms.finditer(text)}
            counts.update(found)
        return counts

    def _english(self, text: Text) -> Iterable[tuple[str, bool | None]]:
        for sense, i, size in self._english_at(text.stems):
            last = i + size - 1
            negated = text.negated_word(i, last)
            yield sense, (None if negated and not text.negated_word(i, last, False) else negated)

    def _english_at(self, stems: list[str]) -> Iterable[tuple[str, int, int]]:
        """Each sense the words name, longest wording first, with the word it starts at and
        how many words it takes."""
        i = 0
        while i < len(stems):
            for size in range(min(self.longest_en, len(stems) - i), 0, -1):
                sense = self.en.get(tuple(stems[i : i + size]))
                if sense is not None:
                    yield sense, i, size
                    i += size
                    break
            else:
                i += 1

    def _chinese(self, text: Text) -> Iterable[tuple[str, bool | None]]:
        # One scan, the longest term first at each place: 被告人 before 被告.
        for found in self._zh_terms.finditer(text.text):
            at, end = found.start(), found.end()
            negated = text.negated_char(at, end)
            subject_only = negated and not text.negated_char(at, end, False)
            yield self.zh[found.group(0)], (None if subject_only else negated)


def load_senses(path: Path = SENSES_FILE) -> Senses:
    return Senses(load_model(path, SenseFile))


@cache
def default_senses() -> Senses:
    return load_senses()


@dataclass(frozen=True)
class MeaningReader:
    """One question's options as weighted senses: sense -> weight, per option."""

    weights: tuple[dict[str, float], ...]
    yes_or_no: bool = False
    # options that say something is not so ("No, but it's about work"): a negative fact must
    # be said, never inferred from what a message happens to mention
    denying: frozenset[int] = frozenset()
    # per option, the senses of its label: what the option *is*, as against the words of
    # its examples (a screening question's exception is hinted at only through these)
    cores: tuple[frozenset[str], ...] = ()

    @classmethod
    def of(
        cls,
        profiles: list[Counter[str]],
        rarity: dict[str, float],
        yes_or_no: bool = False,
        denying: frozenset[int] = frozenset(),
        cores: tuple[frozenset[str], ...] = (),
    ) -> MeaningReader:
        totals: Counter[str] = Counter()
        for profile in profiles:
            totals.update(profile)
        # A sense's share among the siblings that hold it: held by one option only, it
        # speaks for that option fully; held by all alike, it never decides alone.
        weights = [
            {s: rarity.get(s, 1.0) * n / totals[s] for s, n in profile.items()}
            for profile in profiles
        ]
        return cls(tuple(weights), yes_or_no, denying, cores)

    def choose(self, said: frozenset[str], denied: frozenset[str], spent: set[str]) -> int | None:
        """The option the senses select, or None. ``spent``: senses that already decided an
        earlier step of this walk (one word, one fact: "a judgment" says the case is
        decided, not also that it is final and that the judge wants to answer criticism);
        the senses that decide this step are added to it."""
        said = said - spent
        scores = [self._score(w, said) for w in self.weights]
        best = max(range(len(scores)), key=scores.__getitem__)
        runner = max(s for i, s in enumerate(scores) if i != best)
        if scores[best] >= MIN_SCORE and scores[best] >= LEAD * runner and best not in self.denying:
            spent.update(s for s in said if s in self.weights[best])
            return best
        if self.yes_or_no and not any(scores):
            # "the lawyer has no case before me": the one option whose senses are denied
            # chooses the other.
            against = [self._score(w, denied - spent) for w in self.weights]
            for chosen, denied_one in ((1, 0), (0, 1)):
                if against[denied_one] >= MIN_SCORE and not against[chosen]:
                    spent.update(s for s in denied if s in self.weights[denied_one])
                    return chosen
        return None

    def leans(self, said: frozenset[str], away_from: int, gate: bool = True) -> bool:
        """Whether the senses said speak for an option other than ``away_from`` more than
        for it: too little, perhaps, to choose that option, enough not to assume the other.
        They must touch what that option is (a sense of its label): "I was a defence lawyer
        before my appointment" shares a word with "a lawyer in my case raised them", yet
        says nothing of a case before the judge now. ``gate`` False: any option may be
        leant to (senses said apart from the words that decided the later steps)."""
        usual = self._score(self.weights[away_from], said)
        return any(
            (score := self._score(w, said)) >= MIN_SCORE
            and score > usual
            and (not gate or not self.cores or not self.cores[i] or bool(said & self.cores[i]))
            for i, w in enumerate(self.weights)
            if i != away_from
        )

    @staticmethod
    def _score(weights: dict[str, float], said: frozenset[str]) -> float:
        return sum(weights.get(s, 0.0) for s in said)


def rarity(profiles: Iterable[Counter[str]]) -> dict[str, float]:
    """How rare each sense is across every option of every tree (an inverse document
    frequency, at most about 3): common senses count for less."""
    profiles = list(profiles)
    df: Counter[str] = Counter()
    for profile in profiles:
        df.update(profile.keys())
    n = len(profiles)
    return {s: min(3.0, math.log(n / d)) for s, d in df.items()}


__all__ = ["MeaningReader", "Senses", "default_senses", "load_senses", "rarity"]
