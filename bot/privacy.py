"""What is kept, said per face: the privacy screen's own paragraph and the list of kept items.

The engine's privacy screen says what Amicus keeps whatever the face; only the face knows
where its words travel (Telegram's servers, or nowhere but this computer) and where the
database lives, so each face adds that paragraph. Both faces list kept items the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from sqlalchemy.engine import make_url

from conversations import Block, Reply
from conversations.menu import PRIVACY
from conversations.ports import KeptItem as Kept
from conversations.trees import TreeSet
from conversations.ui import UiText
from knowledge import Lang
from storage import sqlite_file

LISTED = 10  # the latest items /kept shows; /forget reaches the rest
ITEM_CHARS = 300  # a long question is shown cut, so the list fits one message


def with_face(reply: Reply, paragraph: str) -> Reply:
    """The privacy screen with this face's own paragraph after the common one."""
    if reply.screen != PRIVACY:
        return reply
    return replace(reply, blocks=(*reply.blocks, Block("text", paragraph)))


def database_place(url: str, ui: UiText, lang: Lang) -> str:
    """Where the question log of ``url`` is, as a judge can find it: the SQLite file's full
    path, or the database and its server (never the password)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_file(url)
        shown = str(path.resolve()) if path is not None else parsed.database or ":memory:"
        return ui.privacy_where_file.format(lang, path=shown)
    host = parsed.host or "localhost"
    if parsed.port:
        host = f"{host}:{parsed.port}"
    return ui.privacy_where_server.format(lang, database=parsed.database or "", host=host)


def language_name(ui: UiText, code: str, lang: Lang) -> str:
    return (ui.language_name_zh if code == "zh" else ui.language_name_en)(lang)


def kept_notice(ui: UiText, kept: Kept, lang: Lang, text: str | None = None) -> str:
    """What the judge is told right after a question: exactly what was kept of it."""
    if kept.out_of_scope:
        return ui.kept_out_of_scope.format(lang, language=language_name(ui, kept.lang, lang))
    return ui.kept_notice.format(lang, text=kept.text if text is None else text)


def kept_list(
    ui: UiText,
    trees: TreeSet,
    items: list[Kept],
    lang: Lang,
    hint: str,
    fits: Callable[[str], bool] = lambda text: True,
) -> tuple[str, list[tuple[int, Kept]]]:
    """This month's kept items, numbered from the first, the latest LISTED of them shown;
    the text and the (number, item) pairs shown. ``fits`` says whether the text fits the
    face's message: long questions are cut further until it does."""
    if not items:
        return ui.kept_none(lang), []
    shown = list(enumerate(items, 1))[-LISTED:]
    limit = ITEM_CHARS
    while True:
        lines = [ui.kept_title(lang)]
        lines += [describe(ui, trees, item, number, lang, limit) for number, item in shown]
        if len(items) > len(shown):
            lines.append(ui.kept_more.format(lang, count=len(items) - len(shown)))
        lines.append(hint)
        text = "\n".join(lines)
        if fits(text) or limit <= 10:
            return text, shown
        limit //= 2


def describe(ui: UiText, trees: TreeSet, item: Kept, number: int, lang: Lang, limit: int) -> str:
    if item.answer is not None:
        tree = trees.trees.get(item.answer.split(":")[0])
        title = tree.title(lang) if tree is not None else item.answer.split(":")[0]
        return ui.kept_item_answer.format(lang, number=number, title=title)
    if item.out_of_scope or item.text is None:
        language = language_name(ui, item.lang, lang)
        return ui.kept_item_out_of_scope.format(lang, number=number, language=language)
    text = item.text if len(item.text) <= limit else item.text[: limit - 1] + "…"
    return ui.kept_item_question.format(lang, number=number, text=text)
