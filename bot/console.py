"""``amicus chat``: the engine at a terminal or behind a pipe, options as ``N) label``."""

from __future__ import annotations

import sys
from typing import TextIO

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
    def __init__(self, engine: Engine, stdin: TextIO, stdout: TextIO, lang: Lang):
        self.engine = engine
        self.stdin = stdin
        self.stdout = stdout
        self.lang = lang
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
            line = line.rstrip("\n")
            if self.echo:
                self._print(line)
            if line.strip() in ("/quit", "/exit"):
                self._print(self.engine.ui.goodbye(session.lang))
                return 0
            event = self._event(line, reply, session)
            if event is None:
                continue
            session, reply = self.engine.handle(session, event)
            self._print(render(reply))

    def _event(self, line: str, reply: Reply, session: Session) -> Event | None:
        text = line.strip()
        if text.isdigit():
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
        if command == "/help":
            self._print(self.engine.ui.console_help(session.lang))
            return None
        return FreeText(line)

    def _print(self, text: str) -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()


def run_chat(
    engine: Engine, lang: Lang, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout
) -> int:
    return Console(engine, stdin, stdout, lang).run()
