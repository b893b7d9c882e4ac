"""The anonymiser (storage.redaction): a table of real-looking questions, then properties.

The table (tests/data/redaction_cases.yaml) pins the exact text the question log keeps and
reports two figures: the share of identifier occurrences removed and the share of clean
questions changed. The properties check that generated identifiers of every kind, in
sentences of both languages, never survive; that guideline numbers, years and amounts do;
and that redaction is idempotent and total.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
import time
import tomllib
from collections import Counter
from pathlib import Path

import fastyaml
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from redacting import folded

from storage import redaction
from storage.redaction import COMMON_WORDS, PLACEHOLDERS, redact

CASES_FILE = Path(__file__).parent / "data" / "redaction_cases.yaml"
CASES: list[dict] = fastyaml.load(CASES_FILE.read_text(encoding="utf-8"))["cases"]
CLEAN = [case for case in CASES if not case.get("identifiers")]

MIN_REMOVED = 0.98  # share of identifier occurrences that must be gone
MAX_CHANGED = 0.05  # share of clean questions that may come back altered

PROPERTY = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def category(case: dict) -> str:
    return case["id"].rsplit("-", 1)[0]


def expected(case: dict) -> str:
    return case.get("expect", case["text"])


def survivors(case: dict, output: str) -> list[str]:
    return [raw for raw in case.get("identifiers", []) if raw in output]


# --------------------------------------------------------------------------- the table


def test_table_is_big_and_covers_every_category():
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids)), "case ids must be unique"
    assert len(CASES) >= 120
    assert len(CLEAN) >= 30
    counts = Counter(category(case) for case in CASES)
    wanted = {
        "name-zh", "name-en", "phone", "email", "handle", "url", "idno", "caseno", "plate",
        "card", "address", "dob", "court", "number", "clean-zh", "clean-en",
    }  # fmt: skip
    assert wanted <= set(counts), f"missing categories: {wanted - set(counts)}"
    # Every identifier category is written in both languages.
    for name in wanted - {"name-zh", "name-en", "clean-zh", "clean-en"}:
        texts = [case["text"] for case in CASES if category(case) == name]
        assert any(re.search("[\u4e00-\u9fff]", text) for text in texts), f"{name}: no Chinese"
        assert any(not re.search("[\u4e00-\u9fff]", text) for text in texts), f"{name}: no English"
    for case in CASES:
        for raw in case.get("identifiers", []):
            assert raw in case["text"], f"{case['id']}: {raw!r} is not in the text"
        if not case.get("identifiers"):
            assert expected(case) == case["text"], f"{case['id']}: a clean case must not change"


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_case(case):
    output = redact(case["text"])
    assert not survivors(case, output), f"identifiers survived: {survivors(case, output)}"
    assert output == expected(case)


def test_table_figures(capsys):
    occurrences = removed = 0
    by_category: Counter[str] = Counter()
    for case in CASES:
        by_category[category(case)] += 1
        output = redact(case["text"])
        for raw in case.get("identifiers", []):
            occurrences += 1
            removed += raw not in output
    changed = sum(redact(case["text"]) != case["text"] for case in CLEAN)
    removed_share = removed / occurrences
    changed_share = changed / len(CLEAN)
    with capsys.disabled():
        print(
            f"\nanonymiser: {removed}/{occurrences} identifiers removed ({removed_share:.1%}); "
            f"{changed}/{len(CLEAN)} clean texts changed ({changed_share:.1%}); "
            f"{len(CASES)} cases: "
            + ", ".join(f"{name} {count}" for name, count in sorted(by_category.items()))
        )
    assert removed_share >= MIN_REMOVED
    assert changed_share <= MAX_CHANGED


def test_table_outputs_are_fixed_points():
    for case in CASES:
        assert redact(expected(case)) == expected(case), case["id"]


def test_independent_judge_questions_mostly_come_back_unchanged(capsys):
    """The router's held-out questions were written by others, without identifiers in mind."""
    holdout = Path(__file__).parent / "data" / "router_holdout.yaml"
    if not holdout.exists():
        pytest.skip("tests/data/router_holdout.yaml is not there")
    texts = [q["text"] for q in fastyaml.load(holdout.read_text(encoding="utf-8"))["questions"]]
    changed = [text for text in texts if redact(text) != text]
    with capsys.disabled():
        print(f"\nanonymiser: {len(changed)}/{len(texts)} held-out router questions changed")
    assert len(changed) / len(texts) <= MAX_CHANGED, changed


def test_placeholders_follow_the_language_of_the_question():
    assert redact("他的电话是13812345678吗") == "他的电话是[电话]吗"
    assert redact("his phone is 13812345678, right?") == "his phone is [PHONE], right?"
    # A Chinese question with an English name in it is still a Chinese question.
    assert redact("律师John Smith加我微信了") == "律师[姓名]加我微信了"


def test_placeholders_already_in_the_text_are_kept_as_they_are():
    for zh, en in PLACEHOLDERS.values():
        assert redact(f"before {zh} after") == f"before {zh} after"
        assert redact(f"之前{en}之后") == f"之前{en}之后"


def test_the_package_imports_no_upper_room():
    """storage/ may lean on knowledge/ (the one language decision), never on the rooms above."""
    package = Path(redaction.__file__).parent
    imported = set()
    for module in package.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and not node.level:
                imported.add((node.module or "").split(".")[0])
    assert not imported & {"bot", "conversations", "telegram", "sqlalchemy"}, imported


def test_the_word_lists_ship_with_the_package():
    data = Path(redaction.__file__).parent / "data"
    assert {p.name for p in data.glob("*.yaml")} >= {"zh_names.yaml", "en_names.yaml"}
    globs = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    assert "data/*.yaml" in globs["tool"]["setuptools"]["package-data"]["*"]


# --------------------------------------------------------------------------- generators

DIGITS = "0123456789"
# Test-owned pools, independent of the module's lists.
ZH_SURNAMES = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦邹熊白孟秦邱侯江尹薛段雷黎史龙陶贺毛郝顾龚邵钱孔"
)
ZH_COMPOUND = ["欧阳", "司马", "诸葛", "上官", "司徒", "慕容"]
ZH_GIVEN = list(
    "伟芳娜敏静丽磊军洋勇艳杰娟涛超秀霞刚桂英玉萍红鹏飞辉斌宇浩凯婷雪琳晨欣怡佳志春燕丹鑫俊峰"
)
EN_FIRST = [
    "John", "Mary", "Sarah", "David", "Michael", "Emma", "Olivia", "James", "Aisha", "Wei",
    "Priya", "Carlos", "Fatima", "Liam", "Chloe", "Daniel", "Grace", "Hannah", "Omar", "Sofia",
]  # fmt: skip
EN_LAST = [
    "Smith", "Johnson", "Brown", "Taylor", "Nguyen", "Garcia", "Okafor", "Patel", "O'Neil",
    "McDonald", "Kowalski", "Chen", "Murphy", "Rossi", "Hughes", "Fernandes", "Andersen", "Ito",
]  # fmt: skip


def digits(size: int) -> st.SearchStrategy[str]:
    return st.text(DIGITS, min_size=size, max_size=size)


@st.composite
def cn_mobiles(draw) -> str:
    number = "1" + draw(st.sampled_from("3456789")) + draw(digits(9))
    body = draw(
        st.sampled_from(
            [
                number,
                f"{number[:3]} {number[3:7]} {number[7:]}",
                f"{number[:3]}-{number[3:7]}-{number[7:]}",
            ]
        )
    )
    prefix = draw(st.sampled_from(["", "", "+86 ", "+86", "+86-", "0086 ", "0086", "(+86) "]))
    return prefix + body


@st.composite
def emails(draw) -> str:
    local = draw(st.from_regex(r"[a-z][a-z0-9]{0,8}(?:[._][a-z0-9]{1,8})?", fullmatch=True))
    host = draw(st.from_regex(r"[a-z][a-z0-9]{1,10}(?:-[a-z0-9]{1,6})?", fullmatch=True))
    tld = draw(st.sampled_from(["com", "cn", "net", "org", "gov.cn", "com.cn", "co.uk", "me"]))
    return f"{local}@{host}.{tld}"


@st.composite
def handles(draw) -> str:
    if draw(st.booleans()):
        return "@" + draw(st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{2,14}", fullmatch=True))
    return "@" + "".join(
        draw(st.lists(st.sampled_from("法官小王正义之声吃瓜群众路人甲"), min_size=2, max_size=6))
    )


@st.composite
def urls(draw) -> str:
    label = draw(st.from_regex(r"[a-z][a-z0-9]{1,10}", fullmatch=True))
    path = draw(st.from_regex(r"[A-Za-z0-9_]{1,10}(?:/[A-Za-z0-9_]{1,8}){0,2}", fullmatch=True))
    tld = draw(st.sampled_from(["com", "cn", "net", "org", "me", "io"]))
    return draw(
        st.sampled_from(
            [
                f"https://{label}.{tld}/{path}",
                f"http://www.{label}.{tld}/{path}",
                f"www.{label}.{tld}/{path}",
                f"{label}.{tld}/{path}",
                f"t.me/{path}",
                f"https://weibo.com/u/{path}",
            ]
        )
    )


@st.composite
def id_numbers(draw) -> str:
    area = draw(st.sampled_from("123456")) + draw(digits(5))
    born = draw(st.dates(min_value=dt.date(1930, 1, 1), max_value=dt.date(2010, 12, 31)))
    sequence = draw(digits(3))
    if draw(st.integers(0, 4)) == 0:  # the old 15-digit number: two-digit year, no check
        return area + born.strftime("%y%m%d") + sequence
    check = draw(st.sampled_from(DIGITS + "X"))
    if draw(st.booleans()):
        return f"{area} {born:%Y%m%d} {sequence}{check}"
    return f"{area}{born:%Y%m%d}{sequence}{check}"


@st.composite
def case_numbers(draw) -> str:
    year = draw(st.integers(1995, 2030))
    number = draw(st.integers(1, 99999))
    if draw(st.booleans()):
        court = draw(
            st.sampled_from(
                ["京0105", "沪01", "粤03", "浙0102", "最高法", "川01", "苏05", "鄂0106"]
            )
        )
        kind = draw(st.sampled_from(["民初", "民终", "刑初", "刑终", "行初", "执", "执恢", "民申"]))
        left, right = draw(st.sampled_from([("(", ")"), ("（", "）"), ("〔", "〕"), ("", "")]))
        if not left and court == "最高法":
            left, right = "(", ")"
        return f"{left}{year}{right}{court}{kind}{number}号"
    short = year % 100
    return draw(
        st.sampled_from(
            [
                f"{draw(st.integers(1, 9))}:{short:02d}-cv-{number:05d}",
                f"{short:02d}-cv-{number}",
                f"{year}-CR-{number:06d}",
                f"[{year}] EWHC {number % 5000 + 1} (KB)",
                f"[{year}] EWCA Civ {number % 2000 + 1}",
            ]
        )
    )


@st.composite
def bank_cards(draw) -> str:
    size = draw(st.integers(16, 19))
    number = draw(st.sampled_from("456")) + draw(digits(size - 1))
    separator = draw(st.sampled_from(["", " ", "-"]))
    if not separator:
        return number
    return separator.join(number[i : i + 4] for i in range(0, size, 4))


@st.composite
def plates(draw) -> str:
    province = draw(
        st.sampled_from("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼")
    )
    city = draw(st.sampled_from("ABCDEFGHJKLMNPQRSTUVWXYZ"))
    if draw(st.booleans()):  # new-energy: D or F and five digits
        tail = draw(st.sampled_from("DF")) + draw(digits(5))
    else:
        tail = draw(st.from_regex(r"[A-HJ-NP-Z0-9]{4}[0-9]", fullmatch=True))
    separator = draw(st.sampled_from(["", "", "·", "-"]))
    return f"{province}{city}{separator}{tail}"


@st.composite
def zh_names(draw) -> str:
    surname = draw(st.sampled_from(ZH_SURNAMES + ZH_COMPOUND))
    given = "".join(draw(st.lists(st.sampled_from(ZH_GIVEN), min_size=1, max_size=2)))
    name = surname + given
    # A name that starts like an everyday word (高明, 江海) is knowingly left alone, and
    # 王刚刚 reads as 王刚 + 刚刚 ("just now") to a human too.
    assume(name[:2] not in COMMON_WORDS and given != "刚刚")
    return name


@st.composite
def en_names(draw) -> str:
    return f"{draw(st.sampled_from(EN_FIRST))} {draw(st.sampled_from(EN_LAST))}"


ZH_FRAMES = [
    "他把{}发到了群里，我该怎么办？",
    "有人在微博上公开了{}，要不要报警",
    "对方律师说{}是他的，让我联系",
    "{}一直出现在我的评论区",
    "当事人私信里写着{}。",
]
EN_FRAMES = [
    "Someone posted {} under my photo. What should I do?",
    "The litigant sent me {} on Facebook",
    "{} keeps showing up in my comments",
    "Is it a problem that {} is visible on my LinkedIn profile?",
]
PHONE_FRAMES = (
    ZH_FRAMES + EN_FRAMES + ["他的电话是{}，要不要回？", "Call me at {} said the message"]
)


def check_gone(identifier: str, frame: str) -> None:
    text = frame.format(identifier)
    output = redact(text)
    assert identifier not in output, (text, output)
    bare = re.sub(r"[\s\-·()（）+]", "", identifier)
    if len(bare) >= 6:
        assert bare not in re.sub(r"[\s\-·()（）+]", "", output), (text, output)


# --------------------------------------------------------------------------- properties


@PROPERTY
@given(cn_mobiles(), st.sampled_from(PHONE_FRAMES))
def test_generated_mobile_numbers_never_survive(number, frame):
    check_gone(number, frame)
    assert not re.search(r"\d{4}", redact(frame.format(number)))


@PROPERTY
@given(emails(), st.sampled_from(ZH_FRAMES + EN_FRAMES))
def test_generated_emails_never_survive(email, frame):
    check_gone(email, frame)


@PROPERTY
@given(handles(), st.sampled_from(["关注了{} 的账号", "{} tagged me", "被{} 骂了", "Ignore {}?"]))
def test_generated_handles_never_survive(handle, frame):
    check_gone(handle, frame)


@PROPERTY
@given(urls(), st.sampled_from(ZH_FRAMES + EN_FRAMES + ["链接{}里有我的照片"]))
def test_generated_urls_never_survive(url, frame):
    check_gone(url, frame)


@PROPERTY
@given(id_numbers(), st.sampled_from(ZH_FRAMES + EN_FRAMES + ["身份证号{}被泄露"]))
def test_generated_id_numbers_never_survive(number, frame):
    check_gone(number, frame)


@PROPERTY
@given(case_numbers(), st.sampled_from(ZH_FRAMES + EN_FRAMES + ["我审的{}案件"]))
def test_generated_case_numbers_never_survive(number, frame):
    check_gone(number, frame)


@PROPERTY
@given(bank_cards(), st.sampled_from(ZH_FRAMES + EN_FRAMES + ["卡号{}，怎么退钱"]))
def test_generated_bank_cards_never_survive(number, frame):
    check_gone(number, frame)


@PROPERTY
@given(plates(), st.sampled_from([*ZH_FRAMES, "车牌{}的车一直跟着我", "我的车{}被拍了"]))
def test_generated_plates_never_survive(plate, frame):
    check_gone(plate, frame)


ZH_NAME_FRAMES = [
    "律师{}昨天加我微信，要不要通过？",
    "当事人{}在抖音上骂我",
    "原告{}的代理人给我送了月饼",
    "{}律师给我发了私信",
    "{}法官，你好，我想咨询一下",
    "我叫{}，是一名基层法官",
    "一个名叫{}的当事人关注了我",
    "被告人{}，因诈骗被判刑后一直骚扰我",
    "证人{}说在网上看到过我",
    "同事{}把我拉进了律师群",
]
EN_NAME_FRAMES = [
    "Attorney {} sent me a friend request on LinkedIn.",
    "Judge {} liked my post about the reform.",
    "opposing counsel {} tagged me in a photo",
    "My name is {} and I sit in a family court.",
    "{}, a lawyer in my court, followed me on X.",
    "my colleague {} added me to a WhatsApp group",
    "the plaintiff {} keeps messaging me",
    "Justice {} shared my article",
]


@PROPERTY
@given(zh_names(), st.sampled_from(ZH_NAME_FRAMES))
def test_generated_chinese_names_with_a_role_cue_are_removed_exactly(name, frame):
    assert redact(frame.format(name)) == frame.format("[姓名]")


@PROPERTY
@given(en_names(), st.sampled_from(EN_NAME_FRAMES))
def test_generated_english_names_with_a_role_cue_are_removed_exactly(name, frame):
    assert redact(frame.format(name)) == frame.format("[NAME]")


@PROPERTY
@given(st.sampled_from(EN_LAST), st.sampled_from(["Mr", "Mrs", "Ms", "Dr", "Judge"]))
def test_generated_surnames_after_a_title_are_removed(surname, title):
    text = f"{title} {surname} emailed me about the hearing."
    assert redact(text) == f"{title} [NAME] emailed me about the hearing."


CLEAN_FRAMES = [
    "第{n}条怎么理解？{year}年以后还适用吗",
    "指南第{n}条说法官要谨慎，我{year}年开的微博要关吗",
    "Does guideline {n} apply to posts I made in {year}?",
    "Guideline {n} was discussed at a {year} conference on WhatsApp groups.",
    "我的抖音有{k}万粉丝，第{n}条对我有什么要求",
    "My account has {amount} followers; what does guideline {n} say?",
    "In {year}, {k} judges joined the group – see Guideline {n}.",
]


@PROPERTY
@given(
    st.sampled_from(CLEAN_FRAMES),
    st.integers(1, 40),
    st.integers(1950, 2035),
    st.integers(1, 999),
    st.integers(1000, 9_999_999),
)
def test_guideline_numbers_years_and_amounts_survive(frame, n, year, k, amount):
    text = frame.format(n=n, year=year, k=k, amount=f"{amount:,}")
    assert redact(text) == text


FRAGMENTS = [
    *"王李张陈欧阳某某XX小老高兴关注的了，。、 \n@.-:/()（）+#",
    "律师",
    "法官",
    "当事人",
    "原告",
    "被告人",
    "我叫",
    "姓",
    "院长",
    "先生",
    "Judge ",
    "Mr ",
    "Smith",
    "John ",
    "counsel ",
    "my clerk ",
    "Attorney ",
    ", a lawyer",
    "138",
    "1234",
    "5678",
    "+86 ",
    "0086",
    "2024",
    "110105",
    "19850302",
    "X",
    "京A",
    "粤B·",
    "88888",
    "路",
    "号",
    "栋",
    "单元",
    "室",
    "小区",
    "北京市",
    "朝阳区",
    "https://",
    "t.me/",
    "www.",
    "a.com/",
    "x@y.cn",
    "民初",
    "(2024)",
    "-cv-",
    "born on ",
    "March ",
    "出生于",
    "年",
    "月",
    "日",
    "the only judge in ",
    "Smalltown",
    "全县唯一的",
    "[姓名]",
    "[NAME]",
    "[PHONE]",
    "[电话]",
    "\U000f0001",
    "１３８",
]
MIXED_TEXT = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)


@PROPERTY
@given(st.one_of(st.text(), MIXED_TEXT))
def test_redact_is_idempotent(text):
    once = redact(text)
    assert redact(once) == once


@PROPERTY
@given(st.text())
def test_redact_never_raises_and_returns_text(text):
    assert isinstance(redact(text), str)


@PROPERTY
@given(MIXED_TEXT)
def test_redact_never_raises_on_identifier_shaped_noise(text):
    assert isinstance(redact(text), str)


@pytest.mark.parametrize(
    "unit",
    [
        "市",
        "市区县",
        "北京市朝阳区建国路",
        "律师王",
        "王某",
        "1",
        "138 ",
        "a.",
        "@",
        "Ab ",
        "单元律师",
    ],
)
def test_a_full_telegram_message_of_repetitive_noise_is_fast(unit):
    # 4096 characters is Telegram's limit; the bot must not stall on an adversarial message.
    text = (unit * (4096 // len(unit) + 1))[:4096]
    started = time.perf_counter()
    redact(text)
    assert time.perf_counter() - started < 2.0


def test_long_text_is_handled():
    line = "律师李明昨天加我微信，电话13812345678。Guideline 30 applies.\n"
    text = line * 2000  # well past one chunk
    output = redact(text)
    assert "13812345678" not in output and "李明" not in output
    assert output.count("Guideline 30") == 2000


# --------------------------------------------------------------------------- issue 13: the kinds
# that survived on texts written by someone who never saw the anonymiser

DEV_FILE = Path(__file__).parent / "data" / "redaction_dev.yaml"
DEV: list[dict] = fastyaml.load(DEV_FILE.read_text(encoding="utf-8"))["texts"]


def test_development_table_figures(capsys):
    """The development table (tuned on) in bench/redaction_eval.py's schema: identifiers gone,
    clean texts untouched, what the question is about kept."""
    identifiers = [(item, raw) for item in DEV for raw in item.get("identifiers") or []]
    removed = [raw for item, raw in identifiers if folded(raw) not in folded(redact(item["text"]))]
    clean = [item for item in DEV if item["kind"] == "clean"]
    changed = [item["id"] for item in clean if redact(item["text"]) != item["text"]]
    phrases = [(item, p) for item in DEV for p in item.get("keep") or []]
    lost = [p for item, p in phrases if folded(p) not in folded(redact(item["text"]))]
    with capsys.disabled():
        print(
            f"\ndevelopment table: {len(removed)}/{len(identifiers)} identifiers removed, "
            f"{len(clean) - len(changed)}/{len(clean)} clean texts unchanged, "
            f"{len(phrases) - len(lost)}/{len(phrases)} keep-phrases kept"
        )
    assert len(clean) >= 40 and {item["lang"] for item in clean} == {"zh", "en"}
    assert len(removed) / len(identifiers) >= 0.95
    assert not changed and not lost


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        # Phones with a no-break space, a narrow no-break space, en dashes, zero-width spaces.
        ("He left +1\u00a0202\u00a0555\u00a00143 under my post", "202"),
        ("call 020\u202f7946\u202f0321 said the message", "7946"),
        ("His mobile is 0412\u2013345\u2013678 and he texts me", "345"),
        ("他的手机号是138\u200b1234\u200b5678，总给我发信息", "1234"),
        # Names after a cue in any case, with a soft hyphen or a look-alike letter.
        ("attorney john smith sent me a friend request", "smith"),
        ("ATTORNEY JOHN SMITH KEEPS MESSAGING ME", "SMITH"),
        ("Counsel Ro\u00adbert Lee asked to follow me", "bert"),
        ("Judge \u0420atricia Gomez shared my post", "Gomez"),
        ("律师李\u200b明昨天加我微信", "明"),
        # Names without a cue.
        ("A defendant in one of my cases, Robert Johnson, followed me", "Johnson"),
        ("Hon. David Brown of the panel liked my post", "Brown"),
        ("I was tagged by Deshawn Williams in a post about my ruling", "Deshawn"),
        ("a lawyer appearing before me, Jennifer Alvarez-Martinez, invited me", "Alvarez"),
        ("律师[姓名]（陈静）在朋友圈转发了我的判决书", "陈静"),
        ("刘晓燕是我审理案件的当事人，她在微博上关注了我", "晓燕"),
        ("我是北京市朝阳区人民法院民一庭的张伟", "张伟"),
        # E-mail addresses: non-ASCII, spelt out.
        ("有人用 张三@例子.中国 给我发邮件", "例子"),
        ("reach me at jsmith [at] lawfirm [dot] com", "lawfirm"),
        # Numbers with a checksum or a national format; what is left of an address.
        ("A blogger published my SSN 123-45-6789", "6789"),
        ("send money to GB82 WEST 1234 5698 7654 32 please", "WEST"),
        ("The account logged in from 203.0.113.45 yesterday", "113"),
        ("They posted my address, 742 Evergreen Terrace, Springfield, IL 62704", "62704"),
        ("My Amex 3782 822463 10005 was in a screenshot", "822463"),
        # Dates in words about the judge; docket numbers.
        ("A forum lists my date of birth as 14 March 1972", "1972"),
        ("I was sworn in on 2 January 2024 and my old posts resurfaced", "2024"),
        ("Counsel in No. 19-1234 sent me a LinkedIn invitation", "1234"),
    ],
)
def test_identifiers_issue_13_found_surviving_are_removed(text, gone):
    assert gone not in redact(text)


@pytest.mark.parametrize(
    ("text", "court"),
    [
        ("作为临江市中级人民法院知识产权庭庭长，我能开抖音号吗？", "临江市中级人民法院知识产权庭"),
        ("我在深圳市南山区人民法院工作，能不能加入校友群？", "深圳市南山区人民法院"),
        ("I am the newly appointed judge at the Fairview County Court.", "Fairview County Court"),
        (
            "I sit in Springfield district court and a lawyer added me.",
            "Springfield district court",
        ),
    ],
)
def test_a_court_named_with_i_my_or_wo_is_redacted(text, court):
    output = redact(text)
    assert court not in output and ("[法院]" in output or "[COURT]" in output)


@pytest.mark.parametrize(
    "text",
    [
        "The Supreme People's Court issued rules on judges' use of WeChat. Do they apply to me?",
        "Is it appropriate for a judge of the High Court to have a public Twitter account?",
        "The European Court of Human Rights has a Twitter account. Can judges retweet it?",
        "A district court judge asked whether she can join a WhatsApp group.",
        "最高人民法院发布了法官使用社交媒体的规定，我需要注销微博吗？",
        "基层法院的法官能不能开抖音直播普法？",
        "中级人民法院的庭长可以加入校友微信群吗",
        "2024年1月1日起施行的规定对法官发朋友圈有什么要求？",
        "Grace Period: can I keep my account active during the transition to the bench?",
    ],
)
def test_courts_as_institutions_and_dates_of_rules_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Only the identifier changes; the judge's full-width letters and spaces stay as typed.
        (
            "我的ｗｅｃｈａｔ朋友，电话１３８　１２３４　５６７８。",
            "我的ｗｅｃｈａｔ朋友，电话[电话]。",
        ),
        ("Can\u00a0I follow a\u200b lawyer?  My clerk Tom\u00adas Ruiz asked.", None),
    ],
)
def test_normalising_for_matching_leaves_the_judges_own_text_intact(text, expected):
    output = redact(text)
    if expected is not None:
        assert output == expected
    else:
        assert output == "Can\u00a0I follow a\u200b lawyer?  My clerk [NAME] asked."


CLEAN_WITH_ODD_CHARACTERS = st.sampled_from(
    ["\u00a0", "\u200b", "\u00ad", "\u3000", "  ", "\u202f"]
)


@PROPERTY
@given(
    st.sampled_from([*CLEAN_FRAMES]),
    st.integers(1, 40),
    st.lists(st.tuples(st.integers(0, 80), CLEAN_WITH_ODD_CHARACTERS), max_size=4),
)
def test_clean_questions_with_odd_spaces_come_back_exactly(frame, n, insertions):
    text = frame.format(n=n, year=2019, k=3, amount="1,000")
    for at, char in insertions:
        at = min(at, len(text))
        text = text[:at] + char + text[at:]
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "李法官 asked me about WeChat",
        "my clerk Tom Ruiz 在微信上加了我",
        "律师John Smith加我微信了",
    ],
)
def test_placeholders_follow_the_language_the_log_records(text):
    from knowledge.textmatch import is_chinese

    zh, en = PLACEHOLDERS["name"]
    assert (zh if is_chinese(text) else en) in redact(text)


def test_the_example_questions_judges_wrote_come_back_unchanged():
    """knowledge/data/examples.yaml: hundreds of clean questions in judges' own words."""
    examples = Path(__file__).parents[1] / "knowledge" / "data" / "examples.yaml"
    texts: list[str] = []

    def collect(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "text" and isinstance(value, str):
                    texts.append(value)
                else:
                    collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(fastyaml.load(examples.read_text(encoding="utf-8")))
    changed = [redact(text) for text in texts if redact(text) != text]
    assert len(texts) >= 100
    assert len(changed) / len(texts) <= MAX_CHANGED, changed


# --------------------------------------------------------------------------- issue 13.1, round 2:
# the kinds a blind held-out table still found surviving (names without a cue, names after a
# cue in odd case or spacing, handles without @, the judge's own court and division)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        # Names in lower case or capitals after a cue, set off by commas, or spaced out.
        ("PROSECUTOR MARY LEE SHARED MY PHOTO", "MARY"),
        ("the plaintiff, susan oconnell, wrote to me on messenger", "oconnell"),
        ("a witness named carlos mendoza sent me a DM", "mendoza"),
        ("The witness, mark taylor, messaged me", "taylor"),
        ("陈 静律师给我发了好友申请", "静"),
        ("律师 王 刚 昨天在朋友圈@我", "刚"),
        ("当事人：赵 小 明，一直在抖音上骂我", "小 明"),
        ("zhang wei 法官在群里转发了我的文章", "zhang"),
        ("我给何志明的抖音点了赞", "何志明"),
        ("律师事务所的周丽萍一直给我的朋友圈点赞", "周丽萍"),
        # Account names without @, named as such.
        ("my handle is judge_rk and a lawyer found it", "judge_rk"),
        ("My username is quietgavel and I comment on law blogs", "quietgavel"),
        ("His Telegram is t_morrison_law; he wants to chat", "morrison"),
        ("I post as benchwarmer42 on a forum for judges", "benchwarmer42"),
        ("a lawyer messaged me from the Instagram account legal_eagle_ny", "eagle"),
        # The judge's own court, however it is introduced.
        ("I preside over the Harbor City Family Court, and parents message me", "Harbor"),
        ("Our Greenfield Municipal Court has a YouTube channel", "Greenfield"),
        ("I'm a judge of the Redwood County Superior Court; can I like posts?", "Redwood"),
        ("我是朝阳法院民一庭法官，律师想加我微信", "朝阳法院"),
        # The judge's own division, with or without the court.
        ("我是朝阳法院民一庭法官，律师想加我微信", "民一庭"),
        ("我们民三庭的庭长让大家都关注法院公众号", "民三庭"),
        ("本院立案庭的同事把我拉进了律师群", "立案庭"),
        ("我在民事审判第一庭工作，能在抖音上普法吗", "第一庭"),
        ("我调到执行局以后，被执行人在网上骂我", "执行局"),
        ("作为刑一庭的法官，我能不能在微博上评论热点案件", "刑一庭"),
    ],
)
def test_round_two_kinds_are_removed(text, gone):
    assert gone not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Supreme Court ruled on judges' speech last year. Does it affect my blog?",
        "Are @mentions of a judge on X something I should answer?",
        "just got appointed and my insta handle is literally my full name. do i have to change it?",
        "Can I choose a username that does not reveal that I am a judge?",
        "My Instagram account is private. Can a lawyer still see my followers?",
        "I sit on a county court in a small town; everyone knows me.",
        "I heard the Dallas County Court issued guidance.",
        "my clerk, as usual, runs my calendar",
        "the plaintiff, however, posted about me",
        "The console keeps the key in AMICUS_SECRET; topics like friend_request are counted.",
        "刑二庭的法官一般能不能开微博？",
        "少年法庭的法官在朋友圈发孩子照片要注意什么",
        "执行局的干警能不能在抖音上曝光老赖？",
        "民事审判庭和刑事审判庭的法官在社交媒体上的要求一样吗",
        "我在基层法院工作，能不能加入老乡群？",
        "我在市中级法院工作，能开微博吗",
        "本院认为该案事实清楚",
        "我们的王者荣耀群里有律师",
    ],
)
def test_round_two_look_alikes_stay(text):
    assert redact(text) == text


# --------------------------------------------------------------------------- issue 13, round 3:
# appointment dates in every form, births, divisions, lower-case streets, plates after a comma,
# accounts "as" someone, and look-alikes (dates of rules, divisions in general, brands)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("I was sworn in on 9 March 2023 and a party found my Facebook.", "9 March 2023"),
        ("Since I took the oath in May 2017 I have kept my blog private.", "May 2017"),
        ("I was appointed in 2014-11; can I stay in my alumni group?", "2014-11"),
        ("Since my appointment on 2/28/2019 a lawyer has liked every post.", "2/28/2019"),
        ("I joined the bench in 2012 and still have my old Twitter.", "2012"),
        ("我2015年3月被任命为审判员，原来的抖音号要注销吗", "2015年3月"),
        ("我是2019年入额的，律师加我微信怎么办", "2019年"),
        ("去年8月宣誓就职以后，我还能发朋友圈吗", "去年8月"),
        ("My date of birth, DOB 02/09/1966, is on an old profile.", "1966"),
        ("I was born in '58 and my class group is on WhatsApp.", "'58"),
        ("An old site lists me as b. 1962-12-01.", "1962-12-01"),
        ("I'm a 1980 baby; my school friends tag me.", "1980"),
        ("I sit in the Chancery Division and a litigant messaged me.", "Chancery"),
        ("I'm in the family division of Northgate County Court.", "family division"),
        ("they posted my address: flat 3, 27 meadow lane", "meadow lane"),
        ("Someone shared my plate, AB12 CDE, in a local group.", "AB12 CDE"),
        ("A user who posts as bench_critic on Reddit follows me.", "bench_critic"),
        ("He comments as robe_watch on Instagram", "robe_watch"),
        ("postcode: n1 9gu appeared in a comment", "n1 9gu"),
        ("My address: 7 Via Garibaldi, Turin, was leaked.", "Via Garibaldi"),
        ("A blogger wrote my tag number XJK 4471 under a photo.", "XJK 4471"),
        ("mrs. delacroix, a party's mother, messages me", "delacroix"),
        ("The Millbrook Court where I preside has a Twitter account.", "Millbrook"),
        ("本人现在在无锡中院工作，能不能开抖音", "无锡中院"),
        ("我目前在滨江区法院当法官，当事人加我微信", "滨江区法院"),
        ("我在B站的ID是 fayuan_xiaoli，有人认出来了", "fayuan_xiaoli"),
    ],
)
def test_round_three_kinds_are_removed(text, gone):
    assert folded(gone) not in folded(redact(text))


@pytest.mark.parametrize(
    "text",
    [
        "The code of conduct was adopted in 2019; does it bind judges appointed after it?",
        "Must every newly sworn-in judge close their old accounts?",
        "Can a Chancery Division judge write about trusts on a blog?",
        "The Family Division published guidance on 12 May 2022.",
        "I drove 5 miles down the road to a bar association dinner; can I post photos?",
        "I was born and raised in a small town. May I join its Facebook group?",
        "The swearing-in ceremony is public; can I share its photos?",
        "最高人民法院2021年发布的规定，新入额的法官要遵守吗",
        "法官宣誓就职以后还能用原来的微博吗",
        "我喜欢喝王老吉，能不能在小红书上推荐",
        "我去年刚当法官，能不能在B站发视频",
        "少年庭的法官能不能在家长群里普法",
        "I toured Kingsford County Court, where I met old classmates.",
        "Judges who lived at 3 different addresses: must we list them?",
        "高院的规定对中院的法官适用吗",
        "我的微博账号是实名认证的，安全吗",
    ],
)
def test_round_three_look_alikes_stay(text):
    assert redact(text) == text
