"""A walkthrough drawn for its reviewers: Mermaid flowchart or an indented outline."""

from __future__ import annotations

from knowledge import Lang

from .trees import Answer, Question, Tree
from .ui import UiText


def mermaid(tree: Tree, lang: Lang, ui: UiText) -> str:
    lines = ["flowchart TD", f"  %% {tree.id}: {_quote(tree.title(lang))}"]
    for node_id, node in tree.nodes.items():
        match node:
            case Answer():
                cites = ui.list_separator(lang).join(
                    ui.citation.format(lang, number=n) for n in node.cites
                )
                label = f"{_short(node.advice(lang))}<br/><b>{cites}</b>"
                if node.adviser:
                    label += "<br/>+ adviser"
                lines.append(f'  {node_id}(["{_quote(label)}"])')
            case Question():
                lines.append(f'  {node_id}{{"{_quote(node.ask(lang))}"}}')
    for node_id, node in tree.nodes.items():
        for option in node.options:
            lines.append(f'  {node_id} -->|"{_quote(option.label(lang))}"| {option.next}')
    lines.append(f"  style {tree.start} stroke-width:3px")
    return "\n".join(lines)


def outline(tree: Tree, lang: Lang, ui: UiText) -> str:
    """Every path as an indented outline; a node reached twice is written out twice."""
    lines = [f"{tree.title(lang)} ({tree.id})"]

    def walk(node_id: str, depth: int, label: str | None) -> None:
        node = tree.nodes[node_id]
        pad = "  " * depth
        arrow = f"[{label}] " if label else ""
        if isinstance(node, Answer):
            cites = ui.list_separator(lang).join(
                ui.citation.format(lang, number=n) for n in node.cites
            )
            lines.append(f"{pad}{arrow}=> {cites}: {_short(node.advice(lang))}")
            return
        lines.append(f"{pad}{arrow}? {node.ask(lang)}")
        for option in node.options:
            walk(option.next, depth + 1, option.label(lang))

    walk(tree.start, 1, None)
    return "\n".join(lines)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _quote(text: str) -> str:
    return text.replace('"', "#quot;")
