"""Finding lexicon terms in a judge's text, tolerant of typos in both languages.

Chinese terms match as substrings, or by their pinyin, so a homophone slip (同义 for 同意,
盆友圈 for 朋友圈) still matches. English terms match whole words after light stemming, and a
misspelt word (harrased, definately) is mapped to the nearest lexicon word first.
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from .schema import Lang

CJK = re.compile(r"[\u4e00-\u9fff]")  # one Chinese character
CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")  # one word of a normalised text
_TYPO_CUTOFF = 85.0
_MIN_TYPO_LEN = 5
_MAX_CORRECTIONS = 65536


def normalise(text: str) -> str:
    """NFKC, curly apostrophes made straight (phones type "defendant’s"), lower case, one
    space between words: how every matcher reads a text and a term."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return " ".join(text.lower().split())


def is_chinese(text: str) -> bool:
    """Chinese when CJK characters make up at least a third of the 'words'."""
    cjk = len(CJK.findall(text))
    latin = len(WORD.findall(text.lower()))
    return cjk > 0 and cjk >= latin / 2


def language(text: str) -> Lang:
    """The language of a text, decided once for all: the router's, the log row's and the
    anonymiser's placeholders' (Chinese when CJK makes up a third of the words)."""
    return "zh" if is_chinese(text) else "en"


def clear_language(text: str) -> str | None:
    """'zh' or 'en' when the text plainly is that language, else None ("WeChat?", "30")."""
    cjk = len(CJK.findall(text))
    latin = len([w for w in WORD.findall(text.lower()) if not w.isdigit()])
    if cjk >= 2 and cjk >= 2 * latin:
        return "zh"
    if cjk == 0 and latin >= 3:
        return "en"
    return None


def stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def english_key(text: str) -> str:
    """' word word word ' of stems, for whole-word phrase search by substring."""
    return " " + " ".join(stem(w) for w in WORD.findall(text)) + " "


def fuzzy_syllable(syllable: str) -> str:
    """Fold the distinctions that Chinese input methods' fuzzy pinyin folds (zh/z, ch/c,
    sh/s, -ng/-n): typing slips and regional accents cross exactly these."""
    if syllable[:2] in ("zh", "ch", "sh"):
        syllable = syllable[0] + syllable[2:]
    if syllable.endswith("ng"):
        syllable = syllable[:-1]
    return syllable


def pinyin_key(text: str) -> str:
    """' syl syl ' of toneless, fuzzy-folded pinyin of the Chinese characters only."""
    return _spoken(text)[0]


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """pypinyin's character table, read directly: importing pypinyin loads its phrase
    dictionary, a fifth of a second of start-up for context readings that matching by
    sound does not need (a character read the same way in a term and in a question is all
    that matters)."""
    spec = importlib.util.find_spec("pypinyin")
    assert spec is not None and spec.submodule_search_locations
    table = Path(spec.submodule_search_locations[0]) / "pinyin_dict.json"
    return json.loads(table.read_text(encoding="utf-8"))


@cache
def _reading(char: str) -> str:
    """The character's first (most common) reading, toneless and fuzzy-folded."""
    values = _table().get(str(ord(char)))
    if values is None:
        return char
    first = unicodedata.normalize("NFD", values.split(",")[0])
    return fuzzy_syllable(
        "".join(c for c in first if not unicodedata.combining(c)).replace("ü", "v")
    )


def _spoken(text: str) -> tuple[str, list[str]]:
    """The pinyin key of ``text`` and the characters it spells, one per syllable. Runs of
    Chinese characters are kept apart by '/', so a match never spans punctuation or Latin."""
    syllables: list[str] = []
    chars: list[str] = []
    for run in CJK_RUN.findall(text):
        if syllables:
            syllables.append("/")
            chars.append("")
        syllables += [_reading(c) for c in run]
        chars += list(run)
    return " " + " ".join(syllables) + " ", chars


def _sounds_like(term: str, key: str, spoken: str, chars: list[str]) -> bool:
    """``term`` occurs in the text by sound, with at most half its characters (at least one)
    written differently: a slip of the input method, not a different word that happens to
    sound the same across a word boundary (法官下了 is not 管辖)."""
    allowed = max(1, len(term) // 2)
    start = spoken.find(key)
    while start != -1:
        index = spoken.count(" ", 0, start)  # syllables before the match
        written = chars[index : index + len(term)]
        if sum(a != b for a, b in zip(written, term, strict=False)) <= allowed:
            return True
        start = spoken.find(key, start + 1)
    return False


class TermMatcher:
    """Which of a fixed set of terms occur in a text."""

    def __init__(self, terms: Iterable[str], not_terms: Iterable[str] = ()):
        self.not_terms = tuple(normalise(w) for w in not_terms)
        self.chinese: dict[str, str] = {}  # term -> its pinyin key
        self.english: dict[str, str] = {}  # term -> its stemmed key
        for raw in terms:
            term = normalise(raw)
            if CJK.search(term):
                self.chinese[term] = pinyin_key(term)
            else:
                self.english[term] = english_key(term)
        self.vocabulary = sorted({w for key in self.english.values() for w in key.split()})
        self._known = frozenset(self.vocabulary)
        self._corrections: dict[str, str] = {}  # misspelt word -> nearest lexicon word
        # Each term filed under what a text must contain for it to be there at all (its
        # first character, syllable or word): a message then tries only the few it could
        # hold, not the thousands of the lexicon.
        self._by_char = _index((t, t[0]) for t in self.chinese)
        self._by_syllable = _index(
            (t, key.split()[0]) for t, key in self.chinese.items() if key.strip()
        )
        self._by_word = _index(
            (t, key.split()[0]) for t, key in self.english.items() if key.strip()
        )

    def find(self, text: str) -> set[str]:
        text = normalise(text)
        for word in self.not_terms:
            if word in text:
                text = text.replace(word, " / ")  # '/' keeps a match from spanning the gap
        found = {t for t in _candidates(self._by_char, set(text)) if t in text}
        if CJK.search(text):
            spoken, chars = _spoken(text)
            found |= {
                t
                for t in _candidates(self._by_syllable, set(spoken.split()))
                if t not in found
                and (key := self.chinese[t]) in spoken
                and _sounds_like(t, key, spoken, chars)
            }
        words = english_key(text)
        if words.strip():
            corrected = " " + " ".join(self._correct(w) for w in words.split()) + " "
            found |= {
                t
                for t in _candidates(self._by_word, set(corrected.split()))
                if self.english[t] in corrected
            }
        return found

    def _correct(self, word: str) -> str:
        if word in self._known or len(word) < _MIN_TYPO_LEN or word.isdigit():
            return word
        corrected = self._corrections.get(word)
        if corrected is None:
            if len(self._corrections) >= _MAX_CORRECTIONS:  # a bot runs for months
                self._corrections.clear()
            best = process.extractOne(
                word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=_TYPO_CUTOFF
            )
            corrected = self._corrections[word] = best[0] if best else word
        return corrected


def _index(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for term, first in pairs:
        index.setdefault(first, []).append(term)
    return index


def _candidates(index: dict[str, list[str]], present: set[str]) -> list[str]:
    return [t for part in present if part in index for t in index[part]]
