"""Write storage/redaction/data/given_names.txt: given names beyond the hand-kept list in
data/en_names.yaml, for the name finders that have no cue ("Priya, my court clerk", a Latin
name inside Chinese text, "follow Siobhán").

    pip install names==0.3.0 && python scripts/make_given_names.py

From the ``names`` package (MIT), whose name files are the 1990 US Census's frequency lists
of first names (public domain: a work of the US government). Kept: every first name, written
the usual way (PRIYA -> Priya), that is no English word, no place and no word the name finders
stop at, so that a name found this way is one no sentence uses as a word ("Lily", "Georgia"
and "Will" stay out; the hand-kept list decides about those). Only the list is shipped: the
package is a random-name generator nobody needs at run time.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from storage.redaction.english_names import is_stop_name, is_word  # noqa: E402
from storage.redaction.wordlists import lines, words  # noqa: E402

OUT = ROOT / "storage" / "redaction" / "data" / "given_names.txt"


def main() -> None:
    census: set[str] = set()
    for sex in ("male", "female"):
        text = resources.files("names").joinpath(f"dist.{sex}.first").read_text("ascii")
        census.update(line.split()[0].capitalize() for line in text.splitlines() if line.strip())
    places = lines("places")
    listed = set(words("en_names", "given_names")) | set(
        words("en_names", "given_names_that_are_words")
    )
    kept = sorted(
        name
        for name in census
        if len(name) >= 3
        and name not in listed
        and name not in places
        and not is_stop_name(name)
        and not is_word(name)
    )
    header = [
        "# Given names from the 1990 US Census first-name lists (public domain), through the",
        "# names package (MIT); none an English word, a place or a stop word. Made by",
        "# scripts/make_given_names.py; the hand-kept list is data/en_names.yaml.",
    ]
    OUT.write_text("\n".join(header + kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} names -> {OUT}")


if __name__ == "__main__":
    main()
