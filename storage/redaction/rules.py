"""Every rule the anonymiser applies, in order, as one list: a name, the kind of placeholder,
and a function from the matching copy to the spans it finds.

Order matters where shapes overlap: URLs before e-mails and handles (a URL may hold an @);
case, ID and card numbers before phones (their digits contain phone-shaped runs); everything
numeric before the final catch-all for long digit runs; the name finders last, once numbers,
addresses and court details (which contain capitalised words and surname characters) are gone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from . import addresses, chinese_names, courts, english_names, firms, identifiers, patterns
from .text import Span

_LATIN = re.compile("[A-Za-z]")
_HAN = re.compile(f"[{patterns.HAN}]")
_NOT_HAN = re.compile(f"[^{patterns.HAN}]+")
_YEAR = re.compile("(?:19|20)[0-9]{2}|[〇零一二三四五六七八九]{4}|[今去前]年")
_DIVISION = re.compile("(?i:division)")
_BIRTH = re.compile("(?:19|20)[0-9]{2}|(?i:born)")
_VERSUS = re.compile(" v")
_VILLAGE = re.compile("村")
_FROM = re.compile("(?i:from)")


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    find: Callable[[str], Iterable[Span]]
    # A rule that can only match text with these characters is not run on text without them
    # (most of all: the English name finders on a Chinese text, and the other way round).
    needs: re.Pattern[str] | None = None
    # A rule for English text reads only the stretches without Han characters: on a Chinese
    # text with a few Latin words it reads those words, not the whole text.
    latin_only: bool = False

    def spans(self, text: str) -> list[Span]:
        if self.needs is not None and not self.needs.search(text):
            return []
        if not self.latin_only:
            return list(self.find(text))
        found: list[Span] = []
        for base, stretch in _latin_stretches(text):
            found += [(base + start, base + end) for start, end in self.find(stretch)]
        return found


def forget_text() -> None:
    """Drop what the rules keep of the text they read (see pipeline.redact)."""
    _latin_stretches.cache_clear()
    english_names.cue_kinds.cache_clear()
    english_names._app_places.cache_clear()


@lru_cache(maxsize=4)
def _latin_stretches(text: str) -> list[tuple[int, str]]:
    """The stretches without Han characters that hold a Latin letter, found once for every
    rule that reads the same text (a Chinese text with a thousand replacements has a thousand
    stretches)."""
    return [
        (stretch.start(), stretch.group())
        for stretch in _NOT_HAN.finditer(text)
        if _LATIN.search(stretch.group())
    ]


# Regex rules whose cues and ids are Latin: on a Chinese text they read only its Latin words.
_LATIN_ONLY_REGEX = frozenset(
    {
        "account-en",
        "account-en-as",
        "account-en-named",
        "underscored",
        "underscored-as",
        "underscored-on",
        "handle-prefixed",
    }
)


# Regex rules that cannot match without a Han character (each pattern holds one: 路, 号, 法院,
# 出生, a province, a Chinese numeral): not run on a text without one, as most English ones are.
_HAN_ONLY_REGEX = frozenset(
    {
        "account-zh",
        "case-zh",
        "case-zh-bare",
        "digits-zh",
        "plate-zh",
        "dob-zh-before",
        "dob-zh-after",
        "address-zh",
        "address-zh-cued",
        "court-zh",
    }
)


def _regex(name: str, pattern: re.Pattern[str], kind: str) -> Rule:
    latin = name in _LATIN_ONLY_REGEX
    return Rule(
        name,
        kind,
        lambda text: patterns.regex_spans(pattern, text),
        _LATIN if latin else _HAN if name in _HAN_ONLY_REGEX else None,
        latin_only=latin,
    )


def _before(name: str) -> int:
    """Where the regex rule ``name`` stands in patterns.RULES."""
    return next(i for i, (rule, _, _) in enumerate(patterns.RULES) if rule == name)


_REGEX = [_regex(name, pattern, kind) for name, pattern, kind in patterns.RULES]
_PHONES, _COURTS, _NUMBER = _before("phone-cn-mobile"), _before("court-zh"), _before("number")
_ADDRESSES = _before("address-zh")

RULES: list[Rule] = [
    *_REGEX[: _before("handle")],
    Rule("email-any", "email", identifiers.emails),
    *_REGEX[_before("handle") : _before("id-18")],
    Rule("docket", "caseno", identifiers.dockets),
    Rule("iban", "iban", identifiers.ibans),
    Rule("resident-id", "idno", identifiers.resident_ids),
    *_REGEX[_before("id-18") : _PHONES],
    Rule("card-luhn", "card", identifiers.cards),
    Rule("ssn", "idno", identifiers.ssns),
    Rule("ip", "ip", identifiers.ip_addresses),
    *_REGEX[_PHONES:_ADDRESSES],
    Rule("digits-en", "phone", identifiers.spelt_phone_numbers, _LATIN, latin_only=True),
    # Before the English street rules, which would take "12 bis avenue" and leave the rest.
    Rule("address-europe", "address", addresses.european_addresses, _LATIN, latin_only=True),
    *_REGEX[_ADDRESSES:_COURTS],
    Rule(
        "address-zh-rural",
        "address",
        lambda text: patterns.regex_spans(patterns.ADDRESS_ZH_RURAL, text),
        _VILLAGE,
    ),
    Rule("zip", "address", identifiers.zip_codes, _LATIN, latin_only=True),
    Rule("date", "date", identifiers.personal_dates, _YEAR),
    Rule("birth-year", "dob", identifiers.birth_years, _BIRTH),
    *_REGEX[_COURTS:_NUMBER],
    Rule("court-zh-division", "court", courts.zh_court_division, courts.ZH_DIVISION_WORD),
    Rule("court-zh-own", "court", courts.zh_own_court, courts.ZH_COURT_WORD),
    Rule("court-en-unit", "court", courts.en_court_unit, _LATIN, latin_only=True),
    Rule("court-en-own", "court", courts.en_own_court, _LATIN, latin_only=True),
    Rule("division-zh-own", "court", courts.zh_own_division, courts.ZH_OWN_CUE),
    Rule("division-en-own", "court", courts.en_own_division, _DIVISION, latin_only=True),
    *_REGEX[_NUMBER:],
    # After the catch-all for digit runs: what is left are numbers with separators in a
    # national format the patterns above do not know (0412-345-678, +49 30 12345678).
    Rule("phone-lib", "phone", identifiers.phones),
    # Law firms before the name finders, which would take their partners one by one.
    Rule("firm-en", "name", firms.en_law_firms, firms.EN_FIRM_FORM, latin_only=True),
    Rule("firm-zh", "name", firms.zh_law_firms, firms.ZH_FIRM_WORD),
    # Before the cue rules: 当事人穆罕默德·阿里 is one name, not 穆罕 and then the rest.
    Rule("zh-dotted-foreign", "name", chinese_names.zh_dotted_foreign, _HAN),
    Rule("zh-masked", "name", chinese_names.zh_masked, _HAN),
    Rule("zh-after-cue", "name", chinese_names.zh_after_cue, _HAN),
    Rule("zh-before-role", "name", chinese_names.zh_before_role, _HAN),
    Rule("zh-spaced", "name", chinese_names.zh_spaced, chinese_names.SPACE_BETWEEN_HAN),
    Rule("zh-pinyin-before-role", "name", chinese_names.zh_pinyin_before_role, _HAN),
    Rule("zh-surname-only", "name", chinese_names.zh_surname_only, _HAN),
    Rule("zh-familiar", "name", chinese_names.zh_familiar, _HAN),
    Rule("zh-parenthesised", "name", chinese_names.zh_parenthesised, _HAN),
    Rule("zh-clause-subject", "name", chinese_names.zh_clause_subject, _HAN),
    Rule("zh-full-name-in-clause", "name", chinese_names.zh_full_name_in_clause, _HAN),
    Rule("zh-nickname", "name", chinese_names.zh_nickname, _HAN),
    Rule("zh-reduplicated", "name", chinese_names.zh_reduplicated_nickname, _HAN),
    Rule("zh-compound-surname", "name", chinese_names.zh_compound_surname, _HAN),
    Rule("zh-apposition", "name", chinese_names.zh_apposition, _HAN),
    Rule("zh-minority", "name", chinese_names.zh_minority_name, chinese_names.MINORITY_RE),
    Rule("en-given-in-zh", "name", english_names.en_given_in_chinese, _HAN),
    Rule("en-names", "name", english_names.en_names, _LATIN, latin_only=True),
    Rule("en-names-any-case", "name", english_names.en_names_any_case, _LATIN, latin_only=True),
    Rule("en-apposition", "name", english_names.en_apposition, _LATIN, latin_only=True),
    Rule("en-free-names", "name", english_names.en_free_names, _LATIN, latin_only=True),
    Rule("en-caps-names", "name", english_names.en_caps_names, _LATIN, latin_only=True),
    Rule("en-lower-names", "name", english_names.en_lower_names, _LATIN, latin_only=True),
    Rule("en-given-alone", "name", english_names.en_given_alone, _LATIN, latin_only=True),
    Rule("en-message-from", "name", english_names.en_message_from, _FROM, latin_only=True),
    Rule("en-given-with-me", "name", english_names.en_given_with_me, _LATIN, latin_only=True),
    Rule("en-case-parties", "name", english_names.en_case_parties, _VERSUS, latin_only=True),
    Rule("en-title-any-case", "name", english_names.en_title_any_case, _LATIN, latin_only=True),
    Rule(
        "en-title-name",
        "name",
        lambda text: patterns.regex_spans(patterns.TITLE_NAME, text),
        _LATIN,
        latin_only=True,
    ),
]
