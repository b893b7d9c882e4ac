"""Consistency checks of the conversation room's own YAML, for ``amicus lint``."""

from __future__ import annotations

from knowledge import Corpus, DataError, Problem
from knowledge.lexicon import LEXICON_FILE, load_lexicon
from knowledge.validation import display_path, load_model

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
            trees = load_trees(corpus).trees
            problems.extend(_lexicon_problems(trees))
        else:  # the corpus is broken: check each tree's own shape only
            for path in sorted(TREES_DIR.glob("*.yaml")):
                load_model(path, Tree)
    except DataError as exc:
        problems.extend(exc.problems)
    return problems


def _lexicon_problems(trees: dict[str, Tree]) -> list[Problem]:
    """The router offers walkthroughs by id: each id it names must exist, each tree be named."""
    try:
        lexicon = load_lexicon()
    except DataError:
        return []  # reported by the knowledge room's own check
    shown = display_path(LEXICON_FILE)
    problems = [
        Problem(shown, f"trees.{tree_id}", "no such walkthrough")
        for tree_id in lexicon.trees
        if tree_id not in trees
    ]
    problems += [
        Problem(shown, "trees", f"walkthrough {tree_id!r} has no signals, so it is never offered")
        for tree_id in trees
        if tree_id not in lexicon.trees
    ]
    return problems
