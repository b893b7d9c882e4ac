"""The anonymiser's word lists, shipped as YAML beside the code (``data/``)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from knowledge.validation import read_yaml


@cache
def load(name: str) -> dict[str, Any]:
    """The mapping in ``data/<name>.yaml``."""
    # Through the project's YAML reader: libyaml, and a broken file named with its line.
    return read_yaml(Path(str(resources.files(__package__).joinpath("data", f"{name}.yaml"))))


def words(name: str, key: str) -> list[str]:
    """A whitespace-separated word list, in its file's order."""
    return load(name)[key].split()


def chars(name: str, key: str) -> str:
    """A character list: every character counts on its own (whitespace is layout)."""
    return "".join(load(name)[key].split())


@cache
def lines(name: str) -> frozenset[str]:
    """The words of ``data/<name>.txt``, one a line; lines starting with # are comments."""
    text = resources.files(__package__).joinpath("data", f"{name}.txt").read_text("utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))
