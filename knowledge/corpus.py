"""The guideline corpus: loaded once, validated whole, then read-only."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .schema import Guideline, GuidelinesFile, Preamble, Section
from .validation import DataError, Problem, display_path, load_model

DATA_DIR = Path(__file__).resolve().parent / "data"
GUIDELINE_COUNT = 40
SECTION_COUNT = 6


@dataclass(frozen=True)
class Corpus:
    sections: tuple[Section, ...]
    guidelines: dict[int, Guideline]
    preamble: Preamble

    def guideline(self, number: int) -> Guideline:
        return self.guidelines[number]

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)

    def in_section(self, section_id: str) -> list[Guideline]:
        return [g for g in self.guidelines.values() if g.section == section_id]


def load_corpus(data_dir: Path = DATA_DIR) -> Corpus:
    """Load and check ``guidelines.yaml`` and ``preamble.yaml``; raise DataError if broken."""
    problems: list[Problem] = []
    guidelines_path = data_dir / "guidelines.yaml"
    preamble_path = data_dir / "preamble.yaml"
    parsed: dict[str, object] = {}
    for key, path, model in (
        ("guidelines", guidelines_path, GuidelinesFile),
        ("preamble", preamble_path, Preamble),
    ):
        try:
            parsed[key] = load_model(path, model)
        except DataError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DataError(problems)

    gfile = parsed["guidelines"]
    assert isinstance(gfile, GuidelinesFile)
    preamble = parsed["preamble"]
    assert isinstance(preamble, Preamble)
    problems.extend(_consistency(gfile, display_path(guidelines_path)))
    if problems:
        raise DataError(problems)

    return Corpus(
        sections=tuple(gfile.sections),
        guidelines={g.number: g for g in sorted(gfile.guidelines, key=lambda g: g.number)},
        preamble=preamble,
    )


def _consistency(gfile: GuidelinesFile, shown: str) -> list[Problem]:
    """What a schema cannot say: each guideline once, known sections, in order."""
    problems = []
    section_ids = [s.id for s in gfile.sections]
    for i, sid in enumerate(section_ids):
        if sid in section_ids[:i]:
            problems.append(Problem(shown, f"sections[{i}].id", f"duplicate section id {sid!r}"))
    if len(gfile.sections) != SECTION_COUNT:
        problems.append(
            Problem(
                shown, "sections", f"expected {SECTION_COUNT} sections, found {len(section_ids)}"
            )
        )
    seen: dict[int, int] = {}
    for i, g in enumerate(gfile.guidelines):
        if g.number in seen:
            problems.append(
                Problem(
                    shown,
                    f"guidelines[{i}].number",
                    f"guideline {g.number} already given at guidelines[{seen[g.number]}]",
                )
            )
        seen.setdefault(g.number, i)
        if g.section not in section_ids:
            problems.append(
                Problem(shown, f"guidelines[{i}].section", f"unknown section {g.section!r}")
            )
    missing = sorted(set(range(1, GUIDELINE_COUNT + 1)) - set(seen))
    if missing:
        problems.append(
            Problem(shown, "guidelines", f"missing guideline(s) {', '.join(map(str, missing))}")
        )
    # Sections are read in order, so a guideline filed under an earlier section is a slip.
    order = {sid: i for i, sid in enumerate(section_ids)}
    ranks = [order.get(g.section, -1) for g in sorted(gfile.guidelines, key=lambda g: g.number)]
    for sid in section_ids:
        if order[sid] not in ranks:
            problems.append(Problem(shown, "sections", f"section {sid!r} has no guidelines"))
    if ranks != sorted(ranks):
        problems.append(
            Problem(shown, "guidelines", "guidelines are not grouped by section in number order")
        )
    return problems


@cache
def default_corpus() -> Corpus:
    return load_corpus()
