"""Which option of a question a message selects: exactly one, clearly, or none.

An option is selected when one of its phrases occurs and is not negated. When a phrase
of one option shares words with a longer phrase of a sibling ("a lawyer" and "lawyer in
my case"), the longer, more specific one wins. Two options still selected: the words do not
decide, and Amicus asks. Of a yes/no question, a negated option with no rival hit
selects the other ("the lawyer has no case before me").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from knowledge.lexicon import Lexicon
from knowledge.textmatch import CJK

from ..trees import Node, Tree, TreeOption
from .meaning import MeaningReader, Senses
from .reading import Hit, Phrase, Text, normalise
from .words import Words

LEAD = 2  # how many times more often an option must be named than any sibling
TOPIC_WEIGHT = 3  # a tree's signals this strong name its topic
MIN_SHARED = 2  # an option's phrases a lexicon concept must hold to lend it its words


@dataclass(frozen=True)
class NodeReader:
    options: tuple[tuple[Phrase, ...], ...]  # per option, its phrases
    labels: tuple[tuple[Phrase, ...], ...]  # per option, its labels: direct replies only
    # per option, the further words it claims by meaning (lexicon concepts of its phrases):
    # read only when the option's own phrases decide nothing
    related: tuple[tuple[Phrase, ...], ...] = ()
    # the options by meaning (meaning.py): read last, when no phrase of any option occurs
    meaning: MeaningReader | None = None
    senses: Senses | None = None
    # first word -> (option, phrase), per phrase list (options, related): built on first use
    _indexes: dict[int, dict[str, list[tuple[int, Phrase]]]] = field(
        default_factory=dict, compare=False, repr=False
    )

    @property
    def yes_or_no(self) -> bool:
        """Two options each answered by a bare yes/no word: denying one chooses the other
        (where "not a lawyer" would never mean "a fellow judge")."""
        return len(self.options) == 2 and all(any(p.bare for p in o) for o in self.options)

    @classmethod
    def of(
        cls,
        node: Node,
        words: Words,
        lexicon: Lexicon | None,
        topic: frozenset[str] = frozenset(),
    ) -> NodeReader:
        """``topic``: words that say what the whole tree is about, never borrowed by an option."""
        bare = {normalise(w) for w in words.answer_words.all()}
        claimed = [_claimed(option, lexicon) for option in node.options]
        every = [set(own) | set(more) for own, more in claimed]
        options, labels, related = [], [], []
        for i, option in enumerate(node.options):
            own, more = claimed[i]
            options.append(tuple(phrase(p, p in bare) for p in own))
            labels.append((phrase(option.label.en), phrase(option.label.zh)))
            # A word a sibling claims too cannot tell the options apart.
            rivals = set().union(*(every[j] for j in range(len(every)) if j != i)) | topic
            borrowed = [p for p in more if p not in rivals and p not in own]
            related.append(tuple(phrase(p) for p in borrowed if _specific(p)))
        return cls(tuple(options), tuple(labels), tuple(related))

    def with_meaning(self, meaning: MeaningReader, senses: Senses) -> NodeReader:
        return NodeReader(self.options, self.labels, self.related, meaning, senses)

    def choose(self, text: Text, direct: bool = False, spent: set[str] | None = None) -> int | None:
        """The one option the words select, or None when they leave the question open.
        ``spent``: given, the options may be read by meaning too (see meaning.py)."""
        found = self._by_phrase(text, direct)
        if found is not None or spent is None or self.meaning is None or self.senses is None:
            if found is not None and spent is not None:
                self.spend(text, found, spent)
            return found
        if self._any_hit(self.options, text, direct) or (
            self.related and self._any_hit(self.related, text, False)
        ):
            return None
        return self.meaning.choose(*text.senses(self.senses), spent)

    def hints_other(
        self, text: Text, usual: int, spent: frozenset[tuple[int, int]] = frozenset()
    ) -> bool:
        """Whether anything in the words points to an option other than ``usual``, however
        faintly: a phrase of it (or of its borrowed meaning) said and not negated, or its
        senses. A screening question is passed by its ordinary case only when nothing does
        ("a journalist emailed me about them" is no complaint by phrase, but no ordinary
        case either). Senses hint only through what an exception is (its label's senses:
        "I was a defence lawyer before my appointment" says nothing of a case before me
        now), except those said in a sentence of their own, apart from the ``spent`` ones
        whose phrases decide the later steps (see walking.spent_sentences): "… from law
        school? Defence counsel quoted them in a motion" hints at a case before me."""
        stated: list[Hit] = []
        for options in (self.options, self.related):
            said = self._said(options, text, direct=False)[1]
            if any(found for i, found in enumerate(said) if i != usual):
                return True
            stated += said[usual]
        if self.meaning is None or self.senses is None:
            return False
        if stated:
            # The ordinary case said in so many words ("our court has no rules on it") is
            # no hint against itself, whatever else its clause shares with an exception;
            # another clause may still hint ("nobody has complained, but a journalist
            # emailed me about them").
            text = text.blanked([text.clause_of(h.start) for h in stated])
        if self.meaning.leans(text.senses(self.senses)[0], usual):
            return True
        apart = [(start, end) for start, end in text.sentences() if (start, end) not in spent]
        if not apart:
            return False
        rest = Text(" . ".join(text.text[a:b] for a, b in apart), text.words)
        return self.meaning.leans(rest.senses(self.senses)[0], usual, gate=False)

    def said_sentences(self, text: Text, index: int) -> set[tuple[int, int]]:
        """The sentences where a phrase of option ``index`` (own or borrowed) is said."""
        return {
            text.sentence_of(hit.start)
            for options in (self.options, self.related)
            if options
            for hit in self._said(options, text, direct=False)[1][index]
        }

    def spend(self, text: Text, index: int, spent: set[str]) -> None:
        """What decided this step (option ``index``) decides nothing more by meaning."""
        if self.meaning is not None and self.senses is not None:
            weights = self.meaning.weights[index]
            spent.update(s for s in text.senses(self.senses)[0] if s in weights)

    def _by_phrase(self, text: Text, direct: bool) -> int | None:
        found = self._choose(self.options, text, direct)
        if found is None and self.related and not self._any_hit(self.options, text, direct):
            found = self._choose(self.related, text, False)
        return found

    def _usable(self, options, text: Text, direct: bool) -> list[list[Phrase]]:
        """Per option, its phrases that may occur in ``text``: only those whose first word
        (or Chinese character) the text holds are looked up, by an index built once."""
        index = self._index(options)
        usable: list[list[Phrase]] = [[] for _ in options]
        for first in text.present & index.keys():
            for i, phrase in index[first]:
                if direct or not phrase.bare:
                    usable[i].append(phrase)
        return usable

    def _index(self, options) -> dict[str, list[tuple[int, Phrase]]]:
        key = id(options)
        index = self._indexes.get(key)
        if index is None:
            index = {}
            for i, phrases in enumerate(options):
                for phrase in phrases:
                    if phrase.key:
                        index.setdefault(phrase.first, []).append((i, phrase))
            self._indexes[key] = index
        return index

    def _any_hit(self, options, text: Text, direct: bool) -> bool:
        return any(text.hits(p) for usable in self._usable(options, text, direct) for p in usable)

    def _said(self, options, text: Text, direct: bool) -> tuple[list[list[Hit]], list[list[Hit]]]:
        """Per option, every hit of its phrases, and those said: not negated, and not inside
        a denied phrase (我手上 in 我手上的案子没关系 is denied with it)."""
        hits: list[list[Hit]] = []
        for i, usable in enumerate(self._usable(options, text, direct)):
            if direct:
                usable += self.labels[i]
            hits.append([h for p in usable for h in text.hits(p)])
        denials = [h for found in hits for h in found if h.negated]
        said = [
            [h for h in found if not h.negated and not any(h.inside(d) for d in denials)]
            for found in hits
        ]
        return hits, said

    def _choose(self, options, text: Text, direct: bool) -> int | None:
        hits, said = self._said(options, text, direct)
        every = [h for found in said for h in found]
        # A hit inside a longer sibling hit is part of that phrase, not a choice of its own.
        kept = [
            i
            for i, found in enumerate(said)
            if any(not any(h.inside(o) for o in every if o not in found) for h in found)
        ]
        if len(kept) == 1:
            return kept[0]
        if kept:
            # Several options named: one still decides when it is named clearly more
            # often (in distinct places) than any sibling, "the defendant's attorney in a
            # case I'm hearing" over "attorney" alone.
            spans = {i: len({(h.start, h.end) for h in said[i]}) for i in kept}
            best = max(kept, key=spans.__getitem__)
            if all(spans[best] >= LEAD * spans[i] for i in kept if i != best):
                return best
            return None
        if not kept and self.yes_or_no:
            # A denial by a negative subject alone ("nobody knows if it is still open") says
            # nothing of the other answer.
            denied = [
                i
                for i, found in enumerate(hits)
                if found and all(h.negated and not h.by_subject for h in found)
            ]
            if len(denied) == 1:
                return 1 - denied[0]
        return None


@cache
def phrase(raw: str, bare: bool = False) -> Phrase:
    """One Phrase per wording: the same words recur across options and trees, and each
    Chinese one compiles a pattern."""
    return Phrase(raw, bare)


def topic_words(tree: Tree, lexicon: Lexicon | None) -> frozenset[str]:
    """Words that cannot decide a question of ``tree`` by borrowed meaning: the terms of the
    concepts that most strongly route a message to the tree (they say what it is about, not
    which option), and the words borrowed at two questions or more (they would decide twice)."""
    if lexicon is None:
        return frozenset()
    out: set[str] = set()
    pointer = lexicon.trees.get(tree.id)
    for concept, weight in pointer.signals.items() if pointer else ():
        if weight < TOPIC_WEIGHT:
            continue  # a lesser signal ("a pending case") may still tell options apart
        terms = lexicon.concepts.get(concept)
        out |= {normalise(t) for t in (*terms.en, *terms.zh)} if terms else set()
    seen: dict[str, str] = {}
    for node_id, node in tree.nodes.items():
        for option in node.options:
            for phrase in _claimed(option, lexicon)[1]:
                if seen.setdefault(phrase, node_id) != node_id:
                    out.add(phrase)
    return frozenset(out)


def _specific(phrase: str) -> bool:
    """Words borrowed by meaning must be specific enough to stand for the option alone:
    two English words or more, three Chinese characters or more ("friend" alone is not)."""
    return len(phrase) >= 3 if CJK.search(phrase) else len(phrase.split()) >= 2


def _claimed(option: TreeOption, lexicon: Lexicon | None) -> tuple[list[str], list[str]]:
    """An option's own phrases (its means and the concepts it names), and the phrases it
    claims by meaning: every term of each lexicon concept that holds one of its own
    phrases, so that "the accused's attorney" counts where "defendant's lawyer" was written."""
    direct: list[str] = []
    if option.means is not None:
        direct += [*option.means.en, *option.means.zh]
        for concept in option.means.concepts:
            terms = lexicon.concepts.get(concept) if lexicon else None
            direct += [*terms.en, *terms.zh] if terms else []
    direct = list(dict.fromkeys(normalise(p) for p in direct))
    related: list[str] = []
    if lexicon is not None and (option.means is None or option.means.borrows):
        index = lexicon.concepts_by_term
        # What the router counts as off topic says nothing of an option: "forgot my
        # password" lends an old account no court-IT words ("work email", 办案系统).
        scope = set(lexicon.scope.off_topic)
        votes = Counter(c for phrase in direct for c in index.get(phrase, ()) if c not in scope)
        # A concept speaks for the option only when several of its phrases are that
        # concept's terms: one phrase shared by chance says nothing of the option's meaning.
        for concept, count in votes.items():
            if count >= MIN_SHARED:
                terms = lexicon.concepts[concept]
                related += [normalise(t) for t in (*terms.en, *terms.zh)]
    return direct, list(dict.fromkeys(related))


def option_phrases(option: TreeOption, lexicon: Lexicon | None, bare: frozenset[str]) -> list[str]:
    """Everything an option says of itself, for its profile by meaning: its phrases (not
    the bare yes/no words, which mean nothing out of a reply) and its label."""
    own = [p for p in _claimed(option, lexicon)[0] if p not in bare]
    return [*own, option.label.en, option.label.zh]
