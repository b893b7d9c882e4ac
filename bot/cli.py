"""The ``amicus`` command line (contracts in DESIGN.md)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from conversations import Engine
from conversations.checks import check as check_conversations
from conversations.diagram import mermaid, outline
from knowledge import DataError, Lang, default_corpus
from knowledge.corpus import GUIDELINE_COUNT
from knowledge.corpus import check as check_knowledge

EXIT_USAGE = 2
EXIT_DATA = 1


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

    graph = commands.add_parser("graph", help="list the walkthroughs, or draw one")
    graph.add_argument("tree", nargs="?", help="a walkthrough id (see 'amicus graph')")
    graph.add_argument("--format", choices=("mermaid", "outline"), default="mermaid")
    _add_lang(graph)
    return parser


def _add_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang", choices=("zh", "en"), default=None, help="language (default: from the locale)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    args = build_parser().parse_args(argv)
    lang: Lang = getattr(args, "lang", None) or default_lang()
    if args.command == "lint":
        return cmd_lint()
    try:
        engine = Engine()
    except DataError as exc:
        return _data_error(exc)
    if args.command == "guideline":
        return cmd_guideline(engine, args.number, lang)
    if args.command == "graph":
        return cmd_graph(engine, args.tree, args.format, lang)
    if args.command == "chat":
        from bot.console import run_chat

        return run_chat(engine, lang)
    raise AssertionError(args.command)  # argparse admits no other command


def cmd_guideline(engine: Engine, raw: str, lang: Lang) -> int:
    number = int(raw) if raw.strip().isdigit() else None
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


def _data_error(exc: DataError) -> int:
    print("amicus: the knowledge files are broken, so Amicus will not start:", file=sys.stderr)
    for problem in exc.problems:
        print(f"  {problem}", file=sys.stderr)
    return EXIT_DATA
