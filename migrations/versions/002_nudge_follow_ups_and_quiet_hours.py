"""nudge follow-ups and quiet hours

Attempts get a follow-up instant (one gentle check-in after "I'll try it") and when it was
sent; users get quiet hours (local wall-clock) so check-ins never arrive at night. Existing
users get the default quiet hours through the server defaults.

Revision ID: 002
Revises: 001
Create Date: 2026-11-26 16:17:19.161189
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.db.types

revision: str = "002"
down_revision: str | None = "001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("attempts", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("followup_due_at", bot.db.types.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(
            sa.Column("followup_sent_at", bot.db.types.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.create_index(
            batch_op.f("ix_attempts_followup_due_at"), ["followup_due_at"], unique=False
        )

    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("quiet_start", sa.Time(), server_default="21:30:00", nullable=False)
        )
        batch_op.add_column(
            sa.Column("quiet_end", sa.Time(), server_default="08:00:00", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("quiet_end")
        batch_op.drop_column("quiet_start")

    with op.batch_alter_table("attempts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attempts_followup_due_at"))
        batch_op.drop_column("followup_sent_at")
        batch_op.drop_column("followup_due_at")
