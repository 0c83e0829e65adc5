"""Data minimisation: what we keep only as long as it serves the person.

The answer log remembers the value each answer replaced, so /undo can take it back. For
lessons and descriptions that value is text the person chose to replace; once /undo can no
longer reach it (UNDO_WINDOW), it serves nobody, so the scheduler pass drops it. Other
answers (a number, an outcome) replace nothing personal and stay for the history.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import AnswerLog
from bot.domain.flows.log import Field
from bot.services.attempts import UNDO_WINDOW

REPLACED_TEXTS = (Field.LESSON.value, Field.DESCRIPTION.value)


async def drop_replaced_texts(session: AsyncSession, *, now: datetime) -> int:
    """Forget replaced lesson and description texts older than the undo window."""
    result = await session.execute(
        delete(AnswerLog).where(
            AnswerLog.field.in_(REPLACED_TEXTS), AnswerLog.created_at < now - UNDO_WINDOW
        )
    )
    return int(getattr(result, "rowcount", 0) or 0)
