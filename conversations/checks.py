"""Consistency checks of the conversation room's own YAML, for ``amicus lint``."""

from __future__ import annotations

from knowledge import Corpus, DataError, Problem
from knowledge.validation import load_model

from .trees import TREES_DIR, Tree, load_trees
from .ui import load_ui


def check(corpus: Corpus | None) -> list[Problem]:
    """Every problem of ``ui.yaml`` and the trees; cross-checks need a sound ``corpus``."""
    problems: list[Problem] = []
    try:
        load_ui()
    except DataError as exc:
        problems.extend(exc.problems)
    try:
        if corpus is not None:
            load_trees(corpus)
        else:  # the corpus is broken: check each tree's own shape only
            for path in sorted(TREES_DIR.glob("*.yaml")):
                load_model(path, Tree)
    except DataError as exc:
        problems.extend(exc.problems)
    return problems
