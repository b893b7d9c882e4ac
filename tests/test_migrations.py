"""The migrations build exactly the schema the models describe, on both backends: a
column added to a model without a migration (or the reverse) fails here, not in production."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

import storage.faqdigest
import storage.locks
import storage.messages
from storage.models import Base

# Tables are declared where they are used; every one of them must be in the metadata.
MODULES = (storage.faqdigest, storage.locks, storage.messages)


async def test_models_and_migrations_agree(db):
    def differences(connection):
        return compare_metadata(MigrationContext.configure(connection), Base.metadata)

    async with db.engine.connect() as connection:
        found = await connection.run_sync(differences)
    assert found == []
