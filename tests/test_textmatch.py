"""Finding a judge's words in spite of typos, homophones and inflection."""

from __future__ import annotations

import pytest

from knowledge.textmatch import TermMatcher, clear_language, is_chinese


@pytest.fixture(scope="module")
def matcher() -> TermMatcher:
    return TermMatcher(
        ["朋友圈", "同意", "加好友", "律师", "friend request", "harass", "block", "QQ", "like"]
    )


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("发到盆友圈了", "朋友圈"),  # a near-homophone (peng/pen) matches by fuzzy pinyin
        ("发到朋有圈了", "朋友圈"),  # a plain homophone
        ("能同义吗", "同意"),
        ("他想加我好友", None),  # words in between: not the phrase 加好友
        ("律师加好友", "加好友"),
        ("Got a FRIEND REQUEST today", "friend request"),
        ("friend requests keep coming", "friend request"),  # plural stemmed
        ("I was harrased for weeks", "harass"),  # misspelling corrected
        ("being harassed", "harass"),
        ("can I blocked him", "block"),
        ("加我QQ", "QQ"),  # Latin inside Chinese needs no spaces
        ("I unlike it", None),  # whole words only
        ("the blockchain case", None),
    ],
)
def test_term_found_or_not(matcher, text, term):
    found = matcher.find(text)
    if term is None:
        assert not found & {"加好友", "like", "block"}
    else:
        assert term.lower() in found


@pytest.mark.parametrize(
    ("text", "chinese", "clear"),
    [
        ("律师加我微信", True, "zh"),
        ("Can a lawyer add me on WeChat?", False, "en"),
        ("鉴定人加我QQ 能同意吗", True, "zh"),
        ("WeChat?", False, None),
        ("30", False, None),
        ("Is 朋友圈 public?", True, None),  # three characters outweigh two words
    ],
)
def test_language_detection(text, chinese, clear):
    assert is_chinese(text) is chinese
    assert clear_language(text) == clear


def test_an_everyday_word_holding_a_term_is_not_that_term():
    matcher = TermMatcher(["快手", "微信"], not_terms=["快手菜"])
    assert matcher.find("推荐几道快手菜") == set()
    assert matcher.find("推荐几道快手菜，发到快手上") == {"快手"}
    assert matcher.find("快手菜的做法发微信") == {"微信"}
