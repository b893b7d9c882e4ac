"""What an IT team deploys (issue 15, points 1-2; issue 9, point 13): compose.yaml, the env
template, the image, the lock files, the health check, migrations that do not race.

compose.yaml is validated against the Compose Specification's JSON schema
(tests/data/compose-spec.json: the compose-spec project's schema, Apache-2.0, as shipped
in docker-compose 1.29.2), since no Docker engine or compose plugin runs here.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import subprocess
import tomllib

import jsonschema
import pytest
import yaml
from botharness import run_once
from conftest import REPO

SCHEMA = json.loads((REPO / "tests" / "data" / "compose-spec.json").read_text())
VALIDATOR = jsonschema.Draft201909Validator(SCHEMA)  # the draft the schema names


def compose(text: str | None = None) -> dict:
    return yaml.safe_load(text if text is not None else (REPO / "compose.yaml").read_text())


def test_compose_is_valid_amicus_in_webhook_mode_with_postgres():
    spec = compose()
    VALIDATOR.validate(spec)
    services = spec["services"]
    assert set(services) == {"amicus", "postgres"}
    amicus = services["amicus"]
    assert amicus["command"][:2] == ["run", "--webhook"]
    assert amicus["env_file"] == "amicus.env"
    assert amicus["environment"]["AMICUS_DATABASE_URL"].startswith("postgresql://")
    assert amicus["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert all(port.startswith("127.0.0.1:") for port in amicus["ports"])  # behind a proxy
    # The database on a named volume, and reachable from the project's network only.
    volume = services["postgres"]["volumes"][0].split(":")[0]
    assert volume in spec["volumes"]
    assert "ports" not in services["postgres"]


def test_the_second_replica_is_one_uncommenting_away():
    text = (REPO / "compose.yaml").read_text()
    block = re.search(r"^  # amicus-2:\n(?:  #.*\n)+", text, re.MULTILINE)
    assert block, "the commented second replica"
    uncommented = text.replace(block.group(0), re.sub(r"^  # ", "  ", block.group(0), flags=re.M))
    spec = compose(uncommented)
    VALIDATOR.validate(spec)
    first, second = spec["services"]["amicus"], spec["services"]["amicus-2"]
    assert second["command"] == first["command"] and second["ports"] != first["ports"]
    assert second["environment"] == first["environment"]  # the same database


def test_a_broken_compose_file_is_caught():
    spec = compose()
    spec["services"]["amicus"]["ports"] = {"not": "a list"}
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR.validate(spec)


def test_the_env_template_documents_every_variable_and_the_real_file_stays_out():
    settings = (REPO / "bot" / "settings.py").read_text()
    variables = set(re.findall(r'"((?:AMICUS|TELEGRAM)_[A-Z_]+)"', settings))
    assert len(variables) >= 10
    example = (REPO / "amicus.env.example").read_text()
    documented = set(re.findall(r"^#? ?((?:AMICUS|TELEGRAM|POSTGRES)_[A-Z_]+)=", example, re.M))
    assert variables <= documented, variables - documented
    # What compose.yaml interpolates is in the template too.
    interpolated = set(re.findall(r"\$\{([A-Z_]+)", (REPO / "compose.yaml").read_text()))
    assert interpolated <= documented
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", "amicus.env"], cwd=REPO, check=False
    ).returncode
    assert ignored == 0, "amicus.env must be in .gitignore"
    assert "amicus.env" in (REPO / ".dockerignore").read_text().split()  # nor in an image


def test_the_image_installs_from_the_lock_and_checks_its_health():
    dockerfile = (REPO / "Dockerfile").read_text()
    assert "--require-hashes" in dockerfile and "requirements.lock" in dockerfile
    assert re.search(r"^HEALTHCHECK .*CMD \[\"amicus\", \"health\"\]", dockerfile, re.M)
    # The base image: pinned by digest, or the digest is asked for in plain words.
    froms = re.findall(r"^FROM (\S+)", dockerfile, re.M)
    base = re.search(r"^ARG PYTHON_BASE=(\S+)", dockerfile, re.M)
    assert froms and all(f.startswith("${PYTHON_BASE}") for f in froms)
    assert base and (
        "@sha256:" in base.group(1) or "BASE IMAGE NOT YET PINNED BY DIGEST" in dockerfile
    )
    ci = (REPO / ".ci" / "run").read_text()
    assert "--require-hashes -r requirements-dev.lock" in ci


def test_every_locked_package_has_hashes_and_the_lock_covers_the_dependencies():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]

    def names(requirements: list[str]) -> set[str]:
        return {
            re.split(r"[\[<>=!~; ]", r, maxsplit=1)[0].lower().replace("_", "-")
            for r in requirements
        }

    for lock, wanted in (
        ("requirements.lock", names(project["dependencies"])),
        (
            "requirements-dev.lock",
            names(project["dependencies"] + project["optional-dependencies"]["dev"]),
        ),
    ):
        text = (REPO / lock).read_text()
        pins = re.findall(r"^([A-Za-z0-9_.-]+)==(\S+) ", text, re.M)
        assert pins, lock
        blocks = re.split(r"^(?=[A-Za-z0-9_.-]+==)", text, flags=re.M)[1:]
        assert all("--hash=sha256:" in block for block in blocks), lock
        locked = {name.lower() for name, _ in pins}
        assert wanted <= locked, (lock, wanted - locked)


def test_health_says_yes_or_no(tmp_path):
    env = {"AMICUS_DATABASE_URL": f"sqlite:///{tmp_path / 'amicus.db'}"}
    missing = run_once("health", env=env, cwd=tmp_path)
    assert missing.returncode == 1 and "no database" in missing.stderr
    assert run_once("db", "upgrade", env=env, cwd=tmp_path).returncode == 0
    healthy = run_once("health", env=env, cwd=tmp_path)
    assert healthy.returncode == 0, healthy.stderr
    # A server that does not answer: 1, one line, no traceback, no password.
    down = {"AMICUS_DATABASE_URL": "postgresql://amicus:hunter2@127.0.0.1:9/amicus"}
    result = run_once("health", env=down, cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "hunter2" not in result.stderr


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
async def test_replicas_starting_together_do_not_race_on_migrations(backend, tmp_path):
    """Four processes' worth of ``upgrade`` at once, on a fresh database: all succeed."""
    from postgres import TemporaryDatabase, require_postgres

    from storage.database import Database

    async def together(url: str) -> None:
        databases = [Database(url) for _ in range(4)]
        try:
            await asyncio.gather(*(db.upgrade() for db in databases))
            await databases[0].ping()
        finally:
            for db in databases:
                await db.close()

    if backend == "sqlite":
        await together(f"sqlite:///{tmp_path / 'amicus.db'}")
        return
    require_postgres()
    async with TemporaryDatabase() as database:
        await together(database.url)


def test_the_migrations_form_one_line_with_one_head():
    """Branches that each added a migration must be re-chained when they meet: two heads
    would make `amicus db upgrade` refuse to start."""
    from alembic.script import ScriptDirectory

    from storage.database import MIGRATIONS

    script = ScriptDirectory(str(MIGRATIONS))
    assert len(script.get_heads()) == 1
    revisions = list(script.walk_revisions())
    assert [r.revision for r in revisions][-1] == "0001"
    for newer, older in itertools.pairwise(revisions):
        assert newer.down_revision == older.revision
