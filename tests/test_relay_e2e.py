"""A question to a human adviser and the answer back, through the real bot (guideline 29)."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest
from botharness import BotProcess, InProcessBot, eventually

from storage.tickets import is_code

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
    process = InProcessBot(
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


async def draft_screen(fake, first_time: bool = True):
    """From /adviser to the page that waits for the question."""
    await fake.push_text(JUDGE, "/adviser")
    # The first time, the privacy notice comes before the screen.
    screen = (await fake.wait_for(JUDGE, 2 if first_time else 1))[-1]
    assert "Guideline 29 encourages you" in screen.text
    prompt = await tap(fake, screen, "Write to an adviser anonymously")
    assert "shows you exactly what the adviser will see" in prompt.text


async def draft(fake, question: str = QUESTION, first_time: bool = True):
    """From /adviser to the preview of what the adviser would see."""
    await draft_screen(fake, first_time)
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


async def test_chatter_among_advisers_and_a_judge_who_blocked_the_bot(fake, bot):
    preview = await draft(fake)
    await tap(fake, preview, "Send to the adviser")
    (question,) = await fake.wait_for(ADVISERS)
    # Advisers talking among themselves, or replying with a sticker: no answer relayed.
    await fake.push(fake.group_reply_update(ADVISERS, ADVISER, None, question))
    (text_only,) = await fake.wait_for(ADVISERS)
    assert "Only text answers can be relayed." in text_only.text
    # A message that replies to nothing, or to another adviser, is their own conversation.
    await fake.push_text(ADVISERS, "Who takes question one?", chat_type="supergroup")
    fake.blocked.add(JUDGE)
    await fake.push(fake.group_reply_update(ADVISERS, ADVISER, "Decline it.", question))
    (unreachable,) = await fake.wait_for(ADVISERS)  # the chatter got no reply before this
    assert "can no longer be reached" in unreachable.text
    # Closed for good: the link to the judge is gone, a second try says so.
    fake.blocked.discard(JUDGE)
    await fake.push(fake.group_reply_update(ADVISERS, ADVISER, "Decline it.", question))
    (closed,) = await fake.wait_for(ADVISERS)
    assert "There is no open question" in closed.text
    assert ADVISERS not in fake.left


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


async def test_a_question_too_long_once_redacted_is_refused_with_the_limit(fake, bot, tmp_path):
    # 4,000 characters, each two-character name becoming the four-character [姓名].
    question = ("律师李明说，" * 700)[:4000]
    await draft_screen(fake)
    await fake.push_text(JUDGE, question)
    (refused,) = await fake.wait_for(JUDGE)
    assert "too long for the advisers" in refused.text
    limit = int(refused.text.split("about ")[1].split(" ")[0])
    assert 3000 < limit < 4096
    # Still on the adviser's page: a shorter text becomes the draft.
    await fake.push_text(JUDGE, question[:1500])
    (preview,) = await fake.wait_for(JUDGE)
    assert "[姓名]" in preview.plain and "李明" not in preview.plain
    sent = await tap(fake, preview, "Send to the adviser")
    assert "Sent to the ethics adviser" in sent.text
    (posted,) = await fake.wait_for(ADVISERS)
    assert preview.plain.split("«", 1)[1] in posted.text  # exactly what the judge was shown
    # Tapping Send again: where it stands, and Withdraw still there.
    await fake.push_tap(JUDGE, preview.message_id, preview.data_for("Send to the adviser"))
    (again,) = await fake.wait_for(JUDGE)
    assert "Sent to the ethics adviser as question no." in again.text
    assert again.data_for("Withdraw the question")
    assert len([s for s in fake.sent if s.chat_id == ADVISERS]) == 1


async def test_forget_tells_the_advisers_and_new_questions_get_new_codes(fake, bot):
    preview = await draft(fake)
    sent = await tap(fake, preview, "Send to the adviser")
    (question,) = await fake.wait_for(ADVISERS)
    number = sent.text.split("question no. ")[1].split(".")[0]
    # A random code, not a running number that would count the other judges' questions.
    assert is_code(number)
    assert question.text.startswith(f"Question no. {number} (anonymous)")
    await fake.push_text(JUDGE, "/forget")
    await fake.wait_for(JUDGE)
    (told,) = await fake.wait_for(ADVISERS)
    assert f"Question no. {number} was withdrawn by the judge" in told.text
    preview = await draft(fake, "Can I like a politician's post?")  # after /forget: first time
    sent = await tap(fake, preview, "Send to the adviser")
    second = sent.text.split("question no. ")[1].split(".")[0]
    assert is_code(second) and second != number


async def test_an_unanswered_question_expires_and_both_sides_are_told(fake, tmp_path):
    import datetime as dt

    from botharness import SECRET

    from storage.database import Database
    from storage.tickets import TicketStore

    url = f"sqlite:///{tmp_path / 'amicus.db'}"
    db = Database(url)
    await db.upgrade()
    tickets = TicketStore(db, SECRET.encode())
    weeks_ago = dt.date.today() - dt.timedelta(days=45)
    old = await tickets.draft(JUDGE, "an old question", "en", today=weeks_ago)
    await tickets.sending(JUDGE, old.id)
    await tickets.sent(old.id, ADVISERS, 31337, today=weeks_ago)
    await db.close()

    bot = BotProcess(fake, url, tmp_path / "bot.log", AMICUS_ADVISER_CHAT_ID=str(ADVISERS))
    await bot.start()  # retention runs at start, and nightly
    try:
        (judge,) = await fake.wait_for(JUDGE)
        assert f"Your question no. {old.code} was not answered within 30 days" in judge.text
        (advisers,) = await fake.wait_for(ADVISERS)
        assert f"Question no. {old.code} was not answered in time" in advisers.text
    finally:
        assert await bot.stop() == 0, bot.logs()


async def test_the_advisers_group_becoming_a_supergroup_is_not_left(fake, bot):
    moved = {
        "message": {
            "message_id": 5,
            "date": 0,
            "chat": {"id": ADVISERS - 1, "type": "supergroup", "title": "Ethics advisers"},
            "from": {"id": ADVISER, "is_bot": False, "first_name": "A"},
            "migrate_from_chat_id": ADVISERS,
        }
    }
    await fake.push(moved)
    for _ in range(100):  # until the bot has dealt with it, one way or the other
        if fake.left or "AMICUS_ADVISER_CHAT_ID" in bot.logs():
            break
        await asyncio.sleep(0.05)
    assert ADVISERS - 1 not in fake.left
    assert not fake._inbox.get(ADVISERS - 1)
    assert "set AMICUS_ADVISER_CHAT_ID" in bot.logs()


async def test_a_question_full_of_quotes_near_the_limit_is_accepted(fake, bot):
    # Telegram counts the text after parsing the HTML: escaping must not cost length.
    question = "It's \"that\" lawyer & his firm's page. " * 90  # 3,510 characters
    preview = await draft(fake, question)
    assert "too long" not in preview.text
    await tap(fake, preview, "Send to the adviser")
    (posted,) = await fake.wait_for(ADVISERS)
    assert question.strip() in posted.text


async def test_the_advisers_group_moved_to_a_supergroup_is_followed(fake, bot):
    supergroup = ADVISERS - 500
    fake.migrated[ADVISERS] = supergroup
    preview = await draft(fake)
    sent = await tap(fake, preview, "Send to the adviser")
    assert "Sent to the ethics adviser as question no." in sent.text
    (question,) = await fake.wait_for(supergroup)
    # Answers given in the new group reach the judge, and the group is not left.
    await fake.push(fake.group_reply_update(supergroup, ADVISER, "Decline it.", question))
    (delivered,) = await fake.wait_for(JUDGE)
    assert "Decline it." in delivered.text
    (confirmed,) = await fake.wait_for(supergroup)
    assert "Delivered to the judge" in confirmed.text
    assert supergroup not in fake.left
    assert f"the advisers' group is now chat {supergroup}" in bot.logs()


async def test_a_command_in_the_advisers_group_is_told_what_works_there(fake, bot):
    await fake.push_text(ADVISERS, "/faq", chat_type="supergroup")
    (reply,) = await fake.wait_for(ADVISERS)
    assert "I only pass on replies to numbered questions" in reply.text
    assert ADVISERS not in fake.left


@pytest.mark.parametrize("namespace", ["k:1", "a:d:", "topics"])
async def test_a_forged_button_in_the_advisers_group_changes_nothing_there(fake, bot, namespace):
    # Someone in the advisers' group crafts callback data of each kind against the bot's
    # own question message: the bot must not overwrite that message, nor post a menu.
    preview = await draft(fake)
    sent = await tap(fake, preview, "Send to the adviser")
    (question,) = await fake.wait_for(ADVISERS)
    code = sent.text.split("question no. ")[1].split(".")[0]
    version = preview.buttons()[0][1].split("|")[0]
    data = f"{version}|{namespace}{code if namespace.startswith('a:') else ''}"
    forged = fake.tap_update(ADVISERS, question.message_id, data, chat_type="supergroup")
    await fake.push(forged)
    # Handled once answered (the answer is the refusal, shown as an alert).
    await eventually(lambda: forged["callback_query"]["id"] in fake.answered)
    await asyncio.sleep(0.3)  # anything the bot would do after answering, it has done
    edits = [m for m in fake.sent if m.chat_id == ADVISERS and m.method == "editMessageText"]
    assert edits == []
    assert [m.text for m in fake.sent if m.chat_id == ADVISERS] == [question.text]
    alerts = [p for m, p in fake.calls if m == "answerCallbackQuery" and p.get("show_alert")]
    assert alerts  # the one who tapped is told the bot works in private chats only
