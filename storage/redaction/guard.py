"""Redaction of one text with a time budget, in a separate process.

Python's regular expressions hold the interpreter lock while they match, so a rule that
took long would stall every judge, and a thread cannot be stopped. The rules are written not
to backtrack (and tested so), but the guarantee must not rest on that alone: the bot and the
console redact in a worker process, and a text whose redaction exceeds the budget is refused
(not kept), the worker is killed and a fresh one takes the next text.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import json
import os
import select
import subprocess
import sys
import threading
import time

# A question of a few hundred characters takes about a millisecond, a 4,096-character message
# of the worst shape tens of milliseconds; a loaded machine is given a wide margin.
BUDGET = 1.0
# Starting the worker (a Python process that loads the word lists) is not part of the budget.
START_TIMEOUT = 60.0


class RedactionRefused(Exception):
    """The text could not be redacted within the budget: it is not kept."""


class Redactor:
    """A worker process that redacts one text at a time, each within ``budget`` seconds."""

    def __init__(self, budget: float = BUDGET) -> None:
        self.budget = budget
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None

    def redact(self, text: str) -> str:
        """The redacted text; RedactionRefused when it took longer than the budget."""
        message = (json.dumps(text) + "\n").encode()
        with self._lock:
            process = self._ensure()
            try:
                assert process.stdin is not None
                process.stdin.write(message)
                process.stdin.flush()
                answer = self._read_line(process, self.budget)
            except OSError:
                answer = None
            if answer is None:
                self._stop()
                raise RedactionRefused
        kept = json.loads(answer)
        if kept is None:
            raise RedactionRefused
        return kept

    async def redact_async(self, text: str) -> str:
        """The same, without blocking the event loop: the waiting happens in a thread."""
        return await asyncio.to_thread(self.redact, text)

    def close(self) -> None:
        with self._lock:
            self._stop()

    def _ensure(self) -> subprocess.Popen[bytes]:
        if self._process is not None and self._process.poll() is None:
            return self._process
        self._process = subprocess.Popen(
            [sys.executable, "-m", "storage.redaction.worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=_import_root(),
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )
        if self._read_line(self._process, START_TIMEOUT) is None:
            self._stop()
            raise RedactionRefused
        return self._process

    @staticmethod
    def _read_line(process: subprocess.Popen[bytes], timeout: float) -> bytes | None:
        """One line from the worker, or None when it did not come in time (or the worker died)."""
        assert process.stdout is not None
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            ready, _, _ = select.select([process.stdout], [], [], remaining)
            if ready:
                line = process.stdout.readline()
                return line or None

    def _stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        with contextlib.suppress(OSError):
            process.kill()
        with contextlib.suppress(OSError, subprocess.TimeoutExpired):
            process.wait(timeout=5)
        for stream in (process.stdin, process.stdout):
            with contextlib.suppress(OSError):
                stream.close()  # type: ignore[union-attr]


def _import_root() -> str:
    """The directory from which ``storage`` is importable (the package's parent's parent)."""
    return os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


_shared: Redactor | None = None
_shared_lock = threading.Lock()


def shared() -> Redactor:
    """The process's one redactor, started on first use and stopped at exit."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Redactor()
            atexit.register(_shared.close)
        return _shared
