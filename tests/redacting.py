"""What the redaction tests assert, written once: an identifier gone (whatever its case or
Unicode form), a clean sentence back exactly as typed."""

from __future__ import annotations

import unicodedata

from storage.redaction import redact


def folded(text: str) -> str:
    """As bench/redaction_eval.py compares: NFKC, case folded."""
    return unicodedata.normalize("NFKC", text).casefold()


def assert_gone(text: str, *gone: str) -> None:
    output = redact(text)
    for part in gone:
        assert folded(part) not in folded(output), output


def assert_unchanged(text: str) -> None:
    assert redact(text) == text
