"""What every screen needs to speak: the corpus, the trees, the interface's words."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from knowledge import Corpus, Lang

from . import tokens
from .replies import Block, Option, Reply
from .trees import TreeSet
from .ui import UiText

# An excerpt is one whole sentence, the one that says what to do, cut only at a clause
# boundary (never mid-word) when it is very long.
EXCERPT_CHARS = {"en": 260, "zh": 110}
_SENTENCE = {
    "en": re.compile(r".+?[.!?](?=\s|$)|.+$", re.S),
    "zh": re.compile(r".+?[。！？]|.+$", re.S),
}
_CLAUSE = re.compile(r"(?<=[,;:，；：、])")
_OPERATIVE = re.compile(r"\b(?:should|must|shall|are encouraged|are advised)\b|应|鼓励|不得")
Renderer = Callable[[str, Lang], Reply]


@dataclass(frozen=True)
class Context:
    corpus: Corpus
    ui: UiText
    trees: TreeSet
    adviser_contact: str | None = None  # the judiciary's own text; None: the neutral default
    relay: bool = False  # human advisers answer in a chat the transport can reach

    def citation(self, number: int, lang: Lang) -> str:
        return self.ui.citation.format(lang, number=number)

    def citations(self, numbers: Iterable[int], lang: Lang) -> str:
        return self.ui.list_separator(lang).join(self.citation(n, lang) for n in numbers)

    def guideline_heading(self, number: int, lang: Lang) -> str:
        g = self.corpus.guideline(number)
        return self.ui.guideline_heading.format(lang, number=number, title=g.title(lang))

    def guideline_blocks(self, number: int, lang: Lang) -> tuple[Block, ...]:
        g = self.corpus.guideline(number)
        section = self.corpus.section(g.section)
        # A translation note belongs right under the text it qualifies.
        note = (Block("note", g.translation_note(lang)),) if g.translation_note else ()
        return (
            Block("guideline", g.text(lang)),
            *note,
            Block("note", self.ui.section_of.format(lang, section=section.title(lang))),
            Block("note", self.ui.unofficial_rendering(lang)),
        )

    def excerpt(self, number: int, lang: Lang) -> str:
        """The guideline's operative sentence, verbatim; a long one cut at a clause boundary,
        keeping the clause that says what to do (e.g. "but should avoid responding directly")."""
        text = self.corpus.guideline(number).text(lang).strip()
        sentences = [m.group(0).strip() for m in _SENTENCE[lang].finditer(text)]
        sentences = [x for x in sentences if x] or [text]
        sentence = next((x for x in sentences if _OPERATIVE.search(x)), sentences[0])
        limit = EXCERPT_CHARS[lang]
        if len(sentence) > limit:
            sentence = _clauses_within(sentence, limit)
        if sentence == text:
            return sentence
        before = "… " if not text.startswith(sentence) else ""
        return before + sentence + ("" if text.endswith(sentence) else " …")

    def full_text_option(self, number: int, lang: Lang) -> Option:
        """The button that opens a cited guideline's verbatim text."""
        label = self.ui.full_text.format(lang, citation=self.citation(number, lang))
        return Option(tokens.guideline(number), label)

    def contact(self, lang: Lang) -> str:
        return self.adviser_contact or self.ui.adviser_default_contact(lang)


def _clauses_within(sentence: str, limit: int) -> str:
    """Whole clauses of ``sentence`` up to ``limit`` characters, starting where the
    operative clause still fits."""
    clauses = [c for c in _CLAUSE.split(sentence) if c]
    operative = next((i for i, c in enumerate(clauses) if _OPERATIVE.search(c)), 0)
    start = 0
    while start < operative and len("".join(clauses[start : operative + 1])) > limit:
        start += 1
    kept = ""
    for clause in clauses[start:]:
        if kept and len(kept + clause) > limit:
            break
        kept += clause
    return kept.strip().rstrip(",;:，；：、").strip()
