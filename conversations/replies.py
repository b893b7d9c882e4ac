"""What the engine says: plain data that a console or a Telegram adapter renders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["text", "guideline", "note", "notice"]


@dataclass(frozen=True)
class Block:
    """One paragraph. ``guideline`` blocks hold verbatim guideline text; ``note`` blocks
    hold labels such as "unofficial rendering"; ``notice`` blocks report what just happened
    (a stale menu, a language switch) before the screen itself."""

    kind: BlockKind
    text: str
    heading: str | None = None


@dataclass(frozen=True)
class Option:
    token: str  # what the adapter sends back when this option is picked
    label: str


@dataclass(frozen=True)
class Reply:
    screen: str
    title: str
    blocks: tuple[Block, ...] = ()
    options: tuple[Option, ...] = ()
    citations: tuple[int, ...] = field(default=())
