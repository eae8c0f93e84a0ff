"""Offline kiosk: number blocks set aside per kiosk, and tickets uploaded by their UUID.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "number_block",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kiosk_id", sa.String(length=64), nullable=False),
        sa.Column("line_id", sa.Integer(), nullable=False),
        sa.Column("service_day", sa.Date(), nullable=False),
        sa.Column("first_sequence", sa.Integer(), nullable=False),
        sa.Column("last_sequence", sa.Integer(), nullable=False),
        sa.Column("reserved_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["line_id"], ["line.id"], name=op.f("fk_number_block_line_id_line")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_number_block")),
    )
    with op.batch_alter_table("number_block", schema=None) as batch_op:
        batch_op.create_index(
            "ix_number_block_kiosk_day", ["kiosk_id", "service_day"], unique=False
        )
    op.create_table(
        "offline_ticket",
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("kiosk_id", sa.String(length=64), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["ticket.id"], name=op.f("fk_offline_ticket_ticket_id_ticket")
        ),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_offline_ticket")),
        sa.UniqueConstraint("ticket_id", name=op.f("uq_offline_ticket_ticket_id")),
    )


def downgrade() -> None:
    op.drop_table("offline_ticket")
    with op.batch_alter_table("number_block", schema=None) as batch_op:
        batch_op.drop_index("ix_number_block_kiosk_day")
    op.drop_table("number_block")
