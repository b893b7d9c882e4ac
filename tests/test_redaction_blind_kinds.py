"""Kinds of identifier that survived on a table written blind (issue 13, round 4), each as a
general pattern with our own examples, and the look-alikes each pattern must leave alone."""

from __future__ import annotations

import unicodedata

import pytest

from storage.redaction import redact


def folded(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def assert_gone(text: str, gone: str) -> None:
    output = redact(text)
    assert folded(gone) not in folded(output), output


# --------------------------------------------------------------------------- court units

COURT_UNITS = [
    ("杭州互联网法院第三审判庭的法官能开直播吗", "第三审判庭"),
    ("苏州知识产权法庭第一审判庭审过这个案子", "苏州知识产权法庭"),
    ("最高人民法院第二巡回法庭的庭长在微博上被点名", "第二巡回法庭"),
    ("西安铁路运输中级法院第一审判庭的书记员加了我", "西安铁路运输"),
    ("北京市朝阳区人民法院第三法庭的同事", "朝阳区"),
    ("我爱人的单位在宁波海事法院有个纠纷，她老在群里说", "宁波海事法院"),
    ("The 2nd Criminal Chamber of the Court of Appeal of Porto, where I sit, has a blog", "Porto"),
    ("I sit in the 5th Chamber, Madrid Labour Court, and a lawyer messaged me", "Madrid"),
    ("Fourth Section, Vienna Regional Court, asked us to keep profiles", "Vienna"),
    ("I preside in Dept. 14 of the Lakeside Superior Court. A clerk posts about us", "Dept. 14"),
    ("I preside in Dept. 14 of the Lakeside Superior Court. A clerk posts about us", "Lakeside"),
]

COURTS_IN_GENERAL = [
    "最高人民法院的规定对基层法院适用吗",
    "最高人民法院民一庭的意见怎么理解",
    "中级人民法院第二审判庭的法官能开抖音吗",
    "我刚看到朝阳法院发了通知，法官不能直播带货",
    "我在基层法院工作，能不能加入老乡群？",
    "The Supreme People's Court issued rules on judges' use of WeChat.",
    "A district court judge asked me about Twitter.",
    "the Civil Division of the Court of Appeal published guidance",
    "Part 40 of the Civil Procedure Rules applies to me.",
]


@pytest.mark.parametrize(("text", "gone"), COURT_UNITS)
def test_numbered_and_placed_court_units_go(text, gone):
    assert_gone(text, gone)


@pytest.mark.parametrize("text", COURTS_IN_GENERAL)
def test_courts_as_institutions_stay(text):
    assert redact(text) == text
