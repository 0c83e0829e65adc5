"""What the Mini App dashboard reads: every ask with its idea's kind, and the ladder's tallies.

Reads only; the changes the dashboard makes go through the same services as the chat
(attempts.correct, ideas.bring_back, own_ideas.*, profile.set_*).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Attempt, Challenge
from bot.domain.forecasts import ASKED
from bot.domain.recap import WeekAttempt

# A person logging one ask a day for three years; the page stays quick beyond that.
ASKS_SHOWN = 1000


@dataclass(frozen=True)
class Ask:
    """One logged ask as the dashboard shows it."""

    id: int
    created_at: datetime
    title: str | None  # the person's words, else the idea's text
    category: str | None  # the idea's kind; None when told in the person's own words
    level: int | None
    outcome: str | None
    predicted_no_pct: int | None
    anxiety_before: float | None
    anxiety_after: float | None
    lesson: str | None
    # The catalog idea asked (None for the person's own words): shown in their language.
    catalog_key: str | None = None

    def as_week_attempt(self) -> WeekAttempt:
        return WeekAttempt(
            self.created_at,
            self.level,
            self.outcome,
            self.predicted_no_pct,
            self.anxiety_before,
            self.anxiety_after,
            self.lesson,
            self.title,
            self.catalog_key,
        )


async def asks_of(session: AsyncSession, user_id: int, limit: int = ASKS_SHOWN) -> list[Ask]:
    """This person's logged asks, newest first."""
    rows = await session.execute(
        select(
            Attempt.id,
            Attempt.created_at,
            func.coalesce(func.nullif(Attempt.description, ""), Challenge.text),
            Challenge.category,
            Attempt.level,
            Attempt.outcome,
            Attempt.predicted_no_pct,
            Attempt.anxiety_before,
            Attempt.anxiety_after,
            Attempt.lesson,
            case((func.coalesce(Attempt.description, "") == "", Challenge.catalog_key)),
        )
        .outerjoin(Challenge, Challenge.id == Attempt.challenge_id)
        .where(Attempt.user_id == user_id, Attempt.status == "logged")
        .order_by(Attempt.created_at.desc(), Attempt.id.desc())
        .limit(limit)
    )
    return [Ask(*row) for row in rows]


@dataclass(frozen=True)
class LadderTally:
    by_level: dict[int, int]  # asks tried at each level 1..5
    by_category: dict[str, int]  # asks tried per kind of idea ("" = own words)


def tally(asks: Sequence[Ask]) -> LadderTally:
    """Asks tried (whatever the answer) per level and per kind: credit for asking."""
    tried = [ask for ask in asks if ask.outcome in ASKED]
    levels = Counter(ask.level for ask in tried if ask.level is not None)
    categories = Counter(ask.category or "" for ask in tried)
    return LadderTally(
        {level: levels.get(level, 0) for level in range(1, 6)},
        dict(categories.most_common()),
    )
