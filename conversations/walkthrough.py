"""The guided walkthroughs: the list of dilemmas, then a tree's questions and answers."""

from __future__ import annotations

from knowledge import Lang

from . import tokens
from .context import Context, Renderer
from .menu import ADVISER, TOPICS
from .replies import Block, Option, Record, Reply
from .session import HOME
from .trees import Answer, Tree, node_screen


class Walkthrough:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def screens(self) -> dict[str, Renderer]:
        screens: dict[str, Renderer] = {TOPICS: self.topics} if self.ctx.trees.trees else {}
        for tree in self.ctx.trees.trees.values():
            screens |= {node_screen(tree.id, node_id): self.node for node_id in tree.nodes}
        return screens

    def parents(self) -> dict[str, str]:
        parents = {TOPICS: HOME}
        for tree in self.ctx.trees.trees.values():
            parents[node_screen(tree.id, tree.start)] = TOPICS
            for child, parent in tree.parents().items():
                parents[node_screen(tree.id, child)] = node_screen(tree.id, parent)
        return parents

    def resolve(self, token: str) -> tuple[str, str] | None:
        """``t:TREE:NODE:K`` -> (the node's screen, the screen option K leads to)."""
        step = tokens.parse_step(token)
        if step is None:
            return None
        tree = self.ctx.trees.trees.get(step.tree)
        node = tree.nodes.get(step.node) if tree else None
        index = step.index
        if tree is None or node is None or not node.options or index >= len(node.options):
            return None
        return step.screen, node_screen(tree.id, node.options[index].next)

    def topics(self, screen: str, lang: Lang) -> Reply:
        trees = self.ctx.trees.trees.values()
        return Reply(
            screen=screen,
            title=self.ctx.ui.topics_title(lang),
            blocks=(Block("text", self.ctx.ui.topics_prompt(lang)),),
            options=tuple(Option(node_screen(t.id, t.start), t.title(lang)) for t in trees),
        )

    def node(self, screen: str, lang: Lang) -> Reply:
        found = tokens.parse_node(screen)
        assert found is not None  # a node screen, as the screens table says
        tree_id, node_id = found
        tree = self.ctx.trees.trees[tree_id]
        node = tree.nodes[node_id]
        if isinstance(node, Answer):
            return self._answer(screen, tree, node_id, node, lang)
        blocks = [Block("text", node.ask(lang))]
        if node.why:
            blocks.append(Block("note", node.why(lang)))
        return Reply(
            screen=screen,
            title=tree.title(lang),
            blocks=tuple(blocks),
            options=tuple(
                Option(tokens.step(tree.id, node_id, i), option.label(lang))
                for i, option in enumerate(node.options)
            ),
        )

    def _answer(self, screen: str, tree: Tree, node_id: str, node: Answer, lang: Lang) -> Reply:
        ui = self.ctx.ui
        cites = tuple(node.cites)
        # A safety step (not guideline text) comes before the advice: it may be urgent.
        first = node.first_step
        blocks = [Block("tip", first(lang), heading=ui.tip_heading(lang))] if first else []
        blocks += [
            Block("advice", node.advice(lang), heading=ui.advice_heading(lang)),
            Block("citations", ui.based_on.format(lang, citations=self.ctx.citations(cites, lang))),
        ]
        if node.tips:
            tips = "\n".join(f"• {tip(lang)}" for tip in node.tips)
            blocks.append(Block("tip", tips, heading=ui.tip_heading(lang)))
        options = [self.ctx.full_text_option(n, lang) for n in cites]
        if node.adviser:
            blocks.append(Block("adviser", ui.adviser_offer(lang)))
            options.append(Option(ADVISER, ui.menu_adviser(lang)))
        return Reply(
            screen=screen,
            title=tree.title(lang),
            blocks=tuple(blocks),
            options=tuple(options),
            citations=cites,
            record=Record("answer", lang, cites, tree.topic, f"{tree.id}:{node_id}"),
        )
