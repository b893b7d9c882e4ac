"""The router's lexicon: how judges phrase each situation, as concepts with weights.

Content lives in ``data/lexicon.yaml``; this module only states its shape and checks it.
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from .schema import Strict
from .textmatch import CJK as _CJK
from .textmatch import normalise
from .validation import DataError, Problem, display_path, load_model

LEXICON_FILE = Path(__file__).resolve().parent / "data" / "lexicon.yaml"
_SYMBOL = re.compile(r"[^\w\s]")  # neither a letter, a digit, a CJK character nor a space

ConceptId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=32)]
Term = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
Weight = Annotated[int, Field(ge=1, le=3)]


class Terms(Strict):
    zh: list[Term] = Field(default_factory=list)
    en: list[Term] = Field(default_factory=list)

    @model_validator(mode="after")
    def not_empty(self) -> Terms:
        if not self.zh and not self.en:
            raise ValueError("needs at least one term in zh or en")
        return self

    @model_validator(mode="after")
    def matchable(self) -> Terms:
        # A term with Chinese characters is matched by their sound: a symbol beside them
        # is ignored, so "@我" would match every sentence that ends in 我.
        for term in (*self.zh, *self.en):
            if _CJK.search(term) and _SYMBOL.search(term):
                raise ValueError(f"{term!r}: a symbol beside Chinese characters is ignored")
        return self


class Pointer(Strict):
    signals: dict[ConceptId, Weight] = Field(min_length=1)
    phrases: Terms | None = None


class Scope(Strict):
    social: list[ConceptId] = Field(min_length=1)
    off_topic: list[ConceptId] = Field(min_length=1)
    # Unmistakably social media (a platform named): keeps a question in scope even when an
    # off-topic concept is present, where mere account words ("password") do not.
    decisive: list[ConceptId] = Field(default_factory=list)
    # The judge's own people: a Chinese term of one of these that belongs to someone else
    # ("被告人的儿子", the defendant's son) is not the judge's family and does not count.
    own_only: list[ConceptId] = Field(default_factory=list)
    # Everyday words that hold a term but mean something else: 快手菜 (a quick dish) holds
    # 快手, the platform. The matcher reads them as no term at all.
    not_terms: list[str] = Field(default_factory=list)
    # Acts on social media (posting, liking, a request, a court's account …): a question
    # naming one is about conduct, whatever point of law it also names.
    conduct: list[ConceptId] = Field(default_factory=list)


class Lexicon(Strict):
    concepts: dict[ConceptId, Terms] = Field(min_length=1)
    guidelines: dict[Annotated[int, Field(ge=1, le=40)], Pointer]
    trees: dict[ConceptId, Pointer]
    scope: Scope

    @cached_property
    def concepts_by_term(self) -> dict[str, list[str]]:
        """Normalised term -> the concepts that hold it, worked out once per lexicon."""
        index: dict[str, list[str]] = {}
        for concept, terms in self.concepts.items():
            for term in (*terms.en, *terms.zh):
                index.setdefault(normalise(term), []).append(concept)
        return index


def load_lexicon(path: Path = LEXICON_FILE) -> Lexicon:
    lexicon = load_model(path, Lexicon)
    shown = display_path(path)
    problems = []
    known = set(lexicon.concepts)

    def check(where: str, ids: list[str]) -> None:
        for concept in ids:
            if concept not in known:
                problems.append(Problem(shown, where, f"unknown concept {concept!r}"))

    for number, pointer in lexicon.guidelines.items():
        check(f"guidelines.{number}.signals", list(pointer.signals))
    for tree_id, pointer in lexicon.trees.items():
        check(f"trees.{tree_id}.signals", list(pointer.signals))
    check("scope.social", lexicon.scope.social)
    check("scope.off_topic", lexicon.scope.off_topic)
    check("scope.decisive", lexicon.scope.decisive)
    check("scope.conduct", lexicon.scope.conduct)
    missing = sorted(set(range(1, 41)) - set(lexicon.guidelines))
    if missing:
        problems.append(
            Problem(
                shown, "guidelines", f"no signals for guideline(s) {', '.join(map(str, missing))}"
            )
        )
    if problems:
        raise DataError(problems)
    return lexicon
