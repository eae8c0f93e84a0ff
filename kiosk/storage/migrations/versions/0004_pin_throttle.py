"""The kiosk's staff-exit PIN throttle, kept in the database so a restart does not reset it.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "pin_throttle",
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("failed_pin_tries", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_pin_throttle")),
    )


def downgrade() -> None:
    op.drop_table("pin_throttle")
