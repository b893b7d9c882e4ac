"""Odd input gets a clear reply, never an exception: lone surrogates, buttons of inline
messages, absurd guideline numbers; and a group the bot is added to is told and left."""

from __future__ import annotations

import subprocess
import sys
import time

from botharness import eventually
from fakebot import BOT_USER

JUDGE = 4242777
APOLOGY = "something went wrong"


async def test_a_lone_surrogate_in_a_question_gets_an_answer(fake, bot):
    await fake.push_text(JUDGE, "/start")
    await fake.wait_for(JUDGE, 2)
    # Valid JSON ("\ud800" escaped), but no UTF-8 encoder takes the string it decodes to.
    await fake.push_text(JUDGE, "May I accept a friend request from a lawyer? \ud800")
    replies = await fake.wait_for(JUDGE)
    await fake.push_text(JUDGE, "/privacy")  # handled after the question: all of it is out
    replies += await fake.wait_for(JUDGE)
    replies += [m for m in fake.sent if m.chat_id == JUDGE and m not in replies]
    assert not any(APOLOGY in m.text for m in replies)
    assert "Traceback" not in bot.logs() and "error handling an update" not in bot.logs()


async def test_a_button_of_an_inline_message_is_told_why_nothing_happens(fake, bot):
    query = {
        "id": "inline-q-1",
        "from": {"id": JUDGE, "is_bot": False, "first_name": "Judge", "language_code": "en"},
        "chat_instance": "ci",
        "inline_message_id": "AAAA-inline",
        "data": "anything|topics",
    }
    await fake.push({"callback_query": query})
    await eventually(lambda: "inline-q-1" in fake.answered)
    (answer,) = [p for m, p in fake.calls if m == "answerCallbackQuery"]
    assert "private chats only" in answer["text"] and answer["show_alert"]
    assert "error handling an update" not in bot.logs()


async def test_a_group_the_bot_is_added_to_is_told_and_left(fake, bot):
    group = -100888
    member = {"user": BOT_USER}
    added = {
        "my_chat_member": {
            "chat": {"id": group, "type": "supergroup", "title": "Judges' lounge"},
            "from": {"id": 31337, "is_bot": False, "first_name": "Someone"},
            "date": int(time.time()),
            "old_chat_member": {**member, "status": "left"},
            "new_chat_member": {**member, "status": "member"},
        }
    }
    await fake.push(added)
    (told,) = await fake.wait_for(group)
    assert "private chats only" in told.text
    await eventually(lambda: group in fake.left)


async def test_a_guideline_number_of_thousands_of_digits(fake, bot):
    await fake.push_text(JUDGE, "/guideline " + "9" * 5000)
    replies = await fake.wait_for(JUDGE, 2)  # the first-time privacy notice, then the reply
    assert "There is no such guideline" in replies[-1].text


def test_the_guideline_command_with_thousands_of_digits(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "bot", "guideline", "7" * 5000],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "the guidelines are numbered 1 to 40" in result.stderr
    assert len(result.stderr) < 6000  # the message, not a dump
