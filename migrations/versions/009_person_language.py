"""person language

users.language: the coach's language for this person ("en", "es", "ru"), chosen from
Telegram's language_code at first contact and changed with /language. People who were
here before take the language their Telegram reported, when we now speak it.

Revision ID: 009
Revises: 004
Create Date: 2026-12-03 21:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "009"
down_revision: str | None = "004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The languages shipped with this revision (later ones start from /language).
_SHIPPED = ("es", "ru")


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("language", sa.String(length=8), server_default="en", nullable=False)
        )
    users = sa.table("users", sa.column("language", sa.String), sa.column("language_code"))
    for code in _SHIPPED:
        op.execute(
            users.update()
            .where(sa.func.lower(sa.func.substr(users.c.language_code, 1, 2)) == code)
            .values(language=code)
        )


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("language")
