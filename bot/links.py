"""Deep links: ``t.me/<bot>?start=PAYLOAD`` opens Amicus at a walkthrough, a guideline or
the adviser (for a court's intranet page). Payloads are public ids (a contract): walkthrough
ids, ``g<N>`` for guideline N, ``adviser``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from conversations import Engine
from conversations.browse import guideline_screen
from conversations.menu import ADVISER
from conversations.trees import node_screen

PLACEHOLDER = "<BOT_USERNAME>"
_GUIDELINE = re.compile(r"g([1-9][0-9]?)")
# Telegram: a username is 5-32 characters of letters, digits and underscores.
USERNAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{3,31}")


@dataclass(frozen=True)
class Link:
    payload: str
    title_en: str
    title_zh: str

    def url(self, bot: str) -> str:
        return f"https://t.me/{bot}?start={self.payload}"


def screen_for(payload: str, engine: Engine) -> str | None:
    """The screen a /start payload opens; None (the welcome) for anything unknown."""
    tree = engine.trees.trees.get(payload)
    if tree is not None:
        return node_screen(tree.id, tree.start)
    if payload == ADVISER:
        return ADVISER
    match = _GUIDELINE.fullmatch(payload)
    if match and int(match.group(1)) in engine.corpus.guidelines:
        return guideline_screen(int(match.group(1)))
    return None


def all_links(engine: Engine) -> list[Link]:
    ui, corpus = engine.ui, engine.corpus
    links = [Link(t.id, t.title("en"), t.title("zh")) for t in engine.trees.trees.values()]
    links.append(Link(ADVISER, ui.adviser_title("en"), ui.adviser_title("zh")))
    for number in sorted(corpus.guidelines):
        guideline = corpus.guideline(number)
        links.append(
            Link(
                f"g{number}",
                ui.guideline_heading.format("en", number=number, title=guideline.title("en")),
                ui.guideline_heading.format("zh", number=number, title=guideline.title("zh")),
            )
        )
    return links
