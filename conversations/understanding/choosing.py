"""Which option of a question a message selects: exactly one, clearly, or none.

An option is selected when one of its phrases occurs and is not negated. When a phrase
of one option shares words with a longer phrase of a sibling ("a lawyer" and "lawyer in
my case"), the longer, more specific one wins. Two options still selected: the words do not
decide, and Amicus asks. Of a yes/no question, a negated option with no rival hit
selects the other ("the lawyer has no case before me").
"""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.lexicon import Lexicon

from ..trees import Node
from .reading import Hit, Phrase, Text, normalise
from .words import Words


@dataclass(frozen=True)
class NodeReader:
    options: tuple[tuple[Phrase, ...], ...]  # per option, its phrases
    labels: tuple[tuple[Phrase, ...], ...]  # per option, its labels: direct replies only

    @property
    def yes_or_no(self) -> bool:
        """Two options each answered by a bare yes/no word: denying one chooses the other
        (where "not a lawyer" would never mean "a fellow judge")."""
        return len(self.options) == 2 and all(any(p.bare for p in o) for o in self.options)

    @classmethod
    def of(cls, node: Node, words: Words, lexicon: Lexicon | None) -> NodeReader:
        bare = {normalise(w) for w in words.answer_words.all()}
        options, labels = [], []
        for option in node.options:
            raw: list[str] = []
            if option.means is not None:
                raw += [*option.means.en, *option.means.zh]
                for concept in option.means.concepts:
                    terms = lexicon.concepts.get(concept) if lexicon else None
                    raw += [*terms.en, *terms.zh] if terms else []
            options.append(tuple(Phrase(p, normalise(p) in bare) for p in dict.fromkeys(raw)))
            labels.append((Phrase(option.label.en), Phrase(option.label.zh)))
        return cls(tuple(options), tuple(labels))

    def choose(self, text: Text, direct: bool = False) -> int | None:
        """The one option the words select, or None when they leave the question open."""
        hits: list[list[Hit]] = []
        present = text.present
        for i, phrases in enumerate(self.options):
            usable = [p for p in phrases if p.first in present and (direct or not p.bare)]
            if direct:
                usable += self.labels[i]
            hits.append([h for p in usable for h in text.hits(p)])
        said = [[h for h in found if not h.negated] for found in hits]
        every = [h for found in said for h in found]
        # A hit inside a longer sibling hit is part of that phrase, not a choice of its own.
        kept = [
            i
            for i, found in enumerate(said)
            if any(not any(h.inside(o) for o in every if o not in found) for h in found)
        ]
        if len(kept) == 1:
            return kept[0]
        if not kept and self.yes_or_no:
            denied = [i for i, found in enumerate(hits) if found and all(h.negated for h in found)]
            if len(denied) == 1:
                return 1 - denied[0]
        return None
