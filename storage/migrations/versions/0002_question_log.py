"""the anonymised question log (guideline 40)

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "question_log",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("text", sa.String(4096), nullable=True),
        sa.Column("guidelines", sa.JSON(), nullable=False),
        sa.Column("topic", sa.String(32), nullable=True),
        sa.Column("answer", sa.String(64), nullable=True),
        sa.Column("asker", sa.String(64), nullable=False),
    )
    op.create_index("ix_question_log_month", "question_log", ["month"])
    op.create_index("ix_question_log_asker", "question_log", ["asker"])


def downgrade() -> None:
    op.drop_index("ix_question_log_asker", "question_log")
    op.drop_index("ix_question_log_month", "question_log")
    op.drop_table("question_log")
