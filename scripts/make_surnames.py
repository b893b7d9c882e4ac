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

import sys
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from storage.redaction.english_names import is_given, is_stop_name, is_word  # noqa: E402
from storage.redaction.wordlists import lines, words  # noqa: E402

OUT = ROOT / "storage" / "redaction" / "data" / "surnames.txt"


def written(name: str) -> str:
    """A census name (all capitals) as it is written: Smith, McDonald."""
    if name.startswith("MC") and len(name) > 3:
        return "Mc" + name[2:].capitalize()
    return name.capitalize()


def main() -> None:
    text = resources.files("names").joinpath("dist.all.last").read_text("ascii")
    census = {written(line.split()[0]) for line in text.splitlines() if line.strip()}
    places = lines("places")
    listed = set(words("en_names", "surnames"))
    kept = sorted(
        name
        for name in census
        if len(name) >= 3
        and name not in listed
        and name not in places
        and not is_given(name)
        and not is_stop_name(name)
        and not is_word(name)
    )
    header = [
        "# Surnames from the 1990 US Census surname list (public domain), through the names",
        "# package (MIT); none an English word, a place, a given name or a stop word. Made by",
        "# scripts/make_surnames.py; the hand-kept list is data/en_names.yaml.",
    ]
    OUT.write_text("\n".join(header + kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} names -> {OUT}")


if __name__ == "__main__":
    main()
