"""Which guideline a question is most like, learnt from the curated texts: a naive Bayes
classifier over the same tokens as the nearest-text index (``similarity.tokens``).

The nearest-text index asks which few texts are closest; this asks which guideline's texts,
taken together, use the question's words most. It carries words that no single example
shares with the question but that several of a guideline's examples do, which is how a new
author's wording most often differs. It is trained at start-up from the documents the router
already holds (guideline texts, example questions, out-of-scope examples), so there is no
model file to keep in step with the YAML.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable

from .similarity import Document

OUT_OF_SCOPE = 0  # the class of the out-of-scope examples
ALPHA = 0.3  # additive smoothing of word counts
TEMPERATURE = 3.0  # flattens the posterior: naive Bayes is overconfident on long texts


class NaiveBayes:
    def __init__(
        self, documents: Iterable[Document], bags: Iterable[Counter[str]], alpha: float = ALPHA
    ):
        """``bags``: each document's ``similarity.bag``, in the same order."""
        counts: dict[int, Counter[str]] = defaultdict(Counter)
        for document, words in zip(documents, bags, strict=True):
            if document.kind == "walkthrough":
                continue  # a step stands for its walkthrough, not for one guideline
            counts[_first(document.votes)].update(words.keys())
        vocabulary = {t for c in counts.values() for t in c}
        self.classes = sorted(counts)
        # log P(token | class) = unseen[class] + lift[token][class]: the sum over a question's
        # tokens is then one pass over the tokens it shares with some class.
        self._unseen: dict[int, float] = {}
        self._lift: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for label in self.classes:
            total = sum(counts[label].values()) + alpha * len(vocabulary)
            self._unseen[label] = math.log(alpha / total)
            for token, n in counts[label].items():
                self._lift[token].append((label, math.log((n + alpha) / alpha)))

    def posterior(self, query: Counter[str]) -> dict[int, float]:
        """P(class | a question's ``bag``) for every class, {} for no known word. Classes are
        equally likely beforehand (no prior): how many examples a guideline has is the
        editors' effort, not how often judges ask about it. ``OUT_OF_SCOPE`` is a class so
        that words of leave and pay do not count for a guideline; the router does not read
        its share."""
        known = [t for t in query if t in self._lift]
        if not known:
            return {}
        log = {label: len(known) * self._unseen[label] for label in self.classes}
        for token in known:
            for label, lift in self._lift[token]:
                log[label] += lift
        top = max(log.values())
        weights = {c: math.exp((v - top) / TEMPERATURE) for c, v in log.items()}
        total = sum(weights.values())
        return {c: w / total for c, w in weights.items()}


def _first(votes: dict[int, float]) -> int:
    """The guideline a document stands for first (its highest vote); out of scope if none."""
    return max(votes, key=lambda n: (votes[n], -n)) if votes else OUT_OF_SCOPE
