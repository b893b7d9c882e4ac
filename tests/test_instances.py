"""Two bot processes behind one database (webhooks behind a load balancer).

One judge's two taps can land on different processes at the same moment. Each turn reads
the session, runs the engine and writes it back; the write must not undo a turn the other
process saved in between. The race is forced here: process A reads, then process B serves
the judge's other tap completely, then A writes.
"""

from __future__ import annotations

import itertools

from stores import put, state_of
from telegram import Update

from bot.application import build
from bot.settings import Settings
from conversations import Engine
from storage.database import Database
from storage.sessions import SessionStore

JUDGE = 4242777
SECRET = "2d8f6a1c4e9b7d3f5a0c8e2b6d4f1a9c7e3b5d0f8a2c6e4b1d9f7a3c5e0b8d6f"


def settings(fake, db: Database) -> Settings:
    return Settings.from_env(
        {
            "TELEGRAM_BOT_TOKEN": fake.token,
            "AMICUS_TELEGRAM_BASE_URL": fake.base_url,
            "AMICUS_SECRET": SECRET,
            "AMICUS_DATABASE_URL": db.engine.url.render_as_string(hide_password=False),
            "AMICUS_RATE_LIMIT": "0",
        }
    )


async def test_a_tap_served_elsewhere_meanwhile_is_not_undone(fake, db, engine: Engine):
    twin = Database(db.engine.url.render_as_string(hide_password=False))
    first, second = build(settings(fake, db), engine, db), build(settings(fake, twin), engine, twin)
    update_ids = itertools.count(1)

    async def serve(app, update: dict) -> None:
        await app.process_update(Update.de_json({"update_id": next(update_ids), **update}, app.bot))

    await first.initialize()
    await second.initialize()
    try:
        await serve(first, fake.text_update(JUDGE, "/start"))
        _, home = await fake.wait_for(JUDGE, 2)

        store = first.bot_data["services"].sessions
        read = store.read
        raced = False

        async def read_then_lose_the_race(chat_id: int):
            nonlocal raced
            stored = await read(chat_id)
            if not raced:
                raced = True
                # Meanwhile the other process switches the judge to Chinese, and saves.
                await serve(second, fake.text_update(JUDGE, "/language zh"))
            return stored

        store.read = read_then_lose_the_race
        walkthroughs = home.data_for(engine.ui.menu_topics("en"))
        await serve(first, fake.tap_update(JUDGE, home.message_id, walkthroughs))
        switched, topics = await fake.wait_for(JUDGE, 2)

        assert raced
        assert engine.ui.language_switched("zh") in switched.text  # the other process's reply
        # The judge chose Chinese: the walkthrough list comes in Chinese, and stays so.
        assert engine.ui.topics_title("zh") in topics.text
        assert engine.ui.topics_title("en") not in topics.text
        stored = await state_of(first.bot_data["services"].sessions, JUDGE)
        assert stored is not None and stored["lang"] == "zh"
    finally:
        await first.shutdown()
        await second.shutdown()
        await twin.close()


async def test_a_session_that_never_stops_changing_gets_unavailable_not_an_error(
    fake, db, engine: Engine
):
    app = build(settings(fake, db), engine, db)
    store = app.bot_data["services"].sessions
    elsewhere = SessionStore(store.db, store.secret)  # another process, same database

    async def always_overtaken(chat_id: int):
        stored = await elsewhere.read(chat_id)
        await put(elsewhere, chat_id, {"lang": "en", "stack": ["home"]})  # someone else, again
        return stored

    store.read = always_overtaken
    await app.initialize()
    try:
        update = {"update_id": 1, **fake.text_update(JUDGE, "/browse")}
        await app.process_update(Update.de_json(update, app.bot))
        messages = await fake.wait_for(JUDGE)
        assert engine.ui.unavailable("en") in messages[-1].text
    finally:
        await app.shutdown()
