"""A broken knowledge file is reported as ``file: field: problem`` and stops start-up."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import fastyaml
import pytest

from conversations.ui import UI_FILE, load_ui
from knowledge import DataError, load_corpus
from knowledge.corpus import DATA_DIR

FIXTURES = Path(__file__).parent / "fixtures" / "broken"
REPO = Path(__file__).resolve().parent.parent


def data_dir_with(tmp_path: Path, guidelines: Path) -> Path:
    """A knowledge folder holding ``guidelines`` and the real preamble."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(guidelines, folder / "guidelines.yaml")
    shutil.copy(DATA_DIR / "preamble.yaml", folder / "preamble.yaml")
    return folder


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_corpus(folder)
    return [f"{p.field}: {p.message}" for p in caught.value.problems]


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("missing_english", "guidelines[0].text.en: is required but missing"),
        ("unknown_field", "guidelines[0].titel: is not a known field (misspelt?)"),
        ("long_title", "guidelines[0].title.en: String should have at most 40 characters"),
        # libyaml and pure-Python PyYAML word the problem differently; the place is the same
        ("syntax_error", "line 5, column 4: invalid YAML: "),
    ],
)
def test_broken_fixture_names_file_and_field(tmp_path, fixture, expected):
    folder = data_dir_with(tmp_path, FIXTURES / f"{fixture}.yaml")
    with pytest.raises(DataError) as caught:
        load_corpus(folder)
    lines = str(caught.value).splitlines()
    assert any(line.startswith(f"{folder / 'guidelines.yaml'}: {expected}") for line in lines)


def mutate(tmp_path: Path, name: str, change) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    path = folder / name
    data = fastyaml.load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(fastyaml.dump(data, allow_unicode=True), encoding="utf-8")
    return folder


def _set(obj, keys, value):
    for key in keys[:-1]:
        obj = obj[key]
    obj[keys[-1]] = value


@pytest.mark.parametrize(
    ("file", "change", "expected"),
    [
        (
            "guidelines.yaml",
            lambda d: _set(d, ["guidelines", 4, "number"], 4),
            "guidelines[4].number: guideline 4 already given at guidelines[3]",
        ),
        (
            "guidelines.yaml",
            lambda d: _set(d, ["guidelines", 4, "number"], 4),
            "guidelines: missing guideline(s) 5",
        ),
        (
            "guidelines.yaml",
            lambda d: _set(d, ["guidelines", 3, "section"], "nowhere"),
            "guidelines[3].section: unknown section 'nowhere'",
        ),
        (
            "guidelines.yaml",
            lambda d: _set(d, ["guidelines", 39, "number"], 41),
            "guidelines[39].number: Input should be less than or equal to 40",
        ),
        (
            "guidelines.yaml",
            lambda d: _set(d, ["guidelines", 0, "text", "zh"], "   "),
            "guidelines[0].text.zh: String should have at least 1 character",
        ),
        (
            "guidelines.yaml",
            lambda d: _set(d, ["guidelines", 0, "title"], "Only one language"),
            "guidelines[0].title: Input should be a valid dictionary or instance of ShortBilingual",
        ),
        (
            "guidelines.yaml",
            lambda d: d["sections"].pop(),
            "sections: expected 6 sections, found 5",
        ),
        (
            "preamble.yaml",
            lambda d: d["bangalore_values"].pop(),
            "bangalore_values: List should have at least 6 items after validation, not 5",
        ),
        (
            "preamble.yaml",
            lambda d: d.pop("scope"),
            "scope: is required but missing",
        ),
    ],
)
def test_each_kind_of_mistake_is_named(tmp_path, file, change, expected):
    folder = mutate(tmp_path, file, change)
    with pytest.raises(DataError) as caught:
        load_corpus(folder)
    assert f"{folder / file}: {expected}" in str(caught.value).splitlines()


def test_all_problems_are_reported_at_once(tmp_path):
    def two_mistakes(d):
        d["guidelines"][0]["text"].pop("en")
        d["guidelines"][1]["section"] = "nowhere"

    folder = mutate(tmp_path, "guidelines.yaml", two_mistakes)
    with pytest.raises(DataError) as caught:
        load_corpus(folder)
    assert len(caught.value.problems) == 1  # schema errors first: the file is not yet trusted
    d = fastyaml.load((folder / "guidelines.yaml").read_text(encoding="utf-8"))
    d["guidelines"][0]["text"]["en"] = "restored"
    d["guidelines"][2]["section"] = "elsewhere"
    (folder / "guidelines.yaml").write_text(fastyaml.dump(d, allow_unicode=True), "utf-8")
    with pytest.raises(DataError) as caught:
        load_corpus(folder)
    assert {p.field for p in caught.value.problems} >= {
        "guidelines[1].section",
        "guidelines[2].section",
    }


def test_ui_texts_must_carry_the_same_placeholders(tmp_path):
    data = fastyaml.load(UI_FILE.read_text(encoding="utf-8"))
    data["citation"]["en"] = "Guideline"
    data.pop("back")
    path = tmp_path / "ui.yaml"
    path.write_text(fastyaml.dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_ui(path)
    lines = str(caught.value).splitlines()
    assert f"{path}: back: is required but missing" in lines
    assert f"{path}: citation: placeholders differ: zh has ['number'], en has []" in lines


@pytest.fixture
def broken_install(tmp_path):
    """A copy of the packages whose guideline file has a mistake, as an editor might leave it."""
    for package in ("bot", "conversations", "knowledge", "storage"):
        shutil.copytree(
            REPO / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    path = tmp_path / "knowledge" / "data" / "guidelines.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("number: 17\n", "number: seventeen\n"), encoding="utf-8")
    return tmp_path


def run_in(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=folder,
        env={"PYTHONPATH": str(folder), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        input="1\n",
    )


@pytest.mark.e2e  # the real command, in a process of its own
def test_chat_refuses_to_start_on_a_broken_file(broken_install):
    result = run_in(broken_install, "chat", "--lang", "en")
    assert result.returncode == 1
    assert result.stdout == ""  # no menu, not even half of one
    assert (
        "knowledge/data/guidelines.yaml: guidelines[16].number: "
        "Input should be a valid integer, unable to parse string as an integer"
    ) in result.stderr


@pytest.mark.e2e  # the real command, in a process of its own
def test_lint_lists_the_problem_and_fails(broken_install):
    result = run_in(broken_install, "lint")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "knowledge/data/guidelines.yaml: guidelines[16].number: "
        "Input should be a valid integer, unable to parse string as an integer"
    ]


def test_a_lexicon_term_whose_symbol_would_be_ignored_is_named(tmp_path):
    from knowledge.lexicon import LEXICON_FILE, load_lexicon

    data = fastyaml.load(LEXICON_FILE.read_text(encoding="utf-8"))
    data["concepts"]["post"]["zh"].append("@我")
    path = tmp_path / "lexicon.yaml"
    path.write_text(fastyaml.dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_lexicon(path)
    assert "concepts.post" in str(caught.value) and "'@我'" in str(caught.value)
