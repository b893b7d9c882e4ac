"""Decision trees: the guided walkthroughs, one YAML file each under ``trees/``.

A node is a question (``ask`` + ``options``) or an answer (``advice`` + ``cites``). The
schema checks each file; ``tree_problems`` checks what a schema cannot: every node
reachable, no dangling ``next``, no cycle, citations that exist, tokens that fit in a
Telegram button's 64 bytes of callback data.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Annotated, Any, ClassVar

from pydantic import Discriminator, Field, StringConstraints, Tag, model_validator

from knowledge import Corpus, DataError, Problem, default_corpus
from knowledge.schema import TOPICS, Bilingual, ShortBilingual, Strict
from knowledge.validation import display_path, load_model

from . import tokens
from .tokens import TOKEN_MAX_BYTES

TREES_DIR = Path(__file__).resolve().parent / "trees"
TREE_ID_MAX = 16
NODE_ID_MAX = 12

TreeId = Annotated[str, StringConstraints(pattern=rf"^{tokens.ID}$", max_length=TREE_ID_MAX)]
NodeId = Annotated[str, StringConstraints(pattern=rf"^{tokens.ID}$", max_length=NODE_ID_MAX)]


class OptionMeaning(Strict):
    """What an option means in a judge's own words: how a typed message selects it."""

    en: list[str] = Field(default_factory=list)
    zh: list[str] = Field(default_factory=list)
    concepts: list[str] = Field(default_factory=list)
    # Whether a lexicon concept that shares its phrases lends it its other words; false where
    # such a concept is broader than the option ("years ago" is no fact of appointment).
    borrows: bool = True


class TreeOption(Strict):
    label: ShortBilingual
    next: NodeId
    means: OptionMeaning | None = None


class Usual(Strict):
    """A screening question's ordinary case: the option a typed dilemma that says nothing of
    the question goes on by, and how the reply states that assumption."""

    option: Annotated[int, Field(ge=0, le=5)]
    label: ShortBilingual  # the step as understood ("Not under complaint"): "No, neither" is not
    note: Bilingual  # "nothing is already under complaint…": completes "I take it that …"


QUESTION_FIELDS = ("ask", "why", "options", "usual")
ANSWER_FIELDS = ("advice", "cites", "tips", "first_step", "adviser")


class Question(Strict):
    """A step: a question with 2-6 options, each leading to the next node."""

    ask: Bilingual
    why: Bilingual | None = None
    options: list[TreeOption] = Field(min_length=2, max_length=6)
    # Set on a question that screens for an exception (a complaint already made, rules of
    # one's own judiciary): a judge describing a dilemma rarely says it, so asking it first
    # would stand between every typed dilemma and its advice. Taps still ask it.
    usual: Usual | None = None
    is_answer: ClassVar[bool] = False

    @model_validator(mode="before")
    @classmethod
    def whole(cls, data: Any) -> Any:
        if isinstance(data, dict) and ("ask" not in data or "options" not in data):
            raise ValueError("a question needs both 'ask' and 'options'")
        return data

    @model_validator(mode="after")
    def usual_exists(self) -> Question:
        if self.usual is not None and self.usual.option >= len(self.options):
            raise ValueError(f"usual.option {self.usual.option} is not one of the options")
        return self


class Answer(Strict):
    """Where a walk ends: advice resting on the guidelines it cites."""

    advice: Bilingual
    cites: list[Annotated[int, Field(ge=1, le=40)]] = Field(min_length=1)
    tips: list[Bilingual] = Field(default_factory=list)
    # A practical safety step (not guideline text) shown before the advice, e.g. on threats.
    first_step: Bilingual | None = None
    adviser: bool = False
    is_answer: ClassVar[bool] = True
    options: ClassVar[tuple[TreeOption, ...]] = ()  # an answer leads nowhere
    usual: ClassVar[None] = None

    @model_validator(mode="before")
    @classmethod
    def whole(cls, data: Any) -> Any:
        if isinstance(data, dict) and ("advice" not in data or "cites" not in data):
            raise ValueError("an answer needs both 'advice' and 'cites'")
        return data


def _kind(data: Any) -> str | None:
    """Which of the two a node's fields make it; None (an error) when they mix."""
    if not isinstance(data, dict):
        return "question" if isinstance(data, Question) else "answer"
    question = any(data.get(f) is not None for f in QUESTION_FIELDS)
    answer = any(data.get(f) not in (None, [], False) for f in ANSWER_FIELDS)
    if question and answer:
        return None
    return "question" if question else "answer"


# A node is a question or an answer, never both: which one its fields decide (the YAML has
# no tag), and the code matches on the type instead of testing fields for None.
Node = Annotated[
    Annotated[Question, Tag("question")] | Annotated[Answer, Tag("answer")],
    Discriminator(
        _kind,
        custom_error_type="node_kind",
        custom_error_message="a node is a question (ask, options) or an answer (advice, cites)",
    ),
]


class Tree(Strict):
    id: TreeId
    order: int = 100  # position in the walkthrough menu; the most asked-about first
    topic: str
    title: ShortBilingual
    summary: Bilingual
    start: NodeId
    nodes: dict[NodeId, Node] = Field(min_length=1)

    @model_validator(mode="after")
    def known_topic(self) -> Tree:
        if self.topic not in TOPICS:
            raise ValueError(f"unknown topic {self.topic!r}; one of: {', '.join(TOPICS)}")
        return self

    def parents(self) -> dict[str, str]:
        """For each node but the start, the node it is first reached from (breadth first)."""
        parents: dict[str, str] = {}
        queue = deque([self.start])
        while queue:
            node_id = queue.popleft()
            for option in self.nodes[node_id].options:
                if option.next not in parents and option.next != self.start:
                    parents[option.next] = node_id
                    queue.append(option.next)
        return parents

    def reachable(self, node_id: str) -> list[str]:
        """Every node that can still be reached from ``node_id``, itself first."""
        seen: dict[str, None] = {}
        stack = [node_id]
        while stack:
            here = stack.pop()
            if here not in seen:
                seen[here] = None
                stack += [o.next for o in self.nodes[here].options]
        return list(seen)

    def ordinary(self, node_id: str, index: int) -> Usual | None:
        """The screening question's ordinary case when option ``index`` at ``node_id`` is
        it, else None."""
        usual = self.nodes[node_id].usual
        return usual if usual is not None and usual.option == index else None

    def understood(self, node_id: str, index: int) -> ShortBilingual:
        """The step (option ``index`` at ``node_id``) as a fact understood: the option's
        label, or, for a screening question's ordinary case, the case's own ("No, neither"
        says nothing out of its question)."""
        usual = self.ordinary(node_id, index)
        return usual.label if usual is not None else self.nodes[node_id].options[index].label

    def answers_below(self, node_id: str) -> list[Answer]:
        """Every answer that can still be reached from ``node_id`` (itself, if an answer)."""
        nodes = (self.nodes[n] for n in self.reachable(node_id))
        return [node for node in nodes if isinstance(node, Answer)]

    def paths(self) -> list[list[str]]:
        """Every path from the start to an answer, as node ids."""
        out: list[list[str]] = []

        def walk(path: list[str]) -> None:
            node = self.nodes[path[-1]]
            if node.is_answer:
                out.append(path)
            for option in node.options:
                walk([*path, option.next])

        walk([self.start])
        return out


@dataclass(frozen=True)
class TreeSet:
    trees: dict[str, Tree]  # in menu order


def load_trees(corpus: Corpus, folder: Path = TREES_DIR) -> TreeSet:
    problems: list[Problem] = []
    trees: dict[str, Tree] = {}
    for path in sorted(folder.glob("*.yaml")):
        try:
            tree = load_model(path, Tree)
        except DataError as exc:
            problems.extend(_untagged(p) for p in exc.problems)
            continue
        found = tree_problems(tree, path, corpus)
        if tree.id in trees:
            found.append(Problem(display_path(path), "id", f"tree id {tree.id!r} used twice"))
        problems.extend(found)
        trees[tree.id] = tree
    if problems:
        raise DataError(problems)
    return TreeSet(dict(sorted(trees.items(), key=lambda item: (item[1].order, item[0]))))


_TAG = re.compile(r"^(nodes\.[^.\[]+)\.(?:question|answer)(?=$|[.\[])")


def _untagged(problem: Problem) -> Problem:
    """``nodes.a.question.ask`` -> ``nodes.a.ask``: the kind is no field of the file."""
    return replace(problem, field=_TAG.sub(r"\1", problem.field))


@cache
def default_trees() -> TreeSet:
    return load_trees(default_corpus())


def tree_problems(tree: Tree, path: Path, corpus: Corpus) -> list[Problem]:
    shown = display_path(path)
    problems: list[Problem] = []

    def problem(where: str, message: str) -> None:
        problems.append(Problem(shown, where, message))

    if tree.id != path.stem:
        problem("id", f"is {tree.id!r} but the file is {path.name}; they must match")
    if tree.start not in tree.nodes:
        problem("start", f"no node {tree.start!r}")
        return problems
    for node_id, node in tree.nodes.items():
        for i, option in enumerate(node.options):
            if option.next not in tree.nodes:
                problem(f"nodes.{node_id}.options[{i}].next", f"no node {option.next!r}")
            if option.next == node_id:
                problem(f"nodes.{node_id}.options[{i}].next", "leads back to its own node")
        if isinstance(node, Answer):
            for number in node.cites:
                if number not in corpus.guidelines:
                    problem(f"nodes.{node_id}.cites", f"guideline {number} does not exist")
            if len(set(node.cites)) != len(node.cites):
                problem(f"nodes.{node_id}.cites", "a guideline is cited twice")
        made = [tokens.back(node_screen(tree.id, node_id))]
        made += [tokens.step(tree.id, node_id, i) for i in range(len(node.options))]
        longest = max(len(t.encode()) for t in made)
        if longest > TOKEN_MAX_BYTES:
            problem(
                f"nodes.{node_id}",
                f"button data would be {longest} bytes (limit {TOKEN_MAX_BYTES}): shorten ids",
            )
    if problems:
        return problems
    cycle = _find_cycle(tree)
    if cycle:
        problem("nodes", f"cycle: {' -> '.join(cycle)}")
        return problems
    reached = {tree.start, *tree.parents()}
    for node_id in tree.nodes:
        if node_id not in reached:
            problem(f"nodes.{node_id}", "cannot be reached from the start")
    return problems


def _find_cycle(tree: Tree) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node_id: str, path: list[str]) -> list[str] | None:
        state[node_id] = 1
        for option in tree.nodes[node_id].options:
            nxt = option.next
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt] if nxt in path else [*path, nxt]
            if nxt not in state:
                found = visit(nxt, [*path, nxt])
                if found:
                    return found
        state[node_id] = 2
        return None

    for node_id in tree.nodes:
        if node_id not in state:
            found = visit(node_id, [node_id])
            if found:
                return found
    return None


node_screen = tokens.node  # a walkthrough node's screen id
