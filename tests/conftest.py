from __future__ import annotations

import inspect
import os
import sys
from pathlib import Path
from subprocess import Popen

import pytest

from conversations import Engine
from knowledge import Corpus, default_corpus

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "000_2290a9a1c09ec0b1.txt"


# What starts another process (the real ``amicus``, a pip, a browser): such a test, or a
# fixture it uses, is marked ``e2e``; ``pytest -m "not e2e"`` is the quick run.
SPAWNS = (
    "BotProcess(",
    "WebhookBot(",
    "run_once",
    "subprocess.",
    "create_subprocess",
    "amicus_cmd",
    "playwright",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    sources: dict[object, str] = {}

    def source(function: object) -> str:
        if function not in sources:
            try:
                sources[function] = inspect.getsource(function)  # type: ignore[arg-type]
            except (OSError, TypeError):
                sources[function] = ""
        return sources[function]

    for item in items:
        functions = [getattr(item, "function", None)]
        info = getattr(item, "_fixtureinfo", None)
        for definitions in info.name2fixturedefs.values() if info else ():
            functions += [definition.func for definition in definitions]
        if any(s in source(f) for f in functions if f is not None for s in SPAWNS):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(autouse=True)
def _processes_only_in_e2e(request, monkeypatch):
    """A test that starts a process without being marked ``e2e`` fails, saying so: the
    quick run stays quick, and the marking stays true. The redaction worker is the
    product's own (storage/redaction/guard.py), started once per test process; ``fc-list``
    is matplotlib listing the system's fonts, once per machine, when its font cache is
    missing (a fresh CI machine): whichever test draws the first chart meets it."""
    if request.node.get_closest_marker("e2e") is not None:
        return
    start = Popen.__init__

    def refuse(self, args, *rest, **kwargs):
        if "storage.redaction.worker" in args or list(args)[:1] == ["fc-list"]:
            return start(self, args, *rest, **kwargs)
        raise AssertionError(
            "this test starts a process: mark it @pytest.mark.e2e (see tests/conftest.py)"
        )

    monkeypatch.setattr(Popen, "__init__", refuse)


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return default_corpus()


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine()


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(
                f"the seed text is missing at {SEED}; CI must have shared/ beside the clone"
            )
        pytest.skip(f"seed text not found at {SEED} (shared/ is not beside this checkout)")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def amicus_cmd() -> list[str]:
    """The command line a user types, via this interpreter (the venv's)."""
    return [sys.executable, "-m", "bot"]


@pytest.fixture(params=["sqlite", "postgresql"])
async def db(request, tmp_path):
    """A migrated, empty database on each backend: a SQLite file, and a PostgreSQL
    database (skipped with the reason when no server answers, required under CI=true).
    Each is a copy or an emptying of one migrated once (tests/migrated.py)."""
    from migrated import postgres_emptied, sqlite_copy
    from postgres import require_postgres

    from storage.database import Database

    if request.param == "sqlite":
        path = tmp_path / "amicus.db"
        await sqlite_copy(path)
        url = f"sqlite:///{path}"
    else:
        require_postgres()
        url = await postgres_emptied()
    database = Database(url)
    await database.upgrade()  # already at the head: a check, not the migrations again
    yield database
    await database.close()


def pytest_sessionfinish(session, exitstatus) -> None:
    import asyncio

    from migrated import drop_all

    asyncio.run(drop_all())


@pytest.fixture
async def fake():
    """The fake Telegram Bot API server on 127.0.0.1."""
    from fakebot import FakeBotApi

    server = FakeBotApi()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def bot(fake, tmp_path):
    """The real bot, in this process, on a SQLite file, talking to ``fake``; a module that
    needs other settings defines its own ``bot``."""
    from botharness import InProcessBot

    process = InProcessBot(fake, f"sqlite:///{tmp_path / 'amicus.db'}", tmp_path / "bot.log")
    await process.start()
    yield process
    assert await process.stop() == 0, process.logs()  # SIGTERM is a graceful shutdown
