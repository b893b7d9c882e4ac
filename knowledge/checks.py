"""The knowledge room's own checks, for ``amicus lint``."""

from __future__ import annotations

from .corpus import load_corpus
from .lexicon import load_lexicon
from .validation import DataError, Problem


def check() -> list[Problem]:
    """Every problem of the corpus and the lexicon; empty when all is well."""
    problems: list[Problem] = []
    for load in (load_corpus, load_lexicon):
        try:
            load()
        except DataError as exc:
            problems.extend(exc.problems)
    return problems
