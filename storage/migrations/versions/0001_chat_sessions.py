"""chat sessions keyed by a keyed hash of the chat id

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chat_sessions",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.Column("touched_on", sa.Date(), nullable=False),
    )
    op.create_index("ix_chat_sessions_touched_on", "chat_sessions", ["touched_on"])


def downgrade() -> None:
    op.drop_index("ix_chat_sessions_touched_on", "chat_sessions")
    op.drop_table("chat_sessions")
