"""Redaction round 6 (issue 13): the kinds a blind measurement missed, each with our own
examples in both languages: the identifier a judge would see gone, and the clean sentence
beside it that must come back exactly as typed."""

from __future__ import annotations

import pytest
from redacting import assert_gone, assert_unchanged

# --------------------------------------------------------------------------- courts, other ways


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        (
            "I sit on the Manitoba Court of King's Bench, sitting at Brandon, and a party "
            "sent me flowers.",
            "Brandon",
        ),
        ("We at the quebec superior court were told to leave Threads.", "quebec superior court"),
        (
            "Ich bin Richterin am Amtsgericht Bamberg, 2. Strafkammer, und ein Anwalt folgt mir.",
            "Bamberg",
        ),
        ("La 5e chambre sociale du tribunal judiciaire de Rennes a reçu une plainte.", "Rennes"),
        (
            "Sono giudice al Tribunale di Torino, sezione III penale: posso usare Instagram?",
            "Torino",
        ),
        ("Trabajo en el Juzgado de lo Social nº 2 de Valencia y un perito me escribe.", "Valencia"),
        (
            "My hearings are in Courtroom 12A of the Western District of Texas; a juror found me.",
            "Western District of Texas",
        ),
        (
            "I'm a district judge, U.S. District Court for the N.D. Ill., and a reporter DMs me.",
            "N.D. Ill.",
        ),
        (
            "Sitting in the Property Chamber of the First-tier Tribunal, I saw a party's blog.",
            "Property Chamber",
        ),
        (
            "I sit in the Federal Circuit and Family Court of Australia in Townsville; a party "
            "emailed me.",
            "Townsville",
        ),
        (
            "I am a judge of the Madras High Court at Madurai and a lawyer sent me sweets.",
            "Madurai",
        ),
        (
            "Der IV. Strafsenat des Bundesgerichtshofs hat mich zu einem Podcast eingeladen.",
            "IV. Strafsenat",
        ),
        ("Sou juíza no Tribunal Judicial da Comarca de Faro e um advogado segue-me.", "Faro"),
        ("Sono giudice presso la Corte d'appello di Bari e un avvocato mi ha invitato.", "Bari"),
    ],
)
def test_courts_named_other_ways_and_in_other_languages_go(text, gone):
    assert_gone(text, gone)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("我是苏州工业园区人民法院知识产权审判二庭的法官，有律师加我微信。", "苏州工业园区"),
        ("广州互联网法院审判三庭的书记员在抖音上发了庭审片段。", "广州互联网法院"),
        ("本人系宁波海事法院法官，能否在公众号上写科普文章？", "宁波海事法院"),
        ("我于2022年3月调入长沙市岳麓区人民法院，老同事请我吃饭。", "长沙市岳麓区人民法院"),
        ("西安市中级人民法院少年家事审判庭的同事把我拉进了一个群。", "西安市中级人民法院"),
    ],
)
def test_chinese_courts_of_every_kind_go(text, gone):
    assert_gone(text, gone)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("我妻子在温州市鹿城区人民法院当法官助理，当事人找她说情。", "鹿城区"),
        ("前年我从朝阳法院调到了北京市第三中级人民法院。", "朝阳法院"),
        ("被告的儿子钱志强在抖音上发视频骂我。", "钱志强"),
    ],
)
def test_courts_of_the_judge_s_circle_and_names_after_kin_go(text, gone):
    assert_gone(text, gone)


@pytest.mark.parametrize(
    "text",
    [
        "The Civil Division of the Court of Appeal published guidance on social media.",
        "I read that the Southern District of New York banned phones in court.",
        "The Tribunal de commerce de Paris issued new rules last year.",
        "最高人民法院发布了关于法官使用社交媒体的意见，基层法院要怎么落实？",
        "法官能不能参加律师事务所举办的年会？",
    ],
)
def test_courts_and_firms_as_institutions_stay(text):
    assert_unchanged(text)


# --------------------------------------------------------------------------- names without a cue


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Anneliese, my judicial assistant, shares my rulings on Facebook.", "Anneliese"),
        ("Should I unfollow Reuters and block Oisín on Bluesky?", "Oisín"),
        ("my cousin joão pereira-silva is a witness in a case I hear.", "joão pereira-silva"),
        (
            "I follow Priya Natarajan and siobhán keane on X; both appear before me.",
            "siobhán keane",
        ),
        ("Weber & Lindqvist LLP sent me a hamper; they are counsel in my case.", "Lindqvist"),
        ("The new judge's husband works at Okafor, Brandt and Mills PLLC.", "Brandt"),
        ("The clerk Ma\u200brianne Ko\u200bvacs follows me on Instagram.", "Marianne"),
        ("I got a text from Rhiannon asking whether the hearing will be adjourned.", "Rhiannon"),
        ("Had a DM from Tazza saying she knows the accused. Should I reply?", "Tazza"),
        ("My neighbour's son, Ignacio, is a witness in my trial.", "Ignacio"),
    ],
)
def test_english_names_without_cues_go(text, gone):
    assert_gone(text, gone)


@pytest.mark.parametrize(
    "text",
    [
        "Should I unfollow Reuters and Bloomberg on Threads?",
        "Is it OK to accept a mug from a law firm? Big LLPs send them every year.",
        "I bought shares in Google LLC years before my appointment.",
        "Grace period question: how long may I keep my old accounts?",
        "I got an email from Westlaw saying my subscription ends; may the court pay for it?",
        "A DM from someone saying they know my address: who do I tell?",
    ],
)
def test_english_clean_sentences_stay(text):
    assert_unchanged(text)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("周海燕约我周末喝茶，她是本案被告的姐姐。", "周海燕"),
        ("我妈孙桂兰和原告是老乡，要回避吗？", "孙桂兰"),
        ("要不要把钱磊从微信好友里删掉？", "钱磊"),
        ("律师王建华还有吴志刚都是我的大学同学，常在群里聊案子。", "吴志刚"),
        ("我的同事Jessica在小红书上发了我们开庭的照片。", "Jessica"),
        ("书记员liuyang在工作群里转发了判决书。", "liuyang"),
        ("古丽娜尔是我的高中同学，现在是本案的代理人。", "古丽娜尔"),
        ("书记员wang xiaoming把判决书发到了家长群里。", "xiaoming"),
        ("对方代理人来自上海金茂凯德律师事务所，是我前同事。", "金茂凯德"),
        ("我老家在四川省广安市岳池县石垭镇骑龙村五组，村里的人找我打官司。", "骑龙村"),
    ],
)
def test_chinese_names_and_places_without_cues_go(text, gone):
    assert_gone(text, gone)


@pytest.mark.parametrize(
    "text",
    [
        "一家大型律所邀请我去讲课，可以吗？",
        "农村的亲戚找我说情怎么办？",
        "我在LinkedIn和陌陌上都有账号，要注销吗？",
        "巴西的法官能不能用Instagram？马来西亚是怎么规定的？",
        "我的同学在律所工作，她经常转发我的文章。",
        "我从北京市第二中级人民法院的网站上看到一个通知，要求法官实名注册。",
    ],
)
def test_chinese_clean_sentences_stay(text):
    assert_unchanged(text)


# --------------------------------------------------------------------------- dates, numbers


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        (
            "The trial on 9 October 2023 was filmed by a spectator and posted online.",
            "9 October 2023",
        ),
        ("2023年6月12日上午的庭审被人录像发到了抖音上。", "2023年6月12日"),
        ("Can I blog about 3 U 45/21 once the appeal is over?", "3 U 45/21"),
        ("群里有人留言：一 三 8 0 0 一 三 8 0 0 0，说可以找法官。", "一 三 8 0 0"),
    ],
)
def test_sitting_dates_file_numbers_and_mixed_digits_go(text, gone):
    assert_gone(text, gone)


def test_a_date_of_a_rule_stays():
    assert_unchanged("The code of conduct was amended on 1 March 2024; does it cover podcasts?")
