"""Is AMICUS_SECRET strong enough? Every keyed hash in the database, and the webhook token,
can be tested offline against guesses of the secret, so a guessable one undoes them all.

A rough estimate in the manner of zxcvbn, deliberately harsh: runs of letters that look
like words count as one guess from a small dictionary, sequences (``abcd``, ``6789``) and
years next to nothing, a piece seen before nothing at all. Generated secrets
(``secrets.token_hex(32)``, ``token_urlsafe(32)``, ``openssl rand -base64 32``) score far
above the bar; phrases, names and keyboard patterns fall well below it.
"""

from __future__ import annotations

import itertools
import math
import re

MIN_LENGTH = 32
MIN_DISTINCT = 10
MIN_BITS = 128
MAKE_ONE = "python3 -c 'import secrets; print(secrets.token_hex(32))'"

WORD_BITS = 11  # a word from a list of ~2,000 common ones
YEAR_BITS = 7  # 1900-2099
_TOKENS = re.compile(
    r"(?P<word>[A-Z]?[a-z]{2,}|[A-Z]{3,})"
    r"|(?P<year>(?:19|20)\d\d)(?!\d)"
    r"|(?P<digits>\d{3,})"
    r"|(?P<other>.)",
    re.DOTALL,
)


def weakness(secret: str) -> str | None:
    """Why ``secret`` is too weak, or None when it will do."""
    if len(secret) < MIN_LENGTH:
        return f"is {len(secret)} characters long; at least {MIN_LENGTH} are needed"
    if len(set(secret)) < MIN_DISTINCT:
        return "uses too few different characters"
    if _period(secret) is not None:
        return "repeats itself"
    if estimated_bits(secret) < MIN_BITS:
        return "looks like words, dates or a pattern rather than random characters"
    return None


def estimated_bits(secret: str) -> float:
    """A conservative estimate of how many guesses (log2) finding ``secret`` would take:
    each piece costs the cheaper of guessing it character by character and guessing it
    as what it looks like (a word, a year, a run)."""
    per_char = math.log2(_alphabet_size(secret))
    bits = 0.0
    seen: set[str] = set()
    for match in _TOKENS.finditer(secret):
        piece = match.group()
        if len(piece) >= 3 or not piece.isalnum():  # words, runs, separators
            if piece.lower() in seen:
                bits += 1  # the same piece again: hardly a new guess
                continue
            seen.add(piece.lower())
        brute = len(piece) * per_char
        if len(piece) >= 3 and _sequence_length(piece):
            bits += min(brute, 5)
        elif match.group("digits"):
            bits += min(brute, _digits_bits(piece))
        elif match.group("word") and _wordlike(piece):
            # A long run of letters is several words run together.
            bits += min(brute, WORD_BITS * math.ceil(len(piece) / 8) + (not piece.islower()))
        elif match.group("year"):
            bits += YEAR_BITS
        else:
            bits += brute
    return bits


def _alphabet_size(secret: str) -> int:
    """The characters a guesser would have to try: every class the secret draws on."""
    classes = (
        (str.islower, 26),
        (str.isupper, 26),
        (str.isdigit, 10),
        (lambda c: not c.isalnum(), 33),
    )
    return sum(size for test, size in classes if any(test(c) for c in secret)) or 1


def _wordlike(letters: str) -> bool:
    """Words have vowels; random letters mostly do not, often enough to tell them apart."""
    vowels = sum(c in "aeiouyAEIOUY" for c in letters)
    return len(letters) <= 3 or vowels * 5 >= len(letters)


def _digits_bits(digits: str) -> float:
    """Digits, each ascending or descending run (``0123``, ``987``) counted as one guess
    among a few."""
    bits, start = 0.0, 0
    while start < len(digits):
        end = start + 1
        while end < len(digits) and _sequence_length(digits[start : end + 1]):
            end += 1
        run = end - start
        bits += 5 if run >= 3 else run * math.log2(10)
        start = end
    return bits


def _step(a: str, b: str) -> int:
    return ord(b) - ord(a)


def _sequence_length(piece: str) -> int:
    """The length of ``piece`` if it is one run like ``abcd``, ``6543`` or ``aaaa``, else 0."""
    if len(piece) < 2:
        return len(piece)
    step = _step(piece[0], piece[1])
    if step not in (-1, 0, 1) or any(_step(a, b) != step for a, b in itertools.pairwise(piece)):
        return 0
    return len(piece)


def _period(secret: str) -> int | None:
    """The length of a unit that ``secret`` repeats (``abcabcab`` → 3), if any."""
    for unit in range(1, len(secret) // 2 + 1):
        if all(secret[i] == secret[i + unit] for i in range(len(secret) - unit)):
            return unit
    return None
