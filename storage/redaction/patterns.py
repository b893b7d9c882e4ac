r"""The regular-expression rules: identifiers with a recognisable shape or a cue word.

None of them can backtrack badly: they read the matching copy, in which every whitespace run
is one space (so "cue + spaces", the cubic case, is gone before any rule runs); every
repetition after a cue is bounded; runs where one character is both a part and an end (市 in
a place, a unit and a court) are atomic groups. The tests run each rule on generated worst
cases (cue words followed by thousands of spaces, digits, letters or punctuation) and bound
its CPU time.

A rule with a group "x" replaces only that group and keeps its cue ("电话", "Case No.",
"born on") as the judge typed it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .text import SENTINEL_CLASS
from .wordlists import words

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RE = re.compile(f"[{HAN}]")
# Characters that end a place or road name: a place name never contains 我, 住, 在 …, so the
# lazy place patterns below cannot swallow "我家住在" in front of "北京市".
_PLACE = (
    r"[^\W\d_我你他她它们的了着过是在住于到去从搬和与及或把被让给向对就也还要想请问说这那有个位"
    r"址]"
)
# … nor does one start with 家 or 老家 (我老家南京市…), though 家 may sit inside one (石家庄).
_PLACE_START = "(?!老?家)"
_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_D = "[0-9]"
# An ASCII word end: \b would see no boundary between 1 and 号 (both are \w).
_E = r"(?![A-Za-z0-9_])"

# --------------------------------------------------------------------------- regex rules

_URL_CHARS = r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]"
_URL_LAST = r"[A-Za-z0-9/_\-#=&%~+]"  # a URL does not end in the sentence's full stop
TLDS = (
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
    rf"(?i)(?<![A-Za-z0-9.@/_-])(?:{_DOMAIN_LABEL}\.)+(?:{TLDS})/(?:{_URL_CHARS}*{_URL_LAST})?"
)
_EMAIL = (
    rf"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@{_DOMAIN_LABEL}(?:\.{_DOMAIN_LABEL})*"
    r"\.[A-Za-z]{2,24}(?![A-Za-z0-9-])"
)
_NOT_AN_ACCOUNT = r"(?i:mentions?|everyone|here|channel|all|someone|username|handle)"
# An ASCII handle stops at the first non-ASCII character (@judge_li说 keeps 说); a Chinese
# nickname runs to the next space or punctuation, as on Weibo. "@我" / "@了" is a verb in
# Chinese ("mentioned me"), not an account.
_HANDLE = (
    # "@mentions", "@everyone": the feature or a group call, not an account.
    # Nor is an @ straight after a replacement: it was not a handle's start before it either
    # ("@0@0"), and redacting twice must change nothing more.
    rf"(?<![A-Za-z0-9._%+\-{SENTINEL_CLASS}])@(?!{_NOT_AN_ACCOUNT}(?![A-Za-z0-9_.\-]))"
    rf"(?:[A-Za-z0-9_]+(?:[.\-][A-Za-z0-9_]+)*"
    rf"|(?![我你他她它您们了的是在和与就都也还吗呢吧啊过])[{HAN}][{HAN}A-Za-z0-9_\-]*)"
)
# Reddit's u/name (or /u/name) is a person; r/name is a subreddit, a place anyone may name.
# A Discord tag, name#1234, is an account too.
_HANDLE_PREFIXED = (
    r"(?<![A-Za-z0-9_/])/?u/[A-Za-z0-9_\-]{3,20}(?![A-Za-z0-9_\-])"
    r"|(?<![A-Za-z0-9_.#])[A-Za-z0-9_.]{2,32}#[0-9]{4}(?![0-9])"
)
_ACCOUNT_ZH = (
    r"(?i)(?:微信号|微信id|vx号|v信号|wx号|抖音号|快手号|小红书号|微博id|b站id|qq号)"
    r"\s*(?:是|为|:)?\s*(?P<x>[A-Za-z][A-Za-z0-9_\-]{4,31})" + _E
)
# After a platform named in Chinese, or as judges write it to slip past a filter (薇信, V信, vx,
# 扣扣), an id that holds a digit or an underscore: 加我微信 lawyer2020, 抖音 fan_88.
# Case-folded; the gate of the rule reads the same tuple.
ZH_PLATFORM_WORDS = (
    "微信", "薇信", "威信", "徽信", "v信", "vx", "wx", "qq", "扣扣", "抖音", "快手", "小红书",
    "微博", "b站", "知乎", "钉钉",
)  # fmt: skip
# A Latin token (vx, wx, qq) stands alone: "wxPython3" is no WeChat id (an "id" may follow).
_ZH_PLATFORM = (
    "(?i:"
    + "|".join(
        rf"(?<![A-Za-z]){word}(?!(?!id)[A-Za-z])" if word.isascii() else word
        for word in ZH_PLATFORM_WORDS
    )
    + ")"
)
_ACCOUNT_ZH_PLATFORM = (
    rf"{_ZH_PLATFORM}(?i:号|id|账号|帐号)?\s*(?:是|为|:)?\s*"
    r"(?P<x>(?=[A-Za-z0-9_.\-]{0,31}[0-9_])[A-Za-z][A-Za-z0-9_.\-]{2,30}[A-Za-z0-9_])" + _E
)
# After ID/账号/昵称 and a colon, whatever runs to the next space or punctuation is the account,
# in Chinese characters too (微博ID：半杯咖啡的法官); not a question (账号：能实名吗？).
# … but not a role (昵称：法官，可以吗？) or what the question is about (账号：实名制的问题).
_ROLES_ZH = sorted(
    {*words("zh_names", "roles_before"), *words("zh_names", "roles_after")}, key=len, reverse=True
)
_ASKING_ZH = "问题|怎么|如何|是否|能否|可否|可以|要不要|规定|制度"
_ACCOUNT_ZH_COLON = (
    r"(?i:(?<![A-Za-z])id|账号|帐号|用户名|昵称|网名)\s*:\s*"
    rf"(?!(?:{'|'.join(_ROLES_ZH)})(?![{HAN}A-Za-z0-9_\-]))"
    rf"(?![{HAN}A-Za-z0-9_\-]{{0,22}}(?:{_ASKING_ZH}))"
    rf"(?P<x>[{HAN}A-Za-z0-9_\-]{{2,24}})(?<![吗呢吧么])(?![{HAN}A-Za-z0-9_\-]|\s?\?)"
)
# "我在知乎的ID是 judge_wang", "小红书账号：法官日常2023": after ID/账号/用户名/昵称 the account,
# when it has a Latin letter, a digit or an underscore ("我的账号是实名的" stays).
_ACCOUNT_ZH_NAMED = (
    r"(?i:(?<![A-Za-z])id|账号|帐号|用户名|昵称|网名)\s*(?:是|为|叫|:)\s*"
    # An id that starts in Latin letters or digits ends with them (ID是law_fan2023的人天天私信我:
    # the account is the id, not the sentence after it).
    r"(?P<x>(?=[A-Za-z0-9_\-]{0,23}[A-Za-z0-9_])[A-Za-z0-9_\-]{2,24}(?![A-Za-z0-9_\-])"
    rf"|(?=[{HAN}A-Za-z0-9_\-]{{0,24}}[A-Za-z0-9_])[{HAN}][{HAN}A-Za-z0-9_\-]{{1,23}})"
    r"(?![A-Za-z0-9_\-])"
)
# English cues are ordinary words ("handle this", "my Instagram is private"), so the id must
# look like one: a digit or an underscore in it.
_EN_PLATFORM = (
    r"(?:wechat|weixin|telegram|instagram|insta|twitter|tiktok|snapchat|signal|reddit|discord|"
    r"skype|threads|bluesky|mastodon|kik|weibo|facebook|linkedin|youtube|twitch|github)"
)
_EN_ID = r"(?P<x>(?=[A-Za-z0-9_.\-]{0,31}[0-9_])[A-Za-z][A-Za-z0-9_.\-]{2,30}[A-Za-z0-9_])" + _E
_ACCOUNT_EN = (
    r"(?i)(?<![A-Za-z])(?:username|user\s+name|user\s+id|screen\s+name|nickname|handle|account|"
    rf"profile|channel|{_EN_PLATFORM}(?:\s+(?:id|handle|account|username|user\s+name|name))?)"
    r"(?:\s+(?:is|was|called|named))?\s*:?\s*" + _EN_ID
)
# "I post as benchwarmer42", "he goes by law_guy": an id after a verb of calling oneself.
_ACCOUNT_EN_AS = (
    r"(?i)(?<![A-Za-z])(?:(?:post|comment|tweet|writ)(?:s|ed|ing|e|es)?\s+as|go(?:es)?\s+by|"
    r"going\s+by|went\s+by|known\s+(?:online\s+)?as|under\s+the\s+name)\s+" + _EN_ID
)
# After "my username is" any single word is the id ("my username is quietgavel"), unless it
# describes the name rather than being one ("my username is private").
_NOT_AN_ID = (
    r"(?:my|your|his|her|their|our|the|a|an|not|no|private|public|same|different|just|only|"
    r"also|still|now|visible|anonymous|real|fake|hidden|based|shown|taken|short|long|simple|"
    r"unique|obvious|similar|identical|available|displayed|part|made|easy|hard|what|that|this|"
    r"something|random|generic|neutral|unrelated|linked|tied|connected|derived|related|there|"
    r"too|very|quite|clearly|already|case|changed|known|searchable|pseudonymous)"
)
# The word must also end the clause ("quietgavel and I comment …"): "my handle is literally
# my full name" goes on, and stays.
_ACCOUNT_EN_NAMED = (
    r"(?i)(?<![A-Za-z])(?:username|user\s+name|screen\s+name|nickname|handle|account\s+name)"
    r"\s+(?:is|was)\s*:?\s*"
    rf"(?P<x>(?!{_NOT_AN_ID}(?![A-Za-z0-9_]))"
    r"[A-Za-z][A-Za-z0-9_.\-]{2,30}[A-Za-z0-9_])" + _E + r"(?=[ ]?(?:[,.;:!?)\n]|$|"
    r"(?:and|but|on|at|in|for|so|which|because|if|though|although|since)(?![A-Za-z])))"
)
# Any name in quotes after a word for an account name: 网名叫“法海无边”, 昵称是「半杯咖啡」,
# 'my handle is "Quiet Gavel"'.
# … or after a word for someone online (网友“江南小雨”, 博主「半杯咖啡」).
# An English cue is an ordinary word ("How should I handle 'vexatious' litigants"): the name
# needs is/was/called/: before its quote. A straight ' is also an apostrophe ("My handle's
# been copied and it's now …"): it opens and closes a quotation only beside no letter.
_ACCOUNT_QUOTED = (
    r"(?:(?i:网名|昵称|微信名|用户名|账号名|账号|帐号|博主|主播|up主)(?:\s*(?:叫做?|是|为|名为|:))?"
    r"|(?i:(?<![A-Za-z])id|username|user\s+name|screen\s+name|nickname|handle|account\s+name)"
    r"\s*(?i:is|was|called|named|叫做?|是|为|:))\s*"
    r"(?:[\"“「『‘]|(?<![A-Za-z])')(?P<x>[^\"”」』’'\n]{1,30})(?:[\"”」』’]|'(?![A-Za-z]))"
    # After 网友 or 用户 a quotation may be what they said (怼了一个网友“你这…”): a name there
    # is short and holds no pronoun, particle or punctuation.
    r"|(?:网友|用户)[\"“「『](?P<y>[^\"”」』\s,.!?:;，。！？、你我他她这那就别吗呢吧了的是不]{2,8})"
    r"[\"”」』]"
)
# A lower-case word joined by underscores and holding a digit (judge_li88, wxid_7k2) is an
# account name, not prose; without a digit it may be a setting or an id of Amicus's own
# (friend_request), so it needs a cue.
_UNDERSCORED = (
    r"(?<![A-Za-z0-9_.@\-])(?=[A-Za-z0-9_]*[0-9])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![A-Za-z0-9_])"
)
# Without a digit, a word joined by underscores is an account when it is what someone posts
# "as", or it stands "on Reddit": "he posts as gavel_watcher", "gavel_watcher on Reddit".
_UNDERSCORED_WORD = r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![A-Za-z0-9_])"
_UNDERSCORED_AS = (
    r"(?i:(?<![A-Za-z])(?:as|called|named|by)\s+)(?P<x>(?<![A-Za-z0-9_.@\-])"
    + _UNDERSCORED_WORD
    + ")"
)
_UNDERSCORED_ON = (
    r"(?<![A-Za-z0-9_.@\-])" + _UNDERSCORED_WORD + rf"(?=\s+(?i:on|at)\s+{_EN_PLATFORM})"
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
    r"(?i)(?<![A-Za-z])(?:case|docket|claim|index|file|matter)\s*(?:no\.?|number|num\.?|#)"
    # "the docket number is CV 2022-004512": a court's code may stand before the number.
    r"(?:\s+(?:is|was))?\s*:?\s*"
    r"(?P<x>(?-i:[A-Z]{1,4} )?[A-Za-z0-9][A-Za-z0-9:/.\-]{0,40}?[0-9][A-Za-z0-9:/\-]{0,40})"
)

_DATE8 = r"(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])"
_ID_18 = rf"(?<![0-9])[1-9][0-9]{{5}}[ -]?{_DATE8}[ -]?[0-9]{{3}}[0-9Xx](?![0-9])"
_ID_15 = r"(?<![0-9])[1-9][0-9]{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}(?![0-9])"
_ID_MASKED = r"(?<![0-9])[1-9][0-9]{5}[*Xx]{8}[0-9]{3}[0-9Xx](?![0-9])"

# Four groups of four could also be a list of years ("2019 2020 2021 2022").
# A UK National Insurance number: two letters (QQ in examples), three pairs of digits, a
# letter A-D.
_NINO = (
    r"(?<![A-Za-z0-9])[A-Z]{2} ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D]"
    r"(?![A-Za-z0-9])"
)
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

# A UK plate of the current format (LB07 SEO) is distinctive enough without a cue.
_PLATE_UK = r"(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2} ?[A-Z]{3}(?![A-Za-z0-9])"
# Digits typed one by one to slip past a filter: "0 7 7 0 0 9 0 0 1 2 3", "1.3.8.1.2…", and
# the same in Chinese number words (幺三八幺二三四五六七八).
_DIGITS_SPACED = r"(?<![0-9])[0-9](?:[ .\-][0-9]){6,}(?![0-9])"
# … or in groups set off by a spaced dash (0 7 9 1 1 - 1 2 3 - 4 5 6), seven digits at least.
_DIGITS_SPACED_GROUPS = (
    r"(?<![0-9])(?=(?:[0-9][ \-]+){6}[0-9])[0-9](?: [0-9])+(?: - [0-9](?: [0-9])+){1,3}(?![0-9])"
)
# Chinese numerals, perhaps mixed with digits (1 3 9 一 二 三 四 5 6 7 8): one of them at least.
# … and the financial numerals (壹叁捌…), written to slip past a filter.
ZH_NUMERAL = "〇零幺一二三四五六七八九壹贰叁肆伍陆柒捌玖"
_DIGITS_ZH = (
    rf"(?<![0-9])(?=(?:[0-9] ?){{0,16}}[{ZH_NUMERAL}])"
    rf"[{ZH_NUMERAL}0-9](?: ?[{ZH_NUMERAL}0-9]){{6,}}(?![0-9])"
)
_PLATE_ZH = (
    rf"(?<![A-Za-z0-9])[{_PROVINCES}使领][A-Za-z][·•・.\- ]?"
    r"(?=[A-Za-z0-9]{0,5}[0-9])[A-Za-z0-9]{5,6}[挂学警港澳领试超]?(?![A-Za-z0-9])"
)
# Western plates look like any code, so they are taken only after a plate/registration cue.
_PLATE_EN = (
    r"(?i:(?:licen[cs]e|number|registration|reg\.?|car|vehicle)\s+plates?"
    r"(?:\s+(?:number|no\.?))?|plates?\s+(?:number|no\.?)|licen[cs]e\s+(?:number|no\.?)|"
    r"registration(?:\s+(?:number|no\.?|mark))?|reg\.?(?:\s+(?:number|no\.?))?|plates?|licen[cs]e|"
    r"tag\s+(?:number|no\.?))"
    r"(?:\s+(?:is|was|reads|reading|of))?\s*[:#,]?\s*['\"‘“]?"
    r"(?P<x>(?=[A-Z0-9 \-]{0,35}[0-9])(?=[A-Z0-9 \-]{0,35}[A-Z])"
    r"[A-Z0-9]{1,8}(?:[ \-][A-Z0-9]{1,8}){0,3})" + _E
)

_ZH_DATE = (
    r"(?:(?:19|20)[0-9]{2}\s*年\s*(?:1[0-2]|0?[1-9])(?![0-9])\s*月(?:\s*(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])\s*[日号])?"
    r"|(?:1[0-2]|0?[1-9])(?![0-9])\s*月\s*(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])\s*[日号]?"
    r"|(?:19|20)[0-9]{2}[\-/.](?:1[0-2]|0?[1-9])(?![0-9])[\-/.](?:3[01]|[12][0-9]|0?[1-9])(?![0-9])"
    r"|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}[日号])?"
    # 五月三日, 十二月二十号: month and day in numerals, the year left out.
    r"|[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}[日号])"
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
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])(?:st|nd|rd|th)?"
_EN_DATE = (
    rf"(?:{_DAY}\s+(?:of\s+)?{_MONTH},?(?:\s+(?:19|20)[0-9]{{2}})?"
    rf"|{_MONTH}\s+{_DAY}(?:,?\s+(?:19|20)[0-9]{{2}})?(?![0-9])"
    rf"|{_MONTH},?\s+(?:19|20)[0-9]{{2}}"
    r"|(?:19|20)[0-9]{2}-[0-9]{1,2}-[0-9]{1,2}"
    r"|[0-9]{1,2}[/.\-][0-9]{1,2}[/.\-](?:19|20)?[0-9]{2})(?![0-9])"
)
_DOB_EN = (
    r"(?i)(?<![A-Za-z])(?:born(?:\s+(?:on|in))?|date\s+of\s+birth|d\.?o\.?b\.?|birth\s*date|birthday)"
    # "DOB: 12/03/1975", "DOB (12/03/1975)", "date of birth - 3 May 1975".
    # "My birthday, the 4th of June, is …": set off by commas.
    rf"(?:\s+(?:is|was))?\s*[:(\-,]?\s*(?:the\s+)?(?P<x>{_EN_DATE})"
)

# 小区, 社区, 园区 … are not districts.
_ZH_ADMIN = (
    rf"{_PLACE_START}{_PLACE}{{1,8}}?"
    r"(?:省|自治区|特别行政区|市|自治州|州|地区|盟|县|(?<![小社园景校辖片营])区|旗|镇|乡|街道)"
)
_ZH_ROAD = (
    rf"{_PLACE_START}{_PLACE}{{1,10}}?(?:大道|大街|路|街|巷|胡同|弄|道)"
    r"(?:[东西南北中一二三四五六七八九十]段)?"
)
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
    rf"(?>(?:{_ZH_ADMIN}){{0,4}})(?:{_ZH_ROAD}\s?{_ZH_DOOR}(?:{_ZH_ESTATE})?{_ZH_UNIT}*{_ZH_FLAT}"
    rf"|{_ZH_ESTATE}\s?{_ZH_UNIT}+{_ZH_FLAT})"
    # 朝阳区建外SOHO 5号楼: a district, any building name, then a residential unit.
    rf"|(?>(?:{_ZH_ADMIN}){{1,4}}){_PLACE}{{0,12}}?\s?{_ZH_HOME_UNIT}+{_ZH_FLAT}"
)
# A rural home: a town or township, its village, perhaps the village's group or team
# (城关镇王庄村三组, 石桥乡李家村): a village of a named town is a few hundred households.
# Its own rule, read only in a text that names a village (rules.py).
ADDRESS_ZH_RURAL = re.compile(
    rf"(?>(?:{_ZH_ADMIN}){{1,4}})(?<=[镇乡]){_PLACE}{{1,6}}?村"
    r"(?:[0-9一二三四五六七八九十]{1,3}(?:组|队|社|屯))?"
)
# After 住址/家住, whatever names a street, a number or a building is the address.
_ADDRESS_ZH_CUED = (
    r"(?:家庭住址|住址|家住(?!址)|现住)(?:是|为|在)?:?\s*"
    r"(?P<x>(?!哪|什么|啥|那|这|附近|隔壁|对面|同一)(?=[^\s,。;!?]{0,40}?(?:[0-9]|路|街|弄|巷|村))"
    rf"[^\s,。;!?、{SENTINEL_CLASS}]{{2,40}})"
)
_STREET_SUFFIX = (
    r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Boulevard|Blvd|Drive|Dr|Place|Pl|Way|Terrace|"
    r"Crescent|Close|Square|Sq|Highway|Hwy|Parkway|Pkwy|Gardens|Grove|Mews|"
    r"street|road|avenue|lane|boulevard|drive)"
)
# A street word is capitalised or an ordinal (310 West 86th Street).
_STREET_WORD = r"(?:[A-Z][A-Za-z'’.\-]{0,30}|[0-9]{1,3}(?:st|nd|rd|th))\s+"
_ADDRESS_EN = (
    r"(?<![A-Za-z0-9])(?:(?:Flat|Apartment|Apt\.?|Unit|Suite|Room)\s+[0-9A-Z]{1,5},?\s+)?"
    rf"(?:[0-9]{{1,4}}/)?[0-9]{{1,5}}[A-Za-z]?(?:-[0-9]{{1,5}})?\s+(?:{_STREET_WORD}){{1,4}}?"
    rf"{_STREET_SUFFIX}(?:\.(?=,))?(?![A-Za-z])(?:\s+(?:NW|NE|SW|SE|N|S|E|W)(?![A-Za-z]))?"
    r"(?:,?\s+(?:Apt\.?|Apartment|Unit|Suite|Flat|#)\s*[0-9A-Z]{1,5}(?![A-Za-z0-9]))?"
)
# Typed all in lower case ("apt 12, 450 harbour road"): the street words must be words, not
# "5 miles down the road", so no function word may stand among them.
_LOW_STREET_WORD = (
    r"(?!(?:the|a|an|of|on|in|at|to|down|up|along|across|my|his|her|our|their|this|that|"
    r"miles?|km|minutes?|blocks?|metres?|meters?|yards?|and|or|by|from)(?![a-z]))[a-z][a-z'’\-]{1,30}"
)
_ADDRESS_EN_LOWER = (
    r"(?<![A-Za-z0-9])[0-9]{1,5}[a-z]?\s+(?:" + _LOW_STREET_WORD + r"\s+){1,3}?"
    r"(?:street|road|avenue|lane|boulevard|drive|terrace|crescent)"
    r"(?![A-Za-z])"
)
# "Plot 45, Ntinda Road": a plot, lot, stand or house number before a street without one.
_ADDRESS_EN_PLOT = (
    r"(?<![A-Za-z0-9])(?:Plot|Lot|Stand|Erf|House|Block|Flat|Apartment|Apt\.?|Unit|Suite)\s+"
    rf"[0-9]{{1,5}}[A-Za-z]?,?\s+(?:{_STREET_WORD}){{1,4}}?{_STREET_SUFFIX}(?![A-Za-z])"
)
_PO_BOX = r"(?i)(?<![A-Za-z])P\.?\s?O\.?\s+Box\s+[0-9]+"
_UK_POSTCODE = r"(?<![A-Za-z0-9])[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}(?![A-Za-z0-9])"
# After "postcode", a UK postcode typed in any case ("post code: g12 8qq").
_UK_POSTCODE_CUED = (
    r"(?i:(?<![A-Za-z])post ?code\s*(?:is|was)?\s*:?\s*)"
    r"(?P<x>(?i:[a-z]{1,2}[0-9][a-z0-9]? ?[0-9][a-z]{2}))(?![A-Za-z0-9])"
)
# After "address:" or "I live at", a number and what follows it to the clause's end is the
# address, in any language's street words ("Address: 12 rue de la Paix, Paris").
_ADDRESS_EN_CUED = (
    r"(?i:(?<![A-Za-z])(?:(?:home\s+|postal\s+|street\s+)?address(?:\s+(?:is|was))?\s*:?|"
    r"(?:live|lives|living|lived)\s+at)\s+)"
    # A capital in it: "lived at 5 different homes" is no address.
    r"(?P<x>(?=[^\n.;!?()]{0,66}?[A-Z])"
    r"[0-9]{1,5}[A-Za-z]?,?\s+[^\W\d_][^\n.;!?()]{1,60}?)(?=\s*(?:[\n.;!?()]|$))"
)

# Self-identifying court details: being "the only …" somewhere names the judge.
# Atomic: the first place unit found is the one (市 is both a place character and a unit).
_ZH_PLACE_UNIT = rf"(?>{_PLACE}{{1,10}}?(?:省|市|县|区|州|旗|盟|镇|乡|岛|村))"
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
# "mr. kowalski", "MS. OKAFOR": the word after an honorific is a name in any case (the
# capitalised ones are gone by now, taken with their given names by the name finders).
# Case-folded; the gate of the rule reads the same tuple.
TITLE_WORDS = ("mr", "mrs", "ms", "mx", "dr", "prof")
_TITLE_NAME = (
    rf"(?<![A-Za-z])(?i:{'|'.join(TITLE_WORDS)})(?:\.\s*|\s+)"
    r"(?P<x>(?!(?i:justice|president|speaker|chairman|chair|chief|and|or|the|a|an)(?![A-Za-z]))"
    r"[A-Za-z][a-z'’\-]{1,30}|[A-Z][A-Z'’\-]{1,30})(?![A-Za-z])"
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
    rf"(?:[A-Z][\w'’\-]{{0,30}}(?:\s+[A-Z][\w'’\-]{{0,30}}){{0,4}}(?:\s+{_PLACE_NOUN})?|{_PLACE_NOUN})"
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
RULES: list[tuple[str, re.Pattern[str], str]] = [
    ("url-scheme", re.compile(_URL_SCHEME), "url"),
    ("url-www", re.compile(_URL_WWW), "url"),
    ("url-bare", re.compile(_URL_BARE), "url"),
    ("email", re.compile(_EMAIL), "email"),
    ("handle", re.compile(_HANDLE), "handle"),
    ("handle-prefixed", re.compile(_HANDLE_PREFIXED), "handle"),
    ("account-zh", re.compile(_ACCOUNT_ZH), "handle"),
    ("account-zh-named", re.compile(_ACCOUNT_ZH_NAMED), "handle"),
    ("account-zh-platform", re.compile(_ACCOUNT_ZH_PLATFORM), "handle"),
    ("account-zh-colon", re.compile(_ACCOUNT_ZH_COLON), "handle"),
    ("account-en", re.compile(_ACCOUNT_EN), "handle"),
    ("account-en-as", re.compile(_ACCOUNT_EN_AS), "handle"),
    ("account-en-named", re.compile(_ACCOUNT_EN_NAMED), "handle"),
    ("account-quoted", re.compile(_ACCOUNT_QUOTED), "handle"),
    ("underscored", re.compile(_UNDERSCORED), "handle"),
    ("underscored-as", re.compile(_UNDERSCORED_AS), "handle"),
    ("underscored-on", re.compile(_UNDERSCORED_ON), "handle"),
    ("case-zh", re.compile(_CASE_ZH_BRACKET), "caseno"),
    ("case-zh-bare", re.compile(_CASE_ZH_BARE), "caseno"),
    ("case-en-federal", re.compile(_CASE_EN_FEDERAL), "caseno"),
    ("case-en-short", re.compile(_CASE_EN_SHORT), "caseno"),
    ("case-en-neutral", re.compile(_CASE_EN_NEUTRAL), "caseno"),
    ("case-en-labelled", re.compile(_CASE_EN_LABELLED), "caseno"),
    ("id-18", re.compile(_ID_18), "idno"),
    ("id-15", re.compile(_ID_15), "idno"),
    ("id-masked", re.compile(_ID_MASKED), "idno"),
    ("nino", re.compile(_NINO), "idno"),
    ("card-grouped", re.compile(_CARD_GROUPED), "card"),
    ("card-plain", re.compile(_CARD_PLAIN), "card"),
    ("phone-cn-mobile", re.compile(_PHONE_CN_MOBILE), "phone"),
    ("phone-intl", re.compile(_PHONE_INTL), "phone"),
    ("phone-cn-landline", re.compile(_PHONE_CN_LANDLINE), "phone"),
    ("phone-uk-mobile", re.compile(_PHONE_UK_MOBILE), "phone"),
    ("phone-us", re.compile(_PHONE_US), "phone"),
    ("phone-cued", re.compile(_PHONE_CUED), "phone"),
    ("digits-spaced", re.compile(_DIGITS_SPACED), "phone"),
    ("digits-spaced-groups", re.compile(_DIGITS_SPACED_GROUPS), "phone"),
    ("digits-zh", re.compile(_DIGITS_ZH), "phone"),
    ("plate-zh", re.compile(_PLATE_ZH), "plate"),
    ("plate-uk", re.compile(_PLATE_UK), "plate"),
    ("plate-en", re.compile(_PLATE_EN), "plate"),
    ("dob-zh-before", re.compile(_DOB_ZH_BEFORE), "dob"),
    ("dob-zh-after", re.compile(_DOB_ZH_AFTER), "dob"),
    ("dob-en", re.compile(_DOB_EN), "dob"),
    ("address-zh", re.compile(_ADDRESS_ZH), "address"),
    ("address-zh-cued", re.compile(_ADDRESS_ZH_CUED), "address"),
    ("address-en", re.compile(_ADDRESS_EN), "address"),
    ("address-en-lower", re.compile(_ADDRESS_EN_LOWER), "address"),
    ("address-en-plot", re.compile(_ADDRESS_EN_PLOT), "address"),
    ("po-box", re.compile(_PO_BOX), "address"),
    ("uk-postcode", re.compile(_UK_POSTCODE), "address"),
    ("uk-postcode-cued", re.compile(_UK_POSTCODE_CUED), "address"),
    ("address-en-cued", re.compile(_ADDRESS_EN_CUED), "address"),
    ("court-zh", re.compile(_COURT_ZH), "court"),
    ("court-en-place", re.compile(_COURT_EN_PLACE), "court"),
    ("court-en-self", re.compile(_COURT_EN_SELF), "court"),
    ("number", re.compile(_NUMBER), "number"),
]


def regex_spans(pattern: re.Pattern[str], text: str) -> Iterator[tuple[int, int]]:
    group = "x" if "x" in pattern.groupindex else 0
    # A pattern of two readings keeps its second's part as "y".
    other = "y" if "y" in pattern.groupindex else None
    for match in pattern.finditer(text):
        if match.group(group):
            yield match.span(group)
        elif other and match.group(other):
            yield match.span(other)


# Run after the name finders (rules.py), not with the regex rules above.
TITLE_NAME = re.compile(_TITLE_NAME)
