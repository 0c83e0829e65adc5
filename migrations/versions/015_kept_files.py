"""kept files

kept_files: the last /stats chart and /export files made for a person, sent again instead
of being made again (a chart at most once a minute and until a new ask changes it, an
export at most once an hour; issue 18). Pruned within a day; erased by /delete.

Revision ID: 015
Revises: 014
Create Date: 2026-12-04 14:50:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.db.types

revision: str = "015"
down_revision: str | None = "014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "kept_files",
        sa.Column("user_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("made_at", bot.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("basis", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_kept_files_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "kind", name=op.f("pk_kept_files")),
    )


def downgrade() -> None:
    op.drop_table("kept_files")
