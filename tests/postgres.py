"""The PostgreSQL on 127.0.0.1:5432: used when it answers, required under CI=true."""

from __future__ import annotations

import os
import secrets
import socket

import pytest

PG_URL = os.environ.get("AMICUS_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


def postgres_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=1):
            return True
    except OSError:
        return False


def require_postgres() -> None:
    if postgres_up():
        return
    if os.environ.get("CI") == "true":
        pytest.fail("PostgreSQL is not answering on 127.0.0.1:5432, and CI=true requires it")
    pytest.skip("PostgreSQL is not running on 127.0.0.1:5432 (these tests run under CI=true)")


class TemporaryDatabase:
    """A database of its own for one test, created on the server and dropped after, so
    tests never see each other's rows or migrations, nor leave any behind for the next run."""

    def __init__(self) -> None:
        self.name = f"amicus_test_{secrets.token_hex(4)}"
        self.url = PG_URL.rsplit("/", 1)[0] + f"/{self.name}"

    async def __aenter__(self) -> TemporaryDatabase:
        await self._admin(f'CREATE DATABASE "{self.name}"')
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    async def _admin(self, statement: str) -> None:
        import asyncpg

        connection = await asyncpg.connect(PG_URL.replace("postgresql://", "postgres://"))
        try:
            await connection.execute(statement)
        finally:
            await connection.close()
