"""Answers to questions typed in the judge's own words: the router's verdict as a reply."""

from __future__ import annotations

from knowledge import Lang
from knowledge.router import Routing

from .context import Context
from .menu import ADVISER
from .replies import Block, Option, Record, Reply
from .trees import node_screen

# Matches scoring within this share of the best are too close to call: ask the judge.
CLOSE = 0.85


class Answers:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def reply(self, screen: str, routing: Routing, lang: Lang) -> Reply:
        ui = self.ctx.ui
        tree = self.ctx.trees.trees.get(routing.tree) if routing.tree else None
        record = Record(
            "question",
            routing.lang,
            tuple(m.guideline for m in routing.matches[:3]),
            "out_of_scope" if routing.out_of_scope else (tree.topic if tree else "general"),
        )
        if routing.out_of_scope or not routing.matches:
            return Reply(
                screen=screen,
                title=ui.answer_title(lang),
                blocks=(Block("text", ui.out_of_scope(lang)),),
                options=(Option(ADVISER, ui.menu_adviser(lang)),),
                record=record,
            )
        top = routing.matches[0]
        close = [m for m in routing.matches[:3] if m.score >= CLOSE * top.score]
        shown = close if len(close) > 1 else [top]
        blocks: list[Block] = []
        if len(shown) > 1:
            blocks.append(Block("text", ui.did_you_mean(lang)))
        for m in shown:
            blocks.append(
                Block(
                    "guideline",
                    self.ctx.excerpt(m.guideline, lang),
                    heading=self.ctx.guideline_heading(m.guideline, lang),
                )
            )
        others = [m.guideline for m in routing.matches[len(shown) : 3]]
        if others:
            cited = self.ctx.citations(others, lang)
            blocks.append(Block("citations", ui.also_relevant.format(lang, citations=cited)))
        options = [self.ctx.full_text_option(m.guideline, lang) for m in shown]
        if tree is not None:
            options.append(
                Option(
                    node_screen(tree.id, tree.start),
                    ui.offer_walkthrough.format(lang, title=tree.title(lang)),
                )
            )
        options.append(Option(ADVISER, ui.menu_adviser(lang)))
        return Reply(
            screen=screen,
            title=ui.answer_title(lang),
            blocks=tuple(blocks),
            options=tuple(options),
            citations=tuple(m.guideline for m in shown),
            record=record,
        )
