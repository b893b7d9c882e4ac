"""Words judges use for a step that nobody listed at first (issue 12): each wording below is
our own, written the way judges in different jurisdictions put the same fact, and each
asserts what the judge sees: the step understood, or the question still asked."""

from __future__ import annotations

import pytest
from transcripts import chat, last_screen


def understood(engine, text: str, lang: str) -> str:
    return last_screen(chat(engine, [text], lang=lang))


@pytest.mark.parametrize(
    ("text", "lang", "said"),
    [
        # Counsel named by their role in a trial the judge is hearing is counsel in my case,
        # and "never met outside court" says nothing of a stranger.
        (
            "The barrister defending in my murder trial wants to connect on LinkedIn",
            "en",
            "Party, lawyer or witness in my case",
        ),
        (
            "Opposing counsel in a case on my docket sent me a friend request. "
            "We never met socially, only in the courtroom.",
            "en",
            "Party, lawyer or witness in my case",
        ),
        (
            "Counsel appearing in my courtroom this week added me on Facebook",
            "en",
            "Party, lawyer or witness in my case",
        ),
        ("在我庭上出庭的辩护律师加我微信", "zh", "我案件的当事人、律师或证人"),
        ("我正在审理的那个合同纠纷，原告的代理律师加我好友", "zh", "我案件的当事人、律师或证人"),
        # A job title in a headline or bio shows the account is a judge's.
        (
            "I want 'District Judge' in my LinkedIn headline under my real name",
            "en",
            "Yes, e.g. a verified job title",
        ),
        (
            "Opening an account in my own name; my bio says I sit at the county court",
            "en",
            "Real name and judicial title",
        ),
        ("我想用真名开微博，个人简介里写上某某法院法官", "zh", "会，例如职业认证"),
        ("想用真名注册，职务一栏写法官，可以吗", "zh", "会，例如职业认证"),
        # Where the insults are posted says who posts them: the public, not a litigant.
        (
            "A thread on a local forum calls me corrupt after the verdict in my case",
            "en",
            "Other users, the public or media",
        ),
        (
            "People in a subreddit for my town are calling me a disgrace over my ruling",
            "en",
            "Other users, the public or media",
        ),
        ("本地论坛有个帖子骂我判得不公", "zh", "网友、公众或媒体"),
        ("贴吧里有人说我收了钱才这么判，骂得很难听", "zh", "网友、公众或媒体"),
    ],
)
def test_a_step_said_in_words_nobody_listed_is_understood(engine, text, lang, said):
    screen = understood(engine, text, lang)
    head = "» I understood:" if lang == "en" else "» 我的理解："
    line = next(line for line in screen.splitlines() if line.startswith(head))
    assert said in line


@pytest.mark.parametrize(
    ("text", "lang", "not_said"),
    [
        # A stranger is still a stranger when the judge has never met them in person.
        (
            "Someone I have never met in person wants to connect, no idea who he is",
            "en",
            "Party, lawyer or witness in my case",
        ),
        # No title in the profile is not a title.
        (
            "I'll use my real name, but my profile won't mention my job title",
            "en",
            "Yes, e.g. a verified job title",
        ),
        ("我想用真名注册，但简介里不写职务", "zh", "会，例如职业认证"),
    ],
)
def test_what_the_words_do_not_say_is_not_understood(engine, text, lang, not_said):
    assert not_said not in understood(engine, text, lang)
