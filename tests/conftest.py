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
