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
_YEAR = re.compile(
    "(?:19|20)[0-9]{2}|[〇零一二三四五六七八九]{4}|[今去前]年"
    f"|(?i:{'|'.join(identifiers.YEAR_WORD_LEADS)})"
)
_BIRTH = re.compile("(?:19|20)[0-9]{2}|(?i:born)|[一二][九〇零][〇零一二三四五六七八九]{2} ?年")
_VERSUS = re.compile(" v")
_VILLAGE = re.compile("村")
_FROM = re.compile("(?i:from)")


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    find: Callable[[str], Iterable[Span]]
    # What a text must hold for the rule to find anything in it: each pattern of ``needs``,
    # and one of ``words`` in its case-folded form. A rule is not run on text without them
    # (the English name finders on a Chinese text, the rules for numbers on a text without a
    # digit): a question of a few hundred characters is read by a hundred rules, and most of
    # them can be told in a fraction of a microsecond that there is nothing for them.
    # A gate may let through a text in which the rule then finds nothing, never the reverse.
    needs: tuple[re.Pattern[str], ...] = ()
    words: tuple[str, ...] = ()
    # A rule for English text reads only the stretches without Han characters: on a Chinese
    # text with a few Latin words it reads those words, not the whole text.
    latin_only: bool = False

    def spans(self, text: str) -> list[Span]:
        if not all(needed.search(text) for needed in self.needs):
            return []
        if self.words:
            folded = _folded(text)
            if not any(word in folded for word in self.words):
                return []
        if not self.latin_only:
            return list(self.find(text))
        found: list[Span] = []
        for base, stretch in _latin_stretches(text):
            found += [(base + start, base + end) for start, end in self.find(stretch)]
        return found


# Case folding as the rules' case-insensitive patterns see it: Python's regular expressions
# also match the dotted and dotless i, the long s and the Kelvin sign to i, s and k.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


@lru_cache(maxsize=4)
def _folded(text: str) -> str:
    """The text in lower case, found once for every gate that reads the same text."""
    return text.translate(_FOLD).lower()


def forget_text() -> None:
    """Drop what the rules keep of the text they read (see pipeline.redact)."""
    _latin_stretches.cache_clear()
    _folded.cache_clear()
    english_names.forget_text()
    courts.forget_text()


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

_DIGIT = re.compile("[0-9]")
_DIGIT_OR_UNDERSCORE = re.compile("[0-9_]")
# An IPv4 address holds digits, an IPv6 one at least two colons.
_DIGIT_OR_COLON = re.compile("[0-9:]")
# An e-mail address holds an @, or one spelt out: "name [at] domain", "name at 163 dot com",
# "chenhao艾特qq点com".
_AT_WORDS = (
    "@", "#", " at ", "艾特", "爱特", "圈a",
    *(f"{bracket}{space}at" for bracket in identifiers.OPEN_BRACKETS for space in ("", " ")),
)  # fmt: skip


def _chars(chars: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(chars)}]")


# Regex rules every alternative of whose pattern holds a digit.
_DIGIT_RULES = (
    "id-18", "id-15", "id-masked", "nino", "card-grouped", "card-plain", "phone-cn-mobile",
    "phone-intl", "phone-cn-landline", "phone-uk-mobile", "phone-us", "phone-cued",
    "digits-spaced", "digits-spaced-groups", "plate-zh", "plate-uk", "plate-en", "dob-en",
    "address-en", "address-en-lower", "address-en-plot", "po-box", "uk-postcode",
    "uk-postcode-cued", "address-en-cued", "number",
)  # fmt: skip

# What else each regex rule's pattern cannot match without (read from the pattern: a digit in
# every alternative, a character every cue word holds): (patterns that must be found, words
# of which one must be in the case-folded text).
_REGEX_GATES: dict[str, tuple[tuple[re.Pattern[str], ...], tuple[str, ...]]] = {
    "url-scheme": ((), ("://",)),
    "url-www": ((), ("www.",)),
    "url-bare": ((), ("/",)),
    "email": ((), ("@",)),
    "handle": ((), ("@",)),
    "handle-prefixed": ((), ("u/", "#")),
    # 微信号, 抖音号, 微信id, 微博id …
    "account-zh": ((), ("号", "id")),
    "account-zh-named": ((), ("id", "账号", "帐号", "用户名", "昵称", "网名")),
    # The id itself holds a digit or an underscore.
    "account-en": ((_DIGIT_OR_UNDERSCORE,), ()),
    "account-en-as": ((_DIGIT_OR_UNDERSCORE,), ()),
    # username, user name, screen name, nickname, account name; handle.
    "account-en-named": ((), ("name", "handle")),
    "account-quoted": ((_chars("\"“「『‘'"),), ()),
    "underscored": ((_DIGIT,), ("_",)),
    "underscored-as": ((), ("_",)),
    "underscored-on": ((), ("_",)),
    "case-zh": ((_DIGIT,), ()),
    "case-zh-bare": ((_DIGIT,), ()),
    "case-en-federal": ((_DIGIT,), (":",)),
    "case-en-short": ((re.compile("[0-9]-"),), ()),
    "case-en-neutral": ((_DIGIT,), ("[",)),
    "case-en-labelled": ((_DIGIT,), ()),
    **dict.fromkeys(_DIGIT_RULES, ((_DIGIT,), ())),
    "digits-zh": ((_chars(patterns.ZH_NUMERAL),), ()),
    "account-zh-platform": ((_DIGIT_OR_UNDERSCORE,), patterns.ZH_PLATFORM_WORDS),
    "account-zh-colon": ((), (":",)),
    # 出生于, 生日, 生于 … before the date; 出生, 生人, 生日 after it.
    "dob-zh-before": ((), ("生",)),
    "dob-zh-after": ((), ("生",)),
    # A door number (号), or a building, unit, floor or flat (号楼 栋 幢 座 单元 楼 层 室 户).
    # … and a number in digits or numerals: 5号, 三单元.
    "address-zh": ((_chars("号栋幢座单楼层室户"), _chars("0123456789一二三四五六七八九十")), ()),
    "address-zh-cued": ((), ("住",)),
    # 唯一, 仅有, 独一无二; 就, 只有, 只剩, 才 (我们县就我一个法官).
    "court-zh": ((_chars("唯仅独就只才"),), ()),
    "court-en-place": ((), ("only", "sole", "single", "lone")),
    "court-en-self": ((), ("only", "sole", "single", "lone")),
}


def _regex(name: str, pattern: re.Pattern[str], kind: str) -> Rule:
    latin = name in _LATIN_ONLY_REGEX
    needs, words = _REGEX_GATES.get(name, ((), ()))
    script = (_LATIN,) if latin else (_HAN,) if name in _HAN_ONLY_REGEX else ()
    return Rule(
        name,
        kind,
        lambda text: patterns.regex_spans(pattern, text),
        (*script, *needs),
        words,
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
    Rule("email-any", "email", identifiers.emails, words=_AT_WORDS),
    *_REGEX[_before("handle") : _before("id-18")],
    Rule("docket", "caseno", identifiers.dockets, (_DIGIT,)),
    Rule("iban", "iban", identifiers.ibans, (_DIGIT,)),
    Rule("resident-id", "idno", identifiers.resident_ids, (_DIGIT,)),
    *_REGEX[_before("id-18") : _PHONES],
    Rule("card-luhn", "card", identifiers.cards, (_DIGIT,)),
    Rule("ssn", "idno", identifiers.ssns, (_DIGIT,)),
    Rule("ip", "ip", identifiers.ip_addresses, (_DIGIT_OR_COLON,)),
    *_REGEX[_PHONES:_ADDRESSES],
    Rule("digits-en", "phone", identifiers.spelt_phone_numbers, (_LATIN,), latin_only=True),
    # Before the English street rules, which would take "12 bis avenue" and leave the rest.
    Rule(
        "address-europe",
        "address",
        addresses.european_addresses,
        (_LATIN, _DIGIT),
        latin_only=True,
    ),
    *_REGEX[_ADDRESSES:_COURTS],
    Rule(
        "address-zh-rural",
        "address",
        lambda text: patterns.regex_spans(patterns.ADDRESS_ZH_RURAL, text),
        (_VILLAGE,),
    ),
    Rule("zip", "address", identifiers.zip_codes, (_LATIN,), latin_only=True),
    Rule("date", "date", identifiers.personal_dates, (_YEAR,)),
    Rule("birth-year", "dob", identifiers.birth_years, (_BIRTH,)),
    *_REGEX[_COURTS:_NUMBER],
    Rule("court-zh-division", "court", courts.zh_court_division, (courts.ZH_DIVISION_WORD,)),
    Rule("court-zh-own", "court", courts.zh_own_court, (courts.ZH_COURT_WORD,)),
    Rule(
        "court-en-unit",
        "court",
        courts.en_court_unit,
        (_LATIN,),
        courts.EN_UNIT_WORDS,
        latin_only=True,
    ),
    Rule(
        "court-en-own",
        "court",
        courts.en_own_court,
        (_LATIN,),
        courts.EN_COURT_WORDS,
        latin_only=True,
    ),
    Rule("division-zh-own", "court", courts.zh_own_division, (courts.ZH_OWN_CUE,)),
    Rule(
        "division-en-own",
        "court",
        courts.en_own_division,
        (_LATIN,),
        courts.EN_DIVISION_WORDS,
        latin_only=True,
    ),
    *_REGEX[_NUMBER:],
    # After the catch-all for digit runs: what is left are numbers with separators in a
    # national format the patterns above do not know (0412-345-678, +49 30 12345678).
    Rule("phone-lib", "phone", identifiers.phones, (_DIGIT,)),
    # Law firms before the name finders, which would take their partners one by one.
    Rule("firm-en", "name", firms.en_law_firms, (firms.EN_FIRM_FORM,), latin_only=True),
    Rule("firm-zh", "name", firms.zh_law_firms, (firms.ZH_FIRM_WORD,)),
    # Before the cue rules: 当事人穆罕默德·阿里 is one name, not 穆罕 and then the rest.
    Rule("zh-dotted-foreign", "name", chinese_names.zh_dotted_foreign, (_HAN,)),
    Rule("zh-masked", "name", chinese_names.zh_masked, (_HAN,)),
    Rule("zh-after-cue", "name", chinese_names.zh_after_cue, (_HAN,)),
    Rule("zh-before-role", "name", chinese_names.zh_before_role, (_HAN,)),
    Rule("zh-spaced", "name", chinese_names.zh_spaced, (chinese_names.SPACE_BETWEEN_HAN,)),
    Rule("zh-pinyin-before-role", "name", chinese_names.zh_pinyin_before_role, (_HAN,)),
    Rule("zh-surname-only", "name", chinese_names.zh_surname_only, (_HAN,)),
    Rule("zh-familiar", "name", chinese_names.zh_familiar, (_HAN,)),
    Rule("zh-parenthesised", "name", chinese_names.zh_parenthesised, (_HAN,)),
    Rule("zh-clause-subject", "name", chinese_names.zh_clause_subject, (_HAN,)),
    Rule("zh-full-name-in-clause", "name", chinese_names.zh_full_name_in_clause, (_HAN,)),
    Rule("zh-nickname", "name", chinese_names.zh_nickname, (_HAN,)),
    Rule("zh-reduplicated", "name", chinese_names.zh_reduplicated_nickname, (_HAN,)),
    Rule("zh-compound-surname", "name", chinese_names.zh_compound_surname, (_HAN,)),
    Rule("zh-apposition", "name", chinese_names.zh_apposition, (_HAN,)),
    Rule("zh-minority", "name", chinese_names.zh_minority_name, (chinese_names.MINORITY_RE,)),
    Rule("en-given-in-zh", "name", english_names.en_given_in_chinese, (_HAN,)),
    Rule("en-names", "name", english_names.en_names, (_LATIN,), latin_only=True),
    Rule("en-names-any-case", "name", english_names.en_names_any_case, (_LATIN,), latin_only=True),
    Rule("en-apposition", "name", english_names.en_apposition, (_LATIN,), latin_only=True),
    Rule("en-free-names", "name", english_names.en_free_names, (_LATIN,), latin_only=True),
    Rule("en-caps-names", "name", english_names.en_caps_names, (_LATIN,), latin_only=True),
    Rule("en-lower-names", "name", english_names.en_lower_names, (_LATIN,), latin_only=True),
    Rule("en-given-alone", "name", english_names.en_given_alone, (_LATIN,), latin_only=True),
    Rule("en-message-from", "name", english_names.en_message_from, (_FROM,), latin_only=True),
    Rule("en-given-with-me", "name", english_names.en_given_with_me, (_LATIN,), latin_only=True),
    Rule(
        "en-family-names",
        "name",
        english_names.en_family_names,
        (_LATIN,),
        ("the",),
        latin_only=True,
    ),
    Rule("en-case-parties", "name", english_names.en_case_parties, (_VERSUS,), latin_only=True),
    Rule(
        "en-title-any-case",
        "name",
        english_names.en_title_any_case,
        (_LATIN,),
        english_names.TITLE_ANY_CASE_WORDS,
        latin_only=True,
    ),
    Rule(
        "en-title-name",
        "name",
        lambda text: patterns.regex_spans(patterns.TITLE_NAME, text),
        (_LATIN,),
        patterns.TITLE_WORDS,
        latin_only=True,
    ),
]
