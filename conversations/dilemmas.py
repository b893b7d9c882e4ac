"""Replies to typed dilemmas: what was understood, then the open question or the answer.

Tokens of its own, each naming a walk by its code (a digit per step, a letter for a step
taken as the ordinary case) so no words need be kept:
``w:TREE:CODE`` shows that walk (a second dilemma offered for later, a changed step);
``c:TREE:CODE:I`` asks step I of that walk again; ``q:30.28`` shows the guidelines a
second dilemma outside any walkthrough matched.
"""

from __future__ import annotations

from dataclasses import replace

from knowledge import Lang
from knowledge.router import Match, Routing

from . import tokens
from .answers import Answers
from .context import Context
from .replies import Block, Option, Record, Reply
from .trees import Answer, Tree, node_screen
from .understanding import Reading, Walk, changed, replay

WALK, CHANGE, MATCHES = tokens.WALK, tokens.CHANGE, tokens.MATCHES


def walk_token(walk: Walk) -> str:
    return tokens.walk(walk.tree, walk.code)


class Dilemmas:
    def __init__(self, ctx: Context, answers: Answers, node_reply):
        self.ctx = ctx
        self.answers = answers
        self.node_reply = node_reply  # (screen, lang) -> Reply: a tree node's own screen

    def parse_walk(self, token: str) -> Walk | None:
        found = tokens.parse_walk(token)
        tree = self.ctx.trees.trees.get(found[0]) if found else None
        return replay(tree, found[1]) if tree and found else None

    def parse_change(self, token: str) -> tuple[Walk, int] | None:
        found = tokens.parse_change(token)
        if found is None:
            return None
        tree_id, code, step = found
        tree = self.ctx.trees.trees.get(tree_id)
        walk = replay(tree, code) if tree else None
        return (walk, step) if walk is not None and step < len(walk.steps) else None

    def parse_matches(self, token: str) -> tuple[int, ...] | None:
        numbers = tokens.parse_matches(token)
        if numbers is None:
            return None
        known = numbers and all(n in self.ctx.corpus.guidelines for n in numbers)
        return numbers if known else None

    def understood(self, walk: Walk, lang: Lang) -> Block:
        tree = self.ctx.trees.trees[walk.tree]
        labels = [self._label(tree, node, i, lang) for node, i in walk.steps]
        steps = self.ctx.ui.understood_separator(lang).join(labels) or tree.title(lang)
        return Block("notice", self.ctx.ui.understood.format(lang, steps=steps))

    def walk_reply(self, walk: Walk, lang: Lang, notices: tuple[str, ...] = ()) -> Reply:
        """The walk's last screen under what was understood, a button per step to change it."""
        tree = self.ctx.trees.trees[walk.tree]
        reply = self.node_reply(node_screen(tree.id, walk.node), lang)
        ui = self.ctx.ui
        changes = tuple(
            Option(
                tokens.change(tree.id, walk.code, k),
                ui.change_step.format(lang, label=self._label(tree, node, i, lang)),
            )
            for k, (node, i) in enumerate(walk.steps)
        )
        heading = (*(Block("notice", n) for n in notices), self.understood(walk, lang))
        heading += tuple(Block("notice", line) for line in self.assumptions(tree, walk, lang))
        extra: tuple[Option, ...] = ()
        settled = self.settled(tree, walk)
        if settled is not None:
            # What is already decided is said now; the question only tailors the advice.
            line = ui.settled.format(lang, citation=self.ctx.citation(settled, lang))
            heading = (*heading, Block("notice", line))
            extra = (self.ctx.full_text_option(settled, lang),)
        blocks = (*heading, *reply.blocks)
        return replace(reply, blocks=blocks, options=(*reply.options, *extra, *changes))

    def assumptions(self, tree: Tree, walk: Walk, lang: Lang) -> list[str]:
        """What the walk took as the ordinary case at screening questions the judge's words
        left open, said plainly: the advice holds only while it is so. A case the judge
        said, or chose with a tap, needs no saying again."""
        taken = [
            u for n, i in walk.steps if n in walk.assumed and (u := tree.ordinary(n, i)) is not None
        ]
        if not taken:
            return []
        notes = self.ctx.ui.assumed_and(lang).join(u.note(lang) for u in taken)
        return [self.ctx.ui.assumed.format(lang, note=notes)]

    @staticmethod
    def settled(tree: Tree, walk: Walk) -> int | None:
        """The guideline every answer still reachable opens with, when the walk stops at a
        question after at least one step: whatever the judge answers, it applies."""
        if walk.answer or not walk.steps:
            return None
        firsts = {answer.cites[0] for answer in tree.answers_below(walk.node)}
        return firsts.pop() if len(firsts) == 1 else None

    def change_reply(self, walk: Walk, step: int, lang: Lang) -> Reply:
        """Step ``step`` asked again: each option leads on to the walk it makes."""
        tree = self.ctx.trees.trees[walk.tree]
        node_id = walk.steps[step][0]
        reply = self.node_reply(node_screen(tree.id, node_id), lang)
        options = tree.nodes[node_id].options
        choices = tuple(
            Option(walk_token(changed(tree, walk, step, k)), option.label(lang))
            for k, option in enumerate(options)
        )
        blocks = (Block("notice", self.ctx.ui.change_step_notice(lang)), *reply.blocks)
        return replace(reply, blocks=blocks, options=choices, record=None)

    def question_record(self, reading: Reading) -> Record:
        routing, walk = reading.routing, reading.walk
        assert walk is not None
        tree = self.ctx.trees.trees[walk.tree]
        node = tree.nodes[walk.node]
        cites = tuple(node.cites) if isinstance(node, Answer) else _top(routing)
        answer = f"{tree.id}:{walk.node}" if walk.answer else None
        return Record("question", routing.lang, cites, tree.topic, answer)

    def offer_token(self, second: Reading) -> str | None:
        """What takes up a second dilemma later: its walk, or its guidelines' numbers."""
        if second.walk is not None:
            return walk_token(second.walk)
        top = _top(second.routing)
        return tokens.matches(top) if top else None

    def offers(self, pending: tuple[str, ...], lang: Lang) -> tuple[Option, ...]:
        """The buttons that take up the dilemmas still pending; stale ones are left out."""
        label = self.ctx.ui.second_dilemma
        options = []
        for token in pending:
            if token.startswith(WALK):
                walk = self.parse_walk(token)
                if walk is not None:
                    title = self.ctx.trees.trees[walk.tree].title(lang)
                    options.append(Option(token, label.format(lang, title=title)))
            elif token.startswith(MATCHES):
                numbers = self.parse_matches(token)
                if numbers is not None:
                    title = self.ctx.corpus.guideline(numbers[0]).title(lang)
                    options.append(Option(token, label.format(lang, title=title)))
        return tuple(options)

    def matches_reply(self, screen: str, numbers: tuple[int, ...], lang: Lang) -> Reply:
        scores = [float(len(numbers) - i) for i in range(len(numbers))]
        matches = tuple(Match(n, s) for n, s in zip(numbers, scores, strict=True))
        routing = Routing(lang, matches, None, False)
        return replace(self.answers.reply(screen, routing, lang), record=None)

    @staticmethod
    def _label(tree: Tree, node_id: str, index: int, lang: Lang) -> str:
        return tree.understood(node_id, index)(lang)


def _top(routing: Routing) -> tuple[int, ...]:
    return tuple(m.guideline for m in routing.matches[:3])
