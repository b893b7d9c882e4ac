"""The monthly FAQ as the ethics office receives it: frozen months, every format, the HTML
report's figures held to the k-rule in every month it shows."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from collections import defaultdict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from samplelog import fill, sample_rows

from bot.cli import FAQ_FORMATS as FORMATS
from bot.faqreport import render
from storage.faq import Row, build, load_month
from storage.faqdigest import TrendMonth, digest, trend
from storage.questionlog import QuestionLog, months_before

SECRET = b"faq-report-test-secret-0123456789"
OCT = dt.date(2026, 10, 12)


async def export(db, engine, month: str, fmt: str, k: int = 5, lang: str = "en") -> bytes:
    """What `amicus faq export` writes, in process."""
    faq = await digest(db, month, k)
    return render(faq, engine, fmt, lang, await trend(db, month, k)).encode("utf-8")


# ---------------------------------------------------------------- 9.2: a frozen month


async def test_an_erasure_changes_no_later_export_of_an_ended_month(db, engine):
    log = QuestionLog(db, SECRET)
    for i in range(5):
        await log.record_question(
            100 + i, "a lawyer sent me a friend request", "en", [30], "friend_request", OCT
        )
    # The observed leak: one judge's three Chinese friend-request questions. With four
    # other Chinese askers they make the Chinese figure publishable; without them, not.
    judge = 42
    for text in ("律师加我微信好友", "律师加我好友怎么办", "律师在朋友圈加我"):
        await log.record_question(judge, text, "zh", [30], "friend_request", OCT)
    for i in range(4):
        await log.record_question(200 + i, "律师加我微信好友", "zh", [30], "friend_request", OCT)
    before = {fmt: await export(db, engine, "2026-10", fmt) for fmt in FORMATS}
    assert b"Chinese" in before["html"] and b'"zh"' in before["json"]

    assert await log.forget(judge) == 3  # erasure still erases the judge's rows
    after = {fmt: await export(db, engine, "2026-10", fmt) for fmt in FORMATS}
    assert after == before
    # Rebuilt from the rows, the month would now differ: the freeze is what holds it.
    rebuilt = build("2026-10", await load_month(db, "2026-10"), 5)
    assert render(rebuilt, engine, "md", "en").encode() != before["md"]


async def test_the_nightly_job_freezes_the_month_that_has_just_ended(db, engine):
    from stores import services_for

    from bot.faqjobs import purge

    last_month = months_before(dt.date.today().strftime("%Y-%m"), 1)
    day = dt.date.fromisoformat(f"{last_month}-15")
    log = QuestionLog(db, SECRET)
    for i in range(6):
        await log.record_question(i, "can I use a pen name", "en", [13], "pseudonym", day)
    await purge(services_for(db, engine))  # at start, and every night
    await log.forget(0)  # one judge of six leaves: the pseudonym topic would fall below k
    page = await export(db, engine, last_month, "md")
    assert b"Pseudonyms" in page and b"6 questions, 6 askers" in page


async def test_a_running_month_is_never_frozen(db):
    with pytest.raises(ValueError, match="has not ended"):
        await digest(db, dt.date.today().strftime("%Y-%m"), 5)


# ---------------------------------------------------------------- 9.6 and 9.8


def unanswered(k: int = 5) -> list[Row]:
    """k askers, similar out-of-scope questions, no wording in common, no guideline."""
    words = ["tomorrow", "next week", "in spring", "this year", "after the holidays", "soon"]
    return [
        Row("en", f"how do I calculate my court pension {w}", (), "out_of_scope", None, f"p{i}")
        for i, w in enumerate(words[:k])
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_similar_unanswered_questions_with_no_shared_wording_in_every_format(engine, fmt):
    faq = build("2026-10", unanswered(), 5)
    (cluster,) = faq.clusters
    assert cluster.representative is None and cluster.guidelines == ()
    out = render(faq, engine, fmt, "en", [TrendMonth("2026-10", faq)])
    if fmt in ("md", "html"):
        assert "Questions the guidelines do not address" in out
        assert "pension" not in out  # no single asker's words
    zh = render(faq, engine, fmt, "zh", [TrendMonth("2026-10", faq)])
    if fmt in ("md", "html"):
        assert "指南未涉及的问题" in zh


def test_the_quote_is_the_canonical_form_not_one_askers_variant(engine):
    variant = "May I follow my clerk on X?! 🇲🇹🏝️⚓"
    rows = [Row("en", variant, (23,), "following", None, "flag")]
    rows += [
        Row("en", text, (23,), "following", None, f"a{i}")
        for i, text in enumerate(
            [
                "may I follow my clerk on X",
                "May I follow my clerk on x?",
                "MAY I FOLLOW MY CLERK ON X",
            ]
            + ["may i follow my clerk on x."] * 2
        )
    ]
    faq = build("2026-10", rows, 5)
    (cluster,) = faq.clusters
    assert cluster.representative == "may i follow my clerk on x"
    for fmt in FORMATS:
        out = render(faq, engine, fmt, "en", [TrendMonth("2026-10", faq)])
        assert "may i follow my clerk on x" in out
        assert "🏝" not in out and "?!" not in out and "MAY I" not in out


def test_placeholders_stay_placeholders_in_the_canonical_form():
    rows = [
        Row("en", text, (30,), "friend_request", None, f"a{i}")
        for i, text in enumerate(
            ["[NAME], a lawyer, sent me a request"] * 3 + ["[name] a lawyer sent me a request!"] * 2
        )
    ]
    (cluster,) = build("2026-10", rows, 5).clusters
    assert cluster.representative == "[NAME] a lawyer sent me a request"


# ---------------------------------------------------------------- the k-rule, in every figure

BREAKDOWNS = ("topic", "language", "guideline", "walkthrough")
_FIGURE = re.compile(r'data-figure="([^"]+)">([^<]*)<')
_SVG = re.compile(r'<g id="([\w-]+):([^"|]+\|[^"|]+\|[^"]+)">\s*(?:<text[^>]*>([^<]*)</text>)?')


def key_of(breakdown: str, row: Row) -> str:
    if breakdown == "topic":
        return row.topic or "general"
    if breakdown == "language":
        return row.lang
    if breakdown == "guideline":
        return str(row.guidelines[0]) if row.guidelines else "none"
    return (row.answer or "").split(":")[0]


def raw_cells(rows: list[Row], month_rows: dict[str, list[Row]]) -> dict:
    """(breakdown, month, key) -> (questions, distinct askers), straight from the log."""
    del rows
    cells: dict = {}
    for month, members in month_rows.items():
        for b in BREAKDOWNS:
            wanted = [r for r in members if (r.answer is not None) == (b == "walkthrough")]
            wanted = [r for r in wanted if b == "walkthrough" or r.text is not None]
            askers: dict[str, set] = defaultdict(set)
            questions: dict[str, int] = defaultdict(int)
            for r in wanted:
                askers[key_of(b, r)].add(r.asker)
                questions[key_of(b, r)] += 1
            for key in askers:
                cells[(b, month, key)] = (questions[key], len(askers[key]))
    return cells


def figures_in(page: str) -> list[tuple[str, str, str, str, str | None]]:
    """Every figure the page shows: (where, breakdown, month, key, text shown)."""
    out = []
    for ident, text in _FIGURE.findall(page):
        b, month, key = ident.split("|", 2)
        out.append(("html", b, month, key, text))
    for chart, ident, text in _SVG.findall(page):
        b, month, key = ident.split("|", 2)
        out.append((chart, b, month, key, text or None))
    return out


def assert_k_rule(page: str, rows: list[Row], k: int) -> None:
    month_rows: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        month_rows[r.month].append(r)  # type: ignore[attr-defined]
    cells = raw_cells(rows, month_rows)
    plotted: dict[tuple[str, str], set[str]] = defaultdict(set)
    for where, b, month, key, text in figures_in(page):
        if b == "clusters":
            continue
        if b == "total":
            # Only when no group of the month is withheld anywhere.
            assert all(a >= k for (_, m, _), (_, a) in cells.items() if m == month), where
            continue
        if key == "inside-published":  # a sum of published figures only
            continue
        if b == "share":
            b = "topic"
        questions, askers = cells[(b, month, key)]
        assert askers >= k, f"{where}: {b} {key} in {month} rests on {askers} askers"
        if text and re.fullmatch(r"[\d,]+", text.strip()):
            assert int(text.replace(",", "")) == questions, (where, b, month, key)
        plotted[(b, month)].add(key)
    # Subtraction: where a month withholds anything, no breakdown of it is complete.
    for (b, month), keys in plotted.items():
        if b == "walkthrough":
            continue
        same = [c for c in cells if c[1] == month and c[0] != "walkthrough"]
        if any(cells[c][1] < k for c in same):
            everything = {c[2] for c in same if c[0] == b}
            assert keys < everything, f"{b} in {month}: complete although a group is withheld"


TOPICS = {
    "friend_request": ((30, 28), "a lawyer sent me a friend request", "律师加我好友"),
    "online_insult": ((22,), "someone insults me online", "有人在网上骂我"),
    "pseudonym": ((13,), "can I use a pen name", "我可以用化名吗"),
    "out_of_scope": ((), "how do I calculate my pension", "退休金怎么算"),
}
MONTHS = ("2026-08", "2026-09", "2026-10")


@st.composite
def logs(draw):
    k = draw(st.sampled_from([2, 3, 5]))
    entries = draw(
        st.lists(
            st.tuples(
                st.sampled_from(MONTHS),
                st.integers(0, 14),  # asker within the month
                st.sampled_from(sorted(TOPICS)),
                st.sampled_from(["en", "zh"]),
                st.sampled_from(["", "!", " please", " tomorrow", " again today"]),
                st.booleans(),  # also reached a walkthrough answer
            ),
            max_size=90,
        )
    )
    rows = []
    for month, asker, topic, lang, tail, answered in entries:
        guidelines, en, zh = TOPICS[topic]
        text = (en if lang == "en" else zh) + tail
        who = f"{month}-{asker}"
        row = Row(lang, text, guidelines, topic, None, who)
        rows.append(_in_month(row, month))
        if answered and guidelines:
            answer = Row(lang, None, guidelines, topic, f"{topic}:a_end", who)
            rows.append(_in_month(answer, month))
    return k, rows


def _in_month(row: Row, month: str) -> Row:
    object.__setattr__(row, "month", month)  # the oracle groups by month; build() ignores it
    return row


def months_of(rows: list[Row], k: int) -> list[TrendMonth]:
    out = []
    for month in MONTHS:
        members = [r for r in rows if r.month == month]  # type: ignore[attr-defined]
        out.append(TrendMonth(month, build(month, members, k) if members else None))
    return out


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(logs())
def test_no_figure_in_the_html_report_rests_on_fewer_than_k_askers_in_any_month(engine, log):
    k, rows = log
    months = months_of(rows, k)
    faq = months[-1].faq or build(MONTHS[-1], [], k)
    for fmt in FORMATS:  # and no format fails on any log (issue 9.6)
        render(faq, engine, fmt, "en", months)
    assert_k_rule(render(faq, engine, "html", "en", months), rows, k)


async def test_the_sample_years_report_obeys_k_in_every_month_on_both_backends(db, engine):
    await fill(db, "2026-10")
    page = (await export(db, engine, "2026-10", "html")).decode()
    rows = [
        _in_month(
            Row(r["lang"], r["text"], tuple(r["guidelines"]), r["topic"], r["answer"], r["asker"]),
            r["month"],
        )
        for r in sample_rows("2026-10")
    ]
    assert_k_rule(page, rows, 5)
    shown = figures_in(page)
    assert {month for _, _, month, _, _ in shown} >= {"2025-11", "2026-10"}  # 12 months
    # The sample has withheld groups: the test is not vacuous.
    assert 'id="trend:topic|2026-10|commercial"' not in page

    data = json.loads(await export(db, engine, "2026-10", "json"))
    assert data["trend"][0]["month"] == "2025-11" and len(data["trend"]) == 12
    cells = raw_cells(rows, {m: [r for r in rows if r.month == m] for m in {r.month for r in rows}})
    for month in data["trend"]:
        for topic in month["topics"]:
            questions, askers = cells[("topic", month["month"], topic["key"])]
            assert askers >= 5 and topic["askers"] == askers and topic["questions"] == questions
        raw = {key for b, m, key in cells if b == "topic" and m == month["month"]}
        if {t["key"] for t in month["topics"]} != raw:
            assert month["other_withheld"]


async def test_faq_export_html_from_the_command_line(db, tmp_path):
    await fill(db, "2026-10")
    url = (
        db.engine.url.render_as_string(hide_password=False)
        .replace("+aiosqlite", "")
        .replace("+asyncpg", "")
    )
    out = tmp_path / "report.html"
    result = subprocess.run(
        [
            *(sys.executable, "-m", "bot", "faq", "export", "--month", "2026-10"),
            *("--format", "html", "--lang", "zh", "--out", str(out)),
        ],
        env={"PATH": "/usr/bin:/bin", "AMICUS_DATABASE_URL": url},
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="zh-Hans">' in page
    assert "Amicus 匿名常见问题汇编：2026-10" in page and "近 12 个月各主题的问题数" in page
    assert page.count("<svg") >= 5
    # Self-contained: nothing is fetched from anywhere.
    assert not re.search(r'src=|href="(?!#)|@import|url\((?!#)|https?://(?!www\.w3\.org/)', page)


def test_the_reports_words_are_checked_like_every_other_yaml_file(tmp_path):
    from bot.report.texts import TEXTS_FILE, load_texts
    from knowledge.validation import DataError

    assert load_texts().chart_trend("zh") and load_texts().chart_trend("en")
    broken = tmp_path / "texts.yaml"
    broken.write_text(
        TEXTS_FILE.read_text(encoding="utf-8").replace('  en: "Questions per topic"', ""),
        encoding="utf-8",
    )
    with pytest.raises(DataError, match=r"texts.yaml: chart_topics.en: is required but missing"):
        load_texts(broken)
