"""The engine's promises to every adapter: old and forged taps are safe, sessions survive."""

from __future__ import annotations

import itertools
import json

import pytest

from conversations import Back, Choose, FreeText, Restart, Session, SwitchLanguage


def walk(engine, *tokens: str, lang: str = "en"):
    session, reply = engine.start(lang)
    for token in tokens:
        session, reply = engine.handle(session, Choose(token))
    return session, reply


def test_every_option_on_every_browse_screen_leads_somewhere_valid(engine):
    """Breadth-first over all screens reachable from home: no option is a dead end."""
    seen, frontier = set(), [engine.start("en")[0]]
    while frontier:
        session = frontier.pop()
        reply = engine.render(session)
        for option in reply.options:
            nxt, shown = engine.handle(session, Choose(option.token))
            assert not any(b.kind == "notice" and "out of date" in b.text for b in shown.blocks)
            if (
                nxt.stack not in seen
                and option.token not in ("~",)
                and not option.token.startswith("<")
            ):
                seen.add(nxt.stack)
                frontier.append(nxt)
    assert {s[-1] for s in seen} >= {f"g:{n}" for n in range(1, 41)}


@pytest.mark.parametrize("token", ["g:41", "s:nowhere", "t:x:y:9", "", "<nowhere", "@fr", "x" * 64])
def test_forged_or_stale_tokens_say_out_of_date_and_keep_the_place(engine, token):
    before, _ = walk(engine, "browse", "s:identity")
    after, reply = engine.handle(before, Choose(token))
    assert after == before
    assert reply.blocks[0].kind == "notice"
    assert reply.blocks[0].text == "That menu is out of date; here is the current one."
    assert reply.screen == "s:identity"


def test_tap_on_an_old_message_continues_from_that_message(engine):
    # The judge went deep, then taps a section on the older browse message.
    session, _ = walk(engine, "browse", "s:identity", "g:13")
    session, reply = engine.handle(session, Choose("s:friendships"))
    assert session.stack == ("home", "browse", "s:friendships")
    assert reply.screen == "s:friendships"
    # And Back on the old guideline-13 message returns to that guideline's section.
    session, _ = engine.handle(session, Choose("<g:13"))
    assert session.stack == ("home", "browse", "s:identity")


def test_back_at_home_says_so(engine):
    session, reply = engine.handle(engine.start("en")[0], Back())
    assert session.stack == ("home",)
    assert reply.blocks[0].text == "You are already at the start."


def test_restart_and_language_switch_events(engine):
    session, _ = walk(engine, "browse", "s:training", "g:39")
    switched, reply = engine.handle(session, SwitchLanguage("zh"))
    assert switched.stack == session.stack and switched.lang == "zh"
    assert reply.title.startswith("第39条")
    restarted, reply = engine.handle(switched, Restart())
    assert restarted.stack == ("home",) and restarted.lang == "zh"


def test_session_survives_a_round_trip_through_json(engine):
    session, reply = walk(engine, "browse", "s:training", "g:39", lang="zh")
    stored = json.dumps(session.to_dict())
    again = Session.from_dict(json.loads(stored))
    assert again == session
    assert engine.render(again) == reply


@pytest.mark.parametrize(
    "stored",
    [
        {"lang": "fr", "stack": ["home"]},
        {"lang": "en", "stack": "home"},
        {"lang": "en", "stack": []},
        {"stack": [1, 2]},
        "garbage",
    ],
)
def test_malformed_stored_session_starts_fresh(engine, stored):
    session = Session.from_dict(stored)
    assert session.stack == ("home",)
    assert engine.render(session).screen == "home"


def test_screens_removed_from_the_knowledge_are_dropped(engine):
    session = Session(lang="en", stack=("home", "browse", "s:gone", "g:99"))
    reply = engine.render(session)
    assert reply.screen == "browse"
    _, reply = engine.handle(session, Back())
    assert reply.screen == "home"


def test_a_typed_dilemma_is_taken_into_its_walkthrough_and_back_retraces_it(engine):
    # Changed by issue 12: a typed dilemma no longer gets excerpts "in place"; it is
    # walked as far as its words decide, and Back retraces the walk, step by step.
    session, _ = walk(engine, "browse")
    after, reply = engine.handle(
        session, FreeText("My running app shows my live location and run route to everyone")
    )
    assert after.stack[-3:] == (
        "t:privacy_location:what",
        "t:privacy_location:loc",
        "t:privacy_location:a_live",
    )
    assert reply.citations[0] == 34
    assert [o.label for o in reply.options][-2:] == ["Back", "Restart"]
    back, reply = engine.handle(after, Back())
    assert (
        back.screen == "t:privacy_location:loc"
        and reply.blocks[0].text == "What kind of post is it?"
    )


def test_free_text_in_the_other_language_switches_the_reply_language(engine):
    session, _ = walk(engine, "browse")
    after, reply = engine.handle(session, FreeText("律师加我微信好友，我能通过吗？"))
    assert after.lang == "zh"
    assert reply.title == engine.trees.trees["friend_request"].title.zh
    after, reply = engine.handle(after, FreeText("WeChat?"))
    assert after.lang == "zh"  # too little to tell: the language stays


def test_empty_and_overlong_free_text(engine):
    session, _ = walk(engine, "browse")
    after, reply = engine.handle(session, FreeText("   "))
    assert after == session and [b.kind for b in reply.blocks] == ["notice"]
    after, reply = engine.handle(session, FreeText("x" * 4097))
    assert after == session and "at most 4096 characters" in reply.blocks[0].text


def test_a_walkthrough_answer_is_recorded_once_when_reached(engine):
    tree = engine.trees.trees["friend_request"]
    path = next(p for p in tree.paths() if len(p) >= 3)
    session, reply = engine.start("en")
    session, reply = engine.handle(session, Choose("topics"))
    session, reply = engine.handle(session, Choose(f"t:friend_request:{tree.start}"))
    for here, there in itertools.pairwise(path):
        index = [o.next for o in tree.nodes[here].options or ()].index(there)
        session, reply = engine.handle(session, Choose(reply.options[index].token))
    assert reply.record is not None and reply.record.kind == "answer"
    assert reply.record.answer == f"friend_request:{path[-1]}"
    # Reading a cited guideline and coming back, or switching language: not a new visit.
    session, _ = engine.handle(session, Choose(f"g:{reply.citations[0]}"))
    session, again = engine.handle(session, Back())
    assert again.screen == reply.screen and again.record is None
    _, switched = engine.handle(session, SwitchLanguage("zh"))
    assert switched.record is None


def test_typed_questions_carry_what_the_faq_may_count(engine):
    session, _ = engine.start("en")
    _, reply = engine.handle(
        session, FreeText("a lawyer in my pending case sent me a friend request")
    )
    assert reply.record.kind == "question" and reply.record.lang == "en"
    assert 30 in reply.record.guidelines and reply.record.topic == "friend_request"
    _, reply = engine.handle(session, FreeText("When will the judicial pay rise take effect?"))
    assert reply.record.topic == "out_of_scope" and reply.record.guidelines == ()


def test_writing_to_an_adviser_only_where_advisers_can_answer(engine):
    from conversations import Engine

    session, adviser = engine.handle(Session("en"), Choose("adviser"))
    assert "relay" not in [o.token for o in adviser.options]  # the console: contact text only
    assert engine.handle(session, Choose("relay"))[1].blocks[0].kind == "notice"  # out of date

    relaying = Engine(engine.corpus, engine.ui, engine.trees, relay=True)
    session, adviser = relaying.handle(Session("en"), Choose("adviser"))
    assert adviser.options[0].label == "Write to an adviser anonymously"
    session, prompt = relaying.handle(session, Choose("relay"))
    assert not prompt.relay and session.screen == "relay"
    # An empty message is not a question: still waiting for one.
    waiting, empty = relaying.handle(session, FreeText("  "))
    assert waiting.screen == "relay" and not empty.relay
    # The question goes to the adapter to redact and confirm; not routed, not recorded.
    after, relayed = relaying.handle(session, FreeText("我可以接受律师的好友请求吗？"))
    assert relayed.relay and relayed.record is None
    assert after.screen == "adviser" and after.lang == "en"
    # The next message is an ordinary question again.
    _, answered = relaying.handle(after, FreeText("May I accept a lawyer's friend request?"))
    assert not answered.relay and answered.record.kind == "question"
    assert answered.title == "Friend and follow requests"


def test_the_adapter_tells_the_engine_how_long_a_text_may_be(engine):
    from conversations import Engine

    short = Engine(engine.corpus, engine.ui, engine.trees, max_text=40)
    session, _ = short.start("en")
    _, reply = short.handle(session, FreeText("a lawyer sent me a friend request on Facebook"))
    assert "40" in reply.blocks[0].text  # the limit it was told, not Telegram's
    _, reply = engine.handle(session, FreeText("a lawyer sent me a friend request on Facebook"))
    assert reply.record is not None  # the default limit: an ordinary question
