"""Nearest curated texts: a small TF-IDF index over guideline texts, example questions and
walkthrough steps, each of which votes for the guidelines it stands for.

Chinese is indexed by character bigrams (no word segmenter needed, and robust to how a
sentence is cut); English by stemmed words without stop words.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from .textmatch import CJK_RUN as _CJK_RUN
from .textmatch import normalise, stem

_WORD = re.compile(r"[a-z][a-z']+")
_STOP = frozenset(
    (
        "the a an and or of to in on for with is are be was were i my me you your it this that "
        "as at by from if not do does can could should would will have has had about into than "
        "then so but what when who how which there their they them he she his her we our us its "
        "any all some more most other such only own same just also very too am im i'm been being "
        "get got did"
    ).split()
)
TOP_DOCUMENTS = 8


def tokens(text: str) -> list[str]:
    text = normalise(text)
    out = [run[i : i + 2] for run in _CJK_RUN.findall(text) for i in range(len(run) - 1)]
    out += [stem(w) for w in _WORD.findall(text) if w not in _STOP and len(w) > 2]
    return out


@dataclass(frozen=True)
class Document:
    text: str
    votes: dict[int, float]  # guideline -> weight; empty: an out-of-scope example
    kind: str  # "guideline", "example", "walkthrough", "out_of_scope"
    tree: str | None = None  # the walkthrough this text comes from


@dataclass(frozen=True)
class Nearest:
    votes: dict[int, float]  # guideline -> best similarity x weight among the top documents
    out_of_scope: float  # similarity of the nearest out-of-scope example, if among the top
    best: float  # similarity of the nearest document of any kind
    tree: str | None  # the walkthrough of the nearest walkthrough step among the top


def bag(text: str) -> Counter[str]:
    """A text's tokens and how often each occurs: read once per text, for the index and the
    classifier alike."""
    return Counter(tokens(text))


class Index:
    def __init__(self, documents: Iterable[Document], bags: Iterable[Counter[str]]):
        """``bags``: each document's ``bag``, in the same order."""
        self.documents = list(documents)
        counts = list(bags)
        df: Counter = Counter()
        for c in counts:
            df.update(c.keys())
        n = len(self.documents)
        self.idf = {t: math.log(n / d) for t, d in df.items()}
        self._postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i, c in enumerate(counts):
            vector = {t: (1 + math.log(f)) * self.idf[t] for t, f in c.items()}
            norm = math.sqrt(sum(x * x for x in vector.values())) or 1.0
            for t, x in vector.items():
                self._postings[t].append((i, x / norm))
        self._arrays: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def postings(self, token: str) -> tuple[np.ndarray, np.ndarray]:
        """The texts holding ``token`` and its weight in each, as arrays (built on first use,
        so start-up stays quick): a question's scores over two thousand texts are then a few
        array sums, not a Python loop."""
        found = self._arrays.get(token)
        if found is None:
            pairs = self._postings[token]
            texts = np.fromiter((i for i, _ in pairs), dtype=np.intp, count=len(pairs))
            weights = np.fromiter((w for _, w in pairs), dtype=float, count=len(pairs))
            found = self._arrays[token] = (texts, weights)
        return found

    def nearest(self, query: Counter[str]) -> Nearest:
        """The texts nearest a question's ``bag``."""
        vector = {t: (1 + math.log(f)) * self.idf[t] for t, f in query.items() if t in self.idf}
        norm = math.sqrt(sum(x * x for x in vector.values())) or 1.0
        if not vector:
            return Nearest({}, 0.0, 0.0, None)
        held = [self.postings(t) for t in vector]
        texts = np.concatenate([i for i, _ in held])
        weights = np.concatenate(
            [w * (x / norm) for (_, w), x in zip(held, vector.values(), strict=True)]
        )
        scores = np.bincount(texts, weights=weights, minlength=len(self.documents))
        scored = np.unique(texts)
        # The few nearest (ties: the earlier text), without sorting every scored text.
        best = scored[np.argsort(-scores[scored], kind="stable")[:TOP_DOCUMENTS]]
        top = [(int(i), float(scores[i])) for i in best]
        votes: dict[int, float] = defaultdict(float)
        out_of_scope = 0.0
        tree = None
        for i, similarity in top:
            document = self.documents[i]
            tree = tree or document.tree
            if not document.votes:
                out_of_scope = max(out_of_scope, similarity)
            for guideline, weight in document.votes.items():
                votes[guideline] = max(votes[guideline], similarity * weight)
        return Nearest(dict(votes), out_of_scope, top[0][1] if top else 0.0, tree)
