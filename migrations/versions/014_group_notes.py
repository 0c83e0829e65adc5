"""group notes

group_notes: when a group was last told that the coach works one-to-one, so a group is
answered at most once a day (issue 18). Keyed by the group's chat id; no person in it.
users.chat_id: a button pressed in a group used to re-point a person's nudges to that
group. Messages to a person go to their private chat, whose id is their user id: put back
any row that was re-pointed (there is nothing to restore on downgrade).

Revision ID: 014
Revises: 013
Create Date: 2026-12-04 14:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.db.types

revision: str = "014"
down_revision: str | None = "013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "group_notes",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("noted_at", bot.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("chat_id", name=op.f("pk_group_notes")),
    )
    op.execute("UPDATE users SET chat_id = id WHERE chat_id <> id")


def downgrade() -> None:
    op.drop_table("group_notes")
