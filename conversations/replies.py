"""What the engine says: plain data that a console or a Telegram adapter renders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["text", "guideline", "note", "notice", "advice", "citations", "tip", "adviser"]


@dataclass(frozen=True)
class Block:
    """One paragraph. ``guideline`` holds verbatim guideline text and ``advice`` a
    walkthrough's guidance; ``tip`` is practical advice that is *not* guideline text and must
    be shown as such; ``note`` is a label ("unofficial rendering"); ``notice`` reports what
    just happened (a stale menu, a language switch) before the screen itself."""

    kind: BlockKind
    text: str
    heading: str | None = None


@dataclass(frozen=True)
class Option:
    token: str  # what the adapter sends back when this option is picked
    label: str


@dataclass(frozen=True)
class Record:
    """What the anonymised FAQ may count of this reply (guideline 40): never the judge's
    words; the adapter adds the redacted question itself."""

    kind: Literal["question", "answer"]
    lang: str
    guidelines: tuple[int, ...]
    topic: str | None
    answer: str | None = None  # "tree:node" of a walkthrough answer reached


@dataclass(frozen=True)
class Reply:
    screen: str
    title: str
    blocks: tuple[Block, ...] = ()
    options: tuple[Option, ...] = ()
    citations: tuple[int, ...] = field(default=())
    record: Record | None = None
    # The judge's text is a question for a human adviser: the adapter redacts it, shows
    # the judge exactly what would be sent, and sends it only when confirmed.
    relay: bool = False
