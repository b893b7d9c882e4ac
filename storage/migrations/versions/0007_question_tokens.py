"""question log: an opaque token per row, and a keyed hash of the update that kept it

Revision ID: 0007
Revises: 0004
"""

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("question_log") as batch:
        batch.add_column(sa.Column("token", sa.String(16), nullable=True))
        batch.add_column(sa.Column("update_key", sa.String(64), nullable=True))
    # Rows kept before: a token each, so /kept can offer to remove them too.
    log = sa.table("question_log", sa.column("id", sa.Integer), sa.column("token", sa.String))
    bind = op.get_bind()
    ids = bind.execute(sa.select(log.c.id).where(log.c.token.is_(None))).scalars().all()
    if ids:
        bind.execute(
            log.update().where(log.c.id == sa.bindparam("row")).values(token=sa.bindparam("t")),
            [{"row": row, "t": secrets.token_urlsafe(9)} for row in ids],
        )
    op.create_index("ix_question_log_token", "question_log", ["token"], unique=True)
    op.create_index("ix_question_log_update_key", "question_log", ["update_key"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_question_log_update_key", "question_log")
    op.drop_index("ix_question_log_token", "question_log")
    with op.batch_alter_table("question_log") as batch:
        batch.drop_column("update_key")
        batch.drop_column("token")
