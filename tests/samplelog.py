"""A generated 12-month question log, for the report's tests and for looking at a sample.

Checked in as a generator, not as data: the same seed gives the same log. Topics rise and
fall through the year (friend requests after the summer, insults around a contested
ruling, pseudonyms once a rule is announced), some are too small to publish in some months,
a few judges ask questions no guideline answers, and a fifth of the questions are typed in
Chinese. Redacted texts only, as the question log keeps them.

    .venv/bin/python tests/samplelog.py --out sample.html [--lang zh] [--png overview.png]
"""

from __future__ import annotations

import argparse
import asyncio
import math
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from storage.questionlog import months_before  # noqa: E402

# topic: (guidelines, walkthrough answer, English wordings, Chinese wordings, askers/month, shape)
TOPICS: dict[str, tuple] = {
    "friend_request": (
        (30, 28, 25),
        "friend_request:a_lawyer",
        [
            "a lawyer in my pending case sent me a friend request",
            "should I accept friend requests from lawyers",
            "a lawyer in my case sent me a friend request on [PLATFORM]",
        ],
        ["律师加我微信好友，他的案子在我这里", "要不要接受律师的好友申请"],
        26,
        "autumn",
    ),
    "online_insult": (
        (22, 34),
        "online_insult:a_noreply",
        [
            "someone insults me online after my ruling",
            "people are attacking me on social media about a judgment",
        ],
        ["判决后有人在网上骂我", "有人在微博上攻击我"],
        14,
        "spike",
    ),
    "delete_content": (
        (21, 26),
        "delete_content:a_pre_views",
        ["should I delete old posts from before I became a judge"],
        ["当法官以前发的帖子要不要删"],
        9,
        "flat",
    ),
    "following": (
        (6, 23),
        "following:a_echo",
        ["can I like a post about a court ruling", "is it a problem to follow political pages"],
        ["我可以给关于判决的帖子点赞吗"],
        11,
        "flat",
    ),
    "privacy_location": (
        (34, 32),
        "privacy_location:a_live",
        ["my family posts photos showing where we live"],
        ["家人发的照片暴露了我们的住址"],
        7,
        "summer",
    ),
    "case_comment": (
        (17, 30),
        "case_comment:a_party_msg",
        ["a party messaged me about my case"],
        ["当事人在网上给我发消息说案子的事"],
        8,
        "flat",
    ),
    "pseudonym": (
        (13, 12),
        "pseudonym:a_rules",
        ["can I use a pen name on social media"],
        ["我可以用化名发帖吗"],
        4,
        "late",
    ),
    "conduct_tone": (
        (18, 19),
        "conduct_tone:a_joke_ok",
        ["is a sarcastic joke about politics too much"],
        ["开政治玩笑合适吗"],
        5,
        "flat",
    ),
    "commercial": (
        (24, 5),
        "commercial:a_paid",
        ["a publisher wants to pay me to post about my book"],
        ["出版社想付钱让我推广新书"],
        3,
        "flat",
    ),
    "court_account": (
        (10, 11),
        "court_account:a_info",
        ["should our court open an official account"],
        ["我们法院要不要开官方账号"],
        6,
        "late",
    ),
    "out_of_scope": (
        (),
        None,
        ["how do I calculate my pension", "what is the parking policy at the courthouse"],
        ["法院停车怎么收费"],
        7,
        "flat",
    ),
}
TAILS = ["", "", "", "?", "!", " please", " — what do the guidelines say?"]


def _factor(shape: str, index: int) -> float:
    """How busy a topic is in month ``index`` (0 = eleven months before the last)."""
    if shape == "autumn":
        return 0.8 + 0.5 * max(0.0, math.sin((index - 7) / 3))
    if shape == "spike":
        return 2.2 if index in (8, 9) else 0.7
    if shape == "summer":
        return 1.4 if index in (6, 7, 8) else 0.6
    if shape == "late":
        return 0.3 if index < 6 else 1.6
    return 1.0


def sample_rows(last_month: str = "2026-10", months: int = 12, seed: int = 40) -> list[dict]:
    """Question-log rows (as the table stores them) for ``months`` months up to ``last_month``."""
    rng = random.Random(seed)
    rows = []
    for index in range(months):
        month = months_before(last_month, months - 1 - index)
        for topic, (guidelines, answer, en, zh, askers, shape) in TOPICS.items():
            count = max(1, round(askers * _factor(shape, index) * rng.uniform(0.8, 1.2)))
            for n in range(count):
                asker = f"{month}|{topic}|{n}"
                for _ in range(rng.choice((1, 1, 1, 2))):
                    chinese = rng.random() < 0.22
                    text = rng.choice(zh) if chinese else rng.choice(en) + rng.choice(TAILS)
                    rows.append(
                        {
                            "month": month,
                            "lang": "zh" if chinese else "en",
                            "text": text,
                            "guidelines": list(guidelines),
                            "topic": topic,
                            "answer": None,
                            "asker": asker,
                        }
                    )
                if answer and rng.random() < 0.45:
                    rows.append(
                        {
                            "month": month,
                            "lang": "en",
                            "text": None,
                            "guidelines": list(guidelines),
                            "topic": topic,
                            "answer": answer,
                            "asker": asker,
                        }
                    )
    return rows


async def fill(db, last_month: str = "2026-10", months: int = 12, seed: int = 40) -> int:
    from sqlalchemy import insert

    from storage.models import LoggedQuestion

    rows = sample_rows(last_month, months, seed)
    async with db.engine.begin() as connection:
        await connection.execute(insert(LoggedQuestion), rows)
    return len(rows)


async def _main(out: Path, lang: str, png: Path | None, month: str) -> None:
    import tempfile

    from bot.faqreport import render
    from bot.report import overview_png
    from conversations import Engine
    from storage.database import Database
    from storage.faqdigest import digest, trend

    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite:///{Path(tmp) / 'sample.db'}")
        await db.upgrade()
        await fill(db, month)
        faq = await digest(db, month, 5)
        months = await trend(db, month, 5)
        await db.close()
    engine = Engine()
    out.write_text(render(faq, engine, "html", lang, months), encoding="utf-8")
    if png is not None:
        png.write_bytes(overview_png(faq, months, engine, lang))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--lang", choices=("zh", "en"), default="en")
    parser.add_argument("--png", type=Path)
    parser.add_argument("--month", default="2026-10")
    args = parser.parse_args()
    asyncio.run(_main(args.out, args.lang, args.png, args.month))
