"""A judge's place in the conversation, as plain data that any store can keep."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from knowledge.schema import LANGS, Lang

from . import tokens

HOME = "home"
MAX_FACTS = 64  # more than any tree has questions


@dataclass(frozen=True)
class Session:
    lang: Lang
    # Screens from home to the current one; Back pops, Restart resets.
    stack: tuple[str, ...] = (HOME,)
    # Dilemmas found in a typed message and not yet taken up, as the buttons that take them
    # up (an understood walk, or guideline numbers): never the judge's words.
    pending: tuple[str, ...] = ()
    # What a typed dilemma's words already said about the questions below the one its walk
    # stopped at: that question ("t:TREE:NODE"), then the options the words choose, by
    # where they lead ("t:TREE:NODE>NEXT"); reached below it, the answer is taken from them.
    # Never the words.
    facts: tuple[str, ...] = ()

    @property
    def screen(self) -> str:
        return self.stack[-1]

    def push(self, screen: str) -> Session:
        return replace(self, stack=(*self.stack, screen))

    def with_stack(self, stack: tuple[str, ...]) -> Session:
        return replace(self, stack=stack or (HOME,))

    def with_lang(self, lang: Lang) -> Session:
        return replace(self, lang=lang)

    def with_pending(self, pending: tuple[str, ...]) -> Session:
        return replace(self, pending=pending)

    def with_facts(self, facts: tuple[str, ...]) -> Session:
        return replace(self, facts=facts)

    def to_dict(self) -> dict[str, Any]:
        state: dict[str, Any] = {"lang": self.lang, "stack": list(self.stack)}
        if self.pending:
            state["pending"] = list(self.pending)
        if self.facts:
            state["facts"] = list(self.facts)
        return state

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Session:
        """Rebuild a stored session; anything malformed falls back to a fresh start."""
        lang = data.get("lang") if isinstance(data, dict) else None
        stack = data.get("stack") if isinstance(data, dict) else None
        if lang not in LANGS:
            lang = "en"
        if not isinstance(stack, list) or not all(isinstance(s, str) for s in stack) or not stack:
            stack = [HOME]
        pending = data.get("pending") if isinstance(data, dict) else None
        if not isinstance(pending, list) or not all(isinstance(p, str) for p in pending):
            pending = []
        facts = data.get("facts") if isinstance(data, dict) else None
        if not isinstance(facts, list) or not all(isinstance(f, str) for f in facts):
            facts = []
        # Only what the engine writes: a walkthrough node, then choices ("t:TREE:NODE>NEXT").
        wellformed = bool(facts) and tokens.parse_node(facts[0]) is not None
        wellformed = wellformed and all(tokens.parse_fact(f) for f in facts[1:])
        if len(facts) > MAX_FACTS or not wellformed:
            facts = []
        return cls(lang=lang, stack=tuple(stack), pending=tuple(pending), facts=tuple(facts))
