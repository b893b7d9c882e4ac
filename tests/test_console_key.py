"""One person running ``amicus chat`` again and again is one asker, not a crowd: the FAQ
must not publish their question as "asked by at least k judges"."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys

import pytest

QUESTION = "May I follow the account of a lawyer who appears before me on social media?"


def chat(tmp_path, **env: str) -> None:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("AMICUS_")}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--lang", "en"],
        cwd=tmp_path,
        env={**environ, **env},
        input=f"{QUESTION}\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Kept for the anonymised FAQ" in result.stdout


def askers(tmp_path) -> tuple[int, int]:
    with sqlite3.connect(tmp_path / "amicus.db") as connection:
        return connection.execute(
            "SELECT COUNT(*), COUNT(DISTINCT asker) FROM question_log WHERE text IS NOT NULL"
        ).fetchone()


@pytest.mark.e2e  # the real command, in a process of its own
def test_five_console_sessions_are_one_asker(tmp_path):
    for _ in range(5):
        chat(tmp_path)
    assert askers(tmp_path) == (5, 1)
    key = tmp_path / "amicus.key"  # beside the database, for its owner's eyes only
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert len(key.read_text().strip()) == 64


@pytest.mark.e2e  # the real command, in a process of its own
def test_with_a_configured_secret_no_key_file_is_made(tmp_path):
    secret = "c5c5ca35dc795ee44d67fc61f2469e2889c4d9a990b3177dd22a3bc3930b65f6"
    for _ in range(2):
        chat(tmp_path, AMICUS_SECRET=secret)
    assert askers(tmp_path) == (2, 1)
    assert not (tmp_path / "amicus.key").exists()
