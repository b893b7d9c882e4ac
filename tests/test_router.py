"""Routing free-text questions: the contract of `amicus ask`, `amicus eval`, and accuracy."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from conftest import SHARED

from bot.cli import main
from conversations.routing import default_router
from knowledge.evaluation import evaluate

HOLDOUT = Path(__file__).parent / "data" / "router_holdout.yaml"
DEV = SHARED / "eval" / "dev_questions.yaml"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_ask_json_follows_the_contract(capsys):
    code, out, _ = run(capsys, "ask", "律师加我微信好友，我能通过吗？", "--json")
    assert code == 0
    (line,) = out.splitlines()
    answer = json.loads(line)
    assert set(answer) == {"lang", "matches", "tree", "out_of_scope", "walks"}
    assert answer["lang"] == "zh" and answer["out_of_scope"] is False
    scores = [m["score"] for m in answer["matches"]]
    assert 1 <= len(scores) <= 5 and scores == sorted(scores, reverse=True)
    assert all(
        set(m) == {"guideline", "score"} and 1 <= m["guideline"] <= 40 for m in answer["matches"]
    )
    assert answer["tree"] in default_router().lexicon.trees


def test_ask_json_walks_one_object_per_dilemma_in_order(capsys):
    text = (
        "My running app shows my live location and run route to everyone. "
        "Separately, our court wants litigants to log in to its e-filing portal with Facebook."
    )
    code, out, _ = run(capsys, "ask", text, "--json")
    assert code == 0
    walks = json.loads(out)["walks"]
    assert [w["tree"] for w in walks] == ["privacy_location", "court_account"]
    first = walks[0]
    assert set(first) == {"tree", "node", "answer", "cites", "understood"}
    assert first["answer"] is True and first["cites"][0] == 34
    assert first["understood"] == [
        ["what", "A post might reveal where I am"],
        ["loc", "Live location, check-in or run route"],
    ]
    # A question still open: the node Amicus asks next, no citations yet.
    code, out, _ = run(capsys, "ask", "Can I open an account under a pseudonym?", "--json")
    (walk,) = json.loads(out)["walks"]
    assert walk["answer"] is False and walk["cites"] == []
    assert walk["node"] == "content" and walk["understood"][0][0] == "plan"


def test_ask_json_walks_nothing_out_of_scope(capsys):
    _, out, _ = run(capsys, "ask", "How many days of annual leave do judges get?", "--json")
    answer = json.loads(out)
    assert answer["out_of_scope"] is True and answer["walks"] == []


def test_ask_dash_reads_one_question_per_line_and_answers_each(amicus_cmd):
    questions = [
        "a lawyer sent me a friend request",
        "",
        "法院内网办案系统密码过期了找谁重置",
        "被网暴了怎么办",
    ]
    result = subprocess.run(
        [*amicus_cmd, "ask", "-", "--json"],
        input="\n".join(questions) + "\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(answers) == len(questions)
    assert [a["lang"] for a in answers] == ["en", "en", "zh", "zh"]
    assert answers[1] == {
        "lang": "en",
        "matches": [],
        "tree": None,
        "out_of_scope": True,
        "walks": [],
    }
    assert answers[2]["out_of_scope"] is True and answers[2]["matches"] == []
    assert answers[3]["out_of_scope"] is False


def test_ask_lang_option_sets_the_reported_language(capsys):
    _, out, _ = run(capsys, "ask", "WeChat", "--lang", "zh", "--json")
    assert json.loads(out)["lang"] == "zh"


def test_ask_plain_output_names_guidelines_or_says_out_of_scope(capsys):
    code, out, _ = run(capsys, "ask", "someone keeps insulting me on Weibo")
    assert code == 0 and "walkthrough: " in out
    _, out, _ = run(capsys, "ask", "When does the judicial pay rise take effect?")
    assert out.strip() == "[en] out of scope: the guidelines do not address this"


def test_eval_reports_per_language_and_misses(capsys, tmp_path):
    labelled = tmp_path / "mini.yaml"
    labelled.write_text(
        """version: 1
questions:
  - {id: m1, lang: en, gold: [30], topic: friend_request,
     text: "a lawyer in my pending case sent me a friend request"}
  - {id: m2, lang: en, gold: [], topic: out_of_scope,
     text: "When will the judicial pay rise take effect?"}
  - {id: m3, lang: zh, text: "今天天气怎么样", gold: [13], topic: pseudonym}
""",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "eval", str(labelled), "--misses")
    assert code == 0
    lines = out.splitlines()
    assert "en: top-1 100.0% (1/1)  top-3 100.0% (1/1)" in lines
    assert "en: out of scope flagged 100.0% (1/1)  in scope wrongly flagged   0.0% (0/1)" in lines
    assert "zh: top-1   0.0% (0/1)  top-3   0.0% (0/1)" in lines
    assert "miss m3 [zh] gold [13] got out of scope" in lines


def test_eval_rejects_a_malformed_file_naming_the_field(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "version: 1\nquestions:\n  - {id: x, lang: fr, text: hi, gold: [], topic: out_of_scope}\n"
    )
    code, _, err = run(capsys, "eval", str(bad))
    assert code == 2  # the file given is at fault: a usage error, like a missing file
    assert f"{bad} is not a labelled question file" in err
    assert "knowledge files are broken" not in err
    assert f"{bad}: questions[0].lang: Input should be 'zh' or 'en'" in err
    code, _, err = run(capsys, "eval", str(tmp_path / "missing.yaml"))
    assert code == 2 and "no such file" in err
    code, _, err = run(capsys, "eval", str(tmp_path))  # a directory
    assert code == 2 and "no such file" in err


@pytest.mark.parametrize(
    ("questions", "problem"),
    [
        (
            "  - {id: a, lang: en, text: hi, gold: [30], topic: friend_request}\n"
            "  - {id: a, lang: zh, text: 你好, gold: [30], topic: friend_request}\n",
            "question ids must be unique; repeated: a",
        ),
        ("  - {id: a, lang: en, text: hi, gold: [30], topic: bogus}\n", "questions[0].topic"),
        (
            "  - {id: a, lang: en, text: hi, gold: [30, 30], topic: friend_request}\n",
            "a guideline number appears twice",
        ),
    ],
)
def test_eval_holds_files_to_the_shared_schema(capsys, tmp_path, questions, problem):
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nquestions:\n" + questions)
    code, _, err = run(capsys, "eval", str(bad))
    assert code == 2 and problem in err


def figures(path: Path):
    tallies, _ = evaluate(default_router(), path)
    return tallies


def test_targets_on_the_development_questions():
    if not DEV.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{DEV} is missing; CI must have shared/ beside the clone")
        pytest.skip(f"{DEV} not found (shared/ is not beside this checkout)")
    tallies = figures(DEV)
    for lang in ("zh", "en"):
        t = tallies[lang]
        assert t.top3 / t.in_scope >= 0.90, lang
        assert t.top1 / t.in_scope >= 0.75, lang
        assert t.flagged / t.out_of_scope >= 0.80, lang
        assert t.false_flags / t.in_scope <= 0.05, lang


def test_targets_on_our_own_held_out_questions():
    """Written apart from the lexicon (never used to tune it): a check that it generalises."""
    tallies = figures(HOLDOUT)
    for lang in ("zh", "en"):
        t = tallies[lang]
        assert t.top3 / t.in_scope >= HOLDOUT_FLOOR["top3"], lang
        assert t.top1 / t.in_scope >= HOLDOUT_FLOOR["top1"], lang
        assert t.flagged / t.out_of_scope >= 0.80, lang
        assert t.false_flags / t.in_scope <= 0.05, lang


# The targets, which the held-out set now meets (see the issue note); never tuned to.
HOLDOUT_FLOOR = {"top3": 0.90, "top1": 0.75}


@pytest.mark.parametrize(
    ("text", "guideline"),
    [
        ("我想在网上谈谈一个案件", 17),
        ("I'd like to write about one of my judgments on my blog", 17),
        ("我想在微博上发点东西，不知道合不合适", 33),
        ("Someone made a deepfake video of me and it's all over TikTok", 22),
    ],
)
def test_words_judges_use_reach_the_guideline_that_answers_them(text, guideline):
    top3 = [m.guideline for m in default_router().route(text).matches[:3]]
    assert guideline in top3


@pytest.mark.parametrize(
    ("text", "tree"),
    [
        ("刚搬了家，想发几张新家的照片", "privacy_location"),  # a new home is an address
        ("微信朋友圈是全部可见的，合适吗", "privacy_location"),  # a WeChat visibility setting
        (
            "Should I check whether she's posted anything about the accident? She is the claimant",
            "online_research",
        ),
    ],
)
def test_judges_words_for_a_situation_choose_its_walkthrough(engine, text, tree):
    walk = engine.understanding.read(text)[0].walk
    assert walk is not None and walk.tree == tree


def test_a_video_series_on_how_a_court_works_is_not_taken_for_paid_content(engine):
    walk = engine.understanding.read(
        "a video series on how the magistrates' court works, for people with no lawyer"
    )[0].walk
    assert walk is not None and walk.tree != "commercial"


@pytest.mark.parametrize(
    ("text", "tree", "node"),
    [
        ("有人在网上说我坏话，怎么办", "online_insult", "what"),  # 坏话 is abuse
        (
            "I want to open an Instagram account under my real name, with my role as a "
            "magistrate shown",
            "pseudonym",
            "a_title",
        ),
        ("想用真名开个小红书，简介里写某法院法官", "pseudonym", "a_title"),
        (
            "The claimant's barrister in a trial I'm presiding over sent me a LinkedIn request",
            "friend_request",
            "a_party",
        ),
        ("我想删掉以前点过赞的帖子", "delete_content", "a_assoc"),
    ],
)
def test_judges_words_walk_as_far_as_they_decide(engine, text, tree, node):
    walk = engine.understanding.read(text)[0].walk
    assert walk is not None and (walk.tree, walk.node) == (tree, node)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("昨天被告人的儿子在抖音上私信我，说他爸是冤枉的", False),
        ("原告的老婆在微博上发帖骂我", False),
        ("我儿子在抖音上发了我上班的照片", True),
        ("我的儿子在抖音上发了我上班的照片", True),
        ("法官的家人在朋友圈晒法院的照片合适吗", True),
        ("我们家的孩子在抖音上发了我开庭的视频", True),
        ("我家的女儿在抖音上发了我开庭的视频", True),
    ],
)
def test_a_relative_is_the_judges_own_family_only_when_nobody_else_owns_them(text, family):
    # "被告人的儿子" is a party's son: it must not pull the question into the walkthrough
    # about the judge's own family posting.
    routing = default_router().route(text)
    assert (routing.tree == "family_staff") is family, routing.tree


@pytest.mark.parametrize(
    "text",
    [
        # a point of law about what a platform carries: no question of the judge's conduct
        "Is a WeChat voice message admissible to prove that a guarantee was given?",
        "Could a Snapchat video recorded by a neighbour be inadmissible as hearsay?",
        "微博上的诽谤内容，侵权行为地怎么认定，由哪个法院管辖？",
        # pay or tax that names a platform
        "Is a paid LinkedIn account tax deductible?",
        # an everyday word that holds a platform's name: 快手菜 is a quick dish
        "下班太晚了，想学几道快手菜，有什么推荐？",
    ],
)
def test_law_pay_and_everyday_questions_naming_a_platform_are_out_of_scope(text):
    assert default_router().route(text).out_of_scope, text


@pytest.mark.parametrize(
    "text",
    [
        # the same words, with the judge in them: conduct, in scope
        "Should judges post about bail reform on Facebook?",
        "Can I look up a witness's public Instagram before she testifies?",
        "A party sent me a WhatsApp message about the evidence in my case. What should I do?",
        "当事人在微信上给我发了案件证据材料，我该怎么办？",
        "想在知乎回答一个热点案件的法律适用问题，可以吗？",
        "我想在快手上开直播讲讲普法知识，合适吗？",
        # impersonal, but about an act on a platform
        "Is it appropriate to tweet from the courtroom during a trial?",
        "Should a judge's spouse post about a divorce case on Facebook?",
        "Is liking a tweet about sentencing reform a problem?",
        "Is it wise to post holiday photos on Instagram while on annual leave?",
        "Is it ok to look at a defendant's Facebook to check a claim in his mitigation letter?",
    ],
)
def test_the_judges_own_conduct_on_a_platform_stays_in_scope(text):
    assert not default_router().route(text).out_of_scope, text
