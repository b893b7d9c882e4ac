"""Chinese names: after a cue (律师李明, 我叫李明), before a role (李明律师, 王法官), masked
(陈某某), familiar (老张), a bare surname (姓王的), and a Latin name next to a Chinese role.

Names are recognised next to a cue, in brackets, or opening a clause before a verb: a FAQ full
of [姓名] where judges wrote 高兴 is useless, so the word lists (data/zh_names.yaml) say which
surname characters really start a name and which everyday words merely begin with one.

jieba's part-of-speech tags for person names (nr) were tried and left out: with its HMM it
takes seconds on a run of one repeated character and 3.6 ms per question; with its dictionary
alone it found one more name of 83 on the development table, but tags places, brands and
famous people (张家界, 李宁, 刘德华) as person names in clean questions. Measured again in
round 5 (jieba 0.42.1, as a rule after these): 0.75 s and 126 MB to load; on development
tables 1, 4, 5 and the cases it removed no identifier these rules leave, and changed 6, 4,
0 and 5 clean texts; on table 6, untuned, one more name of 103 with the HMM (none without),
for 5 clean texts changed (小红书 → [姓名]书, 滑雪, 明白) and 1.7-3.6 ms per text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from .english_names import LATIN_NAME, is_stop_name, is_word, trim_latin
from .patterns import HAN, HAN_RE
from .text import SENTINEL_CLASS, SENTINEL_RE
from .wordlists import chars, words

SURNAMES = frozenset(chars("zh_names", "surnames"))
COMPOUND_SURNAMES = frozenset(words("zh_names", "compound_surnames"))
_GIVEN_CHARS = frozenset(chars("zh_names", "given_chars"))
_AMBIGUOUS = frozenset(chars("zh_names", "ambiguous_surnames"))
_CLEAR_AFTER = frozenset(chars("zh_names", "clear_after"))
_CLEAR_BEFORE = frozenset(chars("zh_names", "clear_before"))

_STOP = frozenset(chars("zh_names", "stop_chars"))

COMMON_WORDS = frozenset(words("zh_names", "common_words"))

_FOLLOW_WORDS = frozenset(words("zh_names", "follow_words"))

_ROLE_BEFORE = sorted(words("zh_names", "roles_before"), key=len, reverse=True)
FAMILY = sorted(words("zh_names", "family"), key=len, reverse=True)
# Cues after which a name must be followed by a clear break (叫李明的, 我是李明，).
# 本名, 真名, 原名 and 实名 name the person behind a screen name (她本名林婉珍，是律师).
_WEAK_CUES = ("我是", "叫", "本名", "真名", "原名", "实名是", "真实姓名")
_ROLE_AFTER = sorted(words("zh_names", "roles_after"), key=len, reverse=True)

_ROLE_BEFORE_RE = re.compile("(?:" + "|".join(_ROLE_BEFORE) + ")" + r"[:\s]?(?:是|叫|为)?\s?")
_WEAK_CUE_RE = re.compile("(?:" + "|".join(_WEAK_CUES) + ")")
_FAMILY_CUE_RE = re.compile("(?:" + "|".join(FAMILY) + ")" + r"[:\s]?(?:是|叫|为)?\s?")
# 长 after a bare surname is often 长期/长久 (全县长期 is not 全 the county head); 总 is often 总是.
_ROLE_AFTER_RE = re.compile(
    "(?:" + "|".join(_ROLE_AFTER) + ")"
    r"(?:(?<=长)(?![期久远达大时处效])|(?<=总)(?![是结共之体计额数部局队会理统监裁经算归而得要也])"
    r"|(?<![长总]))"
)
_ROLE_WORDS = frozenset(_ROLE_BEFORE) | frozenset(_ROLE_AFTER) | frozenset(FAMILY)
# 陈某某, 张X: the given name already masked, the surname still identifying.
_GIVEN_MASK = re.compile(
    r"某某?(?![种些个位天日年月时处地项条类件次样人])|[Xx×*○]{1,2}(?![A-Za-z])"
)
_SURNAME_ALT = (
    "|".join(sorted(COMPOUND_SURNAMES, key=len, reverse=True))
    + "|["
    + "".join(sorted(SURNAMES))
    + "]"
)
_SURNAME_MASKED_RE = re.compile(
    rf"(?:{_SURNAME_ALT})某某?(?![种些个位天日年月时处地项条类件次样人])"
)
_SURNAME_ONLY_RE = re.compile(
    rf"姓(?P<x>{_SURNAME_ALT})(?=的|[,.:;!?、\s]|。|$|名|叫|律师|法官|吗|呢|啊)"
)
_FAMILIAR_RE = re.compile(rf"[老小](?:{_SURNAME_ALT})")


def _is_han(char: str) -> bool:
    return bool(HAN_RE.match(char))


def _surname_len(text: str, pos: int) -> int:
    if text[pos : pos + 2] in COMPOUND_SURNAMES:
        return 2
    return 1 if pos < len(text) and text[pos] in SURNAMES else 0


def _given_char(text: str, pos: int) -> bool:
    """A character that can be part of a given name here: Han, not a stop character, and not
    the start of a role or of a word that typically follows a name (向原告 is no 向原)."""
    if pos >= len(text):
        return False
    char = text[pos]
    if not _is_han(char) or char in _STOP:
        return False
    pair = text[pos : pos + 2]
    return pair not in _ROLE_WORDS and pair not in _FOLLOW_WORDS


def _break_after(text: str, pos: int) -> bool:
    """Whether a name may end just before ``pos``."""
    if pos >= len(text):
        return True
    char = text[pos]
    if not _is_han(char) or char in _STOP:
        return True
    pair = text[pos : pos + 2]
    return pair in _FOLLOW_WORDS or pair in _ROLE_WORDS or bool(_ROLE_AFTER_RE.match(text, pos))


# After a cue the character before the surname belongs to the cue, so 当事人马伟 is a name
# although 人马 is a word; only these cue endings really run on into a word.
_CUE_RUN_ON = frozenset({"告方", "人方", "官方", "师费"})


def _clashes(text: str, start: int, surname_len: int, *, after_cue: bool = False) -> bool:
    """The surname is really part of an everyday word with its neighbour."""
    before = text[start - 1 : start + 1] if start > 0 else ""
    if before in (_CUE_RUN_ON if after_cue else COMMON_WORDS):
        return True
    return surname_len == 1 and text[start : start + 2] in COMMON_WORDS


def _clear_break_after(text: str, pos: int) -> bool:
    if pos >= len(text) or not _is_han(text[pos]) or text[pos] in _CLEAR_AFTER:
        return True
    return text[pos : pos + 2] in _ROLE_WORDS or bool(_ROLE_AFTER_RE.match(text, pos))


def _name_end(
    text: str, start: int, *, strong: bool, breaks: Callable[[str, int], bool] | None = None
) -> int | None:
    """End of a Chinese name that starts at ``start`` (after a cue), or None.

    The given name is one or two characters; the longer reading is taken when a natural break
    follows it. With a strong cue (律师, 原告 …) and no clear break, two characters are taken:
    three-character names are the most common, and over-redaction is the safer error.
    """
    surname_len = _surname_len(text, start)
    if not surname_len or _clashes(text, start, surname_len, after_cue=True):
        return None
    given = start + surname_len
    masked = _GIVEN_MASK.match(text, given)
    if masked:
        return masked.end()
    ambiguous = surname_len == 1 and text[start] in _AMBIGUOUS
    # After a weak cue with its own breaks (a family word), a surname that also opens everyday
    # words (任, 何, 方 …) needs two given characters: 我女儿任性， is a daughter's temper.
    sizes = (2,) if ambiguous and breaks else (2, 1)
    breaks = breaks or (_clear_break_after if ambiguous else _break_after)
    for size in sizes:
        if all(_given_char(text, given + k) for k in range(size)) and breaks(text, given + size):
            return given + size
    if not strong or ambiguous:
        return None
    for size in (2, 1):
        if all(_given_char(text, given + k) for k in range(size)):
            return given + size
    # 律师王刚刚加我: the given name itself opens a word (刚刚); take one character at least,
    # unless a role follows the surname directly (班主任杨老师: 杨 is the name of 老师).
    if (
        given < len(text)
        and _is_han(text[given])
        and text[given] not in _STOP
        and text[given : given + 2] not in _ROLE_WORDS
        and not _ROLE_AFTER_RE.match(text, given)
    ):
        return given + 1
    return None


# A name in lower-case pinyin after a Chinese role: 当事人zhang wei.
_PINYIN_NAME_RE = re.compile(r" ?(?P<x>[a-z]{2,12}(?: [a-z]{2,12}){1,2})(?![A-Za-z])")


def _family_break_after(text: str, pos: int) -> bool:
    """After a family word a name ends only where the person's sentence goes on: punctuation,
    the end, or what follows a person (在, 说, 是, 给 …); a role (老师) may be the rest of a
    word that is no name (我女儿任课老师)."""
    return pos >= len(text) or not _is_han(text[pos]) or text[pos] in _AFTER_A_PERSON


# Cues before a name, whether each is strong (律师, 原告 …: take two characters even without a
# clear break) or weak (我是, 叫: only before a clear break), and what a break is after it.
_CUES = (
    (_ROLE_BEFORE_RE, True, None),
    (_WEAK_CUE_RE, False, None),
    (_FAMILY_CUE_RE, False, _family_break_after),
)


_CUED_NICKNAME_RE = re.compile(
    f"[小老阿][{''.join(sorted(_GIVEN_CHARS))}]"
    f"(?=[{''.join(sorted(_CLEAR_AFTER))}想要会能最经总一不常刚帮替，。！？,.!?；;\\s]|$)"
)


def zh_after_cue(text: str) -> Iterator[tuple[int, int]]:
    """律师李明, 原告张三, 我叫李明; also a Latin name after a Chinese role (律师John Smith)."""
    for cue, strong, breaks in _CUES:
        for match in cue.finditer(text):
            pos = match.end()
            end = _name_end(text, pos, strong=strong, breaks=breaks)
            if end:
                yield pos, end
                continue
            # 法官助理阿杰帮我…: after a strong cue a nickname (小, 老 or 阿 and a character of
            # given names) is the person.
            nickname = (
                _CUED_NICKNAME_RE.match(text, pos)
                if strong and text[pos : pos + 1] in ("小", "老", "阿")
                else None
            )
            if nickname and not (
                nickname.group() in _NICKNAME_WORDS or nickname.group() in COMMON_WORDS
            ):
                yield nickname.span()
                continue
            # The Latin and pinyin readings below all start with a Latin letter, perhaps after
            # one space: a cue before anything else (律师[姓名]律师[姓名]…) needs none of them.
            first = (
                text[pos + 1 : pos + 2]
                if text[pos : pos + 1] in (" ", "\t")
                else text[pos : pos + 1]
            )
            if not first.isascii() or not first.isalpha():
                continue
            latin = LATIN_NAME.match(text, pos)
            if latin and _caps_acronym(latin.group("x").split()):
                latin = None
            if latin and not is_stop_name(latin.group("x").split()[0]):
                yield trim_latin(latin.start("x"), latin.group("x"))
                continue
            pinyin = _PINYIN_NAME_RE.match(text, pos)
            # Words of more than six letters only when they are pinyin (zhang xiaoming).
            if (
                pinyin
                and strong
                and all(
                    len(word) <= 6 or _PINYIN_WORD_SYLLABLES.fullmatch(word)
                    for word in pinyin.group("x").split()
                )
            ):
                yield pinyin.span("x")
                continue
            # 人民陪审员ouyang, 律师zhangwei: one lower-case word of two or three syllables of
            # pinyin, standing alone after a role.
            word = _PINYIN_WORD_RE.match(text, pos)
            if (
                word
                and strong
                and _PINYIN_WORD_SYLLABLES.fullmatch(word.group("x"))
                and not is_word(word.group("x"))
            ):
                yield word.span("x")


def _name_start(text: str, end: int) -> int | None:
    """Start of a Chinese name (or bare surname) that ends at ``end``, before a role word."""
    fallback = None
    for size in (4, 3, 2, 1):
        start = end - size
        if start < 0:
            continue
        surname_len = _surname_len(text, start)
        if not surname_len or surname_len > size:
            continue
        given = text[start + surname_len : end]
        masked = _GIVEN_MASK.fullmatch(given) if given else None
        if len(given) > 2 or not (
            masked or all(_given_char(text, start + surname_len + k) for k in range(len(given)))
        ):
            continue
        if _clashes(text, start, surname_len):
            continue
        before = text[start - 1] if start else ""
        # 初任法官, 机关向法官: a function-word surname needs a clear break before it.
        ambiguous = surname_len == 1 and text[start] in _AMBIGUOUS and not masked
        if not before or not _is_han(before) or before in (_CLEAR_BEFORE if ambiguous else _STOP):
            return start
        if fallback is None and not ambiguous:
            fallback = start
    return fallback


# … or with its surname in capitals (LI Ming律师), a lower-case letter in it (no acronym).
_MASK_CHARS = frozenset("Xx×*○")
_LATIN_BEFORE = re.compile(
    r"(?<![A-Za-z])(?=[A-Za-z \t]*[a-z])(?:[A-Z][a-z]+|[A-Z]{2,})"
    r"(?:[ \t]+(?:[A-Z][a-z]+|[A-Z]{2,})){0,2}[ \t]?$"
)


def zh_before_role(text: str) -> Iterator[tuple[int, int]]:
    """李明律师, 王法官, 张院长, 陈某某先生; also John Smith律师."""
    for match in _ROLE_AFTER_RE.finditer(text):
        end = match.start()
        last = text[end - 1 : end]
        # A name ends in a Han character or a mask (某, X, *), a Latin one in a letter or a
        # space: after a replacement, a digit or punctuation neither reading can end here.
        if not last or not (_is_han(last) or last in _MASK_CHARS or last.isascii()):
            continue
        start = _name_start(text, end)
        if start is not None:
            yield start, end
            continue
        if not (last in " \t" or ("a" <= last.lower() <= "z")):
            continue
        window = max(0, end - 60)
        latin = _LATIN_BEFORE.search(text, window, end)
        if latin:
            # "Dear John Smith律师": keep the trailing run of name words only.
            words = list(re.finditer(r"\S+", latin.group()))
            kept = []
            for word in reversed(words):
                if is_stop_name(word.group()):
                    break
                kept.append(word)
            if kept:
                yield latin.start() + kept[-1].start(), latin.start() + kept[0].end()


# 陈 静律师, 律师 王 刚 昨天, 当事人：赵 小 明: a name typed with a space between its characters.
_SPACED = rf"(?:{_SURNAME_ALT})(?: [{HAN}]){{1,2}}"
# … or a bare surname spaced off its title (王 律师, as 王律师).
_SPACED_BEFORE_ROLE_RE = re.compile(
    rf"(?<![{HAN}])(?P<x>{_SPACED}|(?:{_SURNAME_ALT})(?= )) ?(?:" + "|".join(_ROLE_AFTER) + ")"
)
_SPACED_AFTER_ROLE_RE = re.compile(
    "(?:" + "|".join(_ROLE_BEFORE) + rf")[:]? ?(?P<x>{_SPACED})"
    # … up to a break, or a verb or an adverb that plainly follows a name (律师赵 明在…).
    rf"(?:(?![{HAN}])|(?=[{''.join(sorted(_CLEAR_AFTER))}]))"
)


SPACE_BETWEEN_HAN = re.compile(f"[{HAN}] [{HAN}]")


def zh_spaced(text: str) -> Iterator[tuple[int, int]]:
    """A name spaced out character by character next to a role; each given character must be
    fit for a name (律师 王 刚 昨天 ends before 昨)."""
    for pattern in (_SPACED_BEFORE_ROLE_RE, _SPACED_AFTER_ROLE_RE):
        for match in pattern.finditer(text):
            start, end = match.span("x")
            if end - start == 1 and text[start] in _AMBIGUOUS:
                continue
            given = range(start + _surname_len(text, start), end)
            if all(text[k] == " " or _given_char(text, k) for k in given):
                yield start, end


# zhang wei 法官: a name in lower-case pinyin before a Chinese role, each word a syllable.
_SYLLABLE = re.compile(
    r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|uai|uan|ian|iao|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo"
    r"|ui|ue|ve|er|a|o|e|i|u|v)"
)
_PINYIN_BEFORE_ROLE_RE = re.compile(
    r"(?<![A-Za-z])(?P<x>[a-z]{1,6}(?: [a-z]{1,6}){1,2}) ?(?:" + "|".join(_ROLE_AFTER) + ")"
)


_PINYIN_WORD_RE = re.compile(r" ?(?P<x>[a-z]{4,12})(?![A-Za-z0-9@_.\-])")
_PINYIN_WORD_SYLLABLES = re.compile(f"(?:{_SYLLABLE.pattern}){{2,3}}")
_PINYIN_GIVEN = re.compile(f"(?:{_SYLLABLE.pattern}){{1,2}}")
_PINYIN_SURNAMES = frozenset(words("zh_names", "pinyin_surnames"))


def _caps_acronym(words_: list[str]) -> bool:
    """An all-capitals first word that is no pinyin surname, beside words that are no pinyin:
    法官 AI Assistant, 律师 GPT Plus (律师 LI Ming and 律师 WANG Xiaoming are names)."""
    first = words_[0]
    if not (first.isupper() and len(first) > 1) or first.lower() in _PINYIN_SURNAMES:
        return False
    return not any(_PINYIN_GIVEN.fullmatch(word.lower()) for word in words_[1:])


def zh_pinyin_before_role(text: str) -> Iterator[tuple[int, int]]:
    for match in _PINYIN_BEFORE_ROLE_RE.finditer(text):
        if all(_SYLLABLE.fullmatch(word) for word in match.group("x").split()):
            yield match.span("x")


def zh_surname_only(text: str) -> Iterator[tuple[int, int]]:
    """姓王的律师: the surname alone still narrows the field."""
    for match in _SURNAME_ONLY_RE.finditer(text):
        yield match.span("x")


def zh_familiar(text: str) -> Iterator[tuple[int, int]]:
    """老张, 小王: a person only when a break follows (小王子 and 小时候 are not)."""
    for match in _FAMILIAR_RE.finditer(text):
        start, end = match.span()
        if text[start:end] in COMMON_WORDS or text[start + 1 : end + 1] in COMMON_WORDS:
            continue
        if start > 0 and text[start - 1 : start + 1] in COMMON_WORDS:
            continue
        # 王老吉, 李小龙: a surname just before 老/小 makes it the middle of a three-character
        # name or brand, which the full-name rules judge, not a familiar "old Ji".
        if start > 0 and text[start - 1] in SURNAMES and text[start - 1] not in _CLEAR_BEFORE:
            continue
        if _break_after(text, end):
            yield start, end


def zh_masked(text: str) -> Iterator[tuple[int, int]]:
    """陈某某, 赵某 anywhere (not 由于某种, 关于某些)."""
    for match in _SURNAME_MASKED_RE.finditer(text):
        start = match.start()
        if text[start] in _AMBIGUOUS and _surname_len(text, start) == 1:
            continue
        if start > 0 and text[start - 1 : start + 1] in COMMON_WORDS:
            continue
        yield match.span()


# --------------------------------------------------------------------------- without a cue

_PAREN_NAME_RE = re.compile(rf"(?<=[(（])(?:{_SURNAME_ALT})[{HAN}]{{1,2}}(?=[)）])")


def zh_parenthesised(text: str) -> Iterator[tuple[int, int]]:
    """律师[姓名]（陈静）, 代理人（赵磊）: a name in brackets, as in court documents."""
    for match in _PAREN_NAME_RE.finditer(text):
        start, end = match.span()
        surname = _surname_len(text, start)
        if text[start:end][:2] in COMMON_WORDS or not all(
            _given_char(text, k) or k == end - 1 for k in range(start + surname, end)
        ):
            continue
        yield start, end


# Where a clause starts: the text's start, punctuation, an earlier replacement (and its 的:
# "[法院]的张伟"), or a time word (昨天孙丽华在…).
_CLAUSE_START_RE = re.compile(
    r"(?:^|(?<=[\s,.;:!?、。，；：！？()（）“”\"'「」『』…"
    f"{SENTINEL_CLASS}"
    r"]))"
    r"(?:的|是|叫)?(?:昨天|今天|前天|上周|上个月|去年|最近|前几天|后来|当时|那天|有一次)?"
)


# What follows a clause's subject: a verb or an adverb (是, 在, 说 …), not 的 ("张家界的风景",
# "李宁的运动鞋": places and brands are named with 的 as often as people).
_SUBJECT_AFTER = _CLEAR_AFTER - {"的"}
# … unless the verb belongs to the word before it (金庸小说 is no name 金庸小 saying something).
_WORDS_ENDING_IN_A_VERB = frozenset(
    "小说 传说 听说 据说 演说 学说 解说 游说 实在 现在 正在 存在 所在".split()
)


# A full name (surname and two given characters) opening a clause may be followed by what
# people do to the judge too: 刘晓燕加我微信, 周志强找我, 王海燕送了我.
_FULL_NAME_AFTER = _SUBJECT_AFTER | frozenset("加找送约请问私打拉告带来去发要想")
# … or by an adverb of how often or since when they do it (周海涛经常…, 刘晓燕最近…).
_ADVERBS_AFTER_A_NAME = frozenset(
    "经常 最近 一直 总是 老是 天天 每天 居然 竟然 突然 刚刚 刚才 多次 曾经 已经 私下 频繁 屡次"
    " 反复 偷偷 公然 专门 特意 主动 还在 又在 也在 常在".split()
)


def zh_clause_subject(text: str) -> Iterator[tuple[int, int]]:
    """刘晓燕是我审理案件的当事人, 昨天孙丽华在小红书上…: a name opening a clause, followed by
    a character that plainly ends it (是, 在, 说, 给 …)."""
    for match in _CLAUSE_START_RE.finditer(text):
        start = match.end()
        surname = _surname_len(text, start) if start < len(text) else 0
        if not surname or text[start] in _AMBIGUOUS or _clashes(text, start, surname):
            continue
        given = start + surname
        for size in (2, 1):
            end = given + size
            if (
                end <= len(text)
                and all(_given_char(text, k) for k in range(given, end))
                and (
                    end == len(text)
                    or not _is_han(text[end])
                    or text[end] in (_SUBJECT_AFTER if size == 1 else _FULL_NAME_AFTER)
                    or (size == 2 and text[end : end + 2] in _ADVERBS_AFTER_A_NAME)
                )
                and text[end - 1 : end + 1] not in _WORDS_ENDING_IN_A_VERB
                and text[start:end] not in COMMON_WORDS
                and text[given - 1 : given + 1] not in COMMON_WORDS
            ):
                yield start, end
                break


# A full name (surname and two given characters) inside a clause, between a word that takes a
# person (看到, 给, 听说, 院里的 …) and one that ends a name: 我在微博上看到周志强发的帖子,
# 我给何志明的抖音点了赞. Two given characters, both fit for a name, and no everyday word.
_BEFORE_A_PERSON = re.compile(
    r"(?:看到|看见|遇到|碰到|听说|据说|发现|认识|知道|告诉|通知|联系|举报|投诉|起诉|屏蔽|拉黑|关注|"
    r"邀请|提醒|给|跟|和|与|同|对|向|把|被|让|叫|找|问|帮|替|的|那个|这个"
    # Someone's family, then a name: 我爸胡德明, 我老公周志强, 原告的女儿赵婷婷 (a one-character kin
    # word only after 我).
    r"|我的?[爸妈哥姐弟妹]"
    rf"|(?:{'|'.join(FAMILY)}))"
)
# 把赵磊从好友里删掉, 把陈静踢出群: a person (two characters are enough) taken out of a list.
_REMOVED_RE = re.compile(
    rf"(?<=[把将])(?P<x>(?:{'|'.join(sorted(SURNAMES - _AMBIGUOUS))})[{HAN}])"
    "(?=从|踢|移出|拉黑|屏蔽)"
)
# … and adverbs that open what the person does (旁边的张晓燕正好是原告, 那个周志强刚加了我).
_AFTER_A_PERSON = frozenset("的说是在和跟给让也都就还又已曾昨今把被发经总一不常竟正刚现却才便居")


# 我和王磊是同学, 听说赵婷在律所: a two-character name (a surname that is no function word and a
# character of given names) after a word that takes a person, before what ends a subject.
_SHORT_NAME_RE = re.compile(
    r"(?:(?<=[和跟与同给找问叫让帮替说])|(?<=认识|知道|告诉|联系|发现|遇到|碰到|看到|听说|据说))"
    rf"(?P<x>[{''.join(sorted(SURNAMES - _AMBIGUOUS))}][{''.join(sorted(_GIVEN_CHARS))}])"
    rf"(?=[{''.join(sorted(_SUBJECT_AFTER))}]|[，。！？,.!?；;]|$)"
)


def zh_full_name_in_clause(text: str) -> Iterator[tuple[int, int]]:
    for match in _REMOVED_RE.finditer(text):
        start = match.start()
        if _given_char(text, start + 1) and text[start : start + 2] not in COMMON_WORDS:
            yield match.span()
    for match in _SHORT_NAME_RE.finditer(text):
        start = match.start()
        if text[start : start + 2] not in COMMON_WORDS and _given_char(text, start + 1):
            yield match.span()
    for match in _BEFORE_A_PERSON.finditer(text):
        start = match.end()
        # A surname that is also a function word (何, 方, 于 …) only after a verb that takes a
        # person (我给何志明的抖音点了赞), not after 的 (我的方向是).
        if start >= len(text) or _surname_len(text, start) != 1:
            continue
        if text[start] in _AMBIGUOUS and match.group().endswith("的"):
            continue
        end = start + 3
        if end > len(text) or _clashes(text, start, 1):
            continue
        if not all(_given_char(text, k) for k in (start + 1, start + 2)):
            continue
        if text[start + 1 : end] in COMMON_WORDS or text[start:end] in COMMON_WORDS:
            continue
        after = text[end] if end < len(text) else ""
        if after and _is_han(after) and after not in _AFTER_A_PERSON:
            continue
        if text[end - 1 : end + 1] in _WORDS_ENDING_IN_A_VERB:
            continue
        yield start, end


# ------------------------------------------------------------------- nicknames, foreign names

_NICKNAME_WORDS = frozenset(words("zh_names", "nickname_words"))
# What follows a nickname: a verb, an adverb or a particle (小珂想…, 阿明给…, 老伟最近…).
_NICKNAME_AFTER = _CLEAR_AFTER | frozenset("想要会能最经总一不常刚竟居再")
# What may stand before one: a break, or a word that takes a person (如果阿明, 跟小珂, 我和老伟);
# 大小, 从小, 养老 and 古老 have 小/老 as part of a word.
_NICKNAME_BEFORE = _CLEAR_BEFORE | frozenset("我他她你果了就还也都连请帮替等着过到")
_NICKNAME_RE = re.compile(f"[小老阿](?=[{''.join(sorted(_GIVEN_CHARS))}])")


def zh_nickname(text: str) -> Iterator[tuple[int, int]]:
    """小珂, 阿明, 老伟: 小, 老 or 阿 before a character of given names, opening a clause or after
    a word that takes a person, with a verb or a particle after it."""
    for match in _NICKNAME_RE.finditer(text):
        start, end = match.start(), match.start() + 2
        before = text[start - 1] if start else ""
        if before and _is_han(before) and before not in _NICKNAME_BEFORE:
            continue
        after = text[end] if end < len(text) else ""
        if after and _is_han(after) and after not in _NICKNAME_AFTER:
            continue
        if text[start:end] in _NICKNAME_WORDS or text[start : end + 1] in _NICKNAME_WORDS:
            continue
        if text[start + 1 : end + 1] in COMMON_WORDS or text[start:end] in COMMON_WORDS:
            continue
        yield start, end


_REDUPLICATED_WORDS = frozenset(words("zh_names", "reduplicated_words"))
_REDUPLICATED_RE = re.compile(rf"([{HAN}])\1")
# Who a doubled name belongs to: 我家朵朵, 我儿子乐乐, 孩子浩浩, 小名叫豆豆.
_KIN_BEFORE = re.compile(
    r"(?:我家|我们家|他家|她家|闺女|孩子|孙子|孙女|外孙|外孙女|小名叫|小名是|小名|乳名|叫"
    rf"|{'|'.join(FAMILY)})$"
)
# What follows a name: a verb or a particle (浩浩最近…, 朵朵今年…), or a comma, as in
# "朵朵，说她想…".
_REDUPLICATED_AFTER = _NICKNAME_AFTER | frozenset("今上去考说，,")


def zh_reduplicated_nickname(text: str) -> Iterator[tuple[int, int]]:
    """浩浩, 婷婷, 朵朵: a doubled character that is no everyday word (常常, 刚刚, 看看, 妈妈),
    after a word of kin (我家, 我儿子) or opening a clause, with a verb or a particle after it."""
    for match in _REDUPLICATED_RE.finditer(text):
        start, end = match.span()
        if text[start:end] in _REDUPLICATED_WORDS or text[start] in _STOP:
            continue
        # Part of a longer run (哈哈哈) or of a four-character phrase (平平安安, 高高兴兴).
        if text[end : end + 1] == text[start] or (start and text[start - 1] == text[start]):
            continue
        if end + 2 <= len(text) and text[end] == text[end + 1]:
            continue
        if start >= 2 and text[start - 2] == text[start - 1]:
            continue
        after = text[end] if end < len(text) else ""
        if _KIN_BEFORE.search(text, max(0, start - 5), start):
            if not after or not _is_han(after) or after in _REDUPLICATED_AFTER:
                yield start, end
            continue
        before = text[start - 1] if start else ""
        if before and _is_han(before) and before not in _NICKNAME_BEFORE:
            continue
        if after and after in _REDUPLICATED_AFTER:
            yield start, end


_SURE_COMPOUNDS = COMPOUND_SURNAMES - frozenset(words("zh_names", "compound_surnames_ambiguous"))
_COMPOUND_RE = re.compile("|".join(sorted(_SURE_COMPOUNDS)))


def zh_compound_surname(text: str) -> Iterator[tuple[int, int]]:
    """司马云飞, 欧阳娜娜 anywhere: a compound surname (not one that is as often part of another
    word, 东方 or 上官) before one or two characters fit for a given name."""
    for match in _COMPOUND_RE.finditer(text):
        end = match.end()
        size = 0
        while size < 2 and _given_char(text, end + size):
            size += 1
        if size:
            yield match.start(), end + size


_TRANSLIT = "".join(sorted(frozenset(chars("zh_names", "transliteration_chars"))))
_DOTTED_NAME_RE = re.compile(f"[{_TRANSLIT}]{{1,6}}(?:[·•・‧][{_TRANSLIT}]{{1,8}})+")
_DOTS = "·•・‧"
_DOT_BETWEEN_HAN_RE = re.compile(f"(?<=[{HAN}])[{_DOTS}](?=[{HAN}])")
_TRANSLIT_SET = frozenset(_TRANSLIT)


def _dotted_name_around(text: str, dot: int) -> tuple[int, int] | None:
    """The name around a middle dot: transliteration characters before it, and after it
    any characters fit for a name (吐 is in no list), most of them transliteration ones."""
    start = dot
    while start > 0 and dot - start < 6 and text[start - 1] in _TRANSLIT_SET:
        start -= 1
    end = dot + 1
    while (
        end < len(text)
        and end - dot <= 8
        and (text[end] in _TRANSLIT_SET or (_is_han(text[end]) and text[end] not in _STOP))
    ):
        end += 1
    name = text[start:dot] + text[dot + 1 : end]
    if start == dot or end == dot + 1:
        return None
    if sum(char in _TRANSLIT_SET for char in name) < 0.75 * len(name):
        return None
    return start, end


def zh_dotted_foreign(text: str) -> Iterator[tuple[int, int]]:
    """玛丽亚·冈萨雷斯, 买买提江·吐尔逊: a foreign name written in Chinese, its parts joined by
    a middle dot (一·二八 and 《红楼梦·序》 are no names)."""
    for match in _DOTTED_NAME_RE.finditer(text):
        yield match.span()
    for dot in _DOT_BETWEEN_HAN_RE.finditer(text):
        span = _dotted_name_around(text, dot.start())
        if span:
            yield span


# ---------------------------------------------------------------- lists and appositions

_LIST_LEAD = frozenset('有是和跟与及：:（(“"「『')
_LIST_FOLLOW = frozenset("、和与及等三两几四五六这都们")
# In a list the list says what its items are: a given character may be one that elsewhere
# ends a name (周到), only the plainest function words may not.
_LIST_NOT_GIVEN = frozenset("的了我你他她它们是在和与及等都也这那有个")


def _list_given(text: str, pos: int) -> bool:
    return pos < len(text) and _is_han(text[pos]) and text[pos] not in _LIST_NOT_GIVEN


def _listed_before(text: str, end: int) -> tuple[int, int] | None:
    """The name that ends at ``end`` in a list: a surname and one or two given characters."""
    for size in (3, 2):
        start = end - size
        if start < 0 or _surname_len(text, start) != 1:
            continue
        if not all(_list_given(text, k) for k in range(start + 1, end)):
            continue
        before = text[start - 1] if start else ""
        if size == 3 or not before or not _is_han(before) or before in _LIST_LEAD:
            return start, end
    return None


def _listed_after(text: str, start: int) -> tuple[int, int] | None:
    if _surname_len(text, start) != 1:
        return None
    for size in (3, 2):
        end = start + size
        if end > len(text) or not all(_list_given(text, k) for k in range(start + 1, end)):
            continue
        if end == len(text) or not _is_han(text[end]) or text[end] in _LIST_FOLLOW:
            return start, end
    return None


def zh_coordinated(text: str, names: frozenset[str]) -> Iterator[tuple[int, int]]:
    """周到、[姓名]、[姓名]三个人: a name listed with 、 beside a name already found (``names``:
    the sentinels of names) is a name too, though 周到 is also a word: the list says what it
    is. Followed both ways from the name, one list item at a time."""
    if "、" not in text and not _LIST_JOINER_RE.search(text):
        return
    for sentinel in SENTINEL_RE.finditer(text):
        if sentinel.group() not in names:
            continue
        pos = sentinel.start()
        while pos > 0 and text[pos - 1] == "、":
            span = _listed_before(text, pos - 1)
            if not span:
                break
            yield span
            pos = span[0]
        pos = sentinel.end()
        while pos < len(text):
            joiner = _LIST_JOINER_RE.match(text, pos)
            if not joiner:
                break
            span = _listed_after(text, joiner.end())
            # After a word joiner (还有, 以及) a full name only: 和王 may be "and the king".
            if not span or (joiner.group() != "、" and span[1] - span[0] != 3):
                break
            yield span
            pos = span[1]


# What joins the last item of a list of people: 、, or 还有 / 以及 / 和 / 跟 / 与 / 及.
_LIST_JOINER_RE = re.compile("、|还有|以及|和|跟|与|及")


# 扎西顿珠，就是之前那起草场纠纷的被告，…: a clause that is only a name, then "that is" and a
# role closing the next clause. A name without a Han surname (Tibetan, Uyghur, Mongolian
# names written in Chinese) has no other cue.
_ROLE_ALT = "|".join(_ROLE_BEFORE)
_APPOSITION_RE = re.compile(
    rf"(?:^|(?<=[\s.;:!?。；：！？“”\"{SENTINEL_CLASS}]))(?P<x>[{HAN}]{{2,6}})[，,] ?"
    rf"(?:也就是|就是|即|是)[^，,。；！？\n]{{0,24}}?(?:{_ROLE_ALT})(?=[，,。；！？\n]|$)"
)


def zh_apposition(text: str) -> Iterator[tuple[int, int]]:
    for match in _APPOSITION_RE.finditer(text):
        name = match.group("x")
        if (
            name in COMMON_WORDS
            or any(char in _STOP for char in name)
            or any(role in name for role in _ROLE_WORDS)
            or any(name[k : k + 2] in COMMON_WORDS for k in range(len(name) - 1))
        ):
            continue
        yield match.span("x")


# ------------------------------------------------------------ minority names without a surname

# Name parts of minority peoples (data/zh_names.yaml: minority_name_parts), the one- and
# two-character ones only at a word's end (江, 汗: 阿布都江, 古丽汗).
_MINORITY_PARTS = words("zh_names", "minority_name_parts")
MINORITY_RE = re.compile(
    "|".join(sorted((p for p in _MINORITY_PARTS if len(p) > 1), key=len, reverse=True))
)
_MINORITY_ENDS = tuple(p for p in _MINORITY_PARTS if len(p) == 1)
_NAME_RUN_RE = re.compile(f"[{HAN}]{{2,7}}")


def zh_minority_name(text: str) -> Iterator[tuple[int, int]]:
    """阿依古丽是我的邻居, 我认识买买提江: a word of transliteration characters that holds a
    part of a Uyghur, Tibetan or Mongolian name, opening a clause or after a word that takes a
    person, and ended by what follows a person (是, 说, 在 …) or punctuation."""
    starts = {m.end() for m in _CLAUSE_START_RE.finditer(text)}
    starts |= {m.end() for m in _BEFORE_A_PERSON.finditer(text)}
    for start in sorted(starts):
        run = _NAME_RUN_RE.match(text, start)
        if not run:
            continue
        # The longest stretch of transliteration characters that holds a name part and ends
        # before what follows a person.
        for end in range(run.end(), start + 1, -1):
            word = text[start:end]
            after = text[end] if end < len(text) else ""
            if after and _is_han(after) and after not in _AFTER_A_PERSON:
                continue
            if not all(char in _TRANSLIT_SET for char in word):
                continue
            if MINORITY_RE.search(word) or (len(word) >= 3 and word.endswith(_MINORITY_ENDS)):
                yield start, end
                break
