"""Village points: records and help sessions with UUIDs, their sync state, settings.

Revision ID: 0006
Revises: 0002
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "help_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("synced_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_help_session")),
        sa.UniqueConstraint("uid", name=op.f("uq_help_session_uid")),
    )
    with op.batch_alter_table("help_session", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_help_session_day"), ["day"], unique=False)

    op.create_table(
        "village_setting",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_village_setting")),
    )
    op.create_table(
        "help_session_member",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("helper_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["helper_id"], ["helper.id"], name=op.f("fk_help_session_member_helper_id_helper")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["help_session.id"],
            name=op.f("fk_help_session_member_session_id_help_session"),
        ),
        sa.PrimaryKeyConstraint("session_id", "helper_id", name=op.f("pk_help_session_member")),
    )
    op.create_table(
        "village_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("help_session_id", sa.Integer(), nullable=True),
        sa.Column("need", sa.String(length=40), nullable=False),
        sa.Column("procedure_code", sa.String(length=80), nullable=True),
        sa.Column("age_band", sa.String(length=20), nullable=True),
        sa.Column("sex", sa.String(length=10), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["help_session_id"],
            ["help_session.id"],
            name=op.f("fk_village_record_help_session_id_help_session"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_village_record")),
        sa.UniqueConstraint("uid", name=op.f("uq_village_record_uid")),
    )
    with op.batch_alter_table("village_record", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_village_record_help_session_id"), ["help_session_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_village_record_recorded_at"), ["recorded_at"], unique=False
        )
        batch_op.create_index("ix_village_record_unsent", ["sent_at", "id"], unique=False)

    op.create_table(
        "village_record_helper",
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("helper_id", sa.Integer(), nullable=False),
        sa.Column("part", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["helper_id"], ["helper.id"], name=op.f("fk_village_record_helper_helper_id_helper")
        ),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["village_record.id"],
            name=op.f("fk_village_record_helper_record_id_village_record"),
        ),
        sa.PrimaryKeyConstraint("record_id", "helper_id", name=op.f("pk_village_record_helper")),
    )
    op.create_table(
        "village_record_outcome",
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["village_record.id"],
            name=op.f("fk_village_record_outcome_record_id_village_record"),
        ),
        sa.PrimaryKeyConstraint("record_id", "outcome", name=op.f("pk_village_record_outcome")),
    )


def downgrade() -> None:
    op.drop_table("village_record_outcome")
    op.drop_table("village_record_helper")
    with op.batch_alter_table("village_record", schema=None) as batch_op:
        batch_op.drop_index("ix_village_record_unsent")
        batch_op.drop_index(batch_op.f("ix_village_record_recorded_at"))
        batch_op.drop_index(batch_op.f("ix_village_record_help_session_id"))

    op.drop_table("village_record")
    op.drop_table("help_session_member")
    op.drop_table("village_setting")
    with op.batch_alter_table("help_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_help_session_day"))

    op.drop_table("help_session")
