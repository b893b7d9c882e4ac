"""Consistency checks of the conversation room's own YAML, for ``amicus lint``."""

from __future__ import annotations

from pathlib import Path

from knowledge import Corpus, DataError, Problem
from knowledge.lexicon import LEXICON_FILE, Lexicon, load_lexicon
from knowledge.validation import display_path, load_model

from .trees import TREES_DIR, Tree, load_trees
from .ui import load_ui
from .understanding.reading import normalise
from .understanding.words import load_words


def check(corpus: Corpus | None) -> list[Problem]:
    """Every problem of ``ui.yaml`` and the trees; cross-checks need a sound ``corpus``."""
    problems: list[Problem] = []
    for load in (load_ui, load_words):
        try:
            load()
        except DataError as exc:
            problems.extend(exc.problems)
    try:
        if corpus is not None:
            trees = load_trees(corpus).trees
            try:
                lexicon = load_lexicon()
            except DataError:
                lexicon = None  # reported by the knowledge room's own check
            problems.extend(_lexicon_problems(trees, lexicon))
            problems.extend(_all_means_problems(trees, lexicon))
        else:  # the corpus is broken: check each tree's own shape only
            for path in sorted(TREES_DIR.glob("*.yaml")):
                load_model(path, Tree)
    except DataError as exc:
        problems.extend(exc.problems)
    return problems


def _all_means_problems(trees: dict[str, Tree], lexicon: Lexicon | None) -> list[Problem]:
    concepts = set(lexicon.concepts) if lexicon is not None else None
    found: list[Problem] = []
    for tree in trees.values():
        found += means_problems(tree, TREES_DIR / f"{tree.id}.yaml", concepts)
    return found


def _lexicon_problems(trees: dict[str, Tree], lexicon: Lexicon | None) -> list[Problem]:
    """The router offers walkthroughs by id: each id it names must exist, each tree be named."""
    if lexicon is None:
        return []
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


def means_problems(tree: Tree, path: Path, concepts: set[str] | None = None) -> list[Problem]:
    """Every option of a question says what it means (issue 12), and no two siblings claim
    the same phrase or concept: a typed message could then never choose between them."""
    shown = display_path(path)
    problems: list[Problem] = []
    for node_id, node in tree.nodes.items():
        claimed: dict[str, int] = {}
        for i, option in enumerate(node.options):
            where = f"nodes.{node_id}.options[{i}].means"
            means = option.means
            if means is None or not (means.en or means.zh or means.concepts):
                problems.append(Problem(shown, where, "no means: a typed message cannot select it"))
                continue
            for concept in means.concepts:
                if concepts is not None and concept not in concepts:
                    problems.append(Problem(shown, where, f"unknown concept {concept!r}"))
            keys = [normalise(p) for p in (*means.en, *means.zh)]
            keys += [f"concept {c}" for c in means.concepts]
            for key in dict.fromkeys(keys):
                other = claimed.setdefault(key, i)
                if other != i:
                    problems.append(
                        Problem(shown, where, f"{key!r} is also claimed by options[{other}]")
                    )
    return problems
