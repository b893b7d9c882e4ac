"""The ``amicus`` command line as a user meets it."""

from __future__ import annotations

import subprocess

import pytest

from bot.cli import default_lang, main


def amicus(capsys, *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:  # argparse's own usage errors
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("number", range(1, 41))
def test_guideline_prints_the_whole_text_in_chinese(capsys, corpus, number):
    code, out, _ = amicus(capsys, "guideline", str(number), "--lang", "zh")
    g = corpus.guideline(number)
    assert code == 0
    assert out.startswith(f"第{number}条 · {g.title.zh}\n")
    assert g.text.zh in out


@pytest.mark.parametrize("number", range(1, 41))
def test_guideline_prints_our_english_rendering_labelled_unofficial(capsys, corpus, number):
    code, out, _ = amicus(capsys, "guideline", str(number), "--lang", "en")
    g = corpus.guideline(number)
    assert code == 0
    assert out.startswith(f"Guideline {number} · {g.title.en}\n")
    assert g.text.en in out
    assert "Unofficial English rendering" in out


@pytest.mark.parametrize("bad", ["0", "41", "-3", "x", "3.5", ""])
def test_unknown_guideline_number_is_a_clear_usage_error(capsys, bad):
    code, out, err = amicus(capsys, "guideline", bad)
    assert code == 2
    assert out == ""
    assert "numbered 1 to 40" in err


@pytest.mark.parametrize(
    "args",
    [["frobnicate"], [], ["guideline"], ["guideline", "3", "--lang", "fr"], ["chat", "--bogus"]],
)
def test_bad_commands_and_options_exit_2_with_usage(capsys, args):
    code, _out, err = amicus(capsys, *args)
    assert code == 2
    assert "usage: amicus" in err


def test_lint_passes_on_the_shipped_knowledge(capsys):
    code, out, _ = amicus(capsys, "lint")
    assert code == 0
    assert out.startswith("ok: 40 guidelines in 6 sections")


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_ALL": "C.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_language_defaults_to_the_locale(env, lang):
    assert default_lang(env) == lang


def test_guideline_language_follows_the_locale_when_not_given(amicus_cmd):
    result = subprocess.run(
        [*amicus_cmd, "guideline", "30"],
        env={"LANG": "zh_CN.UTF-8", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("第30条")


def test_python_dash_m_bot_is_the_same_command(amicus_cmd):
    result = subprocess.run(
        [*amicus_cmd, "guideline", "41"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert "numbered 1 to 40" in result.stderr


def test_graph_lists_the_walkthroughs_as_id_and_title(capsys, engine):
    code, out, _ = amicus(capsys, "graph", "--lang", "en")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == len(engine.trees.trees) >= 10
    for line, tree in zip(lines, engine.trees.trees.values(), strict=True):
        tree_id, title = line.split(None, 1)
        assert (tree_id, title.strip()) == (tree.id, tree.title.en)


def test_graph_draws_a_tree_as_mermaid_with_every_node_and_edge(capsys, engine):
    code, out, _ = amicus(capsys, "graph", "friend_request", "--format", "mermaid", "--lang", "zh")
    assert code == 0
    assert out.startswith("flowchart TD\n")
    tree = engine.trees.trees["friend_request"]
    for node_id, node in tree.nodes.items():
        assert f"\n  {node_id}" in out
        for option in node.options or ():
            assert f'  {node_id} -->|"{option.label.zh}"| {option.next}\n' in out
    assert "第30条" in out


def test_graph_outline_and_unknown_tree(capsys):
    code, out, _ = amicus(capsys, "graph", "online_insult", "--format", "outline", "--lang", "en")
    assert code == 0 and out.count("=> ") >= 5
    code, out, err = amicus(capsys, "graph", "no_such_tree")
    assert code == 2 and "no walkthrough 'no_such_tree'" in err and out == ""


def test_redact_prints_what_the_log_would_keep(capsys):
    code, out, _ = amicus(capsys, "redact", "律师李明的电话是13812345678，第30条怎么说？")
    assert code == 0
    assert out == "律师[姓名]的电话是[电话]，第30条怎么说？\n"


def test_redact_dash_reads_one_text_per_line_and_keeps_line_count(amicus_cmd):
    lines = ["Attorney John Smith emailed me at js@firm.example", "", "Guideline 22, 2024"]
    result = subprocess.run(
        [*amicus_cmd, "redact", "-"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "Attorney [NAME] emailed me at [EMAIL]",
        "",
        "Guideline 22, 2024",
    ]


def run_amicus(amicus_cmd, *args: str, cwd, env: dict | None = None, **kwargs):
    import os

    environ = {k: v for k, v in os.environ.items() if not k.startswith("AMICUS_")}
    return subprocess.run(
        [*amicus_cmd, *args],
        cwd=cwd,
        env={**environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=60,
        **kwargs,
    )


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("foo://", "NoSuchModuleError"),
        ("not a url", "ArgumentError"),
        ("sqlite:////proc/amicus-cannot-be-here.db", "unable to open database file"),
        ("postgresql://amicus:hunter2@127.0.0.1:1/x", "ConnectionRefusedError"),
    ],
)
def test_a_database_url_that_does_not_work_is_one_clear_line(amicus_cmd, tmp_path, url, reason):
    commands = [("db", "upgrade"), ("faq", "export", "--month", "2025-10")]
    if url.startswith("sqlite"):
        commands.pop()  # an export of a missing file says so instead (tested below)
    for args in commands:
        result = run_amicus(amicus_cmd, *args, cwd=tmp_path, env={"AMICUS_DATABASE_URL": url})
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert result.stderr.startswith("amicus: cannot use the database AMICUS_DATABASE_URL=")
        assert reason in result.stderr
        assert "hunter2" not in result.stderr  # the password stays out of the message


def test_faq_export_reads_only_and_says_where_it_cannot_write(amicus_cmd, tmp_path):
    missing = tmp_path / "typo.db"
    env = {"AMICUS_DATABASE_URL": f"sqlite:///{missing}"}
    result = run_amicus(amicus_cmd, "faq", "export", "--month", "2025-10", cwd=tmp_path, env=env)
    assert result.returncode == 1 and f"there is no database at {missing}" in result.stderr
    assert not missing.exists()  # a mistyped path does not become an empty month
    run_amicus(amicus_cmd, "db", "upgrade", cwd=tmp_path, env=env)
    for out, why in ((tmp_path / "no" / "x.md", "No such file"), (tmp_path, "Is a directory")):
        result = run_amicus(
            amicus_cmd,
            "faq",
            "export",
            "--month",
            "2025-10",
            "--out",
            str(out),
            cwd=tmp_path,
            env=env,
        )
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert f"cannot write {out}: {why}" in result.stderr


def test_empty_question_and_impossible_port_are_usage_errors(amicus_cmd, tmp_path):
    result = run_amicus(amicus_cmd, "ask", "  ", cwd=tmp_path)
    assert result.returncode == 2 and "the question is empty" in result.stderr
    env = {
        "TELEGRAM_BOT_TOKEN": "1:x",
        "AMICUS_SECRET": "9c2e5a8f1d4b7e0a3c6f9b2d5e8a1c4f7b0e3d6a9c2f5b8e1d4a7c0f3b6e9d2a",
    }
    result = run_amicus(
        amicus_cmd, "run", "--webhook", "https://e.org/h", "--port", "70000", cwd=tmp_path, env=env
    )
    assert result.returncode == 2 and "--port must be between 1 and 65535" in result.stderr


def test_redact_prints_what_the_log_keeps_even_when_redaction_lengthens_it(capsys):
    code, out, _ = amicus(capsys, "redact", ("律师李明说，" * 700)[:4096])
    assert code == 0 and len(out.rstrip("\n")) == 4096 and out.rstrip("\n").endswith("…")


def test_a_closed_pipe_and_ctrl_c_end_quietly(amicus_cmd, tmp_path):
    import signal
    import time

    questions = "".join(f"may I accept a lawyer's friend request {n}\n" for n in range(300))
    reader = subprocess.Popen(
        [*amicus_cmd, "ask", "-", "--json"],
        cwd=tmp_path,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    reader.stdout.close()  # like "| head -1" going away
    _, err = reader.communicate(questions.encode(), timeout=60)
    assert b"Traceback" not in err and reader.returncode == 141

    chat = subprocess.Popen(
        [*amicus_cmd, "chat"],
        cwd=tmp_path,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # Ctrl-C as at a terminal, even when pytest itself was started in the background
        # (`pytest &` in a script ignores SIGINT, and a child inherits that).
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    seen = b""
    deadline = time.monotonic() + 60
    while not seen.endswith(b"> ") and time.monotonic() < deadline:  # at its prompt
        seen += chat.stdout.read1(4096)
    chat.send_signal(signal.SIGINT)
    _, err = chat.communicate(timeout=30)
    assert b"Traceback" not in err and chat.returncode == 130
