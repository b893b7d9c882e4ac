"""The small vocabulary of reading a message (``data/understanding.yaml``): negators,
answer words, greetings and thanks, guideline references, split markers."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from pydantic import Field, field_validator

from knowledge.schema import Strict
from knowledge.validation import load_model

WORDS_FILE = Path(__file__).resolve().parent.parent / "data" / "understanding.yaml"


class ByLanguage(Strict):
    en: list[str] = Field(default_factory=list)
    zh: list[str] = Field(default_factory=list)

    def all(self) -> list[str]:
        return [*self.en, *self.zh]


class RightAfter(Strict):
    """Short negators that deny the phrase just before them only when nothing stands between
    and the phrase ends in a place or a possession (我手上没有, 在我这里没有, 我审的不是):
    after a person (律师没有…) they deny what follows instead."""

    zh: list[str] = Field(default_factory=list)
    endings: list[str] = Field(default_factory=list)


class Words(Strict):
    negators: ByLanguage
    negators_after: ByLanguage = Field(default_factory=ByLanguage)
    negators_right_after: RightAfter = Field(default_factory=RightAfter)
    fillers_after: ByLanguage = Field(default_factory=ByLanguage)
    negating_expressions: ByLanguage = Field(default_factory=ByLanguage)
    negative_subjects: ByLanguage = Field(default_factory=ByLanguage)
    # words that open another clause: a negative subject's denial stops there
    subject_stops: ByLanguage = Field(default_factory=ByLanguage)
    not_negating: ByLanguage
    a_not_a: list[str] = Field(default_factory=list)  # Chinese "A not A" question forms
    answer_words: ByLanguage
    confirmations: ByLanguage
    greetings: ByLanguage
    thanks: ByLanguage
    acknowledgements: ByLanguage
    guideline_patterns: list[str] = Field(min_length=1)
    question_words: ByLanguage
    split_markers: ByLanguage
    ethics_words: ByLanguage

    @field_validator("guideline_patterns")
    @classmethod
    def compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"not a regular expression: {pattern!r} ({exc})") from exc
        return patterns


def load_words(path: Path = WORDS_FILE) -> Words:
    return load_model(path, Words)


@cache
def default_words() -> Words:
    return load_words()
