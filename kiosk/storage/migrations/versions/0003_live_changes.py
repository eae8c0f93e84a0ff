"""Screens hear of changes by NOTIFY (PostgreSQL) or data_version (SQLite): the counter goes.

Every write used to update the one ``site.change_counter`` row, so all desks queued on its
row lock. Programs of an older version still write it: update every PC of a site together.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("site", schema=None) as batch_op:
        batch_op.drop_column("change_counter")


def downgrade() -> None:
    with op.batch_alter_table("site", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("change_counter", sa.Integer(), nullable=False, server_default="0")
        )
