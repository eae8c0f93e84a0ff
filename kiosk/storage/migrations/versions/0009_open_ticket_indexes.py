"""Partial indexes for call-next: today's waiting tickets, and the tickets desks hold.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_WAITING = "status = 'waiting'"
_AT_DESK = "status IN ('called', 'serving')"


def upgrade() -> None:
    op.create_index(
        "ix_ticket_waiting",
        "ticket",
        ["service_day", "line_id"],
        postgresql_where=sa.text(_WAITING),
        sqlite_where=sa.text(_WAITING),
    )
    op.create_index(
        "ix_ticket_at_desk",
        "ticket",
        ["counter_id", "service_day"],
        postgresql_where=sa.text(_AT_DESK),
        sqlite_where=sa.text(_AT_DESK),
    )


def downgrade() -> None:
    op.drop_index("ix_ticket_at_desk", table_name="ticket")
    op.drop_index("ix_ticket_waiting", table_name="ticket")
