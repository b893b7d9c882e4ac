"""The text being redacted: what the judge typed, and the normalised copy the rules read.

The rules match on a *matching copy*: NFKC (full-width digits and letters, no-break and
narrow spaces, compatibility ideographs), without zero-width characters and soft hyphens,
with every dash read as "-" and look-alike Cyrillic or Greek letters read as Latin. Each
character of the copy remembers which characters of the original it came from, so a span
found in the copy replaces exactly the original characters it stands for, and every
character outside a redacted span comes back exactly as typed.

Every replaced span becomes one private-use *sentinel* character in the copy. Later rules
cannot match inside an earlier replacement, and a placeholder already present in the input
(the text may have been redacted before) becomes a sentinel too, so redacting twice changes
nothing more.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from .wordlists import load

Span = tuple[int, int]


def _placeholders() -> dict[str, tuple[str, str]]:
    return {kind: (texts["zh"], texts["en"]) for kind, texts in load("placeholders").items()}


# kind -> (Chinese form, English form)
PLACEHOLDERS: dict[str, tuple[str, str]] = _placeholders()

_NORMALISE = load("normalise")
_DROPPED = frozenset(_NORMALISE["dropped"])
_SPECIAL: dict[str, str] = {
    **dict.fromkeys(_NORMALISE["dashes"], "-"),
    **_NORMALISE["lookalikes"],
    **dict.fromkeys(_DROPPED, ""),
}
# A run of whitespace is read as one space (or one line break), so no rule ever sees two in a
# row: the usual source of catastrophic backtracking (``\s*:?\s*``) is gone before any rule
# runs. A base character with its combining marks is normalised as one cluster (e + ◌́ → é).
_CLUSTER = re.compile(
    r"(?P<space>\s+)|.[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]*", re.S
)
_LINE_BREAK = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
_SPACES = re.compile(r"\s{2,}")

# Two supplementary private-use planes give 131 068 sentinels: far more than the characters
# of any piece the pipeline hands over (see limits.MAX_PIECE).
_PLANE15, _PLANE16, _PER_PLANE = 0xF0000, 0x100000, 0xFFFE
SENTINEL_CLASS = "\U000f0000-\U000ffffd\U00100000-\U0010fffd"
SENTINEL_RE = re.compile(f"[{SENTINEL_CLASS}]")

_PLACEHOLDER_TEXT = "|".join(
    re.escape(form) for pair in PLACEHOLDERS.values() for form in sorted(pair, key=len)
)
# A placeholder already in the text, or a character that would collide with a sentinel.
_PROTECT_RE = re.compile(f"{_PLACEHOLDER_TEXT}|[{SENTINEL_CLASS}]")


def _sentinel(index: int) -> str:
    if index < _PER_PLANE:
        return chr(_PLANE15 + index)
    return chr(_PLANE16 + index - _PER_PLANE)


def _slot_of(char: str) -> int:
    code = ord(char)
    return code - _PLANE15 if code < _PLANE16 else code - _PLANE16 + _PER_PLANE


# Characters NFKC leaves alone and no other rule of the matching copy touches: printable
# ASCII, CJK ideographs and the common Chinese punctuation that has no compatibility form; a
# single space (not one of a run). Runs of these are copied as they are, which makes the
# matching copy of a Chinese or English question cheap; everything else goes by cluster.
_COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_STABLE_RUN = re.compile(
    r"(?:[\x21-\x7e\u3001\u3002\u3008-\u3011\u2018\u2019\u201c\u201d\u3400-\u4dbf\u4e00-\u9fff]"
    rf"(?![{_COMBINING}])|(?<!\s) (?![\s\u00ad\u180e\u200b-\u200f\u2060\ufeff{_COMBINING}]))+"
)


def normalise(text: str) -> tuple[str, list[int], list[int]]:
    """The matching copy of ``text``, and for each of its characters the start and end of the
    original characters it came from."""
    if text.isascii() and not _SPACES.search(text):
        identity = list(range(len(text) + 1))
        return text, identity[:-1], identity[1:]
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for stable in _STABLE_RUN.finditer(text):
        if stable.start() > pos:
            _fold(text, pos, stable.start(), parts, starts, ends)
        start, end = stable.span()
        parts.append(stable.group())
        starts += range(start, end)
        ends += range(start + 1, end + 1)
        pos = end
    if pos < len(text):
        _fold(text, pos, len(text), parts, starts, ends)
    return "".join(parts), starts, ends


def _fold(text: str, pos: int, end: int, parts: list[str], starts: list[int], ends: list[int]):
    """The matching copy of ``text[pos:end]``, cluster by cluster."""
    for match in _CLUSTER.finditer(text, pos, end):
        cluster = match.group()
        if match.group("space"):
            folded = "\n" if _LINE_BREAK.search(cluster) else " "
        elif cluster in _SPECIAL:
            folded = _SPECIAL[cluster]
        elif cluster.isascii():
            folded = cluster
        else:
            folded = unicodedata.normalize("NFKC", cluster)
            folded = "".join(_SPECIAL.get(char, char) for char in folded)
        start, stop = match.span()
        parts.append(folded)
        starts += [start] * len(folded)
        ends += [stop] * len(folded)


@dataclass
class _Slot:
    kind: str | None  # placeholder kind, or None for text kept as typed
    start: int  # in the original
    end: int
    alive: bool = True


class Text:
    """The original and its matching copy; ``norm`` is what the rules read."""

    def __init__(self, text: str) -> None:
        self.orig = text
        self.norm, self._starts, self._ends = normalise(text)
        self._slots: list[_Slot] = []
        # Private-use characters typed by the judge are not sentinels yet: protect them first.
        self._ours = False
        self.replace((m.span() for m in _PROTECT_RE.finditer(self.norm)), None)
        self._ours = True

    def replace(self, spans: Iterable[Span], kind: str | None) -> bool:
        """Put a sentinel in place of each span of ``norm``; overlapping or empty spans are
        skipped (the first, then the longest, wins)."""
        chosen: list[Span] = []
        last_end = -1
        for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
            if start >= last_end and end > start:
                chosen.append((start, end))
                last_end = end
        if not chosen:
            return False
        norm, starts, ends = [], [], []
        pos = 0
        for start, end in chosen:
            for covered in SENTINEL_RE.findall(self.norm, start, end) if self._ours else ():
                self._slots[_slot_of(covered)].alive = False
            orig_start, orig_end = self._starts[start], self._ends[end - 1]
            self._slots.append(_Slot(kind, orig_start, orig_end))
            norm += [self.norm[pos:start], _sentinel(len(self._slots) - 1)]
            starts += [*self._starts[pos:start], orig_start]
            ends += [*self._ends[pos:start], orig_end]
            pos = end
        norm.append(self.norm[pos:])
        self.norm = "".join(norm)
        self._starts = starts + self._starts[pos:]
        self._ends = ends + self._ends[pos:]
        return True

    def sentinels(self, kind: str) -> str:
        """The sentinel characters in ``norm`` that stand for spans replaced as ``kind``."""
        return "".join(
            _sentinel(index)
            for index, slot in enumerate(self._slots)
            if slot.alive and slot.kind == kind
        )

    def literals(self, kind: str) -> list[str]:
        """The original text of every span replaced as ``kind``."""
        return [self.orig[s.start : s.end] for s in self._slots if s.alive and s.kind == kind]

    def render(self, lang: str) -> str:
        """The original with each replaced span as its placeholder in ``lang``."""
        column = 0 if lang == "zh" else 1
        out, pos = [], 0
        for slot in sorted((s for s in self._slots if s.alive), key=lambda s: s.start):
            if slot.start < pos:
                continue
            out.append(self.orig[pos : slot.start])
            literal = self.orig[slot.start : slot.end]
            out.append(literal if slot.kind is None else PLACEHOLDERS[slot.kind][column])
            pos = slot.end
        out.append(self.orig[pos:])
        return "".join(out)
