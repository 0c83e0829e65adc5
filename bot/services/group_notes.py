"""Groups: we coach one-to-one, and say so in a group at most once a day."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import repo


async def may_note(session: AsyncSession, chat_id: int, *, now: datetime) -> bool:
    """True (and remembered) when the group has not been told in the last day."""
    return await repo.may_note_group(session, chat_id, now=now)
