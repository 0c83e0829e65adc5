"""weekly recaps

A recaps table (one row per person and local week, unique, so a recap is sent at most once
and /recap can show it again) and each person's recap weekday, time and next due instant.
Existing people get Sunday 18:00; their first next_recap_at is filled in by the scheduler
(it needs time-zone maths, which a migration should not do).

Revision ID: 003
Revises: 002
Create Date: 2026-11-26 16:28:51.854738
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.db.types

revision: str = "003"
down_revision: str | None = "002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "recaps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("week_start", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("stats", sa.JSON(), nullable=False),
        sa.Column("created_at", bot.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_recaps_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recaps")),
        sa.UniqueConstraint("user_id", "week_start", name="uq_recaps_user_week"),
    )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("recap_weekday", sa.SmallInteger(), server_default="6", nullable=False)
        )
        batch_op.add_column(
            sa.Column("recap_time", sa.Time(), server_default="18:00:00", nullable=False)
        )
        batch_op.add_column(
            sa.Column("next_recap_at", bot.db.types.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.create_index(batch_op.f("ix_users_next_recap_at"), ["next_recap_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_users_next_recap_at"))
        batch_op.drop_column("next_recap_at")
        batch_op.drop_column("recap_time")
        batch_op.drop_column("recap_weekday")

    op.drop_table("recaps")
