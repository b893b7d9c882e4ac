"""Real dilemmas, walked at the console the way a judge would, in both languages."""

from __future__ import annotations

import pytest
from transcripts import by_labels, chat, last_screen, options, screens


def test_a_lawyer_in_my_pending_case_sends_a_friend_request(engine, corpus):
    path, out = by_labels(
        engine,
        [
            "Walk through a dilemma",
            "Friend and follow requests",
            "Someone sent me a request",
            "A lawyer who may appear before me",
            "Yes, in a current case",
        ],
    )
    answer = last_screen(out)
    assert answer.startswith("== Friend and follow requests ==\nGuidance\n")
    assert "Based on: Guideline 30, " in answer
    assert "Practical tip (not guideline text)" in answer
    assert options(out)["1"] == "Full text of Guideline 30"
    # One tap to the verbatim text, then Back to the answer.
    out = chat(engine, [*path, "1", str(len(options(chat(engine, [*path, "1"]))) - 1)])
    assert corpus.guideline(30).text.en in out
    assert screens(out)[-2:] == [
        "Guideline 30 · Friend requests from parties and lawyers",
        "Friend and follow requests",
    ]
    assert "Based on: Guideline 30, " in last_screen(out)


def test_insulted_online_over_a_case_still_open_chinese(engine):
    _, out = by_labels(
        engine,
        [
            "一步步分析一个具体难题",
            "遭受网络辱骂或骚扰",
            "因案件被辱骂或攻击",
            "网友、公众或媒体",
            "是",
        ],
        lang="zh",
    )
    answer = last_screen(out)
    assert "依据：第22条、第17条" in answer
    assert "查看第22条全文" in options(out).values()


def test_old_posts_from_before_appointment_then_back_and_restart(engine):
    labels = [
        "Walk through a dilemma",
        "Deleting or reviewing old content",
        "No, neither",
        "Before I took judicial office",
        "No, or I don't know",
        "Views on contested issues or causes",
    ]
    path, out = by_labels(engine, labels)
    assert "Based on: Guideline 21, Guideline 16" in last_screen(out)
    back = {v: k for k, v in options(out).items()}["Back"]
    out = chat(engine, [*path, back])
    assert "What is the content mainly?" in last_screen(out)
    restart = {v: k for k, v in options(out).items()}["Restart"]
    out = chat(engine, [*path, back, restart])
    assert screens(out)[-1] == engine.ui.app_name.en


def test_unsure_ends_with_the_offer_of_a_human_adviser(engine):
    path, out = by_labels(
        engine,
        [
            "Walk through a dilemma",
            "Friend and follow requests",
            "I can't tell what this tie amounts to",
        ],
    )
    answer = last_screen(out)
    assert "Guideline 29 encourages you to seek guidance from an ethics adviser" in answer
    adviser = {v: k for k, v in options(out).items()}["Ask a human ethics adviser"]
    out = chat(engine, [*path, adviser])
    assert "Please contact your judiciary's ethics office" in last_screen(out)


# --------------------------------------------------------------------------- issue 11: new branches

WALK = {"en": "Walk through a dilemma", "zh": "一步步分析一个具体难题"}
BASED_ON = {"en": "Based on: Guideline {}", "zh": "依据：第{}条"}
TIP = {"en": "Practical tip (not guideline text)", "zh": "实用提示（非指南原文）"}
DIFFER = {
    "en": "Judiciaries differ here (this note is not guideline text)",
    "zh": "各司法机关在这一点上做法不一，此提示并非指南原文",
}


def walk(engine, lang: str, labels: dict[str, list[str]]) -> str:
    """The last screen after choosing ``labels[lang]`` from the walkthrough menu on."""
    return last_screen(by_labels(engine, [WALK[lang], *labels[lang]], lang)[1])


def tip_lines(answer: str, lang: str) -> list[str]:
    return answer.split(TIP[lang] + "\n", 1)[1].split("\n\n")[0].splitlines()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_sending_a_request_to_a_lawyer_has_its_own_answer_and_says_judiciaries_differ(engine, lang):
    answer = walk(
        engine,
        lang,
        {
            "en": [
                "Friend and follow requests",
                "I want to send a request",
                "A lawyer who may appear before me",
            ],
            "zh": ["好友与关注请求", "我想加别人好友或关注", "可能在我面前出庭的律师"],
        },
    )
    assert BASED_ON[lang].format(28) in answer
    first_tip = tip_lines(answer, lang)[0]
    assert first_tip.startswith("• " + DIFFER[lang])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_already_interacted_with_a_party_mid_case_leads_with_30_and_offers_an_adviser(engine, lang):
    answer = walk(
        engine,
        lang,
        {
            "en": [
                "Friend and follow requests",
                "An existing contact is tied to a case",
                "I interacted mid-case, then realised",
            ],
            "zh": ["好友与关注请求", "已有好友与某个案件有关", "审理中才发现已互动过"],
        },
    )
    assert BASED_ON[lang].format(30) in answer
    assert ("rehearings" if lang == "en" else "重审") in answer
    assert engine.ui.menu_adviser(lang) in answer


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_former_colleague_from_practice_now_before_me(engine, lang):
    answer = walk(
        engine,
        lang,
        {
            "en": [
                "Friend and follow requests",
                "Someone sent me a request",
                "A lawyer who may appear before me",
                "My ex-colleague or client, now before me",
            ],
            "zh": [
                "好友与关注请求",
                "有人加我好友或关注我",
                "可能在我面前出庭的律师",
                "我任职前的同事或客户，现在出庭",
            ],
        },
    )
    assert BASED_ON[lang].format(30) in answer and ("25" in answer)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_fair_criticism_of_a_final_decision_is_not_answered_with_guideline_22(engine, lang):
    answer = walk(
        engine,
        lang,
        {
            "en": [
                "Insulted or harassed online",
                "My decision is being criticised",
                "Decided and final",
            ],
            "zh": ["遭受网络辱骂或骚扰", "有人批评我的裁判", "已经终结"],
        },
    )
    assert BASED_ON[lang].format(18) in answer
    assert ("Guideline 22" if lang == "en" else "第22条") not in answer


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_threat_shows_the_safety_step_first_labelled_as_not_guideline_text(engine, lang):
    answer = walk(
        engine,
        lang,
        {
            "en": [
                "Insulted or harassed online",
                "Threats, or my address posted",
                "An explicit threat of harm",
            ],
            "zh": ["遭受网络辱骂或骚扰", "威胁，或住址被曝光", "明确扬言要伤害我"],
        },
    )
    heading = answer.splitlines()[1]
    assert heading == TIP[lang]
    safety = answer.splitlines()[2]
    assert ("court security" if lang == "en" else "法院安保部门") in safety
    guidance = answer.index("Guidance" if lang == "en" else "建议\n")
    assert answer.index(safety) < guidance < answer.index(BASED_ON[lang].format(22))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_content_under_complaint_is_preserved_and_taken_to_an_adviser(engine, lang):
    answer = walk(
        engine,
        lang,
        {
            "en": ["Deleting or reviewing old content", "A complaint, vetting, news story or suit"],
            "zh": ["删除或清理旧内容", "已被投诉、审查、报道或起诉"],
        },
    )
    assert BASED_ON[lang].format(29) in answer
    assert ("concealment" if lang == "en" else "掩盖") in answer


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_old_likes_and_group_memberships_are_reviewed_too(engine, lang):
    answer = walk(
        engine,
        lang,
        {
            "en": [
                "Deleting or reviewing old content",
                "No, neither",
                "Old likes, follows, groups, contacts",
            ],
            "zh": ["删除或清理旧内容", "都不是", "旧的点赞、关注、群组和联系人"],
        },
    )
    assert BASED_ON[lang].format(26) in answer


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_may_i_be_on_social_media_at_all(engine, lang):
    answer = walk(
        engine,
        lang,
        {
            "en": [
                "Getting started on social media",
                "May I be on social media at all?",
                "Keep up with family and friends",
            ],
            "zh": ["开始使用社交媒体", "法官能不能用社交媒体", "和家人朋友保持联系"],
        },
    )
    assert BASED_ON[lang].format(1) in answer
    assert answer.splitlines()[2].startswith("Yes." if lang == "en" else "可以。")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_real_name_with_the_title_says_judiciaries_differ(engine, lang):
    answer = walk(
        engine,
        lang,
        {
            "en": [
                "Getting started on social media",
                "Real name, or not?",
                "Real name and judicial title",
            ],
            "zh": ["开始使用社交媒体", "用不用真名", "真名，并注明法官身份"],
        },
    )
    assert BASED_ON[lang].format(12) in answer
    assert tip_lines(answer, lang)[0].startswith("• " + DIFFER[lang])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_heated_debate_with_lawyers_asks_whether_they_are_in_a_case_before_me(engine, lang):
    start = {
        "en": ["Tone, jokes and controversial topics", "A reply in a heated debate"],
        "zh": ["语气、玩笑与争议话题", "在激烈争论中回帖"],
    }[lang]
    who = {"en": "Lawyers or parties who may appear", "zh": "可能出庭的律师或当事人"}[lang]
    in_case = {"en": "Yes, in a case before me", "zh": "是，在我审理的案件中"}[lang]
    one_day = {"en": "No, they may appear one day", "zh": "没有，只是将来可能出庭"}[lang]
    # Tone decides while they only may appear; no interaction at all once they are in a case.
    later = walk(engine, lang, {lang: [*start, who, one_day]})
    assert BASED_ON[lang].format(18) in later
    now = walk(engine, lang, {lang: [*start, who, in_case]})
    assert BASED_ON[lang].format(30) in now
