"""The relay when the database fails at the worst moment (in-process, to force the moment)."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from telegram import Update

from bot.application import build
from bot.settings import Settings
from conversations import Engine

JUDGE = 4242888
ADVISERS = -1009876
SECRET = "b7e3a1f9c5d2084e6a3f1c7b9e2d5a80f4c6e1b3d7a9f2c5e8b0d3a6f1c4e7b9"


@pytest.fixture
async def app(fake, db, engine: Engine):
    settings = Settings.from_env(
        {
            "TELEGRAM_BOT_TOKEN": fake.token,
            "AMICUS_TELEGRAM_BASE_URL": fake.base_url,
            "AMICUS_SECRET": SECRET,
            "AMICUS_DATABASE_URL": db.engine.url.render_as_string(hide_password=False),
            "AMICUS_RATE_LIMIT": "0",
            "AMICUS_ADVISER_CHAT_ID": str(ADVISERS),
        }
    )
    application = build(settings, Engine(engine.corpus, engine.ui, engine.trees, relay=True), db)
    await application.initialize()
    yield application
    await application.shutdown()


_ids = itertools.count(1)


async def serve(app, update: dict) -> None:
    await app.process_update(Update.de_json({"update_id": next(_ids), **update}, app.bot))


async def on_the_relay_page(fake, app) -> None:
    await serve(app, fake.text_update(JUDGE, "/adviser"))
    screen = (await fake.wait_for(JUDGE, 2))[-1]
    await serve(
        app,
        fake.tap_update(
            JUDGE, screen.message_id, screen.data_for("Write to an adviser anonymously")
        ),
    )
    await fake.wait_for(JUDGE)


async def tickets_left(db) -> int:
    async with db.engine.connect() as connection:
        return await connection.scalar(text("SELECT count(*) FROM adviser_tickets"))


def failing(*_args, **_kwargs):
    raise OperationalError("UPDATE", {}, Exception("database is down"))


async def test_a_draft_is_not_left_behind_when_the_session_cannot_be_saved(fake, app, db):
    await on_the_relay_page(fake, app)
    app.bot_data["services"].sessions.write = _async(failing)
    await serve(app, fake.text_update(JUDGE, "May I accept a lawyer's friend request?"))
    (told,) = await fake.wait_for(JUDGE)
    assert "temporarily unavailable" in told.text
    assert await tickets_left(db) == 0  # "not kept" is true


async def test_a_post_that_cannot_be_recorded_is_taken_back_from_the_advisers(fake, app, db):
    await on_the_relay_page(fake, app)
    await serve(app, fake.text_update(JUDGE, "May I accept a lawyer's friend request?"))
    (preview,) = await fake.wait_for(JUDGE)
    app.bot_data["services"].tickets.sent = _async(failing)
    await serve(
        app, fake.tap_update(JUDGE, preview.message_id, preview.data_for("Send to the adviser"))
    )
    (posted,) = await fake.wait_for(ADVISERS)
    (told,) = await fake.wait_for(JUDGE)
    assert "nothing was sent" in told.text
    deleted = [p for m, p in fake.calls if m == "deleteMessage"]
    assert deleted == [{"chat_id": ADVISERS, "message_id": posted.message_id}]
    # The draft is a draft again: Send works once the database is back.
    del app.bot_data["services"].tickets.sent
    await serve(
        app, fake.tap_update(JUDGE, preview.message_id, preview.data_for("Send to the adviser"))
    )
    (again,) = await fake.wait_for(JUDGE)
    assert "Sent to the ethics adviser as question no." in again.text


async def test_an_answer_delivered_is_reported_delivered_even_if_closing_fails(fake, app, db):
    await on_the_relay_page(fake, app)
    await serve(app, fake.text_update(JUDGE, "May I accept a lawyer's friend request?"))
    (preview,) = await fake.wait_for(JUDGE)
    await serve(
        app, fake.tap_update(JUDGE, preview.message_id, preview.data_for("Send to the adviser"))
    )
    (question,) = await fake.wait_for(ADVISERS)
    await fake.wait_for(JUDGE)
    app.bot_data["services"].tickets.close = _async(failing)
    await serve(app, fake.group_reply_update(ADVISERS, 777, "Decline it.", question))
    (answer,) = await fake.wait_for(JUDGE)
    assert "Decline it." in answer.text
    (reported,) = await fake.wait_for(ADVISERS)
    assert "Delivered to the judge" in reported.text


def _async(function):
    async def wrapper(*args, **kwargs):
        return function(*args, **kwargs)

    return wrapper
