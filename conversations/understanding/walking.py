"""Walking a decision tree as far as the words decide, and replaying a walk from its choices.

A walk is the option chosen at each question from the tree's start, written as one digit
per step ("013": option 0, then 1, then 3). The digits name the walk inside a button
(``w:TREE:DIGITS``) so that a tap on an old message, a Back, or a second dilemma offered
for later needs nothing of the judge's words kept anywhere.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..trees import Tree
from .choosing import NodeReader
from .reading import Text

MAX_STEPS = 36  # deeper than any tree; a guard, the trees have no cycles


@dataclass(frozen=True)
class Walk:
    tree: str
    steps: tuple[tuple[str, int], ...]  # (question node, option index), from the start
    node: str  # where the walk stopped: the open question, or the answer reached
    answer: bool

    @property
    def digits(self) -> str:
        return "".join(str(i) for _, i in self.steps)

    def nodes(self) -> list[str]:
        """Every node on the way, the start first and ``node`` last."""
        return [*(n for n, _ in self.steps), self.node]


def walk(
    tree: Tree,
    reader: Callable[[str], NodeReader],
    text: Text,
    prefix: tuple[tuple[str, int], ...] = (),
    direct: bool = False,
    by_meaning: bool = True,
    known: Mapping[str, int] | None = None,
    screens: bool = False,
) -> Walk:
    """From where ``prefix`` leads (the start when empty), take every option the words
    select; ``direct``: the message replies to that first question, so "yes" counts there;
    ``by_meaning``: options may be read by meaning too (only in the walkthrough chosen for
    the message, or the one on screen for a reply: read in every other, loose meanings
    would make rivals out of nothing);
    ``known``: choices an earlier message's words made at questions not reached then.
    ``screens``: a screening question (``usual``) the words leave open is passed by its
    ordinary case, except when it is the question the judge is replying to (only for the
    walk shown: how far words alone go is what chooses between walkthroughs)."""
    node_id = _after(tree, prefix)
    steps = list(prefix)
    first = True
    spent: set[str] | None = set() if by_meaning else None
    for step_node, index in prefix if spent is not None else ():
        reader(step_node).spend(text, index, spent)  # the steps taken already used their words
    while not tree.nodes[node_id].is_answer and len(steps) < MAX_STEPS:
        # A screening question is answered by phrases only: its exceptions are grave, and a
        # loose sense ("a policy" read as politics) must not choose one.
        loose = spent if tree.nodes[node_id].usual is None else None
        index = reader(node_id).choose(text, direct=direct and first, spent=loose)
        if index is None and known and not first:  # the question on screen is the judge's
            index = _known(tree, node_id, known)
        if index is None and screens and not (direct and first):
            # The reply says it was taken, and lets it change; words that so much as hint
            # at an exception leave the question to be asked.
            index = _usual(tree, node_id, reader(node_id), text)
        if index is None:
            break
        steps.append((node_id, index))
        node_id = tree.nodes[node_id].options[index].next
        first = False
    return Walk(tree.id, tuple(steps), node_id, tree.nodes[node_id].is_answer)


def _usual(tree: Tree, node_id: str, reader: NodeReader, text: Text) -> int | None:
    """A screening question the words leave open, and hint nothing against, goes on by its
    ordinary case."""
    usual = tree.nodes[node_id].usual
    if usual is None or reader.hints_other(text, usual.option):
        return None
    return usual.option


def _known(tree: Tree, node_id: str, known: Mapping[str, int]) -> int | None:
    index = known.get(node_id)
    return index if index is not None and index < len(tree.nodes[node_id].options) else None


def ahead(tree: Tree, walk_from: Walk, known: Mapping[str, int]) -> Walk:
    """``walk_from`` carried on by the ``known`` choices alone (after a tap)."""
    steps = list(walk_from.steps)
    node_id = walk_from.node
    while not tree.nodes[node_id].is_answer and len(steps) < MAX_STEPS:
        index = _known(tree, node_id, known)
        if index is None:
            break
        steps.append((node_id, index))
        node_id = tree.nodes[node_id].options[index].next
    return Walk(tree.id, tuple(steps), node_id, tree.nodes[node_id].is_answer)


def replay(tree: Tree, digits: str) -> Walk | None:
    """The walk that ``digits`` name, or None when they no longer fit the tree."""
    steps: list[tuple[str, int]] = []
    node_id = tree.start
    for digit in digits:
        options = tree.nodes[node_id].options
        if not digit.isdecimal() or not options or int(digit) >= len(options):
            return None
        steps.append((node_id, int(digit)))
        node_id = options[int(digit)].next
    return Walk(tree.id, tuple(steps), node_id, tree.nodes[node_id].is_answer)


def changed(tree: Tree, before: Walk, step: int, index: int) -> Walk:
    """``before`` with option ``index`` at its step ``step``; the later choices are kept
    wherever the new path meets their questions again."""
    steps = (*before.steps[:step], (before.steps[step][0], index))
    node_id = tree.nodes[steps[-1][0]].options[index].next
    here = Walk(tree.id, steps, node_id, tree.nodes[node_id].is_answer)
    return ahead(tree, here, dict(before.steps[step + 1 :]))


def held_at(tree: Tree, found: Walk, node_id: str) -> Walk:
    """``found`` stopped at ``node_id`` when it passed that question as an ordinary case:
    the question the judge is being asked is theirs to answer, even when their message
    turns out to be a new dilemma in the same walkthrough."""
    for k, (step_node, index) in enumerate(found.steps):
        if step_node == node_id and tree.ordinary(step_node, index):
            return Walk(found.tree, found.steps[:k], node_id, False)
    return found


def along(tree: Tree, nodes: list[str]) -> Walk | None:
    """The walk through ``nodes`` (the path on screen from the start, as the session and
    Back keep it), or None when that path is no longer in the tree."""
    if not nodes or nodes[0] != tree.start:
        return None
    steps = []
    for here, there in itertools.pairwise(nodes):
        options = tree.nodes[here].options
        index = next((i for i, o in enumerate(options) if o.next == there), None)
        if index is None:
            return None
        steps.append((here, index))
    return Walk(tree.id, tuple(steps), nodes[-1], tree.nodes[nodes[-1]].is_answer)


def _after(tree: Tree, prefix: tuple[tuple[str, int], ...]) -> str:
    if not prefix:
        return tree.start
    node_id, index = prefix[-1]
    return tree.nodes[node_id].options[index].next
