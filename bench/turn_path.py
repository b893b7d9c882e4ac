"""Which files, and which rooms in which order, one update goes through (issue 10.1).

    python bench/turn_path.py            # a typed question, then a button tap

Builds the Telegram application as ``amicus run`` does, against the tests' fake Bot API,
and traces every Python function entered while it handles one update: the distinct
source files of this repository, and the rooms (bot, conversations, knowledge, storage)
calling one another (which room calls which, how often bot/ calls into storage/).
Run by hand; nothing here is a test.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
ROOMS = ("bot", "conversations", "knowledge", "storage")


def _room(frame) -> tuple[str, str] | None:
    try:
        relative = Path(frame.f_code.co_filename).resolve().relative_to(ROOT)
    except ValueError:
        return None
    return (relative.parts[0], str(relative)) if relative.parts[0] in ROOMS else None


def trace(run):
    """Files entered, and calls from one room into another (caller room, callee room),
    the nearest project frame up the stack being the caller."""
    files: list[str] = []
    calls: list[tuple[str, str]] = []
    into_storage: list[str] = []

    def profiler(frame, event, arg):
        if event != "call":
            return
        callee = _room(frame)
        if callee is None:
            return
        if callee[1] not in files:
            files.append(callee[1])
        caller, up = None, frame.f_back
        while up is not None and caller is None:
            caller = _room(up)
            up = up.f_back
        if caller is not None and caller[0] != callee[0]:
            calls.append((caller[0], callee[0]))
            if (caller[0], callee[0]) == ("bot", "storage"):
                into_storage.append(f"{caller[1]}->{callee[1]}:{frame.f_code.co_name}")

    sys.setprofile(profiler)
    try:
        run()
    finally:
        sys.setprofile(None)
    return files, calls, into_storage


def run() -> None:
    # A loop of its own, driven with run_until_complete: the tracer sees every call.
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    from telegram import Update

    from bot.application import build, telegram_engine
    from bot.settings import Settings
    from conversations import Engine
    from storage.database import Database

    async def setup():
        from botharness import bot_env
        from fakebot import FakeBotApi

        fake = FakeBotApi()
        await fake.start()
        folder = Path(tempfile.mkdtemp())
        url = f"sqlite:///{folder / 'amicus.db'}"
        settings = Settings.from_env(bot_env(fake, url, {"AMICUS_RATE_LIMIT": "0"}))
        db = Database(url)
        await db.upgrade()
        # The engine as the bot runs it (Telegram's text limit, this deployment's adviser).
        app = build(settings, telegram_engine(Engine(), settings), db)
        await app.initialize()
        return fake, app

    fake, app = loop.run_until_complete(setup())
    judge, ids = 4242777, iter(range(1, 100))

    def serve(update: dict) -> None:
        data = {"update_id": next(ids), **update}
        loop.run_until_complete(app.process_update(Update.de_json(data, app.bot)))

    serve(fake.text_update(judge, "/topics"))  # the first turn (privacy notice) is not measured
    screen = loop.run_until_complete(fake.wait_for(judge, 2))[-1]
    question = "A lawyer who appears before me sent me a friend request on Facebook"
    for name, update in (
        ("typed question", fake.text_update(judge, question)),
        ("button tap", fake.tap_update(judge, screen.message_id, screen.buttons()[0][1])),
    ):
        files, calls, detail = trace(lambda u=update: serve(u))
        loop.run_until_complete(fake.wait_for(judge))
        edges = list(dict.fromkeys(calls))
        into_storage = len(detail)
        print(f"{name}: {len(files)} files; calls between rooms: {len(calls)}")
        print("  room to room (first seen): " + ", ".join(f"{a}->{b}" for a, b in edges))
        print(f"  calls from bot/ into storage/: {into_storage} {' '.join(dict.fromkeys(detail))}")
        for room in ROOMS:
            mine = [f.split("/", 1)[1] for f in files if f.startswith(room + "/")]
            print(f"  {room} ({len(mine)}): {' '.join(mine)}")
    loop.run_until_complete(app.shutdown())
    loop.run_until_complete(fake.stop())


if __name__ == "__main__":
    run()
