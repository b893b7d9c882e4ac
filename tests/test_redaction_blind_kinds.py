"""Kinds of identifier that survived on a table written blind (issue 13, round 4), each as a
general pattern with our own examples, and the look-alikes each pattern must leave alone."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import fastyaml
import pytest
from conftest import REPO
from redacting import assert_gone, assert_unchanged

from storage.redaction import redact

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
    ("I sit in Courtroom 3A at the Harwick Justice Centre", "Harwick"),
    ("I sit at the Amtsgericht Regensburg and a party found my profile", "Regensburg"),
    ("As a judge at the Tribunale di Ferrara, may I keep my Instagram?", "Ferrara"),
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
    "I sit in the Cour de cassation; may I teach?",
]


@pytest.mark.parametrize(("text", "gone"), COURT_UNITS)
def test_numbered_and_placed_court_units_go(text, gone):
    assert_gone(text, gone)


@pytest.mark.parametrize("text", COURTS_IN_GENERAL)
def test_courts_as_institutions_stay(text):
    assert_unchanged(text)


# --------------------------------------------------------------------------- names

NAMES = [
    # In capitals, with accents and hyphens, also two words in a lower-case question.
    ("MY NEIGHBOUR ÁLVARO GÓMEZ-RUIZ NOW APPEARS BEFORE ME", "GÓMEZ-RUIZ"),
    ("can i go to a party where JOSÉ-LUIS FERNÁNDEZ will be?", "FERNÁNDEZ"),
    ("a photo shows me beside AMARA OKONKWO-BELL, who is a witness", "OKONKWO-BELL"),
    # One given name tied to the judge, with no other cue.
    ("Hannelore and I have been friends since law school. Can I hear her case?", "Hannelore"),
    ("Rosalind and my husband play tennis every week.", "Rosalind"),
    ("I have known Ottilie since we were children; she is now counsel.", "Ottilie"),
    ("Benedikt is my oldest friend and now a prosecutor.", "Benedikt"),
    ("Mark and I shared a flat at university.", "Mark"),
    ("Seo-yun and I studied together; she now prosecutes.", "Seo-yun"),
    ("Yesterday Oluwakemi messaged me about her hearing", "Oluwakemi"),
    ("THE RESPONDENT, DRAGOMIR VUKSANOVIC, FOLLOWS ME", "VUKSANOVIC"),
    # Beside a name already found.
    ("The witnesses, counsel Jane Doe and Haruto, both follow me.", "Haruto"),
    ("incl. tran van minh and Oluwadamilare, who both testified", "Oluwadamilare"),
    ("incl. tran van minh and Oluwadamilare, who both testified", "minh"),
    # A middle initial after a cue in lower case; a name in quotes; a post-nominal.
    ("attorney stephen j. aldridge liked my post", "aldridge"),
    ("the account signs as 'Nadia Kowalczyk' under every post", "Kowalczyk"),
    ("a blog by Ferdinand Oyelaran-Smythe, Esq. criticises me", "Oyelaran"),
    # Look-alike letters and soft hyphens inside a name.
    ("counsel Ѕаrаh Wh\u00adіtfield followed me", "tfield"),
]

NOT_NAMES = [
    "Sunday and I usually stay offline.",
    "Friends and I have a group chat about cases.",
    "Nana and I talk every day on WhatsApp.",
    "Yesterday and I think today too, a lawyer messaged me.",
    "Twitter and I have a complicated relationship.",
    "Someone on Nextdoor posted a photo of the courthouse.",
    "the plaintiff, however, posted about me",
    "I read the BBC NEWS and the UNODC GUIDELINES today.",
    "IS IT NOT OK TO LIKE A POST?",
    "I said 'Thanks' and logged off.",
]


@pytest.mark.parametrize(("text", "gone"), NAMES)
def test_names_without_the_usual_cues_go(text, gone):
    assert_gone(text, gone)


@pytest.mark.parametrize("text", NOT_NAMES)
def test_capitalised_words_that_are_no_names_stay(text):
    assert_unchanged(text)


# --------------------------------------------------------------------------- handles


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("A user u/robe_and_gavel keeps posting about me", "robe_and_gavel"),
        ("someone called /u/QuietBench42 doxxed my family", "QuietBench42"),
        ("he added me on Discord as lexlover#0931", "lexlover"),
    ],
)
def test_prefixed_handles_go(text, gone):
    assert_gone(text, gone)


@pytest.mark.parametrize(
    "text",
    [
        "Can I read r/law and r/Ask_Lawyers without an account?",
        "Guideline #27 and issue #1234 say different things.",
    ],
)
def test_subreddits_and_numbered_references_stay(text):
    assert_unchanged(text)


# --------------------------------------------------------------------------- addresses

ADDRESSES = [
    ("a vlogger filmed my door at 4 rue des Glycines, 31000 Toulouse yesterday", "Glycines"),
    ("a vlogger filmed my door at 4 rue des Glycines, 31000 Toulouse yesterday", "31000"),
    ("a vlogger filmed my door at 4 rue des Glycines, 31000 Toulouse yesterday", "Toulouse"),
    ("12 bis avenue de l'Observatoire, 75014 Paris is on a forum", "Observatoire"),
    ("my old flat, 8 place Bellecour, Lyon. was tagged", "Lyon"),
    ("Our address Kastanienallee 41a, 10435 Berlin is on Instagram", "10435"),
    ("Our address Kastanienallee 41a, 10435 Berlin is on Instagram", "Kastanienallee"),
    ("they found Münchner Straße 7, 85354 Freising online", "Freising"),
    ("a party posted Prinsengracht 263, 1016 GV Amsterdam", "1016 GV"),
    ("a party posted Calle Mayor, 14, 28013 Madrid as my flat", "Mayor, 14"),
    ("a party posted Via Nazionale 51, 00184 Roma as my flat", "Nazionale"),
    ("my house, 45 Elm Street, Portland, OR 97205, was shown", "Portland"),
    ("posted 9 Birch Lane, Oakville, Ontario L6J 2X1 online", "L6J"),
    ("posted 123 Main St., Apt 4B, Springfield, IL 62704 online", "4B"),
    ("有人把我家地址江苏省苏州市姑苏区人民路188号发到了群里", "人民路188号"),
    ("当事人找到了我住的翠湖小区12栋1单元1101", "1101"),
]

NOT_ADDRESSES = [
    "The Spring 2024 term starts soon; can I post the timetable?",
    "Ring 3 of the boxing club invited me to present prizes.",
    "Via Zoom 3 lawyers joined my lecture. Is that fine?",
    "I read Section 5 of the code twice.",
]


@pytest.mark.parametrize(("text", "gone"), ADDRESSES)
def test_addresses_go_with_their_postcode_and_city(text, gone):
    assert_gone(text, gone)


@pytest.mark.parametrize("text", NOT_ADDRESSES)
def test_words_shaped_like_streets_stay(text):
    assert_unchanged(text)


# --------------------------------------------------------------------------- dockets


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("（2022）浙01民终4567号的代理律师加我微信", "4567"),
        ("2023苏0508刑初321号的被告人在网上骂我", "刑初321"),
        ("(2021)鲁02民初7788号案件的原告关注了我", "7788"),
        ("（2019）京0108民初字第2345号", "2345"),
        ("Counsel in No. 22-4410 sent me a LinkedIn invitation", "4410"),
        ("Someone discussed Case 2024/CR/0917 on Reddit", "0917"),
        ("People discuss case FAM-2022-1188 online", "1188"),
        ("Claim No. QB-2021-004512 is before me", "004512"),
        ("Application no. 45321/20 was lodged by my neighbour", "45321"),
    ],
)
def test_docket_numbers_go_in_every_form(text, gone):
    assert_gone(text, gone)


@pytest.mark.parametrize(
    "text",
    [
        "The 2023/24 season of the law society starts soon.",
        "I had no 3-4 days off last month.",
        "a case 2-3 years old came back on appeal",
        "Section 3-4 of the guidelines covers this.",
    ],
)
def test_ranges_and_seasons_stay(text):
    assert_unchanged(text)


# --------------------------------------------------------------------------- Chinese names


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("豆豆最近总在朋友圈转发我的照片", "豆豆"),
        ("我家萱萱和原告的女儿是同班同学", "萱萱"),
        ("我女儿果果在小红书上发了我的工作证", "果果"),
        ("轩轩，说他想关注那个律师的抖音", "轩轩"),
        ("孩子然然把我的判决书拍给了同学", "然然"),
        ("坐在我对面的刘建国正好是被告的代理人", "刘建国"),
        ("那个孙海波刚加了我的微信", "孙海波"),
    ],
)
def test_nicknames_and_names_before_an_adverb_go(text, gone):
    assert_gone(text, gone)


@pytest.mark.parametrize(
    "text",
    [
        "我常常在朋友圈看看新闻，刚刚有律师加我",
        "天天有人给我发信息，谢谢你们",
        "我妈妈和爸爸都是律师，我家宝宝在看书",
        "大家平平安安的，哈哈哈",
        "他默默地看着，明明是他的错",
        "人人都有手机，同事们纷纷点赞",
        "我们慢慢说，他往往在晚上发帖",
        "我的正好是周末",
    ],
)
def test_reduplicated_words_stay(text):
    assert_unchanged(text)


# --------------------------------------------------------------------------- numbers in words


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("he sent his number as 'seven one three, four four two eight' again", "four four two"),
        ("call oh seven seven double oh nine eight one two three", "nine eight one"),
    ],
)
def test_numbers_spelt_in_words_go(text, gone):
    assert_gone(text, gone)


def test_a_few_number_words_stay():
    text = "One or two lawyers and three or four clerks follow me; five of them are former staff."
    assert_unchanged(text)


# --------------------------------------------------------------------------- the tables tuned on

DATA = Path(__file__).parent / "data"


# Clean texts of a table that another table contradicts: dev7's r001 ("I was appointed in
# 2019") is clean there, while table 1 counts "I was appointed in 2021" as an identifier (the
# year of appointment narrows a judge down); table 1 wins.
_CONTRADICTED = {"redaction_dev7.yaml": {"r001"}}


@pytest.mark.parametrize(
    "table",
    [f"redaction_dev{n}.yaml" for n in (4, 5, 6, 7, 8)],
)
def test_development_tables_stay_where_they_were_tuned(table):
    """Blind development tables 4 to 8 (tuned on, so no measure of generalisation): nearly
    every identifier gone, every clean text and every keep-phrase as typed."""
    texts = fastyaml.load((DATA / table).read_text(encoding="utf-8"))["texts"]
    rows, misses = _redaction_eval().score(texts)
    removed, identifiers = sum(r[0] for r in rows.values()), sum(r[1] for r in rows.values())
    contradicted = {f"{key}: clean text changed" for key in _CONTRADICTED.get(table, ())}
    kept = [m for m in misses if ": kept identifier " in m]
    other = [m for m in misses if m not in kept and not m.startswith(tuple(contradicted))]
    assert (identifiers - removed) / identifiers <= 0.03, kept
    assert not other, other


def _redaction_eval():
    """bench/redaction_eval.py, whose score() is how the tables are measured."""
    path = REPO / "bench" / "redaction_eval.py"
    spec = importlib.util.spec_from_file_location("redaction_eval", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --------------------------------------------------------------------------- round 6 (table 8)

ROUND_6 = [
    # A numbered part or section of a court, the judge's own.
    ("I was moved to the Matrimonial Part 9 last month; may I keep my blog?", "Matrimonial Part 9"),
    ("I sit in Family Section 2 and a party follows me on X", "Family Section 2"),
    # An address typed a character at a time, or with an "at" in Chinese brackets.
    ("someone posted l e e . k i m @ h o t m a i l . c o m under my photo", "h o t m a i l"),
    ("有人把我的邮箱 l i n a @ q q . c o m 发到了群里", "l i n a"),
    ("我的邮箱 liuyang【at】fy dot gov dot cn 被人挂在网上了", "liuyang"),
    ("he wrote my mail as chen〔at〕court.gov.cn on a forum", "chen〔at〕court"),
    # A birthday in Chinese numerals without its year; a date of birth in brackets.
    ("我的生日是十月二十日，有律师在朋友圈祝我生日快乐", "十月二十日"),
    ("My date of birth (21/09/1971) shows on an old CV online.", "21/09/1971"),
    # A Latin name with its surname in capitals, beside a Chinese role.
    ("被告 CHEN Jiayi 在领英上关注了我，我要不要移除？", "Jiayi"),
    ("原告律师 Xiaoyu ZHOU 给我发了私信", "Xiaoyu"),
    ("ZHAO Lei律师约我吃饭", "ZHAO Lei"),
    # An id in digits after 账号/ID ends at the first Chinese character.
    ("有个小红书账号是88213467的人在评论区骂我", "88213467"),
]

ROUND_6_KEPT = [
    ("有个小红书账号是88213467的人在评论区骂我", "的人在评论区骂我"),
    ("Part 2 of the guidelines says judges may post about the law.", "Part 2"),
    ("I read Section 3 of the code of conduct twice.", "Section 3"),
    ("律师 AI 工具能帮我回复网友吗？", "AI 工具"),
    ("I was @ court all day, a b c, and then went home.", "a b c"),
]


@pytest.mark.parametrize(("text", "gone"), ROUND_6)
def test_round_6_kinds_go(text, gone):
    assert_gone(text, gone)


@pytest.mark.parametrize(("text", "kept"), ROUND_6_KEPT)
def test_round_6_look_alikes_stay(text, kept):
    assert kept in redact(text)


# --------------------------------------------------------------------------- generalising (13.1)

GENERAL = [
    # A Chinese name after a word of kin, or opening a clause before an adverb.
    ("原告的哥哥孙凯在抖音上发视频说我偏袒", "孙凯"),
    ("我女儿的同学家长邓丽华总在群里@我", "邓丽华"),
    ("钱志远一直在微博上评论我的判决", "钱志远"),
    ("许文静最近老给我点赞，她是律师", "许文静"),
    # Obfuscated: digits in spaced groups, a spelt dot in the name, "#" for "@", a year in
    # words, an account's name in quotes.
    ("text me on 0 7 7 0 0 - 9 0 0 - 1 2 3 please", "9 0 0"),
    ("write to mark dot ellis at outlook dot com", "ellis"),
    ("我的邮箱 chenyu#126.com 被人公开了", "chenyu"),
    ("I was born in nineteen sixty-eight, which my profile shows", "sixty-eight"),
    ("我是一九六八年出生的，网上有人公开了我的年龄", "一九六八"),
    ('有个昵称叫"明镜高悬"的人天天骂我', "明镜高悬"),
    ("my screen name is 'Gavel Gal' and people found out who I am", "Gavel Gal"),
    # A docket number with its court's code, after "is".
    ("The docket number is FC 2021-007733 and a party follows me", "2021-007733"),
]

GENERAL_KEPT = [
    "我儿子高考结束了，想发朋友圈庆祝一下",
    "我女儿任性，总在网上发我的照片",
    "Born in a small town in the nineties, I now sit on the bench.",
    "I write C#.net code in my spare time and post it on GitHub.",
    'Is the word "judge" in my handle a problem?',
    "The score was 1 2 - 3 4 at half time.",
]


@pytest.mark.parametrize(("text", "gone"), GENERAL)
def test_general_kinds_go(text, gone):
    assert_gone(text, gone)


@pytest.mark.parametrize("text", GENERAL_KEPT)
def test_general_look_alikes_stay(text):
    assert_unchanged(text)


# --------------------------------------------------------------------------- census surnames

CENSUS_SURNAMES = [
    # A surname of the 1990 US Census list (no English word, no place), typed surname first in
    # lower case, or after a word for a relative or a coach.
    ("I think huxford laura is the one who posted it", "huxford"),
    ("It was Aunt Styers who tagged me in the photo", "Styers"),
    ("My old coach Brannigan Weatherall follows me now", "Weatherall"),
]


@pytest.mark.parametrize(("text", "gone"), CENSUS_SURNAMES)
def test_census_surnames_go(text, gone):
    assert_gone(text, gone)


def test_a_census_surname_in_a_place_stays():
    text = "I sit on a labour tribunal in São Paulo and post on LinkedIn."
    assert_unchanged(text)


# --------------------------------------------------------------------------- dates, short names

DATES_AND_SHORT_NAMES = [
    ("I started on the bench on the third of May two thousand and eighteen.", "eighteen"),
    ("I took the oath on 2 March nineteen ninety-nine and it is on my profile", "ninety-nine"),
    ("My birthday, the 9th of August, is on my Facebook page.", "9th of August"),
    ("I was sworn in on the 3rd of May twenty twenty-one", "twenty-one"),
    ("My appointment date, 1 September twenty ten, is on the court website", "twenty ten"),
    ("我于2017年3月6日到法院报到，网上能查到", "2017年3月6日"),
    ("我和韩梅是大学同学，她现在做律师", "韩梅"),
    ("听说罗娟在律所上班，她加了我微信", "罗娟"),
]

SHORT_NAME_LOOK_ALIKES = [
    "我和同事去吃饭，能发朋友圈吗？",
    "听说林业局要改革，我能在网上评论吗？",
    "我和马上要退休的同事合了影。",
    "I started on the bench in the nineties and post about it.",
]


@pytest.mark.parametrize(("text", "gone"), DATES_AND_SHORT_NAMES)
def test_dates_in_words_and_short_names_go(text, gone):
    assert_gone(text, gone)


@pytest.mark.parametrize("text", SHORT_NAME_LOOK_ALIKES)
def test_short_name_and_date_look_alikes_stay(text):
    assert_unchanged(text)


# --------------------------------------------------------------------------- one judge of a court


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("A post calls me the newly appointed judge at the Brookvale County Court.", "Brookvale"),
        ("As the duty magistrate of Tamworth Magistrates' Court, may I post?", "Tamworth"),
    ],
)
def test_the_judge_at_a_named_court_goes(text, gone):
    assert_gone(text, gone)


def test_the_judges_of_a_court_that_is_an_institution_stay():
    text = "The judge at the Supreme Court ruled, and the judges of the High Court agreed."
    assert_unchanged(text)


# --------------------------------------------------------------------------- accounts and numerals

ACCOUNTS_AND_NUMERALS = [
    ("有个律师加我微信 lawfirm_li88，我要不要通过？", "lawfirm_li88"),
    ("他让我加他薇信 wang2021 私聊案子", "wang2021"),
    ("I gave him my vx: judge2024 and regret it", "judge2024"),
    ("我的小红书昵称：桂花糕的日常，被当事人扒出来了", "桂花糕的日常"),
    ("有人在群里发了我的手机号 壹叁玖壹贰叁肆伍陆柒捌", "壹叁玖"),
    ("我2012年进的法院，网上有人查到了", "2012"),
]

ACCOUNT_LOOK_ALIKES = [
    "我的微信账号：可以实名吗？",
    "微信 Moments 里能发工作照片吗？",
    "壹万贰仟元的礼金能收吗？",
    "我有两个微信号，一个工作用，一个私人用。",
]


@pytest.mark.parametrize(("text", "gone"), ACCOUNTS_AND_NUMERALS)
def test_accounts_and_numerals_go(text, gone):
    assert_gone(text, gone)


@pytest.mark.parametrize("text", ACCOUNT_LOOK_ALIKES)
def test_account_and_numeral_look_alikes_stay(text):
    assert_unchanged(text)


# --------------------------------------------------------------------------- families, nicknames

FAMILIES_AND_NICKNAMES = [
    ("The Wojcik family invited me to their barbecue; may I go?", "Wojcik"),
    ("The Hendersons next door sued each other in my court.", "Hendersons"),
    ("法官助理阿杰帮我管理公众号，可以吗？", "阿杰"),
    ("书记员小敏在朋友圈发了庭审照片", "小敏"),
    ("律师钱 磊在朋友圈骂我", "钱 磊"),
    ("网友“江南小雨”一直私信我", "江南小雨"),
    ("有个博主「半杯咖啡」扒出了我的单位", "半杯咖啡"),
]

FAMILY_AND_NICKNAME_LOOK_ALIKES = [
    "We holidayed in the Netherlands and the Bahamas; may I post the photos?",
    "The Royal family's posts are often discussed by judges.",
    "当事人小心翼翼地问我能不能加微信",
    "在微博评论区回了一个网友“你说得不对”，合适吗？",
]


@pytest.mark.parametrize(("text", "gone"), FAMILIES_AND_NICKNAMES)
def test_families_nicknames_and_quoted_screen_names_go(text, gone):
    assert_gone(text, gone)


@pytest.mark.parametrize("text", FAMILY_AND_NICKNAME_LOOK_ALIKES)
def test_family_and_nickname_look_alikes_stay(text):
    assert_unchanged(text)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("我去年十月八日宣誓就职，朋友圈里有照片", "十月八日"),
        ("My mate Shazza works for the prosecution and follows me.", "Shazza"),
        ("My old pal Ingeborg Lindqvist now appears before me.", "Lindqvist"),
    ],
)
def test_a_day_after_this_year_and_a_mate_go(text, gone):
    assert_gone(text, gone)


def test_mate_and_pal_inside_words_stay():
    # A capitalised word follows "checkmate", so only the word boundary before "mate" keeps it.
    text = "I use PayPal for gifts, and my chess book calls that checkmate Arabian Mate."
    assert_unchanged(text)


def test_the_judges_own_federal_circuit_goes_and_one_in_the_news_stays():
    assert_gone("Since my appointment to the Seventh Circuit I post less.", "Seventh Circuit")
    text = "The Seventh Circuit ruled on a judge's Facebook post last year."
    assert_unchanged(text)


# --------------------------------------------------------------------------- review of round 7

# A family word is a weak cue: what follows it is as often what the person does.
FAMILY_WORDS_BEFORE_WORDS = [
    "我女儿任课老师总在群里发照片，我能提醒吗？",
    "我儿子左手受伤了，能请假吗？",
    "我室友田园风格的装修照片被律师转发了",
    "我女儿毛毛虫害怕得不敢出门",
    "我女儿任性，总要看我的手机",
]


@pytest.mark.parametrize("text", FAMILY_WORDS_BEFORE_WORDS)
def test_a_family_word_before_an_ordinary_word_stays(text):
    assert_unchanged(text)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("我女儿王小雨说她想去律所实习", "王小雨"),
        ("我室友陈晨在律所上班，常来旁听", "陈晨"),
        ("我儿子张伟，今年在对方律所实习", "张伟"),
    ],
)
def test_a_name_after_a_family_word_before_a_break_goes(text, gone):
    assert_gone(text, gone)


# A numbered part, section, list, term or panel is a bench only after the kind of cases it hears.
PARTS_OF_CODES_AND_ROTAS = [
    "In my court, Part 36 offers are often made late; may I comment on them in a lecture?",
    "My question is about Section 230 and what I may repost.",
    "I am in List 1 of the rota. May I swap with a colleague who knows a party?",
    "I sit in the family courts and Family Part 3 of the Rules puzzles me.",
]


@pytest.mark.parametrize("text", PARTS_OF_CODES_AND_ROTAS)
def test_a_part_of_a_code_or_a_rota_stays(text):
    assert_unchanged(text)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("I sit in the Commercial Part 12 and a lawyer follows me", "Part 12"),
        ("I was moved to Courtroom 7B last month", "7B"),
    ],
)
def test_a_numbered_bench_of_the_judge_goes(text, gone):
    assert_gone(text, gone)


# A US circuit is the judge's only with my/our right before it or a verb of sitting on it.
@pytest.mark.parametrize(
    "text",
    [
        "In my view, does the Ninth Circuit's rule on recusal apply to my blog?",
        "In my experience the Fifth Circuit's opinions are long; may I say so in a talk?",
    ],
)
def test_a_circuit_cited_near_my_stays(text):
    assert_unchanged(text)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("I serve as a judge on the 9th Circuit and a lawyer follows me.", "9th Circuit"),
        ("My Ninth Circuit colleagues follow my blog.", "Ninth Circuit"),
    ],
)
def test_the_judges_own_circuit_goes(text, gone):
    assert_gone(text, gone)


# Quoted screen names: an English cue needs is/was/called/: before the quote, and a straight '
# beside a letter is an apostrophe; after a colon a role or the question itself is no account.
SCREEN_NAME_LOOK_ALIKES = [
    "How should I handle 'vexatious' litigants who post about me?",
    "My handle's been copied and it's now used to post about my cases. What can I do?",
    "我的微信昵称：法官，可以吗？",
    "想问一下账号：实名制的问题",
]


@pytest.mark.parametrize("text", SCREEN_NAME_LOOK_ALIKES)
def test_quotes_and_colons_that_hold_no_screen_name_stay(text):
    assert_unchanged(text)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("My nickname is 'gavel girl' and a party found it.", "gavel girl"),
        ('My handle is "Quiet Gavel" on X.', "Quiet Gavel"),
        ("我的微博昵称：半杯咖啡的法官，被律师关注了", "半杯咖啡"),
    ],
)
def test_quoted_and_colon_screen_names_go(text, gone):
    assert_gone(text, gone)


# vx, wx and qq are platforms only as words of their own.
@pytest.mark.parametrize(
    "text",
    [
        "I installed wxPython3 on my court laptop; is that allowed?",
        "我用qqplot2画了结案率的图，可以发吗？",
    ],
)
def test_a_platform_token_inside_a_word_stays(text):
    assert_unchanged(text)


@pytest.mark.parametrize(
    ("text", "gone"),
    [("律师让我加他wx lawyer2020", "lawyer2020"), ("My vx is judge_li88", "judge_li88")],
)
def test_a_platform_token_before_an_id_still_takes_it(text, gone):
    assert_gone(text, gone)


# An all-capitals word after a Chinese role is a surname only as pinyin (律师 LI Ming).
@pytest.mark.parametrize(
    "text",
    [
        "法官 AI Assistant 能用吗？",
        "律师 GPT Plus 会员可以报销吗？",
        "Is the 法官 AI Assistant allowed?",
    ],
)
def test_an_acronym_after_a_chinese_role_stays(text):
    assert_unchanged(text)


@pytest.mark.parametrize(
    ("text", "gone"),
    [("律师 LI Ming 加我微信", "LI Ming"), ("当事人 ZHANG Xiaoming 打电话给我", "ZHANG Xiaoming")],
)
def test_a_pinyin_name_in_capitals_after_a_chinese_role_goes(text, gone):
    assert_gone(text, gone)


# "the X family of …" is a range of products, not a family of people.
@pytest.mark.parametrize(
    "text",
    [
        "Does owning shares in the Boeing family of funds bar me from an aviation case?",
        "My grandson plays with the Lego family of sets; may I post photos?",
    ],
)
def test_a_family_of_products_stays(text):
    assert_unchanged(text)


# One family list (zh_names.yaml) serves every finder of the judge's circle.
@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("我婆婆Grace常来旁听我的庭审，我要回避吗？", "Grace"),
        ("我爸爸Frank跟对方律师很熟", "Frank"),
    ],
)
def test_every_family_word_cues_the_judges_circle(text, gone):
    assert_gone(text, gone)


def test_a_firm_named_in_any_of_its_languages_is_not_skipped_by_the_gate():
    # The gate that skips the firm rule is built from the firm words themselves: "Avvocati"
    # was once missing from a hand-kept copy, and only other rules caught the names.
    from storage.redaction.rules import RULES
    from storage.redaction.text import Text

    (firm,) = [rule for rule in RULES if rule.name == "firm-en"]
    for text in ("I know Rossi Bianchi Avvocati well.", "Bauer Schmidt Rechtsanwälte emailed me"):
        assert firm.spans(Text(text).norm), text
    assert redact("I know Rossi Bianchi Avvocati well.") == "I know [NAME] well."
