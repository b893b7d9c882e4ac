"""Real dilemmas, walked at the console the way a judge would, in both languages."""

from __future__ import annotations

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
            "网上被辱骂或骚扰",
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
