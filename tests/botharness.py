"""Running the real ``amicus run`` as a subprocess against the fake Bot API server."""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

from fakebot import FakeBotApi

# Random, as a real one must be: weak secrets are refused at start-up.
SECRET = "4f1c9e2a7b3d8e6f0a5c1b9d2e7f3a8c6b0d4e9f1a2c7b3e8d5f0a6c9b1e4d2f"


def bot_env(fake: FakeBotApi, database_url: str, extra: dict[str, str]) -> dict[str, str]:
    """The settings a test's bot runs with, in a process or in the test's own loop."""
    return {
        "TELEGRAM_BOT_TOKEN": fake.token,
        "AMICUS_TELEGRAM_BASE_URL": fake.base_url,
        "AMICUS_SECRET": SECRET,
        "AMICUS_DATABASE_URL": database_url,
        **extra,
    }


class BotProcess:
    def __init__(
        self,
        fake: FakeBotApi,
        database_url: str,
        log_path: Path,
        args: tuple[str, ...] = (),
        ready_on: str = "setMyCommands",
        **extra_env: str,
    ):
        self.fake = fake
        self.args = args
        # Polling is ready once post_init has registered the commands; a webhook only
        # once setWebhook has gone out, which PTB does after post_init.
        self.ready_on = ready_on
        # The machine's own AMICUS_ and TELEGRAM_ settings never leak into a test's bot.
        inherited = os.environ.items()
        kept = {k: v for k, v in inherited if not k.startswith(("AMICUS_", "TELEGRAM_"))}
        self.env = {**kept, **bot_env(fake, database_url, extra_env)}
        self.log_path = log_path
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        log = self.log_path.open("ab")
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", *self.args, env=self.env, stdout=log, stderr=log
        )
        for _ in range(300):
            if any(m == self.ready_on for m, _ in self.fake.calls[self._calls_at_start :]):
                return
            if self.process.returncode is not None:
                raise RuntimeError(f"bot exited: {self.log_path.read_text()}")
            await asyncio.sleep(0.05)
        raise TimeoutError(f"bot did not start: {self.log_path.read_text()}")

    _calls_at_start = 0

    async def wait_listening(self, port: int) -> None:
        """PTB serves the webhook only after setWebhook returns; wait for the socket."""
        for _ in range(200):
            try:
                _, writer = await asyncio.open_connection("127.0.0.1", port)
            except OSError:
                await asyncio.sleep(0.05)
                continue
            writer.close()
            await writer.wait_closed()
            return
        raise TimeoutError(f"webhook not listening on {port}: {self.logs()}")

    async def restart(self) -> None:
        await self.stop()
        self._calls_at_start = len(self.fake.calls)
        await self.start()

    async def stop(self) -> int | None:
        if self.process and self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.process.wait(), 20)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()
        return self.process.returncode if self.process else None

    def logs(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


class WebhookBot(BotProcess):
    """``amicus run --webhook`` on a free local port; ``url`` is where Telegram would post."""

    def __init__(self, fake: FakeBotApi, database_url: str, log_path: Path, **extra_env: str):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/amicus-hook"
        # No --listen: the default (loopback) is what is tested.
        args = ("--webhook", self.url, "--port", str(self.port))
        super().__init__(fake, database_url, log_path, args, "setWebhook", **extra_env)

    async def start(self) -> None:
        await super().start()
        await self.wait_listening(self.port)

    @property
    def secret_token(self) -> str:
        return [p for m, p in self.fake.calls if m == "setWebhook"][-1]["secret_token"]

    async def deliver(self, update: dict) -> int:
        """POST one update as Telegram does; the HTTP status (0: nobody listening)."""
        import aiohttp

        headers = {"X-Telegram-Bot-Api-Secret-Token": self.secret_token}
        try:
            async with (
                aiohttp.ClientSession() as http,
                http.post(self.url, json=update, headers=headers) as response,
            ):
                return response.status
        except aiohttp.ClientConnectionError:
            return 0

    async def get(self, path: str) -> tuple[int, str]:
        import aiohttp

        async with (
            aiohttp.ClientSession() as http,
            http.get(f"http://127.0.0.1:{self.port}{path}") as response,
        ):
            return response.status, await response.text()


class InProcessBot:
    """The same bot as ``amicus run`` (polling), built and run in the test's own event loop.

    For properties that a separate process proves nothing more about (what a judge sees,
    what is kept, the relay's state machine): it saves the interpreter start and the
    corpus load, which were nine tenths of the suite's time. What only a real process can
    show (logging as configured at start, signals, exit codes, a database that goes away)
    keeps ``BotProcess``. Same interface as ``BotProcess``.
    """

    def __init__(
        self,
        fake: FakeBotApi,
        database_url: str,
        log_path: Path,
        args: tuple[str, ...] = (),
        ready_on: str = "setMyCommands",
        **extra_env: str,
    ):
        assert not args, "webhook mode needs a real process (WebhookBot)"
        self.fake = fake
        self.env = bot_env(fake, database_url, extra_env)
        self.log_path = log_path
        self.app = None
        self._handler: logging.Handler | None = None

    async def start(self) -> None:
        from bot.application import UPDATES, build, telegram_engine
        from bot.logs import guards
        from bot.settings import Settings
        from storage.database import Database

        settings = Settings.from_env(self.env)
        await _migrated_if_new(settings.database_url)
        engine = telegram_engine(_engine(), settings)
        # What the process would log, guarded as ``configure_logging`` guards it.
        self._handler = logging.FileHandler(self.log_path, encoding="utf-8")
        self._handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        for guard in guards(settings):
            self._handler.addFilter(guard)
        logging.getLogger().addHandler(self._handler)
        logging.getLogger("amicus").setLevel(logging.INFO)
        self.app = app = build(settings, engine, Database(settings.database_url))
        await app.initialize()
        if app.post_init:
            await app.post_init(app)
        await app.updater.start_polling(allowed_updates=UPDATES)
        await app.start()

    async def stop(self) -> int | None:
        app, self.app = self.app, None
        if app is not None:
            if app.updater.running:
                await app.updater.stop()
            if app.running:
                await app.stop()
            await app.shutdown()
            if app.post_shutdown:
                await app.post_shutdown(app)
        if self._handler is not None:
            logging.getLogger().removeHandler(self._handler)
            self._handler.close()
            self._handler = None
        return 0

    async def restart(self) -> None:
        await self.stop()
        await self.start()

    def logs(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


async def _migrated_if_new(url: str) -> None:
    """A new SQLite file starts as a copy of one migrated once: the bot's start-up then
    finds it at the head, as on every start after a deployment's first. Migrating at start
    is shown by the real processes (``BotProcess``, ``WebhookBot``), which start on new files."""
    from migrated import sqlite_copy

    from storage import sqlite_file

    path = sqlite_file(url)
    if path is not None and not path.exists():
        await sqlite_copy(path)


@functools.cache
def _engine():
    from conversations import Engine

    return Engine()


def run_once(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    """``amicus ARGS`` to the end, with only ``env`` (and a PATH) in its environment."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        env={"PATH": "/usr/bin:/bin", **env},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


async def until_kept(fake: FakeBotApi, chat_id: int) -> list:
    """The messages of one typed question, up to the one saying what was kept (the one
    with its "Don't keep it" button)."""
    messages: list = []
    while not any("|k:" in data for m in messages for _, data in m.buttons()):
        messages += await fake.wait_for(chat_id)
    return messages


async def eventually(condition, timeout: float = 10.0) -> None:
    """Wait until ``condition()`` holds, and fail if it never does."""
    for _ in range(int(timeout / 0.05)):
        if condition():
            return
        await asyncio.sleep(0.05)
    assert condition()
