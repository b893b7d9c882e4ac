"""Typed dilemmas at the console, as a judge types them, in both languages (issue 12):
answered in one message when the words decide every step, else asked the one open
question; typed replies carry the walk; two dilemmas in one message; a step changed."""

from __future__ import annotations

import pytest
from transcripts import by_labels, chat, last_screen, options, screens

from conversations import Choose, FreeText, Session
from conversations.understanding import replay

# A dilemma that passes the screening question of old content by its ordinary case.
OLD_TWEETS = "Should I delete my old tweets from law school? They are full of political opinions."


def number_of(transcript: str, label: str) -> str:
    return {v: k for k, v in options(transcript).items()}[label]


def test_a_complete_dilemma_is_answered_in_one_message(engine):
    out = chat(engine, ["My running app shows my live location and run route to everyone"])
    answer = last_screen(out)
    assert answer.startswith("== Privacy, location and account safety ==\n")
    assert (
        "» I understood: A post might reveal where I am · Live location, check-in or run route"
        in answer
    )
    assert "Based on: Guideline 34, Guideline 32" in answer
    assert "Full text of Guideline 34" in options(out).values()
    assert "Guidelines that speak to your question" not in out


def test_an_incomplete_dilemma_is_asked_the_question_that_decides_it(engine):
    out = chat(engine, ["Can I open an account under a pseudonym?"])
    screen = last_screen(out)
    assert "» I understood: Opening an account under a pseudonym" in screen
    assert "What will you post on that account?" in screen
    assert "Based on" not in screen  # no answer assumed


def test_typed_replies_carry_the_walk_to_its_answer(engine):
    out = chat(engine, ["Can I open an account under a pseudonym?", "mostly my views on politics"])
    answer = last_screen(out)
    assert (
        "I understood: Opening an account under a pseudonym · Views on politics or contested issues"
        in answer
    )
    assert "Based on: Guideline 16, Guideline 13" in answer


def test_a_reply_that_answers_nothing_is_a_new_question_and_says_so(engine):
    out = chat(engine, ["Can I open an account under a pseudonym?", "Someone filmed me in a bar"])
    screen = last_screen(out)
    assert "» I have read this as a new question, not as an answer to the one above." in screen
    assert screens(out)[-1] == "Privacy, location and account safety"


def test_two_dilemmas_in_one_message_the_second_one_tap_away(engine):
    text = (
        "A brand wants to pay me to post about their shoes. "
        "Also, can I follow political commentators on Twitter?"
    )
    out = chat(engine, [text])
    first = last_screen(out)
    assert "» Your message asks about two things." in first
    assert screens(out)[-1] == "Endorsements and paid content"
    second = number_of(out, "Your second question: Following, liking and sharing")
    out = chat(engine, [text, second])
    assert screens(out)[-1] == "Following, liking and sharing"
    assert "I understood: Follow or subscribe to an account" in last_screen(out)


def test_change_a_step_after_an_answer(engine):
    typed = "My running app shows my live location and run route to everyone"
    out = chat(engine, [typed])
    change = number_of(out, "Change: Live location, check-in or run route")
    out = chat(engine, [typed, change])
    asked = last_screen(out)
    assert "» Choose this step again; your other answers are kept where they still apply." in asked
    assert "What kind of post is it?" in asked
    home = number_of(out, "My home, car or children's school")
    out = chat(engine, [typed, change, home])
    answer = last_screen(out)
    assert (
        "I understood: A post might reveal where I am · My home, car or children's school" in answer
    )
    assert "Based on: Guideline 34" in answer
    # Back retraces the changed walk, one question at a time.
    out = chat(engine, [typed, change, home, number_of(out, "Back")])
    assert "What kind of post is it?" in last_screen(out)


def test_chinese_complete_incomplete_reply_and_change(engine):
    out = chat(engine, ["我的运动软件会显示跑步路线和实时定位"], lang="zh")
    answer = last_screen(out)
    assert "» 我的理解：帖子可能暴露我的位置 · 实时定位、打卡或运动轨迹" in answer
    assert "依据：第34条、第32条" in answer
    out = chat(engine, ["我想用化名开一个账号"], lang="zh")
    assert "您打算在这个账号上发什么？" in last_screen(out)
    out = chat(engine, ["我想用化名开一个账号", "主要是对政治话题的看法"], lang="zh")
    assert "依据：第16条、第13条" in last_screen(out)
    change = number_of(out, "修改：对政治或争议话题的看法")
    out = chat(engine, ["我想用化名开一个账号", "主要是对政治话题的看法", change], lang="zh")
    assert "请重新选择这一步" in last_screen(out)


def test_chinese_two_dilemmas(engine):
    text = "有商家想付费请我推广他们的产品。另外，我能用化名开个小号吗？"
    out = chat(engine, [text], lang="zh")
    assert "您的消息里有两个问题" in last_screen(out)
    second = number_of(out, "第二个问题：假名、实名与身份区分")
    out = chat(engine, [text, second], lang="zh")
    assert screens(out)[-1] == "假名、实名与身份区分"


def test_small_words_open_a_guideline_or_get_a_short_reply(engine, corpus):
    for typed, lang in (("guideline 30", "en"), ("第30条", "zh"), ("30条", "zh")):
        out = chat(engine, [typed], lang=lang)
        assert corpus.guideline(30).text(lang) in last_screen(out)
    out = chat(engine, ["thanks"])
    assert "» You're welcome." in last_screen(out)
    assert screens(out)[-1] == screens(out)[0]  # still at home: nothing searched
    out = chat(engine, ["好的"], lang="zh")
    assert "» 好的。" in last_screen(out)


def test_out_of_scope_said_plainly_with_the_adviser_only_for_ethics(engine):
    out = chat(engine, ["How many days of annual leave do judges get?"])
    screen = last_screen(out)
    assert screen.startswith(
        "== Not covered by the guidelines ==\nThe guidelines do not cover this"
    )
    assert "Guidelines that speak to your question" not in out
    assert "Ask a human ethics adviser" not in options(out).values()
    out = chat(engine, ["Can I accept a bottle of wine from a lawyer at Christmas as a gift?"])
    assert "Not covered by the guidelines" in screens(out)[-1]
    assert "Ask a human ethics adviser" in options(out).values()


def test_what_is_kept_of_typed_dilemmas_replies_and_small_words(engine):
    session = Session("en")
    session, reply = engine.handle(session, FreeText("Can I open an account under a pseudonym?"))
    assert reply.record.kind == "question" and reply.record.topic == "pseudonym"
    # A typed fact is a step, like a tap: the answer reached counts, the words are not kept.
    session, reply = engine.handle(session, FreeText("mostly my views on politics"))
    assert reply.record.kind == "answer" and reply.record.answer == "pseudonym:a_views"
    for small in ("thanks", "ok", "guideline 30", "第30条", "hello"):
        _, reply = engine.handle(Session("en"), FreeText(small))
        assert reply.record is None, small


def test_a_second_dilemma_is_offered_by_its_walk_never_by_its_words(engine):
    text = (
        "My Strava shows my running route. Separately, can I blog under a pen name about politics?"
    )
    session, reply = engine.handle(Session("en"), FreeText(text))
    (offer,) = [o for o in reply.options if o.label.startswith("Your second question")]
    assert offer.token.startswith("w:pseudonym:") and "blog" not in offer.token
    assert "blog" not in str(session.to_dict())
    # An old tap works from anywhere, and again after a restart.
    _, taken = engine.handle(Session("en"), Choose(offer.token))
    assert taken.screen.startswith("t:pseudonym:")


def test_the_console_guideline_command(engine, corpus):
    out = chat(engine, ["/guideline 30"])
    assert corpus.guideline(30).text.en in last_screen(out)
    out = chat(engine, ["/guideline 99", "/guideline x"])
    assert out.count("There is no such guideline.") == 2


def test_an_understood_walk_from_before_a_change_of_content_is_out_of_date():
    from bot.callbacks import decode

    # Its digits are option positions, which a change of the trees may have moved.
    assert decode("aaaaaaaa|w:pseudonym:01", "bbbbbbbb") is None
    assert decode("aaaaaaaa|c:pseudonym:01:0", "bbbbbbbb") is None
    assert decode("bbbbbbbb|w:pseudonym:01", "bbbbbbbb") == "w:pseudonym:01"


def test_the_second_dilemma_stays_offered_while_the_first_is_walked(engine):
    text = "Someone filmed me in a bar and posted it online. Also, can I blog under a pen name?"
    session, reply = engine.handle(Session("en"), FreeText(text))
    offer = next(o for o in reply.options if o.label.startswith("Your second question"))
    # Telegram edits the message on each tap: the offer must ride on every next screen.
    session, reply = engine.handle(session, Choose(reply.options[0].token))
    assert offer in reply.options
    session, reply = engine.handle(session, FreeText("thanks"))
    assert offer in reply.options
    session, reply = engine.handle(session, Choose(offer.token))
    assert reply.screen.startswith("t:pseudonym:")
    assert offer not in reply.options and session.pending == ()
    assert session == Session.from_dict(session.to_dict())


def test_excerpts_end_on_a_sentence_or_clause_and_keep_what_to_do(engine, corpus):
    for number in corpus.guidelines:
        for lang in ("en", "zh"):
            excerpt = engine.ctx.excerpt(number, lang)
            quoted = excerpt.removeprefix("… ").removesuffix(" …")
            text = corpus.guideline(number).text(lang)
            assert quoted in text, (number, lang)
            after = text[text.index(quoted) + len(quoted) :][:1]
            # Cut after a sentence, or before a clause's punctuation: never mid-word.
            assert quoted[-1] in ".!?。！？" or after in ("", *",;:，；：、"), excerpt
    assert "but should avoid responding directly" in engine.ctx.excerpt(22, "en")
    assert "但应避免直接回应" in engine.ctx.excerpt(22, "zh")


def test_a_walk_button_that_no_longer_fits_the_tree_is_out_of_date(engine):
    session, _ = engine.start("en")
    for token in ("w:pseudonym:9", "c:pseudonym:0:5", "w:no_such_tree:0", "q:99"):
        after, reply = engine.handle(session, Choose(token))
        assert reply.blocks[0].kind == "notice" and after.screen == "home", token


# ------------------------------------------------- words judges use that nobody tuned on


def test_a_former_law_firm_colleague_is_a_lawyer_not_a_fellow_judge(engine):
    out = chat(engine, ["A former colleague from my old law firm sent me a friend request"])
    screen = last_screen(out)
    assert "I understood: Someone sent me a request · A lawyer who may appear before me" in screen
    assert "A fellow judge" not in screen
    # Nothing was said about a case: Amicus asks rather than assume one before the judge.
    assert "Where does this lawyer stand with your cases?" in screen
    out = chat(engine, ["我以前当律师时的同事加我微信"], lang="zh")
    screen = last_screen(out)
    assert "我的理解：有人加我好友或关注我 · 可能在我面前出庭的律师" in screen
    assert "法官同事" not in screen
    assert "这位律师与您的案件是什么关系？" in screen


def test_accepting_a_request_from_a_party_lawyer_is_answered_at_once(engine):
    out = chat(engine, ["Should I accept a connection request from the plaintiff's lawyer?"])
    answer = last_screen(out)
    assert "I understood: Someone sent me a request · Party, lawyer or witness in my case" in answer
    assert "Based on: Guideline 30" in answer
    out = chat(engine, ["被告律师给我发了好友请求，要不要接受"], lang="zh")
    answer = last_screen(out)
    assert "我的理解：有人加我好友或关注我 · 我案件的当事人、律师或证人" in answer
    assert "依据：第30条" in answer


def test_a_lawyer_with_no_case_before_me_is_not_treated_as_counsel_in_my_case(engine):
    out = chat(engine, ["A solicitor sent me a friend request; she has no case pending before me"])
    screen = last_screen(out)
    assert "· Not now, but often in my court" in screen
    assert "Party, lawyer or witness in my case" not in screen
    out = chat(engine, ["有位律师要加我微信好友，目前在我这里没有案子"], lang="zh")
    answer = last_screen(out)
    assert "· 目前没有，但常在本院执业 · 互加好友" in answer
    assert "依据：第28条" in answer


def test_someone_posing_as_me_is_impersonation_not_a_pseudonym(engine):
    out = chat(engine, ["A fake account using my name and photo is posting as me on Twitter"])
    answer = last_screen(out)
    assert answer.startswith("== Insulted or harassed online ==\n")
    assert "I understood: A fake account or deepfake of me · An account posing as me" in answer
    assert "Based on: Guideline 22, Guideline 32" in answer
    out = chat(engine, ["有人冒用我的名字开了个抖音号"], lang="zh")
    answer = last_screen(out)
    assert "我的理解：假账号或深度伪造 · 冒用我名义的账号" in answer
    assert "依据：第22条、第32条" in answer


def test_the_prosecutor_of_my_case_is_a_prosecutor_in_a_case_before_me(engine):
    out = chat(engine, ["The prosecutor in a trial I'm hearing sent me a friend request"])
    answer = last_screen(out)
    assert "· Prosecutor or agency often before me · Yes, in a case before me" in answer
    assert "Based on: Guideline 30" in answer
    out = chat(engine, ["我手上案子的公诉人加我微信"], lang="zh")
    answer = last_screen(out)
    assert "依据：第30条" in answer


def test_a_deepfake_of_me_is_abuse_to_seek_advice_on(engine):
    out = chat(engine, ["Someone posted a deepfake video of me on TikTok"])
    answer = last_screen(out)
    understood = "I understood: A fake account or deepfake of me · A faked video, image or voice"
    assert understood in answer
    assert "Based on: Guideline 22" in answer
    out = chat(engine, ["有人用AI换脸伪造了我的视频发到网上"], lang="zh")
    answer = last_screen(out)
    assert "我的理解：假账号或深度伪造 · 伪造的视频、图片或声音" in answer
    assert "依据：第22条" in answer


def test_a_child_saying_their_parent_is_a_judge_posts_about_my_work(engine):
    out = chat(engine, ["My daughter posts on Instagram that her dad is a judge"])
    assert "I understood: A family member or close friend · About my cases or my work" in (
        last_screen(out)
    )
    out = chat(engine, ["我女儿在抖音上说她爸爸是法官"], lang="zh")
    assert "我的理解：家人或亲密朋友 · 与我的案件或工作有关" in last_screen(out)
    # 法官家属 (a judge's family) says who they are, not what they post.
    out = chat(engine, ["我老公在朋友圈发了他自己的政治观点，别人都知道他是法官家属"], lang="zh")
    assert "与我的案件或工作有关" not in last_screen(out)


def test_a_case_i_have_decided_is_read_as_decided(engine):
    out = chat(engine, ["I'd like to write about one of my judgments on my blog"])
    assert "I understood: One I have decided" in last_screen(out)
    out = chat(engine, ["我想在博客上写写我判过的一个案子"], lang="zh")
    assert "我的理解：我已经审结的" in last_screen(out)


def test_whose_lawyer_and_whether_a_case_is_here_decide_a_request(engine):
    out = chat(engine, ["当事人的律师加我好友"], lang="zh")
    assert "依据：第30条" in last_screen(out)
    out = chat(engine, ["一个律师加我微信，他有案子在我这里"], lang="zh")
    assert "依据：第30条" in last_screen(out)
    out = chat(engine, ["一个律师加我微信，目前没有案子在我这里"], lang="zh")
    answer = last_screen(out)
    assert "· 目前没有，但常在本院执业" in answer
    assert "依据：第28条" in answer
    out = chat(engine, ["A judge from another court sent me a LinkedIn request"])
    answer = last_screen(out)
    assert "· A fellow judge or court staff · A fellow judge or other court staff" in answer


def test_more_words_judges_use_walk_the_right_walkthrough(engine):
    out = chat(engine, ["网上有人说我是贪官"], lang="zh")
    assert screens(out)[-1] == "遭受网络辱骂或骚扰"
    out = chat(engine, ["Someone discovered my anonymous Twitter account is mine"])
    assert "I understood: My pen name may have been uncovered" in last_screen(out)
    out = chat(engine, ["我想用笔名在知乎上回答法律问题"], lang="zh")
    answer = last_screen(out)
    assert "我的理解：用假名开一个新账号 · 评论案件或法律问题" in answer
    out = chat(engine, ["A wine company offered me free bottles if I post about them"])
    answer = last_screen(out)
    assert "I understood: Someone will pay or gift me to post · Any other product" in answer
    assert "Based on: Guideline 24" in answer
    # An old account from law school is an old account, not outreach with a law school.
    out = chat(engine, ["Should I delete my old Facebook account from law school?"])
    assert screens(out)[-1] == "Deleting or reviewing old content"
    out = chat(engine, ["Can I check a witness's LinkedIn profile during the trial?"])
    assert screens(out)[-1] == "Researching a case online"


def test_a_party_s_relative_is_not_the_party_and_a_prosecutor_with_no_case_is_not_in_one(engine):
    out = chat(engine, ["The plaintiff's brother added me on Facebook"])
    answer = last_screen(out)
    assert "· Someone else, or I don't know who · A party's relative or associate" in answer
    assert "Party, lawyer or witness in my case" not in answer
    out = chat(engine, ["被告的哥哥加我微信"], lang="zh")
    assert "· 其他人，或不知道是谁 · 当事人的亲友或关系人" in last_screen(out)
    out = chat(engine, ["The prosecutor who is not in any of my cases wants to connect"])
    assert "· Prosecutor or agency often before me · Not now, but often" in last_screen(out)
    out = chat(engine, ["检察院的一个检察官加我好友，他现在没有在我这里出庭的案子"], lang="zh")
    assert "· 目前没有，但经常出庭" in last_screen(out)


def test_abuse_about_my_ruling_is_abuse_over_a_case(engine):
    out = chat(engine, ["Someone keeps posting abusive comments about my ruling under my posts"])
    assert "I understood: I'm insulted over a case" in last_screen(out)
    out = chat(engine, ["有人在我的微博下面骂我判得不公"], lang="zh")
    assert "我的理解：因案件被辱骂或攻击" in last_screen(out)


def test_the_dilemma_evaluation_runs_on_the_current_engine(capsys, tmp_path, monkeypatch):
    """bench/dilemma_eval.py is how the targets of issue 12 are measured; a refactor of the
    trees or the engine must not leave it broken until the next measurement."""
    import importlib.util
    import sys

    from conftest import REPO

    spec = importlib.util.spec_from_file_location("dilemma_eval", REPO / "bench/dilemma_eval.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "dilemma_eval", module)  # its annotations resolve there
    spec.loader.exec_module(module)
    two_parts = tmp_path / "two.yaml"
    two_parts.write_text(
        'version: 1\ndescription: "a file of the held-out author\'s schema"\ndilemmas:\n'
        "  - {id: t1, lang: en, kind: two_part, gold: [30], text: 'A lawyer in my case sent "
        "me a friend request. Separately, may I delete posts from before my appointment?', "
        "parts: [{gold: [30], related: [28]}, {gold: [21]}]}\n",
        encoding="utf-8",
    )
    for path in (REPO / "tests/data/dilemmas_dev.yaml", two_parts):
        assert module.main([str(path)]) == 0
        assert "all router top-3" in capsys.readouterr().out


def test_a_screening_question_nobody_answers_is_taken_as_the_ordinary_case_and_said(engine):
    # Whether old posts are already under complaint is asked first when tapping through;
    # a judge describing the dilemma does not say it, and still gets the advice, with the
    # ordinary case stated and one tap from being changed.
    typed = OLD_TWEETS
    out = chat(engine, [typed])
    answer = last_screen(out)
    assert "I understood: Not under complaint or before me · Before I took judicial office" in (
        answer
    )
    assert (
        "» I take it that the content bears on no case before you and is not already the "
        "subject of a complaint, vetting, a media story or a lawsuit; and that your judiciary "
        "has no specific rules" in answer
    )
    assert "Based on: Guideline 21" in answer
    change = number_of(out, "Change: Not under complaint or before me")
    out = chat(engine, [typed, change])
    assert "First: is the content already caught up in something?" in last_screen(out)
    complaint = number_of(out, "A complaint, vetting, news story or suit")
    out = chat(engine, [typed, change, complaint])
    assert "Based on: Guideline 29, Guideline 26" in last_screen(out)


def test_a_screening_question_the_words_answer_is_not_assumed(engine):
    out = chat(engine, ["Someone complained about my old tweets from law school. Delete them?"])
    answer = last_screen(out)
    assert "I understood: A complaint, vetting, news story or suit" in answer
    assert "I take it that" not in answer
    assert "Based on: Guideline 29" in answer
    out = chat(engine, ["我当法官之前发的微博被人举报了，要删吗？"], lang="zh")
    assert "依据：第29条" in last_screen(out)
    assert "我按通常情况理解" not in last_screen(out)


def test_the_ordinary_case_the_judge_said_or_chose_is_not_said_back_as_assumed(engine):
    # Said in the words: understood, not "taken" as an assumption.
    said = (
        "Nobody has complained, but should I delete my old tweets from law school? "
        "They are full of political opinions."
    )
    answer = last_screen(chat(engine, [said]))
    assert "Based on: Guideline 21" in answer
    assert "I understood: Not under complaint or before me" in answer
    assert "I take it that the content" not in answer  # said, so not taken
    assert "I take it that your judiciary has no specific rules" in answer  # not said
    # Assumed first, then chosen with a tap: the judge has said it now.
    typed = OLD_TWEETS
    out = chat(engine, [typed])
    assert "I take it that" in last_screen(out)
    change = number_of(out, "Change: Not under complaint or before me")
    out = chat(engine, [typed, change])
    neither = number_of(out, "No, neither")
    out = chat(engine, [typed, change, neither])
    assert "Based on: Guideline 21" in last_screen(out)
    assert "I take it that the content" not in last_screen(out)
    assert "I take it that your judiciary has no specific rules" in last_screen(out)


def test_a_second_dilemma_taken_up_later_still_says_what_it_assumed(engine):
    text = (
        "Can I follow political commentators on Twitter? "
        "Separately, should I delete my old tweets from law school? "
        "They are full of political opinions."
    )
    out = chat(engine, [text])
    second = number_of(out, "Your second question: Deleting or reviewing old content")
    answer = last_screen(chat(engine, [text, second]))
    assert "Based on: Guideline 21" in answer
    assert "» I take it that the content bears on no case before you" in answer


def test_a_forged_assumption_in_a_button_is_refused(engine):
    # A letter marks a step taken as the ordinary case; only a screening question has one.
    tree = engine.trees.trees["delete_content"]
    assert replay(tree, "c") is not None  # stake: "No, neither" as the ordinary case
    assert replay(tree, "c").assumed == {"stake"}
    assert replay(tree, "2").assumed == frozenset()
    assert replay(tree, "a") is None  # option 0 is no ordinary case
    assert replay(tree, "ca") is None  # the second question is no screening question
    assert replay(tree, "z") is None and replay(tree, "٣") is None


def test_the_chinese_screening_assumption_is_said_in_chinese(engine):
    out = chat(engine, ["我当法官之前在微博上发过不少政治观点，现在要删吗？"], lang="zh")
    answer = last_screen(out)
    assert "我的理解：未牵涉投诉或在审案件 · 担任法官之前发布的 · 没有专门规定" in answer
    assert "我按通常情况理解：这些内容与您在审的案件无关" in answer
    assert "依据：第21条" in answer


def test_tapping_through_still_asks_the_screening_question(engine):
    path = ["Walk through a dilemma", "Deleting or reviewing old content"]
    out = by_labels(engine, path)[1]
    assert "First: is the content already caught up in something?" in last_screen(out)
    assert "I take it that" not in out


def test_facts_that_fit_no_step_keep_the_walk_and_say_so(engine):
    # Typed in a walk, facts that answer none of its steps and ask nothing belong to the
    # dilemma on screen: the judge keeps their place, told to choose; nothing is kept.
    session = Session("en")
    session, _ = engine.handle(session, FreeText("Can I open an account under a pseudonym?"))
    session, reply = engine.handle(session, FreeText("I've been on the bench since 2019"))
    assert reply.screen == "t:pseudonym:content"
    assert reply.blocks[0].text.startswith("I could not match that to a step of the walk below.")
    assert "What will you post on that account?" in [b.text for b in reply.blocks]
    assert reply.record is None
    session = Session("zh")
    session, _ = engine.handle(session, FreeText("我想用化名开一个账号"))
    session, reply = engine.handle(session, FreeText("那时候还在律所，没进法院"))
    assert reply.screen == "t:pseudonym:content"
    assert reply.blocks[0].text.startswith("我没能看出这条消息对应上面哪一步")


def test_longer_facts_at_an_answer_that_retrace_its_steps_confirm_it(engine):
    # Read afresh they would walk only steps already taken; as a new question they would
    # walk back to a question the judge has already answered.
    typed = OLD_TWEETS
    facts = "all of it was before I was appointed, and there is no rule on it that I know of here"
    out = chat(engine, [typed, facts])
    answer = last_screen(out)
    assert "» That fits what I understood: the advice below stands." in answer
    assert "Based on: Guideline 21" in answer


@pytest.mark.parametrize(
    ("text", "lang", "asked"),
    [
        (
            "My old blog posts about immigration are being circulated by the plaintiff's "
            "counsel in my current case. Delete?",
            "en",
            "First: is the content already caught up in something?",
        ),
        (
            "A reporter emailed me about my old tweets from law school. Delete them?",
            "en",
            "First: is the content already caught up in something?",
        ),
        (
            "我当律师时发过批评公安的微博，现在审的案子里辩护人把它翻出来了，要删吗？",
            "zh",
            "先问一句：这些内容是否已牵涉某件事？",
        ),
        (
            "一家法律数据库公司付费请我推广，他们的老板是我正在审理的案件的当事人。",
            "zh",
            "提供方与您案件中的律师或当事人有关联吗？",
        ),
    ],
)
def test_words_that_hint_at_the_exception_are_asked_about_never_assumed_away(
    engine, text, lang, asked
):
    answer = last_screen(chat(engine, [text], lang=lang))
    assert asked in answer
    assert "I take it that" not in answer and "我按通常情况理解" not in answer


def test_news_at_an_answer_that_hints_at_the_exception_asks_the_screening_question_again(engine):
    typed = OLD_TWEETS
    news = "all of it was before I was appointed, but a journalist emailed me about them today"
    screen = last_screen(chat(engine, [typed, news]))
    assert "That fits what I understood" not in screen
    assert "First: is the content already caught up in something?" in screen
    zh = [
        "我当法官之前在微博上发过不少政治观点，现在要删吗？",
        "不过现在有个记者打电话来说要写报道",
    ]
    screen = last_screen(chat(engine, zh, lang="zh"))
    assert "先问一句：这些内容是否已牵涉某件事？" in screen


@pytest.mark.parametrize(
    ("first", "question", "lang"),
    [
        ("Can I open an account under a pseudonym?", "How do I apply for annual leave?", "en"),
        (
            "Can I open an account under a pseudonym?",
            "Tell me if I can sit on the board of a charity",
            "en",
        ),
        (
            "Can I open an account under a pseudonym?",
            "I would like to know how to report a colleague's misconduct",
            "en",
        ),
        ("我想用化名开一个账号", "另外想问一下法官可以收下属送的礼物", "zh"),
        ("我想用化名开一个账号", "同事经常开庭前喝酒，我该向谁反映", "zh"),
    ],
)
def test_a_question_without_a_question_mark_typed_in_a_walk_is_a_new_question(
    engine, first, question, lang
):
    session = Session(lang)
    session, _ = engine.handle(session, FreeText(first))
    session, reply = engine.handle(session, FreeText(question))
    assert reply.blocks[0].text == engine.ui.new_question_notice(lang)
    assert reply.title == engine.ui.out_of_scope_title(lang)


def test_a_new_dilemma_typed_at_the_screening_question_does_not_pass_it(engine):
    typed = "Can I delete old posts?"
    out = chat(engine, [typed])
    change = number_of(out, "Change: Not under complaint or before me")
    out = chat(engine, [typed, change, "political posts from law school"])
    screen = last_screen(out)
    assert "First: is the content already caught up in something?" in screen
    assert "I take it that" not in screen


def test_a_typed_reply_after_an_assumption_keeps_saying_it(engine):
    # The walk on screen is rebuilt from the path, which keeps no words: a step at the
    # ordinary case may have been assumed, so its caveat is said again, never dropped.
    out = chat(engine, ["Should I delete my old posts?", "from law school, political opinions"])
    answer = last_screen(out)
    assert "Based on: Guideline 21" in answer
    assert "I take it that the content bears on no case before you" in answer


def test_button_numbers_in_other_scripts_are_not_numbers(engine):
    from conversations import tokens

    assert tokens.parse_change("c:delete_content:2:٣") is None
    assert tokens.parse_matches("q:30.٣") is None
    assert tokens.parse_change("c:delete_content:2:0") == ("delete_content", "2", 0)


def test_a_fact_typed_at_an_answer_corrects_the_step_it_contradicts(engine):
    first = "A lawyer with a case pending before me sent me a Facebook friend request"
    out = chat(engine, [first, "sorry, my mistake: he is a fellow judge, not a lawyer"])
    answer = last_screen(out)
    assert "I understood: Someone sent me a request · A fellow judge or court staff" in answer
    assert "Based on: Guideline 28" in answer
    out = chat(
        engine, ["一个正在我这里打官司的律师加我微信好友", "不对，对方是法官同事"], lang="zh"
    )
    assert "我的理解：有人加我好友或关注我 · 法官同事或法院工作人员" in last_screen(out)


def test_a_second_dilemma_taken_up_as_guidelines_counts_as_taken_up(capsys, tmp_path, monkeypatch):
    """The second part of a message may have no walkthrough: tapping it shows its guidelines
    while the session still stands on the first walk. dilemma_eval scores what is shown."""
    import importlib.util
    import sys

    from conftest import REPO

    spec = importlib.util.spec_from_file_location("dilemma_eval", REPO / "bench/dilemma_eval.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "dilemma_eval", module)
    spec.loader.exec_module(module)
    two = tmp_path / "two.yaml"
    two.write_text(
        "version: 1\ndilemmas:\n"
        "  - {id: t1, lang: en, kind: two_part, gold: [30], text: 'A lawyer in my case sent "
        "me a friend request. Separately, is there somewhere confidential I can ask questions "
        "like this?', parts: [{gold: [30]}, {gold: [40, 29]}]}\n"
        "  - {id: t2, lang: zh, kind: two_part, gold: [30], text: '我手上案子的律师加我微信。"
        "另外，有没有什么地方可以保密咨询这类问题？', parts: [{gold: [30]}, {gold: [40, 29]}]}\n",
        encoding="utf-8",
    )
    assert module.main([str(two)]) == 0
    assert "all two-part: both taken up                         2/2" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("text", "lang", "based_on"),
    [
        # Time online eating into the work (guideline 9)
        (
            "I'm on my phone scrolling X until 1am most nights and my reserved judgments are "
            "piling up. Is that an ethics issue?",
            "en",
            "Based on: Guideline 9",
        ),
        ("晚上刷短视频停不下来，白天开庭老走神，这算职业伦理问题吗？", "zh", "依据：第9条"),
        # Training (guidelines 39 and 38) and a confidential place to ask (40)
        (
            "Should newly appointed judges get training on social media, and can it be online?",
            "en",
            "Based on: Guideline 39",
        ),
        ("我想建议院里定期办社交媒体使用的培训，应该讲哪些内容？", "zh", "依据：第38条"),
        (
            "Is there a confidential helpline where a judge can ask about a social media "
            "dilemma before acting?",
            "en",
            "Based on: Guideline 40",
        ),
    ],
)
def test_time_training_and_advice_have_answers_of_their_own(engine, text, lang, based_on):
    answer = last_screen(chat(engine, [text], lang=lang))
    assert based_on in answer, answer
