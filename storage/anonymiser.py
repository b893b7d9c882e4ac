"""The anonymiser: what the question log keeps of a judge's question.

``redact(text)`` replaces every identifying item with a typed placeholder and leaves every
other character exactly as typed. It is deliberately greedy about identifiers and deliberately
shy about ordinary words: a leaked phone number is a breach, an over-redacted word only costs
the FAQ a little readability, but a FAQ full of ``[NAME]`` where judges wrote 高兴 or "Judge"
is useless. Names are therefore only recognised next to a cue (a role, a title, 我叫 …).

How it works, and why:

- Matching runs on a copy in which full-width ASCII (１３８, ＠, （ ）) is folded to ASCII, one
  character for one, so the patterns stay simple while offsets still fit the original text.
- Every replaced span becomes a single private-use *sentinel* character. Later rules cannot
  match inside an earlier replacement, and a placeholder already present in the input (the
  text may have been redacted before) becomes a sentinel too. The rules are repeated until
  nothing changes, so ``redact(redact(t)) == redact(t)`` holds by construction.
- The language of the placeholders is chosen last, from what remains of the judge's own words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

__all__ = ["COMMON_WORDS", "PLACEHOLDERS", "SURNAMES", "redact"]

# kind -> (Chinese form, English form)
PLACEHOLDERS: dict[str, tuple[str, str]] = {
    "name": ("[姓名]", "[NAME]"),
    "phone": ("[电话]", "[PHONE]"),
    "email": ("[邮箱]", "[EMAIL]"),
    "handle": ("[账号]", "[HANDLE]"),
    "url": ("[链接]", "[URL]"),
    "idno": ("[身份证号]", "[ID NO]"),
    "caseno": ("[案号]", "[CASE NO]"),
    "plate": ("[车牌]", "[PLATE]"),
    "card": ("[银行卡号]", "[CARD NO]"),
    "address": ("[地址]", "[ADDRESS]"),
    "dob": ("[出生日期]", "[DATE OF BIRTH]"),
    "court": ("[法院]", "[COURT]"),
    "number": ("[数字]", "[NUMBER]"),
}

# --------------------------------------------------------------------------- character classes

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RE = re.compile(f"[{HAN}]")
# Characters that end a place or road name: a place name never contains 我, 住, 在 …, so the
# lazy place patterns below cannot swallow "我家住在" in front of "北京市".
_PLACE = (
    r"[^\W\d_我你他她它们的了着过是在住于到去从搬和与及或把被让给向对就也都还要想请问说这那有个位"
    r"址]"
)
# … nor does one start with 家 or 老家 (我老家南京市…), though 家 may sit inside one (石家庄).
_PLACE_START = "(?!老?家)"
_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_D = "[0-9]"
# An ASCII word end: \b would see no boundary between 1 and 号 (both are \w).
_E = r"(?![A-Za-z0-9_])"

# --------------------------------------------------------------------------- sentinels

# Two supplementary private-use planes give 131 068 sentinels. A piece of text never needs
# more sentinels than it has characters, so inputs are cut (at line breaks) into pieces of at
# most _CHUNK characters and can never run out.
_PLANE15, _PLANE16, _PER_PLANE = 0xF0000, 0x100000, 0xFFFE
_SENTINEL = "\U000f0000-\U000ffffd\U00100000-\U0010fffd"
_SENTINEL_RE = re.compile(f"[{_SENTINEL}]")
_CHUNK = 60_000

_PLACEHOLDER_TEXT = "|".join(re.escape(p) for pair in PLACEHOLDERS.values() for p in pair)
# A placeholder already in the text, or a character that would collide with a sentinel.
_PROTECT_RE = re.compile(f"{_PLACEHOLDER_TEXT}|[{_SENTINEL}]")

# Full-width ASCII (U+FF01..U+FF5E) and the ideographic space, folded one-for-one.
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def _sentinel(index: int) -> str:
    if index < _PER_PLANE:
        return chr(_PLANE15 + index)
    return chr(_PLANE16 + index - _PER_PLANE)


def _slot_of(char: str) -> int:
    code = ord(char)
    return code - _PLANE15 if code < _PLANE16 else code - _PLANE16 + _PER_PLANE


class _Text:
    """The text being redacted: the original and its folded twin, always the same length."""

    def __init__(self, text: str) -> None:
        self.orig = text
        self.norm = text.translate(_FOLD)
        # One slot per sentinel: (placeholder kind, or None for text kept as typed; the text
        # it stands for).
        self.slots: list[tuple[str | None, str]] = []
        self.replace(((m.start(), m.end()) for m in _PROTECT_RE.finditer(self.norm)), None)

    def replace(self, spans: Iterable[tuple[int, int]], kind: str | None) -> bool:
        """Put a sentinel in place of each span; overlapping or empty spans are skipped."""
        chosen: list[tuple[int, int]] = []
        last_end = -1
        for start, end in sorted(spans):
            if start >= last_end and end > start:
                chosen.append((start, end))
                last_end = end
        if not chosen:
            return False
        orig_parts, norm_parts, pos = [], [], 0
        for start, end in chosen:
            literal = self.orig[start:end]
            self.slots.append((kind, literal))
            mark = _sentinel(len(self.slots) - 1)
            orig_parts += [self.orig[pos:start], mark]
            norm_parts += [self.norm[pos:start], mark]
            pos = end
        orig_parts.append(self.orig[pos:])
        norm_parts.append(self.norm[pos:])
        self.orig, self.norm = "".join(orig_parts), "".join(norm_parts)
        return True

    def render(self, lang: str) -> str:
        column = 0 if lang == "zh" else 1

        def expand(match: re.Match[str]) -> str:
            kind, literal = self.slots[_slot_of(match.group())]
            return literal if kind is None else PLACEHOLDERS[kind][column]

        return _SENTINEL_RE.sub(expand, self.orig)


# --------------------------------------------------------------------------- regex rules

_URL_CHARS = r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]"
_URL_LAST = r"[A-Za-z0-9/_\-#=&%~+]"  # a URL does not end in the sentence's full stop
_TLDS = (
    "com|cn|net|org|me|io|gov|edu|int|mil|info|biz|co|uk|us|ca|au|nz|de|fr|jp|kr|hk|tw|mo|sg|"
    "in|ru|eu|tv|cc|top|xyz|app|dev|ly|gl|be|ai|law|legal|site|online|page|blog|link|so|to"
)
_DOMAIN_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"

_URL_SCHEME = rf"(?i)(?<![A-Za-z0-9])(?:https?|ftp)://{_URL_CHARS}*{_URL_LAST}"
_URL_WWW = (
    rf"(?i)(?<![A-Za-z0-9.@])www\.{_DOMAIN_LABEL}(?:\.{_DOMAIN_LABEL})+"
    rf"(?:[/?#]{_URL_CHARS}*{_URL_LAST})?"
)
# A bare domain only counts with a path (t.me/x, weibo.com/u/1): "lawfirm.com" alone or
# "Node.js" stay, and the TLD list keeps "e.g./i.e." from looking like hosts.
_URL_BARE = (
    rf"(?i)(?<![A-Za-z0-9.@/_-])(?:{_DOMAIN_LABEL}\.)+(?:{_TLDS})/(?:{_URL_CHARS}*{_URL_LAST})?"
)
_EMAIL = (
    rf"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@{_DOMAIN_LABEL}(?:\.{_DOMAIN_LABEL})*"
    r"\.[A-Za-z]{2,24}(?![A-Za-z0-9-])"
)
# An ASCII handle stops at the first non-ASCII character (@judge_li说 keeps 说); a Chinese
# nickname runs to the next space or punctuation, as on Weibo. "@我" / "@了" is a verb in
# Chinese ("mentioned me"), not an account.
_HANDLE = (
    rf"(?<![A-Za-z0-9._%+\-])@(?:[A-Za-z0-9_]+(?:[.\-][A-Za-z0-9_]+)*"
    rf"|(?![我你他她它您们了的是在和与就都也还吗呢吧啊过])[{HAN}][{HAN}A-Za-z0-9_\-]*)"
)
_ACCOUNT_ZH = (
    r"(?i)(?:微信号|微信id|vx号|v信号|wx号|抖音号|快手号|小红书号|微博id|b站id|qq号)"
    r"\s*(?:是|为|:)?\s*(?P<x>[A-Za-z][A-Za-z0-9_\-]{4,31})" + _E
)
# English cues are ordinary words ("handle this"), so the id must look like one.
_ACCOUNT_EN = (
    r"(?i)(?:username|user\s+name|user\s+id|wechat\s+id|telegram\s+id|handle)"
    r"(?:\s+(?:is|was))?\s*:?\s*(?P<x>(?=[A-Za-z0-9_.\-]*[0-9_])[A-Za-z][A-Za-z0-9_.\-]{3,31})" + _E
)

_CASE_ZH_BRACKET = (
    rf"[(\[【〔]\s*(?:19|20){_D}{{2}}\s*[)\]】〕]\s*"
    rf"(?:最高法|[{HAN}]{{1,4}}{_D}{{0,6}})\s*[{HAN}]{{1,6}}?\s*{_D}{{1,7}}\s*"
    rf"(?:号(?:之[一二三四五六七八九十])?|(?![{HAN}]))"
)
_CASE_ZH_BARE = (
    rf"(?<![0-9])(?:19|20){_D}{{2}}(?:最高法|[{_PROVINCES}]{_D}{{2,6}})"
    rf"[{HAN}]{{1,4}}?{_D}{{1,7}}号"
)
_CASE_EN_FEDERAL = (
    rf"(?i)(?<![A-Za-z0-9]){_D}{{1,2}}:{_D}{{2}}-[a-z]{{2,4}}-{_D}{{2,6}}"
    rf"(?:-[a-z]{{1,4}}){{0,3}}{_E}"
)
_CASE_EN_SHORT = (
    rf"(?i)(?<![A-Za-z0-9:])(?:19|20)?{_D}{{2}}-"
    rf"(?:cv|cr|civ|crim|mc|mj|md|bk|ap|po|misc|fam|dr|jv|cf|cm|pr){_D}*-{_D}{{1,7}}(?:-[a-z]{{1,4}})?{_E}"
)
_CASE_EN_NEUTRAL = (
    rf"\[(?:19|20){_D}{{2}}\]\s+(?:UKSC|UKPC|EWCA|EWHC|EWFC|EWCOP|UKUT|UKFTT|UKEAT|CSIH|CSOH|"
    rf"NICA|NIQB|HCA|FCA|FCAFC|NSWSC|NSWCA|VSC|VSCA|QCA|QSC|SGCA|SGHC|HKCFA|HKCA|HKCFI|IESC|"
    rf"IECA|IEHC|NZSC|NZCA|NZHC|SCC|ONCA|BCCA|ABCA|ZACC|ZASCA)(?:\s+(?:Civ|Crim))?\s+{_D}+"
    rf"(?:\s+\((?:KB|QB|Ch|Fam|Admin|Comm|TCC|Pat|IPEC|Costs|Admlty)\))?"
)
_CASE_EN_LABELLED = (
    r"(?i)(?<![A-Za-z])(?:case|docket|claim|index|file|matter)\s*(?:no\.?|number|num\.?|#)\s*:?\s*"
    r"(?P<x>[A-Za-z0-9][A-Za-z0-9:/.\-]*[0-9][A-Za-z0-9:/\-]*)"
)

_DATE8 = r"(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])"
_ID_18 = rf"(?<![0-9])[1-9][0-9]{{5}}[ -]?{_DATE8}[ -]?[0-9]{{3}}[0-9Xx](?![0-9])"
_ID_15 = r"(?<![0-9])[1-9][0-9]{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}(?![0-9])"
_ID_MASKED = r"(?<![0-9])[1-9][0-9]{5}[*Xx]{8}[0-9]{3}[0-9Xx](?![0-9])"

# Four groups of four could also be a list of years ("2019 2020 2021 2022").
_CARD_GROUPED = (
    r"(?<![0-9])(?!(?:(?:19|20)[0-9]{2}[ -]){3})"
    r"(?:[0-9]{4}[ -]){3}[0-9]{4}(?:[ -]?[0-9]{1,3})?(?![0-9])"
)
_CARD_PLAIN = r"(?<![0-9])[0-9]{16,19}(?![0-9])"

_PHONE_INTL = (
    r"(?<![0-9A-Za-z+])\+[1-9][0-9]{0,2}[ .\-]?(?:\(?[0-9]{1,4}\)?[ .\-]?)?[0-9]{1,4}"
    r"(?:[ .\-]?[0-9]{2,5}){1,4}(?![0-9])"
)
_PHONE_CN_MOBILE = (
    r"(?<![0-9])(?:(?:\+|00)86[ \-]?|\(\+?86\)[ \-]?)?1[3-9][0-9](?:[ \-]?[0-9]{4}){2}(?![0-9])"
)
_PHONE_CN_LANDLINE = (
    r"(?<![0-9])(?:\(0[0-9]{2,3}\)|0[0-9]{2,3})[ \-]?[0-9]{3,4}[ \-]?[0-9]{4}(?![0-9])"
)
_PHONE_UK_MOBILE = r"(?<![0-9])07[0-9]{3} ?[0-9]{3} ?[0-9]{3}(?![0-9])"
_PHONE_US = r"(?<![0-9])(?:\([0-9]{3}\) ?|[0-9]{3}[\-.])[0-9]{3}[\-.][0-9]{4}(?![0-9])"
_PHONE_CUED = (
    r"(?i)(?:电话|手机|手机号|号码|座机|传真|联系方式|tel|phone|mobile|cell|fax|whatsapp|"
    r"call\s+me\s+at|text\s+me\s+at)(?:\s*(?:number|no\.?|是|为|:|is))*\s*"
    r"(?P<x>\+?(?:[0-9][ ()\-.]?){6,15}[0-9])(?![0-9])"
)

_PLATE_ZH = (
    rf"(?<![A-Za-z0-9])[{_PROVINCES}使领][A-Za-z][·•・.\- ]?"
    r"(?=[A-Za-z0-9]{0,5}[0-9])[A-Za-z0-9]{5,6}[挂学警港澳领试超]?(?![A-Za-z0-9])"
)
# Western plates look like any code, so they are taken only after a plate/registration cue.
_PLATE_EN = (
    r"(?i:(?:licen[cs]e|number|registration|reg\.?|car|vehicle)\s+plates?"
    r"(?:\s+(?:number|no\.?))?|plates?\s+(?:number|no\.?)|licen[cs]e\s+(?:number|no\.?)|"
    r"registration(?:\s+(?:number|no\.?|mark))?|reg\.?(?:\s+(?:number|no\.?))?|plates?|licen[cs]e)"
    r"(?:\s+(?:is|was|reads|reading|of))?\s*[:#]?\s*"
    r"(?P<x>(?=[A-Z0-9 \-]*[0-9])(?=[A-Z0-9 \-]*[A-Z])[A-Z0-9]{1,8}(?:[ \-][A-Z0-9]{1,8}){0,2})"
    + _E
)

_ZH_DATE = (
    r"(?:(?:19|20)[0-9]{2}\s*年\s*(?:0?[1-9]|1[0-2])\s*月(?:\s*(?:0?[1-9]|[12][0-9]|3[01])\s*[日号])?"
    r"|(?:0?[1-9]|1[0-2])\s*月\s*(?:0?[1-9]|[12][0-9]|3[01])\s*[日号]?"
    r"|(?:19|20)[0-9]{2}[\-/.](?:0?[1-9]|1[0-2])[\-/.](?:0?[1-9]|[12][0-9]|3[01])"
    r"|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}[日号])?)"
)
_DOB_ZH_BEFORE = (
    r"(?:出生于|出生在|出生日期(?:是|为)?|出生年月日?(?:是|为)?|生于|生日(?:是|为|在)?|出生)"
    rf"\s*:?\s*(?P<x>{_ZH_DATE})"
)
_DOB_ZH_AFTER = rf"(?P<x>{_ZH_DATE})(?=\s*(?:出生|生人|的生日|过生日|生日|生(?=[,。.!?;\s]|$)))"
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?:0?[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?"
_EN_DATE = (
    rf"(?:{_DAY}\s+(?:of\s+)?{_MONTH},?(?:\s+(?:19|20)[0-9]{{2}})?"
    rf"|{_MONTH}\s+{_DAY}(?:,?\s+(?:19|20)[0-9]{{2}})?(?![0-9])"
    rf"|{_MONTH},?\s+(?:19|20)[0-9]{{2}}"
    r"|(?:19|20)[0-9]{2}-[0-9]{1,2}-[0-9]{1,2}"
    r"|[0-9]{1,2}[/.\-][0-9]{1,2}[/.\-](?:19|20)?[0-9]{2})(?![0-9])"
)
_DOB_EN = (
    r"(?i)(?<![A-Za-z])(?:born(?:\s+(?:on|in))?|date\s+of\s+birth|d\.?o\.?b\.?|birth\s*date|birthday)"
    rf"(?:\s+(?:is|was))?\s*:?\s*(?P<x>{_EN_DATE})"
)

# 小区, 社区, 园区 … are not districts.
_ZH_ADMIN = (
    rf"{_PLACE_START}{_PLACE}{{1,8}}?"
    r"(?:省|自治区|特别行政区|市|自治州|州|地区|盟|县|(?<![小社园景校辖片营])区|旗|镇|乡|街道)"
)
_ZH_ROAD = rf"{_PLACE_START}{_PLACE}{{1,10}}?(?:大道|大街|路|街|巷|胡同|弄|道)(?:[东西南北中]段)?"
_ZH_DOOR = rf"{_D}{{1,5}}(?:[弄巷]{_D}{{1,5}})?(?:-{_D}{{1,4}})?\s*号(?:院)?"
_ZH_ESTATE = (
    rf"{_PLACE_START}{_PLACE}{{1,10}}?(?:小区|花园|公寓|大厦|家园|新村|社区|苑|公馆|广场|村)"
)
_ZH_UNIT = r"(?:[0-9一二三四五六七八九十]{1,4}[A-Za-z]?\s*(?:号楼|栋|幢|座|单元|楼|层|室|户|号))"
_ZH_HOME_UNIT = r"(?:[0-9一二三四五六七八九十]{1,4}[A-Za-z]?\s*(?:号楼|栋|幢|单元|室))"
# "…2单元301": the flat number often comes without 室.
_ZH_FLAT = r"(?:(?<=单元)[0-9]{3,4}(?![0-9年月日号]))?"
# The run of administrative units is atomic: 市 is both a place character and a unit, and a
# long run of such characters must not be split every possible way before failing.
_ADDRESS_ZH = (
    rf"(?>(?:{_ZH_ADMIN}){{0,4}})(?:{_ZH_ROAD}{_ZH_DOOR}(?:{_ZH_ESTATE})?{_ZH_UNIT}*{_ZH_FLAT}"
    rf"|{_ZH_ESTATE}\s?{_ZH_UNIT}+{_ZH_FLAT})"
    # 朝阳区建外SOHO 5号楼: a district, any building name, then a residential unit.
    rf"|(?>(?:{_ZH_ADMIN}){{1,4}}){_PLACE}{{0,12}}?\s?{_ZH_HOME_UNIT}+{_ZH_FLAT}"
)
# After 住址/家住, whatever names a street, a number or a building is the address.
_ADDRESS_ZH_CUED = (
    r"(?:家庭住址|住址|家住|现住)(?:是|为|在)?:?\s*"
    r"(?P<x>(?!哪|什么|啥|那|这|附近|隔壁|对面|同一)(?=[^\s,。;!?]*?(?:[0-9]|路|街|弄|巷|村))"
    r"[^\s,。;!?、]{2,40})"
)
_STREET_SUFFIX = (
    r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Boulevard|Blvd|Drive|Dr|Place|Pl|Way|Terrace|"
    r"Crescent|Close|Square|Sq|Highway|Hwy|Parkway|Pkwy|Gardens|Grove|Mews|"
    r"street|road|avenue|lane|boulevard|drive)"
)
_ADDRESS_EN = (
    r"(?<![A-Za-z0-9])(?:(?:Flat|Apartment|Apt\.?|Unit|Suite|Room)\s+[0-9A-Z]{1,5},?\s+)?"
    r"[0-9]{1,5}[A-Za-z]?(?:-[0-9]{1,5})?\s+(?:[A-Z][A-Za-z'’.\-]*\s+){1,4}?"
    rf"{_STREET_SUFFIX}(?![A-Za-z])(?:\s+(?:NW|NE|SW|SE|N|S|E|W)(?![A-Za-z]))?"
    r"(?:,?\s+(?:Apt\.?|Apartment|Unit|Suite|Flat|#)\s*[0-9A-Z]{1,5}(?![A-Za-z0-9]))?"
)
_PO_BOX = r"(?i)(?<![A-Za-z])P\.?\s?O\.?\s+Box\s+[0-9]+"
_UK_POSTCODE = r"(?<![A-Za-z0-9])[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}(?![A-Za-z0-9])"

# Self-identifying court details: being "the only …" somewhere names the judge.
_ZH_PLACE_UNIT = rf"{_PLACE}{{1,10}}?(?:省|市|县|区|州|旗|盟|镇|乡|岛|村)"
_ZH_COURT_NAME = rf"{_PLACE}{{0,10}}?(?:人民法院|法院|人民法庭|派出法庭|法庭)"
_ZH_HOME = (
    r"(?:全|本|整个)(?:县|市|区|镇|乡|岛|州|旗|盟|院|庭)"
    r"|(?:我们|咱们|这个)(?:县|市|区|镇|乡|岛|院|庭|法院)"
)
_ZH_ROLE = (
    rf"[{HAN}]{{0,6}}?(?:法官|审判员|庭长|院长|书记员|陪审员|执行员|法警|女性|女同志|男同志|"
    r"少数民族|博士|法院|法庭)"
)
_COURT_ZH = (
    rf"(?:(?:{_ZH_HOME}|{_ZH_PLACE_UNIT})的?(?:{_ZH_COURT_NAME})?|{_ZH_COURT_NAME})(?:里面|里|中|内|的)?"
    rf"(?:(?:唯一|仅有|独一无二)(?:的|一位|一名|一个)?{_ZH_ROLE}"
    rf"|(?:就|只有|仅有|只剩|才)(?:我|我们)?(?:一|两|二|俩|三|[1-3])(?:个|名|位)?{_ZH_ROLE})"
)
_ONLY = r"(?:only|sole|single|lone|one\s+and\s+only)"
_BENCH = (
    r"(?:judges?|magistrates?|justices?|judicial\s+officers?|sheriffs?|coroners?|registrars?|"
    r"justices?\s+of\s+the\s+peace|JPs?)"
)
_PLACE_NOUN = (
    r"(?:island|isle|county|district|town|township|village|city|region|province|valley|parish|"
    r"borough|atoll|archipelago|court(?:house)?|circuit|bench)"
)
_EN_LOCATION = (
    r"\s+(?i:in|on|at|of|for)\s+(?:(?i:the|our|my|this)\s+)?"
    r"(?:(?i:whole|entire|small|tiny|little|rural|local|remote|same)\s+)*"
    rf"(?:[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*(?:\s+{_PLACE_NOUN})?|{_PLACE_NOUN})"
)
_COURT_EN_PLACE = (
    rf"(?i:the\s+{_ONLY}\s+(?:[a-z'\-]+\s+){{0,3}}?{_BENCH})(?![A-Za-z]){_EN_LOCATION}"
)
_COURT_EN_SELF = (
    r"(?i:\bI(?:'m|’m|\s+am)\s+)"
    rf"(?P<x>(?i:the\s+{_ONLY}\s+(?:[a-z'\-]+\s+){{0,3}}?{_BENCH}))(?![A-Za-z])"
)

_AMOUNT_UNIT = (
    r"(?:元|块|万|亿|美元|英镑|欧元|港币|人|名|位|次|条|个|粉丝|阅读|播放|点赞|浏览|字|页|"
    r"(?i:followers|views|likes|people|users|dollars|yuan|euros|pounds|words|subscribers|"
    r"fans|members|times|pages|rmb|usd|cny|eur|gbp))"
)
# What is left: a run of six or more digits may be a QQ number, an account or an id. Amounts
# with a currency or a unit ("1200000元", "$2500000") are kept.
_NUMBER = (
    r"(?<![0-9])(?<![$¥€£])(?<!RMB)(?<!USD)(?<!CNY)(?<!RMB )(?<!USD )(?<!CNY )"
    rf"[0-9]{{6,}}(?![0-9])(?!(?:[.,][0-9]+)*\s*{_AMOUNT_UNIT})"
)


# (name, pattern, kind), applied in this order. A pattern with a group "x" replaces only that
# group and keeps its cue ("电话", "Case No.", "born on") as the judge typed it.
# URLs before e-mails and handles (a URL may hold an @); case, ID and card numbers before
# phones (their digits contain phone-shaped runs), Chinese mobiles before the international
# form (so "(+86) 138…" goes whole); everything numeric before the final catch-all for long
# digit runs.
_RULES: list[tuple[str, re.Pattern[str], str]] = [
    ("url-scheme", re.compile(_URL_SCHEME), "url"),
    ("url-www", re.compile(_URL_WWW), "url"),
    ("url-bare", re.compile(_URL_BARE), "url"),
    ("email", re.compile(_EMAIL), "email"),
    ("handle", re.compile(_HANDLE), "handle"),
    ("account-zh", re.compile(_ACCOUNT_ZH), "handle"),
    ("account-en", re.compile(_ACCOUNT_EN), "handle"),
    ("case-zh", re.compile(_CASE_ZH_BRACKET), "caseno"),
    ("case-zh-bare", re.compile(_CASE_ZH_BARE), "caseno"),
    ("case-en-federal", re.compile(_CASE_EN_FEDERAL), "caseno"),
    ("case-en-short", re.compile(_CASE_EN_SHORT), "caseno"),
    ("case-en-neutral", re.compile(_CASE_EN_NEUTRAL), "caseno"),
    ("case-en-labelled", re.compile(_CASE_EN_LABELLED), "caseno"),
    ("id-18", re.compile(_ID_18), "idno"),
    ("id-15", re.compile(_ID_15), "idno"),
    ("id-masked", re.compile(_ID_MASKED), "idno"),
    ("card-grouped", re.compile(_CARD_GROUPED), "card"),
    ("card-plain", re.compile(_CARD_PLAIN), "card"),
    ("phone-cn-mobile", re.compile(_PHONE_CN_MOBILE), "phone"),
    ("phone-intl", re.compile(_PHONE_INTL), "phone"),
    ("phone-cn-landline", re.compile(_PHONE_CN_LANDLINE), "phone"),
    ("phone-uk-mobile", re.compile(_PHONE_UK_MOBILE), "phone"),
    ("phone-us", re.compile(_PHONE_US), "phone"),
    ("phone-cued", re.compile(_PHONE_CUED), "phone"),
    ("plate-zh", re.compile(_PLATE_ZH), "plate"),
    ("plate-en", re.compile(_PLATE_EN), "plate"),
    ("dob-zh-before", re.compile(_DOB_ZH_BEFORE), "dob"),
    ("dob-zh-after", re.compile(_DOB_ZH_AFTER), "dob"),
    ("dob-en", re.compile(_DOB_EN), "dob"),
    ("address-zh", re.compile(_ADDRESS_ZH), "address"),
    ("address-zh-cued", re.compile(_ADDRESS_ZH_CUED), "address"),
    ("address-en", re.compile(_ADDRESS_EN), "address"),
    ("po-box", re.compile(_PO_BOX), "address"),
    ("uk-postcode", re.compile(_UK_POSTCODE), "address"),
    ("court-zh", re.compile(_COURT_ZH), "court"),
    ("court-en-place", re.compile(_COURT_EN_PLACE), "court"),
    ("court-en-self", re.compile(_COURT_EN_SELF), "court"),
    ("number", re.compile(_NUMBER), "number"),
]


def _regex_spans(pattern: re.Pattern[str], text: str) -> Iterator[tuple[int, int]]:
    group = "x" if "x" in pattern.groupindex else 0
    for match in pattern.finditer(text):
        if match.group(group):
            yield match.span(group)


# --------------------------------------------------------------------------- Chinese names

# The most frequent surnames (about 200, after the 2020 census ranking). A few very frequent
# function characters (和, 原, 国, 明, 平 …) are left out: as surnames they are rare, as
# words they are everywhere.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶"
    "程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付傅方邹熊白孟秦邱侯江尹薛闫阎段雷龙黎史陶"
    "贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文施洪辛柳牛樊殷葛邢安齐伍庞颜倪庄聂章鲁岳"
    "翟申欧耿关兰焦俞左祝包甘宁符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游靳管柴蒙"
    "鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆卓古吉缪车项芦麦褚娄窦戚岑景宫费卜晏席卫米柏宗瞿桂全"
    "佟臧闵苟邬边卞姬仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝封谈匡鞠惠荆冀郁胥"
)
COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐 端木 独孤 南宫 "
    "西门 轩辕 钟离 澹台 公冶 宗政 濮阳 太史 申屠 闻人 呼延 万俟 赫连 拓跋 司空".split()
)
# Surnames that are also everyday function words (向法官, 律师时, 初任法官, 管好账号): with
# these a name is taken only when the text around it leaves no doubt.
_AMBIGUOUS = frozenset("于向方时全常成任万关解何单管戴付查封谈祝白包齐费边")
# What may follow a name with such a surname: punctuation, a role word, or one of these.
_CLEAR_AFTER = frozenset("的说是在和跟给让也都就还又已曾昨今把被")
# … and what may precede it.
_CLEAR_BEFORE = frozenset("的是和跟给让对找请问位个名说把被与同叫")

# Characters that do not occur in given names but do follow names: they end a name.
_STOP = frozenset(
    "的了是在和与跟同说讲问答让给把被将也都又还就才已曾要会能想找加发打约请向对从到等昨今这"
    "那他她它我你您们吗呢吧啊呀嘛哦哈有没不去来送私评点转为因所但而并及或以诉称告着过该此其之"
    "个位次每各哪谁什么怎如若虽即则很太最更非却竟居得地于先后当再常经律法官庭院案件事务多少几"
    "第年号时分上下里外内前处见看听写读回接收帮叫喊骂夸删拉屏关注联系总师哥姐叔姨伯弟妹儿女"
)

# Everyday words that begin or end with a surname character. A candidate name is dropped
# when its surname and first given character form one of these (高兴, 关注, 程序), or when
# the character before the surname does (对方, 关于, 担任, 江苏).
COMMON_WORDS = frozenset(
    """
    高兴 张贴 李子 黄金 周末 林业 马上 钱包 朱红 王者 王国 王朝 王牌 王道 高级 高院 高法 高管 高层
    高度 高中 高校 高考 高铁 高速 高效 高手 高官 高端 高额 高温 高价 高档 高低 高峰 高潮 高楼 高明
    高尚 高调 高估 高龄 高危 高清 高薪 高新 高空 高压 高发 高等 高质 高频 高票 黄色 黄牛 黄昏 黄瓜
    黄历 黄页 周围 周年 周一 周二 周三 周四 周五 周六 周日 周期 周边 周到 周岁 周全 周报 周刊 周转
    周密 林子 林地 林场 林木 马路 马虎 马车 马桶 钱财 钱款 金额 金钱 金融 金牌 金属 金子 金色 金库
    方面 方式 方法 方便 方向 方案 方针 方位 方言 方圆 方形 方可 方能 方才 方块 白天 白色 白酒 白领
    白白 白纸 白发 白菜 路上 路过 路线 路口 路边 路费 路人 路径 路段 路面 石头 石油 石块 安全 安排
    安装 安置 安心 安静 安慰 安定 安稳 安保 安检 安徽 常常 常见 常用 常规 常态 常识 常年 常委 常务
    常住 常人 向上 向下 向来 向前 向后 向往 向导 向着 于是 万一 万元 万分 万能 万物 万岁 章节 章程
    程序 程度 孙子 胡说 胡乱 江湖 江山 江南 江苏 江西 江河 汪洋 田地 田野 田间 任何 任务 任职 任命
    任期 任意 任由 任凭 华人 华侨 华丽 华为 文章 文件 文字 文明 文化 文书 文本 文学 文艺 文物 文案
    文凭 文员 文中 毛病 毛巾 毛衣 成为 成功 成立 成本 成年 成人 成果 成绩 成员 成熟 成就 成长 成交
    成分 成语 成都 成效 成型 宋体 宋代 贺卡 贺词 贺喜 顾问 顾客 顾虑 顾及 顾全 时间 时候 时代 时期
    时常 时刻 时尚 时事 时效 时段 时限 时任 史上 史料 史诗 康复 严重 严格 严肃 严厉 严禁 严谨 严密
    严惩 严峻 孔子 孔雀 雷人 雷同 易于 易懂 温暖 温和 温度 温馨 温柔 温州 龙头 余额 余地 余下 关于
    关注 关系 关联 关闭 关心 关键 关切 关怀 关照 关掉 关口 关卡 关乎 何况 何时 何必 何种 何处 何为
    何人 何以 何等 陈述 陈列 陈旧 陈年 陈设 罗列 罗马 郑重 谢谢 谢绝 谢意 韩国 韩语 唐朝 唐突 唐山
    董事 萧条 许多 许可 许久 许诺 曾经 曾是 曾任 曾有 曾在 曾被 苏醒 丁点 叶子 余生 杜绝 戴上 戴着
    夏天 夏季 钟头 钟表 钟点 范围 范本 范畴 范例 熊猫 陆续 陆地 崔嵬 秦朝 段落 武器 武术 武装 武汉
    乔装 赖账 庞大 兰花 兰州 殷切 施工 施行 施加 施压 陶瓷 洪水 颜色 颜值 颜面 牛奶 牛肉 季度 季节
    鲁莽 申请 申报 申诉 申明 申辩 尤其 尤为 毕竟 毕业 焦点 焦虑 焦急 柳树 柳州 岳父 岳母 齐全 齐心
    梅花 莫名 莫非 庄严 庄重 辛苦 辛勤 管理 管辖 管制 管控 管教 管道 管用 祝贺 祝福 祝愿 左右 左边
    涂改 涂鸦 谷歌 舒服 舒适 耿直 牟利 苗头 凌晨 凌乱 费用 费心 纪律 纪念 纪要 纪委 纪检 纪录 盛大
    盛行 童年 童话 欧洲 欧元 欧美 甄别 项目 曲线 曲折 游戏 游客 游泳 游行 游览 游玩 阳光 阳台 席位
    卫生 卫星 查看 查询 查处 查明 查办 查封 查阅 查到 查实 查获 屈服 植物 甘心 甘愿 甘肃 景色 景点
    景区 单位 单独 单纯 单身 单方 单一 单据 单价 单词 包括 包含 包装 包容 包庇 包袱 包裹 包头 宁可
    宁愿 宁夏 宁波 桂花 桂林 解决 解释 解除 解答 解读 解放 解脱 解散 解雇 解约 解析 车辆 车牌 车子
    车位 车祸 车上 车站 车主 车库 房子 房产 房屋 房间 房东 房租 房价 房贷 边界 边缘 边上 吉祥 吉林
    古代 古老 古人 古典 古董 米饭 池塘 全部 全面 全体 全国 全程 全额 全家 全文 全力 全都 全然 全球
    全县 全市 全省 全院 全员 全职 全网 全天 全年 全新 全是 宫殿 宗教 宗旨 卜算 沙发 荣誉 荣幸 桑拿
    郎中 巩固 查找 麻烦 麻将 封面 封闭 封号 谈话 谈判 谈论 惠及 冀望 郁闷 仲裁 池子 付款 付出 付费
    蒙古 沈阳 徐州 常州 苏州 杭州 秦皇岛 黄山 马鞍山 石家庄 郑州 贵阳 南宁 西宁 辽宁 浙江 西安 长安
    对方 双方 一方 各方 地方 警方 官方 男方 女方 东方 西方 南方 北方 比方 大方 药方 配方 我方 你方
    他方 甲方 乙方 己方 三方 多方 买方 卖方 资方 劳方 院方 校方 检方 控方 辩方 军方 告方 由于 关于
    对于 鉴于 基于 至于 属于 处于 等于 用于 在于 位于 归于 免于 出于 终于 过于 易于 敢于 善于 急于
    忙于 便于 担任 信任 责任 主任 放任 委任 继任 就任 上任 现任 前任 历任 出任 升任 转任 选任 兼任
    离任 卸任 新任 同时 当时 有时 及时 按时 随时 临时 定时 准时 届时 小时 平时 此时 那时 这时 构成
    形成 造成 完成 组成 达成 促成 变成 赞成 经常 正常 日常 异常 通常 非常 反常 平常 面向 指向 转向
    倾向 意向 走向 导向 动向 去向 志向 取向 一向 有关 机关 相关 海关 公关 把关 攻关 难关 国王 帝王
    大王 主张 紧张 扩张 开张 夸张 慌张 行李 一周 上周 下周 本周 每周 四周 子孙 外孙 提高 最高 崇高
    升高 很高 较高 太高 森林 园林 少林 如何 任何 为何 几何 奈何 出马 兵马 骑马 网罗 张罗 桥梁
    栋梁 感谢 多谢 致谢 答谢 道谢 荒唐 古董 过程 工程 章程 流程 日程 课程 进程 行程 全程 议程 规程
    前程 专程 路程 历程 也许 允许 或许 少许 准许 默许 容许 特许 师傅 未曾 不曾 江苏 复苏 园丁 树叶
    茶叶 其余 多余 业余 剩余 残余 盈余 爱戴 穿戴 华夏 初夏 时钟 分钟 点钟 闹钟 农田 油田 生姜 规范
    防范 示范 模范 典范 岩石 宝石 钻石 资金 现金 基金 租金 奖金 押金 定金 罚金 薪金 美金 佣金 本金
    酬金 礼金 年金 税金 重金 赏金 五金 合金 千金 大陆 内陆 登陆 着陆 面孔 明白 空白 表白 坦白 清白
    黑白 蛋白 独白 告白 苍白 对白 直白 健康 小康 羽毛 皮毛 眉毛 长江 历史 照顾 光顾 回顾 不顾 兼顾
    惠顾 时候 等候 问候 气候 伺候 守候 千万 百万 十万 上万 一万 两万 手段 阶段 片段 地段 时段 分段
    地雷 打雷 金钱 价钱 本钱 工钱 零钱 有钱 没钱 赚钱 花钱 借钱 还钱 收钱 给钱 要钱 付钱 洗钱 罚钱
    值钱 鸡汤 巴黎 容易 交易 贸易 轻易 简易 不易 威武 动武 文武 祝贺 恭贺 庆贺 道贺 依赖 信赖 无赖
    耍赖 抵赖 原文 中文 英文 全文 正文 条文 法文 日文 德文 俄文 公文 发文 行文 上文 下文 前文 后文
    本文 此文 短文 长文 博文 推文 论文 撰文 作文 明文 译文 课文 语文 人文 天文 散文 引文 图文 措施
    设施 实施 熏陶 防洪 平安 公安 治安 晚安 早安 保安 不安 西安 延安 泰安 天安 容颜 威严 尊严 庄严
    戒严 森严 从严 吹牛 黄牛 奶牛 蜗牛 气温 体温 高温 低温 常温 保温 升温 降温 重温 室温 四季 旺季
    淡季 雨季 赛季 春季 夏季 秋季 冬季 文章 规章 印章 盖章 公章 奖章 徽章 篇章 乐章 私章 粗鲁 瓜葛
    纠葛 队伍 入伍 退伍 落伍 为伍 重申 引申 完毕 聚焦 对焦 杨柳 山岳 整齐 一齐 看齐 备齐 到齐 凑齐
    补齐 村庄 山庄 农庄 钱庄 端庄 艰辛 主管 监管 保管 掌管 托管 接管 不管 尽管 只管 分管 高管 血管
    气管 水管 看管 代管 城管 庆祝 向左 偏左 相左 糊涂 山谷 硅谷 低谷 峡谷 舒心 卜卦 道路 网路 思路
    出路 公路 铁路 线路 电路 一路 上路 走路 带路 迷路 半路 门路 套路 后路 退路 活路 来路 去路 销路
    通路 水路 小路 大路 疫苗 树苗 火苗 收费 免费 学费 缴费 浪费 消费 花费 经费 会费 税费 运费 电费
    水费 车费 自费 公费 小费 稿费 旅费 世纪 年纪 法纪 党纪 违纪 风纪 军纪 校纪 茂盛 旺盛 丰盛 强盛
    繁盛 兴盛 鼎盛 儿童 西欧 东欧 北欧 南欧 中欧 事项 款项 选项 强项 弱项 单项 多项 各项 该项 此项
    本项 立项 逐项 专项 奖项 一项 两项 歌曲 戏曲 乐曲 弯曲 扭曲 委曲 插曲 旅游 导游 上游 下游 中游
    出游 手游 网游 太阳 夕阳 阴阳 朝阳 洛阳 南阳 衡阳 襄阳 安阳 咸阳 信阳 绵阳 岳阳 邵阳 辽阳 向阳
    主席 出席 缺席 列席 首席 酒席 宴席 保卫 防卫 护卫 自卫 捍卫 警卫 门卫 守卫 后卫 前卫 调查 检查
    审查 核查 排查 彻查 追查 清查 复查 盘查 普查 抽查 勘查 侦查 搜查 巡查 委屈 冤屈 理屈 不屈 渔翁
    富翁 种植 移植 培植 扶植 不甘 风景 背景 场景 前景 远景 全景 情景 光景 夜景 美景 实景 愿景 近景
    清单 名单 简单 菜单 账单 订单 传单 保单 买单 表单 孤单 下单 被单 床单 罚单 榜单 红包 书包 背包
    打包 承包 外包 分包 转包 面包 礼包 皮包 荷包 腰包 安宁 了解 理解 和解 调解 化解 讲解 见解 误解
    破解 谅解 图解 注解 分解 溶解 瓦解 缓解 排解 求解 费解 不解 辩解 劝解 中华 繁华 豪华 精华 奢华
    才华 年华 风华 升华 浮华 荣华 芳华 清华 京华 汽车 开车 停车 坐车 打车 下车 上车 火车 列车 公车
    私车 专车 电车 单车 出车 拖车 卡车 货车 客车 轿车 快车 刹车 倒车 撞车 堵车 修车 洗车 租车 用车
    派车 包车 豪车 叫车 住房 买房 卖房 租房 病房 厨房 书房 楼房 平房 新房 婚房 旁边 身边 这边 那边
    两边 一边 周边 左边 右边 前边 后边 上边 下边 里边 外边 海边 河边 路边 手边 耳边 床边 岸边 无边
    大吉 富饶 求饶 亲戚 山丘 考古 千古 远古 复古 上古 中古 大米 小米 玉米 厘米 毫米 千米 电池 水池
    完全 齐全 健全 周全 保全 成全 顾全 求全 双全 两全 大全 清廉 低廉 内容 包容 宽容 从容 形容 笑容
    武夷 沙漠 首付 支付 应付 对付 交付 垫付 偿付 给付 预付 托付 欠付 拒付 照付 兑付 傅里 侯爵 诸侯
    小时 小于 小白 小康 小程 小钱 小车 小包 小曲 小牛 老牛 老路 老成 老车 小章 小景 老于 小吃 老实
    宗族 祖宗 正宗 卷宗 大宗 车间 宫廷 故宫 子宫 迷宫 宫格 商贾 臧否 阎王 付了 付钱 付清 仇恨 仇人
    报仇 隋朝 刁难 苟且 巫师 沙子 泥沙 风沙 荣获 光荣 繁荣 虚荣 甄选 丛林 丛书 仲夏 麻醉 麻木 芝麻
    迟到 迟迟 推迟 延迟 鞠躬 惠民 优惠 实惠 互惠 恩惠 荆棘 符合 符号 相符 不符 初任
    杜撰 段子 雷厉 陶醉 毛遂 武断 张口 张嘴 张扬 张开 张望 古怪 曲解 高呼 金句
    """.split()
)

# Two-character words that often come straight after a name (律师李明联系我).
_FOLLOW_WORDS = frozenset(
    """
    关注 联系 私信 通过 最近 一直 一起 一家 已经 经常 突然 主动 多次 专门 特意 竟然 居然 刚刚 刚才
    后来 之前 之后 以前 本人 本来 作为 代理 辩护 起诉 上诉 申请 提出 提交 提起 出庭 开庭 当庭 当时
    当天 当面 现在 目前 家里 委托 邀请 点赞 评论 转发 留言 回复 表示 认为 觉得 希望 要求 声称 告诉
    朋友 同学 同事 老乡 身份 案件 案子 诉讼 提供 发布 发表 公开 晒出 添加 拉黑 屏蔽 删除 举报 投诉
    骚扰 辱骂 攻击 诽谤 威胁 跟踪 分享 晚上 早上 中午 上午 下午 周末 节日 春节 过年 婚礼 生日 送礼
    请客 吃饭 喝酒 聚会 微信 微博 抖音 电话 手机 邮箱 地址 住址 住在 工作 任职 供职 就职 毕业 曾任
    名字 姓名 发文 发帖 直播 本案 此案 该案 一次 一名 一位 多年 去年 今年 明年 前年 昨晚 今晚 以及
    或者 还有 先生 女士 同志 律所 父亲 母亲 儿子 女儿 妻子 丈夫 老婆 老公 家属 亲属 一审 二审 再审
    称呼 登门 上门 加入 进入 离开 退出 成为 担任 出任 结婚 离婚 然后 随后 立即 马上 很快 不久 坚持
    反复 屡次 频繁 公然 私下 偷偷 专程 亲自 自称 据说 听说 透露 暗示 声明 提醒 建议 询问 咨询 打听
    求助 求情 说情 托人 明天 明确 明知 明显 每天 天天 同样 同意 一样 一般 一定 一审 一下 一些 一个
    一案 一事 一方 一同 一并 一起 一度 一再 一向 一时
    """.split()
)

# Roles and relations that come before a name (律师李明, 当事人陈某某, 同事张伟).
_ROLE_BEFORE = sorted(
    """
    律师 代理律师 辩护律师 辩护人 代理人 诉讼代理人 委托代理人 当事人 原告 被告 被告人 上诉人
    被上诉人 申请人 被申请人 申请执行人 被执行人 第三人 证人 鉴定人 翻译 书记员 法官助理 助理
    法官 审判员 审判长 陪审员 人民陪审员 检察官 公诉人 嫌疑人 犯罪嫌疑人 受害人 被害人 委托人
    同事 同学 朋友 老乡 网友 记者 博主 主播 网红 庭长 副庭长 院长 副院长 老师 邻居 亲戚 前妻
    前夫 丈夫 妻子 老公 老婆 领导 上司 下属 同行 合伙人 主任 校友 战友 师兄 师姐 学生 表哥
    表姐 表弟 表妹 堂哥 堂姐 舅舅 姑姑 叔叔 阿姨 女婿 儿媳 名叫 叫做 我叫 名字叫 名字是 姓名是
    姓名为 姓名
    """.split(),
    key=len,
    reverse=True,
)
# Cues after which a name must be followed by a clear break (叫李明的, 我是李明，).
_WEAK_CUES = ("我是", "叫")
# Titles and roles that come after a name or a bare surname (李明律师, 王法官, 老张).
_ROLE_AFTER = sorted(
    """
    律师 大律师 法官 庭长 副庭长 院长 副院长 审判长 审判员 检察官 书记员 助理 先生 女士 小姐 老师
    教授 博士 医生 大夫 同志 主任 书记 局长 处长 科长 所长 部长 厅长 市长 县长 区长 镇长 乡长 村长
    校长 行长 经理 董事长 老板 警官 师傅 阿姨 叔叔 大哥 大姐 同学 总
    """.split(),
    key=len,
    reverse=True,
)

_ROLE_BEFORE_RE = re.compile("(?:" + "|".join(_ROLE_BEFORE) + ")" + r"[:\s]?(?:是|叫|为)?\s?")
_WEAK_CUE_RE = re.compile("(?:" + "|".join(_WEAK_CUES) + ")")
# 长 after a bare surname is often 长期/长久 (全县长期 is not 全 the county head); 总 is often 总是.
_ROLE_AFTER_RE = re.compile(
    "(?:" + "|".join(_ROLE_AFTER) + ")"
    r"(?:(?<=长)(?![期久远达大时处效])|(?<=总)(?![是结共之体计额数部局队会理统监裁经算归而得要也])"
    r"|(?<![长总]))"
)
_ROLE_WORDS = frozenset(_ROLE_BEFORE) | frozenset(_ROLE_AFTER)
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
    return bool(_HAN_RE.match(char))


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


def _name_end(text: str, start: int, *, strong: bool) -> int | None:
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
    breaks = _clear_break_after if ambiguous else _break_after
    for size in (2, 1):
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


_LATIN_WORD = r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*"
_LATIN_NAME = re.compile(rf"[ \t]?(?P<x>{_LATIN_WORD}(?:[ \t]+{_LATIN_WORD}){{0,2}})(?![A-Za-z])")


def _zh_after_cue(text: str) -> Iterator[tuple[int, int]]:
    """律师李明, 原告张三, 我叫李明; also a Latin name after a Chinese role (律师John Smith)."""
    for match in _ROLE_BEFORE_RE.finditer(text):
        pos = match.end()
        end = _name_end(text, pos, strong=True)
        if end:
            yield pos, end
            continue
        latin = _LATIN_NAME.match(text, pos)
        if latin and not _is_stop_name(latin.group("x").split()[0]):
            yield _trim_latin(latin.start("x"), latin.group("x"))
    for match in _WEAK_CUE_RE.finditer(text):
        pos = match.end()
        end = _name_end(text, pos, strong=False)
        if end:
            yield pos, end
            continue
        latin = _LATIN_NAME.match(text, pos)
        if latin and not _is_stop_name(latin.group("x").split()[0]):
            yield _trim_latin(latin.start("x"), latin.group("x"))


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


_LATIN_BEFORE = re.compile(r"(?<![A-Za-z])[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}[ \t]?$")


def _zh_before_role(text: str) -> Iterator[tuple[int, int]]:
    """李明律师, 王法官, 张院长, 陈某某先生; also John Smith律师."""
    for match in _ROLE_AFTER_RE.finditer(text):
        end = match.start()
        start = _name_start(text, end)
        if start is not None:
            yield start, end
            continue
        window = max(0, end - 60)
        latin = _LATIN_BEFORE.search(text, window, end)
        if latin:
            # "Dear John Smith律师": keep the trailing run of name words only.
            words = list(re.finditer(r"\S+", latin.group()))
            kept = []
            for word in reversed(words):
                if _is_stop_name(word.group()):
                    break
                kept.append(word)
            if kept:
                yield latin.start() + kept[-1].start(), latin.start() + kept[0].end()


def _zh_surname_only(text: str) -> Iterator[tuple[int, int]]:
    """姓王的律师: the surname alone still narrows the field."""
    for match in _SURNAME_ONLY_RE.finditer(text):
        yield match.span("x")


def _zh_familiar(text: str) -> Iterator[tuple[int, int]]:
    """老张, 小王: a person only when a break follows (小王子 and 小时候 are not)."""
    for match in _FAMILIAR_RE.finditer(text):
        start, end = match.span()
        if text[start:end] in COMMON_WORDS or text[start + 1 : end + 1] in COMMON_WORDS:
            continue
        if start > 0 and text[start - 1 : start + 1] in COMMON_WORDS:
            continue
        if _break_after(text, end):
            yield start, end


def _zh_masked(text: str) -> Iterator[tuple[int, int]]:
    """陈某某, 赵某 anywhere (not 由于某种, 关于某些)."""
    for match in _SURNAME_MASKED_RE.finditer(text):
        start = match.start()
        if text[start] in _AMBIGUOUS and _surname_len(text, start) == 1:
            continue
        if start > 0 and text[start - 1 : start + 1] in COMMON_WORDS:
            continue
        yield match.span()


# --------------------------------------------------------------------------- English names

_UP, _LOW = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
# A name word ends where the word ends: "WhatsApp" is not the name "Whats".
_TOKEN = rf"(?:Mc|Mac|O['’]|D['’])?[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)*(?![{_UP}{_LOW}])"
_NAME_SEQ = rf"{_TOKEN}(?:[ \t]+(?:[{_UP}]\.[ \t]+)?{_TOKEN}){{0,2}}"
_TOKEN_RE = re.compile(_TOKEN)
_NAME_SEQ_RE = re.compile(_NAME_SEQ)

# Capitalised words that follow titles and roles without being names.
_STOP_NAMES = frozenset(
    """
    I I'm The A An And Or But If In On At Of For To From By With As My Our His Her Their This That
    These Those It He She We They You Your Yes No Not Dear Hi Hello Thanks Thank Please Can Could
    Should Would May Might Must Is Are Was Were Do Does Did Have Has Had What When Where Which Who
    Why How Also Just So Then Now Here There Today Yesterday Tomorrow Monday Tuesday Wednesday
    Thursday Friday Saturday Sunday January February March April June July August September
    October November December Court Courts Judge Judges Justice Justices Magistrate Magistrates
    Honour Honor Attorney Attorneys Counsel Lawyer Lawyers Bar Bench Chief Deputy District Circuit
    Supreme High Appeal Appeals Crown County Family Criminal Civil Federal State National
    International Department Ministry Office Council Committee Commission Network Integrity
    Global Judicial Judiciary Conduct Code Ethics Ethical Guidelines Guideline Principles
    Bangalore Act Law Rule Rules Section Article Case No Number Street Road Avenue
    Facebook Twitter X LinkedIn Instagram TikTok YouTube WeChat Weibo Douyin Telegram WhatsApp
    Signal Snapchat Reddit Threads Bluesky Mastodon Google Apple Microsoft Amazon Zoom Teams
    Skype Gmail Outlook Amicus English Chinese French Spanish German British American Australian
    Canadian Irish Scottish Welsh Indian African European Asian Christian Catholic Muslim Jewish
    Buddhist Hindu Christmas Easter New Year Sir Madam Mr Mrs Ms Miss Dr Prof General Senior
    Junior Jr Sr Esq LLP Ltd Inc Corp Co Company Group Bank University College School Hospital
    Police Station Prison Government Parliament Congress Senate Association Society Foundation
    Institute Centre Center Trust Fund Team Club Union Board Panel Tribunal Division Chamber
    Chambers Registry Service Services Agency Authority Press News Times Post Daily Journal
    Magazine Radio Client Advocate League Sector Training Rolls Department Library Hotel
    Restaurant Cafe Airport Online Internet Messenger Marketplace Stories Live Reels Spaces
    Question Questions Answer Advice Help Guide Chat Bot ChatGPT OpenAI Claude Copilot Gemini
    Should Shall Will Unknown Anonymous Someone Somebody Everyone Nobody Both Each Every All Any
    Some Many Most Other Another London Paris Beijing Shanghai Hong Kong Singapore Sydney Toronto
    Washington York Delhi Mumbai Lagos Nairobi Johannesburg Cape Town Dublin Edinburgh Manchester
    Vienna Geneva Brussels Berlin Tokyo Seoul Taipei Macau Shenzhen Guangzhou Africa America
    Europe Asia China India Kenya Nigeria England Scotland Wales Ireland Canada Australia Zealand
    Texas California Florida Ontario Queensland Hague Strasbourg Luxembourg
    """.split()
)


def _is_stop_name(word: str) -> bool:
    return word in _STOP_NAMES or word.rstrip(".") in _STOP_NAMES


def _trim_latin(start: int, phrase: str) -> tuple[int, int]:
    """Span of the name tokens in ``phrase`` (at ``start``) up to the first non-name word."""
    end = start
    for token in re.finditer(r"\S+", phrase):
        if _is_stop_name(token.group()):
            break
        end = start + token.end()
    return start, end


def _name_tokens(text: str, start: int) -> list[tuple[int, int]]:
    """The name tokens of the name sequence at ``start``, cut at the first non-name word."""
    match = _NAME_SEQ_RE.match(text, start)
    if not match:
        return []
    tokens = []
    for token in _TOKEN_RE.finditer(text, start, match.end()):
        if _is_stop_name(token.group()):
            break
        tokens.append(token.span())
    return tokens


_TITLES = (
    r"(?:(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Rev|Reverend|Father|Sister|"
    r"Senator|Mayor|Governor|Commissioner|Registrar|Master|Solicitor|Barrister|Advocate|Sgt|Det|"
    r"Constable|Atty)\.?"
    r"|(?i:judge|justice|attorney|counsel|counsellor|counselor|magistrate|officer|detective|"
    r"sergeant|inspector))"
)
_TITLE_RE = re.compile(rf"(?<![A-Za-z]){_TITLES}[ \t]+(?=[{_UP}])")
_EN_ROLES = (
    r"(?:lawyer|attorney|counsel|solicitor|barrister|advocate|prosecutor|witness|plaintiff|"
    r"defendant|litigant|claimant|applicant|respondent|appellant|petitioner|accused|complainant|"
    r"victim|juror|clerk|colleague|friend|neighbou?r|client|partner|paralegal|assistant|"
    r"secretary|journalist|reporter|blogger|influencer|expert|bailiff|usher|mediator|arbitrator|"
    r"trustee|guardian|husband|wife|son|daughter|brother|sister|cousin|nephew|niece|uncle|aunt|"
    r"mother|father|spouse|ex-wife|ex-husband|fianc[ée]e?|boyfriend|girlfriend|classmate|"
    r"roommate|flatmate|boss|manager|supervisor|student|intern|teacher|tutor|follower|user)"
)
_ROLE_RE = re.compile(
    rf"(?<![A-Za-z])(?P<det>(?i:my|our|his|her|their|the)[ \t]+(?:[a-z\-]+[ \t]+)?)?"
    rf"(?i:{_EN_ROLES}),?[ \t]+(?=[{_UP}])"
)
_BEFORE_ROLE_RE = re.compile(
    rf"(?<![A-Za-z'’\-])(?={_NAME_SEQ},[ \t]+(?:who[ \t]+is[ \t]+)?"
    rf"(?:a|an|the|my|our|his|her|their)[ \t]+(?:[a-z\-]+[ \t]+){{0,2}}?{_EN_ROLES}(?![a-z]))"
)
_MY_NAME_RE = re.compile(
    r"(?<![A-Za-z])(?i:my[ \t]+name[ \t]+is|my[ \t]+name['’]s|call[ \t]+me|i[ \t]+am[ \t]+called|"
    rf"i['’]m[ \t]+called)[ \t]+(?=[{_UP}])"
)
# "named"/"called" also name shows, apps and firms ("an app called Signal", "a show called
# Suits"): one word is a name only after a word for a person.
_NAMED_RE = re.compile(
    r"(?<![A-Za-z])(?P<who>(?i:someone|somebody|person|man|woman|guy|lady|user|account|"
    rf"{_EN_ROLES})[ \t]+)?(?i:named|called)[ \t]+(?=[{_UP}])"
)
_I_AM_RE = re.compile(rf"(?<![A-Za-z])(?:I['’]m|I[ \t]+am|[Tt]his[ \t]+is)[ \t]+(?=[{_UP}])")
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
    (_BEFORE_ROLE_RE, True, lambda text, match, tokens: not _opens_sentence(text, match.start())),
    (_MY_NAME_RE, False, lambda text, match, tokens: True),
    (_NAMED_RE, False, lambda text, match, tokens: bool(match.group("who"))),
    # "I'm Sarah Lee" – or "I'm Sarah, a family judge"; "I'm English" stays.
    (
        _I_AM_RE,
        False,
        lambda text, match, tokens: bool(_I_AM_ONE_TOKEN_OK.match(text, tokens[-1][1])),
    ),
]


def _en_names(text: str) -> Iterator[tuple[int, int]]:
    for pattern, before, one_word_ok in _EN_CUES:
        for match in pattern.finditer(text):
            tokens = _name_tokens(text, match.start() if before else match.end())
            if len(tokens) >= 2 or (tokens and one_word_ok(text, match, tokens)):
                yield tokens[0][0], tokens[-1][1]


# The name recognisers, after the regex rules (which have removed numbers, addresses and
# court details that contain capitalised words and surname characters).
_NAME_RECOGNISERS: list[tuple[str, Callable[[str], Iterable[tuple[int, int]]], str]] = [
    ("zh-masked", _zh_masked, "name"),
    ("zh-after-cue", _zh_after_cue, "name"),
    ("zh-before-role", _zh_before_role, "name"),
    ("zh-surname-only", _zh_surname_only, "name"),
    ("zh-familiar", _zh_familiar, "name"),
    ("en-names", _en_names, "name"),
]


# --------------------------------------------------------------------------- the pipeline

_LATIN_RE = re.compile(r"[A-Za-z]")
_MAX_ROUNDS = 8


def _language(text: str, original: str) -> str:
    """'zh' when the judge's remaining words are mostly Chinese (a Han character weighs two
    letters); when nothing but identifiers was typed, the identifiers decide (粤B12345)."""
    han = len(_HAN_RE.findall(text))
    latin = len(_LATIN_RE.findall(text))
    if not han and not latin:
        han = len(_HAN_RE.findall(original))
        latin = len(_LATIN_RE.findall(original))
    return "zh" if han and 2 * han >= latin else "en"


def _repeated_names(work: _Text) -> list[tuple[int, int]]:
    """Other mentions of a name already found: "原告张三 … 张三就在微博上@我" names him twice.

    A Chinese name is repeated whole (a bare surname, as in 王法官, is not: 王 is everywhere);
    an English name word by word, so "Judge Smith … Smith said" loses both.
    """
    terms: set[str] = set()
    for kind, literal in work.slots:
        if kind != "name":
            continue
        literal = literal.translate(_FOLD)
        if _HAN_RE.search(literal):
            if len(literal) >= 2:
                terms.add(re.escape(literal))
        else:
            terms.update(
                rf"(?<![A-Za-z]){re.escape(word)}(?![a-z])"
                for word in _TOKEN_RE.findall(literal)
                if not _is_stop_name(word)
            )
    if not terms:
        return []
    pattern = re.compile("|".join(sorted(terms, key=len, reverse=True)))
    return [match.span() for match in pattern.finditer(work.norm)]


def _redact_piece(text: str) -> str:
    work = _Text(text)
    for _ in range(_MAX_ROUNDS):
        changed = False
        for _name, pattern, kind in _RULES:
            changed |= work.replace(list(_regex_spans(pattern, work.norm)), kind)
        for _name, recognise, kind in _NAME_RECOGNISERS:
            changed |= work.replace(list(recognise(work.norm)), kind)
        changed |= work.replace(_repeated_names(work), "name")
        if not changed:
            break
    return work.render(_language(work.norm, text))


def _pieces(text: str) -> Iterator[str]:
    lines = text.splitlines(keepends=True)
    piece = ""
    for line in lines:
        while len(line) > _CHUNK:
            if piece:
                yield piece
                piece = ""
            yield line[:_CHUNK]
            line = line[_CHUNK:]
        if len(piece) + len(line) > _CHUNK:
            yield piece
            piece = ""
        piece += line
    if piece:
        yield piece


def redact(text: str) -> str:
    """The text as the question log keeps it: identifiers replaced by typed placeholders."""
    if len(text) <= _CHUNK:
        return _redact_piece(text)
    return "".join(_redact_piece(piece) for piece in _pieces(text))
