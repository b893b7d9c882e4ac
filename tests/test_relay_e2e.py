"""A question to a human adviser and the answer back, through the real bot (guideline 29)."""

from __future__ import annotations

import sqlite3

import pytest
from botharness import BotProcess

JUDGE = 4242555
ADVISERS = -1001234567
ADVISER = 777001
QUESTION = (
    "Attorney John Smith (+1 202 555 0142, john.smith@example.com) sent me a friend request. "
    "He appears before me in Case No. 2:23-cv-01234. May I accept?"
)
IDENTIFIERS = ("John Smith", "555 0142", "john.smith@example.com", "2:23-cv-01234")


@pytest.fixture
async def bot(fake, tmp_path):
    process = BotProcess(
        fake,
        f"sqlite:///{tmp_path / 'amicus.db'}",
        tmp_path / "bot.log",
        AMICUS_ADVISER_CHAT_ID=str(ADVISERS),
    )
    await process.start()
    yield process
    assert await process.stop() == 0, process.logs()


async def tap(fake, message, label):
    await fake.push_tap(message.chat_id, message.message_id, message.data_for(label))
    (reply,) = await fake.wait_for(message.chat_id)
    return reply


async def draft(fake, question: str = QUESTION, first_time: bool = True):
    """From /adviser to the preview of what the adviser would see."""
    await fake.push_text(JUDGE, "/adviser")
    # The first time, the privacy notice comes before the screen.
    screen = (await fake.wait_for(JUDGE, 2 if first_time else 1))[-1]
    assert "Guideline 29 encourages you" in screen.text
    prompt = await tap(fake, screen, "Write to an adviser anonymously")
    assert "shows you exactly what the adviser will see" in prompt.text
    await fake.push_text(JUDGE, question)
    (preview,) = await fake.wait_for(JUDGE)
    return preview


async def test_a_question_goes_anonymously_and_the_answer_comes_back(fake, bot, tmp_path):
    preview = await draft(fake)
    assert preview.text.startswith("The ethics adviser will see this, without your name")
    for identifier in IDENTIFIERS:
        assert identifier not in preview.text
    assert "friend request" in preview.text and "[NAME]" in preview.text
    assert not [s for s in fake.sent if s.chat_id == ADVISERS]  # nothing leaves unconfirmed

    sent = await tap(fake, preview, "Send to the adviser")
    assert "Sent to the ethics adviser as question no." in sent.text
    number = sent.text.split("question no. ")[1].split(".")[0]
    (question,) = await fake.wait_for(ADVISERS)
    assert question.text.startswith(f"Question no. {number} (anonymous): «")
    assert "[NAME]" in question.text and "friend request" in question.text
    for identifier in (*IDENTIFIERS, str(JUDGE), "Judge Example", f"judge{JUDGE}"):
        assert identifier not in question.text

    answer = "Not while the case is pending. See guideline 30, and decline politely."
    await fake.push(fake.group_reply_update(ADVISERS, ADVISER, answer, question))
    (delivered,) = await fake.wait_for(JUDGE)
    assert f"The ethics adviser's answer to your question no. {number}:" in delivered.plain
    assert answer in delivered.plain
    (confirmed,) = await fake.wait_for(ADVISERS)
    assert f"Delivered to the judge who asked question no. {number}" in confirmed.text

    # A second adviser's reply to the same question goes nowhere: the link is gone.
    await fake.push(fake.group_reply_update(ADVISERS, ADVISER + 1, "Also: yes.", question))
    (refused,) = await fake.wait_for(ADVISERS)
    assert "There is no open question behind that message" in refused.text
    assert ADVISERS not in fake.left  # the advisers' group is not refused like other groups

    await bot.stop()
    stored = b"".join(
        path.read_bytes() for path in tmp_path.iterdir() if path.name.startswith("amicus.db")
    )
    log = bot.logs()
    for identifier in (*IDENTIFIERS, str(JUDGE), answer):
        assert identifier.encode() not in stored
        assert identifier not in log
    with sqlite3.connect(tmp_path / "amicus.db") as connection:
        assert connection.execute("SELECT count(*) FROM adviser_tickets").fetchone() == (0,)


async def test_dont_send_withdraw_and_forget(fake, bot, tmp_path):
    preview = await draft(fake)
    dropped = await tap(fake, preview, "Don't send")
    assert dropped.text == "Not sent, and nothing kept."
    assert not [s for s in fake.sent if s.chat_id == ADVISERS]

    preview = await draft(fake, "May I keep my old posts about politics?", first_time=False)
    sent = await tap(fake, preview, "Send to the adviser")
    (question,) = await fake.wait_for(ADVISERS)
    withdrawn = await tap(fake, sent, "Withdraw the question")
    assert withdrawn.text.startswith("Question no.") and "is withdrawn" in withdrawn.text
    (told,) = await fake.wait_for(ADVISERS)
    assert "was withdrawn by the judge" in told.text
    await fake.push(fake.group_reply_update(ADVISERS, ADVISER, "Keep them.", question))
    (refused,) = await fake.wait_for(ADVISERS)
    assert "There is no open question" in refused.text

    # A draft left lying is erased by /forget; its buttons then say so.
    preview = await draft(fake, "Can I join a lawyers' group chat?", first_time=False)
    await fake.push_text(JUDGE, "/forget")
    await fake.wait_for(JUDGE)
    gone = await tap(fake, preview, "Send to the adviser")
    assert "no longer exists" in gone.text
    with sqlite3.connect(tmp_path / "amicus.db") as connection:
        assert connection.execute("SELECT count(*) FROM adviser_tickets").fetchone() == (0,)


async def test_a_judge_who_blocked_the_bot_and_chatter_among_advisers(fake, bot):
    preview = await draft(fake)
    await tap(fake, preview, "Send to the adviser")
    (question,) = await fake.wait_for(ADVISERS)
    # Advisers talking among themselves, or replying with a sticker: no answer relayed.
    await fake.push(fake.group_reply_update(ADVISERS, ADVISER, None, question))
    (text_only,) = await fake.wait_for(ADVISERS)
    assert "Only text answers can be relayed." in text_only.text
    fake.blocked.add(JUDGE)
    await fake.push(fake.group_reply_update(ADVISERS, ADVISER, "Decline it.", question))
    (unreachable,) = await fake.wait_for(ADVISERS)
    assert "can no longer be reached" in unreachable.text
    assert not fake._inbox.get(JUDGE)


async def test_a_tap_from_someone_else_cannot_send_a_judges_draft(fake, bot):
    preview = await draft(fake)
    intruder = JUDGE + 1
    await fake.push_tap(intruder, preview.message_id, preview.data_for("Send to the adviser"))
    (refused,) = await fake.wait_for(intruder)
    assert "no longer exists" in refused.text
    assert not [s for s in fake.sent if s.chat_id == ADVISERS]


async def test_advisers_chat_unreachable_keeps_the_draft_for_a_second_try(fake, bot):
    preview = await draft(fake)
    fake.blocked.add(ADVISERS)  # the bot was removed from the advisers' group
    await fake.push_tap(JUDGE, preview.message_id, preview.data_for("Send to the adviser"))
    (later,) = await fake.wait_for(JUDGE)
    assert "cannot be reached just now; nothing was sent" in later.text
    fake.blocked.discard(ADVISERS)
    sent = await tap(fake, preview, "Send to the adviser")
    assert "Sent to the ethics adviser as question no." in sent.text
    (question,) = await fake.wait_for(ADVISERS)
    assert "[NAME]" in question.text
