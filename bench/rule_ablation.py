"""What each name rule of the anonymiser adds: every table scored without it.

    python bench/rule_ablation.py [FILE ...] [--rules PREFIX ...]

For each rule (by default every name rule of storage/redaction/rules.py and the pipeline's
two steps that follow names already found), the tables are redacted with that rule left out
and the difference to the full anonymiser printed: identifiers it removes that nothing else
does, clean texts it changes, keep-phrases it costs. A rule that removes nothing and changes
clean text is one to drop; one that removes identifiers only on the table it was tuned on is
one to doubt.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from redaction_eval import development_tables, load, score  # noqa: E402

from storage.redaction import pipeline, rules  # noqa: E402


def totals(texts: list[dict]) -> tuple[list[int], set[str]]:
    rows, lost = score(texts)
    total = [sum(row[i] for row in rows.values()) for i in range(6)]
    return total, set(lost)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--rules", nargs="*", default=["zh-", "en-"], help="rule name prefixes")
    parser.add_argument("--misses", action="store_true", help="print what each rule changes")
    args = parser.parse_args(argv)
    files = args.files or development_tables()
    tables = {path.stem: load(path) for path in files}
    full = {name: totals(texts) for name, texts in tables.items()}
    names = [r.name for r in rules.RULES if r.name.startswith(tuple(args.rules))]
    steps = {"repeated-names": "_repeated_names", "coordinated-names": "_coordinated_names"}
    print(
        f"{'rule left out':<26}"
        + "".join(f"{name.removeprefix('redaction_'):>22}" for name in tables)
    )
    print(f"{'':<26}" + "".join(f"{'ids  clean  keep':>22}" for _ in tables))
    for name in [*names, *steps]:
        saved_rules = list(rules.RULES)
        saved_step = None
        if name in steps:
            saved_step = getattr(pipeline, steps[name])
            setattr(pipeline, steps[name], lambda work: [])
        else:
            rules.RULES[:] = [r for r in rules.RULES if r.name != name]
        try:
            cells, changed = [], []
            for table, texts in tables.items():
                total, lost = totals(texts)
                base, base_lost = full[table]
                # What the rule adds: identifiers removed and clean texts and phrases it costs.
                cells.append(
                    f"{base[0] - total[0]:+5d}{base[2] - total[2]:+7d}{base[4] - total[4]:+6d}"
                )
                # "+": a miss without the rule (what it catches); "-": one only with it.
                changed += [f"+ {line}" for line in sorted(lost - base_lost)]
                changed += [f"- {line}" for line in sorted(base_lost - lost)]
        finally:
            rules.RULES[:] = saved_rules
            if saved_step:
                setattr(pipeline, steps[name], saved_step)
        print(f"{name:<26}" + "".join(f"{cell:>22}" for cell in cells))
        if args.misses:
            for line in changed:
                print(f"    {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
