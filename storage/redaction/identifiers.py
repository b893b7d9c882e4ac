"""Identifiers found with the libraries made for them, and formats without a checksum.

Phone numbers in any national or international format come from libphonenumber
(``phonenumbers``); IBANs, card numbers and Chinese resident ID numbers are recognised by
their checksums (``python-stdnum``), and an IBAN of the right shape whose checksum is wrong is
still taken (an invented number identifies as well as a real one in a leaked text). The other
finders here are formats without a checksum: US social security numbers, IP addresses, US
state-and-ZIP remnants of an address, docket numbers, obfuscated and non-ASCII e-mail
addresses, and full dates in a sentence about the judge.

Every finder reads the matching copy (see text.py): one space per whitespace run, ASCII
dashes, no zero-width characters.
"""

from __future__ import annotations

import ipaddress
import re
from bisect import bisect_left
from collections.abc import Iterator
from itertools import pairwise

import phonenumbers
from stdnum import iban, luhn
from stdnum.cn import ric
from stdnum.exceptions import InvalidChecksum, ValidationError

from .patterns import TLDS
from .text import Span

# --------------------------------------------------------------------------- phones

# Numbers without a country code are read as Chinese, then as North American ones: the two
# numbering plans judges here write most. Numbers with a "+" are read whatever the region.
_PHONE_REGIONS = ("CN", "US")
_DIGIT_RUNS = re.compile(r"[0-9]")
_MIN_PHONE_DIGITS = 7  # fewer is a year, an amount or a guideline number
_NOT_A_PHONE = re.compile(
    r"(?:19|20)[0-9]{2}(?:[-/.][0-9]{1,2}){2}"  # a date
    r"|(?:19|20)[0-9]{2} ?[-/] ?(?:19|20)?[0-9]{2}"  # years: 2019/2020, 2019-20
    # A number of a year, or a year's number: ISO 9001/2015, Regulation 2016/679 (a docket
    # of that shape is taken as one before the phones are looked for).
    r"|[0-9]{1,6}/(?:19|20)[0-9]{2}|(?:19|20)[0-9]{2}/[0-9]{1,6}"
    r"|[0-9]{1,3}(?:,[0-9]{3})+"  # an amount: 1,000,000
    r"|[0-9]+\.[0-9]+"  # a decimal
)


# A stretch of text that may hold a phone number: digits with the separators numbers are
# written with, at most 32 characters. The library reads each stretch on its own, so a long run
# of digits and spaces costs one regular-expression scan, not the library's own search; a stretch
# with too many digits or groups is no phone number and is not read at all.
_PHONE_STRETCH = re.compile(r"\+?[0-9(][0-9 ()./-]{5,26}[0-9]")
_MAX_PHONE_DIGITS = 17  # E.164 allows 15, and a trunk prefix or an extension digit or two
_MAX_PHONE_GROUPS = 6  # +1 (202) 555-0143 has four; "1 2 3 4 5 6 7 8" is no phone number
_DIGIT_GROUP = re.compile(r"[0-9]+")


def phones(text: str) -> Iterator[Span]:
    for stretch in _PHONE_STRETCH.finditer(text):
        digits = len(_DIGIT_RUNS.findall(stretch.group()))
        groups = len(_DIGIT_GROUP.findall(stretch.group()))
        if _MIN_PHONE_DIGITS <= digits <= _MAX_PHONE_DIGITS and groups <= _MAX_PHONE_GROUPS:
            for start, end in _phones_in(stretch.group()):
                yield stretch.start() + start, stretch.start() + end


def _phones_in(stretch: str) -> Iterator[Span]:
    for region in _PHONE_REGIONS:
        for match in phonenumbers.PhoneNumberMatcher(
            stretch, region, leniency=phonenumbers.Leniency.POSSIBLE
        ):
            raw = match.raw_string
            if len(_DIGIT_RUNS.findall(raw)) < _MIN_PHONE_DIGITS or _NOT_A_PHONE.fullmatch(raw):
                continue
            yield match.start, match.end


# Phone numbers in English words: "five five five, zero one nine two", "oh seven seven
# double oh".
_DIGIT_VALUE = {"zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                "six": 6, "seven": 7, "eight": 8, "nine": 9}  # fmt: skip
_DIGIT_NAME = "(?:" + "|".join(_DIGIT_VALUE) + ")"
_DIGIT_WORD = rf"(?:{_DIGIT_NAME}|(?:double|triple)[ -]{_DIGIT_NAME})"
# One way only to read each separator, so a failing run cannot backtrack through them all.
_SPELT = re.compile(
    rf"(?i)(?<![A-Za-z-]){_DIGIT_WORD}(?:(?:, ?| |-){_DIGIT_WORD}){{6,}}(?![A-Za-z-])"
)
_SPELT_WORD = re.compile(r"(?i)(?:(double|triple)[ -])?([a-z]+)")


def spelt_phone_numbers(text: str) -> Iterator[Span]:
    """ "five five five, zero one nine two": digits spelt out to slip past a filter. A count
    ("one, two, three, four, five, six, seven") spells digits too, but each one more (or one
    less) than the last, as no phone number runs."""
    for match in _SPELT.finditer(text):
        digits: list[int] = []
        for times, word in _SPELT_WORD.findall(match.group()):
            digits += [_DIGIT_VALUE[word.casefold()]] * {"double": 2, "triple": 3}.get(
                times.casefold(), 1
            )
        steps = {b - a for a, b in pairwise(digits)}
        if steps in ({1}, {-1}):
            continue
        yield match.span()


# --------------------------------------------------------------------------- checksummed numbers

# Upper or lower case, not mixed: "GB82 WEST 1234 5698 7654 32 for a charity" ends at 32.
_IBAN = re.compile(
    r"(?<![A-Za-z0-9])"
    r"(?:[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,30}|[a-z]{2}[0-9]{2}(?: ?[a-z0-9]){11,30})"
    r"(?![A-Za-z0-9])"
)


def ibans(text: str) -> Iterator[Span]:
    for match in _IBAN.finditer(text):
        candidate = match.group().rstrip().upper()
        try:
            iban.validate(candidate)
        except InvalidChecksum:
            pass  # the shape of an IBAN of that country, the checksum wrong: still an IBAN
        except ValidationError:
            continue
        yield match.start(), match.start() + len(candidate)


# 13 to 19 digits in groups: a card number when its Luhn check digit is right (15-digit
# American Express numbers come in groups of 4-6-5, which the fixed-group rules miss).
_DIGIT_GROUPS = re.compile(r"(?<![0-9-])[0-9](?:[ -]?[0-9]){12,18}(?![0-9])")


def cards(text: str) -> Iterator[Span]:
    for match in _DIGIT_GROUPS.finditer(text):
        digits = re.sub(r"[ -]", "", match.group())
        if luhn.is_valid(digits):
            yield match.span()


_RIC = re.compile(r"(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])")


def resident_ids(text: str) -> Iterator[Span]:
    """Chinese resident ID numbers whose check digit is right, whatever their date or area
    part (stdnum's full validation also looks the area up, and an unknown one is no reason to
    keep the number)."""
    for match in _RIC.finditer(text):
        number = match.group().upper()
        if ric.calc_check_digit(number[:-1]) == number[-1]:
            yield match.span()


# --------------------------------------------------------------------------- formats

# 123-45-6789 or 123 45 6789 (one separator throughout), also partly masked: XXX-XX-6789.
_SSN = re.compile(
    r"(?<![0-9A-Za-z-])(?:[0-9]{3}|[Xx*]{3})(?P<sep>[- ])(?:[0-9]{2}|[Xx*]{2})(?P=sep)[0-9]{4}"
    r"(?![0-9-])"
)


def ssns(text: str) -> Iterator[Span]:
    for match in _SSN.finditer(text):
        yield match.span()


_IPV4 = re.compile(r"(?<![0-9.])(?:[0-9]{1,3}\.){3}[0-9]{1,3}(?![0-9]|\.[0-9])")
_IPV6 = re.compile(r"(?<![0-9A-Za-z:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![0-9A-Za-z:])")


def ip_addresses(text: str) -> Iterator[Span]:
    for pattern in (_IPV4, _IPV6):
        for match in pattern.finditer(text):
            candidate = match.group()
            if pattern is _IPV6 and candidate.count(":") < 2:
                continue
            try:
                ipaddress.ip_address(candidate)
            except ValueError:
                continue
            yield match.span()


_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|"
    "NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY"
)
_STATE_NAMES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|"
    "Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|"
    "Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|"
    "New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|"
    "Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|"
    "West Virginia|Wisconsin|Wyoming"
)
_PROVINCES = (
    "AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT|Alberta|British Columbia|Manitoba|New Brunswick|"
    "Newfoundland|Nova Scotia|Ontario|Quebec|Québec|Saskatchewan|Yukon"
)
_CITY = r"(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?, ?)?"
# What is left of a North American address: "Springfield, IL 62704", "IL 62704-1234",
# "Springfield, Illinois 62704", "ZIP code 90210", "Oakville, Ontario L6J 2X1".
_US_ZIP = re.compile(
    rf"(?<![A-Za-z0-9]){_CITY}(?:{_STATES}|{_STATE_NAMES}),? "
    r"[0-9]{5}(?:-[0-9]{4})?(?![0-9])"
    rf"|(?<![A-Za-z0-9]){_CITY}(?:{_PROVINCES}),? "
    r"[A-CEGHJ-NPR-TVXY][0-9][A-CEGHJ-NPR-TV-Z] ?[0-9][A-CEGHJ-NPR-TV-Z][0-9](?![A-Za-z0-9])"
    r"|(?i:zip(?: ?code)?|postal code|postcode) ?:? ?(?P<x>[0-9]{5}(?:-[0-9]{4})?)(?![0-9])"
    r"|(?<![0-9-])[0-9]{5}-[0-9]{4}(?![0-9-])"
)


# Every form holds five digits or a Canadian code: a text without either is not scanned.
_ZIP_SHAPE = re.compile(r"[0-9]{5}|[A-Z][0-9][A-Z] ?[0-9]")


def zip_codes(text: str) -> Iterator[Span]:
    if not _ZIP_SHAPE.search(text):
        return
    for match in _US_ZIP.finditer(text):
        yield match.span("x") if match.group("x") else match.span()


# "No. 19-1234", "docket 2023-00871", "Case #21-cv-889", "Case 2023/CV/0456", "Case
# CV-2023-0456", "Application no. 12345/19": a number with a dash or a slash, perhaps a court
# code before it or between its parts.
_DOCKET = re.compile(
    r"(?<![A-Za-z])(?:No|Nos|no|Docket|docket|Case|case|Dkt|dkt|Claim|claim|Application|"
    r"application|Appeal|appeal|File|file|Matter|matter)\.? ?(?:(?i:no)\.? ?|#|number )?#? ?"
    r"(?P<x>(?:[A-Z]{1,4}[-/ ])?[0-9]{1,5}[-/](?:[A-Za-z]{1,4}[-/])?[0-9]{2,7}"
    r"(?:[-/][A-Za-z0-9]{1,6})?)(?![0-9A-Za-z-])"
)


# Without a cue, a number whose shape only a court gives: a year and a number around a court
# code (2024/FAM/00318), a code before a year (CV-2023-0456), a code before a number of a year
# (HCA 1234/2023).
_DOCKET_SHAPE = re.compile(
    r"(?<![A-Za-z0-9/])(?:19|20)[0-9]{2}/[A-Z]{2,5}/[0-9]{2,7}(?![0-9A-Za-z/])"
    r"|(?<![A-Za-z0-9-])[A-Z]{2,5}-(?:19|20)[0-9]{2}-[0-9]{3,7}(?![0-9A-Za-z-])"
    # (not a standard: ISO 9001/2015)
    r"|(?<![A-Za-z0-9])(?!(?:ISO|IEC|EN|DIN|BS|IEEE|ANSI) )"
    r"[A-Z]{2,5} ?[0-9]{1,6}/(?:19|20)[0-9]{2}(?![0-9/])"
    # A German file number: chamber, register letters, number/year (4 O 123/22, 2 BvR 1234/19,
    # XII ZR 12/19, 1 StR 45/20).
    r"|(?<![A-Za-z0-9/])(?:[0-9]{1,3}|[IVX]{1,5}) [A-Z][A-Za-z]{0,3}"
    r" [0-9]{1,5}/[0-9]{2}(?:[0-9]{2})?"
    r"(?![0-9/])"
)


def dockets(text: str) -> Iterator[Span]:
    for match in _DOCKET.finditer(text):
        yield match.span("x")
    for match in _DOCKET_SHAPE.finditer(text):
        yield match.span()


# --------------------------------------------------------------------------- e-mail addresses

# Non-ASCII local parts and domains (josé@correo.es, 张三@例子.中国); the ASCII ones are taken
# by the e-mail pattern before this runs.
_EMAIL_ANY = re.compile(
    r"(?<![\w.%+-])[\w.%+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,4}\.[^\W\d_]{2,24}(?![\w-])"
)
# Brackets of either script: "name[at]court.gov", "wang【at】fy dot gov dot cn".
# The brackets around a spelt-out "at" ("name [at] domain"); the e-mail gate reads them too.
OPEN_BRACKETS = "[({<【〔〖「『"
_OPEN, _CLOSE = f"[{re.escape(OPEN_BRACKETS)}]", "[\\])}>】〕〗」』]"
_AT = rf"(?:{_OPEN} ?at ?{_CLOSE}| at )"
_DOT = rf"(?:\.|{_OPEN} ?dot ?{_CLOSE}| dot )"
# "name [at] domain [dot] com", "name(at)domain.org", "name at 163 dot com": an "at" in
# brackets, or a spelt-out "dot", makes it an address ("meet at court.com" alone is not).
_EMAIL_SPELT = re.compile(
    # "jane dot doe at gmail dot com": the dots of the name spelt too.
    rf"(?i)(?<![\w.+-])(?P<local>[\w.+-]{{1,64}}(?: dot [\w+-]{{1,64}}){{0,3}}) ?(?P<at>{_AT})"
    r" ?[\w-]{1,63}"
    rf"(?: ?(?P<dot>{_DOT}) ?[\w-]{{1,63}}){{1,4}}(?![\w-])"
)


# "chenhao艾特qq点com": the @ and the dot spelt in Chinese.
_EMAIL_ZH_SPELT = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64} ?(?:艾特|爱特|圈a|圈A) ?[A-Za-z0-9-]{1,63}"
    r"(?: ?(?:点|\.|dot) ?[A-Za-z0-9-]{1,63}){1,4}(?![A-Za-z0-9-])"
)


# "m a r y . l e e @ g m a i l . c o m": an address typed a character at a time, as
# spaced-out digits are, to slip past a filter. Three characters at least before the @, a
# dotted domain after it, each character (or dot) one space from the next.
_EMAIL_SPACED = re.compile(
    r"(?<![\w.@+-])[\w.+-](?: [\w.+-]){2,63} ?@ ?[\w-](?: [\w-]){0,62}"
    r"(?: ?\. ?[\w-](?: [\w-]){0,62}){1,4}(?![\w-])"
)


# "wangfang#163.com": a "#" typed for the "@", before a domain with a known ending.
_EMAIL_HASH = re.compile(
    rf"(?<![\w.+#-])[\w.+-]{{1,64}}#[A-Za-z0-9-]{{1,63}}(?:\.[A-Za-z0-9-]{{1,63}}){{0,3}}"
    rf"\.(?i:{TLDS})(?![\w-])"
)


def emails(text: str) -> Iterator[Span]:
    for match in _EMAIL_HASH.finditer(text):
        yield match.span()
    for match in _EMAIL_SPACED.finditer(text):
        yield match.span()
    for match in _EMAIL_ZH_SPELT.finditer(text):
        yield match.span()
    for match in _EMAIL_ANY.finditer(text):
        yield match.span()
    pos = 0
    while match := _EMAIL_SPELT.search(text, pos):
        bracketed = match.group("at").strip().casefold() != "at"  # not " at "
        if bracketed or re.search(r"(?i)dot", match.group()[match.end("at") - match.start() :]):
            yield match.span()
            pos = match.end()
        else:
            # "Email me at j.harper(at)courts dot gov": "me at j.harper" is no address, but
            # the address may start in its domain part; read on from there, not past it.
            pos = match.end("at")


# --------------------------------------------------------------------------- dates about the judge

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_ORDINAL_WORD = (
    r"(?:(?:twenty|thirty)[- ]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
    r"|nineteenth|twentieth|thirtieth"
)
_DAY = rf"(?:(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])(?:st|nd|rd|th)?|(?i:{_ORDINAL_WORD}))"
# A year in words: "nineteen seventy-two", "nineteen oh five", "two thousand and one".
_UNIT_WORD = "(?:one|two|three|four|five|six|seven|eight|nine)"
# The words a year in words starts with; the date rule's gate is built from the same tuple.
_CENTURY_WORDS = ("nineteen", "twenty")
_THOUSAND_WORDS = "two thousand"
YEAR_WORD_LEADS = (*_CENTURY_WORDS, _THOUSAND_WORDS)
_YEAR_WORDS = (
    rf"(?:{'|'.join(_CENTURY_WORDS)})[ -]"
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    rf"(?:[ -]{_UNIT_WORD})?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    rf"|eighteen|nineteen|oh[ -]{_UNIT_WORD}|hundred)"
    rf"|{_THOUSAND_WORDS}(?: and)?(?: (?:{_UNIT_WORD}|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty(?:[ -](?:one|two|three|four|five))?))?"
    r"(?![A-Za-z])"
)
_YEAR = r"(?:19|20)[0-9]{2}"
_FULL_DATE = re.compile(
    # … the year perhaps in words ("the twelfth of September two thousand and nineteen").
    rf"(?<![A-Za-z0-9])(?:(?:the )?{_DAY} (?:of )?{_MONTH},? (?:{_YEAR}|(?i:{_YEAR_WORDS}))"
    rf"|{_MONTH} (?:the )?{_DAY},? (?:{_YEAR}|(?i:{_YEAR_WORDS}))"
    rf"|(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])[/.](?:1[0-2]|0?[1-9])(?![0-9])[/.]{_YEAR}"
    rf"|{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01]))(?![0-9])"
    rf"|{_YEAR} ?年 ?(?:1[0-2]|0?[1-9])(?![0-9]) ?月 ?(?:3[01]|[12][0-9]|0?[1-9])(?![0-9]) ?[日号]"
    r"|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}[日号]"
)
_SENTENCE_END = re.compile(r"[.!?。！？\n;；]")
# The judge speaking of a date of their own life: a birthday, a swearing-in, an appointment.
# "I attended a conference on 12 May 2023" and the date of a rule stay.
_FIRST_PERSON = re.compile(r"(?<![A-Za-z])(?:I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)(?![A-Za-z])|我|本人")
_LIFE_EVENT = re.compile(
    r"(?i:born|birth|birthday|sworn|swearing|oath|appointed|appointment|took office|"
    r"took the bench|joined the bench|(?:started|began) on the bench|elevated|elected|confirmed|"
    r"retire|retirement|married|graduated)"
    # 到法院报到, 到任, 履新: the day the judge came to the court.
    r"|出生|生日|生于|宣誓|任命|就任|上任|入职|入额|任职|退休|结婚|毕业|报到|到任|履新"
)
# A sitting of a case on a given day (a hearing, a trial, a sentencing, 开庭, 庭审, 宣判): the
# day and the court together name the case, and so its judge, whoever speaks of it.
_SITTING = re.compile(
    r"(?i:hearings?|trials?|sentencing|arraignment|verdict|plea|sitting|adjourned|listed for)"
    r"|开庭|庭审|宣判|审理|听证|判决|裁定|调解"
)


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]`` (the date's own dots do not end it)."""
    low = max(0, start - 300)
    left = max((m.end() for m in _SENTENCE_END.finditer(text, low, start)), default=low)
    right = _SENTENCE_END.search(text, end, end + 300)
    return text[left : right.start() if right else min(len(text), end + 300)]


# A date short of a day (June 2018, 2020-09, 7/22/2016, 2018年9月, 2021年, 前年5月, a bare
# year) says less, so it goes only when the judge's own appointment or birth is in the same
# clause: "I was appointed in 2019-05", "我是2021年入额的法官"; "the rules of 2019 … judges
# appointed later" stays.
_PART_DATE = re.compile(
    rf"(?<![A-Za-z0-9])(?:{_MONTH},? {_YEAR}"
    rf"|{_YEAR}-(?:0[1-9]|1[0-2])"
    rf"|(?:1[0-2]|0?[1-9])/(?:3[01]|[12][0-9]|0?[1-9])/{_YEAR}"
    rf"|(?:in|since|of) (?P<year>{_YEAR}))(?![0-9/-])"
    rf"|(?<![0-9]){_YEAR} ?年(?: ?(?:1[0-2]|0?[1-9]) ?月)?(?![0-9])"
    r"|(?:今年|去年|前年|[〇零一二三四五六七八九]{4}年)(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2})月"
    # … with its day (今年三月十五日, 去年10月8号).
    r"(?:(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})[日号])?"
    r"|[〇零一二三四五六七八九]{4}年"
)
_CLAUSE_END = re.compile(r"[.!?。！？\n;；,，、]")
_APPOINTMENT = re.compile(
    r"(?i:sworn|swearing|oath|appointed|appointment|took office|took the bench|"
    r"joined the bench|became a judge|elevated to|took up (?:my|the) (?:post|seat)|"
    r"born|birth)"
    r"|宣誓|任命|就任|上任|入额|任职|就职|进法院|进的法院|进了法院|进入法院|当上法官|成为法官|出生|生于"
    r"|调入|调到|调任|调往|遴选|(?i:transferred to|moved to the bench)"
)


def _bounds(ends: list[int], start: int, end: int, reach: int) -> tuple[int, int]:
    """The stretch around ``start:end`` up to the nearest ``ends`` (at most ``reach`` away)."""
    before = bisect_left(ends, start)
    left = max(ends[before - 1] + 1 if before else 0, start - reach)
    after = bisect_left(ends, end)
    right = min(ends[after] if after < len(ends) else end + reach, end + reach)
    return left, right


def _any_in(points: list[int], left: int, right: int) -> bool:
    return bisect_left(points, left) < bisect_left(points, right)


def personal_dates(text: str) -> Iterator[Span]:
    """A full date (day, month, year) in a sentence where the judge speaks of a date of their
    own life (born, sworn in, appointed, 出生, 宣誓, 任命 …), or a shorter one in the very
    clause of their appointment. Dates of rules and events stay."""
    for match in _FULL_DATE.finditer(text):
        sentence = _sentence(text, match.start(), match.end())
        if _SITTING.search(sentence) or (
            _FIRST_PERSON.search(sentence) and _LIFE_EVENT.search(sentence)
        ):
            yield match.span()
    # Every cue and boundary is found once, so a text of many dates stays linear.
    events = [m.start() for m in _APPOINTMENT.finditer(text)]
    if not events:
        return
    persons = [m.start() for m in _FIRST_PERSON.finditer(text)]
    sentence_ends = [m.start() for m in _SENTENCE_END.finditer(text)]
    clause_ends = [m.start() for m in _CLAUSE_END.finditer(text)]
    for match in _PART_DATE.finditer(text):
        start, end = match.span("year") if match.group("year") else match.span()
        if not _any_in(persons, *_bounds(sentence_ends, start, end, 300)):
            continue
        if _any_in(events, *_bounds(clause_ends, start, end, 120)):
            yield start, end


# A year of birth alone: 我是1975年生的, "born in 1975".
_BIRTH_YEAR = re.compile(
    # 1975年出生, 一九七五年生人.
    r"(?P<zh>(?:(?:19|20)[0-9]{2}|[一二][九〇零][〇零一二三四五六七八九]{2}) ?年)"
    r"(?= ?(?:出生|生人|生的|生))"
    r"|(?i:born (?:in )?)(?P<en>(?:19|20)[0-9]{2}|['’][0-9]{2}"
    rf"|(?i:{_YEAR_WORDS})(?![A-Za-z-]))(?![0-9])"
    # "a 1971 baby", "b. 1959-08-30": the year or the date is the birth's.
    r"|(?<![0-9])(?P<baby>(?:19|20)[0-9]{2})(?= (?i:baby|babies)(?![A-Za-z]))"
    r"|(?<![A-Za-z])b\. ?(?P<b>(?:19|20)[0-9]{2}(?:-[0-9]{1,2}-[0-9]{1,2})?"
    r"|[0-9]{1,2}[/.][0-9]{1,2}[/.](?:19|20)[0-9]{2})(?![0-9])"
)


def birth_years(text: str) -> Iterator[Span]:
    for match in _BIRTH_YEAR.finditer(text):
        yield match.span(next(g for g in ("zh", "en", "baby", "b") if match.group(g)))
