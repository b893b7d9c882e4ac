from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from conversations import Engine
from knowledge import Corpus, default_corpus

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "000_2290a9a1c09ec0b1.txt"


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
    """A migrated database on each backend: a SQLite file, and a PostgreSQL database of its
    own (skipped with the reason when no server answers, required under CI=true)."""
    from postgres import TemporaryDatabase, require_postgres

    from storage.database import Database

    if request.param == "sqlite":
        database = Database(f"sqlite:///{tmp_path / 'amicus.db'}")
        await database.upgrade()
        yield database
        await database.close()
        return
    require_postgres()
    async with TemporaryDatabase() as temporary:
        database = Database(temporary.url)
        await database.upgrade()
        yield database
        await database.close()


@pytest.fixture
async def fake():
    """The fake Telegram Bot API server on 127.0.0.1."""
    from fakebot import FakeBotApi

    server = FakeBotApi()
    await server.start()
    yield server
    await server.stop()
