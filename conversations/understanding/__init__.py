"""Understanding a typed message (issue 12): which dilemmas it holds, which walkthrough
each belongs to, and how far its words walk that tree, without ever guessing a step.

The engine uses it for every typed message, so the console and Telegram understand alike;
``amicus ask --json`` reports the same walks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from knowledge import Lang
from knowledge.router import Router, Routing

from ..trees import Answer, TreeSet
from .choosing import NodeReader, option_phrases, topic_words
from .meaning import MeaningReader, default_senses, rarity
from .reading import Text, normalise, word_count
from .smallwords import SmallWord, SmallWords
from .splitting import Splitter
from .walking import Walk, ahead, along, changed, held_at, hints_exception, replay, walk
from .words import default_words

REPLY_WORDS = 15  # longer than this, a reply to the question on screen may be a new dilemma
MAX_CUTS = 2  # candidate places to split one message that are tried, at most
SURE_TREE = 20.0  # two decisive concepts name the router's walkthrough: no rival is walked
STEP_WEIGHT = 4.0  # a decided step (and an answer reached) outweighs a decisive concept

__all__ = [
    "Reading",
    "SmallWord",
    "Understanding",
    "Walk",
    "ahead",
    "along",
    "changed",
    "held_at",
    "replay",
]


@dataclass(frozen=True)
class Reading:
    """One dilemma of a message: the router's verdict and how far its words walk."""

    routing: Routing
    walk: Walk | None


class Understanding:
    def __init__(
        self,
        trees: TreeSet,
        router: Router,
    ):
        self.trees = trees
        self.router = router
        self.words = default_words()
        self.lexicon = router.lexicon
        self.small_words = SmallWords(self.words)
        self.splitter = Splitter(self.words)
        self._readers: dict[tuple[str, str], NodeReader] = {}
        self._topic_words: dict[str, frozenset[str]] = {}
        self._ethics = tuple(w.lower() for w in self.words.ethics_words.all())
        self.senses = default_senses()
        self._rarity: dict[str, float] | None = None
        self._profiles: dict[int, Counter[str]] = {}  # id(option) -> its senses (options live on)
        self._bare = frozenset(normalise(w) for w in self.words.answer_words.all())
        self._memo: dict[tuple[str, Lang | None], list[Reading]] | None = None

    def reader(self, tree_id: str, node_id: str) -> NodeReader:
        key = (tree_id, node_id)
        if key not in self._readers:
            tree = self.trees.trees[tree_id]
            if tree_id not in self._topic_words:
                self._topic_words[tree_id] = topic_words(tree, self.lexicon)
            reader = NodeReader.of(
                tree.nodes[node_id], self.words, self.lexicon, self._topic_words[tree_id]
            )
            profiles = [self._profile(o) for o in tree.nodes[node_id].options]
            node = tree.nodes[node_id]
            options = node.options
            denying = frozenset(i for i, o in enumerate(options) if self._denies(o.label))
            # What each option is: its label's senses, or, for a bare "Yes", the question's.
            asked = frozenset(self.senses.profile([node.ask.en, node.ask.zh]))
            cores = tuple(
                frozenset(self.senses.profile([o.label.en, o.label.zh])) or asked for o in options
            )
            meaning = MeaningReader.of(profiles, self._rarities(), reader.yes_or_no, denying, cores)
            self._readers[key] = reader.with_meaning(meaning, self.senses)
        return self._readers[key]

    def _denies(self, label) -> bool:
        """An option that says something is not so: its label opens with a negator."""
        first = normalise(label.en).split(" ", 1)[0].strip(",.")
        return first in self.words.negators.en or label.zh.startswith(tuple(self.words.negators.zh))

    def _profile(self, option):
        """The senses of an option's words, worked out once per option."""
        found = self._profiles.get(id(option))
        if found is None:
            phrases = option_phrases(option, self.lexicon, self._bare)
            found = self._profiles[id(option)] = self.senses.profile(phrases)
        return found

    def _rarities(self) -> dict[str, float]:
        """How rare each sense is across every option of every tree, worked out once."""
        if self._rarity is None:
            self._rarity = rarity(
                self._profile(option)
                for tree in self.trees.trees.values()
                for node in tree.nodes.values()
                if not node.is_answer
                for option in node.options
            )
        return self._rarity

    def small(self, text: str) -> SmallWord | None:
        return self.small_words.read(text)

    def facts_only(self, text: str) -> bool:
        """Whether ``text`` could only be facts for a walk: a short reply that asks nothing
        and is not about conduct or ethics ("那时候还在律所", "I've been on the bench since
        2019"); a longer message, one that asks, or one about ethics is a question."""
        short = word_count(text) <= REPLY_WORDS
        return short and not self.small_words.asks(text) and not self.about_ethics(text)

    @contextmanager
    def one_message(self) -> Iterator[None]:
        """While one message is handled, reading it again (as a reply, as a question of its
        own, as a new dilemma) costs nothing; afterwards its words are not kept."""
        self._memo = {}
        try:
            yield
        finally:
            self._memo = None

    def read(self, text: str, lang: Lang | None = None) -> list[Reading]:
        """The message's dilemmas in order: one, or two when it plainly holds two."""
        if self._memo is None:
            return self._read(text, lang)
        key = (text, lang)
        if key not in self._memo:
            self._memo[key] = self._read(text, lang)
        return self._memo[key]

    def _read(self, text: str, lang: Lang | None) -> list[Reading]:
        cuts = self.splitter.cuts(text)
        # Each cut tried costs a routing of its parts: the strong signs first, and at most
        # one question mark (a weak sign).
        tried = [c for c in cuts if not c.by_question_mark][: MAX_CUTS - 1]
        tried += [c for c in cuts if c.by_question_mark][:1]
        for cut in tried[:MAX_CUTS]:
            first = self.dilemma(cut.parts[0], lang)
            if first.routing.out_of_scope:
                continue
            second = self.dilemma(cut.parts[1], lang)
            if second.routing.out_of_scope:
                continue
            if cut.by_question_mark and _same_topic(first.routing, second.routing):
                continue
            return [first, second]
        return [self.dilemma(text, lang)]

    def dilemma(self, text: str, lang: Lang | None = None) -> Reading:
        routing = self.router.route(text, lang)
        if routing.out_of_scope or routing.tree not in self.trees.trees:
            return Reading(routing, None)
        read = Text(text, self.words)
        # The router's walkthrough, as long as the words decide a step in it. When they
        # decide none there but do elsewhere, the walk they make is better evidence of the
        # dilemma's shape than concepts alone ("follow the defendant's account").
        # Which walkthrough is chosen by the words' own phrases; only then are the
        # options of the chosen one also read by meaning (read everywhere, loose meanings
        # would make rivals out of nothing).
        # A screening question the words say nothing of is passed by its ordinary case, so
        # that they reach the questions behind it ("before I was appointed" answers the
        # second question of the old-posts walkthrough); only steps said count between
        # walkthroughs.
        chosen = walk(
            self.trees.trees[routing.tree],
            self._reader_of(routing.tree),
            read,
            by_meaning=False,
            screens=True,
        )
        scores = dict(routing.tree_scores)
        # One decisive concept does not keep rivals out: "a fake account using my name"
        # names pseudonyms, but its words walk the insult walkthrough to impersonation.
        if not _said(chosen) and scores.get(routing.tree, 0.0) < SURE_TREE:
            # A rival must outweigh what named the router's walkthrough in the first place.
            best: tuple[float, Walk] = (scores.get(routing.tree, 0.0), chosen)
            # Only walkthroughs the words point to at all are walked: a rival with no
            # signal would need two steps more than the router's own, and costs a walk.
            for tree_id in scores:
                tree = self.trees.trees.get(tree_id)
                if tree is None or tree_id == routing.tree:
                    continue
                found = walk(tree, self._reader_of(tree_id), read, by_meaning=False, screens=True)
                if _said(found):
                    score = scores.get(tree_id, 0.0) + STEP_WEIGHT * _evidence(found)
                    if score > best[0]:
                        best = (score, found)
            chosen = best[1]
        # Walked on by meaning from where the phrases stopped.
        tree = self.trees.trees[chosen.tree]
        shown = walk(
            tree,
            self._reader_of(chosen.tree),
            read,
            chosen.steps,
            screens=True,
            assumed=chosen.assumed,
        )
        return Reading(routing, shown)

    def facts(self, found: Walk, text: str) -> dict[str, int]:
        """What the words already choose (by their own phrases) at the questions below the
        one ``found`` stopped at: reached later, they are not asked again."""
        tree = self.trees.trees[found.tree]
        read = Text(text, self.words)
        out = {}
        below = tree.reachable(found.node)[1:]
        for node_id in (n for n in below if not tree.nodes[n].is_answer):
            index = self.reader(tree.id, node_id).choose(read)
            if index is not None:
                out[node_id] = index
        return out

    def reply(
        self, tree_id: str, nodes: list[str], text: str, known: dict[str, int] | None = None
    ) -> tuple[Walk, bool] | None:
        """A typed reply to the open question ``nodes[-1]`` (the path so far): the walk it
        carries further (or corrects) and False; the same walk and True when it only
        repeats what was understood ("he is the defendant, I'm hearing it" once the
        defendant was understood); None when it answers none of the questions."""
        tree = self.trees.trees.get(tree_id)
        here = along(tree, nodes) if tree else None
        if tree is None or here is None or here.answer:
            return None
        prefix = here.steps
        read = Text(text, self.words)
        reader = self._reader_of(tree_id)
        reopened = self._exception(tree, here, read)
        if reopened is not None:
            return reopened, False
        usual = here.assumed
        # By its phrases, the reply answers the open question (and maybe later ones).
        found = walk(
            tree,
            reader,
            read,
            prefix,
            direct=True,
            by_meaning=False,
            known=known,
            screens=True,
            assumed=usual,
        )
        if len(found.steps) == len(prefix):
            # Otherwise only what is no question of its own may answer it by meaning,
            # correct an earlier step, or repeat what was understood ("can I delete old
            # posts?" typed at "who is it?" is a new question, not a sense of "former").
            if self._own_situation(text, tree_id):
                return None
            found = walk(
                tree, reader, read, prefix, direct=True, known=known, screens=True, assumed=usual
            )
            if len(found.steps) == len(prefix):
                found = self._correction(tree, here, read)
        if found is None:
            short = read.word_count <= REPLY_WORDS
            if (short and self._repeats(tree, prefix, read)) or (
                not short and self._within(here, text)
            ):
                return here, True
            return None
        if read.word_count > REPLY_WORDS:
            # A whole new dilemma may happen to answer the question on screen: it is one
            # when, read afresh, it holds two, or walks another walkthrough further than
            # it carries this one ("he's the defendant's expert witness in the trial I'm
            # hearing" answers "who is it?", though it speaks of a trial).
            fresh = self.read(text)
            other = fresh[0].walk
            if len(fresh) > 1 or (
                other is not None
                and other.tree != tree_id
                and (other.answer or len(other.steps) > len(found.steps) - len(prefix))
            ):
                return None
        return found, False

    def _exception(self, tree, here: Walk, read: Text) -> Walk | None:
        """A screening question passed by its ordinary case, asked again when later words
        hint at its exception ("a journalist called about them" after old posts were taken
        as under no complaint): the walk back to that question, or None."""
        for k, (node_id, index) in enumerate(here.steps):
            if tree.ordinary(node_id, index) is None:
                continue
            if hints_exception(tree, node_id, index, self._reader_of(tree.id), read):
                return here.upto(k)
        return None

    def _repeats(self, tree, steps, read: Text) -> bool:
        """Whether the words select, at some step already taken, the option taken there
        (after ``_correction`` found none they select otherwise)."""
        return any(self.reader(tree.id, n).choose(read) == i for n, i in steps)  # by phrases

    def after_answer(self, tree_id: str, nodes: list[str], text: str) -> tuple[Walk, bool] | None:
        """Short facts typed at an answer (``nodes``: the path to it): the walk they correct
        and False, or the same walk and True when they only confirm it ("yes, still
        pending"); None when they read as a new question."""
        tree = self.trees.trees.get(tree_id)
        here = along(tree, nodes) if tree else None
        if tree is None or here is None or not here.answer:
            return None
        steps = here.steps
        read = Text(text, self.words)
        # News that hints at a screening question's exception asks it again: short facts
        # always ("不过有记者来问"), a longer message only when it is no question of its own.
        reopened = self._exception(tree, here, read)
        if reopened is not None and self.facts_only(text):
            return reopened, False
        if self._own_situation(text, tree_id):
            return None
        if reopened is not None:
            return reopened, False
        if self.small_words.answers(text):  # "yes, it's still pending"
            return here, True
        if read.word_count > REPLY_WORDS:
            # Longer facts that, read afresh, only retrace steps already taken ("no, all
            # before I was appointed, and there's no rule on it") confirm the answer: read
            # as a new question they would walk back to a question already answered.
            return (here, True) if self._within(here, text, said=True) else None
        fixed = self._correction(tree, here, read)
        if fixed is not None:
            return fixed, False
        return (here, True) if self._repeats(tree, steps, read) else None

    def _own_situation(self, text: str, tree_id: str) -> bool:
        """Whether ``text`` is a question of its own rather than facts for the walk in
        ``tree_id``: two dilemmas; one outside the guidelines; or one that names social
        media and, read afresh, belongs to another walkthrough or decides a first question
        by its own phrases ("a party to my case follows me on Instagram", "what about my
        old tweets?"). Facts say who, when or yes ("she's the plaintiff", "还没判")."""
        fresh = self.read(text)
        one = fresh[0]
        if len(fresh) > 1 or one.routing.out_of_scope:  # or about something else altogether
            return True
        if one.walk is None or not one.routing.social:
            return False  # "he is the plaintiff's lawyer" says who, not what happened online
        if one.walk.tree != tree_id:
            return True
        tree = self.trees.trees[one.walk.tree]
        read = Text(text, self.words)
        return bool(walk(tree, self._reader_of(tree.id), read, by_meaning=False).steps)

    def _within(self, here: Walk, text: str, said: bool = False) -> bool:
        """Whether ``text``, read afresh as a dilemma of its own, stays on ``here``'s path:
        one dilemma, in the same walkthrough, every step it takes one already taken, and
        no answer reached by itself (a whole dilemma typed again is a question again).
        A fresh walk that stops at a screening question met a hint of its exception ("a
        journalist emailed me about them"): that is news, not a repetition. ``said``: at
        least one step must be chosen by the words, not passed as an ordinary case."""
        fresh = self.read(text)
        other = fresh[0].walk
        if len(fresh) != 1 or other is None or other.tree != here.tree or other.answer:
            return False
        tree = self.trees.trees[other.tree]
        if tree.nodes[other.node].usual is not None or not set(other.steps) <= set(here.steps):
            return False
        return not said or any(n not in other.assumed for n, _ in other.steps)

    def _correction(self, tree, here: Walk, read: Text) -> Walk | None:
        """A reply that answers none of the open questions may still correct an earlier
        step ("he's the defendant's expert witness" after "someone else" was understood):
        the latest step it clearly decides otherwise is changed, the later choices are
        kept where the new path meets their questions, and the reply walks on from there."""
        for step in range(len(here.steps) - 1, -1, -1):
            node_id, old = here.steps[step]
            index = self.reader(tree.id, node_id).choose(read)  # by its phrases only
            if index is None or index == old:
                continue
            fixed = changed(tree, here, step, index)
            if fixed.answer:
                return fixed
            reader = self._reader_of(tree.id)
            return walk(tree, reader, read, fixed.steps, screens=True, assumed=fixed.assumed)
        return None

    def describe(self, walk: Walk, lang: Lang) -> dict[str, object]:
        """A walk as ``amicus ask --json`` reports it (a public contract)."""
        tree = self.trees.trees[walk.tree]
        node = tree.nodes[walk.node]
        understood = [[node_id, tree.understood(node_id, i)(lang)] for node_id, i in walk.steps]
        return {
            "tree": walk.tree,
            "node": walk.node,
            "answer": walk.answer,
            "cites": list(node.cites) if isinstance(node, Answer) else [],
            "understood": understood,
        }

    def about_ethics(self, text: str) -> bool:
        lowered = text.lower()
        return any(w in lowered for w in self._ethics)

    def _reader_of(self, tree_id: str) -> Callable[[str], NodeReader]:
        return lambda node_id: self.reader(tree_id, node_id)


def _said(found: Walk) -> int:
    """How many of a walk's steps the words said (not passed as an ordinary case)."""
    return sum(1 for node_id, _ in found.steps if node_id not in found.assumed)


def _evidence(found: Walk) -> int:
    """How much a walk's words say for its walkthrough: the steps they said, and one more
    for an answer they reached themselves (its last step said, not assumed)."""
    last_said = bool(found.steps) and found.steps[-1][0] not in found.assumed
    return _said(found) + int(found.answer and last_said)


def _same_topic(a: Routing, b: Routing) -> bool:
    if a.tree != b.tree:
        return False
    if a.tree is not None:
        return True
    return bool(a.matches and b.matches and a.matches[0].guideline == b.matches[0].guideline)
