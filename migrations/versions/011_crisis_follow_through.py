"""crisis follow-through

users.crisis_hold_at: set when a crisis reply is sent; while set, no nudge or follow-up
is sent and the next message is answered with a gentle check-in. Cleared when the person
writes again or says they are okay.
users.crisis_at: when the last crisis reply was sent, so that week's recap is a gentle
note without figures or offers (the crisis itself is never stored, so it is left out).
users.crisis_count: how many crisis replies the person got, so the operator view can count
crises without any content. Erased with the person by /delete.

Revision ID: 011
Revises: 010
Create Date: 2026-12-04 04:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.db.types

revision: str = "011"
down_revision: str | None = "010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("crisis_hold_at", bot.db.types.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(
            sa.Column("crisis_at", bot.db.types.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(
            sa.Column("crisis_count", sa.Integer(), server_default="0", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("crisis_count")
        batch_op.drop_column("crisis_at")
        batch_op.drop_column("crisis_hold_at")
