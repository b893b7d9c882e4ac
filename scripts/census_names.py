"""What the two census-name scripts share: the 1990 US Census lists (public domain) through
the ``names`` package (MIT), the filter that keeps only names no sentence uses as a word, and
the file they write. scripts/make_given_names.py and scripts/make_surnames.py say what each
list is for."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from storage.redaction.english_names import is_stop_name, is_word  # noqa: E402
from storage.redaction.wordlists import lines  # noqa: E402

DATA = ROOT / "storage" / "redaction" / "data"


def census(file: str) -> list[str]:
    """The first column of one of the package's census files (names in capitals)."""
    text = resources.files("names").joinpath(file).read_text("ascii")
    return [line.split()[0] for line in text.splitlines() if line.strip()]


def kept(
    found: Iterable[str], listed: set[str], also_out: Callable[[str], bool] = lambda _: False
) -> list[str]:
    """The names of three letters or more that are not hand-kept already, no place, no word the
    name finders stop at and no English word (nor ``also_out``), sorted."""
    places = lines("places")
    return sorted(
        name
        for name in set(found)
        if len(name) >= 3
        and name not in listed
        and name not in places
        and not also_out(name)
        and not is_stop_name(name)
        and not is_word(name)
    )


def write(out: Path, header: list[str], names: list[str]) -> None:
    out.write_text("\n".join(header + names) + "\n", encoding="utf-8")
    print(f"{len(names)} names -> {out}")
