"""message ids per chat session (to clear a chat on /forget); once-only jobs done

Revision ID: 0008
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chat_messages",
        sa.Column("session_key", sa.String(64), primary_key=True),
        sa.Column("message_id", sa.BigInteger(), primary_key=True),
        sa.Column("sent_at", sa.BigInteger(), nullable=False),
    )
    op.create_index("ix_chat_messages_sent_at", "chat_messages", ["sent_at"])
    op.create_table(
        "job_runs",
        sa.Column("job", sa.String(32), primary_key=True),
        sa.Column("period", sa.String(16), primary_key=True),
        sa.Column("done_at", sa.BigInteger(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("job_runs")
    op.drop_table("chat_messages")
