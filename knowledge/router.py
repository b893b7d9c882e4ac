"""Free-text questions -> ranked guidelines, the walkthrough to offer, or out of scope.

Three kinds of evidence, all drawn from curated knowledge kept in YAML:
- the lexicon (``data/lexicon.yaml``): concepts in the judges' own words; each guideline
  adds the weights of its concepts present in the question, a concept counting for more
  the fewer guidelines it points to (inverse document frequency);
- the nearest texts (``similarity.Index``): guideline texts, example questions and the
  walkthroughs' steps; the nearest vote for the guidelines they stand for;
- a classifier learnt from those same texts (``bayes.NaiveBayes``): which guideline's texts,
  taken together, share the most words with the question.
The weights below were chosen by measurement on the development questions
(``amicus eval``); the held-out questions were never used to choose them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .bayes import OUT_OF_SCOPE, NaiveBayes
from .corpus import Corpus
from .lexicon import Lexicon, Pointer
from .schema import Lang
from .similarity import Document, Index, bag
from .textmatch import CJK, CJK_RUN, TermMatcher, language, normalise

PHRASE_BONUS = 6.0
SIMILARITY_WEIGHT = 30.0
BAYES_WEIGHT = 10.0  # the classifier's posterior (0-1) for a guideline, in score points
MIN_SCORE = 3.0  # below this no guideline is said to match
MIN_SCORE_WITHOUT_SOCIAL = 9.0  # with nothing of social media in it, the bar is higher
# With nothing of social media in it, an out-of-scope example this near (as a share of the
# nearest text's similarity) counts as the nearest:
# "recuse because of my former firm?" sits as close to "endorse a former colleague's firm on
# LinkedIn" as to "recuse because I worked at the firm", and is no social-media question.
OFF_TOPIC_TIE = 0.9
MAX_MATCHES = 5
TREE_MIN_SCORE = 2.0


@dataclass(frozen=True)
class Match:
    guideline: int
    score: float


@dataclass(frozen=True)
class Routing:
    lang: Lang
    matches: tuple[Match, ...]
    tree: str | None
    out_of_scope: bool
    # Every walkthrough the lexicon points to, with its score, best first: the
    # understanding weighs them against how far the words walk each one.
    tree_scores: tuple[tuple[str, float], ...] = field(default=(), compare=False)
    # Whether it names social media or an online act (a platform, a post, a request):
    # a situation of its own, not a reply that only says who or when.
    social: bool = field(default=False, compare=False)

    def to_json(self) -> dict[str, object]:
        return {
            "lang": self.lang,
            "matches": [{"guideline": m.guideline, "score": m.score} for m in self.matches],
            "tree": self.tree,
            "out_of_scope": self.out_of_scope,
        }


class Router:
    def __init__(self, corpus: Corpus, lexicon: Lexicon, documents: Iterable[Document] = ()):
        self.corpus = corpus
        self.lexicon = lexicon
        documents = list(documents)
        bags = [bag(d.text) for d in documents]
        self.index = Index(documents, bags)
        self.bayes = NaiveBayes(documents, bags)
        pointing = Counter(c for p in lexicon.guidelines.values() for c in p.signals)
        self._idf = {
            c: math.log(1 + len(lexicon.guidelines) / pointing.get(c, 1)) for c in lexicon.concepts
        }
        # A concept nothing points to is a walkthrough option's vocabulary (tree `means`),
        # not routing evidence: its terms must not take words from the concepts that are.
        pointed = {c for _, p in self._pointers() for c in p.signals}
        pointed |= {*lexicon.scope.social, *lexicon.scope.off_topic, *lexicon.scope.decisive}
        pointed |= {*lexicon.scope.conduct}
        self._concept_of: dict[str, set[str]] = {}
        for term, held_by in lexicon.concepts_by_term.items():
            if kept := {c for c in held_by if c in pointed}:
                self._concept_of[term] = kept
        terms: list[str] = list(self._concept_of)
        self._phrases: dict[str, list[str]] = {}
        for owner, pointer in self._pointers():
            for term in _phrases(pointer):
                terms.append(term)
                self._phrases.setdefault(owner, []).append(normalise(term))
        self.matcher = TermMatcher(terms, lexicon.scope.not_terms)
        self._social = frozenset(lexicon.scope.social)
        self._off_topic = frozenset(lexicon.scope.off_topic)
        self._decisive = frozenset(lexicon.scope.decisive)
        self._conduct = frozenset(lexicon.scope.conduct)
        # Terms counted only as the judge's own (family words): looked at once per message.
        own = frozenset(lexicon.scope.own_only)
        self._own_terms = frozenset(t for t, held_by in self._concept_of.items() if held_by & own)

    def _pointers(self):
        yield from ((f"g{n}", p) for n, p in self.lexicon.guidelines.items())
        yield from ((f"t{t}", p) for t, p in self.lexicon.trees.items())

    def route(self, text: str, lang: Lang | None = None) -> Routing:
        lang = lang or language(text)
        found = self.matcher.find(text)
        if owned := found & self._own_terms:
            said = normalise(text)
            found -= {t for t in owned if _owned_by_another(t, said)}
        concepts = frozenset(c for term in found for c in self._concept_of.get(term, ()))
        words = bag(text)
        nearest = self.index.nearest(words)
        likely = self.bayes.posterior(words)
        scores = {
            n: self._score(f"g{n}", p, concepts, found)
            + SIMILARITY_WEIGHT * nearest.votes.get(n, 0)
            + BAYES_WEIGHT * likely.get(n, 0.0)
            for n, p in self.lexicon.guidelines.items()
        }
        ranked = sorted(
            ((s, n) for n, s in scores.items() if s >= MIN_SCORE), key=lambda x: (-x[0], x[1])
        )
        top = ranked[0][0] if ranked else 0.0
        social = bool(concepts & self._social)
        decisive = bool(concepts & self._decisive)
        off_topic = bool(concepts & self._off_topic)
        nearest_off_topic = nearest.out_of_scope >= nearest.best > 0
        near_off_topic = nearest.out_of_scope >= OFF_TOPIC_TIE * nearest.best > 0
        # A point of law, pay or IT about what a platform carries (the admissibility of a
        # WhatsApp chat, jurisdiction over a TikTok video) is no question of conduct: a
        # platform is named but no act on it (a post, a like, a request …), and the
        # out-of-scope examples are the likeliest class or hold the nearest text.
        law_about_a_platform = (
            off_topic
            and decisive
            and not concepts & self._conduct
            and (_likeliest_out_of_scope(likely) or nearest_off_topic)
        )
        out_of_scope = (
            not ranked
            or (off_topic and not decisive and (not social or nearest_off_topic))
            or law_about_a_platform
            or (not social and (near_off_topic or top < MIN_SCORE_WITHOUT_SOCIAL))
        )
        if out_of_scope:
            return Routing(lang, (), None, True)
        matches = tuple(Match(n, _percent(s)) for s, n in ranked[:MAX_MATCHES])
        trees = self._tree_scores(concepts, found)
        return Routing(lang, matches, self._tree(trees, nearest.tree), False, trees, social)

    def _score(self, owner: str, pointer: Pointer, concepts: frozenset[str], found) -> float:
        score = sum(w * self._idf[c] for c, w in pointer.signals.items() if c in concepts)
        score += PHRASE_BONUS * sum(1 for p in self._phrases.get(owner, ()) if p in found)
        return score

    def _tree_scores(self, concepts: frozenset[str], found) -> tuple[tuple[str, float], ...]:
        pointers = self.lexicon.trees.items()
        scores = ((t, self._score(f"t{t}", p, concepts, found)) for t, p in pointers)
        ranked = sorted(((t, s) for t, s in scores if s > 0), key=lambda x: (x[1], x[0]))
        return tuple(reversed(ranked))

    def _tree(self, scores: tuple[tuple[str, float], ...], nearest_tree: str | None) -> str | None:
        return scores[0][0] if scores and scores[0][1] >= TREE_MIN_SCORE else nearest_tree


# Owners that make a relative the judge's own (or judges' in general: 法官的家人); an owner
# that opens with 我 or 咱 is the judge's too (我爱人的孩子, 咱家的).
_MINE = ("我", "我们", "咱们", "咱", "自己", "本人", "法官")
_MINE_OPENING = ("我", "咱")
# The run of Chinese characters ending the text, found from its start only (a plain search
# tried every start inside a long run: quadratic on a crafted message).
_RUN_AT_END = re.compile(rf"(?<!{CJK_RUN.pattern[:-1]}){CJK_RUN.pattern}$")


def _owned_by_another(term: str, text: str) -> bool:
    """Whether every place a Chinese ``term`` occurs in ``text`` (normalised) is owned by
    someone other than the judge: "被告人的儿子", "他的老婆", never "我的儿子" or a bare "儿子".
    A term found only by its sound, or an English one ("my son" says whose already), is not."""
    if not CJK.search(term) or term not in text:
        return False
    starts = [m.start() for m in re.finditer(re.escape(term), text)]
    return all(_owner(text[:i]) not in (None, *_MINE) for i in starts)


def _owner(before: str) -> str | None:
    """Who owns what follows ``before`` when it ends "X的": one of ``_MINE`` when X ends
    with it, else X itself (as far back as its Chinese characters go); None without 的."""
    if not before.endswith("的"):
        return None
    run = _RUN_AT_END.search(before[:-1])
    if run is None:
        return None
    word = run.group(0).removesuffix("家里").removesuffix("家")  # 我们家的孩子: ours
    if word.startswith(_MINE_OPENING):
        return "我"
    return next((m for m in _MINE if word.endswith(m)), word)


def _phrases(pointer: Pointer) -> list[str]:
    return [*pointer.phrases.zh, *pointer.phrases.en] if pointer.phrases else []


def _percent(score: float) -> float:
    """A raw score mapped onto 0-100 for display; the order is what matters."""
    return round(100 * score / (score + 8), 1)


def _likeliest_out_of_scope(likely: dict[int, float]) -> bool:
    chance = likely.get(OUT_OF_SCOPE, 0.0)
    return chance > 0 and chance >= max(likely.values())
