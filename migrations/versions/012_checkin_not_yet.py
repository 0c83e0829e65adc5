"""check-in "not yet"

attempts.followup_postponed: how many times the person answered a check-in with "not yet"
("later", "tomorrow", "haven't had the chance"). The first time the check-in is asked again
once at a sensible local time; after that the attempt stays open without more check-ins.

Revision ID: 012
Revises: 011
Create Date: 2026-12-04 14:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "012"
down_revision: str | None = "011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("attempts", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("followup_postponed", sa.SmallInteger(), server_default="0", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("attempts", schema=None) as batch_op:
        batch_op.drop_column("followup_postponed")
