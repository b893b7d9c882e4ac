"""English names: after a title or a role (Judge Smith, counsel Jane Doe), before a role
("John Smith, a lawyer"), after "my name is", "named" or "I'm".

Capitalised words are names next to such a cue, and the word list of capitalised words that
are not names (data/en_names.yaml: weekdays, platforms, institutions, places …) stops a name
where it ends. Without a cue, or in lower case or capitals, a word pair is a name when the
lists of given names and surnames and an English word list (data/en_words.txt, from SCOWL) say
so: a given name before a word that is no English word (priya ramanathan, Grace
Mensah-Boateng), two capitalised words that are none (Tomás Okafor); "Grace period" and
"Mark my words" are words. A place is no English word either: a gazetteer (data/places.txt,
GeoNames) keeps "Rome and I" and "Marrakesh told me" from being taken for people, and what an
app sends ("Venmo sent me a notification") keeps an app from being one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from itertools import pairwise

from .patterns import HAN
from .text import SENTINEL_CLASS, SENTINEL_RE
from .wordlists import lines, words

UPPER, _LOW = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿĀ-ſ"
# A name word ends where the word ends: "WhatsApp" is not the name "Whats".
_TOKEN = rf"(?:Mc|Mac|O['’]|D['’])?[{UPPER}][{_LOW}]+(?:-[{UPPER}][{_LOW}]+)*(?![{UPPER}{_LOW}])"
_NAME_SEQ = rf"{_TOKEN}(?:[ \t]+(?:[{UPPER}]\.[ \t]+)?{_TOKEN}){{0,2}}"
TOKEN_RE = re.compile(_TOKEN)
_NAME_SEQ_RE = re.compile(_NAME_SEQ)

_STOP_NAMES = frozenset(words("en_names", "not_names"))
_STOP_FOLDED = frozenset(word.casefold() for word in _STOP_NAMES)
# English words (data/en_words.txt): a capitalised word that is none of them, next to a given
# name or after a cue, is a surname far more often than anything else.
_DICTIONARY = lines("en_words")
_PARTS_RE = re.compile(r"[^\W\d_]+")
# Words of chat and of the platforms that no dictionary lists (abt, msgs, untag, livestream):
# never a surname.
_CHAT_WORDS = frozenset(words("en_names", "chat_words"))
# Places (data/places.txt, from GeoNames): no English words either, and so taken for names
# ("Rome and I", "Marrakech told me") until a gazetteer said otherwise.
_PLACES = lines("places")


def is_word(word: str) -> bool:
    """Whether ``word`` is an English word (each part of a hyphenated one: "Rose-tinted" is,
    "Mensah-Boateng" is not); a stop name counts as a word too."""
    folded = word.casefold()
    if folded in _STOP_FOLDED or folded in _CHAT_WORDS:
        return True
    parts = _PARTS_RE.findall(folded)
    return bool(parts) and all(
        part in _DICTIONARY or part in _STOP_FOLDED or part in _CHAT_WORDS or len(part) == 1
        for part in parts
    )


def is_place(word: str) -> bool:
    """A country, capital, US state or city of 15,000 people (GeoNames) that is no listed
    given name or surname: "Lisbon" is a place, "Jackson" and "Florence" stay names."""
    return word in _PLACES and word not in _GIVEN and not _is_surname(word)


def is_stop_name(word: str) -> bool:
    return word in _STOP_NAMES or word.rstrip(".") in _STOP_NAMES


def trim_latin(start: int, phrase: str) -> tuple[int, int]:
    """Span of the name tokens in ``phrase`` (at ``start``) up to the first non-name word."""
    end = start
    for token in re.finditer(r"\S+", phrase):
        if is_stop_name(token.group()):
            break
        end = start + token.end()
    return start, end


def _name_tokens(text: str, start: int) -> list[tuple[int, int]]:
    """The name tokens of the name sequence at ``start``, cut at the first non-name word."""
    match = _NAME_SEQ_RE.match(text, start)
    if not match:
        return []
    tokens = []
    for token in TOKEN_RE.finditer(text, start, match.end()):
        if is_stop_name(token.group()):
            break
        tokens.append(token.span())
    return tokens


# Honorifics, in either list of titles below.
_HONORIFICS = "Mr|Mrs|Ms|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Hon|Honourable|Honorable"
_TITLES = (
    rf"(?:(?:{_HONORIFICS}|Miss|Rev|Reverend|Father|Sister|"
    r"Senator|Mayor|Governor|Commissioner|Registrar|Master|Solicitor|Barrister|Advocate|Sgt|Det|"
    r"Constable|Atty)\.?"
    r"|(?i:judge|justice|attorney|counsel|counsellor|counselor|magistrate|officer|detective|"
    r"sergeant|inspector))"
)
_TITLE_RE = re.compile(rf"(?<![A-Za-z]){_TITLES}[ \t]+(?=[{UPPER}])")
_EN_ROLES = (
    r"(?:lawyer|attorney|counsel|solicitor|barrister|advocate|prosecutor|witness|plaintiff|"
    r"defendant|litigant|claimant|applicant|respondent|appellant|petitioner|accused|complainant|"
    r"victim|juror|clerk|colleague|friend|neighbou?r|client|partner|paralegal|assistant|"
    r"secretary|journalist|reporter|blogger|influencer|expert|bailiff|usher|mediator|arbitrator|"
    r"trustee|guardian|husband|wife|son|daughter|brother|sister|cousin|nephew|niece|uncle|aunt|"
    r"mother|father|spouse|ex-wife|ex-husband|fianc[ée]e?|boyfriend|girlfriend|classmate|"
    r"roommate|flatmate|housemate|mate|buddy|pal|boss|manager|supervisor|student|intern|teacher|"
    r"tutor|follower|user)"
)
_ROLE_RE = re.compile(
    rf"(?<![A-Za-z])(?P<det>(?i:my|our|his|her|their|the)[ \t]+(?:[a-z\-]+[ \t]+)?)?"
    rf"(?i:{_EN_ROLES}),?[ \t]+(?=[{UPPER}])"
)
_BEFORE_ROLE_RE = re.compile(
    rf"(?<![A-Za-z'’\-])(?={_NAME_SEQ},[ \t]+(?:who[ \t]+is[ \t]+)?"
    rf"(?:a|an|the|my|our|his|her|their)[ \t]+(?:[a-z\-]+[ \t]+){{0,2}}?{_EN_ROLES}(?![a-z]))"
)
# "Sarah Whitfield, Esq.", "Amal Haddad KC": a post-nominal after a name.
_POST_NOMINAL_RE = re.compile(
    rf"(?<![A-Za-z\-])(?<![A-Za-z]['’])(?={_NAME_SEQ},?[ \t]+(?:Esq|QC|KC|SC|SAN)\.?(?![A-Za-z]))"
)
_MY_NAME_RE = re.compile(
    r"(?<![A-Za-z])(?i:my[ \t]+name[ \t]+is|my[ \t]+name['’]s|call[ \t]+me|i[ \t]+am[ \t]+called|"
    rf"i['’]m[ \t]+called)[ \t]+(?=[{UPPER}])"
)
# "named"/"called" also name shows, apps and firms ("an app called Signal", "a show called
# Suits"): one word is a name only after a word for a person.
_NAMED_RE = re.compile(
    r"(?<![A-Za-z])(?P<who>(?i:someone|somebody|person|man|woman|guy|lady|user|account|"
    rf"{_EN_ROLES})[ \t]+)?(?i:named|called)[ \t]+(?=[{UPPER}])"
)
_I_AM_RE = re.compile(rf"(?<![A-Za-z])(?:I['’]m|I[ \t]+am|[Tt]his[ \t]+is)[ \t]+(?=[{UPPER}])")
_I_AM_ONE_TOKEN_OK = re.compile(
    r",[ \t]+(?:a|an|the|and)[ \t]|[ \t]+(?:from|here|speaking)(?![a-z])"
)


def _opens_sentence(text: str, pos: int) -> bool:
    pos -= 1
    while pos >= 0 and text[pos] in " \t":
        pos -= 1
    return pos < 0 or text[pos] in ".!?。！？\n"


# Each English cue: where the name starts (after the cue, or before it), and whether the
# capitalised words found there are a name. Two words always are; one only with more sign.
_EN_CUES: list[tuple[re.Pattern[str], bool, Callable[[str, re.Match, list], bool]]] = [
    # Titles: Judge Smith, Attorney John Smith, Justice Mary O'Neil, Mr Smith.
    (_TITLE_RE, False, lambda text, match, tokens: True),
    # A role word: counsel Jane Doe; one word after a determiner (my clerk Tom).
    (_ROLE_RE, False, lambda text, match, tokens: bool(match.group("det"))),
    # Before a role: "John Smith, a lawyer"; one word when it does not open a sentence.
    # At a sentence's start a listed given name ("Priya, my court clerk, posts …").
    (
        _BEFORE_ROLE_RE,
        True,
        lambda text, match, tokens: (
            not _opens_sentence(text, match.start()) or is_given(text[tokens[0][0] : tokens[0][1]])
        ),
    ),
    (_MY_NAME_RE, False, lambda text, match, tokens: True),
    (_POST_NOMINAL_RE, True, lambda text, match, tokens: True),
    (_NAMED_RE, False, lambda text, match, tokens: bool(match.group("who"))),
    # "I'm Sarah Lee" – or "I'm Sarah, a family judge"; "I'm English" stays.
    (
        _I_AM_RE,
        False,
        lambda text, match, tokens: bool(_I_AM_ONE_TOKEN_OK.match(text, tokens[-1][1])),
    ),
]


# Cues that can only match where one of these words is: a text without them is not scanned
# (the scan tries every role word at every position).
_CUE_WORDS = {_NAMED_RE: ("named", "called"), _POST_NOMINAL_RE: ("Esq", "QC", "KC", "SC", "SAN")}
# … and these only where a word of a kind is (see cue_kinds).
_CUE_KIND = {_TITLE_RE: "title", _ROLE_RE: "role", _BEFORE_ROLE_RE: "role"}


# A cue of a title or a role is tried at every position of the text; a text whose words hold
# no title or role word (most of them, and every run of one repeated token) is not scanned.
_WORD_OF_TEXT = re.compile(r"[A-Za-z][A-Za-z\-]*")
_TITLE_WORD = re.compile(_TITLES, re.IGNORECASE)
_ROLE_WORD = re.compile(rf"(?i:{_EN_ROLES})")
_NAMING_WORD = re.compile(r"(?i:named|called)")


@lru_cache(maxsize=4)
def cue_kinds(text: str) -> frozenset[str]:
    """Which kinds of cue word the text holds: "title", "role", "named"."""
    kinds = set()
    words = set(_WORD_OF_TEXT.findall(text))
    # "co-counsel Jane Doe": the cue is the last part of a hyphenated word.
    words |= {word.rsplit("-", 1)[-1] for word in words if "-" in word}
    for word in words:
        for kind, pattern in (
            ("title", _TITLE_WORD),
            ("role", _ROLE_WORD),
            ("named", _NAMING_WORD),
        ):
            if pattern.fullmatch(word):
                kinds.add(kind)
    return frozenset(kinds)


def en_names(text: str) -> Iterator[tuple[int, int]]:
    folded = text.casefold()
    kinds = cue_kinds(text)
    for pattern, before, one_word_ok in _EN_CUES:
        cue_words = _CUE_WORDS.get(pattern)
        if cue_words and not any(word.casefold() in folded for word in cue_words):
            continue
        if _CUE_KIND.get(pattern, "") not in kinds | {""}:
            continue
        for match in pattern.finditer(text):
            tokens = _name_tokens(text, match.start() if before else match.end())
            if len(tokens) >= 2 or (tokens and one_word_ok(text, match, tokens)):
                yield tokens[0][0], tokens[-1][1]


# A Latin name next to a Chinese role (律师John Smith), its surname perhaps in capitals, as
# Chinese names are often written in Latin letters (律师 LI Ming, 律师 Ming LI).
_LATIN_WORD = r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*"
_CAPS_SURNAME = r"[A-Z]{2,}(?:-[A-Z]{2,})?(?![a-z])"
LATIN_NAME = re.compile(
    rf"[ \t]?(?P<x>{_CAPS_SURNAME}[ \t]+{_LATIN_WORD}(?:[ \t]+{_LATIN_WORD})?"
    rf"|{_LATIN_WORD}(?:[ \t]+(?:{_LATIN_WORD}|{_CAPS_SURNAME})){{0,2}})(?![A-Za-z])"
)


# --------------------------------------------------------------------------- beyond the cues

# The hand-kept given names, and the 1990 US Census's first names that are no English word
# and no place (data/given_names.txt, made by scripts/make_given_names.py).
_GIVEN = frozenset(words("en_names", "given_names")) | lines("given_names")
_GIVEN_WORDS = frozenset(words("en_names", "given_names_that_are_words"))
# The hand-kept surnames, and the 1990 US Census's that are no English word, no place and no
# given name (data/surnames.txt, made by scripts/make_surnames.py).
_HAND_KEPT_SURNAMES = frozenset(words("en_names", "surnames"))


@cache
def _surnames_folded() -> frozenset[str]:
    """Every listed surname, case-folded: the only copy of the census's ~80,000 kept (read on
    first use, not at import, so scripts/make_surnames.py runs before the file exists)."""
    census = lines.__wrapped__("surnames")  # not through lines()' cache: one copy, not two
    return frozenset(name.casefold() for name in _HAND_KEPT_SURNAMES | census)


def _is_surname(word: str) -> bool:
    """A listed surname as names are written: capitalised (Smith, McDonald), not in capitals."""
    if word in _HAND_KEPT_SURNAMES:
        return True
    return word[:1].isupper() and not word.isupper() and word.casefold() in _surnames_folded()


# Family words and pet names ("Nana and I"): never a name on their own.
_KIN_WORDS = frozenset(words("en_names", "kin_words"))


def _never_a_name(word: str) -> bool:
    """A stop word or a family word ("Nana and I", "Bro is my roommate"): never a name on its
    own."""
    return is_stop_name(word) or word in _KIN_WORDS


# In lower case a short census name (joi, ned) is too often a piece of a word: the hand-kept
# list in full, the census's names of four letters or more.
_HAND_KEPT_GIVEN = frozenset(words("en_names", "given_names"))
_GIVEN_FOLDED = frozenset(
    name.casefold() for name in _GIVEN if len(name) >= 4 or name in _HAND_KEPT_GIVEN
)
_GIVEN_WORDS_FOLDED = frozenset(name.casefold() for name in _GIVEN_WORDS)
# A name may open a quotation ('Sarah Whitfield, Esq.'); O'Brien and don't are no name starts.
_ANY_LATIN_RE = re.compile(rf"[{UPPER}]")
_CAPITALISED_RE = re.compile(rf"(?<![A-Za-z\-])(?<![A-Za-z]['’])[{UPPER}][{_LOW}]+")


def en_free_names(text: str) -> Iterator[tuple[int, int]]:
    """Robert Johnson followed me: a given name from the list, then a capitalised word that is
    no stop word; or any capitalised word (not opening a sentence) before a listed surname
    (Deshawn Williams). A given name that is also a word (Will, Grace, Jordan) needs a listed
    surname after it ("Grace Period" stays)."""
    for match in _CAPITALISED_RE.finditer(text):
        first = match.group()
        tokens = _name_tokens(text, match.start())
        if not tokens and first in _GIVEN_WORDS and is_stop_name(first):
            # Paris Whitlock, Sydney Okonjo: a given name that is also a place, before a word
            # that is no English word and no place, is a person.
            after = _WORD_AFTER_RE.match(text, match.end())
            word = after.group("x") if after else ""
            if after and not (is_stop_name(word) or is_word(word) or is_place(word)):
                yield match.start(), after.end()
            continue
        if len(tokens) < 2:
            continue
        second = text[tokens[1][0] : tokens[1][1]]
        if first in _GIVEN_WORDS or first not in _GIVEN:
            # Not a plain given name: a name only before a listed surname (Deshawn Williams),
            # and, for a word that is no given name, not at the start of a sentence; or two
            # words that are no English words (Tomás Okafor, Bjørn Halvorsen), or a given name
            # that is a word before one (Grace Mensah-Boateng, not Grace Period).
            unsure = first not in _GIVEN_WORDS and _opens_sentence(text, match.start())
            # Kuala Lumpur, Tegucigalpa Honduras: a place, however foreign its words.
            place = f"{first} {second}" in _PLACES or is_place(first) or is_place(second)
            # A surname from the census list only outside a place's name (São Paulo).
            listed = (
                _is_surname(second)
                and not _is_surname(first)
                and not unsure
                and (second in _HAND_KEPT_SURNAMES or not place)
            )
            unknown = not is_word(second) and (first in _GIVEN_WORDS or not is_word(first))
            if not (listed or (unknown and not place)):
                continue
        tokens = _trim_words(text, tokens)
        yield tokens[0][0], tokens[-1][1]


def _trim_words(text: str, tokens: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A third word that is an English word and no listed name is not part of the name
    ("NELSON MANDELA SAID")."""
    if len(tokens) > 2:
        last = text[tokens[-1][0] : tokens[-1][1]]
        if is_word(last) and not _is_surname(last) and last not in _GIVEN:
            return tokens[:-1]
    return tokens


def _surname_like(word: str) -> bool:
    """A word in any case that may be a surname: a listed one, or no English word."""
    return len(word) >= 2 and (word.casefold() in _surnames_folded() or not is_word(word))


def _given_like(word: str) -> bool:
    """A listed given name in any case that is no everyday word (not will, mark, grace);
    a hyphenated one (jean-luc) when each part is a given name or no English word."""
    folded = word.casefold()
    if folded in _GIVEN_FOLDED and folded not in _GIVEN_WORDS_FOLDED:
        return True
    plain = _plain(folded)
    if plain != folded and plain in _GIVEN_FOLDED and plain not in _GIVEN_WORDS_FOLDED:
        return True  # josé, björn, siobhán
    parts = folded.split("-")
    return (
        len(parts) > 1
        and parts[0] in _GIVEN_FOLDED
        and all(part in _GIVEN_FOLDED or not is_word(part) for part in parts)
    )


# One capitalised name word, perhaps hyphenated (Haruto, Mei-Ling).
_NAME_WORD = rf"[{UPPER}][{_LOW}]+(?:-[{UPPER}{_LOW}][{_LOW}]+)?(?![{UPPER}{_LOW}'’\-])"


_LOWER_WORD_RE = re.compile(r"(?<![A-Za-z'’\-])[a-z][a-z'’\-]*[a-z](?![A-Za-z'’\-])")


_MIDDLE_NAME_RE = re.compile(r"[ \t](?:(?P<middle>[a-z]{1,4})[ \t])?")


def en_lower_names(text: str) -> Iterator[tuple[int, int]]:
    """priya ramanathan, siobhan o'neill: typed in lower case without a cue, a given name from
    the list (not one that is also a word) before a listed surname or a word that is no
    English word."""
    words_found = list(_LOWER_WORD_RE.finditer(text))
    for index, (first, second) in enumerate(pairwise(words_found)):
        if text[first.end() : second.start()] not in (" ", "\t"):
            continue
        if (
            len(first.group()) >= 3
            and _given_like(first.group())
            and len(second.group()) >= 3
            and _surname_like(second.group())
        ):
            end = second.end()
            # A third name word (nguyen thi mai): a given name or no English word.
            third = words_found[index + 2] if index + 2 < len(words_found) else None
            if (
                third
                and text[end : third.start()] in (" ", "\t")
                and len(third.group()) >= 2
                and (_given_like(third.group()) or not is_word(third.group()))
            ):
                end = third.end()
            yield first.start(), end
            continue
        # Surname first (tran van minh, okafor chidi): a listed surname that is no English
        # word, perhaps a short middle name, then a listed given name.
        folded = first.group().casefold()
        if folded in _surnames_folded() and not is_word(folded):
            for last in words_found[index + 1 : index + 3]:
                between = _MIDDLE_NAME_RE.fullmatch(text, first.end(), last.start())
                if not between:
                    break
                if _given_like(last.group()) and len(last.group()) >= 3:
                    if between.group("middle") not in _NOT_SURNAMES:
                        yield first.start(), last.end()
                    break


# "Danny says it's harmless": a listed given name alone (not one that is also a word) is a
# person when a verb of what people do follows it.
_GIVEN_ALONE_RE = re.compile(
    rf"(?<![A-Za-z'’\-])[{UPPER}][{_LOW}]+(?=[ \t]+(?P<verb>says|said|told|tells|asked|asks|wants|"
    r"wanted|keeps|kept|thinks|thought|posted|posts|sent|sends|messaged|texted|emailed|tagged|"
    r"commented|replied|shared|liked|likes|followed|follows|invited|added|claims|claimed|"
    r"insists|insisted|mentioned|wrote|writes|called|rang|knows|knew|admitted|promised|"
    r"suggested|agreed|refused|complained|threatened|reported)(?![A-Za-z]))"
)


_PLATFORM_BEFORE_RE = re.compile(r"(?<![A-Za-z])(?i:on|via|from|in|at|through)[ \t]+$")
# "Venmo sent me a notification", "Duolingo keeps sending reminders": what an app, a bank or
# a platform sends, not a person. A word that is no English word before such an object, or
# used elsewhere in the text as an app ("on Venmo", "the Strava app"), is no name.
_APP_OUTPUT_RE = re.compile(
    r"[^.!?;\n]{0,40}?(?<![A-Za-z])(?i:notifications?|reminders?|alerts?|(?:verification|security|"
    r"login|one-time)[ \t]+codes?|receipts?|updates?|prompts?|push|suggestions?|"
    r"recommendations?|ads|adverts?|advertisements?|statements?|invoices?|badges?|streaks?|"
    r"digests?|newsletters?|(?:daily|weekly|monthly|yearly|automatic|automated)[ \t]+[a-z]+)"
    r"(?![A-Za-z])"
)
# Where an app's name stands: right after "on", "via", "using" …, or right before "app",
# "account", "feed" …
_APP_AFTER_RE = re.compile(
    r"(?<![A-Za-z])(?i:on|via|through|use|using|installed|downloaded|deleted|opened)[ \t]+"
)
_APP_BEFORE_RE = re.compile(
    r"[ \t]+(?i:app|account|notifications?|feed|payments?|transfers?|profile)(?![A-Za-z])"
)


@lru_cache(maxsize=4)
def _app_places(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where an app's name may start, and where one may end, found once per text: asked
    for every unknown word before a verb, one search per word was quadratic."""
    starts = tuple(m.end() for m in _APP_AFTER_RE.finditer(text))
    ends = tuple(m.start() for m in _APP_BEFORE_RE.finditer(text))
    return starts, ends


def _latin(text: str, i: int) -> bool:
    return 0 <= i < len(text) and ("a" <= text[i] <= "z" or "A" <= text[i] <= "Z")


def _used_as_app(text: str, word: str, verb_end: int) -> bool:
    """What the word sends ("Venmo sent me a reminder"), or the word used elsewhere in the
    text as an app ("on Venmo", "the Venmo app")."""
    if _APP_OUTPUT_RE.match(text, verb_end):
        return True
    starts, ends = _app_places(text)
    return any(text.startswith(word, i) and not _latin(text, i + len(word)) for i in starts) or any(
        text.endswith(word, 0, i) and not _latin(text, i - len(word) - 1) for i in ends
    )


# "a DM from Giancarlo asking …", "a text from Bazza saying …": who a personal message is
# from, before what they say: a listed given name, or a word that is no English word and no
# place (a DM, a text, a voicemail come from people; an e-mail may come from a service).
_MESSAGE_FROM_RE = re.compile(
    r"(?<![A-Za-z])(?i:DMs?|PMs?|direct messages?|private messages?|texts?|voicemails?|"
    r"WhatsApps?)[ \t]+from[ \t]+"
    rf"(?P<x>{_NAME_WORD})(?P<saying>[ \t]+(?:saying|asking|telling|claiming|wanting|who|begging|"
    r"offering|threatening|demanding|inviting)(?![A-Za-z]))?"
)


def en_message_from(text: str) -> Iterator[tuple[int, int]]:
    for match in _MESSAGE_FROM_RE.finditer(text):
        word = match.group("x")
        if _never_a_name(word) or is_place(word):
            continue
        if is_given(word) or (match.group("saying") and not is_word(word)):
            yield match.span("x")


def en_given_alone(text: str) -> Iterator[tuple[int, int]]:
    """Danny says, Folasade messaged: a listed given name, or a word that is no English word
    (and no family word, Nana), before a verb of what people do."""
    for match in _GIVEN_ALONE_RE.finditer(text):
        word = match.group()
        if _never_a_name(word) or word in _GIVEN_WORDS:
            continue
        if word in _GIVEN:
            yield match.span()
            continue
        # "Someone on Nextdoor posted": after "on", "via" or "from" stands a platform.
        if not (
            is_word(word)
            or is_place(word)
            or _PLATFORM_BEFORE_RE.search(text, max(0, match.start() - 12), match.start())
            or _used_as_app(text, word, match.end("verb"))
        ):
            yield match.span()


# "Hannelore and I have been friends", "I have known Ottilie since school", "Priya is my
# cousin": one capitalised word tied to the judge by "and I/my/me" or a verb of a personal
# relation is a person, when it is a listed given name or no English word at all (a word
# at the start of a sentence, "Sunday and I", "Friends and I", stays; so do family words,
# "Nana and I").
_WITH_ME_RE = re.compile(
    rf"(?<![A-Za-z{UPPER}{_LOW}'’\-])(?P<after>(?:(?:have|had|has)[ \t]+known|friends[ \t]+with|"
    # What is done to a person on a platform: follow Siobhán, blocked Aoife, DM'd Priya.
    r"(?P<social>(?:un)?follow(?:s|ed|ing)?|block(?:s|ed|ing)?|unblock(?:ed)?|mut(?:e|ed|ing)|"
    r"(?:un)?friend(?:ed)?|DM(?:['’]?d|ed)?|tag(?:ged)?|messag(?:e|ed|ing))|"
    r"married[ \t]+to|engaged[ \t]+to|dating|dated|related[ \t]+to|grew[ \t]+up[ \t]+with|"
    r"studied[ \t]+with|went[ \t]+to[ \t]+school[ \t]+with|close[ \t]+to)[ \t]+)?"
    rf"(?P<x>{_NAME_WORD})"
    rf"(?P<before>[ \t]+and[ \t]+(?:I|me|my|myself)(?![A-Za-z])"
    r"|,?[ \t]+(?:is|was|has[ \t]+been|had[ \t]+been|became)[ \t]+(?:my|our)[ \t]+"
    rf"(?:[a-z\-]+[ \t]+){{0,2}}?{_EN_ROLES}(?![a-z]))?"
)


_PLACE_BEFORE_RE = re.compile(
    r"(?<![A-Za-z])(?i:in|to|from|near|around|across|towards?|visit|visited|visiting|left|"
    r"leaving)[ \t]+$"
)


def en_given_with_me(text: str) -> Iterator[tuple[int, int]]:
    for match in _WITH_ME_RE.finditer(text):
        if not (match.group("after") or match.group("before")):
            continue
        word = match.group("x")
        if _never_a_name(word):
            continue
        # A given name that is also a word (Mark, Grace) is one before "and I": no verb or
        # noun of everyday English stands there.
        if match.group("social"):
            # After a platform's verb only a listed given name: "follow Reuters" stays.
            if is_given(word):
                yield match.span("x")
        elif word in _GIVEN or word in _GIVEN_WORDS:
            yield match.span("x")
        elif not (
            is_word(word)
            or is_place(word)
            or _PLACE_BEFORE_RE.search(text, max(0, match.start() - 12), match.start())
        ):
            # A word that is no English word: a person, unless it is a place ("Rome and I")
            # or stands where places stand ("we lived in Tegucigalpa and I …").
            yield match.span("x")


_JOINED = r"(?:,[ \t]+|[ \t]+(?:and|or|&)[ \t]+)"
# A name word with the joint after it ("Haruto and "), and with the joint before it (", Haruto");
# a nickname in quotes too ('and "Brooklyn" Adebayo-Price').
_OPEN, _CLOSE = "(?P<q>[\"“‘'])?", "(?(q)[\"”’'])"
_WORD_JOINED_RE = re.compile(
    rf"(?<![A-Za-z{UPPER}{_LOW}'’\-]){_OPEN}(?P<x>{_NAME_WORD}){_CLOSE}{_JOINED}"
)
_JOINED_WORD_RE = re.compile(rf"{_JOINED}{_OPEN}(?P<x>{_NAME_WORD}){_CLOSE}")
# The word before or after a listed name that makes it a full one (Hunter Kowalczyk).
_WORD_BEFORE_RE = re.compile(rf"(?<![A-Za-z{UPPER}{_LOW}'’\-])(?P<x>{_NAME_WORD})[ \t]$")
_WORD_AFTER_RE = re.compile(rf"[ \t](?P<x>{_NAME_WORD})")


def _joinable(match: re.Match[str]) -> bool:
    """A word in a list of people is one of them when it may be a name: a listed given name,
    even one that is also a word (Hope, Hunter), a nickname in quotes ("Dusty"), or a word
    that is no English word and no place ("[NAME] and Sunday", "[NAME] and Lisbon" stay)."""
    word = match.group("x")
    if _never_a_name(word):
        return False
    if match.group("q") or word in _GIVEN or word in _GIVEN_WORDS:
        return True
    return not (is_word(word) or is_place(word))


def _full_name_part(given: str, word: str) -> bool:
    """Whether ``word``, beside the listed ``given``, is the rest of a full name: after a
    given name any capitalised word that is no stop word (Jordan Lake), else one that is no
    English word either (Ottilie Brandauer)."""
    if _never_a_name(word):
        return False
    named = given in _GIVEN or given in _GIVEN_WORDS or word in _GIVEN or word in _GIVEN_WORDS
    return named or _is_surname(word) or not (is_word(word) or is_place(word))


_JOINED_LOWER_RE = re.compile(
    rf"(?P<s>[{SENTINEL_CLASS}]){_JOINED}(?P<g>[a-z{_LOW}]{{3,}})"
    rf"[ \t](?P<f>[a-z{_LOW}][a-z{_LOW}'’\-]+)"
    rf"(?![A-Za-z{UPPER}{_LOW}])"
)


def en_coordinated(text: str, names: frozenset[str]) -> Iterator[tuple[int, int]]:
    """ "incl. [NAME] and Haruto", "Ottilie, [NAME] and I", 'Hope, [NAME] and "Brooklyn"
    Adebayo-Price': capitalised words joined by "and", "or", "&" or a comma to a name
    already found (``names``: the sentinels of names) are names too, each one that may be a
    name (see _joinable), with the word beside it that makes it a full name. A list of them
    is followed from the name both ways in one reading."""
    if not _ANY_LATIN_RE.search(text):  # both readings below join Latin words
        return
    for match in _JOINED_LOWER_RE.finditer(text):
        # "[NAME] and björn lindqvist": typed in lower case, a listed given name and a word
        # that may be a surname, joined to a name already found.
        if (
            match.group("s") in names
            and _given_like(match.group("g"))
            and _surname_like(match.group("f"))
            and match.group("f") not in _NOT_SURNAMES
        ):
            yield match.start("g"), match.end("f")
    ending_at = {m.end(): m for m in _WORD_JOINED_RE.finditer(text)}
    starting_at = {m.start(): m for m in _JOINED_WORD_RE.finditer(text)}
    for sentinel in SENTINEL_RE.finditer(text):
        if sentinel.group() not in names:
            continue
        pos = sentinel.start()
        while pos in ending_at and _joinable(ending_at[pos]):
            word = ending_at[pos].group("x")
            start, end = ending_at[pos].span("x")
            before = _WORD_BEFORE_RE.search(text, max(0, start - 40), start)
            if before and _full_name_part(before.group("x"), word):
                start = before.start("x")
            yield start, end
            pos = min(start, ending_at[pos].start())
        pos = sentinel.end()
        while pos in starting_at and _joinable(starting_at[pos]):
            word = starting_at[pos].group("x")
            start, end = starting_at[pos].span("x")
            pos = starting_at[pos].end()
            after = _WORD_AFTER_RE.match(text, pos)
            if after and _full_name_part(word, after.group("x")):
                if pos == end:
                    end = after.end()
                else:
                    yield after.span("x")  # apart: the closing quote between stays
                pos = after.end()
            yield start, end


# R v Hollingsworth, (Al-Hashimi v Carter): the parties of a case are people (the Crown, the
# State or a minister named as a party are not).
_PARTY = rf"{_TOKEN}(?:[ \t]+{_TOKEN}){{0,2}}"
_VERSUS_RE = re.compile(
    rf"(?:(?<![A-Za-z'’\-])(?P<left>{_PARTY})|(?<![A-Za-z])R|[{SENTINEL_CLASS}]|\))"
    rf"[ \t]+(?:v|vs)\.?[ \t]+(?P<right>{_PARTY})"
)
_NOT_PARTIES = frozenset(
    "Crown State States People Queen King Regina Rex Commonwealth Republic Government Secretary"
    " Minister Commissioner Commissioners Attorney-General Director Council Borough City"
    " County United Kingdom Ltd Limited Inc Plc LLC Corp Bank".split()
)


def _party(text: str, start: int, end: int) -> list[tuple[int, int]]:
    tokens = [m.span() for m in TOKEN_RE.finditer(text, start, end)]
    names = [
        (a, b) for a, b in tokens if text[a:b] not in _NOT_PARTIES and not is_stop_name(text[a:b])
    ]
    if len(names) != len(tokens):
        # A party with an institution's word in it (Secretary of State, Acme Bank) stays
        # whole; "In Smith" loses its "In".
        while tokens and is_stop_name(text[tokens[0][0] : tokens[0][1]]):
            tokens.pop(0)
        if any(text[a:b] in _NOT_PARTIES for a, b in tokens):
            return []
        return [(tokens[0][0], tokens[-1][1])] if tokens else []
    return [(tokens[0][0], tokens[-1][1])] if tokens else []


def en_case_parties(text: str) -> Iterator[tuple[int, int]]:
    for match in _VERSUS_RE.finditer(text):
        for side in ("left", "right"):
            if match.group(side):
                yield from _party(text, *match.span(side))


# A cue in any case ("attorney", "ATTORNEY", "my clerk", "a witness named"), then words in
# any case; "the plaintiff, susan oconnell, wrote" sets the name off with commas.
_ANY_CASE_CUE_RE = re.compile(
    rf"(?<![A-Za-z])(?i:{_TITLES}|{_EN_ROLES}|named|called)(?P<comma>,)?[ \t]+"
    rf"(?=[A-Za-z{UPPER}{_LOW}])"
)
# Accented letters too: "my nephew josé ramírez-peña".
_WORD_RE = re.compile(rf"[A-Za-z{UPPER}{_LOW}][A-Za-z{UPPER}{_LOW}'’\-]*")
_INITIAL_RE = re.compile(r"[A-Za-z]\.[ \t]+(?=[A-Za-z]{2})")
# A surname nobody listed, between commas after a role and a listed given name: "the
# plaintiff, susan oconnell, wrote". Short function words are never one.
_SET_OFF_SURNAME_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]{2,}(?=,)")
_NOT_SURNAMES = frozenset("and the but was who has had not yet too who's also again then".split())


# "THE DEFENDANT, BOGDAN KRAWCZYK, FOLLOWS ME": two or three words set off by commas after a
# role, none of them an English word, are a name in any case.
_SET_OFF_NAME_RE = re.compile(r"(?P<x>[A-Za-z][A-Za-z'’\-]+(?:[ \t][A-Za-z][A-Za-z'’\-]+){1,2}),")


def _set_off_name(text: str, pos: int) -> tuple[int, int] | None:
    match = _SET_OFF_NAME_RE.match(text, pos)
    if match and not any(is_word(word) for word in match.group("x").split()):
        return match.span("x")
    return None


def en_names_any_case(text: str) -> Iterator[tuple[int, int]]:
    """attorney john smith, ATTORNEY JOHN SMITH, my clerk mary jones: after a cue, words in
    lower or upper case are a name when the first is a given name from the list and each
    next one a given name or surname from it (so "lawyer will call" stays), or, when the
    name is set off by commas, any word that closes it."""
    if not cue_kinds(text):
        return
    for match in _ANY_CASE_CUE_RE.finditer(text):
        set_off_name = _set_off_name(text, match.end()) if match.group("comma") else None
        if set_off_name:
            yield set_off_name
            continue
        pos, found = match.end(), []
        while len(found) < 3:
            initial = _INITIAL_RE.match(text, pos) if found else None
            if initial:
                pos = initial.end()  # bradley k. hutchins: a middle initial
            word = _WORD_RE.match(text, pos)
            if not word:
                break
            folded = word.group().casefold()
            if found and _surname_like(word.group()) and folded not in _NOT_SURNAMES:
                # attorney jean-luc moreau, solicitor KWAME ASANTE-DARKO: no English word.
                found.append(word.span())
                pos = word.end()
                while pos < len(text) and text[pos] in " \t":
                    pos += 1
                continue
            if not found and folded not in _GIVEN_FOLDED and _given_like(word.group()):
                found.append(word.span())
                pos = word.end()
                while pos < len(text) and text[pos] in " \t":
                    pos += 1
                continue
            if not found and folded in _GIVEN_WORDS_FOLDED:
                # "the witness, mark taylor": a given name that is also a word, before a
                # listed surname.
                after = _WORD_RE.match(text, word.end() + 1)
                if after and after.group().casefold() in _surnames_folded():
                    found.append(word.span())
                    pos = after.start()
                    continue
            if not (folded in _GIVEN_FOLDED or (found and folded in _surnames_folded())):
                set_off = found and match.group("comma") and _SET_OFF_SURNAME_RE.match(text, pos)
                if set_off and folded not in _NOT_SURNAMES:
                    found.append(set_off.span())
                break
            found.append(word.span())
            pos = word.end()
            while pos < len(text) and text[pos] in " \t":
                pos += 1
        if len(found) >= 2:
            yield found[0][0], found[-1][1]


# "A defendant in one of my cases, Robert Johnson, followed me": a role, then within the
# same clause a name set off by commas.
_APPOSITION_RE = re.compile(
    rf"(?<![A-Za-z])(?i:{_EN_ROLES})(?![a-z])[^.,;:!?\n]{{0,60}}, "
    rf"(?={_TOKEN}[ \t]+{_TOKEN}[^,]{{0,30}},)"
)


# "My best friend's husband, Dmitri, is appearing before me": one listed given name set off by
# commas right after a role.
_SET_OFF_WORD_RE = re.compile(rf",[ \t](?P<x>{_NAME_WORD}),")
_ROLE_BEFORE_COMMA_RE = re.compile(rf"(?<![A-Za-z])(?i:{_EN_ROLES})$")


def en_apposition(text: str) -> Iterator[tuple[int, int]]:
    if "role" not in cue_kinds(text):
        return
    for match in _APPOSITION_RE.finditer(text):
        tokens = _name_tokens(text, match.end())
        if len(tokens) >= 2:
            yield tokens[0][0], tokens[-1][1]
    # The word set off by commas first (few), then the role right before it.
    for match in _SET_OFF_WORD_RE.finditer(text):
        word = match.group("x")
        if (
            is_given(word)
            and not _never_a_name(word)
            and _ROLE_BEFORE_COMMA_RE.search(text, max(0, match.start() - 16), match.start())
        ):
            yield match.span("x")


# A question typed in capitals ("JUROR NO. 4, ANNA KLEIN, SENT ME A FRIEND REQUEST"): its
# runs of capitalised words are read as if written in the usual case, and a plain given name
# of four letters or more (not MIN, not MAY) before another word is a name, as in mixed case.
# Two words are a run too: "right next to KWAME ASANTE-BOATENG, who …" in a question typed in
# lower case. Capitals with accents (JOSÉ-LUIS FERNÁNDEZ) are capitals.
_CAPS_RUN_RE = re.compile(
    rf"(?<![A-Za-z{UPPER}{_LOW}'’\-])[{UPPER}][{UPPER}'’\-]++"
    rf"(?:[ \t,.;:!?0-9]+[{UPPER}][{UPPER}'’\-]++)+"
    rf"(?![{UPPER}{_LOW}])"
)
_CAPS_WORD_RE = re.compile(rf"[{UPPER}][{UPPER}'’\-]*")


def _title_case(run: str) -> str:
    """Each word as a name is written (ANNA → Anna, O'BRIEN → O'Brien, MEI-LING → Mei-Ling),
    same length."""
    return _CAPS_WORD_RE.sub(
        lambda m: re.sub(r"(?<=['’\-])[a-z]", lambda c: c.group().upper(), m.group().capitalize()),
        run,
    )


def en_caps_names(text: str) -> Iterator[tuple[int, int]]:
    for run in _CAPS_RUN_RE.finditer(text):
        titled = _title_case(run.group())
        for match in _CAPITALISED_RE.finditer(titled):
            first = match.group()
            tokens = _name_tokens(titled, match.start())
            if len(tokens) < 2:
                continue
            second = titled[tokens[1][0] : tokens[1][1]]
            if len(first) < 4 or first not in _GIVEN or first in _GIVEN_WORDS:
                # MEI-LING CHAN: two words that are no English words, one of them a listed
                # name (so two acronyms side by side are not taken for a name).
                listed = any(
                    part in _GIVEN or _is_surname(part)
                    for word in (first, second)
                    for part in word.split("-")
                )
                if not (listed and not is_word(first) and not is_word(second)):
                    continue
            tokens = _trim_words(titled, tokens)
            yield run.start() + tokens[0][0], run.start() + tokens[-1][1]


# "justice o'donoghue", "JUDGE PATEL": after a judicial title in any case, one word that is
# no English word is a surname (the title's own name finders want capitals).
# What the text must hold for it (case-folded): one of the titles, or a part of one.
_JUDICIAL_TITLES = ("judge", "justice", "magistrate", "recorder", "sheriff", "registrar")
TITLE_ANY_CASE_WORDS = (*_JUDICIAL_TITLES, *_HONORIFICS.lower().split("|"))
_TITLE_ANY_CASE_RE = re.compile(
    rf"(?<![A-Za-z])(?i:{'|'.join(_JUDICIAL_TITLES)}|{_HONORIFICS})\.?[ \t]+"
    r"(?P<x>[A-Za-z][A-Za-z'’\-]*[A-Za-z])(?![A-Za-z'’\-])"
)


def en_title_any_case(text: str) -> Iterator[tuple[int, int]]:
    for match in _TITLE_ANY_CASE_RE.finditer(text):
        word = match.group("x")
        if len(word) >= 3 and not is_word(word) and not is_stop_name(word):
            yield match.span("x")


def _plain(word: str) -> str:
    """The word without its accents (Siobhán → Siobhan, José → Jose)."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def is_given(word: str) -> bool:
    """A listed given name that is no everyday word, as written or without its accents
    (Siobhán, Björn); the capitalised form of a lower-case word counts (josé)."""
    for form in {word, _plain(word)}:
        form = form[:1].upper() + form[1:]
        if form in _GIVEN and form not in _GIVEN_WORDS:
            return True
    return False


# A Latin given name inside Chinese text (我的同学Lily在律所工作, Kevin是她的同事): a capitalised
# word standing alone between Han characters or punctuation, listed as a given name, or, when
# a word for a person stands right before it, any word that is no English word.
_LATIN_IN_HAN_RE = re.compile(
    rf"(?:(?<=[{HAN}])|(?<![A-Za-z0-9{UPPER}{_LOW}@#_./:\-]))[ \t]?"
    rf"(?P<x>[{UPPER}][{_LOW}]+)(?![A-Za-z0-9{UPPER}{_LOW}@_.'’\-])(?=[ \t]?[{HAN}，。、；：！？,])"
)
_PERSON_BEFORE_RE = re.compile(
    "(?:同学|同事|朋友|老乡|邻居|律师|老师|助理|书记员|当事人|原告|被告|证人|网友|记者|博主|客户"
    f"|{'|'.join(sorted(words('zh_names', 'family'), key=len, reverse=True))})[ \t]?$"
)


def en_given_in_chinese(text: str) -> Iterator[tuple[int, int]]:
    if not _ANY_LATIN_RE.search(text):
        return
    for match in _LATIN_IN_HAN_RE.finditer(text):
        word = match.group("x")
        if _never_a_name(word) or is_place(word):
            continue
        if is_given(word) or (
            # The longest word for a person is three characters and a space.
            word in _GIVEN_WORDS
            and _PERSON_BEFORE_RE.search(text, max(0, match.start("x") - 4), match.start("x"))
        ):
            yield match.span("x")


# "the Hendersons invited me", "the Kowalczyk family": a family named by its surname: one of
# the hand-kept list in the plural (the census list holds Netherland), and before "family" a
# listed one or any word that is no English word and no place.
_FAMILY_RE = re.compile(
    rf"(?<![A-Za-z])(?i:the)[ \t]+(?P<x>[{UPPER}][{_LOW}]+)(?P<kind>s|[ \t]+(?:family|household"
    r"|clan|twins|brothers|sisters))(?![A-Za-z])"
    # "the Boeing family of aircraft", "the Lego family of sets": a range of products.
    r"(?![ \t]+of(?![A-Za-z]))"
)


def en_family_names(text: str) -> Iterator[tuple[int, int]]:
    for match in _FAMILY_RE.finditer(text):
        word = match.group("x")
        if _never_a_name(word):
            continue
        if match.group("kind") == "s":
            plural = word + "s"  # the Netherlands, the Philippines: places, not families
            if word in _HAND_KEPT_SURNAMES and not (
                is_place(word) or plural in _PLACES or is_word(plural)
            ):
                yield match.start("x"), match.end("kind")
        elif _is_surname(word) or not (is_word(word) or is_place(word)):
            yield match.span("x")


def forget_text() -> None:
    """Drop this module's caches of the texts it read: a judge's words must not outlive their
    redaction (rules.forget_text calls this; a cache added here is cleared here)."""
    cue_kinds.cache_clear()
    _app_places.cache_clear()
