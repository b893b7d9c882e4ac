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

from . import chinese_names, english_names, patterns
from .text import Span


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    find: Callable[[str], Iterable[Span]]


def _regex(name: str, pattern: re.Pattern[str], kind: str) -> Rule:
    return Rule(name, kind, lambda text: patterns.regex_spans(pattern, text))


RULES: list[Rule] = [
    *(_regex(name, pattern, kind) for name, pattern, kind in patterns.RULES),
    Rule("zh-masked", "name", chinese_names.zh_masked),
    Rule("zh-after-cue", "name", chinese_names.zh_after_cue),
    Rule("zh-before-role", "name", chinese_names.zh_before_role),
    Rule("zh-surname-only", "name", chinese_names.zh_surname_only),
    Rule("zh-familiar", "name", chinese_names.zh_familiar),
    Rule("en-names", "name", english_names.en_names),
]
