"""Loading YAML into pydantic models, with problems reported as ``file: field: problem``.

Every room of Amicus validates its own YAML at start-up with these helpers, so a broken
file stops the program before a judge ever sees a half-loaded menu.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)
# libyaml's parser is an order of magnitude faster, and start-up reads every YAML file.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Paths are shown relative to the folder that holds the packages, so that a message reads
# the same in a checkout and in site-packages: "knowledge/data/guidelines.yaml".
_PACKAGES_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Problem:
    file: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.message}"


class DataError(Exception):
    """One or more YAML files are broken; ``problems`` says where and how."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def display_path(path: Path) -> str:
    path = path.resolve()
    try:
        return str(path.relative_to(_PACKAGES_ROOT))
    except ValueError:
        return str(path)


def field_path(loc: Iterable[Any]) -> str:
    """('guidelines', 3, 'text', 'en') -> 'guidelines[3].text.en'"""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


def read_yaml(path: Path) -> Any:
    """Parse one YAML file; syntax errors become a DataError naming file and line."""
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError([Problem(shown, "(file)", "file not found")]) from None
    except UnicodeDecodeError as exc:
        raise DataError([Problem(shown, "(file)", f"not UTF-8 text ({exc.reason})")]) from None
    try:
        return yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "(yaml)"
        what = getattr(exc, "problem", None) or str(exc)
        raise DataError([Problem(shown, where, f"invalid YAML: {what}")]) from None


def load_model(path: Path, model: type[M]) -> M:
    """Read ``path`` and validate it as ``model``; every problem is reported at once."""
    data = read_yaml(path)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        shown = display_path(path)
        raise DataError(
            Problem(shown, field_path(err["loc"]), _message(err)) for err in exc.errors()
        ) from None


def _message(err: dict[str, Any]) -> str:
    msg = err["msg"]
    if err["type"] == "missing":
        return "is required but missing"
    if err["type"] == "extra_forbidden":
        return "is not a known field (misspelt?)"
    return msg.removeprefix("Value error, ")
