"""Decision trees: the guided walkthroughs, one YAML file each under ``trees/``.

A node is a question (``ask`` + ``options``) or an answer (``advice`` + ``cites``). The
schema checks each file; ``tree_problems`` checks what a schema cannot: every node
reachable, no dangling ``next``, no cycle, citations that exist, tokens that fit in a
Telegram button's 64 bytes of callback data.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from knowledge import Corpus, DataError, Problem, default_corpus
from knowledge.schema import TOPICS, Bilingual, ShortBilingual, Strict
from knowledge.validation import display_path, load_model

TREES_DIR = Path(__file__).resolve().parent / "trees"
TREE_ID_MAX = 16
NODE_ID_MAX = 12
# Telegram allows 64 bytes of callback data; the bot prefixes the knowledge version
# ("1a2b3c4d|"), so a token may use what is left.
TOKEN_MAX_BYTES = 64 - 9

TreeId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=TREE_ID_MAX)]
NodeId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=NODE_ID_MAX)]


class OptionMeaning(Strict):
    """What an option means in a judge's own words: how a typed message selects it."""

    en: list[str] = Field(default_factory=list)
    zh: list[str] = Field(default_factory=list)
    concepts: list[str] = Field(default_factory=list)


class TreeOption(Strict):
    label: ShortBilingual
    next: NodeId
    means: OptionMeaning | None = None


class Node(Strict):
    ask: Bilingual | None = None
    why: Bilingual | None = None
    options: list[TreeOption] | None = Field(default=None, min_length=2, max_length=6)
    advice: Bilingual | None = None
    cites: list[Annotated[int, Field(ge=1, le=40)]] | None = Field(default=None, min_length=1)
    tips: list[Bilingual] = Field(default_factory=list)
    # A practical safety step (not guideline text) shown before the advice, e.g. on threats.
    first_step: Bilingual | None = None
    adviser: bool = False

    @model_validator(mode="after")
    def question_or_answer(self) -> Node:
        question = self.ask is not None or self.options is not None or self.why is not None
        answer = (
            self.advice is not None
            or self.cites is not None
            or self.tips
            or self.first_step is not None
            or self.adviser
        )
        if question and answer:
            raise ValueError("a node is a question (ask, options) or an answer (advice, cites)")
        if question and (self.ask is None or self.options is None):
            raise ValueError("a question needs both 'ask' and 'options'")
        if not question and (self.advice is None or self.cites is None):
            raise ValueError("an answer needs both 'advice' and 'cites'")
        return self

    @property
    def is_answer(self) -> bool:
        return self.advice is not None


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
            for option in self.nodes[node_id].options or ():
                if option.next not in parents and option.next != self.start:
                    parents[option.next] = node_id
                    queue.append(option.next)
        return parents

    def paths(self) -> list[list[str]]:
        """Every path from the start to an answer, as node ids."""
        out: list[list[str]] = []

        def walk(path: list[str]) -> None:
            node = self.nodes[path[-1]]
            if node.is_answer:
                out.append(path)
            for option in node.options or ():
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
            problems.extend(exc.problems)
            continue
        found = tree_problems(tree, path, corpus)
        if tree.id in trees:
            found.append(Problem(display_path(path), "id", f"tree id {tree.id!r} used twice"))
        problems.extend(found)
        trees[tree.id] = tree
    if problems:
        raise DataError(problems)
    return TreeSet(dict(sorted(trees.items(), key=lambda item: (item[1].order, item[0]))))


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
        for i, option in enumerate(node.options or ()):
            if option.next not in tree.nodes:
                problem(f"nodes.{node_id}.options[{i}].next", f"no node {option.next!r}")
            if option.next == node_id:
                problem(f"nodes.{node_id}.options[{i}].next", "leads back to its own node")
        for number in node.cites or ():
            if number not in corpus.guidelines:
                problem(f"nodes.{node_id}.cites", f"guideline {number} does not exist")
        if node.cites and len(set(node.cites)) != len(node.cites):
            problem(f"nodes.{node_id}.cites", "a guideline is cited twice")
        tokens = [back_token(tree.id, node_id)]
        tokens += [option_token(tree.id, node_id, i) for i in range(len(node.options or ()))]
        longest = max(len(t) for t in tokens)
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
        for option in tree.nodes[node_id].options or ():
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


def node_screen(tree_id: str, node_id: str) -> str:
    return f"t:{tree_id}:{node_id}"


def option_token(tree_id: str, node_id: str, index: int) -> bytes:
    return f"t:{tree_id}:{node_id}:{index}".encode()


def back_token(tree_id: str, node_id: str) -> bytes:
    return f"<t:{tree_id}:{node_id}".encode()
