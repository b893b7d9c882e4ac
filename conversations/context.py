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

EXCERPT_CHARS = 120
_SENTENCE = re.compile(r".+?[。！？.!?](?=\s|$)|.+$", re.S)
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
        """The guideline's first sentence, verbatim, cut with … only if very long."""
        text = self.corpus.guideline(number).text(lang)
        first = _SENTENCE.match(text)
        sentence = first.group(0).strip() if first else text
        if len(sentence) > EXCERPT_CHARS:
            return sentence[: EXCERPT_CHARS - 1].rstrip() + "…"
        return sentence if sentence == text.strip() else sentence + " …"

    def full_text_option(self, number: int, lang: Lang) -> Option:
        """The button that opens a cited guideline's verbatim text."""
        label = self.ui.full_text.format(lang, citation=self.citation(number, lang))
        return Option(tokens.guideline(number), label)

    def contact(self, lang: Lang) -> str:
        return self.adviser_contact or self.ui.adviser_default_contact(lang)
