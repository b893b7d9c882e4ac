"""Every token an option or a button carries: built and read here, and nowhere else.

A token names its own origin, so a tap on an old message continues from that message.

The engine's namespaces:
    ``home``, ``about``, ``topics`` …  a screen by name
    ``s:SECTION``                      a section of the guidelines
    ``g:N``                            guideline N
    ``t:TREE:NODE``                    a walkthrough's node (a screen)
    ``t:TREE:NODE:K``                  option K of that node (a step)
    ``<SCREEN``                        Back from that screen
    ``~``                              Restart
    ``@LANG``                          switch language
    ``w:TREE:CODE``                    a typed dilemma's walk, named by its options' digits
                                       (letters for steps taken as the ordinary case)
    ``c:TREE:CODE:I``                  step I of that walk, asked again
    ``q:30.28``                        the guidelines a second dilemma matched
The adapters' namespaces (what a judge does with what is kept, and with the adviser's draft):
    ``k:CODE`` / ``kl:CODE``           don't keep a kept item (under its notice / in /kept)
    ``a:s:CODE`` / ``a:d:CODE``        send / don't send (or withdraw) a question to the advisers
    ``x:clear`` / ``x:keep``           clear the chat after /forget, or keep it
On Telegram a button's data is ``VERSION|TOKEN`` within 64 bytes (bot/callbacks.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge import LANGS, Lang

# Telegram's limit on a button's data, and what the adapter's ``VERSION|`` takes of it.
DATA_MAX_BYTES = 64
VERSION_CHARS = 8
TOKEN_MAX_BYTES = DATA_MAX_BYTES - VERSION_CHARS - 1

SECTION, GUIDELINE, TREE = "s:", "g:", "t:"
WALK, CHANGE, MATCHES = "w:", "c:", "q:"
UNDERSTOOD = (WALK, CHANGE, MATCHES)  # what a typed dilemma's replies offer
BACK = "<"
RESTART = "~"
LANGUAGE = "@"
UNKEEP, UNKEEP_LISTED = "k:", "kl:"
RELAY = "a:"
SEND, DROP = "s", "d"
CLEAR, KEEP = "x:clear", "x:keep"
CONTROLS = (BACK, RESTART)  # shown side by side at the bottom of a keyboard

_KEPT_CODE = re.compile(r"[A-Za-z0-9_-]{1,32}")
_INDEX = re.compile(r"[0-9]{1,2}")  # an option's position: ASCII digits, never "٣" or 5,000 9s
_NUMBER = re.compile(r"[0-9]{1,3}")  # a guideline number as typed: ASCII digits, short
ID = r"[a-z][a-z0-9_]*"  # a tree's or a node's id (trees.TreeId, trees.NodeId)
_NODE = re.compile(rf"{re.escape(TREE)}({ID}):({ID})")
_FACT = re.compile(rf"{_NODE.pattern}:([0-9]{{1,2}})>({ID})")


# ------------------------------------------------------------------ builders


def section(section_id: str) -> str:
    return f"{SECTION}{section_id}"


def guideline(number: int) -> str:
    return f"{GUIDELINE}{number}"


def node(tree_id: str, node_id: str) -> str:
    return f"{TREE}{tree_id}:{node_id}"


def step(tree_id: str, node_id: str, index: int) -> str:
    return f"{TREE}{tree_id}:{node_id}:{index}"


def fact(tree_id: str, node_id: str, index: int, next_id: str) -> str:
    """A choice kept from a typed dilemma ("t:TREE:NODE:K>NEXT"): option K, and where it
    leads, so that options reordered by a content change cannot shift it, and two options
    leading to the same place stay apart."""
    return f"{TREE}{tree_id}:{node_id}:{index}>{next_id}"


def parse_node(screen: str) -> tuple[str, str] | None:
    """(tree, node) of a walkthrough node's screen ("t:TREE:NODE"), or None."""
    found = _NODE.fullmatch(screen)
    return (found[1], found[2]) if found else None


def parse_fact(token: str) -> tuple[str, str, int, str] | None:
    """(tree, node, option, next) of a kept choice, or None."""
    found = _FACT.fullmatch(token)
    return (found[1], found[2], int(found[3]), found[4]) if found else None


def walk(tree_id: str, code: str) -> str:
    return f"{WALK}{tree_id}:{code}"


def change(tree_id: str, code: str, step_index: int) -> str:
    return f"{CHANGE}{tree_id}:{code}:{step_index}"


def matches(numbers: tuple[int, ...] | list[int]) -> str:
    return MATCHES + ".".join(map(str, numbers))


def back(screen: str) -> str:
    return f"{BACK}{screen}"


def language(lang: str) -> str:
    return f"{LANGUAGE}{lang}"


def unkeep(code: str, listed: bool = False) -> str:
    return f"{UNKEEP_LISTED if listed else UNKEEP}{code}"


def relay(action: str, code: str) -> str:
    return f"{RELAY}{action}:{code}"


# ------------------------------------------------------------------- parsers


@dataclass(frozen=True)
class Step:
    tree: str
    node: str
    index: int

    @property
    def screen(self) -> str:
        return node(self.tree, self.node)


@dataclass(frozen=True)
class Unkeep:
    code: str  # "" for a forged or pre-token (row number) button: answered like a row gone
    listed: bool


@dataclass(frozen=True)
class RelayTap:
    action: str  # SEND or DROP
    code: str


def parse_step(token: str) -> Step | None:
    parts = token.split(":")
    if len(parts) != 4 or parts[0] != TREE[:-1] or not _INDEX.fullmatch(parts[3]):
        return None
    return Step(parts[1], parts[2], int(parts[3]))


def is_step(token: str) -> bool:
    """A step names its option by position, which a change of content may have moved."""
    return token.startswith(TREE) and token.count(":") == 3


def is_positional(token: str) -> bool:
    """Steps, walks and changed steps name options by position: out of date once the
    content changed."""
    return is_step(token) or token.startswith((WALK, CHANGE))


def parse_walk(token: str) -> tuple[str, str] | None:
    """``w:TREE:CODE`` -> (tree, code)."""
    if not token.startswith(WALK):
        return None
    tree_id, _, code = token[len(WALK) :].partition(":")
    return tree_id, code


def parse_change(token: str) -> tuple[str, str, int] | None:
    """``c:TREE:CODE:I`` -> (tree, code, I)."""
    parts = token[len(CHANGE) :].split(":") if token.startswith(CHANGE) else []
    if len(parts) != 3 or not _INDEX.fullmatch(parts[2]):
        return None
    return parts[0], parts[1], int(parts[2])


def parse_matches(token: str) -> tuple[int, ...] | None:
    """``q:30.28`` -> (30, 28)."""
    raw = token[len(MATCHES) :].split(".") if token.startswith(MATCHES) else [""]
    if not all(_NUMBER.fullmatch(n) for n in raw):
        return None
    return tuple(int(n) for n in raw)


def parse_back(token: str) -> str | None:
    return token[len(BACK) :] if token.startswith(BACK) else None


def parse_language(token: str) -> Lang | None:
    lang = token[len(LANGUAGE) :] if token.startswith(LANGUAGE) else None
    return lang if lang in LANGS else None  # type: ignore[return-value]


def parse_section(screen: str) -> str | None:
    return screen[len(SECTION) :] if screen.startswith(SECTION) else None


def parse_guideline(screen: str) -> int | None:
    return guideline_number(screen[len(GUIDELINE) :] if screen.startswith(GUIDELINE) else "")


def guideline_number(raw: str) -> int | None:
    """A guideline number as typed ("30"), or None. Short before int(): Python refuses to
    convert thousands of digits, and "٣" is no number a judge means."""
    digits = raw.strip()
    return int(digits) if _NUMBER.fullmatch(digits) else None


def parse_unkeep(token: str) -> Unkeep | None:
    for prefix in (UNKEEP_LISTED, UNKEEP):
        if token.startswith(prefix):
            code = token[len(prefix) :]
            return Unkeep(code if _KEPT_CODE.fullmatch(code) else "", prefix == UNKEEP_LISTED)
    return None


def parse_relay(token: str) -> RelayTap | None:
    action, _, code = token.removeprefix(RELAY).partition(":")
    if not token.startswith(RELAY) or action not in (SEND, DROP):
        return None
    return RelayTap(action, code)


def is_control(token: str) -> bool:
    return token.startswith(CONTROLS)
