"""Where one message holds two dilemmas: numbered parts, a marker that starts a new
sentence ("Also, …", "Separately, …", "另外，…", "还有…"), or two questions ("…? …?").

This only proposes cuts; the caller keeps a cut when both parts are questions in scope
(and, for a bare second question mark, about different things)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from .reading import word_count
from .words import Words

# "1)", "1.", "(1)", "（1）", "1）", "①", and Chinese ordinals: "一是…二是…", "一、…二、…",
# "其一…其二…", "第一，…第二，…".
_NUMBERED = re.compile(
    r"(?:^|(?<=[\s,.;:?!，。；：？！]))"
    r"(?:\(?[1-9][).、）]|（[1-9]）|[①-⑨]|[一二]是|[一二]、|其[一二][，,：:]?"
    r"|第[一二](?:个问题|件事|点)?[，,：:、])\s*"
)
_QUESTION = re.compile(r"(?<=[?？])\s*(?=\S)")
MIN_PART = 6  # characters: shorter than this is not a dilemma of its own
MIN_QUESTION_WORDS = 5  # a second question after a "?" is a dilemma of its own from here
_ZH_AFTER_COMMA = frozenset(
    {"另外", "此外", "另一个问题", "第二个问题", "还想问", "顺便问", "另一件事"}
)


@dataclass(frozen=True)
class Cut:
    parts: tuple[str, str]
    by_question_mark: bool  # a weaker sign: kept only for parts on different topics


class Splitter:
    def __init__(self, words: Words):
        en = _alternatives(words.split_markers.en)
        zh_any = _alternatives(m for m in words.split_markers.zh if m in _ZH_AFTER_COMMA)
        zh = _alternatives(words.split_markers.zh)
        # A marker counts where a sentence (or line) starts, never in mid-sentence:
        # "I also liked it", "，还有人@我" are one dilemma. After a comma only the markers
        # that cannot be read otherwise (另外, 此外) start a new one.
        self.marker = re.compile(
            rf"(?:(?<=[.;?!\n])|(?<=[.;?!]\s)|(?<=,\sand\s))\s*(?:and\s+)?(?:{en})\b[,:]?\s*"
            rf"|(?<=[。；？！?!\n])\s*(?:{zh})[，,：:]?"
            rf"|(?<=[，,])\s*(?:{zh_any})[，,：:]?",
            re.I,
        )

    def cuts(self, text: str) -> list[Cut]:
        """Candidate cuts, the strongest signs first."""
        out: list[Cut] = []
        numbered = [m for m in _NUMBERED.finditer(text)]
        if len(numbered) >= 2:
            pieces = [text[a.end() : b.start()] for a, b in itertools.pairwise(numbered)]
            pieces.append(text[numbered[-1].end() :])
            head = text[: numbered[0].start()]
            first = (head + " " + pieces[0]).strip()
            out.append(Cut((first, " ".join(pieces[1:]).strip()), False))
        for found in self.marker.finditer(text):
            out.append(Cut((text[: found.start()].strip(), text[found.end() :].strip()), False))
        if len(re.findall(r"[?？]", text)) >= 2:  # two questions asked, not one explained
            for found in _QUESTION.finditer(text):
                second = text[found.end() :].strip()
                if word_count(second) >= MIN_QUESTION_WORDS:  # not a short "Block him?"
                    out.append(Cut((text[: found.start()].strip(), second), True))
        return [c for c in out if all(len(p) >= MIN_PART for p in c.parts)]


def _alternatives(markers) -> str:
    return "|".join(re.escape(m) for m in sorted(markers, key=len, reverse=True))
