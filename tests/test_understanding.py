"""Reading a typed dilemma: an option is taken only when the words select it, and never
when they negate it; otherwise Amicus asks (issue 12)."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from conversations.checks import means_problems
from conversations.trees import load_trees
from conversations.understanding.choosing import NodeReader
from conversations.understanding.reading import Phrase, Text
from conversations.understanding.smallwords import SmallWords
from conversations.understanding.splitting import Splitter
from conversations.understanding.walking import changed, walk
from conversations.understanding.words import default_words
from knowledge import DataError, default_corpus

FIXTURES = Path(__file__).parent / "fixtures"
TREE = load_trees(default_corpus(), FIXTURES / "means").trees["lawyer_request"]
WORDS = default_words()


def read(text: str, direct: bool = False, prefix=()):
    def reader(node_id: str) -> NodeReader:
        return NodeReader.of(TREE.nodes[node_id], WORDS, None)

    return walk(TREE, reader, Text(text, WORDS), prefix, direct=direct)


@pytest.mark.parametrize(
    "text",
    [
        "A lawyer sent me a friend request and has a case pending before me",
        "一位律师加我好友，他有案子在我这里审",
        "律师加我微信，他代理的案子是我审的",
    ],
)
def test_words_that_decide_every_step_reach_the_answer(text):
    found = read(text)
    assert found.answer and found.node == "a_party"
    assert found.code == "00"


@pytest.mark.parametrize(
    "text",
    [
        "A lawyer sent me a friend request, but there is no case pending before me",
        "律师加我好友，但没有案子在我这里",
        "律师加我好友，不过案子不是我审的",
    ],
)
def test_a_negated_option_is_not_taken(text):
    # Of a yes/no question, denying one answer is choosing the other.
    found = read(text)
    assert found.node == "a_lawyer"


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("想知道要不要分成两个号", False),  # 要不要 asks, though its 要 stands further back
        ("我在考虑能不能分成两个号", False),
        ("不要分成两个号", True),
        ("我没有两个号", True),
    ],
)
def test_a_chinese_question_form_does_not_negate_what_follows(text, negated):
    assert [h.negated for h in Text(text, WORDS).hits(Phrase("两个号"))] == [negated]


@pytest.mark.parametrize(
    "text",
    [
        "A lawyer sent me a friend request; the case is not before me, I think",
        "A lawyer from a colleague's case sent me a request",  # 'colleague' names the other option
        "Someone sent me a friend request",
        "一个人加我好友",
    ],
)
def test_never_guess_stop_at_the_first_open_question(text):
    found = read(text)
    assert not found.answer


def test_two_options_named_leave_the_question_open():
    assert read("A lawyer and a fellow judge both sent me requests").node == "who"


def test_yes_and_no_count_only_as_a_direct_reply_to_the_question_on_screen():
    at_pending = (("who", 0),)
    assert read("yes", direct=True, prefix=at_pending).node == "a_party"
    assert read("没有", direct=True, prefix=at_pending).node == "a_lawyer"
    # Inside a longer dilemma a passing "yes" or 没有 decides nothing.
    assert read("A lawyer sent me a request, yes, and I wonder").node == "pending"
    assert read("没有想到律师会加我").node == "pending"


def test_a_phrase_may_hold_one_extra_word_never_a_clause_break():
    assert read("a lawyer; the case pending before me").answer
    assert read("律师加我好友，他有个案子在这里").answer  # a particle inside: 有个案子
    assert read("an attorney's request: the case is in my court now").node == "a_party"
    assert read("an attorney with a case now pending before me").answer
    assert not read("an attorney. A case, pending. Before me").answer


def test_changing_a_step_keeps_the_later_answers_where_they_still_apply():
    before = read("A lawyer sent me a request and has a case pending before me")
    assert changed(TREE, before, 0, 1).node == "a_colleague"
    again = changed(TREE, changed(TREE, before, 0, 1), 0, 0)
    assert again.node == "pending"  # the later answer was left behind on the other branch


def test_lint_reports_an_option_with_no_means_and_a_phrase_claimed_twice():
    clashing = load_trees(default_corpus(), FIXTURES / "means_lint").trees["clashing"]
    problems = [str(p) for p in means_problems(clashing, FIXTURES / "means_lint" / "clashing.yaml")]
    assert any("options[1].means: 'counsel' is also claimed by options[0]" in p for p in problems)
    assert any("options[2].means: no means" in p for p in problems)
    assert means_problems(TREE, FIXTURES / "means" / "lawyer_request.yaml") == []


def test_lint_reports_a_concept_the_lexicon_does_not_know(tmp_path):
    text = (FIXTURES / "means" / "lawyer_request.yaml").read_text(encoding="utf-8")
    text = text.replace(
        'zh: ["同事", "法官同事"]', 'zh: ["同事"]\n          concepts: [no_such_idea]'
    )
    (tmp_path / "lawyer_request.yaml").write_text(text, encoding="utf-8")
    tree = load_trees(default_corpus(), tmp_path).trees["lawyer_request"]
    problems = means_problems(tree, tmp_path / "lawyer_request.yaml", {"lawyer"})
    assert [p.message for p in problems] == ["unknown concept 'no_such_idea'"]


@pytest.mark.parametrize(
    ("text", "kind", "number"),
    [
        ("guideline 30", "guideline", 30),
        ("Guideline 30.", "guideline", 30),
        ("第30条", "guideline", 30),
        ("30条", "guideline", 30),
        ("hello", "greeting", None),
        ("Thanks!", "thanks", None),
        ("谢谢", "thanks", None),
        ("ok", "ack", None),
        ("是", "ack", None),
        ("好的", "ack", None),
    ],
)
def test_small_words(text, kind, number):
    found = SmallWords(WORDS).read(text)
    assert found is not None and (found.kind, found.number) == (kind, number)


@pytest.mark.parametrize(
    "text", ["guideline 30 says what about lawyers?", "ok so a lawyer added me"]
)
def test_a_question_is_not_a_small_word(text):
    assert SmallWords(WORDS).read(text) is None


@pytest.mark.parametrize(
    ("text", "second"),
    [
        (
            "A brand wants to pay me for a post. Also, can I follow pundits?",
            "can I follow pundits?",
        ),
        (
            "1) My running app shows my route. 2) Can I blog under a pen name?",
            "Can I blog under a pen name?",
        ),
        ("有商家请我推广产品。另外，我能用化名开个小号吗？", "我能用化名开个小号吗？"),
        ("我的跑步软件显示定位。还有，我们院想开个官方抖音号", "我们院想开个官方抖音号"),
        ("1）律师加我微信，能加吗？2）我能用化名开个小号吗？", "我能用化名开个小号吗？"),
        ("一是旧照片要不要删？二是能不能用化名开个小号？", "能不能用化名开个小号？"),
        ("第一，能不能加律师微信？第二，能不能转发案件新闻？", "能不能转发案件新闻？"),
    ],
)
def test_two_dilemmas_are_cut_where_the_second_begins(text, second):
    cuts = Splitter(WORDS).cuts(text)
    assert cuts and cuts[0].parts[1] == second


@pytest.mark.parametrize(
    "text",
    [
        "I also liked a lawyer's post about my case",
        "群里天天在讨论我承办的这个案子，还有人@我，要退群吗？",
        "A witness followed me on X after the hearing. Should I do anything? Block him?",
        "我一是觉得不妥，二是怕麻烦，能不能删帖？",  # reasons, not two questions
    ],
)
def test_one_dilemma_explained_or_followed_by_a_short_question_is_not_cut(text):
    assert Splitter(WORDS).cuts(text) == []


def test_the_longer_of_two_overlapping_phrases_is_what_was_said():
    reader = NodeReader(
        options=((Phrase("a lawyer"),), (Phrase("lawyer in my case"),)), labels=((), ())
    )
    assert reader.choose(Text("A lawyer in my case sent me a request", WORDS)) == 1
    assert reader.choose(Text("A lawyer sent me a request", WORDS)) == 0
    # Apart, not overlapping: both are said, so the question stays open.
    assert reader.choose(Text("A lawyer, and the lawyer in my case", WORDS)) is None


def test_a_broken_word_list_is_reported_by_file_and_field(tmp_path):
    from conversations.understanding.words import WORDS_FILE, load_words
    from knowledge import DataError

    text = WORDS_FILE.read_text(encoding="utf-8").replace(
        "guideline_patterns:", "guideline_patterns:\n  - '(unclosed'", 1
    )
    broken = tmp_path / "understanding.yaml"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_words(broken)
    (problem,) = caught.value.problems
    assert "guideline_patterns" in str(problem) and "not a regular expression" in str(problem)


def test_hedges_answer_only_the_question_on_screen(engine):
    from conversations import FreeText, Session

    # "Could" opens a question; it is no "It could (be read as mocking)".
    session, reply = engine.handle(
        Session("en"), FreeText("Could I post a joke on Twitter about court today?")
    )
    assert reply.screen == "t:conduct_tone:joke"
    _, reply = engine.handle(session, FreeText("it could"))
    assert reply.screen == "t:conduct_tone:a_demean"


@functools.cache
def _understanding():
    """One engine's understanding for the tests that read a single question: an engine
    holds nothing of a session, and building one per case cost most of this file's time."""
    from conversations import Engine

    return Engine().understanding


def _node_choice(tree_id: str, node_id: str, text: str) -> int | None:
    understanding = _understanding()
    reader = understanding.reader(tree_id, node_id)
    return reader.choose(Text(text, understanding.words))


def test_an_option_is_selected_by_a_word_of_the_same_meaning_not_only_its_own_phrases():
    # "官方微博" is in none of the option's phrases ("the court's official account"); it is a
    # term of the lexicon concept that holds several of them, and no sibling claims it.
    assert _node_choice("case_comment", "edu", "我们法院准备开通官方微博账号") == 0


@pytest.mark.parametrize(
    ("tree_id", "node_id", "text"),
    [
        # words that name the walkthrough's topic decide none of its questions
        ("family_staff", "fam", "My family posts a lot on Facebook. Should I talk to them?"),
        ("court_account", "purpose", "我们院想开一个官方账号"),
    ],
)
def test_borrowed_meaning_never_guesses_from_topic_words(tree_id, node_id, text):
    assert _node_choice(tree_id, node_id, text) is None


def test_a_bare_chinese_yes_is_a_word_of_its_own_not_the_copula():
    # "是" answers a yes/no question only standing alone; "是我..." says who it is.
    yes_no = next(
        (t, n)
        for t in TREE.nodes
        for n in [TREE.nodes[t]]
        if not n.is_answer and NodeReader.of(n, WORDS, None).yes_or_no
    )
    reader = NodeReader.of(yes_no[1], WORDS, None)
    assert reader.choose(Text("是。", WORDS), direct=True) is not None
    assert reader.choose(Text("是我一个老同学", WORDS), direct=True) is None


SCREENED = load_trees(default_corpus(), FIXTURES / "means").trees["screened_post"]


def read_screened(text: str, direct: bool = False, prefix=(), screens: bool = True):
    def reader(node_id: str) -> NodeReader:
        return NodeReader.of(SCREENED.nodes[node_id], WORDS, None)

    return walk(SCREENED, reader, Text(text, WORDS), prefix, direct=direct, screens=screens)


@pytest.mark.parametrize(
    ("text", "node"),
    [
        ("Should I delete my old political posts?", "a_views"),
        ("我以前发的政治内容要删吗？", "a_views"),
        ("Can I delete old posts?", "what"),  # the screen passed, the open question asked
    ],
)
def test_a_screening_question_the_words_leave_open_is_passed_by_its_ordinary_case(text, node):
    found = read_screened(text)
    assert found.steps[0] == ("stake", 1)
    assert found.node == node


@pytest.mark.parametrize(
    "text", ["A complaint was made about my old political posts", "我的政治帖子被人投诉了"]
)
def test_a_screening_question_the_words_answer_goes_by_the_words(text):
    found = read_screened(text)
    assert found.node == "a_complaint"


def test_a_screening_question_on_screen_is_never_passed_for_the_judge():
    # Replying to the screening question itself, words that answer nothing leave it open.
    assert read_screened("political, I think", direct=True).node == "stake"
    # And only the walk shown passes screens: how far the words alone go chooses walkthroughs.
    assert read_screened("Should I delete my old political posts?", screens=False).steps == ()


def test_a_usual_option_that_does_not_exist_is_named_by_file_and_field(tmp_path):
    text = (FIXTURES / "means" / "screened_post.yaml").read_text(encoding="utf-8")
    (tmp_path / "screened_post.yaml").write_text(text.replace("option: 1", "option: 4"), "utf-8")
    with pytest.raises(DataError) as caught:
        load_trees(default_corpus(), tmp_path)
    assert "screened_post.yaml: nodes.stake: usual.option 4 is not one of the options" in str(
        caught.value
    )


@pytest.mark.parametrize(
    ("text", "phrase", "negated"),
    [
        # a negator after the phrase, in the same clause, denies it
        ("这事跟我的案子没关系", "我的案子", True),
        ("他和本案无关", "本案", True),
        ("那人与我审的案件毫无关系", "我审的", True),
        ("我手上没有他的案子", "我手上", True),
        ("我手上根本没有他的任何案件", "我手上", True),
        ("在我这里也没有", "在我这里", True),
        ("那个官司不是我审的", "官司", True),
        # a person before a negator is not what it denies
        ("律师与本案无关", "律师", False),
        ("律师没有在我这里出庭", "律师", False),
        ("当事人不是我的朋友", "当事人", False),
        # never across a clause break
        ("我审的案子，但跟他没关系", "我审的", False),
        ("我手上的案子，不过没有他", "我手上", False),
        # a case not yet decided is still a case
        ("我手上的案子还没判", "我手上", False),
        ("我审的案子还没有结", "我审的", False),
    ],
)
def test_a_chinese_negator_after_a_phrase_denies_it(text, phrase, negated):
    assert [h.negated for h in Text(text, WORDS).hits(Phrase(phrase))] == [negated]


@pytest.mark.parametrize(
    ("text", "phrase", "negated"),
    [
        ("he has nothing to do with my case", "my case", True),
        ("the firm is unrelated to any case before me", "case before me", True),
        ("that case is not mine", "that case", True),
        ("that case really isn't mine", "that case", True),
        ("the matter is no longer pending", "pending", True),
        ("my case is pending and he is in it", "my case", False),
        ("my case, but he has nothing to do with it", "my case", False),
    ],
)
def test_an_english_negation_after_or_around_a_phrase_denies_it(text, phrase, negated):
    assert [h.negated for h in Text(text, WORDS).hits(Phrase(phrase))] == [negated]


@pytest.mark.parametrize(
    "text",
    [
        "律师加我好友，他跟我手上的案子没关系",
        "律师加我微信，他与我审的案件完全无关",
        "一位律师加我好友，我手上没有他代理的案子",
        "律师加我好友，但他代理的那些案子都跟本案无关",
        "A lawyer added me; he has nothing to do with any case I'm hearing",
        "A lawyer sent me a friend request. He is unrelated to a case i am hearing",
    ],
)
def test_a_case_denied_after_it_is_never_taken_as_pending_before_me(text):
    assert _node_choice("friend_request", "lawyer", text) != 0


@pytest.mark.parametrize(
    ("tree_id", "node_id", "text", "option"),
    [
        # the questions where complete dilemmas most often stopped, in judges' own words
        ("online_insult", "p_pend", "I've reserved judgment and he's already attacking me", 0),
        ("online_insult", "p_pend", "判决早就生效了，他还在网上骂我", 1),
        ("online_insult", "case_who", "键盘侠在微博上骂我判得不公", 1),
        ("online_insult", "case_who", "a troll farm is flooding my page after the verdict", 2),
        ("family_staff", "fam_case", "the verdict isn't out yet and my wife posted about it", 0),
        ("family_staff", "staff", "我的书记员在抖音上发了合议的内容", 0),
        ("family_staff", "staff", "my clerk posts office banter on instagram", 1),
        ("pseudonym", "linked", "I vent there about politics sometimes", 0),
        ("pseudonym", "realname", "简介空白，只写名字", 1),
        ("privacy_location", "photo", "我老婆晒了我们的全家福", 1),
        ("privacy_location", "photo", "a stranger tagged me in a picture from the party", 2),
        ("case_comment", "which", "可以谈谈我上周判的那个案子吗", 1),
        ("case_comment", "channel", "有网友在评论区问我这个案子怎么看", 1),
        ("case_comment", "edu", "I'd explain it on my own YouTube", 1),
        ("following", "whom", "can I follow a criminal lawyer on instagram", 2),
        ("conduct_tone", "what", "想在网上骂回去，气炸了", 4),
        ("conduct_tone", "how", "I'd keep it even-handed", 0),
        ("friend_request", "remove", "他网暴我，能拉黑吗", 2),
        ("friend_request", "remove", "just a clear-out of old acquaintances", 4),
        ("online_research", "what", "can I google the witness before the hearing", 0),
        ("online_research", "person", "just nosy, nothing more", 2),
        ("online_research", "person", "担心他会找上门报复", 3),
        ("privacy_location", "what", "my account got hacked last night", 2),
        ("commercial", "what", "有品牌找我恰饭，发一条给多少钱", 0),
        ("commercial", "what", "can I promote my cookbook on my page", 1),
        ("delete_content", "stake", "a reporter is asking about my old posts", 1),
        ("friend_request", "lawyer", "律师加我好友，他的案子早就结了", 4),
    ],
)
def test_judges_words_for_the_usual_stopping_questions(tree_id, node_id, text, option):
    assert _node_choice(tree_id, node_id, text) == option


@pytest.mark.parametrize(
    ("tree_id", "node_id", "text"),
    [
        # incomplete: the words do not say the deciding fact, so Amicus still asks
        ("online_insult", "p_pend", "someone is insulting me about a case"),
        ("online_insult", "case_who", "我因为一个案子被人骂了"),
        ("case_comment", "channel", "I'd like to talk about a case"),
        ("privacy_location", "photo", "is it ok to have photos of me online"),
        ("commercial", "what", "有人找我合作"),
        ("friend_request", "remove", "我想删掉一个好友"),
        ("family_staff", "fam_case", "my husband talks about my work online"),
        ("online_research", "person", "I want to look up a party"),
    ],
)
def test_loose_words_leave_the_deciding_question_open(tree_id, node_id, text):
    assert _node_choice(tree_id, node_id, text) is None


@pytest.mark.parametrize(
    ("text", "option"),
    [
        # denying my case and naming whose it is, or that there is none
        ("律师加我好友，那起案子不是我审的，是别的法官的", 2),
        ("A solicitor added me; the matter isn't mine, it's with another judge", 2),
        ("律师加我微信，我这里没有他的案子", 4),
        ("An attorney followed me; she has no case with me", 4),
    ],
)
def test_a_case_denied_as_mine_goes_to_whose_it_is(text, option):
    assert _node_choice("friend_request", "lawyer", text) == option


def test_a_filler_between_a_case_and_its_denial_still_denies_it():
    hits = Text("跟我审的这个案子不相干", WORDS).hits(Phrase("我审的"))
    assert [h.negated for h in hits] == [True]


def test_an_empty_list_of_question_words_makes_no_message_a_question():
    from conversations.understanding.words import ByLanguage, default_words

    words = default_words()
    empty = words.model_copy(update={"question_words": ByLanguage(en=[], zh=[]), "a_not_a": []})
    assert not SmallWords(empty).asks("那时候还在律所")
    assert not SmallWords(empty).asks("back when I was at the firm")
    assert SmallWords(words).asks("要不要删")


@pytest.mark.parametrize(
    ("text", "phrase", "negated"),
    [
        ("neither side has put any of it into evidence", "evidence", True),
        ("nobody has filed a complaint about them", "complaint", True),
        ("nobody has complained, but a journalist wrote a story", "a story", False),
        ("the defendant put it into evidence", "evidence", False),
        ("双方都没有把这些作为证据提交", "证据", True),
        ("没人向法院投诉过", "投诉", True),
        ("当事人把截图作为证据提交了", "证据", False),
        ("no one would appeal so the case is still open to appeal", "open to appeal", False),
        ("nobody complained and a journalist wrote a story", "a story", False),
        ("我都没有想到他正在我这里打官司", "在我这里", False),
        ("没人会上诉，所以案子还能上诉", "还能上诉", False),
    ],
)
def test_a_negative_subject_denies_what_its_clause_says(text, phrase, negated):
    """ "Neither side …" denies the rest of its clause, however far its verb carries it, and
    never a later clause."""
    assert [h.negated for h in Text(text, WORDS).hits(Phrase(phrase))] == [negated]


@pytest.mark.parametrize(
    ("text", "phrase", "found"),
    [
        ("案子已经结了", "案子结了", True),
        ("我们早就是好友", "我们是好友", True),
        ("案子还没结", "案子结了", False),
    ],
)
def test_a_chinese_adverb_inside_a_phrase_still_says_it(text, phrase, found):
    assert bool(Text(text, WORDS).hits(Phrase(phrase))) == found


def test_a_negator_is_never_the_word_let_inside_a_phrase():
    """One word may stand inside an English phrase, never a negator: "our judiciary has no
    rules" does not say "our judiciary has rules"."""
    assert (
        Text("our judiciary has no rules on it", WORDS).hits(Phrase("our judiciary has rules"))
        == []
    )
    assert Text("our judiciary has clear rules", WORDS).hits(Phrase("our judiciary has rules"))


@pytest.mark.parametrize(
    ("text", "phrase", "negated"),
    [
        ("今天遇到个特别奇葩的当事人", "奇葩的当事人", False),
        ("现在是否应该删除这些帖子", "删除", False),
        ("别删除这些帖子", "删除", True),
        ("这些帖子未删除", "删除", True),
    ],
)
def test_a_word_that_only_holds_a_negator_s_character_negates_nothing(text, phrase, negated):
    """特别 "especially" and 是否 "whether" hold 别 and 否 without denying what follows."""
    assert [h.negated for h in Text(text, WORDS).hits(Phrase(phrase))] == [negated]


@pytest.mark.parametrize(
    ("text", "option"),
    [
        (
            "A party called me names on Twitter. Nobody knows if the case is still open to appeal.",
            None,
        ),
        ("当事人在网上骂我，没人知道案子是否还能上诉", None),
        ("A party called me names. He said no one would appeal so it is still open to appeal.", 0),
        ("当事人在网上骂我，他说没人会上诉，所以案子还能上诉", 0),
    ],
)
def test_a_negative_subject_never_chooses_the_other_answer(text, option):
    """ "Nobody knows if it is still open" denies nothing the judge said: the question stays
    open; and a negative subject never reaches past "so" into the next clause."""
    assert _node_choice("online_insult", "p_pend", text) == option


@pytest.mark.parametrize(
    "text",
    [
        "一个律师加我微信好友，我都没有想到他正在我这里打官司",
        "律师加我好友，没想到他在我这里打官司",
    ],
)
def test_a_word_that_does_not_negate_is_no_negative_subject_either(text):
    assert _node_choice("friend_request", "lawyer", text) == 0


@pytest.mark.parametrize("node", ["p_pend", "pending"])
@pytest.mark.parametrize(
    "text",
    [
        "A party insulted me online after I ruled last week; the time to appeal has expired",
        "The defendant I sentenced yesterday is abusing me on Facebook",
        "当事人在网上骂我，是刚判的一个小额诉讼案件，一审终审",
        "当事人在微博上骂我，前几天判的",
    ],
)
def test_a_recent_ruling_says_nothing_of_whether_an_appeal_is_still_open(node, text):
    """A ruling last week may be final (一审终审, the time to appeal gone): Amicus asks."""
    assert _node_choice("online_insult", node, text) is None


@pytest.mark.parametrize(
    ("text", "hints"),
    [
        ("Nobody has complained, but a journalist emailed me about them yesterday.", True),
        ("没人投诉，不过有记者昨天发邮件问我这些帖子", True),
        ("Nobody has complained about them.", False),
        ("没人投诉过这些帖子", False),
    ],
)
def test_the_ordinary_case_said_silences_only_its_own_clause(text, hints):
    """ "Nobody has complained" is the ordinary case in so many words; a journalist asking
    about the posts, in the next clause, still hints at a story."""
    understanding = _understanding()
    reader = understanding.reader("delete_content", "stake")
    assert reader.hints_other(Text(text, understanding.words), 2) == hints


@pytest.mark.parametrize(
    ("text", "option"),
    [
        ("一个律师加我微信好友，他说明天开庭", None),
        ("A lawyer sent me a friend request; he'll be in front of me next time he appears", None),
        ("一位律师下周在我这开庭，昨天加我微信", 0),
        ("A solicitor with a hearing in front of me next month sent me a LinkedIn request", 0),
    ],
)
def test_a_lawyer_is_in_a_current_case_only_when_a_case_is_before_me(text, option):
    """A hearing tomorrow may be before any judge: only one before me is a current case."""
    assert _node_choice("friend_request", "lawyer", text) == option


@pytest.mark.parametrize(
    ("text", "option"),
    [
        (
            "Should I delete an old Facebook account I no longer use? It is registered with my "
            "work email.",
            None,
        ),
        ("旧账号早就不用了，注册用的是工作邮箱", None),
        ("I can't log in to my old account any more", 2),
    ],
)
def test_words_of_the_router_s_scope_lists_lend_no_option_their_meaning(text, option):
    """ "Forgot my password" is court IT to the router; it lends "I can no longer log in"
    none of the court-IT words (a work email, 办案系统)."""
    assert _node_choice("delete_content", "dormant", text) == option


def test_an_answer_reached_through_an_assumed_step_is_no_evidence_for_its_walkthrough():
    from conversations.understanding import _evidence
    from conversations.understanding.walking import Walk

    said = Walk("t", (("a", 0), ("b", 1)), "end", True)
    assumed_last = Walk("t", (("a", 0), ("b", 1)), "end", True, frozenset({"b"}))
    assert _evidence(said) == 3
    assert _evidence(assumed_last) == 1
