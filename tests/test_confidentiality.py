"""What is kept of a judge, end to end: only redacted questions, and the judge decides.

The real bot, against the fake Bot API; then the whole database file and the whole log
are searched for every identifier that went in.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from botharness import SECRET, BotProcess, WebhookBot, until_kept

JUDGE = 5550123  # the Telegram user id; _user() in fakebot makes username "judge5550123"
QUESTIONS = [
    "律师李明（电话 138-1234-5678）在微信上加我好友，"
    "他代理的(2024)京0105民初12345号案正在我这里审，能通过吗？",
    "Attorney John Smith (john.smith@lawfirm.example) followed me on X after the hearing in "
    "Case No. 2:23-cv-01234. Should I block him? My mobile is +1 (415) 555-0134.",
    "当事人陈某某的身份证号是110105198503021234，他在抖音上@judge_wang_fan 骂我，"
    "还发了我家地址北京市朝阳区建国路88号3号楼2单元1201室",
]
IDENTIFIERS = [
    "李明",
    "138-1234-5678",
    "13812345678",
    "(2024)京0105民初12345号",
    "John Smith",
    "john.smith@lawfirm.example",
    "2:23-cv-01234",
    "555-0134",
    "陈某某",
    "110105198503021234",
    "@judge_wang_fan",
    "建国路88号",
    str(JUDGE),
    f"judge{JUDGE}",
    "Example",
]


@pytest.fixture
async def bot(fake, tmp_path):
    process = BotProcess(
        fake,
        f"sqlite:///{tmp_path / 'amicus.db'}",
        tmp_path / "bot.log",
        AMICUS_ADMIN_IDS=str(JUDGE),
        AMICUS_FAQ_MIN_ASKERS="3",
    )
    await process.start()
    yield process
    await process.stop()


def database_bytes(folder: Path) -> bytes:
    """Every byte of the SQLite database, its WAL and shared memory included."""
    return b"".join(p.read_bytes() for p in sorted(folder.glob("amicus.db*")))


def rows(folder: Path, query: str) -> list[tuple]:
    with sqlite3.connect(folder / "amicus.db") as connection:
        return connection.execute(query).fetchall()


async def ask(fake, text: str):
    await fake.push_text(JUDGE, text)
    return await until_kept(fake, JUDGE)


async def test_identifiers_never_reach_the_database_or_the_logs(fake, bot, tmp_path):
    for question in QUESTIONS:
        await ask(fake, question)
    await fake.push_text(JUDGE, "/topics")
    await fake.wait_for(JUDGE)
    await bot.stop()
    stored = database_bytes(tmp_path)
    logs = bot.logs()
    assert len(rows(tmp_path, "SELECT * FROM question_log")) == len(QUESTIONS)
    for identifier in IDENTIFIERS:
        assert identifier.encode() not in stored, identifier
        assert identifier not in logs, identifier
    for question in QUESTIONS:
        assert question.encode() not in stored


async def test_the_judge_sees_what_is_kept_and_can_unkeep_it(fake, bot, tmp_path):
    messages = await ask(fake, QUESTIONS[0])
    kept = messages[-1]
    assert "为匿名常见问题汇编（第40条）保存的内容：«律师[姓名]" in kept.text  # a Chinese question
    assert "13812345678" not in kept.text and "138-1234-5678" not in kept.text
    assert len(rows(tmp_path, "SELECT id FROM question_log WHERE text IS NOT NULL")) == 1
    await fake.push_tap(JUDGE, kept.message_id, kept.data_for("不要保存"))
    (done,) = await fake.wait_for(JUDGE)
    assert "不会被保存" in done.text
    assert rows(tmp_path, "SELECT id FROM question_log WHERE text IS NOT NULL") == []
    # A forged tap for someone else's row deletes nothing.
    await ask(fake, QUESTIONS[1])
    (token,) = rows(tmp_path, "SELECT token FROM question_log")[0]
    version = kept.data_for("不要保存").split("|")[0]
    await fake.push_tap(JUDGE + 1, kept.message_id, f"{version}|k:{token}")
    (reply,) = await fake.wait_for(JUDGE + 1)
    assert "no longer kept" in reply.text
    assert len(rows(tmp_path, "SELECT id FROM question_log")) == 1


async def test_what_the_log_keeps_per_question(fake, bot, tmp_path):
    await ask(fake, QUESTIONS[0])
    ((month, lang, text, guidelines, topic, answer, asker),) = rows(
        tmp_path, "SELECT month, lang, text, guidelines, topic, answer, asker FROM question_log"
    )
    assert month == dt.date.today().strftime("%Y-%m")  # a month, no timestamp
    assert lang == "zh" and "[姓名]" in text and "[电话]" in text and "[案号]" in text
    assert "30" in guidelines and topic == "friend_request" and answer is None
    assert len(asker) == 64 and str(JUDGE) not in asker


async def test_forget_erases_sessions_and_questions(fake, bot, tmp_path):
    for question in QUESTIONS[:2]:
        await ask(fake, question)
    assert rows(tmp_path, "SELECT COUNT(*) FROM question_log") == [(2,)]
    await fake.push_text(JUDGE, "/forget")
    (reply,) = await fake.wait_for(JUDGE)
    assert "erased" in reply.text
    assert rows(tmp_path, "SELECT COUNT(*) FROM question_log") == [(0,)]
    assert rows(tmp_path, "SELECT COUNT(*) FROM chat_sessions") == [(0,)]


async def test_faq_command_sends_the_digest_to_admins_only(fake, bot, tmp_path):
    from storage.database import Database
    from storage.questionlog import QuestionLog

    db = Database(f"sqlite:///{tmp_path / 'amicus.db'}")
    log = QuestionLog(db, SECRET.encode())
    for asker in range(3):
        await log.record_question(
            900 + asker,
            "A lawyer in my case sent me a friend request",
            "en",
            [30, 28],
            "friend_request",
            dt.date(2026, 10, 15),
        )
    await db.close()
    await fake.push_text(JUDGE, "/faq 2026-10")
    # Charts take a few seconds to draw on a loaded machine.
    document, picture = await fake.wait_for(JUDGE, count=2, timeout=60)
    assert document.method == "sendDocument" and picture.method == "sendPhoto"
    page = document.document.decode()
    assert page.startswith("<!DOCTYPE html>") and "Amicus anonymised FAQ: 2026-10" in page
    assert "<q>a lawyer in my case sent me a friend request</q>" in page
    assert "Guideline 30" in page
    assert picture.document.startswith(b"\x89PNG")
    await fake.push_text(JUDGE + 7, "/faq")
    (refusal,) = await fake.wait_for(JUDGE + 7)
    assert "administrators only" in refusal.text
    # A month still running is refused: two exports a day apart would differ by one judge.
    await fake.push_text(JUDGE, f"/faq {dt.date.today():%Y-%m}")
    (refusal,) = await fake.wait_for(JUDGE)
    assert "a month that has ended" in refusal.text
    await asyncio.sleep(0)


async def test_a_very_long_question_is_kept_and_shown_shortened(fake, bot, tmp_path):
    long_question = "Can I accept a friend request from a lawyer <in> my case? " * 69
    assert 4000 < len(long_question) <= 4096
    messages = await ask(fake, long_question)
    kept = messages[-1]
    assert len(kept.text) <= 4096 and kept.text.endswith("…»")
    assert kept.data_for("Don't keep it")


def unreadable(update: dict) -> dict:
    """The update with its message's date removed: python-telegram-bot cannot parse it."""
    message = dict(update["message"])
    del message["date"]
    return {"message": message}


async def test_an_unreadable_update_neither_leaks_nor_stalls_the_others(fake, bot):
    # One unreadable update in a batch used to fail the whole batch, be logged in full,
    # and be fetched again forever. Now it is skipped, and the judge behind it is served.
    secret_words = "李明 13812345678 my secret question"
    await fake.push(unreadable(fake.text_update(JUDGE, secret_words)))
    await fake.push_text(JUDGE + 1, "/start")
    await fake.wait_for(JUDGE + 1, 2)
    await fake.push_text(JUDGE + 2, "/start")  # and later updates too
    await fake.wait_for(JUDGE + 2, 2)
    logs = bot.logs()
    assert "could not be read and was skipped (content not logged)" in logs
    for identifier in ("李明", "13812345678", "secret question", str(JUDGE), f"judge{JUDGE}"):
        assert identifier not in logs


async def test_an_unreadable_webhook_update_is_not_logged(fake, tmp_path):
    import aiohttp

    bot = WebhookBot(fake, f"sqlite:///{tmp_path / 'amicus.db'}", tmp_path / "bot.log")
    await bot.start()
    try:
        update = {"update_id": 7, **unreadable(fake.text_update(JUDGE, "李明 my secret question"))}
        headers = {"X-Telegram-Bot-Api-Secret-Token": bot.secret_token}
        async with aiohttp.ClientSession() as http:
            await http.post(bot.url, json=update, headers=headers)
        for _ in range(100):
            if "could not be read" in bot.logs():
                break
            await asyncio.sleep(0.05)
    finally:
        await bot.stop()
    logs = bot.logs()
    assert "an update could not be read (content not logged)" in logs
    for identifier in ("李明", "secret question", str(JUDGE), f"judge{JUDGE}"):
        assert identifier not in logs
