"""The question log and the monthly FAQ on both backends: k-anonymity, /forget, retention."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
from sqlalchemy import func, select
from stores import put, state_of

from storage.database import Database
from storage.faq import Row, build, load_month
from storage.models import LoggedQuestion
from storage.questionlog import QuestionLog, months_before, this_month

SECRET = b"question-log-test-secret-012345"
OCT = dt.date(2026, 10, 12)


async def count(db: Database) -> int:
    async with db.engine.connect() as connection:
        return await connection.scalar(select(func.count()).select_from(LoggedQuestion))


async def test_a_question_that_redaction_lengthens_is_still_kept(db):
    # Each two-character name becomes the four-character [姓名]: 4,096 characters grow.
    question = ("律师李明说，" * 700)[:4096]
    kept = await QuestionLog(db, SECRET).record_question(1, question, "zh", [30], None, OCT)
    assert len(kept.text) == 4096 and kept.text.endswith("…") and "李明" not in kept.text
    async with db.engine.connect() as connection:
        assert (await connection.execute(select(LoggedQuestion.text))).scalar_one() == kept.text


async def test_kept_text_is_redacted_and_the_asker_a_monthly_pseudonym(db):
    log = QuestionLog(db, SECRET)
    kept = await log.record_question(
        424242, "律师李明加我微信，电话13812345678", "zh", [30, 28], "friend_request", OCT
    )
    assert "李明" not in kept.text and "13812345678" not in kept.text
    async with db.engine.connect() as connection:
        row = (await connection.execute(select(LoggedQuestion))).one()
    assert row.month == "2026-10" and row.text == kept.text and row.guidelines == [30, 28]
    assert "424242" not in row.asker
    assert log.asker("2026-10", 424242) == row.asker
    assert log.asker("2026-11", 424242) != row.asker  # unlinkable across months


async def test_unkeep_only_ones_own_row(db):
    log = QuestionLog(db, SECRET)
    mine = await log.record_question(1, "a friend request from counsel", "en", [30], None, OCT)
    assert not await log.unkeep(2, mine.token)
    assert await log.unkeep(1, mine.token)
    assert not await log.unkeep(1, mine.token)
    assert await count(db) == 0


async def test_what_a_judge_is_shown_names_no_row_number(db):
    # Row ids are counted across all judges: a judge holding two would learn how many
    # questions others asked in between. The token a judge sees is random instead.
    log = QuestionLog(db, SECRET)
    first = await log.record_question(1, "a friend request from counsel", "en", [30], None)
    await log.record_question(2, "someone insults me online", "en", [22], None)
    second = await log.record_question(1, "may I like a post", "en", [6], None)
    async with db.engine.connect() as connection:
        ids = (await connection.execute(select(LoggedQuestion.id))).scalars().all()
    for kept in (first, second):
        assert len(kept.token) >= 12 and kept.token not in {str(i) for i in ids}
    assert first.token != second.token
    assert not await log.unkeep(1, str(min(ids)))  # a row number removes nothing
    assert await count(db) == 3


async def test_an_out_of_scope_question_is_kept_without_its_words(db):
    log = QuestionLog(db, SECRET)
    question = "Judge Wang here: when is my salary raised, and what sentence for theft?"
    kept = await log.record_question(5, question, "en", [12], "out_of_scope", OCT)
    assert kept.text is None and kept.out_of_scope and kept.lang == "en"
    async with db.engine.connect() as connection:
        row = (await connection.execute(select(LoggedQuestion))).one()
    assert (row.text, row.guidelines, row.topic, row.lang) == (None, [], "out_of_scope", "en")
    assert row.month == "2026-10"


async def test_a_judge_sees_this_months_kept_questions_and_removes_any(db):
    log = QuestionLog(db, SECRET)
    today = dt.date.today()
    last_month = dt.date.fromisoformat(months_before(today.strftime("%Y-%m"), 1) + "-15")
    await log.record_question(1, "asked last month about friends", "en", [30], None, last_month)
    first = await log.record_question(1, "律师李明加我微信", "zh", [30], "friend_request")
    await log.record_question(2, "someone else's question", "en", [22], None)
    out = await log.record_question(1, "what is my pension", "en", [], "out_of_scope")
    walk = await log.record_answer(1, "en", [30], "friend_request", "friend_request:a_party")
    listed = await log.kept(1)
    assert [k.token for k in listed] == [first.token, out.token, walk.token]
    assert listed[0].text == first.text and "李明" not in listed[0].text
    assert listed[1].out_of_scope and listed[2].answer == "friend_request:a_party"
    assert await log.unkeep(1, out.token)  # the middle one, not only the last
    assert [k.token for k in await log.kept(1)] == [first.token, walk.token]
    assert await log.kept(3) == []


async def test_an_update_handled_twice_is_kept_once(db):
    log = QuestionLog(db, SECRET)
    question = "a lawyer in my case sent me a friend request"
    first = await log.record_question(1, question, "en", [30], None, update_id=7001)
    again = await log.record_question(1, question, "en", [30], None, update_id=7001)
    assert again == first and await count(db) == 1
    await log.record_question(1, question, "en", [30], None, update_id=7002)  # asked anew
    await log.record_answer(1, "en", [30], "friend_request", "friend_request:a", update_id=7003)
    await log.record_answer(1, "en", [30], "friend_request", "friend_request:a", update_id=7003)
    assert await count(db) == 3
    async with db.engine.connect() as connection:
        keys = (await connection.execute(select(LoggedQuestion.update_key))).scalars().all()
    assert all(key and "700" not in key for key in keys)  # a keyed hash, not the id


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
async def test_questions_kept_before_the_upgrade_can_be_removed_after_it(backend, tmp_path):
    import contextlib

    from postgres import TemporaryDatabase, require_postgres
    from sqlalchemy import text

    async with contextlib.AsyncExitStack() as stack:
        if backend == "sqlite":
            url = f"sqlite:///{tmp_path / 'old.db'}"
        else:
            require_postgres()
            url = (await stack.enter_async_context(TemporaryDatabase())).url
        old = Database(url)
        stack.push_async_callback(old.close)
        await old.upgrade("0004")  # a deployment from before rows had tokens
        log = QuestionLog(old, SECRET)
        async with old.engine.begin() as connection:
            for question in ("a friend request from counsel", "may I like a post"):
                await connection.execute(
                    text(
                        "INSERT INTO question_log (month, lang, text, guidelines, asker) "
                        "VALUES (:m, 'en', :t, '[30]', :a)"
                    ),
                    {"m": this_month(), "t": question, "a": log.asker(this_month(), 1)},
                )
        await old.upgrade()
        listed = await log.kept(1)
        assert [k.text for k in listed] == ["a friend request from counsel", "may I like a post"]
        assert len({k.token for k in listed}) == 2 and all(len(k.token) >= 12 for k in listed)
        assert await log.unkeep(1, listed[0].token)
        assert [k.text for k in await log.kept(1)] == ["may I like a post"]


async def test_update_keys_are_dropped_once_their_month_is_over(db):
    log = QuestionLog(db, SECRET)
    await log.record_question(1, "q", "en", [1], None, dt.date(2026, 9, 3), update_id=1)
    await log.record_question(1, "q", "en", [1], None, dt.date(2026, 10, 3), update_id=2)
    await log.purge(24, today=dt.date(2026, 10, 20))
    async with db.engine.connect() as connection:
        rows = await connection.execute(select(LoggedQuestion.month, LoggedQuestion.update_key))
        keys = dict(rows.all())
    assert keys["2026-09"] is None and keys["2026-10"] is not None


async def test_forget_finds_every_month_of_the_judge_and_nobody_else(db):
    log = QuestionLog(db, SECRET)
    for month in (dt.date(2025, 1, 3), dt.date(2026, 6, 9), OCT):
        await log.record_question(7, "a lawyer sent me a friend request", "en", [30], None, month)
        await log.record_answer(7, "en", [30], "friend_request", "friend_request:a_party", month)
    await log.record_question(8, "someone insults me online", "en", [22], None, OCT)
    assert await log.forget(7) == 6
    assert await count(db) == 1


async def test_idle_sessions_are_forgotten(db):
    from storage.sessions import SessionStore

    store = SessionStore(db, SECRET)
    await put(store, 1, {"lang": "en", "stack": ["home"]})
    assert await store.purge(180, today=dt.date.today() + dt.timedelta(days=179)) == 0
    assert await store.purge(180, today=dt.date.today() + dt.timedelta(days=181)) == 1
    assert await state_of(store, 1) is None


async def test_retention_purges_old_months_only(db):
    log = QuestionLog(db, SECRET)
    for month in ("2024-10", "2024-11", "2026-10"):
        year, mon = map(int, month.split("-"))
        await log.record_question(1, "q", "en", [1], None, dt.date(year, mon, 1))
    assert await log.purge(24, today=dt.date(2026, 10, 20)) == 1  # 2024-10 is 25 months back
    assert await count(db) == 2


def test_the_faq_counts_questions_outside_the_guidelines():
    rows = [Row("en", None, (), "out_of_scope", None, f"a{i}") for i in range(6)]
    rows += [
        Row("en", "friend request from a lawyer", (30,), "friend_request", None, f"b{i}")
        for i in range(5)
    ]
    faq = build("2026-10", rows, 5)
    topics = {f.key: f.askers for f in faq.breakdowns["topic"].shown}
    assert topics.get("out_of_scope") == 6
    assert all(c.representative for c in faq.clusters)  # no empty quotation


def test_months_before():
    assert months_before("2026-01", 1) == "2025-12"
    assert months_before("2026-10", 23) == "2024-11"


# ------------------------------------------------------------------------- the FAQ


def rows_for(spec: dict[tuple[str, str, int], int]) -> list[Row]:
    """{(topic, lang, guideline): distinct askers} -> one question per asker."""
    out = []
    for (topic, lang, guideline), askers in spec.items():
        for i in range(askers):
            text = f"{topic} question number {i % 3}"
            out.append(Row(lang, text, (guideline,), topic, None, f"{topic}-{lang}-{i}"))
    return out


def every_count(faq) -> list[int]:
    return [f.askers for b in faq.breakdowns.values() for f in b.shown] + [
        c.askers for c in faq.clusters
    ]


@pytest.mark.parametrize("k", [2, 5, 10])
def test_no_published_figure_rests_on_fewer_than_k_askers(k):
    rows = rows_for(
        {
            ("friend_request", "zh", 30): 12,
            ("friend_request", "en", 30): 3,
            ("pseudonym", "en", 13): 1,
            ("online_insult", "zh", 22): 6,
            ("following", "zh", 6): 4,
        }
    )
    faq = build("2026-10", rows, k)
    assert all(askers >= k for askers in every_count(faq))


def test_a_withheld_group_cannot_be_recovered_by_subtraction():
    # Every topic is large enough, but the English questions (3 askers) are not: publishing
    # both topics in full would give the English count as total minus Chinese.
    rows = rows_for(
        {
            ("friend_request", "zh", 30): 8,
            ("online_insult", "zh", 22): 4,
            ("online_insult", "en", 22): 3,
        }
    )
    faq = build("2026-10", rows, 5)
    languages, topics = faq.breakdowns["language"], faq.breakdowns["topic"]
    assert [f.key for f in languages.shown] == ["zh"] and languages.withheld
    assert [f.key for f in topics.shown] == ["friend_request"] and topics.withheld
    # The best-guideline figures split the same questions: they may not be complete either.
    assert faq.breakdowns["guideline"].withheld
    assert faq.total is None


def test_guideline_figures_cannot_undo_the_suppression_either():
    # A judge alone in a topic, hidden there; the guideline figures must not reveal them.
    rows = rows_for({("friend_request", "zh", 30): 8, ("online_insult", "zh", 30): 6})
    rows.append(Row("en", "my pseudonym was found", (30,), "pseudonym", None, "alone"))
    faq = build("2026-10", rows, 5)
    assert faq.breakdowns["topic"].withheld and faq.breakdowns["guideline"].withheld
    assert all(f.key != "30" for f in faq.breakdowns["guideline"].shown)


def test_one_judges_particulars_are_never_the_published_question():
    detailed = (
        "I am the only judge of the northern maritime court and my brother, a lawyer, "
        "sent me a friend request"
    )
    rows = [Row("en", detailed, (30,), "friend_request", None, "particular")]
    rows += [
        Row("en", "a lawyer sent me a friend request", (30,), "friend_request", None, f"a{i}")
        for i in range(5)
    ]
    rows += [Row("en", "a lawyer sent me a friend request", (28,), "friend_request", None, "b")]
    faq = build("2026-10", rows, 5)
    (cluster,) = faq.clusters
    assert cluster.representative == "a lawyer sent me a friend request"
    assert 28 not in cluster.guidelines  # cited for one asker only


def test_no_shared_wording_no_quotation():
    rows = [
        Row(
            "en",
            f"friend request from counsel, variant {word}",
            (30,),
            "friend_request",
            None,
            f"a{i}",
        )
        for i, word in enumerate(["alpha", "beta", "gamma", "delta", "eps"])
    ]
    faq = build("2026-10", rows, 5)
    assert [c.representative for c in faq.clusters] in ([None], [])


def test_everything_published_when_every_group_is_large():
    rows = rows_for({("friend_request", "zh", 30): 6, ("online_insult", "en", 22): 5})
    faq = build("2026-10", rows, 5)
    assert faq.total is not None and faq.total.askers == 11
    assert not any(b.withheld for b in faq.breakdowns.values())


def test_similar_questions_cluster_with_a_representative():
    tails = ["", "", "!", "", ".", " on Facebook", " on LinkedIn", " yesterday"]
    rows = [
        Row(
            "en",
            f"A lawyer in my case sent me a friend request{tail}",
            (30,),
            "friend_request",
            None,
            f"a{i}",
        )
        for i, tail in enumerate(tails)
    ]
    faq = build("2026-10", rows, 5)
    (cluster,) = faq.clusters
    assert cluster.askers == 8 and cluster.guidelines[0] == 30
    # Five askers used these very words (case and punctuation aside); the variants joined
    # the cluster; the quote is the canonical form, not one asker's capitals or "!".
    assert cluster.representative == "a lawyer in my case sent me a friend request"


async def test_faq_export_cli_in_three_formats(db, tmp_path):
    log = QuestionLog(db, SECRET)
    for i in range(6):
        await log.record_question(
            100 + i,
            "a lawyer in my case sent me a friend request on X",
            "en",
            [30, 28],
            "friend_request",
            OCT,
        )
    await log.record_question(999, "my pseudonym was found out", "en", [13], "pseudonym", OCT)
    assert len(await load_month(db, "2026-10")) == 7
    url = (
        db.engine.url.render_as_string(hide_password=False)
        .replace("+aiosqlite", "")
        .replace("+asyncpg", "")
    )
    env = {"PATH": "/usr/bin:/bin", "AMICUS_DATABASE_URL": url}

    def export(*args: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "bot", "faq", "export", "--month", "2026-10", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    md = export("--format", "md", "--lang", "en")
    assert md.startswith("# Amicus anonymised FAQ: 2026-10")
    assert "«a lawyer in my case sent me a friend request on x»" in md
    assert "Guideline 30 · Friend requests from parties and lawyers" in md
    assert "pseudonym" not in md.lower()  # one asker: not published anywhere
    assert "not binding" in md
    data = json.loads(export("--format", "json"))
    assert data["min_askers"] == 5 and data["total"] is None
    assert data["clusters"][0]["askers_at_least"] == 5 and "askers" not in data["clusters"][0]
    csv = export("--format", "csv")
    assert csv.splitlines()[0] == "month,breakdown,key,questions,askers"
    assert "pseudonym" not in csv
    out = tmp_path / "faq.md"
    export("--out", str(out))
    assert out.read_text(encoding="utf-8").startswith("# Amicus anonymised FAQ")
    running = dt.date.today().strftime("%Y-%m")
    refused = subprocess.run(
        [sys.executable, "-m", "bot", "faq", "export", "--month", running],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert refused.returncode == 2 and "has not ended yet" in refused.stderr


async def test_the_monthly_job_sends_last_months_report_to_every_admin(tmp_path):
    from types import SimpleNamespace

    from bot.faqjobs import monthly_faq
    from conversations import Engine

    sent = []

    class Bot:
        async def send_document(self, chat_id, document, filename, caption):
            sent.append((chat_id, filename, document))
            if chat_id == 2:
                raise OSError("this admin blocked the bot")  # the others still get it

        async def send_photo(self, chat_id, photo, caption):
            sent.append((chat_id, "photo", photo))

    from stores import services_for

    database = Database(f"sqlite:///{tmp_path / 'jobs.db'}")
    await database.upgrade()
    last_month = months_before(dt.date.today().strftime("%Y-%m"), 1)
    services = services_for(database, Engine(), AMICUS_ADMIN_IDS="1,2,3")
    context = SimpleNamespace(
        bot=Bot(), application=SimpleNamespace(bot_data={"services": services})
    )
    await monthly_faq(context)
    await database.close()
    page = f"amicus-faq-{last_month}.html"
    assert [(chat, name) for chat, name, _ in sent] == [
        (1, page),
        (1, "photo"),
        (2, page),
        (3, page),
        (3, "photo"),
    ]
    assert sent[0][2].decode().startswith("<!DOCTYPE html>")
    assert f"Amicus anonymised FAQ: {last_month}" in sent[0][2].decode()
    assert sent[1][2].startswith(b"\x89PNG\r\n")
