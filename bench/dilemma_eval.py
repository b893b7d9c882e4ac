"""Typed dilemmas end to end through the engine: the targets of issue 12, per language.

Run by hand:  .venv/bin/python bench/dilemma_eval.py FILE [--misses]
FILE is a dilemma file (``version: 1``, ``dilemmas: [...]``, schema below). Each dilemma is
typed into a fresh session exactly as a judge would type it (the console and Telegram share
this engine), and the replies are scored:
- complete: answered at once (an answer screen) whose first citation is in gold;
- incomplete: met with a question (not an answer) of a walkthrough one of whose answers
  cites a gold guideline; wrongly assumed steps = answers given to incomplete dilemmas,
  over the steps taken on them;
- followup: after the follow-ups are typed as replies, an answer whose first cite is in gold;
- two_part: the second part is offered with one tap, and both parts reach a walkthrough or
  guidelines that cite their gold;
- out_of_scope: said to be outside the guidelines;
- router: top-1 / top-3 on the texts with gold (two_part: either part's), out of scope flagged.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, model_validator

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from conversations import Choose, Engine, FreeText, Session, tokens  # noqa: E402
from conversations.dilemmas import CHANGE, MATCHES, WALK  # noqa: E402
from knowledge import DataError  # noqa: E402
from knowledge.schema import Strict  # noqa: E402
from knowledge.validation import load_model  # noqa: E402

Number = Annotated[int, Field(ge=1, le=40)]


class Part(Strict):
    gold: list[Number] = Field(min_length=1)
    related: list[Number] = Field(default_factory=list)  # never counted, as at the top level


class Dilemma(Strict):
    id: str
    lang: Literal["en", "zh"]
    kind: Literal["complete", "incomplete", "followup", "two_part", "out_of_scope"]
    text: str = Field(min_length=1)
    gold: list[Number] = Field(default_factory=list)
    related: list[Number] = Field(default_factory=list)
    missing: str | None = None
    followups: list[str] = Field(default_factory=list)
    parts: list[Part] = Field(default_factory=list)

    @model_validator(mode="after")
    def fits_its_kind(self) -> Dilemma:
        if self.kind == "followup" and not self.followups:
            raise ValueError("a followup dilemma needs followups")
        if self.kind == "two_part" and len(self.parts) != 2:
            raise ValueError("a two_part dilemma needs exactly two parts")
        if self.kind in ("complete", "incomplete", "followup") and not self.gold:
            raise ValueError(f"a {self.kind} dilemma needs gold")
        if self.kind == "out_of_scope" and (self.gold or self.parts):
            raise ValueError("an out_of_scope dilemma has no gold")
        return self


class DilemmaFile(Strict):
    version: Literal[1]
    description: str = ""
    dilemmas: list[Dilemma] = Field(min_length=1)


class Scorer:
    def __init__(self, engine: Engine):
        self.engine = engine
        self.trees = engine.trees.trees
        self.tally: dict[str, dict[str, list[int]]] = defaultdict(
            lambda: defaultdict(lambda: [0, 0])
        )
        self.misses: list[str] = []

    def count(self, lang: str, name: str, ok: bool, item: Dilemma, detail: str = "") -> None:
        for key in (lang, "all"):
            self.tally[key][name][0] += int(ok)
            self.tally[key][name][1] += 1
        if not ok:
            self.misses.append(f"miss {item.id} [{item.lang}] {name}: {detail}")

    def node(self, screen: str):
        """(tree, node id, node) of a walkthrough screen; Nones for any other screen."""
        found = tokens.parse_node(screen)
        if found is None or found[0] not in self.trees:
            return None, None, None
        tree = self.trees[found[0]]
        return tree, found[1], tree.nodes.get(found[1])

    def reachable_cites(self, tree, node_id: str) -> set[int]:
        return {n for answer in tree.answers_below(node_id) for n in answer.cites}

    def typed(self, session: Session, text: str):
        return self.engine.handle(session, FreeText(text))

    def score(self, item: Dilemma) -> None:
        session = Session(lang=item.lang)
        session, reply = self.typed(session, item.text)
        tree, node_id, node = self.node(reply.screen)
        answered = node is not None and node.is_answer
        shown = f"{reply.screen} cites {list(reply.citations)}"
        if item.kind == "complete":
            ok = answered and bool(reply.citations) and reply.citations[0] in item.gold
            self.count(item.lang, "complete answered, first cite in gold", ok, item, shown)
        elif item.kind == "incomplete":
            asked = node is not None and not node.is_answer
            ok = asked and bool(self.reachable_cites(tree, node_id) & set(item.gold))
            self.count(item.lang, "incomplete met with the deciding question", ok, item, shown)
            steps = sum(1 for o in reply.options if o.token.startswith(CHANGE))
            for key in (item.lang, "all"):
                self.tally[key]["steps taken on incomplete"][1] += steps
                self.tally[key]["answers given to incomplete"][1] += 1
                self.tally[key]["answers given to incomplete"][0] += int(answered)
        elif item.kind == "followup":
            for text in item.followups:
                session, reply = self.typed(session, text)
            tree, node_id, node = self.node(reply.screen)
            # The answer the walk stands on (a brief notice at it carries no citations).
            ok = node is not None and node.is_answer and node.cites[0] in item.gold
            self.count(item.lang, "followup carried to the answer", ok, item, f"{reply.screen}")
        elif item.kind == "two_part":
            offers = [o for o in reply.options if o.token.startswith((WALK, MATCHES))]
            first = self.covers(reply, item.parts[0].gold)
            second = False
            if offers:
                _, after = self.engine.handle(session, Choose(offers[0].token))
                second = self.covers(after, item.parts[1].gold)
            detail = f"first {first} offer {bool(offers)} second {second}"
            self.count(item.lang, "two-part: both taken up", first and second, item, detail)
        else:
            ok = reply.title == self.engine.ui.out_of_scope_title(item.lang)
            self.count(item.lang, "out of scope said plainly", ok, item, shown)

    def covers(self, reply, gold: list[int]) -> bool:
        tree, node_id, node = self.node(reply.screen)
        # Guidelines shown while the session still stands on a walk's node (a second dilemma
        # taken up as matches) are what the judge reads, not that node: a walk's own screen
        # cites its answer's guidelines, or none at a question.
        own = tuple(node.cites) if node is not None and node.is_answer else ()
        if node is not None and tuple(reply.citations) == own:
            return bool(self.reachable_cites(tree, node_id) & set(gold))
        return bool(set(reply.citations[:3]) & set(gold))

    def route(self, item: Dilemma) -> None:
        routing = self.engine.router.route(item.text)
        got = [m.guideline for m in routing.matches]
        if item.kind == "out_of_scope":
            self.count(
                item.lang, "router: out of scope flagged", routing.out_of_scope, item, str(got)
            )
            return
        gold = set(item.gold) | {g for p in item.parts for g in p.gold}
        self.count(item.lang, "router top-1", bool(got[:1] and got[0] in gold), item, str(got))
        self.count(item.lang, "router top-3", bool(set(got[:3]) & gold), item, str(got))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--misses", action="store_true", help="list what was missed")
    args = parser.parse_args(argv)
    if not args.file.is_file():
        print(f"dilemma_eval: no such file: {args.file}", file=sys.stderr)
        return 2
    try:
        data = load_model(args.file, DilemmaFile)
    except DataError as exc:
        print(f"dilemma_eval: {args.file} is not a dilemma file:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    scorer = Scorer(Engine())
    for item in data.dilemmas:
        scorer.score(item)
        scorer.route(item)
    for lang in ("en", "zh", "all"):
        for name, (hit, total) in sorted(scorer.tally[lang].items()):
            if name.startswith("steps") or name.startswith("answers given"):
                continue
            print(f"{lang:3} {name:45} {hit:3}/{total:<3} {100 * hit / total:5.1f}%")
        given, items = scorer.tally[lang]["answers given to incomplete"]
        steps = scorer.tally[lang]["steps taken on incomplete"][1]
        if items:
            rate = 100 * given / steps if steps else 0.0
            name = "wrongly assumed steps (answers/steps taken)"
            print(f"{lang:3} {name:45} {given:3}/{steps:<3} {rate:5.1f}%")
    if args.misses:
        print("\n".join(scorer.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
