"""Write storage/redaction/data/surnames.txt: surnames beyond the hand-kept list in
data/en_names.yaml, for the name finders that judge a word by the lists ("Coach Delgado",
"kowalczyk anna" typed surname first, "MENSAH-OWUSU" in capitals).

    pip install names==0.3.0 && python scripts/make_surnames.py

From the ``names`` package (MIT), whose name files are the 1990 US Census's frequency lists
(public domain: a work of the US government): ``dist.all.last``, 88,799 surnames. Kept, as
scripts/make_given_names.py keeps given names: every surname of three letters or more,
written the usual way (SMITH -> Smith, MCDONALD -> McDonald), that is no English word, no place,
no given name and no word the name finders stop at, so that a word found this way is one no
sentence uses as a word ("Young", "Brown", "Houston" and "Paris" stay out). Only the list is
shipped: the package is a random-name generator nobody needs at run time.
"""

from __future__ import annotations

from census_names import DATA, census, kept, write

from storage.redaction.english_names import is_given
from storage.redaction.wordlists import words

OUT = DATA / "surnames.txt"


def written(name: str) -> str:
    """A census name (all capitals) as it is written: Smith, McDonald."""
    if name.startswith("MC") and len(name) > 3:
        return "Mc" + name[2:].capitalize()
    return name.capitalize()


def main() -> None:
    names = kept(
        (written(n) for n in census("dist.all.last")),
        set(words("en_names", "surnames")),
        also_out=is_given,
    )
    header = [
        "# Surnames from the 1990 US Census surname list (public domain), through the names",
        "# package (MIT); none an English word, a place, a given name or a stop word. Made by",
        "# scripts/make_surnames.py; the hand-kept list is data/en_names.yaml.",
    ]
    write(OUT, header, names)


if __name__ == "__main__":
    main()
