"""Engine replies as Telegram messages: escaped HTML, inline keyboards, 4096-character parts."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from conversations import Block, Reply, tokens

from .callbacks import encode

MAX_MESSAGE = 4096  # Telegram's limit on a message, in UTF-16 code units (units())


def units(text: str) -> int:
    """A text's length as Telegram counts it, in UTF-16 code units (an emoji is two)."""
    return len(text.encode("utf-16-le")) // 2


@dataclass(frozen=True)
class Part:
    html: str
    keyboard: InlineKeyboardMarkup | None = None


def block_html(block: Block) -> str:
    text = escape(block.text)
    heading = f"<b>{escape(block.heading)}</b>\n" if block.heading else ""
    match block.kind:
        case "notice":
            return f"<i>{text}</i>"
        case "note":
            return f"<i>{text}</i>"
        case "guideline":
            return f"{heading}<blockquote>{text}</blockquote>"
        case "citations":
            return f"<b>{text}</b>"
        case "tip":
            return f"{heading}<i>{text}</i>"
        case _:
            return heading + text


def keyboard(reply: Reply, version: str) -> InlineKeyboardMarkup | None:
    """One option a row, Back and Restart side by side at the bottom."""
    rows: list[list[InlineKeyboardButton]] = []
    controls: list[InlineKeyboardButton] = []
    for option in reply.options:
        button = InlineKeyboardButton(option.label, callback_data=encode(version, option.token))
        if tokens.is_control(option.token):
            controls.append(button)
        else:
            rows.append([button])
    if controls:
        rows.append(controls)
    return InlineKeyboardMarkup(rows) if rows else None


def render(reply: Reply, version: str) -> list[Part]:
    """The reply as one or more messages; the keyboard rides on the last one."""
    pieces = [f"<b>{escape(reply.title)}</b>"]
    for block in reply.blocks:
        html = block_html(block)
        if units(html) <= MAX_MESSAGE:
            pieces.append(html)
        else:  # only a very long guideline or advice text: split it on line or sentence ends
            pieces.extend(block_html(Block(block.kind, chunk)) for chunk in _chunks(block.text))
    parts: list[str] = []
    current = ""
    for piece in pieces:
        joined = f"{current}\n\n{piece}" if current else piece
        if units(joined) <= MAX_MESSAGE:
            current = joined
        else:
            parts.append(current)
            current = piece
    parts.append(current)
    board = keyboard(reply, version)
    return [Part(html, board if i == len(parts) - 1 else None) for i, html in enumerate(parts)]


def _chunks(text: str, budget: int = MAX_MESSAGE - 200) -> list[str]:
    """Split ``text`` so each escaped chunk fits a message, preferring line and sentence ends."""
    chunks: list[str] = []
    while units(escape(text)) > budget:
        window = text[:budget]
        cut = max(window.rfind("\n"), window.rfind("。"), window.rfind(". "))
        cut = cut + 1 if cut > budget // 2 else budget
        while units(escape(text[:cut])) > budget:  # escaping can lengthen the text
            cut -= 100
        chunks.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    if text:
        chunks.append(text)
    return chunks
