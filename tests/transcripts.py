"""Driving ``amicus chat`` as a judge does: by typing the numbers of labelled options."""

from __future__ import annotations

import io
import re

from bot.console import run_chat


def chat(engine, lines: list[str], lang: str = "en") -> str:
    out = io.StringIO()
    assert run_chat(engine, lang, io.StringIO("".join(f"{x}\n" for x in lines)), out) == 0
    return out.getvalue()


def screens(transcript: str) -> list[str]:
    """The titles of the screens shown, in order."""
    return re.findall(r"^== (.*) ==$", transcript, flags=re.M)


def options(transcript: str) -> dict[str, str]:
    """The numbered options of the last screen shown."""
    last = last_screen(transcript)
    return dict(re.findall(r"^(\d+)\) (.*)$", last, flags=re.M))


def pick(engine, path: list[str], label: str, lang: str = "en") -> str:
    """The number of the option called ``label`` after following ``path``."""
    found = {v: k for k, v in options(chat(engine, path, lang)).items()}
    return found[label]


def path_to_guideline_30(engine, lang: str) -> list[str]:
    """The numbers a judge types to read guideline 30 by browsing."""
    labels = {
        "en": ["Browse the 40 guidelines", "Online friendships and relationships"],
        "zh": ["浏览全部40条指南", "线上友谊和关系"],
    }[lang]
    path: list[str] = []
    for label in [
        *labels,
        engine.ui.guideline_option.format(
            lang, number=30, title=engine.corpus.guideline(30).title(lang)
        ),
    ]:
        path.append(pick(engine, path, label, lang))
    return path


def by_labels(engine, labels: list[str], lang: str = "en") -> tuple[list[str], str]:
    """Type the numbers of the options called ``labels``, one screen after another."""
    path: list[str] = []
    for label in labels:
        path.append(pick(engine, path, label, lang))
    return path, chat(engine, path, lang)


def last_screen(transcript: str) -> str:
    """The text of the last screen shown, from its title to its options."""
    starts = [m.start() for m in re.finditer(r"^== .* ==$", transcript, flags=re.M)]
    return transcript[starts[-1] :]
