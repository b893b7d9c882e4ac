"""adviser tickets shown by a random code, not by their sequential id

Revision ID: 0006
Revises: 0004
"""

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# As storage.tickets.CODE_ALPHABET (a migration must not change when the code does).
_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def upgrade() -> None:
    with op.batch_alter_table("adviser_tickets") as batch:
        batch.add_column(sa.Column("code", sa.String(12), nullable=True))
    tickets = sa.table("adviser_tickets", sa.column("id", sa.Integer), sa.column("code"))
    connection = op.get_bind()
    taken: set[str] = set()
    for (ticket_id,) in connection.execute(sa.select(tickets.c.id)).all():
        code = ""
        while not code or code in taken:
            code = "".join(secrets.choice(_ALPHABET) for _ in range(6))
        taken.add(code)
        connection.execute(tickets.update().where(tickets.c.id == ticket_id).values(code=code))
    with op.batch_alter_table("adviser_tickets") as batch:
        batch.alter_column("code", existing_type=sa.String(12), nullable=False)
    op.create_index("ix_adviser_tickets_code", "adviser_tickets", ["code"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_adviser_tickets_code", "adviser_tickets")
    with op.batch_alter_table("adviser_tickets") as batch:
        batch.drop_column("code")
