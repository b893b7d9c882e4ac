"""A month of 100,000 logged questions exported as the FAQ: time and peak memory.

Run by hand:  .venv/bin/python bench/faq_bench.py [--rows 100000] [--database URL]

Fills a fresh database (SQLite in a temporary folder by default) with one month of
redacted questions from 2,000 askers, written from templates across every topic with
random variations, so that clustering has real work; then times load + build + render
(Markdown) as `amicus faq export` did before months were frozen, and the HTML report as
`amicus faq export --format html` makes it now (build, freeze, 12-month trend, charts), each
in a fresh process with its peak resident memory; and the start-up of `amicus faq export`
on an empty month (md and html), the cost a user pays before any row is read.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

TEMPLATES = [
    ("friend_request", [30, 28], "a lawyer in my {case} sent me a friend request on {platform}"),
    (
        "friend_request",
        [28, 25],
        "should I accept friend requests from people I do not know on {platform}",
    ),
    ("online_insult", [22, 34], "someone keeps insulting me on {platform} after my {case}"),
    (
        "delete_content",
        [21, 26],
        "should I delete old posts on {platform} from before I became a judge",
    ),
    ("following", [6, 23], "I shared a post about a {topic} on {platform}, is that a problem"),
    ("privacy_location", [34, 32], "my family posts photos with our location on {platform}"),
    ("case_comment", [17, 30], "a party messaged me on {platform} about my {case}"),
    ("pseudonym", [13, 12], "can I use a pen name on {platform}"),
    ("conduct_tone", [18, 19], "is a sarcastic joke about {topic} on {platform} too much"),
    ("family_staff", [31, 34], "my clerk posts about hearings on {platform}"),
    ("commercial", [24, 5], "a publisher wants to pay me to post on {platform}"),
    ("court_account", [10, 11], "should our court open an official {platform} account"),
]
ZH = [
    ("friend_request", [30, 28], "[姓名]律师在{platform_zh}上加我好友，他代理的[案号]案在我这里"),
    ("online_insult", [22, 34], "有人在{platform_zh}上骂我，还说要找到我家"),
    ("delete_content", [21, 26], "当法官以前在{platform_zh}发的帖子要不要删"),
    ("following", [6, 23], "我在{platform_zh}转发了一篇关于{topic_zh}的文章"),
]
PLATFORMS = ["Facebook", "X", "LinkedIn", "Instagram", "TikTok", "WhatsApp", "Reddit"]
PLATFORMS_ZH = ["微信", "微博", "抖音", "小红书", "朋友圈", "知乎"]
CASES = ["pending case", "case", "trial", "appeal", "hearing"]
TOPICS = ["court ruling", "election", "new law", "strike", "celebrity trial"]
TOPICS_ZH = ["热点案件", "新法", "选举", "明星官司"]


def question(rng: random.Random) -> tuple[str, str, list[int], str]:
    if rng.random() < 0.4:
        topic, guidelines, template = rng.choice(ZH)
        text = template.format(platform_zh=rng.choice(PLATFORMS_ZH), topic_zh=rng.choice(TOPICS_ZH))
        return "zh", text, guidelines, topic
    topic, guidelines, template = rng.choice(TEMPLATES)
    text = template.format(
        platform=rng.choice(PLATFORMS), case=rng.choice(CASES), topic=rng.choice(TOPICS)
    )
    if rng.random() < 0.3:
        text += rng.choice([" please", " urgently", " — what do the guidelines say?", "?"])
    return "en", text, guidelines, topic


async def fill(url: str, rows: int) -> None:
    from sqlalchemy import insert

    from storage.database import Database
    from storage.models import LoggedQuestion

    db = Database(url)
    await db.upgrade()
    rng = random.Random(7)
    batch = []
    async with db.engine.begin() as connection:
        for i in range(rows):
            lang, text, guidelines, topic = question(rng)
            batch.append(
                {
                    "month": "2026-10",
                    "lang": lang,
                    "text": text,
                    "guidelines": guidelines,
                    "topic": topic,
                    "answer": None,
                    "asker": f"{rng.randrange(2000):064x}",
                }
            )
            if len(batch) == 5000 or i == rows - 1:
                await connection.execute(insert(LoggedQuestion), batch)
                batch = []
    await db.close()


EXPORT = """
import asyncio, json, resource, sys, time
sys.path.insert(0, {repo!r})
t0 = time.perf_counter()
from conversations import Engine
from bot.faqreport import render
from storage.database import Database
from storage.faq import build, load_month
async def main():
    db = Database({url!r})
    rows = await load_month(db, "2026-10")
    await db.close()
    t1 = time.perf_counter()
    faq = build("2026-10", rows, 5)
    t2 = time.perf_counter()
    text = render(faq, Engine(), "md", "en")
    t3 = time.perf_counter()
    return len(rows), len(faq.clusters), len(text), t1, t2, t3
n, clusters, size, t1, t2, t3 = asyncio.run(main())
print(json.dumps({{"rows": n, "clusters": clusters, "bytes": size, "load": t1 - t0,
    "build": t2 - t1, "render": t3 - t2, "total": t3 - t0,
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


EXPORT_HTML = """
import asyncio, json, resource, sys, time
sys.path.insert(0, {repo!r})
t0 = time.perf_counter()
from conversations import Engine
from bot.faqreport import render
from storage.database import Database
from storage.faqdigest import digest, trend
async def main():
    db = Database({url!r})
    faq = await digest(db, "2026-10", 5)
    t1 = time.perf_counter()
    months = await trend(db, "2026-10", 5)
    await db.close()
    t2 = time.perf_counter()
    text = render(faq, Engine(), "html", "en", months)
    t3 = time.perf_counter()
    return len(faq.clusters), len(text), t1, t2, t3
clusters, size, t1, t2, t3 = asyncio.run(main())
print(json.dumps({{"clusters": clusters, "bytes": size, "digest": t1 - t0, "trend": t2 - t1,
    "render": t3 - t2, "total": t3 - t0,
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def startup(url: str, fmt: str) -> float:
    """Wall time of `amicus faq export` on a month with no rows (best of 3)."""
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "bot", "faq", "export", "--month", "2025-10", "--format", fmt],
            capture_output=True,
            check=True,
            cwd=REPO,
            env={**os.environ, "AMICUS_DATABASE_URL": url},
        )
        best = min(best, time.perf_counter() - t)
    return best


def measured(script: str, url: str) -> dict:
    """Run one export script in a fresh process, as `amicus faq export` runs: its own peak
    memory; the script prints its figures as JSON."""
    out = subprocess.run(
        [sys.executable, "-c", script.format(repo=str(REPO), url=url)],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ,
    )
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--database", help="SQLAlchemy URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database or f"sqlite:///{Path(tmp) / 'faq.db'}"
        t = time.perf_counter()
        asyncio.run(fill(url, args.rows))
        print(f"filled {args.rows} rows in {time.perf_counter() - t:.1f} s")
        # The export in a fresh process, as `amicus faq export` runs: its own peak memory.
        r = measured(EXPORT, url)
        print(
            f"export of {r['rows']} questions: {r['total']:.2f} s "
            f"(imports+load {r['load']:.2f} s, build {r['build']:.2f} s, "
            f"render {r['render']:.2f} s); "
            f"{r['clusters']} clusters published; peak memory {r['peak_mb']:.0f} MB"
        )
        r = measured(EXPORT_HTML, url)
        print(
            f"html report (first export: build + freeze): {r['total']:.2f} s "
            f"(imports+load+build+freeze {r['digest']:.2f} s, trend {r['trend']:.2f} s, "
            f"render {r['render']:.2f} s); {r['bytes'] // 1024} KiB; "
            f"peak memory {r['peak_mb']:.0f} MB"
        )
        r = measured(EXPORT_HTML, url)
        print(f"html report (frozen month): {r['total']:.2f} s; peak memory {r['peak_mb']:.0f} MB")
        for fmt in ("md", "html"):
            elapsed = startup(url, fmt)
            print(f"start-up, amicus faq export --format {fmt} (empty month): {elapsed:.2f} s")


if __name__ == "__main__":
    main()
