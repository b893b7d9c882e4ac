"""The ``amicus`` command line."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from conversations import Engine, tokens
from conversations.checks import check as check_conversations
from conversations.diagram import mermaid, outline
from conversations.routing import default_router
from knowledge import DataError, Lang, default_corpus
from knowledge.checks import check as check_knowledge
from knowledge.corpus import GUIDELINE_COUNT
from knowledge.evaluation import evaluate
from knowledge.router import Router

from .settings import Settings, SettingsError

FAQ_FORMATS = ("md", "csv", "json", "html")  # what bot/faqreport.py renders


def database_failures() -> tuple[type[BaseException], ...]:
    """What a wrong or unreachable AMICUS_DATABASE_URL raises: a bad URL or an unknown
    dialect, a refused connection or an unwritable path, a driver not installed. A function,
    since an ``except`` clause evaluates it only when something was raised, and importing
    SQLAlchemy up front would slow every ``amicus ask`` by a fifth of a second."""
    from sqlalchemy.exc import SQLAlchemyError

    return (SQLAlchemyError, OSError, ImportError)


EXIT_USAGE = 2
EXIT_DATA = 1
EXIT_INTERRUPTED = 130  # as shells report a SIGINT
EXIT_BROKEN_PIPE = 141  # as shells report a SIGPIPE


def default_lang(environ: dict[str, str] | os._Environ[str] = os.environ) -> Lang:
    """The terminal's language, as the C library would pick it: LC_ALL, LC_MESSAGES, LANG."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="amicus",
        description="A confidential ethics advisor for judges on social media.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    chat = commands.add_parser("chat", help="the conversation in a terminal (or from a pipe)")
    _add_lang(chat)

    guideline = commands.add_parser("guideline", help="print one guideline")
    guideline.add_argument("number", help=f"1 to {GUIDELINE_COUNT}")
    _add_lang(guideline)

    commands.add_parser("lint", help="check every YAML file; exit 1 on any problem")

    ask = commands.add_parser("ask", help="route a free-text question to the guidelines")
    ask.add_argument("question", help="the question, or - to read one question per line")
    ask.add_argument("--json", action="store_true", help="one JSON object per question")
    _add_lang(ask, default_help="detected from the question")

    redact = commands.add_parser("redact", help="print a text as the question log would keep it")
    redact.add_argument("text", help="the text, or - to read one text per line")

    evaluate = commands.add_parser("eval", help="router accuracy on a labelled question file")
    evaluate.add_argument("file", type=Path)
    evaluate.add_argument("--misses", action="store_true", help="also list the questions missed")

    run = commands.add_parser("run", help="the Telegram bot (long polling by default)")
    run.add_argument("--webhook", metavar="URL", help="receive updates at this public URL")
    run.add_argument("--port", type=int, help="local port for --webhook (default 8443)")
    # Loopback by default: a reverse proxy terminates TLS in front (README "Deploying").
    run.add_argument(
        "--listen", default="127.0.0.1", help="local address for --webhook (default 127.0.0.1)"
    )

    faq = commands.add_parser("faq", help="the anonymised monthly FAQ (guideline 40)")
    faq_commands = faq.add_subparsers(dest="faq_command", required=True, metavar="ACTION")
    export = faq_commands.add_parser("export", help="write one month's FAQ")
    export.add_argument("--month", required=True, type=_month, help="YYYY-MM")
    export.add_argument("--format", choices=FAQ_FORMATS, default="md")
    export.add_argument("--out", type=Path, help="file to write (default: standard output)")
    _add_lang(export)

    commands.add_parser("health", help="exit 0 when the database answers, else 1")

    links = commands.add_parser("links", help="deep links to walkthroughs, guidelines, adviser")
    links.add_argument("--bot", metavar="USERNAME", help="the bot's username (without @)")

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    db_commands.add_parser("upgrade", help="apply migrations (also done on start)")

    graph = commands.add_parser("graph", help="list the walkthroughs, or draw one")
    graph.add_argument("tree", nargs="?", help="a walkthrough id (see 'amicus graph')")
    graph.add_argument("--format", choices=("mermaid", "outline"), default="mermaid")
    _add_lang(graph)
    return parser


def _add_lang(parser: argparse.ArgumentParser, default_help: str = "from the locale") -> None:
    parser.add_argument(
        "--lang", choices=("zh", "en"), default=None, help=f"language (default: {default_help})"
    )


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    try:
        return _main(argv)
    except KeyboardInterrupt:  # Ctrl-C is how people leave a terminal program
        print(file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader went away (… | head): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE


def _main(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    lang: Lang = getattr(args, "lang", None) or default_lang()
    if args.command == "lint":
        return cmd_lint()
    if args.command == "redact":
        return cmd_redact(args.text)
    if args.command in ("ask", "eval"):
        try:
            router = default_router()
        except DataError as exc:
            return _data_error(exc)
        if args.command == "ask":
            return cmd_ask(router, args.question, args.lang, args.json)
        return cmd_eval(router, args.file, args.misses)
    try:
        engine = Engine()
    except DataError as exc:
        return _data_error(exc)
    if args.command == "guideline":
        return cmd_guideline(engine, args.number, lang)
    if args.command == "links":
        return cmd_links(engine, args.bot)
    if args.command in ("run", "db", "faq", "health"):
        try:
            settings = Settings.from_env()
            if args.command == "run":
                return cmd_run(settings, engine, args.webhook, args.port, args.listen)
            if args.command == "faq":
                return cmd_faq_export(settings, engine, args.month, args.format, args.out, lang)
            if args.command == "health":
                return cmd_health(settings)
            return cmd_db_upgrade(settings)
        except SettingsError as exc:
            print(f"amicus: {exc}", file=sys.stderr)
            return EXIT_USAGE
        except database_failures() as exc:
            return _database_error(settings.database_url, exc)
    if args.command == "graph":
        return cmd_graph(engine, args.tree, args.format, lang)
    if args.command == "chat":
        from bot.console import ConsoleStorage, run_chat

        try:
            settings = Settings.from_env()
        except SettingsError as exc:
            print(f"amicus: {exc}", file=sys.stderr)
            return EXIT_USAGE
        # The configured secret, else a key file beside the database: one person's
        # sessions count as one asker, however often they start the chat.
        try:
            storage = ConsoleStorage(
                settings.database_url, settings.secret if settings.secret_given else None
            )
        except database_failures() as exc:
            return _database_error(settings.database_url, exc)
        return run_chat(engine, lang, storage=storage)
    raise AssertionError(args.command)  # argparse admits no other command


def cmd_guideline(engine: Engine, raw: str, lang: Lang) -> int:
    number = tokens.guideline_number(raw)
    if number not in engine.corpus.guidelines:
        print(
            f"amicus guideline: there is no guideline {raw!r}; "
            f"the guidelines are numbered 1 to {GUIDELINE_COUNT}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    print(engine.guideline_heading(number, lang))
    print()
    for block in engine.guideline_blocks(number, lang):
        print(block.text if block.kind == "guideline" else f"({block.text})")
    return 0


def cmd_redact(text: str) -> int:
    from storage.questionlog import kept_form
    from storage.redaction.guard import RedactionRefused

    lines = (line.rstrip("\n") for line in sys.stdin) if text == "-" else [text]
    status = 0
    for number, line in enumerate(lines, 1):
        try:
            print(kept_form(line), flush=True)
        except RedactionRefused:
            print(flush=True)  # one output line per input line, and nothing of this one
            print(f"amicus redact: line {number}: not kept (too slow to redact)", file=sys.stderr)
            status = 1
    return status


def cmd_ask(router: Router, question: str, lang: Lang | None, as_json: bool) -> int:
    if question != "-" and not question.strip():
        print("amicus ask: the question is empty", file=sys.stderr)
        return EXIT_USAGE
    from conversations.trees import default_trees
    from conversations.understanding import Understanding

    understanding = Understanding(default_trees(), router)
    questions = sys.stdin if question == "-" else [question]
    corpus = router.corpus
    for line in questions:
        text = line.rstrip("\n")  # a blank line still gets its line of output: lines align
        routing = router.route(text, lang)
        if as_json:
            readings = understanding.read(text, lang) if text.strip() else []
            walks = [
                understanding.describe(r.walk, routing.lang) for r in readings if r.walk is not None
            ]
            print(json.dumps(routing.to_json() | {"walks": walks}, ensure_ascii=False), flush=True)
            continue
        shown = routing.lang
        if routing.out_of_scope:
            print(f"[{shown}] out of scope: the guidelines do not address this")
            continue
        for m in routing.matches:
            title = corpus.guideline(m.guideline).title(shown)
            print(f"[{shown}] {m.guideline:>2}  {m.score:5.1f}  {title}")
        print(f"[{shown}] walkthrough: {routing.tree or '-'}")
    return 0


def cmd_eval(router: Router, path: Path, show_misses: bool) -> int:
    if not path.is_file():
        print(f"amicus eval: no such file: {path}", file=sys.stderr)
        return EXIT_USAGE
    try:
        tallies, misses = evaluate(router, path)
    except DataError as exc:
        # The file given is at fault, not Amicus's own knowledge files.
        print(f"amicus eval: {path} is not a labelled question file:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_USAGE
    for name in ("zh", "en", "all"):
        for line in tallies[name].lines(name):
            print(line)
    if show_misses:
        for miss in misses:
            q = miss.question
            got = "out of scope" if miss.flagged else ", ".join(map(str, miss.got)) or "-"
            print(f"miss {q.id} [{q.lang}] gold {q.gold or 'out of scope'} got {got}")
    return 0


def cmd_run(
    settings: Settings, engine: Engine, webhook: str | None, port: int | None, listen: str
) -> int:
    if port is not None and not webhook:
        raise SettingsError("--port goes with --webhook URL")
    if port is not None and not 0 < port < 65536:
        raise SettingsError(f"--port must be between 1 and 65535, not {port}")
    settings.require_bot()
    from bot.application import run, telegram_engine
    from bot.logs import configure_logging

    configure_logging(settings)
    engine = telegram_engine(engine, settings)
    try:
        return run(settings, engine, webhook, port, listen)
    except Exception as exc:
        # Not the traceback: exception texts from the HTTP layer can carry the token.
        message = str(exc).replace(settings.token or "\0", "<token>")
        print(f"amicus run: stopped: {type(exc).__name__}: {message}", file=sys.stderr)
        return EXIT_DATA


def cmd_faq_export(
    settings: Settings, engine: Engine, month: str, fmt: str, out: Path | None, lang: Lang
) -> int:
    from storage.questionlog import this_month

    if month >= this_month():
        # Two exports of a running month would show, by difference, single judges' questions.
        raise SettingsError(f"--month {month} has not ended yet; the FAQ covers ended months")
    import asyncio

    from bot.faqreport import render
    from storage.database import Database, settle
    from storage.faqdigest import digest, trend

    missing = _missing_sqlite_file(settings.database_url)
    if missing is not None:
        # An export only reads: a mistyped path must not look like an empty month.
        print(f"amicus faq export: there is no database at {missing}", file=sys.stderr)
        return EXIT_DATA

    async def export() -> str:
        db = Database(settings.database_url)
        k = settings.faq_min_askers
        try:
            await db.upgrade()
            # The month's frozen digest: the same at every export, whatever was erased since.
            faq = await digest(db, month, k)
            months = await trend(db, month, k) if fmt in ("json", "html") else []
        finally:
            await db.close()
            await settle()
        return render(faq, engine, fmt, lang, months)

    text = asyncio.run(export())
    if out is None:
        sys.stdout.write(text)
        return 0
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"amicus faq export: cannot write {out}: {exc.strerror}", file=sys.stderr)
        return EXIT_DATA
    print(f"wrote {out}", file=sys.stderr)
    return 0


def _missing_sqlite_file(url: str) -> Path | None:
    from storage import sqlite_file

    path = sqlite_file(url)
    return None if path is None or path.exists() else path


def _month(value: str) -> str:
    import re

    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", value):
        raise argparse.ArgumentTypeError(f"{value!r} is not a month like 2026-10")
    return value


def cmd_db_upgrade(settings: Settings) -> int:
    import asyncio

    from storage.database import Database, settle

    async def upgrade() -> None:
        db = Database(settings.database_url)
        try:
            await db.upgrade()
        finally:
            await db.close()
            await settle()

    asyncio.run(upgrade())
    print("database is up to date")
    return 0


def cmd_health(settings: Settings) -> int:
    """For container health checks: one line, exit 0 or 1; never a driver's traceback."""
    import asyncio

    from bot.health import database_answers
    from storage.database import Database, settle

    missing = _missing_sqlite_file(settings.database_url)
    if missing is not None:
        print(f"unhealthy: there is no database at {missing}", file=sys.stderr)
        return EXIT_DATA

    async def probe() -> bool:
        db = Database(settings.database_url)
        try:
            return await database_answers(db)
        finally:
            await db.close()
            await settle()

    if asyncio.run(probe()):
        print("healthy: the database answers")
        return 0
    print("unhealthy: the database does not answer", file=sys.stderr)
    return EXIT_DATA


def cmd_links(engine: Engine, bot: str | None) -> int:
    from bot.links import PLACEHOLDER, USERNAME, all_links

    if bot is not None:
        bot = bot.removeprefix("@")
        if not USERNAME.fullmatch(bot):
            print(
                f"amicus links: {bot!r} is not a Telegram bot username "
                "(5-32 letters, digits or underscores, starting with a letter)",
                file=sys.stderr,
            )
            return EXIT_USAGE
    for link in all_links(engine):
        print(f"{link.url(bot or PLACEHOLDER)}\t{link.title_en}\t{link.title_zh}")
    return 0


def cmd_graph(engine: Engine, tree_id: str | None, fmt: str, lang: Lang) -> int:
    trees = engine.trees.trees
    if tree_id is None:
        width = max(len(t) for t in trees)
        for tree in trees.values():
            print(f"{tree.id:<{width}}  {tree.title(lang)}")
        return 0
    if tree_id not in trees:
        print(
            f"amicus graph: no walkthrough {tree_id!r}; known: {', '.join(trees)}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    draw = mermaid if fmt == "mermaid" else outline
    print(draw(trees[tree_id], lang, engine.ui))
    return 0


def cmd_lint() -> int:
    problems = check_knowledge()
    try:
        corpus = default_corpus()
    except DataError:
        corpus = None
    problems += check_conversations(corpus)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) found", file=sys.stderr)
        return EXIT_DATA
    assert corpus is not None
    trees = Engine(corpus).trees.trees
    nodes = sum(len(t.nodes) for t in trees.values())
    print(
        f"ok: {len(corpus.guidelines)} guidelines in {len(corpus.sections)} sections; "
        f"{len(trees)} walkthroughs with {nodes} nodes"
    )
    return 0


def _database_error(url: str, exc: BaseException) -> int:
    """One line an operator can act on, never a driver's traceback (or a password)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        shown = make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        shown = "(not a database URL)"
    reason = getattr(exc, "orig", None) or exc
    detail = str(reason).strip().splitlines()[0] if str(reason).strip() else ""
    print(
        f"amicus: cannot use the database AMICUS_DATABASE_URL={shown}: "
        f"{type(reason).__name__}{': ' + detail if detail else ''}",
        file=sys.stderr,
    )
    return EXIT_DATA


def _data_error(exc: DataError) -> int:
    print("amicus: the knowledge files are broken, so Amicus will not start:", file=sys.stderr)
    for problem in exc.problems:
        print(f"  {problem}", file=sys.stderr)
    return EXIT_DATA
