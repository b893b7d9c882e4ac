"""How well the anonymiser does on a labelled table of texts.

    python bench/redaction_eval.py FILE [--misses]

FILE (YAML): ``version: 1`` and ``texts``, each with ``id``, ``lang`` (zh|en), ``kind``
(``clean`` for a text with nothing to redact), ``text``, ``identifiers`` (what must go) and
``keep`` (what the question is about, which must stay). Printed per kind and language:

- identifiers removed: an identifier counts as removed when its text, NFKC-normalised and
  case-folded, no longer occurs in the output (normalised the same way);
- clean texts unchanged: output == input, character for character;
- keep-phrases kept: each phrase (normalised the same way) still in the output.

The table of pinned cases (tests/data/redaction_cases.yaml: ``cases`` with ``id``, ``text``,
``identifiers``) is read too: a case without identifiers is a clean text, its language the
router's, its kind the prefix of its id.

``--misses`` also prints every surviving identifier, changed clean text and lost phrase.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from knowledge.textmatch import language
from storage.redaction import redact


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def share(hit: int, total: int) -> str:
    return f"{hit}/{total} ({hit / total:.1%})" if total else "-"


def from_cases(cases: list[dict]) -> list[dict]:
    """The pinned cases in this table's schema: no identifiers means a clean text."""
    return [
        {
            "id": case["id"],
            "lang": language(case["text"]),
            "kind": "clean" if not case.get("identifiers") else case["id"].rsplit("-", 1)[0],
            "text": case["text"],
            "identifiers": case.get("identifiers") or [],
        }
        for case in cases
    ]


def score(texts: list[dict]) -> tuple[dict[tuple[str, str], list[int]], list[str]]:
    """Per (kind, lang): [removed, identifiers, unchanged, clean, kept, phrases]; and the misses."""
    rows: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * 6)
    lost: list[str] = []
    for item in texts:
        text, kind, lang = item["text"], item["kind"], item["lang"]
        output = redact(text)
        row = rows[(kind, lang)]
        for identifier in item.get("identifiers") or []:
            gone = fold(identifier) not in fold(output)
            row[0] += gone
            row[1] += 1
            if not gone:
                lost.append(f"{item['id']}: kept identifier {identifier!r}: {output}")
        if kind == "clean":
            row[2] += output == text
            row[3] += 1
            if output != text:
                lost.append(f"{item['id']}: clean text changed: {output}")
        for phrase in item.get("keep") or []:
            kept = fold(phrase) in fold(output)
            row[4] += kept
            row[5] += 1
            if not kept:
                lost.append(f"{item['id']}: lost {phrase!r}: {output}")
    return rows, lost


DATA = Path(__file__).resolve().parents[1] / "tests" / "data"


def development_tables() -> list[Path]:
    """The tables the anonymiser is developed (tuned) on, the pinned cases last; never the
    held-out ones, which are measured once by hand."""
    return [*sorted(DATA.glob("redaction_dev*.yaml")), DATA / "redaction_cases.yaml"]


def load(path: Path) -> list[dict]:
    """The texts of a table in either schema; ValueError (or a YAML/OS error) when malformed."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    texts = data["texts"] if "texts" in data else from_cases(data["cases"])
    if data.get("version") != 1 or not isinstance(texts, list):
        raise ValueError("expected version: 1 and a list of texts")
    for item in texts:
        for field in ("id", "lang", "kind", "text"):
            if not isinstance(item.get(field), str):
                raise ValueError(f"text {item.get('id', '?')}: {field} missing or not text")
    return texts


def evaluate(texts: list[dict], misses: bool) -> None:
    rows, lost = score(texts)
    header = f"{'kind':<18}{'lang':<6}{'identifiers removed':<24}{'clean unchanged':<20}keep kept"
    print(header)
    print("-" * len(header))
    total = [0] * 6
    for (kind, lang), row in sorted(rows.items()):
        total = [a + b for a, b in zip(total, row, strict=True)]
        print(
            f"{kind:<18}{lang:<6}{share(row[0], row[1]):<24}{share(row[2], row[3]):<20}"
            f"{share(row[4], row[5])}"
        )
    for lang in sorted({lang for _, lang in rows}):
        part = [0] * 6
        for (_, row_lang), row in rows.items():
            if row_lang == lang:
                part = [a + b for a, b in zip(part, row, strict=True)]
        print(
            f"{'all':<18}{lang:<6}{share(part[0], part[1]):<24}{share(part[2], part[3]):<20}"
            f"{share(part[4], part[5])}"
        )
    print(
        f"{'all':<18}{'both':<6}{share(total[0], total[1]):<24}{share(total[2], total[3]):<20}"
        f"{share(total[4], total[5])}"
    )
    if misses:
        print()
        print("\n".join(lost) or "no misses")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--misses", action="store_true", help="print every miss")
    args = parser.parse_args(argv)
    try:
        texts = load(args.file)
    except (OSError, yaml.YAMLError, ValueError, KeyError, TypeError) as exc:
        print(f"redaction_eval: {args.file}: {exc}", file=sys.stderr)
        return 2
    evaluate(texts, args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
