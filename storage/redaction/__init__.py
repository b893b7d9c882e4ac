"""The anonymiser: what the question log keeps of a judge's question.

``redact(text)`` replaces every identifying item with a typed placeholder and leaves every
other character exactly as typed. It is deliberately greedy about identifiers and deliberately
shy about ordinary words: a leaked phone number is a breach, an over-redacted word only costs
the FAQ a little readability, but a FAQ full of ``[NAME]`` where judges wrote 高兴 or "Judge"
is useless.

- ``text``: the judge's text and its normalised matching copy, with offsets between them.
- ``patterns``: the regular-expression rules (URLs, accounts, numbers, addresses, dates …).
- ``identifiers``: phones (libphonenumber), IBANs, cards and resident ids by checksum
  (python-stdnum), SSNs, IP addresses, ZIP remnants, dockets, e-mail variants, personal dates.
- ``courts``: the judge's own court, named with I/my/我, and any division of a court named
  by its place; courts as institutions stay.
- ``chinese_names``, ``english_names``: names after or before a cue, and without one where
  the shape or the word lists leave no doubt (nicknames 小珂/阿明, compound surnames, a given
  name before a word that is no English word); word lists in ``data/``.
- ``rules``: every rule in order; ``pipeline``: applying them until nothing changes;
  ``limits``: how much it reads at once, and ``cap``, without loading any of it.
- ``guard``: redaction of one text in a separate process with a time budget, for the bot.
"""

from typing import Any

from .limits import MAX_PIECE, cap

__all__ = ["COMMON_WORDS", "MAX_PIECE", "PLACEHOLDERS", "cap", "redact"]


def __getattr__(name: str) -> Any:
    # The rules, word lists and patterns load on first use: a process that only caps text
    # (the bot's main process; only its worker redacts) does not pay for them.
    if name == "redact":
        from .pipeline import redact

        return redact
    if name == "COMMON_WORDS":
        from .chinese_names import COMMON_WORDS

        return COMMON_WORDS
    if name == "PLACEHOLDERS":
        from .text import PLACEHOLDERS

        return PLACEHOLDERS
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
