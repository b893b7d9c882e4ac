"""Walking a decision tree as far as the words decide, and replaying a walk from its choices.

A walk is the option chosen at each question from the tree's start, written as one digit
per step ("013": option 0, then 1, then 3); a step passed as a screening question's ordinary
case, which the judge never said, is written as a letter instead ("a" for option 0, "b" for
1 …), so that the reply can say it was taken and a tap can take it back. The code names the
walk inside a button (``w:TREE:CODE``) so that a tap on an old message, a Back, or a second
dilemma offered for later needs nothing of the judge's words kept anywhere.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from ..trees import Tree
from .choosing import NodeReader
from .reading import Text

MAX_STEPS = 36  # deeper than any tree; a guard, the trees have no cycles
_ASSUMED = "abcdefghij"  # option 0-9 passed as the ordinary case: never said by the judge


@dataclass(frozen=True)
class Walk:
    tree: str
    steps: tuple[tuple[str, int], ...]  # (question node, option index), from the start
    node: str  # where the walk stopped: the open question, or the answer reached
    answer: bool
    # Screening questions passed by their ordinary case (nodes): the words never said it.
    # Not part of which walk it is: the same steps are the same walk.
    assumed: frozenset[str] = field(default=frozenset(), compare=False)

    @property
    def code(self) -> str:
        """One digit per step, each assumed step as its letter: what a button carries."""
        return "".join(_ASSUMED[i] if n in self.assumed else str(i) for n, i in self.steps)

    def upto(self, step: int) -> Walk:
        """The walk stopped at its ``step``-th question, before answering it."""
        steps = self.steps[:step]
        return Walk(self.tree, steps, self.steps[step][0], False, _within(self.assumed, steps))

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
    assumed: frozenset[str] = frozenset(),
) -> Walk:
    """From where ``prefix`` leads (the start when empty), take every option the words
    select; ``direct``: the message replies to that first question, so "yes" counts there;
    ``by_meaning``: options may be read by meaning too (only in the walkthrough chosen for
    the message, or the one on screen for a reply: read in every other, loose meanings
    would make rivals out of nothing);
    ``known``: choices an earlier message's words made at questions not reached then.
    ``screens``: a screening question (``usual``) the words leave open is passed by its
    ordinary case, except when it is the question the judge is replying to (only for the
    walk shown: how far words alone go is what chooses between walkthroughs);
    ``assumed``: the steps of ``prefix`` that were taken as the ordinary case."""
    node_id = _after(tree, prefix)
    steps = list(prefix)
    taken_as_usual = {n for n, _ in prefix} & assumed
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
            index = _usual(tree, node_id, text, reader)
            if index is not None:
                taken_as_usual.add(node_id)
        if index is None:
            break
        steps.append((node_id, index))
        node_id = tree.nodes[node_id].options[index].next
        first = False
    usual = frozenset(taken_as_usual)
    return Walk(tree.id, tuple(steps), node_id, tree.nodes[node_id].is_answer, usual)


def _usual(tree: Tree, node_id: str, text: Text, read: Callable[[str], NodeReader]) -> int | None:
    """A screening question the words leave open, and hint nothing against, goes on by its
    ordinary case."""
    usual = tree.nodes[node_id].usual
    if usual is None or hints_exception(tree, node_id, usual.option, read, text):
        return None
    return usual.option


def hints_exception(
    tree: Tree, node_id: str, ordinary: int, read: Callable[[str], NodeReader], text: Text
) -> bool:
    """Whether the words hint at an exception to the ``ordinary`` option of a screening
    question, leaving aside the sentences that decide the steps after it."""
    spent = spent_sentences(tree, tree.nodes[node_id].options[ordinary].next, read, text)
    return read(node_id).hints_other(text, ordinary, spent)


def spent_sentences(
    tree: Tree, node_id: str, reader: Callable[[str], NodeReader], text: Text
) -> frozenset[tuple[int, int]]:
    """The sentences whose phrases decide the steps from ``node_id`` on: their words are
    spent there (one word, one fact); what the other sentences say may still hint at a
    screening question before them."""
    spent: set[tuple[int, int]] = set()
    for _ in range(MAX_STEPS):
        if tree.nodes[node_id].is_answer:
            break
        here = reader(node_id)
        index = here.choose(text)
        if index is None:
            break
        spent |= here.said_sentences(text, index)
        node_id = tree.nodes[node_id].options[index].next
    return frozenset(spent)


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
    answer = tree.nodes[node_id].is_answer
    return Walk(tree.id, tuple(steps), node_id, answer, _within(walk_from.assumed, steps))


def replay(tree: Tree, code: str) -> Walk | None:
    """The walk that ``code`` names (``Walk.code``), or None when it no longer fits the tree:
    a letter anywhere but at a screening question's ordinary case (a stale or forged
    button) does not fit."""
    steps: list[tuple[str, int]] = []
    assumed: set[str] = set()
    node_id = tree.start
    for char in code:
        options = tree.nodes[node_id].options
        if char in _ASSUMED and tree.ordinary(node_id, _ASSUMED.index(char)) is not None:
            index = _ASSUMED.index(char)
            assumed.add(node_id)
        elif char.isascii() and char.isdecimal():
            index = int(char)
        else:
            return None
        if index >= len(options):
            return None
        steps.append((node_id, index))
        node_id = options[index].next
    return Walk(tree.id, tuple(steps), node_id, tree.nodes[node_id].is_answer, frozenset(assumed))


def changed(tree: Tree, before: Walk, step: int, index: int) -> Walk:
    """``before`` with option ``index`` at its step ``step`` (the judge's own choice now);
    the later choices are kept wherever the new path meets their questions again."""
    steps = (*before.steps[:step], (before.steps[step][0], index))
    node_id = tree.nodes[steps[-1][0]].options[index].next
    assumed = before.assumed - {steps[-1][0]}
    here = Walk(tree.id, steps, node_id, tree.nodes[node_id].is_answer, assumed)
    return ahead(tree, here, dict(before.steps[step + 1 :]))


def held_at(found: Walk, node_id: str) -> Walk:
    """``found`` stopped at ``node_id`` when it passed that question as an ordinary case:
    the question the judge is being asked is theirs to answer, even when their message
    turns out to be a new dilemma in the same walkthrough."""
    for k, (step_node, _) in enumerate(found.steps):
        if step_node == node_id and step_node in found.assumed:
            return found.upto(k)
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
    # The path keeps no record of what was said: a step at an ordinary case may have been
    # assumed, and its caveat is said again rather than dropped.
    usual = frozenset(n for n, i in steps if tree.ordinary(n, i) is not None)
    return Walk(tree.id, tuple(steps), nodes[-1], tree.nodes[nodes[-1]].is_answer, usual)


def _after(tree: Tree, prefix: tuple[tuple[str, int], ...]) -> str:
    if not prefix:
        return tree.start
    node_id, index = prefix[-1]
    return tree.nodes[node_id].options[index].next


def _within(assumed: frozenset[str], steps) -> frozenset[str]:
    """The assumed steps that are still on the walk."""
    return assumed & {n for n, _ in steps}
