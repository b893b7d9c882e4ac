"""The real bot, end to end, against a fake Bot API server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import re
import sqlite3

import botharness
import pytest
from botharness import BotProcess, WebhookBot, eventually, run_once

JUDGE = 4242001


async def tap(fake, message, label):
    await fake.push_tap(message.chat_id, message.message_id, message.data_for(label))
    (reply,) = await fake.wait_for(message.chat_id)
    return reply


async def test_start_then_the_friend_request_walkthrough_by_buttons(fake, bot):
    await fake.push_text(JUDGE, "/start")
    notice, home = await fake.wait_for(JUDGE, 2)
    assert "not end-to-end encrypted" in notice.text
    assert home.text.startswith("<b>Amicus")
    step = await tap(fake, home, "Walk through a dilemma")
    step = await tap(fake, step, "Friend and follow requests")
    step = await tap(fake, step, "Someone sent me a request")
    step = await tap(fake, step, "Party, lawyer or witness in my case")
    assert "Based on: Guideline 30" in step.text
    assert step.method == "editMessageText"  # the menu message became the answer
    full = await tap(fake, step, "Full text of Guideline 30")
    assert "<blockquote>Judges should refrain from sending friend requests" in full.text
    # Every tap was answered: no endless spinner.
    taps = [c for c in fake.calls if c[0] == "answerCallbackQuery"]
    assert len(taps) == 5


async def test_commands_are_registered_in_both_languages(fake, bot):
    registered = {
        p.get("language_code"): p["commands"] for m, p in fake.calls if m == "setMyCommands"
    }
    assert set(registered) == {None, "zh"}
    names = [c["command"] for c in registered["zh"]]
    assert names == [
        "start",
        "help",
        "topics",
        "browse",
        "guideline",
        "language",
        "privacy",
        "kept",
        "forget",
        "adviser",
        "cancel",
    ]
    assert registered["zh"][0]["description"] == "开始"


async def test_a_typed_dilemma_is_answered_in_one_message_and_a_step_changed(fake, bot):
    # Changed by issue 12: the words walk the walkthrough; no excerpts to choose from.
    await fake.push_text(
        JUDGE, "A lawyer in a case I am hearing sent me a friend request on Facebook"
    )
    messages = await botharness.until_kept(fake, JUDGE)
    (answer,) = [m for m in messages if "Based on:" in m.text]
    assert "<i>I understood: Someone sent me a request · " in answer.text
    assert "Based on: Guideline 30" in answer.text
    assert "Guidelines that speak to your question" not in answer.text
    asked = await tap(fake, answer, "Change: Someone sent me a request")
    assert "Which situation are you in?" in asked.text
    assert "Choose this step again" in asked.text
    step = await tap(fake, asked, "I want to send a request")
    assert "I understood: I want to send a request" in step.text
    back = await tap(fake, step, "Back")
    assert "Which situation are you in?" in back.text


async def test_typed_replies_and_two_dilemmas_in_chinese(fake, bot):
    await fake.push_text(JUDGE, "有商家想付费请我推广他们的产品。另外，我能用化名开个小号吗？")
    messages = await botharness.until_kept(fake, JUDGE)
    (first,) = [m for m in messages if "我的理解" in m.text]
    assert "您的消息里有两个问题" in first.text
    second = await tap(fake, first, "第二个问题：假名、实名与身份区分")
    assert "我的理解：用假名开一个新账号" in second.text
    assert "您打算在这个账号上发什么？" in second.text
    # A typed fact answers the question on screen: the walk goes on to the answer.
    await fake.push_text(JUDGE, "主要是对政治话题的看法")
    (answer,) = await fake.wait_for(JUDGE)
    assert "依据：第16条、第13条" in answer.text
    # Small words: a guideline by number, thanks; no search.
    await fake.push_text(JUDGE, "第30条")
    (reply,) = await fake.wait_for(JUDGE)
    assert "法官应避免向当事人或其法律代理人发送或接受加好友请求" in reply.text
    await fake.push_text(JUDGE, "谢谢")
    (reply,) = await fake.wait_for(JUDGE)
    assert "不客气" in reply.text


async def test_a_typed_fact_corrects_a_step_and_a_confirmation_keeps_the_answer(fake, bot):
    await fake.push_text(JUDGE, "有个人加我微信")
    messages = await botharness.until_kept(fake, JUDGE)
    (asked,) = [m for m in messages if "我的理解" in m.text]
    assert "对方是谁？" in asked.text
    # Says who it is: the walk goes on to the answer.
    await fake.push_text(JUDGE, "是我正在审的一个合同纠纷里原告的代理律师")
    (answer,) = await fake.wait_for(JUDGE)
    assert "依据：第30条" in answer.text
    # A confirmation keeps the answer, and says so.
    await fake.push_text(JUDGE, "对，案子还没判")
    (again,) = await fake.wait_for(JUDGE)
    assert "这与我的理解一致" in again.text and "依据：第30条" in again.text


async def test_restart_mid_walk_loses_nothing(fake, bot):
    await fake.push_text(JUDGE, "/topics")
    _, step = await fake.wait_for(JUDGE, 2)
    step = await tap(fake, step, "Friend and follow requests")
    step = await tap(fake, step, "Someone sent me a request")
    await bot.restart()
    step = await tap(fake, step, "Party, lawyer or witness in my case")
    assert "Based on: Guideline 30" in step.text
    back = await tap(fake, step, "Back")
    assert "Who is the other person?" in back.text


async def test_group_chats_get_one_refusal_and_nothing_is_kept(fake, bot, tmp_path):
    group = -100777
    await fake.push_text(group, "/start", chat_type="group")
    (refusal,) = await fake.wait_for(group)
    assert "private chats only" in refusal.text
    await eventually(lambda: group in fake.left)
    await fake.push_text(JUDGE, "/start")  # a private chat still works afterwards
    await fake.wait_for(JUDGE, 2)
    rows = sqlite3.connect(tmp_path / "amicus.db").execute("SELECT COUNT(*) FROM chat_sessions")
    assert rows.fetchone()[0] == 1


async def test_sticker_edit_and_unknown_command(fake, bot):
    await fake.push_text(JUDGE, "/start")
    await fake.wait_for(JUDGE, 2)
    await fake.push_sticker(JUDGE)
    (reply,) = await fake.wait_for(JUDGE)
    assert "text messages only" in reply.text
    await fake.push_text(JUDGE, "a question, corrected", edited=True)
    (reply,) = await fake.wait_for(JUDGE)
    assert "edited messages" in reply.text
    await fake.push_text(JUDGE, "/frobnicate")
    (reply,) = await fake.wait_for(JUDGE)
    assert "/topics" in reply.text  # the help


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("garbage", "out of date"),
        ("", "out of date"),
        ("00000000|t:friend_request:kind:0", "out of date"),  # an option from older content
        ("deadbeef|" + "x" * 50, "out of date"),
        ("00000000|browse", "The 40 guidelines, in six sections"),  # a place named by name
    ],
)
async def test_forged_and_stale_buttons(fake, bot, data, expected):
    await fake.push_text(JUDGE, "/start")
    _, home = await fake.wait_for(JUDGE, 2)
    await fake.push_tap(JUDGE, home.message_id, data)
    (reply,) = await fake.wait_for(JUDGE)
    assert expected in reply.text
    assert reply.buttons(), "the current menu comes with it"
    assert any(m == "answerCallbackQuery" for m, _ in fake.calls)


async def test_guideline_command_and_language(fake, bot):
    await fake.push_text(JUDGE, "/guideline 22")
    _, reply = await fake.wait_for(JUDGE, 2)
    assert "Guideline 22" in reply.text
    for odd in ("/guideline 99", "/guideline ③", "/guideline", "/guideline@amicus_test_bot x"):
        await fake.push_text(JUDGE, odd)
        (reply,) = await fake.wait_for(JUDGE)
        assert "numbered 1 to 40" in reply.text, odd
    await fake.push_text(JUDGE, "/language")
    (reply,) = await fake.wait_for(JUDGE)
    assert "已切换为中文" in reply.text


async def test_logs_hold_no_judge_text_ids_or_token(fake, bot):
    secret_words = "Judge Wang Lihua of the Haidian court, 13812345678"
    await fake.push_text(JUDGE, secret_words)
    await fake.wait_for(JUDGE, 2)
    await bot.stop()
    logs = bot.logs()
    for needle in (secret_words, "Wang", "13812345678", str(JUDGE), "judge4242001", fake.token):
        assert needle not in logs
    assert re.search(r"ready", logs)


@pytest.mark.e2e  # the database goes away under a real process
async def test_database_down_then_back(fake, tmp_path):
    """Through a proxy to PostgreSQL that the test cuts and restores."""
    from postgres import TemporaryDatabase, require_postgres

    require_postgres()
    async with TemporaryDatabase() as database:
        await _down_and_back(fake, tmp_path, database.url)


async def _down_and_back(fake, tmp_path, database_url):
    from tcpproxy import Proxy

    proxy = Proxy(5432)
    await proxy.up()
    url = database_url.replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}")
    bot = BotProcess(fake, url, tmp_path / "bot.log")
    await bot.start()
    try:
        await fake.push_text(JUDGE, "/start")
        await fake.wait_for(JUDGE, 2)
        await proxy.down()
        await fake.push_text(JUDGE, "/browse")
        (reply,) = await fake.wait_for(JUDGE)
        assert "temporarily unavailable" in reply.text
        await proxy.up()
        await fake.push_text(JUDGE, "/browse")
        (reply,) = await fake.wait_for(JUDGE)
        assert "The 40 guidelines, in six sections" in reply.text
    finally:
        code = await bot.stop()
        await proxy.down()
    assert code == 0, bot.logs()
    assert "storage unavailable: " in bot.logs()


async def test_webhook_mode(fake, tmp_path):
    import aiohttp

    bot = WebhookBot(fake, f"sqlite:///{tmp_path / 'a.db'}", tmp_path / "bot.log")
    await bot.start()
    url = bot.url
    try:
        (webhook,) = [p for m, p in fake.calls if m == "setWebhook"]
        assert webhook["url"] == url
        update = {
            "update_id": 1,
            "message": {
                "message_id": 1,
                "date": 0,
                "text": "/browse",
                "chat": {"id": JUDGE, "type": "private"},
                "from": {"id": JUDGE, "is_bot": False, "first_name": "J"},
                "entities": [{"type": "bot_command", "offset": 0, "length": 7}],
            },
        }
        async with aiohttp.ClientSession() as http:
            forged = await http.post(
                url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "x"}
            )
            assert forged.status == 403  # only Telegram, which knows the secret, gets in
            headers = {"X-Telegram-Bot-Api-Secret-Token": webhook["secret_token"]}
            accepted = await http.post(url, json=update, headers=headers)
            assert accepted.status == 200
        _, reply = await fake.wait_for(JUDGE, 2)
        assert "The 40 guidelines, in six sections" in reply.text
    finally:
        assert await bot.stop() == 0, bot.logs()


async def test_adviser_contact_comes_from_the_environment(fake, tmp_path):
    contact = "Ethics Office, Supreme Court: +00 1 234 567 (Mon–Fri)"
    bot = BotProcess(
        fake, f"sqlite:///{tmp_path / 'a.db'}", tmp_path / "bot.log", AMICUS_ADVISER_CONTACT=contact
    )
    await bot.start()
    try:
        await fake.push_text(JUDGE, "/adviser")
        _, reply = await fake.wait_for(JUDGE, 2)
        assert "Guideline 29 encourages you" in reply.text
        assert "Ethics Office, Supreme Court: +00 1 234 567 (Mon–Fri)" in reply.text
    finally:
        await bot.stop()


async def test_run_refuses_to_start_without_token_or_secret(tmp_path):
    result = run_once("run", env={"TELEGRAM_BOT_TOKEN": "1:x"}, cwd=tmp_path)
    assert result.returncode == 2
    assert "AMICUS_SECRET must be set to run the bot" in result.stderr


async def test_the_chosen_language_holds_and_odd_language_names(fake, bot):
    await fake.push_text(JUDGE, "/language 中文")
    _, reply = await fake.wait_for(JUDGE, 2)  # the first time, the privacy notice first
    assert "已切换为中文" in reply.text
    await fake.push_text(JUDGE, "/start")  # the judge's app is in English: the choice holds
    (home,) = await fake.wait_for(JUDGE)
    assert "您好" in home.text
    await fake.push_text(JUDGE, "/language fr")  # not a language Amicus speaks: no switch
    (reply,) = await fake.wait_for(JUDGE)
    assert "/language zh" in reply.text and "已切换" not in reply.text
    await fake.push_text(JUDGE, "/language English")
    (reply,) = await fake.wait_for(JUDGE)
    assert "Switched to English" in reply.text


async def test_invisible_text_captions_and_service_messages(fake, bot, tmp_path):
    await fake.push_text(JUDGE, "/start")
    await fake.wait_for(JUDGE, 2)
    await fake.push_text(JUDGE, "\u200b\u200c\ufeff")  # only zero-width characters
    (reply,) = await fake.wait_for(JUDGE)
    assert "empty" in reply.text
    # A screenshot with the question as its caption: the caption is answered.
    photo = fake.text_update(JUDGE, "x")
    message = photo["message"]
    del message["text"]
    message["caption"] = "A lawyer in my case sent me a friend request"
    message["photo"] = [{"file_id": "p", "file_unique_id": "u", "width": 9, "height": 9}]
    await fake.push(photo)
    answer, kept = await fake.wait_for(JUDGE, 2)
    assert "Guideline 30" in answer.text and "Kept for the anonymised FAQ" in kept.text
    # Pinning a message is not input: no reply at all.
    pinned = fake.text_update(JUDGE, "x")
    pinned["message"]["pinned_message"] = dict(pinned["message"])
    del pinned["message"]["text"]
    await fake.push(pinned)
    await fake.push_text(JUDGE, "/help")
    (reply,) = await fake.wait_for(JUDGE)
    assert "/topics" in reply.text  # the next reply is the help's, nothing came between
    rows = sqlite3.connect(tmp_path / "amicus.db").execute("SELECT COUNT(*) FROM question_log")
    assert rows.fetchone()[0] == 1  # the caption only; not the invisible text


@pytest.mark.parametrize("data", ["k:" + "9" * 25, "k:4294967296", "k:" + "x" * 40, "kl:1"])
async def test_forged_row_ids_of_any_size_get_a_clear_reply(fake, bot, data):
    await fake.push_text(JUDGE, "/start")
    _, home = await fake.wait_for(JUDGE, 2)
    version = home.buttons()[0][1].split("|")[0]
    await fake.push_tap(JUDGE, home.message_id, f"{version}|{data}")
    (reply,) = await fake.wait_for(JUDGE)
    assert "no longer kept" in reply.text or "Nothing is kept about you" in reply.text


async def test_a_question_of_emoji_is_kept_and_shown_within_telegrams_count(fake, bot):
    question = "friend request from a lawyer " + "😀" * 2030  # 4,089 characters, 8,119 units
    await fake.push_text(JUDGE, question)
    kept = (await botharness.until_kept(fake, JUDGE))[-1]
    assert kept.plain.startswith("Kept for the anonymised FAQ") and kept.plain.endswith("…»")


@pytest.mark.parametrize("case", ["wrong token", "unreachable API"])
async def test_a_failed_start_says_why_without_the_token(fake, tmp_path, case):
    import socket

    token = "987654:WRONG-TOKEN-never-to-be-printed"
    base = fake.base_url
    if case == "unreachable API":
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            base = f"http://127.0.0.1:{s.getsockname()[1]}/bot"  # nothing listens there
    env = {
        "TELEGRAM_BOT_TOKEN": token,
        "AMICUS_SECRET": "9c2e5a8f1d4b7e0a3c6f9b2d5e8a1c4f7b0e3d6a9c2f5b8e1d4a7c0f3b6e9d2a",
        "AMICUS_TELEGRAM_BASE_URL": base,
        "AMICUS_DATABASE_URL": f"sqlite:///{tmp_path / 'a.db'}",
    }
    result = await asyncio.to_thread(run_once, "run", env=env, cwd=tmp_path)
    assert result.returncode == 1
    assert "amicus run: stopped: " in result.stderr
    assert token not in result.stderr + result.stdout
    assert token.split(":")[1] not in result.stderr + result.stdout
