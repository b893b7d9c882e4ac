"""Finding an option's phrases in a typed message, and whether the message negates them.

English phrases match whole words after light stemming ("requests" finds "request"),
Chinese ones as substrings. A hit is *negated* when a negator stands just before it in the
same clause: "not before me", "no case pending", "没有案子", "不是我审的"; or just after it,
still in the clause: "跟我的案子没关系", "与我审的案件无关", "我手上没有", "the case is not mine".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from knowledge.textmatch import CJK as _CJK
from knowledge.textmatch import WORD as _WORD
from knowledge.textmatch import normalise, stem

from .words import Words

_CLAUSE_END = re.compile(r"[,.;:!?，。；：！？、\n()（）]|\bbut\b|\bhowever\b|但是|但|不过|可是")
_SENTENCE_END = re.compile(r"[.;!?。；！？\n]")
NEGATION_WORDS = 3  # English: how many words before a phrase a negator still reaches
NEGATION_CHARS = 4  # Chinese: how many characters before a phrase
AFTER_WORDS = 1  # English: words that may stand between a phrase and a negator after it
TAIL_CHARS = 16  # Chinese: how far after a phrase its clause is read for a negator
AFTER_CHARS = 2  # Chinese: characters between a phrase and a negator after it (我审的案件无关)
# A particle, or an adverb of time or scope, may stand inside a Chinese phrase: 案子已经结了
# says 案子结了, 他们都是好友 says 他们是好友.
_PARTICLE = "(?:[的了个都也]|已经|早就|早已|已)?"
MAX_HITS = 16  # occurrences of one phrase looked at, at most
GAP_WORDS = 1  # English: words that may stand inside a phrase ("a facebook friend request")
SUBJECT_WORDS = 8  # English: how far into its clause a negative subject denies ("nobody has …")
SUBJECT_CHARS = 10  # Chinese: the same, in characters ("双方都没有提交过这些证据")


# Particles that close a clause rather than open a word: 是的, 对啊, 好吧.
PARTICLES = "的啊呀吧嘛啦哦呢了"


def _opens_a_word(text: str, at: int) -> bool:
    """Whether a Chinese character other than a particle follows at ``at``."""
    following = text[at : at + 1]
    return bool(_CJK.match(following)) and following not in PARTICLES


def word_count(text: str) -> int:
    """About how many words: Chinese has no spaces, and two characters make about a word."""
    return len(_WORD.findall(text.lower())) + len(_CJK.findall(text)) // 2


def words_of(text: str) -> list[tuple[int, int, str]]:
    """(start, end, stem) of each word; a possessive 's goes ("the prosecutor's office")."""
    out = []
    for m in _WORD.finditer(text):
        word = m.group(0)
        out.append((m.start(), m.end(), stem(word[:-2] if word.endswith("'s") else word)))
    return out


_OPEN = frozenset({"if", "whether"})  # after "I don't know", the negation stays open


def _en_exceptions(raw: list[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The English expressions whose negator denies only themselves, as words, by their
    first word."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for expression in raw:
        words = tuple(_WORD.findall(normalise(expression)))
        if words:
            out.setdefault(words[0], []).append(words)
    return {first: tuple(found) for first, found in out.items()}


@dataclass(frozen=True)
class Hit:
    start: int  # character offsets in the normalised text
    end: int
    negated: bool
    # denied only by a negative subject ("nobody knows …"): not said, yet no denial that
    # could choose the other answer of a yes/no question either
    by_subject: bool = False

    def inside(self, other: Hit) -> bool:
        """Part of a longer phrase that shares its words ("a lawyer" in "a lawyer in my
        case"): the longer, more specific one is what was said."""
        overlap = self.start < other.end and other.start < self.end
        return overlap and (other.end - other.start) > (self.end - self.start)


class Phrase:
    """One phrase an option claims; ``bare`` ones (yes, 是) count only as a direct reply.
    Everything is worked out once, when the trees are read: a message looks up hundreds."""

    __slots__ = ("_pattern", "bare", "chinese", "first", "key", "raw")

    def __init__(self, raw: str, bare: bool = False):
        self.raw = raw
        self.bare = bare
        self.chinese = bool(_CJK.search(raw))
        text = normalise(raw)
        self.key: str | tuple[str, ...] = (
            text if self.chinese else tuple(w for _, _, w in words_of(text))
        )
        self._pattern: re.Pattern[str] | None = None  # compiled when first looked for
        # What a text must hold for the phrase to be in it at all: its first word, or its
        # first Chinese character (even in "qq好友"); a set lookup spares most the search.
        if not self.key:
            self.first = ""
        elif self.chinese:
            self.first = next(c for c in text if _CJK.match(c))
        else:
            self.first = self.key[0]

    @property
    def pattern(self) -> re.Pattern[str] | None:
        """Chinese: a particle or an adverb may stand inside a phrase (本案证人 in 是本案的证人,
        案子结了 in 案子已经结了). Compiled
        on the first message that holds the phrase's first character: most never do."""
        if self._pattern is None and self.chinese:
            assert isinstance(self.key, str)
            self._pattern = re.compile(_PARTICLE.join(re.escape(c) for c in self.key))
        return self._pattern


class Text:
    """A message read once; every phrase is then looked up in it."""

    def __init__(self, raw: str, words: Words):
        self.words = words
        self.text = normalise(raw)
        self._tokens = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(self.text)]
        self._stems = [w for _, _, w in words_of(self.text)]
        self._at: dict[str, list[int]] = {}  # stem -> where it stands: most phrases miss fast
        for i, word in enumerate(self._stems):
            self._at.setdefault(word, []).append(i)
        self.present = frozenset(self._at) | frozenset(_CJK.findall(self.text))
        self._clause_starts = [0, *(m.end() for m in _CLAUSE_END.finditer(self.text))]
        self._hits: dict[str | tuple[str, ...], list[Hit]] = {}  # phrases recur across trees
        prepared = _prepared(words)
        self._en_negators = prepared.en_negators
        self._zh_negators = prepared.zh_negators
        self._zh_exceptions = prepared.zh_exceptions
        self._en_exceptions = prepared.en_exceptions
        self._after = prepared.after
        self._expressions = prepared.expressions
        self._spent_negators: frozenset[int] | None = None  # worked out on first need
        self._subjects = prepared.subjects
        self._subject_stops = prepared.subject_stops
        self._zh_subject_stops = prepared.zh_subject_stops
        self._masked: str | None = None  # Chinese: the text without its non-negating words
        self._zh_subjects = prepared.zh_subjects
        self._subject_ends: list[int] | None = None  # English: word index after each one
        # Whether what follows a phrase denies it, by where the phrase ends (phrases share
        # ends): English by its last word's index, Chinese by character offset.
        self._denied_after_word: dict[int, bool] = {}
        self._denied_after_char: dict[int, bool] = {}
        self._senses: tuple[frozenset[str], frozenset[str]] | None = None

    @property
    def stems(self) -> list[str]:
        return self._stems

    def senses(self, senses) -> tuple[frozenset[str], frozenset[str]]:
        """What the message says by meaning (see meaning.py), read once per message."""
        if self._senses is None:
            self._senses = senses.of(self)
        return self._senses

    @property
    def word_count(self) -> int:
        return word_count(self.text)

    def hits(self, phrase: Phrase) -> list[Hit]:
        key = phrase.key
        if not key:
            return []
        found = self._hits.get(key)
        if found is None:
            # A phrase said many times says no more: a bound keeps any message cheap.
            found = self._hits[key] = self._find(phrase)[:MAX_HITS]
        return found

    def _find(self, phrase: Phrase) -> list[Hit]:
        key = phrase.key
        if isinstance(key, str):
            assert phrase.pattern is not None
            found = []
            for m in phrase.pattern.finditer(self.text):
                # A one-character 是 or 对 is "yes" standing alone or with a particle ("是，
                # 还在审", "是的", "对啊"), not the copula or 对方 that starts a sentence
                # ("是我上个月判的案子").
                if phrase.bare and len(key) == 1 and _opens_a_word(self.text, m.end()):
                    continue
                negated = self.negated_char(m.start(), m.end())
                by_subject = negated and not self.negated_char(m.start(), m.end(), subjects=False)
                found.append(Hit(m.start(), m.end(), negated, by_subject))
            return found
        if any(word not in self._at for word in key):
            return []
        found = []
        for i in self._at[key[0]]:
            last = self._rest(key, i)
            if last is not None:
                start, end = self._tokens[i][0], self._tokens[last][1]
                # A negator is never the word let inside: "our court has no rules" does not
                # say "our court has rules" (and its "no rules" is said, not denied with it).
                if last - i + 1 > len(key) and self._negator_within(i, last):
                    continue
                negated = self.negated_word(i, last)
                by_subject = negated and not self.negated_word(i, last, subjects=False)
                found.append(Hit(start, end, negated, by_subject))
        return found

    def _rest(self, key: tuple[str, ...], i: int) -> int | None:
        """The index of the phrase's last word when it continues from word ``i``; one word
        may stand inside it ("sent me a facebook friend request"), never a clause break."""
        skips, at = GAP_WORDS, i
        for part in key[1:]:
            at += 1
            while at < len(self._stems) and self._stems[at] != part and skips:
                skips -= 1
                at += 1
            if at >= len(self._stems) or self._stems[at] != part:
                return None
        clause = self._clause_start(self._tokens[at][0])
        return at if clause <= self._tokens[i][0] else None

    def _negator_within(self, first: int, last: int) -> bool:
        return any(self._is_negator(word) for _, _, word in self._tokens[first + 1 : last])

    def _is_negator(self, word: str) -> bool:
        return word in self._en_negators or word.endswith("n't")

    def clause_of(self, at: int) -> tuple[int, int]:
        """The clause that holds offset ``at``: its start and its end (its break kept)."""
        following = bisect_right(self._clause_starts, at)
        end = (
            self._clause_starts[following] - 1
            if following < len(self._clause_starts)
            else len(self.text)
        )
        return self._clause_starts[following - 1], end

    def blanked(self, spans: list[tuple[int, int]]) -> Text:
        """The message with ``spans`` blanked out (offsets and sentences kept)."""
        chars = list(self.text)
        for start, end in spans:
            chars[start:end] = " " * (end - start)
        return Text("".join(chars), self.words)

    def sentences(self) -> list[tuple[int, int]]:
        """Each sentence's start and end."""
        ends = [m.end() for m in _SENTENCE_END.finditer(self.text)]
        starts = [0, *ends]
        return [(a, b) for a, b in zip(starts, [*ends, len(self.text)], strict=True) if b > a]

    def sentence_of(self, at: int) -> tuple[int, int]:
        """The sentence that holds offset ``at``: its start and end."""
        return next((a, b) for a, b in self.sentences() if a <= at < b)

    def _clause_start(self, at: int) -> int:
        return self._clause_starts[bisect_right(self._clause_starts, at) - 1]

    def negated_word(self, index: int, last: int | None = None, subjects: bool = True) -> bool:
        """Whether the phrase of words ``index`` … ``last`` is denied: a negator a few words
        before it (or an expression ending there: "nothing to do with my case"), or one
        just after it ("the case is not mine"); ``subjects``: or a negative subject."""
        clause = self._clause_start(self._tokens[index][0])
        for j in range(max(0, index - NEGATION_WORDS), index):
            start, _, word = self._tokens[j]
            if start >= clause and self._is_negator(word) and j not in self._spent():
                return True
        if self._expressions and self._expression_before(index, clause):
            return True
        if subjects and self._subjects and self._subject_before(index, clause):
            return True
        last = index if last is None else last
        denied = self._denied_after_word.get(last)
        if denied is None:
            denied = self._denied_after_word[last] = self._negated_after(last)
        return denied

    def _subject_before(self, index: int, clause: int) -> bool:
        """A negative subject earlier in the clause denies what its verb does: "neither side
        has put any of it into evidence", "nobody has complained about them"; never past a
        word that opens another clause ("no one would appeal so the case is still open").
        Past "if" or "whether" it still reaches: "nobody knows if the case is still open"
        leaves it open (a denial by a subject is never read as the other answer)."""
        if self._subject_ends is None:
            self._subject_ends = self._subject_reaches()
        return any(
            end <= index < reach and self._tokens[end - 1][0] >= clause
            for end, reach in self._subject_ends
        )

    def _subject_reaches(self) -> list[tuple[int, int]]:
        """Per negative subject, the word index after it and the one its denial stops at."""
        words = self._stems
        tokens = [w for _, _, w in self._tokens]
        out = []
        for i, word in enumerate(words):
            for subject in self._subjects.get(word, ()):
                if tuple(words[i : i + len(subject)]) != subject:
                    continue
                end = i + len(subject)
                reach = min(len(words), end + SUBJECT_WORDS + 1)
                stops = (j for j in range(end, reach) if tokens[j] in self._subject_stops)
                out.append((end, next(stops, reach)))
        return out

    def _expression_before(self, index: int, clause: int) -> bool:
        words = self._stems
        for end in range(max(0, index - NEGATION_WORDS + 1), index + 1):
            for expression in self._expressions.get(words[end - 1] if end else "", ()):
                begin = end - len(expression)
                start = self._tokens[begin][0] if begin >= 0 else -1
                if start >= clause and tuple(words[begin:end]) == expression:
                    return True
        return False

    def _negated_after(self, last: int) -> bool:
        expressions, fillers = self._after.en, self._after.en_fillers
        if not expressions:
            return False
        words = self._stems
        end = self._tokens[last][1]
        at, skipped = last + 1, 0
        while at < len(words) and self._clause_start(self._tokens[at][0]) <= end:
            if words[at] in fillers:
                at += 1
                continue
            for expression in expressions.get(words[at], ()):
                if tuple(words[at : at + len(expression)]) == expression:
                    return True
            skipped += 1
            if skipped > AFTER_WORDS:
                return False
            at += 1
        return False

    def _spent(self) -> frozenset[int]:
        """Negators an English expression uses up ("someone I don't know sent me a
        request": the "don't" denies knowing, not the request)."""
        if self._spent_negators is None:
            words = [w for _, _, w in self._tokens]
            spent: set[int] = set()
            for i, word in enumerate(words):
                for expression in self._en_exceptions.get(word, ()):
                    end = i + len(expression)
                    after = words[end] if end < len(words) else ""
                    # "I don't know if he's in my case" still leaves it open.
                    if tuple(words[i:end]) == expression and after not in _OPEN:
                        spent.update(range(i, end))
            self._spent_negators = frozenset(spent)
        return self._spent_negators

    def negated_char(self, at: int, end: int | None = None, subjects: bool = True) -> bool:
        """Whether the Chinese phrase at ``at`` … ``end`` is denied: a negator just before it
        (not one of the words that do not negate), or one just after it in the clause;
        ``subjects``: or a negative subject a little before it."""
        clause = self._clause_start(at)
        masked = self._masked_text()
        start = max(clause, at - NEGATION_CHARS)
        if any(n in masked[start:at] for n in self._zh_negators):
            return True
        if subjects and self._zh_subjects:
            # The same masked text: 我都没有想到他正在我这里打官司 has no negative subject.
            lo = max(clause, at - SUBJECT_CHARS)
            for stop in self._zh_subject_stops:  # 没人上诉，所以还在上诉期: only up to 所以
                cut = self.text.rfind(stop, lo, at)
                if cut >= 0:
                    lo = cut + len(stop)
            far = masked[lo:at]
            if any(subject in far for subject in self._zh_subjects):
                return True
        if end is None:
            return False
        denied = self._denied_after_char.get(end)
        if denied is None:
            denied = self._denied_after_char[end] = self._negated_after_char(end)
        return denied

    def _masked_text(self) -> str:
        """The text with the words that do not negate blanked out, once per message: the 不
        of 要不要 or the 没 of 没想到 then denies nothing, wherever a window cuts them."""
        if self._masked is None:
            masked = self.text
            for exception in self._zh_exceptions:
                masked = masked.replace(exception, " " * len(exception))
            self._masked = masked
        return self._masked

    def _negated_after_char(self, end: int) -> bool:
        """A negator after the phrase: one of ``negators_after`` at most AFTER_CHARS on
        ("与我审的案件无关"), or a short one right after a phrase of a place or possession
        ("我手上没有他的案子"); fillers (也, 都, 根本) may stand between."""
        after = self._after
        # to the clause's end (the next clause starts after its break), a few words at most
        following = bisect_right(self._clause_starts, end)
        stop = self._clause_starts[following] if following < len(self._clause_starts) else None
        tail = self.text[end : min(stop or len(self.text), end + TAIL_CHARS)]
        # 案件也完全无关: the fillers go wherever they stand
        tail = after.zh_fillers.sub("", tail)
        if not tail or not after.first.intersection(tail[: AFTER_CHARS + 1]):
            return False
        if any(tail.startswith(e) for e in self._zh_exceptions if e[0] in "不没无非"):
            return False
        for gap in range(AFTER_CHARS + 1):
            if tail[gap : gap + 1] in after.zh_first and tail.startswith(after.zh, gap):
                return True
        previous = self.text[end - 1 : end]
        return previous in after.endings and tail.startswith(after.right_after)


@dataclass(frozen=True)
class _After:
    """The negators that follow a phrase, prepared once per word list."""

    en: dict[str, tuple[tuple[str, ...], ...]]
    en_fillers: frozenset[str]
    zh: tuple[str, ...]
    zh_first: frozenset[str]
    zh_fillers: re.Pattern[str]
    right_after: tuple[str, ...]
    endings: frozenset[str]
    first: frozenset[str]  # the first characters of every negator after a phrase


@dataclass(frozen=True)
class _Prepared:
    """A word list's negation vocabulary, prepared once: every message is read with it."""

    en_negators: frozenset[str]
    zh_negators: tuple[str, ...]
    zh_exceptions: tuple[str, ...]
    en_exceptions: dict[str, tuple[tuple[str, ...], ...]]
    expressions: dict[str, tuple[tuple[str, ...], ...]]
    after: _After
    subjects: dict[str, tuple[tuple[str, ...], ...]]  # English, as stems by first word
    zh_subjects: tuple[str, ...]
    subject_stops: frozenset[str]  # English words a negative subject never reaches past
    zh_subject_stops: tuple[str, ...]


# By the word list's identity (a Words is no hashable value); the list is kept beside it so
# that a new list at a recycled address is never taken for the old one.
_PREPARED: dict[int, tuple[Words, _Prepared]] = {}


def _prepared(words: Words) -> _Prepared:
    kept = _PREPARED.get(id(words))
    if kept is not None and kept[0] is words:
        return kept[1]
    zh_exceptions = (*words.not_negating.zh, *words.a_not_a)
    found = _Prepared(
        en_negators=frozenset(words.negators.en),
        zh_negators=tuple(words.negators.zh),
        zh_exceptions=zh_exceptions,
        en_exceptions=_en_exceptions(words.not_negating.en),
        expressions=_expressions(words.negating_expressions.en),
        after=_after_words(words),
        subjects=_by_first(words.negative_subjects.en),
        zh_subjects=tuple(normalise(w) for w in words.negative_subjects.zh),
        # never if or whether: "nobody knows if it is still open" leaves it open, unsaid
        subject_stops=frozenset(normalise(w) for w in words.subject_stops.en) - _OPEN,
        zh_subject_stops=tuple(normalise(w) for w in words.subject_stops.zh),
    )
    if len(_PREPARED) >= 4:  # a process holds one word list; tests load a few
        _PREPARED.clear()
    _PREPARED[id(words)] = (words, found)
    return found


def _after_words(words: Words) -> _After:
    """The negators that follow a phrase, as the text reads them."""
    # longest first, so that 压根儿 goes before 压根
    fillers = tuple(sorted((normalise(w) for w in words.fillers_after.zh), key=len, reverse=True))

    def bare(expression: str) -> str:  # read as the tail is, without its fillers
        for filler in fillers:
            expression = expression.replace(filler, "")
        return expression

    zh = tuple(bare(normalise(w)) for w in words.negators_after.zh)
    right_after = tuple(bare(normalise(w)) for w in words.negators_right_after.zh)
    return _After(
        en=_by_first(words.negators_after.en),
        en_fillers=frozenset(stem(w) for w in words.fillers_after.en),
        zh=zh,
        zh_first=frozenset(w[0] for w in zh),
        zh_fillers=re.compile("|".join([" ", *(re.escape(f) for f in fillers)])),
        right_after=right_after,
        endings=frozenset(words.negators_right_after.endings),
        first=frozenset(w[0] for w in (*zh, *right_after) if w),
    )


def _by_first(raw: list[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """English expressions as stems, by their first word."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for expression in raw:
        stems = tuple(w for _, _, w in words_of(normalise(expression)))
        if stems:
            out.setdefault(stems[0], []).append(stems)
    return {first: tuple(found) for first, found in out.items()}


def _expressions(raw: list[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The English negating expressions, as stems, by their last word."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for expression in raw:
        stems = tuple(w for _, _, w in words_of(normalise(expression)))
        if stems:
            out.setdefault(stems[-1], []).append(stems)
    return {last: tuple(found) for last, found in out.items()}
