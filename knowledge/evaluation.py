"""Measuring the router on a labelled question file (the schema of shared/eval/)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, model_validator

from .router import Router
from .schema import TOPICS, Strict, Text
from .validation import load_model

Topic = Literal[(*TOPICS, "out_of_scope")]  # type: ignore[valid-type]
Number = Annotated[int, Field(ge=1, le=40)]


class LabelledQuestion(Strict):
    id: str
    lang: Literal["zh", "en"]
    text: Text
    gold: list[Number]
    related: list[Number] = Field(default_factory=list)
    topic: Topic

    @model_validator(mode="after")
    def no_number_twice(self) -> LabelledQuestion:
        if len(set(self.gold)) != len(self.gold) or len(set(self.related)) != len(self.related):
            raise ValueError("a guideline number appears twice in gold or in related")
        return self

    @model_validator(mode="after")
    def out_of_scope_topic(self) -> LabelledQuestion:
        if (self.topic == "out_of_scope") != (not self.gold):
            raise ValueError("topic is 'out_of_scope' exactly when gold is []")
        return self


class QuestionFile(Strict):
    version: int
    description: str = ""
    questions: list[LabelledQuestion] = Field(min_length=1)

    @model_validator(mode="after")
    def unique_ids(self) -> QuestionFile:
        seen: set[str] = set()
        twice = [q.id for q in self.questions if q.id in seen or seen.add(q.id)]
        if twice:
            raise ValueError(f"question ids must be unique; repeated: {', '.join(twice)}")
        return self


@dataclass
class Tally:
    in_scope: int = 0
    top1: int = 0
    top3: int = 0
    out_of_scope: int = 0
    flagged: int = 0  # out-of-scope questions flagged as such
    false_flags: int = 0  # in-scope questions wrongly flagged

    def lines(self, name: str) -> list[str]:
        def pct(a: int, b: int) -> str:
            return f"{100 * a / b:5.1f}% ({a}/{b})" if b else "   n/a"

        return [
            f"{name}: top-1 {pct(self.top1, self.in_scope)}  top-3 {pct(self.top3, self.in_scope)}",
            f"{name}: out of scope flagged {pct(self.flagged, self.out_of_scope)}  "
            f"in scope wrongly flagged {pct(self.false_flags, self.in_scope)}",
        ]


@dataclass
class Miss:
    question: LabelledQuestion
    got: list[int]
    flagged: bool


def evaluate(router: Router, path: Path) -> tuple[dict[str, Tally], list[Miss]]:
    questions = load_model(path, QuestionFile).questions
    tallies = {"zh": Tally(), "en": Tally(), "all": Tally()}
    misses: list[Miss] = []
    for q in questions:
        routing = router.route(q.text, q.lang)
        got = [m.guideline for m in routing.matches]
        for tally in (tallies[q.lang], tallies["all"]):
            if q.gold:
                tally.in_scope += 1
                tally.top1 += bool(got) and got[0] in q.gold
                tally.top3 += any(g in q.gold for g in got[:3])
                tally.false_flags += routing.out_of_scope
            else:
                tally.out_of_scope += 1
                tally.flagged += routing.out_of_scope
        hit = (not q.gold and routing.out_of_scope) or (bool(got) and got[0] in q.gold)
        if not hit:
            misses.append(Miss(q, got[:3], routing.out_of_scope))
    return tallies, misses
