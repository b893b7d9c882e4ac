"""``amicus chat`` driven from a pipe, the way a script or a judge at a terminal uses it."""

from __future__ import annotations

import io
import subprocess

import pytest
from transcripts import chat, options, path_to_guideline_30, pick, screens

from bot.console import run_chat


def test_browse_sections_to_full_text(engine, corpus):
    browse = pick(engine, [], "Browse the 40 guidelines")
    section = pick(engine, [browse], "Online friendships and relationships")
    g30 = pick(engine, [browse, section], f"30. {corpus.guideline(30).title.en}")
    out = chat(engine, [browse, section, g30])
    assert screens(out)[-1] == f"Guideline 30 · {corpus.guideline(30).title.en}"
    assert corpus.guideline(30).text.en in out
    assert out.rstrip().endswith("Goodbye.")


def test_options_are_numbered_lines_with_back_and_restart_everywhere(engine):
    path: list[str] = []
    for label in ("Browse the 40 guidelines", "Training", "40. "):
        opts = options(chat(engine, path))
        assert list(opts) == [str(i) for i in range(1, len(opts) + 1)]
        assert list(opts.values())[-2:] == ["Back", "Restart"]
        path.append(next(k for k, v in opts.items() if v.startswith(label)))
    opts = options(chat(engine, path))
    assert list(opts.values()) == ["Back", "Restart"]


def test_back_and_restart_at_every_depth(engine):
    browse = pick(engine, [], "Browse the 40 guidelines")
    section = pick(engine, [browse], "Training")
    path = [browse, section, "1"]  # guideline 38
    for depth in range(1, len(path) + 1):
        here = path[:depth]
        before = screens(chat(engine, here[:-1]))[-1]
        back = pick(engine, here, "Back")
        assert screens(chat(engine, [*here, back]))[-1] == before
        restart = pick(engine, here, "Restart")
        assert screens(chat(engine, [*here, restart]))[-1] == engine.ui.app_name.en


def test_chinese_chat_and_switching_language_keeps_the_place(engine, corpus):
    browse = pick(engine, [], "浏览全部40条指南", lang="zh")
    out = chat(engine, [browse, "/lang en"], lang="zh")
    assert screens(out)[-2:] == ["指南共40条，分为六部分", "The 40 guidelines, in six sections"]
    assert "Switched to English." in out


def test_out_of_range_number_and_empty_line_lose_nothing(engine):
    browse = pick(engine, [], "Browse the 40 guidelines")
    out = chat(engine, [browse, "99", "", "   "])
    assert "Please type a number from 1 to 8, or type your question." in out
    assert out.count("That message was empty.") == 2
    # Still on the browse screen: its options are what is offered last.
    assert next(iter(options(out).values())) == "Risks and opportunities of social media"


def test_overlong_text_gets_a_clear_reply(engine):
    out = chat(engine, ["x" * 5000])
    assert "too long (at most 4096 characters)" in out


def test_end_of_input_and_quit_end_cleanly(engine):
    assert chat(engine, []).rstrip().endswith("Goodbye.")
    out = chat(engine, ["/quit", "1"])
    assert screens(out) == [engine.ui.app_name.en]


def test_piped_input_is_echoed_so_transcripts_read_whole(engine):
    assert "> 1\n" in chat(engine, ["1"])


def test_chat_as_a_real_process_from_a_pipe(amicus_cmd, engine, corpus, tmp_path):
    path = path_to_guideline_30(engine, "zh")
    result = subprocess.run(
        [*amicus_cmd, "chat", "--lang", "zh"],
        cwd=tmp_path,  # its SQLite question log lands in the working directory
        input="".join(f"{n}\n" for n in path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert corpus.guideline(30).text.zh in result.stdout
    assert result.stdout.rstrip().endswith("再见。")


def test_console_keeps_only_the_redacted_question_and_unkeeps_on_request(engine, tmp_path):
    import sqlite3

    from bot.console import ConsoleStorage

    url = f"sqlite:///{tmp_path / 'console.db'}"
    out = io.StringIO()
    question = "Judge Smith here: lawyer Jane Doe (jane@firm.example) sent me a friend request"
    lines = f"{question}\n/unkeep\n{question}\n"
    storage = ConsoleStorage(url, b"console-test-secret-0123456789")
    assert run_chat(engine, "en", io.StringIO(lines), out, storage) == 0
    transcript = out.getvalue()
    assert "Kept for the anonymised FAQ (guideline 40): «" in transcript
    assert "Removed: this question is not kept." in transcript
    kept = sqlite3.connect(tmp_path / "console.db").execute("SELECT text FROM question_log")
    (text,) = kept.fetchall()  # the second asking is kept, the first was unkept
    assert (
        "Jane Doe" not in text[0] and "jane@firm.example" not in text[0] and "Smith" not in text[0]
    )


def test_a_mistyped_command_is_not_a_question_and_bad_bytes_do_not_crash(engine, tmp_path):
    import sqlite3

    from bot.console import ConsoleStorage

    url = f"sqlite:///{tmp_path / 'console.db'}"
    out = io.StringIO()
    # What a pipe of bytes that are not UTF-8 decodes to: lone surrogates.
    lines = "/lang xx\n/foo\nabc\udcff\udcfe lawyer friend request\n"
    storage = ConsoleStorage(url, b"console-test-secret-0123456789")
    assert run_chat(engine, "en", io.StringIO(lines), out, storage) == 0
    transcript = out.getvalue()
    assert "There is no such command: /lang xx" in transcript
    assert "There is no such command: /foo" in transcript
    kept = sqlite3.connect(tmp_path / "console.db").execute("SELECT text FROM question_log")
    (text,) = kept.fetchall()  # only the question, not the mistyped commands
    assert text[0] == "abc\ufffd\ufffd lawyer friend request"


# ------------------------------------------------------- what is kept, and where (issue 13)


def console_run(engine, tmp_path, lines: list[str], lang: str = "en") -> tuple[str, list[tuple]]:
    """A console session on its own SQLite file: the transcript, and every row it kept."""
    import sqlite3

    from bot.console import ConsoleStorage

    storage = ConsoleStorage(
        f"sqlite:///{tmp_path / 'console.db'}", b"console-test-secret-0123456789"
    )
    out = io.StringIO()
    stdin = io.StringIO("".join(f"{line}\n" for line in lines))
    assert run_chat(engine, lang, stdin, out, storage) == 0
    with sqlite3.connect(tmp_path / "console.db") as connection:
        rows = connection.execute(
            "SELECT text, lang, topic, guidelines FROM question_log ORDER BY id"
        ).fetchall()
    return out.getvalue(), rows


QUESTION = "Attorney Jane Doe, who appears before me, sent me a friend request on Facebook"
OUT_OF_SCOPE_EN = "what will my salary be next year?"
OUT_OF_SCOPE_ZH = "我的工资什么时候涨？"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_privacy_in_the_console_says_what_it_keeps_and_in_which_file(engine, tmp_path, lang):
    out, _ = console_run(engine, tmp_path, ["/privacy"], lang)
    database = str((tmp_path / "console.db").resolve())
    privacy = out.split(f"== {engine.ui.privacy_title(lang)} ==")[1]
    assert database in privacy  # named, whole, on the privacy screen
    assert database in out.split("== ")[1]  # and before the first question is typed
    assert engine.ui.console_unknown_command.format(lang, command="/privacy") not in out
    said = {
        "en": ["nothing you type goes through Telegram", "stays on this computer"],
        "zh": ["不经过 Telegram", "只留在这台电脑上"],
    }[lang]
    for words in said:
        assert words in privacy
    # No promise the console cannot keep, and no Telegram account it does not have.
    for broken in ("nor the words you type", "Telegram account", "也不保存您输入的原文"):
        assert broken not in privacy


def test_privacy_in_a_console_without_a_database_says_nothing_is_kept(engine):
    out = chat(engine, ["/privacy"])
    assert "nothing at all is kept" in out and "SQLite" not in out


def test_forget_in_the_console_erases_what_it_kept(engine, tmp_path):
    out, rows = console_run(engine, tmp_path, [QUESTION, OUT_OF_SCOPE_EN, "/forget"])
    assert rows == []
    assert "There is no such command: /forget" not in out
    assert "everything this console session kept (2)" in out


def test_the_console_lists_this_months_kept_questions_and_removes_any(engine, tmp_path):
    second = "A party to my case follows me on Instagram"
    out, rows = console_run(
        engine, tmp_path, [QUESTION, second, OUT_OF_SCOPE_EN, "/kept", "/unkeep 1", "/kept"]
    )
    first_list, second_list = out.split("> /kept\n")[1:]
    assert "1. «Attorney [NAME]" in first_list and "Jane Doe" not in first_list
    assert "2. «A party to my case follows me on Instagram»" in first_list
    assert "3. A question outside the guidelines (English), without its words" in first_list
    assert "Removed: this question is not kept." in out
    # The first question is gone, not the last one kept.
    assert "1. «A party to my case follows me on Instagram»" in second_list
    assert [text for text, *_ in rows] == [second, None]


def test_nothing_to_remove_gets_a_clear_reply_in_the_console(engine, tmp_path):
    out, rows = console_run(engine, tmp_path, ["/unkeep", "/kept", QUESTION, "/unkeep 7"])
    assert "That record no longer exists" not in out
    assert out.count("Nothing is kept about you this month, so there is nothing to remove.") == 2
    assert "There is no item 7. Type /kept to see the list." in out
    assert len(rows) == 1


@pytest.mark.parametrize(("lang", "question"), [("en", OUT_OF_SCOPE_EN), ("zh", OUT_OF_SCOPE_ZH)])
def test_an_out_of_scope_question_is_kept_as_out_of_scope_only(engine, tmp_path, lang, question):
    out, rows = console_run(engine, tmp_path, [question], lang)
    assert rows == [(None, lang, "out_of_scope", "[]")]
    notice = {
        "en": "only that a question outside the guidelines was asked, in English; not its words",
        "zh": "有一个超出指南范围的问题（中文），不含文字",
    }[lang]
    assert notice in out and f"«{question}»" not in out


@pytest.mark.parametrize(
    ("lang", "label"), [("en", "Ask a human ethics adviser"), ("zh", "咨询伦理顾问")]
)
def test_the_adviser_screen_promises_no_confidence_amicus_cannot_give(engine, lang, label):
    out = chat(engine, [pick(engine, [], label, lang)], lang)
    assert screens(out)[-1] == engine.ui.adviser_title(lang)
    for promise in ("treated in confidence", "将被保密处理"):
        assert promise not in out
    assert {"en": "Amicus cannot promise it", "zh": "Amicus 无法为此作出承诺"}[lang] in out


@pytest.mark.parametrize(
    ("lang", "small"),
    [
        ("en", ["hi", "thanks", "ok", "guideline 30"]),
        ("zh", ["你好", "谢谢", "好的", "是", "第30条"]),
    ],
)
def test_greetings_acknowledgements_and_guideline_numbers_are_not_kept(
    engine, tmp_path, lang, small
):
    out, rows = console_run(engine, tmp_path, [*small, "/kept"], lang)
    assert rows == []
    assert engine.ui.kept_none(lang) in out
