"""The judge's own court: a named court (and its division) in a sentence where the judge
speaks of themselves ("我在深圳市南山区人民法院工作", "I sit in Springfield district court").

A court named with I/my/我 identifies the judge among a handful of colleagues, so it is always
redacted; a court as an institution ("the Supreme People's Court issued rules", 基层法院,
"a district court judge") names no one and stays. A court is *named* when a place comes
before it: a run of administrative units (临江市, 北京市朝阳区) or two to four characters
before 法院 in Chinese, a capitalised place word in English.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from functools import lru_cache

from .english_names import is_place, is_stop_name, is_word
from .patterns import HAN
from .text import Span
from .wordlists import words

# A place name never contains 我, 在, 是, 作为 …, so "我在深圳市…" starts the court at 深 (but 都
# may be part of one: 成都市, 首都).
_NOT_PLACE = (
    "我你他她它们的了着过是在住于到去从搬和与及或把被让给向对就也还要想请问说这那有个位为本人"
)
# 作 and 工 only as 作为 and 工作: 前海合作区 is a place.
# Nor a verb of moving to a court (我于[日期]调入广州市天河区人民法院): the place starts after it.
_ZH_PLACE = f"(?:(?![{_NOT_PLACE}]|作为|工作|调[入到任往]|来到|进入|回到|[就任供]职)[{HAN}])"
# A place: administrative units (省 市 区 县 …), each one to six characters and a unit. The run
# is atomic: 市 is both a place character and a unit, and "市市市…" must not be split every
# possible way before failing. 州 takes the unit after it (鄞州区, 泉州市): split there, the
# atomic run could not give 州 back to the place and would start the court at 州.
_ZH_UNIT_WORD = "(?:省|自治区|市|自治州|地区|盟|州[区市县]?|区|县|旗)"
_ZH_UNITS = rf"(?>(?:{_ZH_PLACE}{{1,6}}?{_ZH_UNIT_WORD}){{1,3}})"
_ZH_LEVEL = r"(?:第[一二三四五六七八九十]中级|高级|中级|基层)?"
# Specialised courts carry their kind between place and level (成都铁路运输中级法院, 上海金融法院,
# 大连海事法院): the kind itself says a place stands before it, units or not.
_ZH_SPECIAL = r"(?:铁路运输|海事|知识产权|金融|互联网|林区|农垦|军事|破产)"
_ZH_DIVISION = (
    r"(?:[民刑行][一二三四五六七八九十]?庭|民事审判第?[一二三四五六七八九十]庭|[一-龥]{2,6}?(?:审判)?庭"
    r"|立案庭|执行局|执行庭|审判监督庭|研究室|[一-龥]{2,4}人民法庭)"
)
# Right after the judge's own cue a court is often named by its place alone, without a unit
# (我是朝阳法院的, 我在浦东法院): the cue, not a character before it, says where the place starts.
_ZH_AFTER_OWN_CUE = (
    "(?:(?<=我是)|(?<=我在)|(?<=作为)|(?<=我们)|(?<=咱们)|(?<=调到)|(?<=来自)|(?<=就职于)"
    "|(?<=任职于)|(?<=供职于)|(?<=所在的)|(?<=调到了)|(?<=调入)|(?<=现在是)|(?<=现在在)|(?<=目前在)"
    "|(?<=目前是)|(?<=[在向于系从]))"
)
_ZH_COURT = re.compile(
    rf"(?P<court>(?<!调|来|进|回){_ZH_UNITS}{_ZH_LEVEL}(?:人民法院|法院|中院)"
    rf"|(?:(?<![{HAN}])|{_ZH_AFTER_OWN_CUE}){_ZH_PLACE}{{2,5}}?(?:人民法院|法院|人民法庭|法庭|中院|高院))"
    rf"(?P<division>{_ZH_DIVISION})?"
)
# 本院即成都铁路运输中级法院: a specialised court, after "namely" or "is" too; looked for only in
# a text that names such a kind of court.
_ZH_SPECIAL_RE = re.compile(_ZH_SPECIAL)
_ZH_SPECIAL_COURT = re.compile(
    rf"(?P<court>(?:(?<![{HAN}])|{_ZH_AFTER_OWN_CUE}|(?<=即)|(?<=是)){_ZH_PLACE}{{2,4}}?"
    rf"{_ZH_SPECIAL}{_ZH_LEVEL}(?:人民法院|法院|法庭))(?P<division>{_ZH_DIVISION})?"
)
# A division named on its own (我们民三庭, 本院立案庭, 我在民事审判第一庭工作, 我调到执行局): in a
# court of a few dozen judges it names the judge among a handful, so it goes when the clause
# says it is the judge's own; "刑二庭的法官一般……" speaks of divisions in general and stays.
# A numbered unit (第二审判庭, 第一巡回法庭, 第三合议庭) is one bench of a handful of judges.
_ZH_NUMBERED_UNIT = (
    r"第[一二三四五六七八九十]{1,3}(?:(?:民事|刑事|行政|商事)?审判庭|巡回法庭|人民法庭|派出法庭|法庭"
    r"|审判区|合议庭|执行局|执行庭)"
)
_ZH_DIVISION_ALONE = re.compile(
    rf"{_ZH_NUMBERED_UNIT}"
    # 综合审判一庭, 民事审判三庭: a kind of case, then a number without 第.
    r"|(?:综合|民事|刑事|行政|商事|家事|少年|知识产权|环境资源|金融|破产|涉外|海事|劳动争议|执行|速裁)"
    r"审判第?[一二三四五六七八九十]{1,2}庭"
    r"|[民刑行商][一二三四五六七八九十]{1,2}庭|审判第?[一二三四五六七八九十]{1,2}庭"
    r"|(?:民事|刑事|行政|商事|家事|少年|未成年人|知识产权|环境资源|金融|破产|涉外|海事|劳动争议"
    r"|审判监督|审监|执行裁判|速裁|立案|执行|刑|民|行政){1,2}(?:审判)?庭"
    r"|少年法庭|执行局"
)
# Chinese courts that are institutions, not a place: 最高人民法院, 基层法院, 各级法院 …
_ZH_GENERAL = re.compile(
    r"^(?:[省市县区](?:级|中级|高级|基层|人民|法)|最高|基层|上级|下级|各级|两级|三级|本级|同级|中级|高级|地方|专门|军事|海事|铁路|"
    r"林业|农垦|知识产权|金融|互联网|少年|人民|当地|外地|其他|哪个|哪家|这个|那个|这家|那家|"
    r"所在|我们|咱们|你们|他们|本院|我院|两家|各地|全国|一家|该)"
)
_EN_PLACE = r"(?:[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})"
_EN_TYPE = (
    r"(?i:county|district|circuit|municipal|superior|magistrates['’]?|crown|family|juvenile|"
    r"probate|city|regional|provincial|sheriff|justice|small claims|housing|traffic|police)"
)
# What may close a court's name (Ontario Superior Court of Justice), and the seat where it sits
# ("…, sitting in Thunder Bay"): part of the court, and as identifying.
_SEAT_WORDS = r",? (?:(?i:sitting|seated|sits) )?(?:in|at) "
_SEAT = rf"(?:{_SEAT_WORDS}(?P<seat>[A-Z][a-z'’\-]+(?: [A-Z][a-z'’\-]+)?))?"
_EN_COURT_OF_KIND = (
    r"(?: of (?:Justice|Appeals?|Session|First Instance|Queen['’]s Bench|King['’]s Bench"
    r"|Common Pleas|Judicature))?" + _SEAT
)
_EN_COURT = re.compile(
    rf"(?<![A-Za-z])(?P<court>{_EN_PLACE} (?:{_EN_TYPE} )?"
    r"(?:(?i:court)(?:house|s)?|(?:Justice|Judicial) Cent(?:re|er)|Law Courts))"
    rf"{_EN_COURT_OF_KIND}(?![A-Za-z])"
)
# A court named with its place after it: "the Court of Appeal of Alberta", "the Circuit Court
# for Montgomery County, Family Division", "the Superior Court of Fulton County".
_EN_COURT_OF = re.compile(
    rf"(?<![A-Za-z])(?:(?:{_EN_TYPE}|Supreme|High|Superior|Appeals?|Appellate|Labour|Labor) )?"
    r"(?i:court)(?: of (?:Appeals?|Justice|Session|First Instance|Common Pleas|Criminal Appeals))?"
    r" (?:for|of|in) (?:the )?(?P<place>[A-Z][a-z'’\-]+(?: [A-Z][a-z'’\-]+){0,2})"
    r"(?:, (?:[A-Z][a-z]+ ){1,2}Division)?"
    rf"{_SEAT}"
    r"(?![A-Za-z])"
)
# A court named the continental way, its place last: "Tribunal de grande instance de Lille",
# "Amtsgericht München", "Tribunale di Bologna", "Juzgado de lo Social de Sevilla".
# Capitalised words of a court's kind, never its place (Juzgado de Primera Instancia).
_FOREIGN_KINDS = (
    "Primera|Instancia|Instrucción|Prima|Istanza|Paz|Familia|Menores|Mercantil|Social|Penal"
    "|Civil|Comercio|Lavoro|Sorveglianza|Grande|Instance|Commerce|Appel|Judicial|Comarca"
)
_FOREIGN_COURT = re.compile(
    r"(?<![A-Za-z])(?i:Tribunal|Tribunale|Cour|Corte|Juzgado|Audiencia|Amtsgericht|Landgericht|"
    r"Oberlandesgericht|Arbeitsgericht|Verwaltungsgericht|Sozialgericht|Familiengericht|Rechtbank|"
    r"Gerechtshof|Kantonsgericht|Bezirksgericht|Tingsrätt|Tingrett|Byret|Landesgericht|"
    r"Oberlandesgerichts?|Finanzgericht|Tribunal Judicial)"
    rf"(?: (?:[a-zà-ÿ'’]+|n[º°o]\.? ?[0-9]{{1,3}}|{_FOREIGN_KINDS})){{0,6}}?"
    r" (?:(?:de|di|del|della|du|des|von|van|de la|de lo \w+ de|in|d['’]|da|do|(?i:da comarca de))"
    r" ?)?"
    rf"(?!(?:{_FOREIGN_KINDS})(?![a-z]))"
    r"(?P<place>[A-ZÀ-Þ][a-zà-ÿ'’\-]+(?: (?:am|an der|sur|upon)? ?[A-ZÀ-Þ][a-zà-ÿ'’\-]+)?)"
    r"(?![A-Za-z])"
)
# A chamber, senate or section of such a court, after it ("Landgericht Freiburg, 4.
# Zivilkammer", "Tribunal judiciaire de Nanterre, 3e chambre", "Tribunale di Milano, sezione II
# civile") or before it ("la 1re chambre civile du tribunal judiciaire de Lyon"): a handful of
# judges, whoever speaks of it.
_FOREIGN_UNIT = (
    r"(?:[0-9]{1,2}\. ?[A-ZÄÖÜ]?[a-zäöüß]*(?:kammer|senat|Kammer|Senat)"
    r"|[0-9]{1,2}(?:e|re|er|ème|ère|ᵉ) (?i:chambre)(?: [a-zé]+){0,2}"
    r"|(?i:chambre|sezione|sección|sala|secção|vara|juízo|kammer|senat) (?:[0-9]{1,2}|[IVX]{1,5})"
    r"(?:ª|º|a|e)?(?: (?:civile?|pénale|penale|commerciale|sociale|correctionnelle|de lo \w+))?"
    r"|[0-9]{1,2}[ªº] (?i:vara|secção|juízo|sala)(?: [A-Za-zé]+)?)"
)
_FOREIGN_UNIT_AFTER = re.compile(rf",? (?:{_FOREIGN_UNIT})(?![A-Za-z])")
_FOREIGN_UNIT_BEFORE = re.compile(
    rf"(?<![A-Za-z])(?:{_FOREIGN_UNIT})"
    r" (?:of the|du|de la|del|della|des|der|do|da|at the|in the) $"
)
# English courts that are institutions: the Supreme Court, the High Court, the Court of …
_EN_GENERAL_WORDS = frozenset(
    """
    The A An This That Our My His Her Their Your Any Every Each Some No Supreme High Higher
    Lower Appeal Appeals Appellate Constitutional International European National Federal State
    Trial Local Criminal Civil Family District County Circuit Municipal Superior Juvenile Crown
    Magistrates Probate Regional Provincial Commercial Administrative Labour Labor Tax Military
    Small Housing Traffic Police Specialist Special People's Peoples Moot Kangaroo Human Rights
    Justice Which What Whose Another Other Same New Old Big Small Chief If When As In At On Of
    For To From By I
    """.split()
)
_SENTENCE_END = re.compile(r"[.!?。！？\n;；]")
_CLAUSE_END = re.compile(r"[.!?。！？\n;；,，]")
_REACH = 300  # a sentence is looked for this far around the court, no further

# English: the judge is in the sentence, and the court is where someone is ("at", "in", "on"
# the court), or it is "my"/"our" court. "I read that the Hong Kong Court of Final Appeal
# ruled" names a court, not the judge's.
# … and the same in French, German, Spanish, Italian and Portuguese, for a judge who names
# the court in its own language ("Je siège au Tribunal judiciaire de …", "ich bin am …").
_EN_SUBJECT = re.compile(
    r"(?<![A-Za-z])(?:[Ii](?:['’](?:m|ve|d|ll))?|[Mm]e|[Mm]y|[Oo]ur|[Ww]e|[Mm]yself|[Aa]s an?"
    r"|(?i:je|j['’]|moi|mon|ma|notre|nous|ich|mein|meine|meiner|unser|unsere|wir|yo|mi|soy|"
    r"nuestro|nuestra|io|sono|il mio|la mia|eu|meu|minha|sou))"
    r"(?![A-Za-z'’])"
)
_EN_WHERE = re.compile(
    r"(?i:\b(?:at|in|on|of|to|for|from|with|over|into|before|joined|leave|left|lead|head|chair"
    r"|au|à|a la|à la|du|de la|am|beim|im|zum|vom|en|en el|en la|al|del|nel|presso|no|na|do|da)"
    r"(?: the| la| le| il| lo| el| der| die| dem| o| a)?)"
    # … and the first words of a long court's name ("in the Federal Circuit and Family Court …").
    r"(?: [A-Z][a-z]+(?: and)?){0,4} ?$"
)
# "I'm a magistrate judge, U.S. District Court for …": the court in apposition to the title.
_EN_TITLE_COMMA = re.compile(r"(?i:\b(?:judge|justice|magistrate|registrar|master|clerk)), $")
_EN_MINE = re.compile(
    r"(?i:\b(?:my|our|mon|ma|notre|mein|meine|meiner|unser|unsere|unserer|mi|nuestro|nuestra"
    r"|meu|minha|nosso|nossa))\b[^.!?;]{0,40}$"
)
# Chinese: the clause says where the judge is: 我在…, 我是…, 作为…, 本人…, 我们…, 我所在的…
_ZH_MINE = re.compile(
    r"我在|我是|我们|咱们|我所在|我就职|我任职|我供职|我调到|我来自|我院|本院|作为|本人"
    r"|我现在是|我现在在|我目前是|我目前在"
    # 我于[日期]调入…, 我去年调到…: the judge moved to the court.
    r"|我[^，。！？；,]{0,12}?(?:调[入到任往]了?|[就任供]职于|分配到|遴选到)$"
)
_ZH_WORKS_THERE = re.compile(r"^[^，。！？；,]{0,6}?(?:工作|任职|上班|就职|供职|任法官|当法官)")


@lru_cache(maxsize=8)
def _ends(text: str, ends: re.Pattern[str]) -> list[int]:
    """Where every sentence (or clause) of the text ends, found once per text: a text of many
    courts or units is then read once, not once for each of them."""
    return [m.start() for m in ends.finditer(text)]


def _around(text: str, start: int, end: int, ends: re.Pattern[str]) -> tuple[str, str]:
    """What comes before and after the court in its sentence (or clause)."""
    found = _ends(text, ends)
    before = bisect_left(found, start)
    left = max(found[before - 1] + 1 if before else 0, start - _REACH, 0)
    after = bisect_left(found, end)
    right = found[after] if after < len(found) else len(text)
    return text[left:start], text[end : min(right, end + _REACH, len(text))]


# "the Brookside Court where I sit", "… Court, in which I preside": the court is the judge's.
_EN_WHERE_I = re.compile(
    r"^,? (?:where|in which|at which|on which) (?:I|we) (?:now |currently |still )?"
    r"(?:sit|work|preside|serve|am|hear|was appointed|was sworn|have sat|have served)(?![A-Za-z])"
)


# "the newly appointed judge at the Fairview County Court", "the duty magistrate of Leeds
# Magistrates' Court": one judge of a named court, picked out by "the" and what they are there.
_EN_THE_JUDGE_AT = re.compile(
    r"(?i:\bthe (?:[a-z\-]+ ){0,3}(?:judge|magistrate|justice|registrar|sheriff|recorder)"
    r" (?:at|of|in|on)(?: the)? ?)$"
)


# Every reading of _en_own needs the judge in the sentence: a first-person word or a judge's title.
_EN_SPEAKER = re.compile(
    rf"{_EN_SUBJECT.pattern}|(?i:\b(?:my|our|mon|ma|notre|mein|meine|meiner|unser|unsere|unserer"
    r"|mi|nuestro|nuestra|meu|minha|nosso|nossa|judge|magistrate|justice|registrar|sheriff"
    r"|recorder)\b)"
)


@lru_cache(maxsize=8)
def _speakers(text: str) -> list[int]:
    """Where the text names the judge, found once per text (see _ends)."""
    return [m.start() for m in _EN_SPEAKER.finditer(text)]


def _en_own(text: str, start: int, end: int) -> bool:
    found = _ends(text, _SENTENCE_END)
    before = bisect_left(found, start)
    left = max(found[before - 1] + 1 if before else 0, start - _REACH, 0)
    after = bisect_left(found, end)
    right = min(found[after] if after < len(found) else len(text), end + _REACH)
    speakers = _speakers(text)
    if bisect_left(speakers, left) == bisect_left(speakers, right):
        return False
    before, after = _around(text, start, end, _SENTENCE_END)
    if _EN_MINE.search(before) or _EN_WHERE_I.match(after) or _EN_THE_JUDGE_AT.search(before):
        return True
    where = _EN_WHERE.search(before) or _EN_TITLE_COMMA.search(before)
    return bool(where and _EN_SUBJECT.search(before + " " + after))


# 我爱人的公司在杭州互联网法院有个案子: the court is where someone of the judge's is, in a clause
# of the judge's own.
_ZH_MINE_AT = re.compile(r"我[^在向于]{0,12}(?<![现存实正所])[在向于]$")
# 我从海淀法院调到了…: the court the judge moved from (not 我从…法院的网站上看到).
_ZH_MOVED_FROM = re.compile(r"我[^，。！？；,]{0,8}从$")
_ZH_MOVED_AFTER = re.compile(r"^[^，。！？；,]{0,4}?(?:调|来到|到了|转到|离开|辞职|退休|出来)")
# 老同学的公司在苏州工业园区人民法院有个合同纠纷: a clause that opens with someone of the judge's
# (我的 may go without saying) places the judge's own circle at that court.
FAMILY = sorted(words("zh_names", "family"), key=len, reverse=True)
_ZH_CIRCLE_AT = re.compile(
    rf"^(?:我的?|我们的?)?老?(?:同学|朋友|亲戚|家人|[哥姐弟妹]{{2}}|邻居|同事|{'|'.join(FAMILY)})"
    r"[^在向于，。]{0,12}(?<![现存实正所])[在向于]$"
)


def _zh_own(text: str, start: int, end: int) -> bool:
    before, after = _around(text, start, end, _CLAUSE_END)
    if _ZH_MINE.search(before) or _ZH_MINE_AT.search(before) or _ZH_CIRCLE_AT.search(before):
        return True
    if _ZH_MOVED_FROM.search(before) and _ZH_MOVED_AFTER.match(after):
        return True
    sentence_before, _ = _around(text, start, end, _SENTENCE_END)
    return bool(_ZH_WORKS_THERE.match(after) and "我" in sentence_before + after)


ZH_COURT_WORD = re.compile("法院|法庭|中院|高院")


# A division of a court named by its place (北京市朝阳区人民法院家事审判庭, 南京海事法院连云港法庭)
# names a handful of judges, whoever speaks of it: it goes, court and all, own or not.
# A numbered unit is one bench even in a court that is otherwise an institution:
# 最高人民法院第一巡回法庭 goes, 最高人民法院 stays.
_ZH_COURT_UNIT = re.compile(
    rf"(?P<court>{_ZH_UNITS}{_ZH_LEVEL}(?:人民法院|法院|中院)"
    rf"|{_ZH_PLACE}{{2,8}}?{_ZH_LEVEL}(?:人民法院|法院|中院|高院|法庭))"
    rf"(?P<division>(?P<numbered>{_ZH_NUMBERED_UNIT})|{_ZH_DIVISION_ALONE.pattern}"
    rf"|{_ZH_PLACE}{{2,4}}?(?:人民法庭|法庭))"
)


_ZH_TIME_LEAD = re.compile(
    "昨天|今天|前天|明天|去年|今年|前年|最近|上周|本周|下周|那天|当天|后来|当时|听说"
)


# What a text must hold for each finder to find anything (its Rule.needs in rules.py).
ZH_DIVISION_WORD = re.compile("庭|执行局")
ZH_OWN_CUE = re.compile("我|本|作为")
# … and the words, case-folded, of which one must be in the text: a court of any kind (court,
# tribunal, Cour, Amtsgericht …, a US district) for en_own_court; a court, a tribunal, a
# district or a German court for a unit of one (en_court_unit).
EN_COURT_WORDS = (
    "cour", "tribunal", "corte", "juzgado", "audiencia", "gericht", "rechtbank", "gerechtshof",
    "tingsrätt", "tingrett", "byret", "district", "circuit", "justice cent", "judicial cent",
)  # fmt: skip
EN_UNIT_WORDS = ("court", "tribunal", "justice cent", "district of", "gericht")


def zh_court_division(text: str) -> Iterator[Span]:
    for match in _ZH_COURT_UNIT.finditer(text):
        start = match.start()
        # 昨天深圳中院民一庭开会: a time word before the place is no part of it.
        lead = _ZH_TIME_LEAD.match(text, start)
        if lead:
            start = lead.end()
        general = _ZH_GENERAL.match(text[start : match.end()])
        # There is one Supreme People's Court: its numbered units name a handful of judges.
        if not general or (match.group("numbered") and general.group() == "最高"):
            yield start, match.end()


def zh_own_court(text: str) -> Iterator[Span]:
    special = _ZH_SPECIAL_COURT.finditer(text) if _ZH_SPECIAL_RE.search(text) else ()
    for match in (*_ZH_COURT.finditer(text), *special):
        court = match.group("court")
        if _ZH_GENERAL.match(court) or not _zh_own(text, match.start(), match.end()):
            continue
        yield match.span()


# The judge's cue stands close to their division (我们院行政庭, 本人现在在审判监督庭): it is looked
# for this far around it only, which keeps a text of nothing but divisions linear.
_DIVISION_REACH = 24


def _zh_own_division(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - _DIVISION_REACH) : start]
    ends = list(_CLAUSE_END.finditer(before))
    if ends:
        before = before[ends[-1].end() :]
    after = text[end : end + _DIVISION_REACH]
    cut = _CLAUSE_END.search(after)
    if cut:
        after = after[: cut.start()]
    if _ZH_MINE.search(before):
        return True
    return bool(_ZH_WORKS_THERE.match(after) and "我" in before + after)


def zh_own_division(text: str) -> Iterator[Span]:
    """The judge's own division, named without its court (a court named with it is already
    gone, division and all, by zh_own_court)."""
    for match in _ZH_DIVISION_ALONE.finditer(text):
        if _zh_own_division(text, match.start(), match.end()):
            yield match.span()


# Typed in lower case ("at westminster magistrates' court"): the place is a word that is no
# English word, before a kind of court.
_EN_COURT_LOWER = re.compile(
    rf"(?<![A-Za-z'’\-])(?P<place>[a-z][a-z'’\-]+) (?:{_EN_TYPE} )(?i:court)(?:house)?"
    r"(?: of (?:justice|appeals?|session|first instance|(?:queen|king)['’]s bench|common pleas))?"
    r"(?![A-Za-z])"
)


def _en_own_court_lower(text: str) -> Iterator[Span]:
    for match in _EN_COURT_LOWER.finditer(text):
        place = match.group("place")
        # A word that is no English word, or a place ("the ontario superior court").
        if len(place) < 4 or (is_word(place) and not is_place(place.capitalize())):
            continue
        if _en_own(text, match.start(), match.end()):
            yield match.span()


# A US federal district, written out or abbreviated (the Eastern District of Wisconsin, the
# E.D. Mich., S.D.N.Y.), with the court before it when it is named.
_US_DISTRICT_NAMED = (
    r"(?:(?:Eastern|Western|Northern|Southern|Middle|Central) )District of [A-Z][a-z]+"
    r"(?: [A-Z][a-z]+)?(?![A-Za-z])"
)
_US_DISTRICT = (
    rf"{_US_DISTRICT_NAMED}|District of [A-Z][a-z]+(?: [A-Z][a-z]+)?(?![A-Za-z])"
    r"|[ENSWMC]\.D\. ?(?:[A-Z][a-z]{1,5}\.|[A-Z]\.[A-Z]\.)"
)
_US_DISTRICT_COURT = re.compile(
    r"(?<![A-Za-z])(?:(?:U\.S\.|US|United States|Federal) )?(?:District|Bankruptcy) Court"
    rf"(?: (?:for|of) the (?:{_US_DISTRICT})| \((?:{_US_DISTRICT})\))"
    rf"|(?<![A-Za-z]){_US_DISTRICT_NAMED}"
)


# A US court of appeals, one of thirteen: "my appointment to the Ninth Circuit", "the Court of
# Appeals for the Fifth Circuit".
_US_CIRCUIT = re.compile(
    r"(?<![A-Za-z])(?:(?:U\.S\. )?Court of Appeals for the )?(?:First|Second|Third|Fourth|Fifth"
    r"|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|D\.C\.|Federal|[1-9](?:st|nd|rd|th)|1[01]th)"
    r" Circuit(?: Court of Appeals)?(?![A-Za-z])"
)
# A circuit is a court of many judges that every American lawyer cites: "my" somewhere in the
# sentence ("In my view, does the Ninth Circuit's rule …") is not enough. It is the judge's
# when "my/our" stands right before it, or a verb of sitting on it or being appointed to it.
_CIRCUIT_MINE = re.compile(
    r"(?i:\b(?:my|our) (?:own |home |old )?(?:the )?)$"
    r"|(?i:\b(?:sit|sits|sat|sitting|serve|serves|served|serving|preside|presides|presided"
    r"|appointed|appointment|nominated|nomination|confirmed|elevated|elevation|joined|joining"
    r"|clerk|clerked|clerking|transferred|moved)"
    r"(?: as an? (?:judge|justice)| (?:judge|justice))? (?:on|to|in|at|for|with)(?: the)? )$"
)


def _circuit_is_mine(match: re.Match[str]) -> bool:
    return bool(_CIRCUIT_MINE.search(match.string, max(0, match.start() - 60), match.start()))


# A unit of any court, even one that is an institution, in the judge's own sentence: "Sitting
# in the Immigration and Asylum Chamber of the First-tier Tribunal, I …", "Our Division 2 of
# the federal circuit and family court of australia": the unit names the judge among a few.
_EN_OWN_UNIT = re.compile(
    r"(?<![A-Za-z'’\-])(?:(?:[A-Z][a-z]+ (?:and |& )?){1,4}(?:Chamber|Division|List|Panel)"
    r"|(?i:division|panel|chamber|courtroom|part|department|dept\.?) [0-9]{1,3}[A-Z]?)"
    r" of the (?:[A-Za-z][A-Za-z'’\-]* ){0,6}?(?i:court|tribunal)"
    r"(?: of (?:[A-Z][a-z]+|(?-i:[a-z]+))(?: [A-Z][a-z]+)?)?(?![A-Za-z])"
)


# Courts taken whole when the sentence is the judge's own, each with what its match must hold
# to name a court and not an institution.
# A pattern is read only in a text holding its gate's word.
_OWN_WHOLE: list[tuple[re.Pattern[str], re.Pattern[str], Callable[[re.Match[str]], bool]]] = [
    (re.compile(r"District|\.D\."), _US_DISTRICT_COURT, lambda match: True),
    (re.compile("Circuit"), _US_CIRCUIT, _circuit_is_mine),
    (
        re.compile("(?i:chamber|division|list|panel|courtroom|part|dep)"),
        _EN_OWN_UNIT,
        lambda match: True,
    ),
    (
        re.compile("(?i:court)"),
        _EN_COURT_OF,
        lambda match: any(w not in _EN_GENERAL_WORDS for w in match.group("place").split()),
    ),
]


def _end(match: re.Match[str]) -> int:
    """Where a court ends: with its seat ("… in Parramatta"), unless the word after "in" or
    "at" is no place ("the Brookside Court in March")."""
    seat = match.groupdict().get("seat")
    if seat and is_stop_name(seat.split()[0]) and not is_place(seat.split()[0]):
        before = match.string[match.start() : match.start("seat")]
        cut = _SEAT_LEAD.search(before)
        return match.start() + cut.start() if cut else match.end()
    return match.end()


_SEAT_LEAD = re.compile(_SEAT_WORDS + "$")


def en_own_court(text: str) -> Iterator[Span]:
    yield from _en_own_court_lower(text)
    for gate, pattern, names_a_court in _OWN_WHOLE:
        if not gate.search(text):
            continue
        for match in pattern.finditer(text):
            if names_a_court(match) and _en_own(text, match.start(), _end(match)):
                yield match.start(), _end(match)
    for match in _FOREIGN_COURT.finditer(text):
        if match.group("place") in _EN_GENERAL_WORDS:
            continue
        start, end = match.span()
        after = _FOREIGN_UNIT_AFTER.match(text, end)
        before = _FOREIGN_UNIT_BEFORE.search(text, max(0, start - 60), start)
        if after or before:
            yield (before.start() if before else start), (after.end() if after else end)
        elif _en_own(text, start, end):
            yield start, end
    for match in _EN_COURT.finditer(text):
        words = match.group("court").split()
        place = [w for w in words[:-1] if w.lower() not in {"court", "courthouse"}]
        # The place words must name a place, not a kind of court ("the High Court").
        named = [w for w in place if w not in _EN_GENERAL_WORDS and w.capitalize() == w]
        if not named:
            continue
        start = match.start()
        # "the Supreme Court" is never narrowed to a place; "Fairview County Court" starts at
        # its first place word, and "Our Greenfield Municipal Court" keeps its "Our" to read.
        first = words[0]
        if first in _EN_GENERAL_WORDS:
            offset = match.group("court").find(named[0])
            start += offset
        if not _en_own(text, start, _end(match)):
            continue
        yield start, _end(match)


_UNIT_NOUNS = (
    "Part", "Division", "Section", "Chamber", "Department", "Dept.", "Courtroom", "Panel", "List",
    "Term",
)  # fmt: skip
# These name a part of a code or a rota as often as a bench ("Part 36 offers", "Section 230",
# "List 1 of the rota"): a bench only after the kind of cases it hears ("the Commercial Part 12").
_UNIT_NOUNS_AFTER_A_KIND = frozenset({"Part", "Section", "List", "Term", "Panel"})
# "Family Part 3 of the Rules", "Section 5 of the Act": a part of a text, not a bench.
_OF_A_TEXT = re.compile(
    r",? of (?:the |this |that )?(?:[A-Za-z'’\-]+ ){0,4}"
    r"(?i:code|codes|rules?|act|regulations?|statute|constitution|guidelines?|convention)(?![A-Za-z])"
)
# An English division the judge sits in ("I sit in the Chancery Division", "I'm in the family
# division of …"): named with a capital, or one of the usual kinds of division in any case.
_EN_DIVISION = re.compile(
    r"(?<![A-Za-z'’])(?P<division>(?:[A-Z][A-Za-z'’\-]+ ){1,3}Division"
    # A numbered part, section or courtroom, perhaps after the kind of cases it hears ("the
    # Commercial Part 12", "Family Section 3", "Courtroom 7B"): one judge's bench.
    rf"|(?:[A-Z][A-Za-z'’\-]+ ){{0,4}}(?:{'|'.join(map(re.escape, _UNIT_NOUNS))})"
    r" (?:[0-9]{1,3}[A-Z]?|[IVX]{1,5})(?![A-Za-z0-9])"
    r"|(?i:(?:family|chancery|criminal|civil|probate|commercial|juvenile|appellate|trial|"
    r"(?:king|queen)['’]?s bench|administrative|employment|tax|housing|domestic relations|"
    r"land|equity|felony|misdemeanou?r|traffic|general|law|appeals?) division))(?![A-Za-z])"
)
_EN_LEADING = frozenset("The A An This That Our My His Her Their Your In At On Of For I".split())


# What a text must hold for en_own_division to find anything (case-folded).
# The nouns of _EN_DIVISION; "division" also covers its kinds of division in any case.
EN_DIVISION_WORDS = tuple(noun.lower() for noun in _UNIT_NOUNS)


def en_own_division(text: str) -> Iterator[Span]:
    for match in _EN_DIVISION.finditer(text):
        start, words = match.start(), match.group("division").split(" ")
        while len(words) > 1 and words[0] in _EN_LEADING:
            start += len(words.pop(0)) + 1
        if (
            len(words) > 1
            and words[-2] in _UNIT_NOUNS_AFTER_A_KIND
            and (len(words) < 3 or _OF_A_TEXT.match(text, match.end()))
        ):
            continue
        if len(words) > 1 and _en_own(text, start, match.end()):
            yield start, match.end()


# A division, chamber, panel or numbered courtroom of a court named by its place ("the
# Criminal Division of the Nairobi High Court", "Panel B of the Cape Town Labour Court", "the
# tax chamber of the first-tier tribunal in birmingham") names a handful of judges, whoever
# speaks of it; a division of a court that is an institution ("the Civil Division of the Court
# of Appeal", "the Family Division of the High Court") stays.
_EN_ORDINAL = (
    r"[0-9]{1,2}(?:st|nd|rd|th)|(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
    r"|tenth|eleventh|twelfth)"
)
# "the 3rd Civil Chamber of the Court of Appeal of Lisbon", "3rd Chamber, Lisbon Administrative
# Court of Appeal", "Dept. 22 of the Eastbrook Superior Court": the unit, then the court after
# "of/at/in" or a comma, then perhaps its place after "of/in/at".
_EN_UNIT = re.compile(
    r"(?<![A-Za-z'’\-])(?P<unit>"
    rf"(?:(?:[A-Z][a-z'’\-]+|{_EN_ORDINAL}) ){{1,3}}"
    r"(?:Division|Chamber|Panel|List|Bench|Section|Senate|Department)"
    r"|(?:[a-z][a-z\-]+ ){1,2}(?:division|chamber|panel|list|section)"
    r"|(?i:panel|court|courtroom|chamber|room|bench|dept\.?|department|part|section|division)"
    r" (?:(?i:no\.?|number) )?(?:[0-9]{1,3}[A-Za-z]?|[A-Z])"
    r")(?: (?:of|at|in) (?:the )?|, (?:the )?)"
    r"(?P<court>(?:[A-Za-z][A-Za-z'’\-]* ){0,5}?"
    r"(?i:court|tribunal|justice cent(?:re|er)|law courts)"
    r"(?: of (?:Justice|Appeal|Appeals|Session|First Instance))?"
    r"|(?:Eastern|Western|Northern|Southern|Middle|Central) District of [A-Z][a-z]+"
    r"(?: [A-Z][a-z]+)?)"
    r"(?: (?:in|at|of) (?P<place>[A-Z][a-z'’\-]+(?: [A-Z][a-z'’\-]+){0,2}|[a-z][a-z'’\-]+))?"
    r"(?![A-Za-z])"
)
# Words of a court's name that say its kind, not its place.
_EN_KIND_WORDS = _EN_GENERAL_WORDS | frozenset(
    """
    Court Courts Tribunal Tribunals First-tier First-Tier Upper Tier Employment Immigration
    Asylum Lands Land Property Social Security Environment Environmental Mental Health Care
    Standards Pensions Regulatory General War Special Educational Needs Disability Competition
    Investigatory Powers Industrial Relations Workplace Fair Work Labour Labor Commercial
    Admiralty Chancery Patents Technology Construction Business Session Instance Justice
    Claims Sessions Quarter Coroner's Coroners Youth Children's Divorce Bankruptcy Insolvency
    Surrogate's Orphans' Water Mining Planning Rent Consumer Court's Senior Second Third First
    """.split()
)
_COURT_WORDS = frozenset("court tribunal of justice appeal appeals session first instance".split())
_EN_UNIT_LEADING = frozenset("the a an this that our my his her their your its".split())


def _named_place(words: list[str]) -> bool:
    for word in words:
        if word[0].isupper():
            if word not in _EN_KIND_WORDS:
                return True
        elif len(word) >= 4 and not is_word(word):
            return True
    return False


# "die 14. Zivilkammer des Landgerichts Köln", "the 3. Strafsenat of the Oberlandesgericht
# Celle": a chamber or senate of a German court named by its place.
_GERMAN_UNIT = re.compile(
    r"(?<![A-Za-z])(?:(?:[0-9]{1,2}|[IVX]{1,5})\. ?)?[A-ZÄÖÜ][a-zäöüß]*(?:kammer|senat)"
    r" (?:des|der|of the|at the) (?P<court>[A-ZÄÖÜ][a-zäöüß]*(?:gerichts?|gerichtshofs?))"
    r"(?P<place> [A-ZÄÖÜ][a-zäöüß\-]+)?(?![A-Za-z])"
)


def en_court_unit(text: str) -> Iterator[Span]:
    for match in _GERMAN_UNIT.finditer(text):
        # A federal court has no place: its senate alone names a handful of judges (der XII.
        # Zivilsenat des Bundesgerichtshofs).
        if match.group("place") or match.group("court").startswith("Bundes"):
            yield match.span()
    for match in _EN_UNIT.finditer(text):
        court = [w for w in match.group("court").split(" ") if w.casefold() not in _COURT_WORDS]
        place = match.group("place")
        if not _named_place(court) and not (place and _named_place(place.split(" "))):
            continue
        start, unit = match.start(), match.group("unit").split(" ")
        while len(unit) > 1 and unit[0].casefold() in _EN_UNIT_LEADING:
            start += len(unit.pop(0)) + 1
        yield start, match.end()


def forget_text() -> None:
    """Drop this module's caches of the texts it read: a judge's words must not outlive their
    redaction (rules.forget_text calls this; a cache added here is cleared here)."""
    _ends.cache_clear()
    _speakers.cache_clear()
