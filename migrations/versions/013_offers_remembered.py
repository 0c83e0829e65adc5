"""offers remembered, fewer canned repeats

users.rest_offered_on: the person's local day the rest offer ("skip tomorrow's nudge?") was
last made; it is made at most once a local day, and never again that day after a "no".
users.cap_note_week: the local week (its Monday) whose held-back nudges were explained, so
the weekly pace never holds a nudge silently and the note comes once a week.
users.recent_lines: the stock lines (prompt key and variant) of the person's last replies,
so the coach rotates its words instead of repeating one within ten messages.

Revision ID: 013
Revises: 012
Create Date: 2026-12-04 14:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "013"
down_revision: str | None = "012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rest_offered_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("cap_note_week", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("recent_lines", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("recent_lines")
        batch_op.drop_column("cap_note_week")
        batch_op.drop_column("rest_offered_on")
