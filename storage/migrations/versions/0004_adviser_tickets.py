"""questions relayed to a human ethics adviser (guideline 29)

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "adviser_tickets",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("asker", sa.String(64), nullable=False),
        sa.Column("route", sa.LargeBinary(64), nullable=False),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("text", sa.String(4096), nullable=True),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("venue", sa.String(64), nullable=True),
        sa.Column("adviser_message_id", sa.BigInteger(), nullable=True),
        sa.Column("created_on", sa.Date(), nullable=False),
        # Never reuse a number: an old "Withdraw" button must not reach a newer question.
        sqlite_autoincrement=True,
    )
    op.create_index("ix_adviser_tickets_asker", "adviser_tickets", ["asker"])
    op.create_index(
        "ix_adviser_tickets_adviser_message_id", "adviser_tickets", ["adviser_message_id"]
    )
    op.create_index("ix_adviser_tickets_created_on", "adviser_tickets", ["created_on"])


def downgrade() -> None:
    op.drop_table("adviser_tickets")
