"""Words judges use for a step that nobody listed at first (issue 12): each wording below is
our own, written the way judges in different jurisdictions put the same fact, and each
asserts what the judge sees: the step understood, or the question still asked."""

from __future__ import annotations

import pytest
from transcripts import chat, last_screen


def screen_of(engine, text: str, lang: str) -> str:
    return last_screen(chat(engine, [text], lang=lang))


def understood(engine, text: str, lang: str) -> str:
    """The "I understood" line the judge sees, or "" when nothing was: the labels of the
    options on screen (and of its Change buttons) are elsewhere, so they prove nothing."""
    return understood_line(screen_of(engine, text, lang), lang)


def understood_line(screen: str, lang: str) -> str:
    head = "» I understood:" if lang == "en" else "» 我的理解："
    return next((line for line in screen.splitlines() if line.startswith(head)), "")


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
    assert said in understood(engine, text, lang)


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


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Somebody keeps trashing me on Facebook, what can I do", "en"),
        ("A podcaster has been ripping into me for weeks", "en"),
        ("People are making fun of me on TikTok after a hearing", "en"),
        ("有人在抖音上编排我，说得很难听", "zh"),
        ("网上有人发帖挖苦我，怎么办", "zh"),
    ],
)
def test_abuse_said_in_everyday_words_is_abuse(engine, text, lang):
    """Colloquial ways of saying someone attacks the judge online open the abuse walkthrough."""
    title = "Insulted or harassed online" if lang == "en" else "遭受网络辱骂或骚扰"
    assert last_screen(chat(engine, [text], lang=lang)).startswith(f"== {title} ==")


def test_a_word_that_sounds_like_an_insult_is_not_one(engine):
    """对我 ("to me") sounds like 怼我 ("snaps at me"): a stranger's files sent to the judge
    are no abuse."""
    screen = last_screen(chat(engine, ["陌生人通过QQ给我发案件材料，这对我有影响吗？"], lang="zh"))
    assert not screen.startswith("== 遭受网络辱骂或骚扰 ==")


@pytest.mark.parametrize(
    ("text", "lang", "said"),
    [
        (
            "My clerk films short videos in chambers and court files on the desk can be seen",
            "en",
            "A pending case or deliberations",
        ),
        (
            "My usher posts funny clips from the office with case papers on the table",
            "en",
            "A pending case or deliberations",
        ),
        ("书记员在办公室拍短视频发抖音，背景里有卷宗", "zh", "在审案件或合议情况"),
        ("我的助理在单位拍视频，桌上的案卷都拍到了", "zh", "在审案件或合议情况"),
    ],
)
def test_case_material_in_the_background_of_staff_videos_is_a_case(engine, text, lang, said):
    screen = understood(engine, text, lang)
    assert said in screen


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("I've been making short videos about court etiquette for Instagram", "en"),
        ("A man filmed me arguing in a car park and posted it", "en"),
        ("有人在商场拍了我的视频发到抖音上", "zh"),
    ],
)
def test_the_judge_s_own_videos_or_being_filmed_are_not_staff_posting(engine, text, lang):
    title = "Family, friends and court staff" if lang == "en" else "家人、朋友与法院工作人员"
    assert not last_screen(chat(engine, [text], lang=lang)).startswith(f"== {title}")


@pytest.mark.parametrize(
    ("text", "lang", "said"),
    [
        (
            "A stranger keeps leaving racist comments under my posts. Block him? "
            "He has no case with me.",
            "en",
            "They harass or insult me",
        ),
        (
            "Should I remove a follower who posts hateful comments on everything I share?",
            "en",
            "They harass or insult me",
        ),
        ("有个网友总在我微博下面发地域黑的言论，要不要拉黑？", "zh", "对方骚扰或辱骂我"),
        ("一个粉丝老在评论区爆粗口，我想把他拉黑", "zh", "对方骚扰或辱骂我"),
    ],
)
def test_hateful_comments_are_a_reason_to_block_that_is_abuse(engine, text, lang, said):
    assert said in understood(engine, text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "I've never changed my Facebook privacy settings; everything is visible to everyone",
            "en",
        ),
        ("My Instagram is still on the defaults and anyone can see my posts. Fine?", "en"),
        ("我的抖音从来没动过设置，作品对所有人可见，这样行吗", "zh"),
        ("我微信朋友圈一直是默认的，谁都能看，要不要改", "zh"),
    ],
)
def test_settings_never_changed_ask_for_a_settings_check(engine, text, lang):
    """'Never changed the settings' negates nothing the judge wants: it is why they ask."""
    said = "A general settings check" if lang == "en" else "全面检查一遍设置"
    assert said in understood(engine, text, lang)


@pytest.mark.parametrize(
    ("replies", "lang", "said"),
    [
        (
            [
                "a question about my husband's posts",
                "he posted about the case I'm doing at the moment, with the accused's name",
            ],
            "en",
            "Based on: Guideline 31",
        ),
        (
            [
                "my son keeps posting about my work",
                "now he wrote about a trial I'm on, the jury is still out",
            ],
            "en",
            "Based on: Guideline 31",
        ),
        (
            ["家里人发朋友圈的事", "我老婆在朋友圈发了我正在办的那个案子，还带着当事人的名字"],
            "zh",
            "依据：第31条",
        ),
    ],
)
def test_a_relative_posting_about_a_trial_i_am_on_is_a_pending_case(engine, replies, lang, said):
    assert said in last_screen(chat(engine, replies, lang=lang))


def test_someone_else_posting_about_a_case_is_not_my_wish_to_post(engine):
    screen = understood(engine, "Can I say something? A lawyer posted about my trial", "en")
    assert "I want to post about it myself" not in screen


@pytest.mark.parametrize(
    "text",
    [
        "Before I was appointed I posted a lot bashing the other party. Should I delete them?",
        "Back in law school I tweeted for the Labour Party and against the Tories. Delete?",
    ],
)
def test_a_political_party_is_politics_not_a_party_to_a_case(engine, text):
    screen = understood(engine, text, "en")
    assert "Views on contested issues or causes" in screen
    assert "It bears on a case before me now" not in screen


def test_a_party_s_posts_are_still_a_party_s(engine):
    """The other side in a case is still a party: only party politics reads as politics."""
    screen = understood(
        engine, "The other party in my pending case keeps sharing my old posts. Delete them?", "en"
    )
    assert "Views on contested issues or causes" not in screen


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Someone I don't know sent me a friend request", "Someone sent me a request"),
        ("A man I've never met sent me a connection request", "Someone sent me a request"),
        ("A woman I don't recognise added me on Instagram", "Someone sent me a request"),
    ],
)
def test_not_knowing_someone_does_not_deny_what_they_did(engine, text, said):
    assert said in understood(engine, text, "en")


def test_not_knowing_whether_leaves_the_question_open(engine):
    text = "I don't know if the lawyer who added me is in my case"
    assert "Party, lawyer or witness in my case" not in understood(engine, text, "en")
    assert "Based on" not in screen_of(engine, text, "en")


@pytest.mark.parametrize(
    ("text", "lang", "said"),
    [
        (
            "A stranger sent me a friend request: blank profile, no profile picture",
            "en",
            "No, or it looks like a fake account",
        ),
        (
            "一个陌生人加我微信，朋友圈什么都没有，头像是风景照，要不要通过",
            "zh",
            "查不清，或像是假账号",
        ),
    ],
)
def test_an_empty_profile_looks_like_a_fake_account(engine, text, lang, said):
    assert said in understood(engine, text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "said"),
    [
        ("Can I post a photo of me and my kids at the beach on Instagram?", "en", "I do"),
        ("Thinking of posting a selfie from our holiday, is that safe?", "en", "I do"),
        ("打算在朋友圈发一张全家福照片，会暴露隐私吗", "zh", "我自己"),
    ],
)
def test_asking_whether_to_post_a_photo_says_who_posts_it(engine, text, lang, said):
    assert said in understood(engine, text, lang)


def test_moments_are_no_friends(engine):
    """朋友圈 (WeChat Moments) holds 朋友 but names no friend."""
    screen = understood(engine, "打算在朋友圈发一张全家福照片，会暴露隐私吗", "zh")
    assert "家人或朋友" not in screen


@pytest.mark.parametrize(
    ("text", "lang", "said"),
    [
        (
            "A witness in the trial I'm hearing swears she never drinks. Can I look at her "
            "Instagram to see what she's really like?",
            "en",
            "Check disputed facts or credibility",
        ),
        (
            "The defendant in my case says he works two jobs; I'd search his Facebook to see "
            "whether his story holds up",
            "en",
            "Check disputed facts or credibility",
        ),
        (
            "我在审的案子里被告说自己早就戒赌了，我想上他的抖音看看，心里有个底",
            "zh",
            "核实争议事实或可信度",
        ),
    ],
)
def test_wanting_to_know_what_a_party_is_really_like_is_checking_credibility(
    engine, text, lang, said
):
    assert said in understood(engine, text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "said", "not_said"),
    [
        # A decision handed down days ago may be final or open to appeal: that is asked.
        (
            "A party who lost before me is calling me a liar on Facebook since I ruled last "
            "week. Can I answer?",
            "en",
            "A party or their lawyer",
            "· Yes",
        ),
        (
            "败诉的被告在抖音上骂我是贪官，案子是上周判的，我能回应吗",
            "zh",
            "案件当事人或其律师",
            "· 是",
        ),
        # A lawyer with a hearing before the judge next week is in a current case.
        (
            "A solicitor with a hearing in front of me next month sent me a LinkedIn request",
            "en",
            "Yes, in a current case",
            "Not now",
        ),
        ("一位律师下周在我这开庭，昨天加我微信", "zh", "是，正在我审理的案件中代理", "目前没有"),
        # The judge's own bio naming the office is not the business mentioning it.
        (
            "My husband runs a bakery business. Can I share its Instagram posts from my own "
            "account? My bio says I'm a judge.",
            "en",
            "Like or share their posts",
            "They mention that I'm a judge",
        ),
    ],
)
def test_a_fact_said_in_passing_decides_its_step_and_no_other(engine, text, lang, said, not_said):
    line = understood(engine, text, lang)
    assert said in line
    assert not_said not in line


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "A party who lost before me years back is calling me a liar on Facebook. Can I answer?",
            "en",
        ),
        ("败诉的被告在抖音上骂我是贪官，我能回应吗", "zh"),
    ],
)
def test_a_decision_of_no_stated_date_leaves_the_appeal_question_open(engine, text, lang):
    """Without a recent decision, whether it may still be appealed is asked, not assumed."""
    line = understood(engine, text, lang)
    assert line.endswith(("A party or their lawyer", "案件当事人或其律师"))


@pytest.mark.parametrize(
    ("text", "lang", "said"),
    [
        # The judge's own past as a lawyer is no hint of a case before them now: the
        # screening question goes on by its ordinary case.
        (
            "Before my appointment I was a defence solicitor and tweeted a lot about sentencing "
            "policy. The tweets are still up. What should I do with them?",
            "en",
            "Not under complaint or before me",
        ),
        (
            "我当法官之前做了多年律师，那时在微博上发过不少评论量刑的帖子，现在还挂着，该怎么处理？",
            "zh",
            "未牵涉投诉或在审案件",
        ),
        # Not finding a rule is having none that one knows of.
        (
            "Before I was appointed I posted angry threads about a property developer. I can't "
            "find any court policy on old posts. Delete them?",
            "en",
            "No rules on it that I know of",
        ),
        (
            "当法官之前我在知乎发过骂一家企业的长文，院里找不到相关规定，要删吗",
            "zh",
            "没有专门规定",
        ),
    ],
)
def test_what_only_shares_a_word_with_an_exception_does_not_hold_it_open(engine, text, lang, said):
    assert said in understood(engine, text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "not_said"),
    [
        # "Years ago" may be any time since the appointment: when it was posted is asked.
        (
            "I tweeted a lot about football years ago. Should I delete the old tweets?",
            "en",
            "Before I took judicial office",
        ),
        ("好几年前在微博上吐槽过一家超市，帖子还在，要删吗", "zh", "担任法官之前发布的"),
    ],
)
def test_a_time_long_ago_is_not_taken_for_before_the_appointment(engine, text, lang, not_said):
    assert not_said not in understood(engine, text, lang)
    # The question asked is when it was posted.
    asked = {
        "en": ("What is it, and when was it posted?", "Was it posted before you took judicial"),
        "zh": ("是什么内容、何时发布的？", "这些内容是在您担任法官之前发布的吗？"),
    }
    screen = screen_of(engine, text, lang)
    assert any(question in screen for question in asked[lang])


@pytest.mark.parametrize(
    ("replies", "lang", "said"),
    [
        (
            [
                "Before I was appointed I tweeted a lot of hot takes about one political party. "
                "Should I delete them?",
                "no, our judiciary has no rules on old posts",
            ],
            "en",
            "That fits what I understood",
        ),
        (
            ["我当法官之前在微博上发过很多政治观点，要删吗", "没有，我们院对旧帖子没有规定"],
            "zh",
            "这与我的理解一致",
        ),
    ],
)
def test_confirming_an_assumed_step_keeps_the_answer(engine, replies, lang, said):
    """Saying the ordinary case in so many words is no hint of its exception."""
    assert said in last_screen(chat(engine, replies, lang=lang))


@pytest.mark.parametrize(
    ("replies", "lang", "said"),
    [
        # Before the appointment, in the words judges use for it.
        (
            ["I want to tidy up some old posts", "I wrote them before becoming a judge"],
            "en",
            "Before I took judicial office",
        ),
        (["想处理一下以前发的帖子", "那时候还没当法官，还在律所"], "zh", "担任法官之前发布的"),
        # A friendship of long standing is an existing contact.
        (
            ["A question about an online friend", "We've been Facebook friends for a decade"],
            "en",
            "An existing contact is tied to a case",
        ),
        (["问一个微信好友的事", "我们一直是微信好友，十来年了"], "zh", "已有好友与某个案件有关"),
    ],
)
def test_a_typed_reply_in_everyday_words_answers_the_question(engine, replies, lang, said):
    assert said in understood_line(last_screen(chat(engine, replies, lang=lang)), lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "May I look at a prosecution witness's Instagram before he gives evidence next week?",
            "en",
        ),
        ("关键证人下周出庭作证，我能先去看看他的微博吗？", "zh"),
    ],
)
def test_a_witness_giving_evidence_is_a_person_not_evidence_filed(engine, text, lang):
    """'Gives evidence' is what a witness does: the witness is who is looked up."""
    line = understood(engine, text, lang)
    assert "Social-media evidence filed in court" not in line
    assert "社交媒体证据" not in line
    assert ("A party, witness or lawyer in my case" in line) or ("案件当事人、证人或律师" in line)


@pytest.mark.parametrize(
    ("text", "lang", "said"),
    [
        (
            "my 15 year old posts stories tagged at our house and her account is public. I sit "
            "on serious criminal cases. what should I do?",
            "en",
            "A post might reveal where I am",
        ),
        (
            "我女儿发抖音老带我们家小区的定位，她的账号是公开的，我是刑庭法官，怎么办？",
            "zh",
            "我的行踪、住址或照片",
        ),
    ],
)
def test_someone_else_s_public_account_is_not_my_settings(engine, text, lang, said):
    """Whose account is public matters: a relative's says nothing of the judge's settings."""
    line = understood(engine, text, lang)
    assert said in line
    assert "My account's security and settings" not in line
    assert "账号的安全和隐私设置" not in line


@pytest.mark.parametrize(
    ("text", "lang", "said"),
    [
        (
            "I posted political opinions online before becoming a judge. Should I remove them?",
            "en",
            "Before I took judicial office",
        ),
        ("我当法官以前在网上发表过不少对时事的看法，现在要不要删掉？", "zh", "担任法官之前发布的"),
    ],
)
def test_words_behind_a_screening_question_still_choose_the_walkthrough(engine, text, lang, said):
    """Old views posted before the appointment belong to the old-posts walkthrough, though
    its first question (is the content under complaint?) is one the words say nothing of."""
    assert said in understood(engine, text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "said"),
    [
        # A list of hundreds of friends is contacts, not posts.
        (
            "I have hundreds of friends on Facebook from my years in practice, lots of them "
            "lawyers. Should I clean that up now?",
            "en",
            "Old likes, follows, groups, contacts",
        ),
        (
            "我微信好友几千个，很多是以前办案认识的律师，现在要不要清理一下？",
            "zh",
            "旧的点赞、关注、群组和联系人",
        ),
    ],
)
def test_a_contact_list_is_understood_as_contacts(engine, text, lang, said):
    assert said in understood(engine, text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Thinking about my TikTok: keep everything on the same account, or open a second "
            "account for the judge side of my life?",
            "en",
        ),
        ("抖音上我一直发钓鱼视频，现在想发点普法的内容，用同一个号还是另外开一个？", "zh"),
    ],
)
def test_one_account_or_another_is_separating_accounts(engine, text, lang):
    line = understood(engine, text, lang)
    assert ("Separate personal and work accounts" in line) or ("区分个人号和工作号" in line)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Should I delete my old political tweets from law school? Defence counsel quoted "
            "them in a motion yesterday.",
            "en",
        ),
        ("我法学院时发过一些政治言论的微博，要删吗？被告的辩护人昨天在庭上把截图拿出来了", "zh"),
    ],
)
def test_a_lawyer_in_court_raising_the_posts_holds_the_screening_question_open(engine, text, lang):
    """Words spent on when the posts were made are no hint; a lawyer quoting them in court,
    in a clause of its own, is one: Amicus asks whether they bear on a case before the judge."""
    line = understood(engine, text, lang)
    assert "Not under complaint or before me" not in line
    assert "未牵涉投诉或在审案件" not in line


@pytest.mark.parametrize(
    ("text", "lang", "not_said"),
    [
        # Being a judge now says nothing of when a post was made.
        (
            "Now that I'm a judge, should I delete the tweet I posted yesterday?",
            "en",
            "Before I took judicial office",
        ),
        ("现在当了法官，昨天发的微博要删吗？", "zh", "担任法官之前发布的"),
        # An old account may have been opened since the appointment: its posts are not
        # taken for posts from before it.
        (
            "I have an old Twitter account I opened after I became a judge and no longer use. "
            "Should I delete the posts?",
            "en",
            "Posts or photos from before office",
        ),
        (
            "我有一个当法官以后开的旧微博账号，早就不用了，里面有些帖子，要删吗？",
            "zh",
            "就任前的帖子或照片",
        ),
    ],
)
def test_what_does_not_date_a_post_is_not_taken_for_before_the_appointment(
    engine, text, lang, not_said
):
    assert not_said not in understood(engine, text, lang)
