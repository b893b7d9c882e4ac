"""Issue 9.1: one message must not stall the bot.

Every rule runs in bounded time on the worst shapes a generator can make, a text that still
takes too long is refused (not kept) with a clear reply, and while one judge's worst message
is being redacted another judge's reply is not held up.
"""

from __future__ import annotations

import dataclasses
import functools
import time
from pathlib import Path

import fastyaml
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from storage import questionlog
from storage.models import LoggedQuestion
from storage.questionlog import QuestionLog
from storage.redaction import redact
from storage.redaction.guard import RedactionRefused, Redactor
from storage.redaction.rules import RULES
from storage.redaction.text import Text

LIMIT = 4096  # Telegram's own limit on a message
RULE_BOUND = 0.050  # seconds of CPU per rule and text: the bound issue 9.1 sets

# Cue words of the rules, in both languages, and what may follow them.
CUES = [
    "car plate", "REG", "reg no", "licence plate number is", "born on", "born in", "date of birth",
    "DOB:", "phone", "call me at", "case no", "docket #", "username", "handle", "IBAN", "SSN",
    "Judge ", "Mr ", "my clerk ", "counsel ", "named ", "I'm ", "my name is ", "John Smith, a ",
    "the only judge in ", "I am the only judge on ", "my court", "Flat 1 ", "P.O. Box ", "[2020] ",
    "https://", "www.", "t.me/", "a@", "@", "+86 ", "No. ", "电话", "手机号", "住址", "家住",
    "律师", "我叫", "姓", "老", "王某", "出生于", "北京市", "朝阳区", "小区", "全县唯一的",
    "(2024)",
    "2024京01", "微信号", "粤B", "我在", "人民法院", "（",
]  # fmt: skip
RUN_CHARS = list(" \t\n\u00a0\u30000123456789aZxX.,-:/()@#+_'市区号王律师某年月日")
SHAPE = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@st.composite
def worst_shapes(draw) -> str:
    """A cue followed by a long run of one or a few characters, up to 4,096 in all, maybe
    repeated (cue, run, cue, run …)."""
    blocks = draw(st.integers(1, 3))
    text = ""
    for _ in range(blocks):
        unit = "".join(draw(st.lists(st.sampled_from(RUN_CHARS), min_size=1, max_size=3)))
        size = draw(st.integers(1, LIMIT)) // blocks
        text += draw(st.sampled_from(CUES)) + unit * (size // len(unit) + 1)
    return text[:LIMIT]


def cpu_time(rule, norm: str) -> float:
    """The rule's CPU time on ``norm``: the best of up to three runs, so a scheduler hiccup or
    a garbage collection on a loaded machine is not taken for the rule's own cost."""
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        rule.spans(norm)
        best = min(best, time.process_time() - started)
        if best <= RULE_BOUND:
            break
    return best


@SHAPE
@given(worst_shapes())
def test_every_rule_finishes_within_50_ms_on_generated_worst_shapes(text):
    norm = Text(text).norm
    slow = {rule.name: round(t, 3) for rule in RULES if (t := cpu_time(rule, norm)) > RULE_BOUND}
    assert not slow, (text[:40], len(text), slow)


REPORTED = [
    "car plate" + " " * 4087,  # ~200 s before: cubic
    "REG" + " " * 4093,  # ~120 s
    "born on" + " " * 4089,  # ~2.5 s: quadratic
    "date of birth" + "\t " * 2041,
    "username" + " \u00a0" * 2044,
    ("Part 1 " * 586)[:LIMIT],  # 80 ms in division-en-own: every unit read its sentence again
    ("My Commercial Part 1 " * 196)[:LIMIT],
]


@pytest.mark.parametrize(
    "text",
    REPORTED,
    ids=["car-plate", "reg", "born-on", "date-of-birth", "username", "part", "own-part"],
)
def test_the_reported_inputs_are_fast_for_every_rule(text):
    norm = Text(text).norm
    assert all(cpu_time(rule, norm) <= RULE_BOUND for rule in RULES)


# --------------------------------------------------------------------------- the time budget


def test_a_text_over_the_budget_is_refused_and_the_next_one_redacted():
    redactor = Redactor(budget=1e-4)  # far below what any 4,096-character text needs
    try:
        with pytest.raises(RedactionRefused):
            redactor.redact("律师王某 13812345678 " * 240)
        redactor.budget = 30.0  # a fresh worker takes the next text
        assert redactor.redact("律师李明的电话是13812345678") == "律师[姓名]的电话是[电话]"
    finally:
        redactor.close()


async def test_the_wait_does_not_block_the_event_loop():
    redactor = Redactor(budget=30.0)
    try:
        assert await redactor.redact_async("call me at 555-010-1234") == "call me at [PHONE]"
    finally:
        redactor.close()


async def test_a_refused_question_is_not_kept(db, monkeypatch):
    refusing = Redactor(budget=1e-4)
    monkeypatch.setattr(questionlog, "shared", lambda: refusing)
    try:
        with pytest.raises(RedactionRefused):
            await QuestionLog(db, b"s" * 32).record_question(
                1, "律师王某 13812345678 " * 240, "zh", [30], None
            )
    finally:
        refusing.close()
    async with db.engine.connect() as connection:
        assert await connection.scalar(select(func.count()).select_from(LoggedQuestion)) == 0


# --------------------------------------------------------------------------- the bot

JUDGE, OTHER = 4242101, 4242102
# The inputs of issue 9.1, and the slowest shape for the whole pipeline found since.
WORST = ["car plate" + " " * 4087, "REG" + " " * 4093, ("王某" + "市" * 4096)[:4096]]


@pytest.fixture
async def bot(fake, tmp_path):
    from botharness import BotProcess

    process = BotProcess(fake, f"sqlite:///{tmp_path / 'amicus.db'}", tmp_path / "bot.log")
    await process.start()
    yield process
    assert await process.stop() == 0, process.logs()


async def test_one_judges_worst_message_does_not_hold_up_another_judges_reply(fake, bot):
    await fake.push_text(OTHER, "/start")
    await fake.wait_for(OTHER, 2)  # the first-time notice and the menu
    await fake.push_text(JUDGE, "/start")
    await fake.wait_for(JUDGE, 2)
    waits = []
    for round_ in range(len(WORST)):
        if round_:
            # From the menu each time: typed in the walk the last one opened, a message that
            # fits none of its steps would keep the walk and be kept as nothing.
            await fake.push_text(JUDGE, "/start")
            await fake.wait_for(JUDGE, 1)
        worst = WORST[round_]
        await fake.push_text(JUDGE, worst)
        started = time.monotonic()
        await fake.push_text(OTHER, "/start")
        await fake.wait_for(OTHER, 1)
        waits.append(time.monotonic() - started)
        # The worst message itself is answered, and what is kept of it shown with its
        # "Don't keep it" button.
        replies = await fake.wait_for(JUDGE, 2, timeout=30)
        assert any("|k:" in str(reply.markup) for reply in replies), replies
    # The bound issue 9.1 sets; the best of three rounds, so one hiccup of a loaded machine
    # is not taken for a stall (a stall holds up every round).
    assert min(waits) <= 0.2, waits


def test_the_console_says_plainly_that_a_refused_question_was_not_kept(
    engine, tmp_path, monkeypatch
):
    import io
    import sqlite3

    from bot.console import ConsoleStorage, run_chat

    refusing = Redactor(budget=1e-4)
    monkeypatch.setattr(questionlog, "shared", lambda: refusing)
    out = io.StringIO()
    url = f"sqlite:///{tmp_path / 'console.db'}"
    storage = ConsoleStorage(url, b"console-test-secret-0123456789")
    question = "lawyer Jane Doe sent me a friend request " * 60
    try:
        assert run_chat(engine, "en", io.StringIO(question + "\n"), out, storage) == 0
    finally:
        refusing.close()
    transcript = out.getvalue()
    assert "This question was not kept: it could not be anonymised in time." in transcript
    assert "Kept for the anonymised FAQ" not in transcript
    rows = sqlite3.connect(tmp_path / "console.db").execute("SELECT count(*) FROM question_log")
    assert rows.fetchone() == (0,)


def test_no_text_read_by_the_rules_outlives_its_redaction():
    # The rules share a few text-keyed caches while they read one text; the raw text must
    # not stay in the worker's memory after it is redacted.
    from storage.redaction import english_names, redact, rules

    redact("Attorney John Smith, of the 3rd Chamber of the Lisbon Court, called me")
    assert rules._latin_stretches.cache_info().currsize == 0
    assert rules._folded.cache_info().currsize == 0
    assert english_names.cue_kinds.cache_info().currsize == 0


# --------------------------------------------------------------------------- gates (issue 13.3)

# A rule meant for one script only: its gate is its scope, not a shortcut.
_SCOPED = {"en-given-in-zh"}


def _development_texts() -> list[str]:
    data = Path(__file__).parent / "data"
    texts = []
    for table in sorted(data.glob("redaction_dev*.yaml")):
        texts += [item["text"] for item in fastyaml.load(table.read_text("utf-8"))["texts"]]
    return texts


def _examples_of(module) -> list[str]:
    """Every text a parametrised test of ``module`` reads (the first string of each case)."""
    texts = []
    for test in vars(module).values():
        for mark in getattr(test, "pytestmark", []):
            if mark.name != "parametrize":
                continue
            for case in mark.args[1]:
                values = getattr(case, "values", case)
                values = values if isinstance(values, (tuple, list)) else (values,)
                texts += [value for value in values[:1] if isinstance(value, str)]
    return texts


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


@functools.cache
def _gate_norms() -> tuple[tuple[str, str], ...]:
    """Each gate text with its normalised form, read and normalised once for all the rules."""
    texts = [*_gate_texts(), "İD: ab_12 ſtreet", "K. at u/x"]
    return tuple((text, Text(text).norm) for text in texts)


def _gate_texts() -> list[str]:
    import test_redaction_blind_kinds
    import test_redaction_by_kind

    examples = _examples_of(test_redaction_blind_kinds) + _examples_of(test_redaction_by_kind)
    variants = [v for t in examples for v in (t.upper(), t.title(), _full_width(t))]
    return [*_development_texts(), *REPORTED, *examples, *variants]


@pytest.mark.parametrize("rule", [r for r in RULES if r.name not in _SCOPED], ids=lambda r: r.name)
def test_a_rule_skipped_for_speed_would_have_found_nothing(rule):
    # Each rule is skipped on a text without what its pattern needs (a digit, a cue word), so
    # that a question is not read a hundred times over; it must never skip a text in which
    # it would have found an identifier. On every development text, every example of the
    # tests by kind (as written, in capitals, title case and full width), and the worst shapes:
    ungated = dataclasses.replace(rule, needs=(), words=())
    for text, norm in _gate_norms():
        assert rule.spans(norm) == ungated.spans(norm), text[:80]


# --------------------------------------------------------------------------- shapes of round 6


def test_a_long_spaced_run_before_an_at_loses_only_the_address():
    # The spaced-out e-mail reads at most 64 characters before the @: the run before it stays.
    text = "x " * 2000 + "@ y . c o m"
    kept = redact(text)
    assert kept.endswith("x [EMAIL]")
    assert kept.count("x") == 2000 - 64


def test_an_unclosed_quote_after_a_screen_name_word_is_no_account():
    text = "网名叫“" + "法" * 4000
    assert redact(text) == text


def test_spaced_digits_in_dashed_groups_go_group_by_group():
    assert set(redact("1 1 1 - " * 500).split(" - ")) <= {"[PHONE]", "1 1 1 -", ""}
