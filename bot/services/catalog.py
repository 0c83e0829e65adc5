"""Mirror the catalog in prompts.yaml into the challenges table, by stable id.

Attempts and idea events point at challenge rows, so catalog ideas get rows too. Editing an
idea's text in prompts.yaml updates its row; removing an idea retires its row (history
still points at it); an id is never reused for a different idea.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Challenge
from bot.db.session import dialect_of
from bot.texts import IdeaSpec


async def mirror_catalog(session: AsyncSession, ideas: Sequence[IdeaSpec]) -> None:
    """Upsert every catalog idea and retire the ones no longer in prompts.yaml.

    Safe when several replicas start at once: the upsert is keyed on the unique catalog_key.
    """
    rows = [
        {
            "catalog_key": idea.id,
            "text": idea.text,
            "level": idea.level,
            "category": idea.category,
            "setting": idea.setting,
            "tip": idea.tip,
            "retired": False,
        }
        for idea in ideas
    ]
    insert = pg_insert if dialect_of(session) == "postgresql" else sqlite_insert
    statement = insert(Challenge).values(rows)
    statement = statement.on_conflict_do_update(
        index_elements=[Challenge.catalog_key],
        set_={
            name: statement.excluded[name]
            for name in ("text", "level", "category", "setting", "tip", "retired")
        },
    )
    await session.execute(statement)
    await session.execute(
        update(Challenge)
        .where(
            Challenge.catalog_key.is_not(None),
            Challenge.catalog_key.not_in([idea.id for idea in ideas]),
        )
        .values(retired=True)
    )
