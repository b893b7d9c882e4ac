"""Street addresses written the continental European way, with the postcode and city after
them: "12 rue des Lilas, 75011 Paris", "Hauptstraße 5, 10115 Berlin", "Calle Mayor 5, 28013
Madrid", "Keizersgracht 123, 1015 CJ Amsterdam".

The English and Chinese forms are regular-expression rules (patterns.py); these differ in
where the number stands (before a French street, after a German, Dutch, Spanish or Italian
one) and in a postcode of four or five digits before the city, which goes with the street so
that no "75011 Paris" is left behind. A German-style word ending in -ring or -weg must be no
English word: "Spring 2024" and "String 3" are no streets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .english_names import UPPER, is_stop_name, is_word
from .text import Span

# Words are bounded and start only where a word starts, so a 4,096-character run of one
# hyphenated "word" (A-A-A-…) is read once, not once from every letter.
_START = r"(?<![\w'’\-])"
_WORD = rf"[{UPPER}][\w'’\-]{{0,40}}"
# French and Italian particles inside a street's name: rue de l'Église, Via dei Mille.
_PARTICLE = r"(?:de|du|des|la|le|les|aux?|sur|et|en|d['’]|l['’]|di|del|della|dei|degli|da)"
_NAME = rf"(?:{_PARTICLE}\s?){{0,3}}{_WORD}(?:\s(?:{_PARTICLE}\s?){{0,2}}{_WORD}){{0,3}}"
# A house number is no year: "Spring 2024" has none.
_NUMBER = r"(?!(?:19|20)[0-9]{2}(?![0-9]))[0-9]{1,4}(?:[a-zA-Z](?![\w]))?(?:[-/][0-9]{1,4})?"
# What follows the street: a postcode (four or five digits, a Dutch one with two letters,
# a Portuguese 1000-001) and the city, perhaps with "am Main" or "CEDEX".
_CITY_NAME = rf"{_WORD}(?:[\s\-](?:am|an der|sur|en|di|de)?\s?{_WORD}){{0,2}}"
# … or the city alone after a comma, ending the clause: "8 rue Victor Hugo, Lyon."
_CITY = (
    rf"(?:,?\s(?:[0-9]{{5}}|[0-9]{{4}}(?:\s?[A-Z]{{2}}(?![A-Za-z])|-[0-9]{{3}})?|[0-9]{{2}}\s[0-9]{{3}})"
    rf"\s{_CITY_NAME}(?:\s(?i:cedex)(?:\s[0-9]{{1,2}})?)?"
    rf"|,\s{_CITY_NAME}(?=\s?(?:[,.;:!?)\n]|$)))?"
)
_FRENCH_TYPES = (
    r"(?i:rue|avenue|av\.|boulevard|bd|place|allée|allee|impasse|chemin|quai|cours|route|square"
    r"|passage|faubourg|villa|cité|cite|rond-point)"
)
# Number first: 12 rue des Lilas, 5 bis avenue Foch.
_NUMBER_FIRST = re.compile(
    rf"{_START}[0-9]{{1,4}}(?:\s?(?:bis|ter)|[a-z])?,?\s{_FRENCH_TYPES}\s{_NAME}{_CITY}"
)
_STREET_WORDS = (
    r"straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|pfad|steig|"
    r"straat|laan|gracht|plein|kade|singel|dijk|gade|vej|gatan|vägen|gata|veien"
)
_STREET_SUFFIXES = (
    r"Straße|Strasse|Str\.|Weg|Platz|Allee|Gasse|Ring|Damm|Ufer|Chaussee|Straat|Laan|Plein"
)
# Spanish streets set the number off with a comma (Calle Mayor, 5); Italian and Portuguese
# ones do not, and "Via" is an English word too ("Via Zoom 3 people joined" is no street).
_SPANISH_TYPES = r"(?:Calle|C/|Avenida|Avda\.|Paseo|Plaza|Ronda|Carrer|Passeig)"
_ITALIAN_TYPES = r"(?:Via|Viale|Piazza|Corso|Largo|Vicolo|Rua|Travessa|Praça|Praca)"
# Number after: Hauptstraße 5, Berliner Straße 12a, Keizersgracht 123, Via Roma 12, Calle
# Mayor, 5.
_NUMBER_AFTER = re.compile(
    rf"{_START}(?:(?P<street>[{UPPER}][\w\-]{{0,40}}?(?:{_STREET_WORDS})|{_WORD}\s(?:{_STREET_SUFFIXES})"
    rf"|{_SPANISH_TYPES}\s{_NAME}),?|{_ITALIAN_TYPES}\s(?P<name>{_NAME}))\s{_NUMBER}{_CITY}(?![\w])"
)
_ENGLISH_ENDINGS = re.compile(r"(?i)(?:ring|weg|damm|pfad|gade|gata|dijk|kade|laan)$")


def european_addresses(text: str) -> Iterator[Span]:
    for match in _NUMBER_FIRST.finditer(text):
        yield match.span()
    for match in _NUMBER_AFTER.finditer(text):
        street, name = match.group("street"), match.group("name")
        # One word ending like a German or Dutch street that is an English word (Spring,
        # String, Herring, Kade) is no street.
        if street and " " not in street and _ENGLISH_ENDINGS.search(street) and is_word(street):
            continue
        if name and is_stop_name(name.split()[0]):
            continue
        yield match.span()
