"""Messages that are not questions: a guideline asked for by number, a greeting, thanks,
a bare "ok". They get a short reply and are never searched nor kept."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .reading import PARTICLES, normalise
from .words import Words

_TRAILING = re.compile(r"[\s.!?。！？~～,，]+$")
_BREAK = re.compile(r"[\s,.;:!。，；：！、~～—-]")  # where a confirming word may end
# Besides the question words of understanding.yaml: a question mark, a closing 呢, or an
# English question word where a sentence or clause starts ("how to prepare" inside a
# sentence says what a thing is about, and asks nothing).
_ASKING = re.compile(
    r"[?？]|呢$"
    r"|(?:^|[.!;,，:]\s*)(?:what|how|why|which|who|can|could|may|should|shall|do|does|did"
    r"|am|is|are|will|would)\b(?!\s+to\b)"
)


@dataclass(frozen=True)
class SmallWord:
    kind: Literal["guideline", "greeting", "thanks", "ack"]
    number: int | None = None


class SmallWords:
    def __init__(self, words: Words):
        self.patterns = [re.compile(p) for p in words.guideline_patterns]
        self.kinds = {}
        for kind, group in (
            ("ack", words.acknowledgements),
            ("greeting", words.greetings),
            ("thanks", words.thanks),
        ):
            self.kinds |= {_bare(w): kind for w in group.all()}
        # An empty list must match nothing (an empty alternative would match every message).
        en = "|".join(re.escape(normalise(w)) for w in words.question_words.en) or "(?!)"
        zh = "|".join(re.escape(w) for w in [*words.question_words.zh, *words.a_not_a]) or "(?!)"
        self.asking = re.compile(rf"{_ASKING.pattern}|\b(?:{en})\b|{zh}")
        # Longest first, so that "that's right" is tried before "right".
        self.confirming = sorted((_bare(w) for w in words.confirmations.all()), key=len)[::-1]

    def read(self, text: str) -> SmallWord | None:
        bare = _bare(text)
        if len(bare) > 40:  # small words are small; this also bounds the patterns' work
            return None
        for pattern in self.patterns:
            found = pattern.match(bare)
            if found:
                return SmallWord("guideline", int(found.group(1)))
        kind = self.kinds.get(bare)
        return SmallWord(kind) if kind else None  # type: ignore[arg-type]

    def asks(self, text: str) -> bool:
        """Whether the message asks something (a question mark, 吗, "should I" …), as a
        question of its own does; facts typed as a reply ("那时候还在律所") do not."""
        return bool(self.asking.search(normalise(text)))

    def answers(self, text: str) -> bool:
        """Whether the message confirms: a confirming word standing alone or before a clause
        break ("yes, still pending", "对，还没判", "是的"), in a message that asks nothing.
        对方…, 是否…, "yes, and may I…" open something else."""
        bare = normalise(text)
        if self.asks(bare):
            return False
        for word in self.confirming:
            if bare.startswith(word):
                rest = bare[len(word) :].lstrip(PARTICLES)
                if not rest or _BREAK.match(rest):
                    return True
        return False


def _bare(text: str) -> str:
    return _TRAILING.sub("", normalise(text))
