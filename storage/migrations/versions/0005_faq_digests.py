"""frozen monthly FAQ digests: every export of an ended month is the same

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "faq_digests",
        sa.Column("month", sa.String(7), primary_key=True),
        sa.Column("min_askers", sa.Integer(), primary_key=True),
        sa.Column("data", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("faq_digests")
