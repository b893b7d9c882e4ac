"""Router speed: p50/p99 latency per question (routed; and read whole by the understanding:
routed, split, walked), questions per second, `amicus ask` start-up.

Run by hand:  .venv/bin/python bench/route_bench.py [QUESTIONS.yaml ...]
Defaults to the shared development questions and the project's held-out set. Each question
is routed REPEAT times in one process after a warm-up pass; start-up is the wall time of
`amicus ask "…" --json` as a fresh process, best and median of RUNS.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
DEFAULTS = [
    REPO.parent / "shared" / "eval" / "dev_questions.yaml",
    REPO / "tests" / "data" / "router_holdout.yaml",
]


def questions(paths: list[Path]) -> list[str]:
    out: list[str] = []
    for path in paths:
        if path.exists():
            out += [q["text"] for q in yaml.safe_load(path.read_text("utf-8"))["questions"]]
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULTS)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    sys.path.insert(0, str(REPO))
    t0 = time.perf_counter()
    from conversations.routing import default_router

    router = default_router()
    load = time.perf_counter() - t0
    texts = questions(args.files)
    for text in texts:  # warm-up: first-touch costs are start-up, not per question
        router.route(text)
    latencies = []
    start = time.perf_counter()
    for _ in range(args.repeat):
        for text in texts:
            t = time.perf_counter()
            router.route(text)
            latencies.append(time.perf_counter() - t)
    total = time.perf_counter() - start
    latencies.sort()
    cold = []
    for text in texts[:50]:  # a fresh router's typo cache is empty: the first sight of a text
        router = type(router)(router.corpus, router.lexicon, router.index.documents)
        t = time.perf_counter()
        router.route(text)
        cold.append(time.perf_counter() - t)
    cold.sort()

    def pct(values: list[float], p: float) -> float:
        return values[min(len(values) - 1, int(p * len(values)))] * 1000

    # The same texts read whole, as the engine reads a typed message: routed, split into
    # dilemmas, and walked (issue 12); the difference with the warm latency is its cost.
    from conversations.trees import default_trees
    from conversations.understanding import Understanding

    router = default_router()
    understanding = Understanding(default_trees(), router)
    for text in texts:
        understanding.read(text)
    understood = []
    for _ in range(args.repeat):
        for text in texts:
            t = time.perf_counter()
            understanding.read(text)
            understood.append(time.perf_counter() - t)
    understood.sort()

    print(f"questions: {len(texts)} x {args.repeat}")
    print(f"router load (in process): {load * 1000:.0f} ms")
    print(f"latency warm: p50 {pct(latencies, 0.50):.3f} ms  p99 {pct(latencies, 0.99):.3f} ms")
    print(
        f"latency understood (route + split + walk): p50 {pct(understood, 0.50):.3f} ms  "
        f"p99 {pct(understood, 0.99):.3f} ms"
    )
    print(f"latency first sight: p50 {pct(cold, 0.50):.3f} ms  p99 {pct(cold, 0.99):.3f} ms")
    print(f"throughput: {len(latencies) / total:.0f} questions/s (one process, one core)")

    amicus = [sys.executable, "-m", "bot", "ask", "律师加我微信好友，可以通过吗？", "--json"]
    walls = []
    for _ in range(args.runs):
        t = time.perf_counter()
        subprocess.run(amicus, cwd=REPO, check=True, capture_output=True)
        walls.append(time.perf_counter() - t)
    print(
        f"amicus ask start-up (fresh process): best {min(walls) * 1000:.0f} ms  "
        f"median {statistics.median(walls) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
