"""How long redaction takes (issue 13.3), run by hand:

    python bench/redact_bench.py [--rounds N]

1. Questions of at most 500 characters (the development and regression tables, and the
   router's held-out questions): p50, p99 and the slowest, per question, in-process CPU time.
   Target: p99 <= 2 ms.
2. Pathological 4,096-character inputs (a cue word followed by a long run of one or a few
   characters, the shapes of issue 9.1): the slowest. Target: <= 50 ms each.
3. The same through the worker process the bot uses (guard.Redactor): the round trip.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from redaction_eval import development_tables, load  # noqa: E402

from storage.redaction import redact  # noqa: E402
from storage.redaction.guard import Redactor  # noqa: E402
from storage.redaction.pipeline import prepare  # noqa: E402

CUES = [
    "car plate", "REG", "born on", "date of birth", "phone", "call me at", "case no", "username",
    "Judge ", "my clerk ", "attorney ", "I am the only judge in ", "my court", "P.O. Box ",
    "https://", "www.", "@", "+86 ", "No. ", "IBAN ", "电话", "住址", "律师", "我叫", "姓", "王某",
    "出生于", "北京市", "全县唯一的", "我在", "(2024)",
    # Issue 13.1, second round: handles, odd-case names, own courts and divisions.
    "my handle is ", "I post as ", "Telegram is ", "the plaintiff, ", "a witness named ",
    "I sit on the ", "Our ", "我们", "本院", "我是", "陈 ", "律师 ", "zhang ",
    # Round 3: appointment dates, births, divisions, lower-case streets, accounts "as".
    "I was appointed in ", "我2019年", "今年3月", "born in '", "b. ", "I sit in the ",
    "apt 12, 4 ", "posts as ", "plate, ", "Address: 1 ", "postcode ", "mr. ", "ID是", "账号：",
    "tag number ", "Court where I ", "我现在是",
    # Round 4: handles, European streets, dockets, numbers in words, units, nicknames.
    "u/", "12 rue ", "Calle ", "Via ", "Case 2023/", "five ", "Chamber, ", "Tribunal de ",
    "Dept. 2 of the ", "and I ", "我爱人的公司在", "我家", "法院第二", "THE DEFENDANT, ",
    # Round 5: lists, appositions, courts named place last, spelt counts, apps.
    "张伟、", "扎西，就是", "本名", "本院即", "老同学的公司在", "Court of Appeal of ",
    "Mary Smith and ", "Paris ", "14. Zivilkammer des ", "Venmo sent me ", "2024/FAM/",
    # Round 6: quoted screen names, platforms, families, kin and roles, circuits.
    "网名叫“", "微信 ", "the ", "弟弟", "法官助理", "my Ninth Circuit ",
]  # fmt: skip
RUNS = [" ", "1", "a", "A", ".", "1 ", "A ", "Ab ", "-", "市", "律师王", "王", "号", "1-", "a.",
        "x.com/", ", ", "John Smith, a lawyer. ", "13812345678 ",
        "a_", "庭", "民一庭", "王 ", "wei ", "Court ", "john smith, ", "法院",
        "Division ", "the ", "road ", "2019年", "in 2019 ", "x_", "I ", "Ab Cd ",
        "A-", "Aa-", "ÁB ", "Ab, ", "浩浩", "five, ", "Straße ", "10115 ",
        "周到、", "Ab and ", '"Ab" ', "one, two, ", "就是被告，", "Ab Cd of ",
        "Qwxz says hi. ", "x ", "x . ", "1 1 1 - ", "a1", "Smiths the ", "和王", "法",
        "Part 1 ", "Commercial Part 1 "]  # fmt: skip


def questions() -> list[str]:
    texts = [item["text"] for table in development_tables() for item in load(table)]
    data = ROOT / "tests" / "data"
    holdout = data / "router_holdout.yaml"
    if holdout.exists():
        texts += [q["text"] for q in yaml.safe_load(holdout.read_text())["questions"]]
    return [t for t in texts if len(t) <= 500]


def cpu_ms(text: str) -> float:
    started = time.process_time()
    redact(text)
    return (time.process_time() - started) * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5, help="times each question is redacted")
    args = parser.parse_args()
    prepare()
    redact("warm up: 律师李明 13812345678")
    texts = questions()
    times = sorted(cpu_ms(t) for _ in range(args.rounds) for t in texts)
    p99 = times[int(len(times) * 0.99) - 1]
    print(
        f"questions <= 500 chars: {len(texts)} x {args.rounds}: p50 {statistics.median(times):.2f}"
        f" ms, p99 {p99:.2f} ms, max {times[-1]:.2f} ms (target p99 <= 2 ms)"
    )
    worst = []
    for cue in CUES:
        for run in RUNS:
            text = (cue + run * 4096)[:4096]
            worst.append((min(cpu_ms(text) for _ in range(2)), cue, run))
    worst.sort(reverse=True)
    print(f"pathological 4,096-char inputs: {len(worst)}; slowest (target <= 50 ms):")
    for ms, cue, run in worst[:5]:
        print(f"  {ms:7.1f} ms  {cue!r} + {run!r} * n")
    redactor = Redactor(budget=30.0)
    try:
        redactor.redact("warm up")
        trips = []
        for text in texts:
            started = time.perf_counter()
            redactor.redact(text)
            trips.append((time.perf_counter() - started) * 1000)
        trips.sort()
        print(
            f"through the worker process (wall clock): p50 {statistics.median(trips):.2f} ms, "
            f"p99 {trips[int(len(trips) * 0.99) - 1]:.2f} ms"
        )
    finally:
        redactor.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
