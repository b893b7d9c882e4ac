"""``amicus chat``: the engine at a terminal or behind a pipe, options as ``N) label``."""

from __future__ import annotations

import asyncio
import os
import secrets
import sys
from typing import TextIO

from conversations import (
    Back,
    Choose,
    Engine,
    FreeText,
    Reply,
    Restart,
    Session,
    Start,
    SwitchLanguage,
)
from conversations.events import Event
from conversations.menu import PRIVACY
from conversations.turn import Outcome, ProcessSessions, Refused, Turn, Unavailable
from knowledge import LANGS, Lang
from storage.database import STORAGE_ERRORS
from storage.redaction.guard import RedactionRefused

from .privacy import database_place, kept_list, kept_notice, with_face


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


CHAT = ASKER = 0  # the console's one chat, and its one asker


class Console:
    def __init__(
        self,
        engine: Engine,
        stdin: TextIO,
        stdout: TextIO,
        lang: Lang,
        storage: ConsoleStorage | None = None,
    ):
        self.engine = engine
        self.stdin = stdin
        self.stdout = stdout
        self.lang = lang
        self.storage = storage
        self.runner = storage.runner if storage is not None else asyncio.Runner()
        questions = storage.questions if storage is not None else None
        db = storage.db if questions is not None else None  # type: ignore[union-attr]
        refusals = (RedactionRefused,)
        self.turn = Turn(
            engine, ProcessSessions(), questions, db, STORAGE_ERRORS, refusals=refusals
        )
        self.last_kept: str | None = None  # the token of the question just shown as kept
        # Behind a pipe nobody sees what was typed: echo it, so the transcript reads whole.
        self.echo = not stdin.isatty()

    def run(self) -> int:
        if not self.echo:
            import readline  # noqa: F401  (line editing and history at a real terminal)
        outcome = self._take(Start(self.lang), self.lang)
        session, reply = outcome.session, outcome.reply
        self._print(render(reply))
        self._print(self.engine.ui.console_help(session.lang))
        if self._keeping:
            where = self._where(session.lang)
            self._print(self.engine.ui.console_privacy_first.format(session.lang, where=where))
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
            command, _, arg = line.strip().partition(" ")
            if command in ("/unkeep", "/kept", "/forget"):
                self._kept_command(command, arg.strip(), session.lang)
                continue
            event = self._event(line, reply, session)
            if event is None:
                continue
            outcome = self._take(event, session.lang)
            session, reply = outcome.session, outcome.reply
            self._print(render(with_face(reply, self._privacy_paragraph(session.lang))))
            # The same log the bot keeps, shown the same way: exactly what was kept.
            try:
                kept = self.runner.run(self.turn.keep(ASKER, outcome))
            except Refused:
                self._print(self.engine.ui.not_kept_refused(session.lang))
                continue
            if kept is not None:
                self.last_kept = kept.token
                ui, lang = self.engine.ui, session.lang
                self._print(f"{kept_notice(ui, kept, lang)} {ui.console_unkeep(lang)}")

    def _take(self, event: Event, lang: Lang) -> Outcome:
        outcome = self.runner.run(self.turn.take(CHAT, lambda s: event, lang))
        # The console's sessions live in this process: a turn cannot fail or be refused.
        assert outcome.session is not None and outcome.reply is not None
        return outcome

    @property
    def _keeping(self) -> bool:
        return self.turn.questions is not None

    def _where(self, lang: Lang) -> str:
        assert self.storage is not None
        return database_place(self.storage.url, self.engine.ui, lang)

    def _privacy_paragraph(self, lang: Lang) -> str:
        ui = self.engine.ui
        if not self._keeping:
            return ui.privacy_console_off(lang)
        return ui.privacy_console.format(lang, where=self._where(lang))

    def _kept_command(self, command: str, arg: str, lang: Lang) -> None:
        """/kept lists this month's kept items, /unkeep [N] removes one, /forget all."""
        ui = self.engine.ui
        items = self._storage(self.turn.kept(ASKER)) if self._keeping else None
        if items is None:
            self._print(ui.console_unavailable(lang))
            return
        if command == "/forget":
            forgotten = self._storage(self.turn.forget(CHAT, ASKER))
            count = forgotten.questions if forgotten is not None else 0
            self.last_kept = None
            self._print(ui.console_forgotten.format(lang, count=count, where=self._where(lang)))
            return
        if command == "/kept" or (command == "/unkeep" and not arg and self.last_kept is None):
            # Nothing just kept to remove: the list, so the judge can pick by number.
            hint = ui.kept_hint_console(lang)
            self._print(kept_list(ui, self.engine.trees, items, lang, hint)[0])
            return
        if not arg:
            token, self.last_kept = self.last_kept, None
        else:
            number = int(arg) if arg.isdecimal() and len(arg) < 6 else 0
            if not 1 <= number <= len(items):
                self._print(ui.kept_no_such_item.format(lang, number=arg))
                return
            token = items[number - 1].token
            if token == self.last_kept:
                self.last_kept = None
        removed = self._storage(self.turn.unkeep(ASKER, token or "")) is True
        self._print(ui.not_kept(lang) if removed else ui.not_kept_unknown(lang))

    def _storage(self, coroutine):
        """What the database answered; None when it did not (the chat goes on)."""
        try:
            return self.runner.run(coroutine)
        except Unavailable:
            return None

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
        if command == "/privacy":
            return Choose(PRIVACY)
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


class ConsoleStorage:
    """Where the console keeps what the FAQ may count: the database of AMICUS_DATABASE_URL
    (SQLite by default), wired to the turn's ports.

    Every console session of one database is one and the same asker: keyed by
    AMICUS_SECRET when it is set, else by a key file kept beside the SQLite database.
    A random key per process would count one person running ``amicus chat`` five times
    as five judges, and publish their question as "asked by at least 5 judges". With
    neither (a server database and no AMICUS_SECRET) nothing is kept (``questions`` None).
    """

    def __init__(self, database_url: str, secret: bytes | None):
        from storage.database import Database
        from storage.questionlog import QuestionLog

        self.runner = asyncio.Runner()
        self.url = database_url
        self.db = Database(database_url)
        key = secret if secret is not None else console_key(database_url)
        self.questions: QuestionLog | None = None
        if key is not None:
            try:
                self.runner.run(self.db.upgrade())
                self.questions = QuestionLog(self.db, key)
            except STORAGE_ERRORS:
                pass  # the chat goes on; nothing is kept

    def close(self) -> None:
        self.runner.run(self.db.close())
        self.runner.close()


def console_key(database_url: str) -> bytes | None:
    """The key of the console's asker, from a file beside the SQLite database (``amicus.db``:
    ``amicus.key``), created on first use, readable by its owner only; None when the
    database is not a file."""
    from storage import sqlite_file

    database = sqlite_file(database_url)
    if database is None:
        return None
    path = database.with_suffix(".key")
    if not path.exists():
        # Written whole under another name, then linked into place: two consoles starting
        # at once agree on one key, and neither can read a half-written one.
        draft = path.with_name(f".{path.name}.{os.getpid()}")
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "w") as file:
                file.write(secrets.token_hex(32) + "\n")
            os.link(draft, path)
        except FileExistsError:
            pass  # another console was first: its key is the one
        finally:
            draft.unlink(missing_ok=True)
    return path.read_text().strip().encode()


def run_chat(
    engine: Engine,
    lang: Lang,
    stdin: TextIO = sys.stdin,
    stdout: TextIO = sys.stdout,
    storage: ConsoleStorage | None = None,
) -> int:
    console = Console(engine, stdin, stdout, lang, storage)
    try:
        return console.run()
    finally:
        if storage is not None:
            storage.close()
        else:
            console.runner.close()
