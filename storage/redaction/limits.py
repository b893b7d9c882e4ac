"""What the anonymiser takes in, as much as a caller needs to know without loading it: the
bot caps a question here, and the rules and word lists load only where redaction runs (the
worker process)."""

from __future__ import annotations

MAX_PIECE = 4096  # characters the rules read at once; a longer text is redacted in pieces


def cap(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, before any rule reads it. The cut falls
    on a space near the end where there is one, so no identifier is cut in two and half of it
    left as typed; a cut text ends in "…"."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = max(cut.rfind(" ", limit - 65), cut.rfind("\n", limit - 65))
    return (cut[:space] if space > 0 else cut) + "…"
