"""Reading options by meaning (issue 12): words that are not an option's phrases but mean
the same select it; a negative fact is never inferred; one word decides one step; typed
facts correct an earlier step or confirm an answer."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from conversations import Choose, FreeText, Restart, Session
from conversations.understanding.meaning import MeaningReader, default_senses, load_senses
from conversations.understanding.reading import Text
from conversations.understanding.words import default_words
from knowledge import DataError

WORDS = default_words()
SENSES = default_senses()


def senses(text: str):
    return Text(text, WORDS).senses(SENSES)


def reader(*options: list[str], denying=frozenset()) -> MeaningReader:
    profiles = [SENSES.profile(o) for o in options]
    # Every sense as rare as a curated one is across the real trees.
    rare = {s: 2.0 for p in profiles for s in p}
    return MeaningReader.of(profiles, rare, False, frozenset(denying))


LAWYER_OR_FAMILY = (["a lawyer in my case"], ["my sister", "a relative"])


@pytest.mark.parametrize(
    ("text", "chosen"),
    [
        ("the attorney asked to connect", 0),  # attorney ~ lawyer
        ("counsel for the respondent wants to add me", 0),
        ("my wife's cousin sent a request", 1),  # wife, cousin ~ relative
        ("代理人加我微信", 0),
        ("我老婆的表姐想加我", 1),
    ],
)
def test_a_word_of_the_same_sense_selects_the_option(text, chosen):
    assert reader(*LAWYER_OR_FAMILY).choose(*senses(text), set()) == chosen


@pytest.mark.parametrize(
    "text",
    [
        "someone sent me a request",  # neither sense said
        "my brother, a lawyer, sent me a request",  # both: the words do not decide
        "it is not a lawyer",  # negated
    ],
)
def test_meaning_never_guesses(text):
    assert reader(*LAWYER_OR_FAMILY).choose(*senses(text), set()) is None


@pytest.mark.parametrize(
    ("text", "sense"),
    [
        ("a partner at a big firm wants to connect", "lawyer"),  # not a life partner
        ("律所合伙人加我", "lawyer"),
        ("he keeps calling me bent and corrupt", "insult"),
        ("有人在网上说我坏话", "insult"),
        ("the losing side posted about it", "party"),
        ("败诉方天天发视频", "party"),
        ("since my ruling last month", "decided"),
        ("这个案子我判过", "decided"),
        ("a fraud trial I'm presiding over", "pending"),
        ("案子已经排期了", "pending"),
    ],
)
def test_judges_everyday_words_carry_their_sense(text, sense):
    assert sense in senses(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "would that look like I'm hiding something?",
        "I'd like to open a LinkedIn profile",
        "things like that",
    ],
)
def test_like_as_a_comparison_or_a_wish_is_no_like_of_a_post(text):
    # Otherwise "look like" chose "old likes" when a judge asked about deleting old posts.
    assert "like" not in senses(text)[0]
    assert "like" in senses("I liked a post by the defendant")[0]


def test_old_posts_that_look_like_too_much_are_not_taken_for_old_likes(engine):
    walk = engine.understanding.read("my old tweets look like a bit much now, should I delete them")
    assert walk[0].walk is not None and not walk[0].walk.answer  # when they were posted is asked


def test_an_option_that_denies_is_never_inferred():
    # "No, but it's about work": the judge never said the joke could not be read as mocking.
    mocking = reader(["it could be mocking"], ["no, about my work or the court"], denying={1})
    assert mocking.choose(*senses("a joke about the court and the lawyers"), set()) is None


def test_one_sense_decides_one_step():
    spent: set[str] = set()
    first = reader(["a decided case", "a judgment"], ["a pending case"])
    assert first.choose(*senses("comment on a judgment"), spent) == 0
    again = reader(["a final judgment, decided"], ["open to appeal"])
    assert again.choose(*senses("comment on a judgment"), spent) is None


def test_a_broken_senses_file_is_reported_by_file_and_field(tmp_path):
    path = tmp_path / "senses.yaml"
    path.write_text("senses: {lawyer: {en: [lawyer], fr: [avocat]}}\n")
    with pytest.raises(DataError) as error:
        load_senses(path)
    assert "senses.yaml" in str(error.value) and "fr" in str(error.value)


def typed(engine, *texts: str, lang: str = "en"):
    session = Session(lang)
    for text in texts:
        session, reply = engine.handle(session, FreeText(text))
    return reply


def test_a_typed_fact_corrects_an_earlier_step(engine):
    # "Someone" understood as someone unknown; the reply says who it is.
    first = typed(engine, "Should I accept a friend request from a guy called Tom?")
    assert first.screen.startswith("t:friend_request:")
    reply = typed(
        engine,
        "Should I accept a friend request from a guy called Tom?",
        "he is the plaintiff's lawyer in a trial I'm hearing now",
    )
    assert reply.screen == "t:friend_request:a_party"
    assert reply.citations[0] == 30


def test_a_confirmation_typed_at_an_answer_keeps_the_answer(engine):
    reply = typed(
        engine,
        "有个人加我微信",
        "是我正在审的一个合同纠纷里原告的代理律师",
        "对，案子还没判",
        lang="zh",
    )
    assert reply.screen == "t:friend_request:a_party"
    assert any(engine.ui.reply_fits("zh") in block.text for block in reply.blocks)


def test_counter_profiles_count_each_sense_once_per_phrase():
    assert SENSES.profile(["lawyer attorney counsel"]) == Counter({"lawyer": 1})


def test_a_reply_that_repeats_what_was_understood_keeps_the_open_question(engine):
    # "Who is it?" was answered by the opening message; the reply says it again and
    # adds nothing for the question on screen: the question stays, and Amicus says so.
    session = Session("zh")
    session, first = engine.handle(session, FreeText("我想在网上查一下当事人"))
    assert first.screen == "t:online_research:person"
    session, again = engine.handle(session, FreeText("他是被告"))
    assert again.screen == first.screen
    assert any(engine.ui.reply_noted("zh") in block.text for block in again.blocks)


def test_a_new_question_typed_at_an_answer_is_not_taken_for_a_confirmation(engine):
    session = Session("en")
    session, first = engine.handle(
        session, FreeText("Someone made a fake account using my name and photo")
    )
    assert first.screen == "t:online_insult:a_impers"
    session, other = engine.handle(
        session, FreeText("Can I accept a LinkedIn request from a journalist?")
    )
    assert other.screen.startswith("t:friend_request:")
    assert not any(engine.ui.reply_fits("en") in block.text for block in other.blocks)


def test_a_confirmation_at_an_answer_is_not_counted_again(engine):
    session = Session("zh")
    session, answer = engine.handle(session, FreeText("当事人的律师加我好友"))
    assert answer.record is not None  # the answer reached counts once
    session, again = engine.handle(session, FreeText("对，案子还没判"))
    assert again.screen == answer.screen
    assert again.record is None


def test_a_new_situation_typed_at_an_open_question_is_a_new_question_and_kept(engine):
    session = Session("en")
    session, first = engine.handle(
        session, FreeText("Attorney Jane Doe, who appears before me, sent me a friend request")
    )
    assert first.screen == "t:friend_request:lawyer"  # asked where the lawyer stands
    # Not a correction of "who": a situation of its own, named with its platform.
    session, second = engine.handle(session, FreeText("A party to my case follows me on Instagram"))
    assert second.record is not None and second.record.kind == "question"
    assert not any(engine.ui.reply_noted("en") in block.text for block in second.blocks)


def test_a_question_that_cannot_change_the_guideline_says_which_applies(engine):
    # Every answer after "Hobbies and daily life" opens with guideline 13: it is said now,
    # with its full text a tap away, while the question still tailors the advice.
    _, reply = engine.handle(
        Session("en"), FreeText("I want a TikTok account under a made-up name for cooking videos")
    )
    assert reply.screen == "t:pseudonym:linked"
    settled = engine.ui.settled.format("en", citation="Guideline 13")
    assert any(block.text == settled for block in reply.blocks)
    assert any(o.token == "g:13" for o in reply.options)
    # Where the answers still differ in their guideline, nothing is said in advance.
    _, open_reply = engine.handle(Session("en"), FreeText("a lawyer sent me a friend request"))
    assert open_reply.screen == "t:friend_request:lawyer"
    assert not any("Whatever you answer" in block.text for block in open_reply.blocks)


@pytest.mark.parametrize(("word", "lang"), [("thanks", "en"), ("ok", "en"), ("好的", "zh")])
def test_a_small_word_at_an_answer_is_only_that(engine, word, lang):
    text = (
        "当事人的律师加我好友"
        if lang == "zh"
        else "the plaintiff's lawyer in my case sent me a friend request"
    )
    session, answer = engine.handle(Session(lang), FreeText(text))
    assert engine.trees.trees["friend_request"].nodes[answer.screen.split(":")[2]].is_answer
    session, reply = engine.handle(session, FreeText(word))
    assert reply.record is None  # not kept, not counted
    assert not any(engine.ui.reply_fits(lang) in block.text for block in reply.blocks)


FACEBOOK_LAWYER = "A lawyer wants to add me as a friend on Facebook"


def test_what_the_words_said_about_a_later_question_is_not_asked_again_after_a_tap(engine):
    # "add me as a friend" already says what kind of tie it is; the judge is asked only
    # where the lawyer stands, and after the tap the walk goes on by the words.
    session, asked = engine.handle(Session("en"), FreeText(FACEBOOK_LAWYER))
    assert asked.screen == "t:friend_request:lawyer"
    # the question it stopped at, then a choice below it: never the words
    assert session.facts == ("t:friend_request:lawyer", "t:friend_request:ltie:1>a_lawyer")
    not_now = next(o for o in asked.options if o.label == "Not now, but often in my court")
    session, answer = engine.handle(session, Choose(not_now.token))
    assert answer.screen == "t:friend_request:a_lawyer"
    assert any("A mutual friend connection" in block.text for block in answer.blocks)
    assert answer.record is not None and answer.record.kind == "answer"


def test_what_the_words_said_carries_a_typed_reply_too(engine):
    session, _ = engine.handle(Session("en"), FreeText(FACEBOOK_LAWYER))
    session, answer = engine.handle(session, FreeText("no, he has no case with me"))
    assert answer.screen == "t:friend_request:a_lawyer"


def test_a_restart_or_a_new_question_forgets_the_choices(engine):
    session, _ = engine.handle(Session("en"), FreeText(FACEBOOK_LAWYER))
    restarted, _ = engine.handle(session, Restart())
    assert restarted.facts == ()
    other, _ = engine.handle(session, FreeText("Can I post a joke about my court on Twitter?"))
    assert all(":friend_request:" not in fact for fact in other.facts)
    # Kept as plain data, and read back as it was.
    assert Session.from_dict(session.to_dict()) == session


def request_received(engine, facts: tuple[str, ...]) -> str:
    """The screen after opening the friend-request walkthrough from the menu and tapping
    "Someone sent me a request", with ``facts`` kept in the session."""
    session = replace(Session("en"), facts=facts)
    session, kind = engine.handle(session, Choose("t:friend_request:kind"))
    _, step = engine.handle(session, Choose(kind.options[0].token))
    return step.screen


def test_choices_hold_only_below_the_question_where_the_walk_stopped(engine):
    # A choice for "who" kept from a walk that stopped at "lawyer" (below "who"): reached
    # from the menu, "who" is above that question, so it is asked, not taken from them.
    above = ("t:friend_request:lawyer", "t:friend_request:who:1>lawyer")
    assert request_received(engine, above) == "t:friend_request:who"
    # Below the anchor they do hold: the same choice, anchored at "kind", is taken.
    below = ("t:friend_request:kind", "t:friend_request:who:1>lawyer")
    assert request_received(engine, below) == "t:friend_request:lawyer"


@pytest.mark.parametrize(
    "facts",
    [
        ["t:friend_request:lawyer:" + "9" * 5000],
        ["t:friend_request:lawyer:٣"],
        ["judge Jane Doe said ..."],
        ["t:friend_request:lawyer"] + ["t:friend_request:ltie:1>a_lawyer"] * 100,
    ],
)
def test_forged_choices_are_dropped_when_the_session_is_read(engine, facts):
    session = Session.from_dict({"lang": "en", "stack": ["home"], "facts": facts})
    assert session.facts == ()
    engine.handle(session, FreeText(FACEBOOK_LAWYER))  # and nothing breaks


@pytest.mark.parametrize(
    ("first", "then", "lang"),
    [
        ("当事人的律师加我好友", "对方当事人在微博上骂我，我该怎么办？", "zh"),
        ("当事人的律师加我好友", "是否可以在朋友圈转发法院的公告？", "zh"),
        (
            "the plaintiff's lawyer in my case sent me a friend request",
            "Yes, and may I also comment on a colleague's judgment on Weibo?",
            "en",
        ),
        (
            "the plaintiff's lawyer in my case sent me a friend request",
            "what about my old tweets?",
            "en",
        ),
    ],
)
def test_a_new_question_at_an_answer_is_never_taken_for_facts(engine, first, then, lang):
    session, answer = engine.handle(Session(lang), FreeText(first))
    assert answer.screen == "t:friend_request:a_party"
    session, reply = engine.handle(session, FreeText(then))
    assert reply.screen != answer.screen
    assert reply.record is not None and reply.record.kind == "question"
    assert not any(engine.ui.reply_fits(lang) in block.text for block in reply.blocks)


def test_a_new_question_at_a_question_is_never_read_as_its_answer_by_meaning(engine):
    # "old posts" has the sense of "former" (a former colleague): not an answer to "who?".
    session, who = engine.handle(Session("en"), FreeText("Someone sent me a friend request"))
    assert who.screen == "t:friend_request:who"
    session, reply = engine.handle(session, FreeText("Can I delete old posts?"))
    assert not reply.screen.startswith("t:friend_request:")
    assert reply.record is not None and reply.record.kind == "question"


@pytest.mark.parametrize("yes", ["是的", "对啊", "是"])
def test_yes_with_a_particle_still_answers_a_yes_no_question(engine, yes):
    session, _ = engine.handle(Session("zh"), FreeText("有人在微博上骂我"))
    session, asked = engine.handle(session, FreeText("是我判的一个案子的当事人"))
    assert asked.screen == "t:online_insult:p_pend"  # is the case still pending?
    session, answer = engine.handle(session, FreeText(yes))
    assert answer.screen == "t:online_insult:a_party"


def test_a_kept_choice_names_where_it_leads_so_a_content_change_cannot_shift_it(engine):
    # Kept before a deploy; the option now leads nowhere it names: asked, not assumed.
    stale = ("t:friend_request:kind", "t:friend_request:who:1>no_such_node")
    assert request_received(engine, stale) == "t:friend_request:who"


def test_a_message_is_read_once_and_not_kept_after(engine, monkeypatch):
    # A reply is read as an answer, then as a question of its own, then as a new dilemma:
    # one routing serves all three, and nothing of the words stays once it is handled.
    session, _ = engine.handle(Session("en"), FreeText("A lawyer sent me a friend request"))
    routed = []
    route = engine.understanding.router.route
    monkeypatch.setattr(
        engine.understanding.router,
        "route",
        lambda t, lang=None: routed.append(t) or route(t, lang),
    )
    engine.handle(session, FreeText("what about my old tweets?"))
    assert routed == ["what about my old tweets?"]
    assert engine.understanding._memo is None


def test_two_options_leading_to_the_same_place_stay_apart_after_a_tap(engine):
    # "Post screenshots" and "Reply" both lead to the same answer: the kept choice names
    # its option, so the understood line says what the judge said, not its sibling.
    typed = "Someone keeps insulting me online. Can I post screenshots to expose them?"
    session, asked = engine.handle(Session("en"), FreeText(typed))
    while not asked.screen.startswith("t:online_insult:a_"):
        option = next(
            o
            for o in asked.options
            if o.label in ("Insults unrelated to any case", "Elsewhere: posts, groups, sites")
        )
        session, asked = engine.handle(session, Choose(option.token))
    understood = next(b.text for b in asked.blocks if b.text.startswith("I understood"))
    assert "Post screenshots to expose them" in understood
    assert "Reply, correct or hit back" not in understood


def test_a_kept_choice_survives_its_options_being_reordered(engine):
    # Index 0 no longer leads to "lawyer" (as if options moved): the target decides.
    moved = ("t:friend_request:kind", "t:friend_request:who:0>lawyer")
    assert request_received(engine, moved) == "t:friend_request:lawyer"
