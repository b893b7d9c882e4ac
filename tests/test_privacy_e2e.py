"""What is kept, said honestly in Telegram, and the judge's hand on it: the real bot
against the fake Bot API (issue 13; issue 9, points 11 and 14)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from botharness import WebhookBot, until_kept

JUDGE = 6660123
OTHER = 6660456  # a judge whose Telegram speaks Chinese
QUESTIONS = [
    "Attorney Jane Doe, who appears before me, sent me a friend request on Facebook",
    "A party to my case follows me on Instagram",
]
OUT_OF_SCOPE = "what will my salary be next year?"


def rows(folder: Path, query: str) -> list[tuple]:
    with sqlite3.connect(folder / "amicus.db") as connection:
        return connection.execute(query).fetchall()


async def ask(fake, chat_id: int, text: str):
    """The question's answer and then its kept notice (with "Don't keep it")."""
    await fake.push_text(chat_id, text)
    return (await until_kept(fake, chat_id))[-1]


async def test_privacy_in_telegram_says_what_telegram_keeps_in_both_languages(fake, bot):
    said = {
        "en": ["not end-to-end encrypted", "passes through Telegram's servers", "/kept"],
        "zh": ["不是端到端加密的", "经由 Telegram 的服务器传送", "/kept"],
    }
    for chat_id, lang in ((JUDGE, "en"), (OTHER, "zh")):
        await fake.push_text(chat_id, "/privacy", language_code=lang)
        notice, privacy = await fake.wait_for(chat_id, 2)
        assert said[lang][0] in notice.plain  # before the first question is typed
        for words in said[lang]:
            assert words in privacy.plain
        # Promises Amicus cannot keep are gone: it does keep (redacted) words.
        for broken in ("nor the words you type", "也不保存您输入的原文", "keeps neither"):
            assert broken not in privacy.plain + notice.plain
        await fake.push_text(chat_id, "/adviser", language_code=lang)
        (adviser,) = await fake.wait_for(chat_id)
        for promise in ("treated in confidence", "将被保密处理"):
            assert promise not in adviser.plain


async def test_a_judge_lists_this_months_kept_questions_and_removes_any(fake, bot, tmp_path):
    first = await ask(fake, JUDGE, QUESTIONS[0])
    await ask(fake, JUDGE, QUESTIONS[1])
    out_of_scope = await ask(fake, JUDGE, OUT_OF_SCOPE)
    assert "only that a question outside the guidelines was asked, in English; not its words" in (
        out_of_scope.plain
    )
    assert OUT_OF_SCOPE not in out_of_scope.plain
    # The button names a random code, not the row: nothing to count other judges by.
    ids = {str(i) for (i,) in rows(tmp_path, "SELECT id FROM question_log")}
    code = first.data_for("Don't keep it").split("|k:")[1]
    assert code not in ids and len(code) >= 12

    await fake.push_text(JUDGE, "/kept")
    (listed,) = await fake.wait_for(JUDGE)
    assert "1. «Attorney [NAME]" in listed.plain and "Jane Doe" not in listed.plain
    assert "2. «A party to my case follows me on Instagram»" in listed.plain
    assert "3. A question outside the guidelines (English), without its words" in listed.plain
    assert [label for label, _ in listed.buttons()] == ["Remove 1", "Remove 2", "Remove 3"]

    # The first, not only the last: the list comes back in place without it.
    await fake.push_tap(JUDGE, listed.message_id, listed.data_for("Remove 1"))
    (listed,) = await fake.wait_for(JUDGE)
    assert listed.method == "editMessageText"
    assert "1. «A party to my case follows me on Instagram»" in listed.plain
    assert rows(tmp_path, "SELECT text FROM question_log ORDER BY id") == [
        (QUESTIONS[1],),
        (None,),  # the out-of-scope question: kept without its words
    ]
    for _ in range(2):
        await fake.push_tap(JUDGE, listed.message_id, listed.data_for("Remove 1"))
        (listed,) = await fake.wait_for(JUDGE)
    assert "Nothing is kept about you this month, so there is nothing to remove." in listed.plain
    assert rows(tmp_path, "SELECT COUNT(*) FROM question_log") == [(0,)]

    # Nothing left: clear replies, never "that record no longer exists".
    await fake.push_tap(JUDGE, first.message_id, first.data_for("Don't keep it"))
    (again,) = await fake.wait_for(JUDGE)
    assert "That is no longer kept: it was already removed or erased." in again.plain
    await fake.push_text(OTHER, "/kept", language_code="zh")
    (nothing,) = await fake.wait_for(OTHER)
    assert "本月没有保存任何与您有关的内容" in nothing.plain


async def test_an_update_delivered_twice_keeps_its_question_once(fake, tmp_path):
    import aiohttp

    # Telegram delivers a webhook update again when it did not see it answered (a crash,
    # a timeout): the same update id, the same question.
    bot = WebhookBot(fake, f"sqlite:///{tmp_path / 'amicus.db'}", tmp_path / "bot.log")
    await bot.start()
    try:
        update = {"update_id": 81234, **fake.text_update(JUDGE, QUESTIONS[0])}
        headers = {"X-Telegram-Bot-Api-Secret-Token": bot.secret_token}
        async with aiohttp.ClientSession() as http:
            for _ in range(2):
                assert (await http.post(bot.url, json=update, headers=headers)).status == 200
                messages = []
                while not any("|k:" in d for m in messages for _, d in m.buttons()):
                    messages += await fake.wait_for(JUDGE)
        fresh = {"update_id": 81235, **fake.text_update(JUDGE, QUESTIONS[0])}
        async with aiohttp.ClientSession() as http:
            assert (await http.post(bot.url, json=fresh, headers=headers)).status == 200
        messages = []
        while not any("|k:" in d for m in messages for _, d in m.buttons()):
            messages += await fake.wait_for(JUDGE)
    finally:
        assert await bot.stop() == 0, bot.logs()
    # Asked twice in two messages: two rows; delivered twice: still two.
    assert rows(tmp_path, "SELECT COUNT(*) FROM question_log") == [(2,)]
    keys = rows(tmp_path, "SELECT update_key FROM question_log")
    assert all(key and "8123" not in key for (key,) in keys)


async def test_greetings_acknowledgements_and_guideline_numbers_are_not_kept(fake, bot, tmp_path):
    for chat_id, lang, small in (
        (JUDGE, "en", ["hi", "thanks", "ok", "guideline 30"]),
        (OTHER, "zh", ["你好", "谢谢", "好的", "第30条"]),
    ):
        for text in small:
            await fake.push_text(chat_id, text, language_code=lang)
            replies = await fake.wait_for(chat_id)
            assert not any("|k:" in data for m in replies for _, data in m.buttons()), text
    assert rows(tmp_path, "SELECT id FROM question_log") == []
