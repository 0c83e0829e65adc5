"""care: rest and weekly cap

rest_until: no challenges or nudges before it (set after crisis language, or when someone
accepts "skip tomorrow" after a draining day). weekly_cap: the soft weekly pace (default 3,
0 = none), and cap_override_week: the local week in which they asked to keep going anyway.

Revision ID: 004
Revises: 003
Create Date: 2026-11-26 16:45:17.783644
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.db.types

revision: str = "004"
down_revision: str | None = "003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("rest_until", bot.db.types.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(
            sa.Column("weekly_cap", sa.SmallInteger(), server_default="3", nullable=False)
        )
        batch_op.add_column(sa.Column("cap_override_week", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("cap_override_week")
        batch_op.drop_column("weekly_cap")
        batch_op.drop_column("rest_until")
