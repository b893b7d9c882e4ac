"""Consistency checks of the conversation room's own YAML, for ``amicus lint``."""

from __future__ import annotations

from knowledge import Corpus, DataError, Problem

from .ui import load_ui


def check(corpus: Corpus | None) -> list[Problem]:
    problems: list[Problem] = []
    try:
        load_ui()
    except DataError as exc:
        problems.extend(exc.problems)
    return problems
