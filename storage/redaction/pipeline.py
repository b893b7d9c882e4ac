"""redact(): the rules applied until nothing changes, then placeholders in the text's language."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from knowledge.textmatch import language as text_language

from .chinese_names import zh_coordinated
from .english_names import TOKEN_RE, en_coordinated, is_stop_name
from .limits import MAX_PIECE
from .patterns import HAN_RE
from .rules import RULES, forget_text
from .text import SENTINEL_RE, Span, Text, normalise

__all__ = ["prepare", "redact"]


def prepare() -> None:
    """Load every word list and compile every rule now, not inside the first text's budget."""
    redact("律师李明说他的电话是13812345678。Attorney John Smith, jsmith@example.com")


# No rule ever reads more than this many characters at once: a longer text is cut (at line
# breaks where it can be) into pieces of at most this size. It is Telegram's own limit, so a
# message is one piece.
_MAX_ROUNDS = 8


def _repeated_names(work: Text) -> list[Span]:
    """Other mentions of a name already found: "原告张三 … 张三就在微博上@我" names him twice.

    A Chinese name is repeated whole (a bare surname, as in 王法官, is not: 王 is everywhere);
    an English name word by word, so "Judge Smith … Smith said" loses both.
    """
    terms: set[str] = set()
    for literal in set(work.literals("name")):
        literal = SENTINEL_RE.sub("", normalise(literal)[0])
        if HAN_RE.search(literal):
            if len(literal) >= 2:
                terms.add(re.escape(literal))
        else:
            terms.update(
                rf"(?<![A-Za-z]){re.escape(word)}(?![a-z])"
                for word in TOKEN_RE.findall(literal)
                if not is_stop_name(word)
            )
    if not terms:
        return []
    pattern = re.compile("|".join(sorted(terms, key=len, reverse=True)))
    return [match.span() for match in pattern.finditer(work.norm)]


def _on_copy(find: Callable[[str], list[Span]]) -> Callable[[Text], list[Span]]:
    return lambda work: find(work.norm)


def _coordinated_names(work: Text) -> list[Span]:
    """ "[NAME] and Haruto", "周到、[姓名]": a name listed beside one already found (see
    english_names.en_coordinated, chinese_names.zh_coordinated)."""
    names = work.sentinels("name")
    if not names:
        return []
    found = frozenset(names)
    return [*en_coordinated(work.norm, found), *zh_coordinated(work.norm, found)]


def _redact_piece(text: str, lang: str) -> str:
    """The rules in order, again and again until none finds anything new (a replacement can
    make another match possible), so that redacting the result changes nothing more. A rule
    runs again only when the text changed since it last ran."""
    work = Text(text)
    steps = [
        *((rule.kind, _on_copy(rule.spans)) for rule in RULES),
        # Names listed beside a found one before the repeats of all of them, so that a name
        # found in a list is looked for again in the same round, not in one more.
        ("name", _coordinated_names),
        ("name", _repeated_names),
    ]
    last_run = [-1] * len(steps)  # the change count when each step last ran
    changes = 0
    for _ in range(_MAX_ROUNDS):
        for index, (kind, find) in enumerate(steps):
            if last_run[index] == changes:
                continue  # nothing changed since this step last read the text
            spans = find(work)
            if work.replace(spans, kind):
                changes += 1
            last_run[index] = changes
        if all(seen == changes for seen in last_run):
            break
    return work.render(lang)


def _pieces(text: str) -> Iterator[str]:
    piece = ""
    for line in text.splitlines(keepends=True):
        while len(line) > MAX_PIECE:
            if piece:
                yield piece
                piece = ""
            yield line[:MAX_PIECE]
            line = line[MAX_PIECE:]
        if len(piece) + len(line) > MAX_PIECE:
            yield piece
            piece = ""
        piece += line
    if piece:
        yield piece


def redact(text: str) -> str:
    """The text as the question log keeps it: identifiers replaced by typed placeholders."""
    # The placeholders' language: the one the router, and so the question log, records.
    lang = text_language(text)
    try:
        if len(text) <= MAX_PIECE:
            return _redact_piece(text, lang)
        return "".join(_redact_piece(piece, lang) for piece in _pieces(text))
    finally:
        # What the rules share while they read one text (its Latin stretches, its cue
        # words) is keyed by the text itself: none of it outlives the redaction.
        forget_text()
