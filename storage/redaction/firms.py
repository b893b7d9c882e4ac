"""Law firms: "Gellert & Roux LLP", "Baker, Hale and Ortiz PLLC", 北京大成律师事务所.

A firm appearing before a judge, or where the judge's circle works, identifies a case or a
person as much as a name does (most firms are named after their partners), so a firm named by
its own name goes, whoever speaks of it; "a law firm", 一家律师事务所, "the big LLPs" stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .english_names import is_stop_name
from .patterns import HAN
from .text import Span

# A capitalised word with a lower-case letter in it (no acronym): read once, never split.
_WORD = r"(?=[A-Z][A-Z'’\-]*+[a-z])[A-Z][A-Za-z'’\-]*+"
# Partners' names joined by "&", "and" or commas, then the form of a firm: LLP, PLLC, P.C., or
# "& Partners"/"& Associates", "Solicitors", "Law Group" … A single word before LLC or Inc. is
# any company; before a firm's form it is a firm ("Clifford LLP").
# The words after partners' names that make them a firm, in the languages judges write.
_FIRM_WORDS = (
    "Solicitors", "Attorneys at Law", "Law Firm", "Law Group", "Law Offices?", "Legal",
    "Advocates", "Avocats", "Abogados", "Avvocati", "Rechtsanwälte", "Partnerschaft",
)  # fmt: skip
_EN_FIRM = re.compile(
    rf"(?<![A-Za-z'’\-])(?P<x>{_WORD}(?:(?:,? & |, | and | ){_WORD}){{0,4}}"
    r"(?:,? (?:LLP|L\.L\.P\.|PLLC|LLC|P\.C\.|PC|P\.A\.|PLC|Ltd)"
    r"|,? & (?:Partners|Associates|Co\.?)(?: (?:LLP|PLLC|LLC|PC))?"
    rf"| (?:{'|'.join(_FIRM_WORDS)}))"
    r")(?![A-Za-z])"
)
# LLC, Ltd and PLC name companies of every kind: a firm only with partners joined to it.
# What a text must hold for either finder to find anything (their Rule.needs in rules.py).
# Built from the same words (their first five letters), so that a firm word added above is
# never skipped by the gate ("Avvocati" once was).
EN_FIRM_FORM = re.compile(
    "LL|P\\.|PC|PLC|Ltd|&|" + "|".join(sorted({re.escape(w[:5]) for w in _FIRM_WORDS}))
)
ZH_FIRM_WORD = re.compile("律所|律师事务所|律师行")
_ANY_COMPANY = re.compile(r",? (?:LLC|PLC|Ltd)$")
_JOINED = re.compile(r" & | and |, ")


def en_law_firms(text: str) -> Iterator[Span]:
    for match in _EN_FIRM.finditer(text):
        start, firm = match.start(), match.group("x")
        # "The Gellert & Roux LLP", "Our firm Baker LLP": leading words that are no names.
        words = firm.split(" ")
        while len(words) > 1 and is_stop_name(words[0].rstrip(",")):
            start += len(words.pop(0)) + 1
        firm = " ".join(words)
        # What is left must still be a name and a firm's form ("Google LLC" is no "LLC").
        if is_stop_name(words[0].rstrip(",")) or not _EN_FIRM.fullmatch(firm):
            continue
        if _ANY_COMPANY.search(firm) and not _JOINED.search(firm):
            continue
        yield start, match.end()


# A firm's own name: two to ten characters that are no function word, after a boundary or a
# word that says where someone is (在, 来自, 于, 是 …), then 律师事务所 (律所, 律师行), perhaps
# with its branch in brackets: 北京大成律师事务所, 金诚同达（上海）律师事务所.
_ZH_NOT_NAME = (
    "我你他她它们的了着过是在住于到去来从和与及或把被让给向对就也还要想请问说这那有个位为人家所某些"
    "能会可该应"
)
# Verbs that stand before a firm and are no part of its name (参加律所的年会, 关注律所的号).
_ZH_VERBS = re.compile("关注|参加|加入|进入|联系|举办|拜访|访问|邀请|咨询|委托|聘请|知名|大型|参观")
_ZH_FIRM = re.compile(
    rf"(?:(?<![{HAN}])|(?<=[在自于是到去为找请跳由]))"
    rf"(?P<x>(?![一两几各每该])[^\W\d_{_ZH_NOT_NAME}]{{2,8}}?(?:[（(][{HAN}]{{2,4}}[)）])?"
    r"(?:律师事务所|律所|律师行))"
)
_ZH_GENERAL_FIRM = re.compile(
    r"^(?:大型|小型|知名|本地|当地|外地|外资|涉外|红圈|合伙|个人|其他|其它|不同|多家|大|小)"
)


def zh_law_firms(text: str) -> Iterator[Span]:
    for match in _ZH_FIRM.finditer(text):
        firm = match.group("x")
        if not _ZH_GENERAL_FIRM.match(firm) and not _ZH_VERBS.search(firm):
            yield match.span("x")
