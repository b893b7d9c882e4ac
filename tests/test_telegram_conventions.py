"""What judges expect of a Telegram bot (issue 15, points 5-7), and what must not leak
from the library's logs (issue 9, point 5): the real ``amicus run`` against the fake
Bot API on 127.0.0.1."""

from __future__ import annotations

import asyncio
import json

from botharness import run_once

from conversations import Engine

JUDGE = 4242515


async def start(fake, payload: str | None = None, judge: int = JUDGE):
    await fake.push_text(judge, f"/start {payload}" if payload else "/start")
    _notice, shown = await fake.wait_for(judge, 2)  # a new judge: the privacy notice first
    return shown


# ------------------------------------------------------------------- the profile


async def test_the_profile_is_set_in_both_languages_on_start(fake, bot, engine: Engine):
    ui = engine.ui
    assert fake.descriptions[("setMyDescription", "")] == ui.bot_description("en")
    assert fake.descriptions[("setMyDescription", "zh")] == ui.bot_description("zh")
    assert fake.descriptions[("setMyShortDescription", "")] == ui.bot_short_description("en")
    assert fake.descriptions[("setMyShortDescription", "zh")] == ui.bot_short_description("zh")
    # What a judge reads before pressing Start: confidential, and not binding.
    assert "confidential" in ui.bot_description("en")
    assert "not binding" in ui.bot_description("en")
    assert "保密" in ui.bot_description("zh") and "不具约束力" in ui.bot_description("zh")


# ------------------------------------------------------------------- deep links


async def test_deep_links_open_a_walkthrough_a_guideline_the_adviser(fake, bot, engine: Engine):
    tree = engine.trees.trees["friend_request"]
    shown = await start(fake, "friend_request")
    assert tree.title("en") in shown.plain
    assert tree.nodes[tree.start].ask("en") in shown.plain

    await fake.push_text(JUDGE, "/start g30")
    (shown,) = await fake.wait_for(JUDGE)
    assert engine.guideline_heading(30, "en") in shown.plain

    await fake.push_text(JUDGE, "/start adviser")
    (shown,) = await fake.wait_for(JUDGE)
    assert engine.ui.adviser_title("en") in shown.plain


async def test_an_unknown_deep_link_gets_the_welcome(fake, bot, engine: Engine):
    for payload in ("nonsense", "g41", "g0", "g030"):
        judge = JUDGE + len(payload) * 10 + int(payload[-1].isdigit())
        shown = await start(fake, payload, judge)
        assert engine.ui.welcome("en") in shown.plain, payload


def test_links_prints_every_deep_link_with_both_titles(tmp_path, engine: Engine):
    result = run_once("links", "--bot", "@AmicusCourtBot", env={}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    tree = engine.trees.trees["friend_request"]
    assert (
        f"https://t.me/AmicusCourtBot?start=friend_request\t{tree.title('en')}\t{tree.title('zh')}"
        in lines
    )
    assert any(line.startswith("https://t.me/AmicusCourtBot?start=g30\t") for line in lines)
    assert any(line.startswith("https://t.me/AmicusCourtBot?start=adviser\t") for line in lines)
    assert len(lines) == len(engine.trees.trees) + 1 + 40
    placeholder = run_once("links", env={}, cwd=tmp_path)
    assert placeholder.stdout.startswith("https://t.me/<BOT_USERNAME>?start=")
    refused = run_once("links", "--bot", "no spaces!", env={}, cwd=tmp_path)
    assert refused.returncode == 2 and "not a Telegram bot username" in refused.stderr


# ------------------------------------------------------------ clearing the chat


async def test_forget_offers_to_clear_the_chat_within_48_hours(fake, bot, engine: Engine):
    ui = engine.ui
    # Three days ago: the judge's first message and the bot's answers to it.
    fake.clock_offset = -72 * 3600
    await start(fake)
    old = {i for (chat, i) in fake.dates if chat == JUDGE}
    fake.clock_offset = 0
    await fake.push_text(JUDGE, "/browse")
    await fake.wait_for(JUDGE)
    await fake.push_text(JUDGE, "/forget")
    (offer,) = await fake.wait_for(JUDGE)
    assert ui.forgotten("en") in offer.text and ui.clear_offer("en") in offer.text
    await fake.push_tap(JUDGE, offer.message_id, offer.data_for(ui.clear_chat("en")))
    (done,) = await fake.wait_for(JUDGE)

    deleted = {i for chat, i in fake.deleted if chat == JUDGE}
    recent = {i for (chat, i) in fake.dates if chat == JUDGE} | deleted
    # Everything of the last 48 hours, the judge's and the bot's, the offer included ...
    assert deleted == recent - old - {done.message_id}
    assert offer.message_id in deleted and len(deleted) >= 4
    # ... and nothing older (Telegram refuses those), which the judge is told to delete.
    assert not deleted & old
    assert ui.chat_cleared.format("en", count=len(deleted)) == done.text
    assert "Delete chat" in done.text
    calls = [p for m, p in fake.calls if m == "deleteMessages"]
    assert calls and all(1 <= len(p["message_ids"]) <= 100 for p in calls)


async def test_the_numbers_go_when_the_judge_keeps_the_messages(fake, bot, engine, tmp_path):
    import sqlite3

    ui = engine.ui
    await start(fake)
    await fake.push_text(JUDGE, "/forget")
    (offer,) = await fake.wait_for(JUDGE)

    def count(table: str) -> int:
        with sqlite3.connect(tmp_path / "amicus.db") as db:
            return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    for _ in range(100):  # noted within a second or so
        if count("chat_messages") >= 3:
            break
        await asyncio.sleep(0.05)
    with sqlite3.connect(tmp_path / "amicus.db") as db:
        rows = db.execute("SELECT session_key, message_id FROM chat_messages").fetchall()
    assert len(rows) >= 3 and all(str(JUDGE) not in key for key, _ in rows)

    await fake.push_tap(JUDGE, offer.message_id, offer.data_for(ui.keep_chat("en")))
    (kept,) = await fake.wait_for(JUDGE)
    assert kept.text == ui.chat_kept("en")
    assert not fake.deleted

    for _ in range(100):  # the numbers are dropped just after the reply goes out
        if count("chat_messages") == 0:
            break
        await asyncio.sleep(0.05)
    assert count("chat_messages") == 0
    assert count("chat_sessions") == 0


async def test_the_fake_refuses_what_telegram_refuses(fake):
    """The fake Bot API holds the bot to Telegram's 48-hour rule."""
    import aiohttp

    fake.clock_offset = -49 * 3600
    fake.text_update(JUDGE, "an old message")
    (old,) = [i for (chat, i) in fake.dates if chat == JUDGE]
    url = f"{fake.base_url}{fake.token}/deleteMessages"
    async with aiohttp.ClientSession() as http:
        answer = await (await http.post(url, json={"chat_id": JUDGE, "message_ids": [old]})).json()
    assert answer["ok"] is False and "can't be deleted" in answer["description"]


# ----------------------------------------------------------------- the library's logs


async def test_a_broken_getupdates_response_does_not_reach_the_log(fake, bot):
    secret_words = "李明 13812345678 my secret question"
    update = {"update_id": 900, **fake.text_update(JUDGE, secret_words)}
    body = json.dumps({"ok": True, "result": [update]}, ensure_ascii=False)
    fake.broken_updates = body[:-7].encode()  # cut short: not JSON any more
    for _ in range(200):
        if fake.broken_updates is None:
            break
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.5)
    shown = await start(fake, judge=JUDGE + 1)  # and the bot goes on serving
    assert shown.plain
    logs = bot.logs()
    assert "not JSON (content not logged)" in logs
    for identifier in ("李明", "13812345678", "secret question", str(JUDGE), f"judge{JUDGE}"):
        assert identifier not in logs
    assert "Judge" not in logs and "Example" not in logs  # the names in the update


def test_a_library_line_keeps_its_wording_and_drops_what_was_filled_in():
    import logging

    from bot.logs import LibraryDetailOnly

    def filtered(name: str, msg: str, *args, exc: BaseException | None = None) -> str:
        record = logging.LogRecord(name, logging.ERROR, __file__, 1, msg, args, None)
        if exc is not None:
            record.exc_info = (type(exc), exc, exc.__traceback__)
        LibraryDetailOnly().filter(record)
        return logging.Formatter().format(record)

    line = filtered("telegram.request", 'Can not load invalid JSON data: "%s"', '{"text": "李明"')
    assert line == 'Can not load invalid JSON data: "<…>"'
    line = filtered("telegram.ext.Application", "Processing update %s", {"text": "secret"})
    assert "secret" not in line
    assert "4242515" not in filtered("httpx", "chat %s status %s", 4242515, 200)
    assert filtered("httpx", "status %s", 200) == "status 200"
    line = filtered("telegram.ext.Updater", "failed", exc=ValueError("李明 said"))
    assert "李明" not in line and "ValueError" in line
    assert filtered("amicus.bot", "ready (%s)", "abc") == "ready (abc)"  # our own: as written
