"""Messages that are not questions: a guideline asked for by number, a greeting, thanks,
a bare "ok". They get a short reply and are never searched nor kept."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .reading import _CJK, normalise
from .words import Words

_TRAILING = re.compile(r"[\s.!?。！？~～,，]+$")


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

    def answers(self, text: str) -> bool:
        """Whether the message opens by confirming ("yes, still pending", "对，还没判")."""
        bare = normalise(text)
        for word in self.confirming:
            if bare.startswith(word):
                rest = bare[len(word) :]
                if not rest or not rest[0].isalnum() or _CJK.match(word[-1]):
                    return True
        return False


def _bare(text: str) -> str:
    return _TRAILING.sub("", normalise(text))
