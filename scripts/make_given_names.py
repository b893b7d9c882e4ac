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

from census_names import DATA, census, kept, write

from storage.redaction.wordlists import words

OUT = DATA / "given_names.txt"


def main() -> None:
    found = [n.capitalize() for sex in ("male", "female") for n in census(f"dist.{sex}.first")]
    listed = set(words("en_names", "given_names")) | set(
        words("en_names", "given_names_that_are_words")
    )
    header = [
        "# Given names from the 1990 US Census first-name lists (public domain), through the",
        "# names package (MIT); none an English word, a place or a stop word. Made by",
        "# scripts/make_given_names.py; the hand-kept list is data/en_names.yaml.",
    ]
    write(OUT, header, kept(found, listed))


if __name__ == "__main__":
    main()
