"""Counts for operators: how many people, how busy, how far behind. Never content."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Attempt, InboxUpdate, OutboxMessage, User
from bot.services import buddies


async def operator_counts(session: AsyncSession, now: datetime) -> dict[str, int]:
    async def count(query: object) -> int:
        return int(await session.scalar(query) or 0)  # type: ignore[call-overload]

    return {
        "users": await count(select(func.count()).select_from(User)),
        "active": await count(select(func.count()).select_from(User).where(User.is_active)),
        "onboarded": await count(
            select(func.count()).select_from(User).where(User.onboarded_at.is_not(None))
        ),
        "attempts_week": await count(
            select(func.count())
            .select_from(Attempt)
            .where(Attempt.created_at >= now - timedelta(days=7), Attempt.status == "logged")
        ),
        "buddy_pairs": await buddies.pair_count(session),
        # How many crisis replies were sent, never what was written.
        "crises": await count(select(func.coalesce(func.sum(User.crisis_count), 0))),
        "outbox": await count(select(func.count()).select_from(OutboxMessage)),
        "inbox": await count(
            select(func.count()).select_from(InboxUpdate).where(InboxUpdate.processed_at.is_(None))
        ),
    }
