"""``amicus chat``: the engine at a terminal or behind a pipe, options as ``N) label``."""

from __future__ import annotations

import asyncio
import sys
from typing import TextIO

from sqlalchemy.exc import SQLAlchemyError

from conversations import Back, Choose, Engine, FreeText, Reply, Restart, Session, SwitchLanguage
from conversations.events import Event
from knowledge import LANGS, Lang


def render(reply: Reply) -> str:
    """A reply as plain text: title, paragraphs, then numbered options."""
    lines = [f"== {reply.title} =="]
    for block in reply.blocks:
        if block.heading:
            lines.append(block.heading)
        if block.kind == "notice":
            lines.append(f"» {block.text}")
        elif block.kind == "note":
            lines.append(f"({block.text})")
        else:
            lines.append(block.text)
        lines.append("")
    lines.extend(f"{i}) {option.label}" for i, option in enumerate(reply.options, 1))
    return "\n".join(lines)


class Console:
    def __init__(
        self,
        engine: Engine,
        stdin: TextIO,
        stdout: TextIO,
        lang: Lang,
        keeper: Keeper | None = None,
    ):
        self.engine = engine
        self.stdin = stdin
        self.stdout = stdout
        self.lang = lang
        self.keeper = keeper
        self.last_kept: int | None = None
        # Behind a pipe nobody sees what was typed: echo it, so the transcript reads whole.
        self.echo = not stdin.isatty()

    def run(self) -> int:
        if not self.echo:
            import readline  # noqa: F401  (line editing and history at a real terminal)
        session, reply = self.engine.start(self.lang)
        self._print(render(reply))
        self._print(self.engine.ui.console_help(session.lang))
        while True:
            self.stdout.write("> ")
            self.stdout.flush()
            line = self.stdin.readline()
            if not line:  # end of input
                self._print("")
                self._print(self.engine.ui.goodbye(session.lang))
                return 0
            # Bytes that are not UTF-8 arrive as lone surrogates, which no database takes.
            line = line.rstrip("\n").encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            if self.echo:
                self._print(line)
            if line.strip() in ("/quit", "/exit"):
                self._print(self.engine.ui.goodbye(session.lang))
                return 0
            if line.strip() == "/unkeep":
                self._unkeep(session.lang)
                continue
            event = self._event(line, reply, session)
            if event is None:
                continue
            session, reply = self.engine.handle(session, event)
            self._print(render(reply))
            if self.keeper is not None and reply.record is not None:
                text = event.text if isinstance(event, FreeText) else None
                self._keep(reply.record, text, session.lang)

    def _keep(self, record, text: str | None, lang: Lang) -> None:
        """The same log the bot keeps, shown the same way: exactly what was kept."""
        assert self.keeper is not None
        kept = self.keeper.keep(record, text)
        if kept is not None:
            self.last_kept = kept.id
            ui = self.engine.ui
            self._print(f"{ui.kept_notice.format(lang, text=kept.text)} {ui.console_unkeep(lang)}")

    def _unkeep(self, lang: Lang) -> None:
        ui = self.engine.ui
        removed = (
            self.keeper is not None
            and self.last_kept is not None
            and self.keeper.unkeep(self.last_kept)
        )
        self.last_kept = None
        self._print(ui.not_kept(lang) if removed else ui.not_kept_unknown(lang))

    def _event(self, line: str, reply: Reply, session: Session) -> Event | None:
        text = line.strip()
        if text.isdecimal():
            index = int(text)
            if 1 <= index <= len(reply.options):
                return Choose(reply.options[index - 1].token)
            self._print(
                self.engine.ui.choose_between.format(session.lang, count=len(reply.options))
            )
            return None
        command, _, arg = text.partition(" ")
        if command == "/back":
            return Back()
        if command == "/restart":
            return Restart()
        if command == "/lang" and arg.strip() in LANGS:
            return SwitchLanguage(arg.strip())  # type: ignore[arg-type]
        if command == "/guideline":
            # As in Telegram; the engine reads "guideline N" and says when there is no N.
            if arg.strip().isdecimal():
                return FreeText(f"guideline {arg.strip()}")
            self._print(self.engine.ui.no_such_guideline(session.lang))
            return None
        if command == "/help":
            self._print(self.engine.ui.console_help(session.lang))
            return None
        if command.startswith(("/", "／")):
            # A mistyped command is not a question: answer with the help, keep nothing.
            self._print(self.engine.ui.console_unknown_command.format(session.lang, command=text))
            self._print(self.engine.ui.console_help(session.lang))
            return None
        return FreeText(line)

    def _print(self, text: str) -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()


class Keeper:
    """The console's question log: the database of AMICUS_DATABASE_URL (SQLite by default),
    with this process's own random secret, so a console session is one anonymous asker."""

    USER = 0  # one asker per process; the secret is what makes it unlinkable

    def __init__(self, database_url: str, secret: bytes):
        from storage.database import Database
        from storage.questionlog import QuestionLog

        self.runner = asyncio.Runner()
        self.db = Database(database_url)
        self.log = QuestionLog(self.db, secret)
        self.available = self._run(self.db.upgrade()) is not _FAILED

    def keep(self, record, text: str | None):
        if not self.available:
            return None
        if record.kind == "answer":
            self._run(
                self.log.record_answer(
                    self.USER, record.lang, list(record.guidelines), record.topic, record.answer
                )
            )
            return None
        if text is None:
            return None
        kept = self._run(
            self.log.record_question(
                self.USER, text, record.lang, list(record.guidelines), record.topic
            )
        )
        return None if kept is _FAILED else kept

    def unkeep(self, row_id: int) -> bool:
        return self._run(self.log.unkeep(self.USER, row_id)) is True

    def close(self) -> None:
        self._run(self.db.close())
        self.runner.close()

    def _run(self, coroutine):
        try:
            return self.runner.run(coroutine)
        except (SQLAlchemyError, OSError):
            return _FAILED  # the chat goes on; the question is simply not kept


_FAILED = object()


def run_chat(
    engine: Engine,
    lang: Lang,
    stdin: TextIO = sys.stdin,
    stdout: TextIO = sys.stdout,
    keeper: Keeper | None = None,
) -> int:
    try:
        return Console(engine, stdin, stdout, lang, keeper).run()
    finally:
        if keeper is not None:
            keeper.close()
