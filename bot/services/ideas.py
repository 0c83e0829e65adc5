"""Ideas on demand: pick the next idea for someone, and remember what they made of it."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Attempt, Challenge, IdeaEvent, User
from bot.domain import ladder
from bot.domain.ladder import Candidate, History

# An idea button stays valid this long after the idea was offered; older presses are stale.
OFFER_VALID_FOR = timedelta(days=14)


class Reaction(StrEnum):
    OFFERED = "offered"
    ACCEPTED = "accepted"
    ANOTHER = "another"
    NOT_FOR_ME = "not_for_me"
    NOT_TODAY = "not_today"
    EASIER = "easier"
    BOLDER = "bolder"


@dataclass(frozen=True)
class Idea:
    id: int
    text: str
    level: int
    category: str
    setting: str
    tip: str | None
    personal: bool

    @classmethod
    def of(cls, challenge: Challenge) -> Idea:
        return cls(
            challenge.id,
            challenge.text,
            challenge.level,
            challenge.category,
            challenge.setting,
            challenge.tip,
            challenge.owner_id is not None,
        )


async def offer_idea(
    session: AsyncSession,
    user: User,
    *,
    now: datetime,
    rng: random.Random,
    category: str | None = None,
    exclude: tuple[int, ...] = (),
) -> Idea | None:
    """Choose the next idea for `user` at their level, and record that it was offered."""
    candidates = await _candidates(session, user.id)
    history = await _history(session, user.id, candidates)
    chosen = ladder.choose_idea(
        list(candidates.values()),
        level=user.level,
        history=history,
        now=now,
        rng=rng,
        category=category,
        exclude=exclude,
    )
    if chosen is None:
        return None
    await record(session, user.id, chosen.id, Reaction.OFFERED, now)
    challenge = await session.get(Challenge, chosen.id)
    return Idea.of(challenge) if challenge is not None else None


async def record(
    session: AsyncSession, user_id: int, challenge_id: int, reaction: Reaction, now: datetime
) -> None:
    session.add(
        IdeaEvent(user_id=user_id, challenge_id=challenge_id, kind=reaction.value, created_at=now)
    )
    await session.flush()


async def offered_idea(
    session: AsyncSession, user_id: int, challenge_id: int, *, now: datetime
) -> Idea | None:
    """The idea behind a button press, if it was offered to this person lately and they
    haven't answered that offer yet.

    Guards against stale buttons and forged callback data: another user's personal idea,
    an id that never existed, an offer from weeks ago, or a second tap on a card that was
    already answered all come back as None.
    """
    challenge = await session.get(Challenge, challenge_id)
    if challenge is None or challenge.owner_id not in (None, user_id):
        return None
    mine = (IdeaEvent.user_id == user_id, IdeaEvent.challenge_id == challenge_id)
    offer_id = await session.scalar(
        select(func.max(IdeaEvent.id)).where(
            *mine,
            IdeaEvent.kind == Reaction.OFFERED.value,
            IdeaEvent.created_at >= now - OFFER_VALID_FOR,
        )
    )
    if offer_id is None:
        return None
    answered = await session.scalar(
        select(IdeaEvent.id).where(*mine, IdeaEvent.id > offer_id).limit(1)
    )
    return Idea.of(challenge) if answered is None else None


def change_level(user: User, level: int, now: datetime) -> bool:
    """Set the person's level (their own choice, or the ladder's). Returns whether it moved."""
    level = ladder.clamp(level)
    if level == user.level:
        return False
    user.level = level
    user.level_changed_at = now
    return True


async def apply_ladder(session: AsyncSession, user: User, now: datetime) -> ladder.LevelChange:
    """After an ask is logged or skipped: move the level if the ladder says so."""
    signals = await _signals_since_change(session, user)
    change = ladder.next_level(user.level, signals)
    change_level(user, change.level, now)
    return change


async def _signals_since_change(session: AsyncSession, user: User) -> list[ladder.Signal]:
    since = user.level_changed_at or user.created_at
    attempts = await session.execute(
        select(Attempt.level, Attempt.outcome, Attempt.anxiety_after, Attempt.completed_at)
        .where(
            Attempt.user_id == user.id,
            Attempt.completed_at.is_not(None),
            Attempt.completed_at > since,
        )
        .order_by(Attempt.completed_at.desc())
        .limit(ladder.RECENT_WINDOW * 3)
    )
    skips = await session.execute(
        select(IdeaEvent.created_at)
        .where(
            IdeaEvent.user_id == user.id,
            IdeaEvent.kind == Reaction.NOT_TODAY.value,
            IdeaEvent.created_at > since,
        )
        .order_by(IdeaEvent.created_at.desc())
        .limit(ladder.SKIPS_TO_STEP_DOWN)
    )
    timeline: list[tuple[datetime, ladder.Signal]] = [
        (
            row.completed_at,
            ladder.Signal(
                level=row.level,
                skipped=row.outcome == "didnt_ask",
                outcome=row.outcome,
                anxiety_after=row.anxiety_after,
            ),
        )
        for row in attempts
    ]
    timeline += [(row.created_at, ladder.Signal(level=None, skipped=True)) for row in skips]
    timeline.sort(key=lambda item: item[0], reverse=True)
    return [signal for _, signal in timeline]


async def _candidates(session: AsyncSession, user_id: int) -> dict[int, Candidate]:
    rows = await session.execute(
        select(Challenge.id, Challenge.level, Challenge.category, Challenge.setting).where(
            Challenge.retired.is_(False),
            or_(Challenge.owner_id.is_(None), Challenge.owner_id == user_id),
        )
    )
    return {row.id: Candidate(row.id, row.level, row.category, row.setting) for row in rows}


async def _history(
    session: AsyncSession, user_id: int, candidates: dict[int, Candidate]
) -> History:
    last_offers = await session.execute(
        select(IdeaEvent.challenge_id, func.max(IdeaEvent.created_at).label("at"))
        .where(IdeaEvent.user_id == user_id, IdeaEvent.kind == Reaction.OFFERED.value)
        .group_by(IdeaEvent.challenge_id)
    )
    offered_at = {row.challenge_id: row.at for row in last_offers}
    hidden = set(
        await session.scalars(
            select(IdeaEvent.challenge_id).where(
                IdeaEvent.user_id == user_id, IdeaEvent.kind == Reaction.NOT_FOR_ME.value
            )
        )
    )
    newest_first = sorted(offered_at, key=lambda idea_id: offered_at[idea_id], reverse=True)
    recent = [candidates[idea_id] for idea_id in newest_first[:5] if idea_id in candidates]
    return History(offered_at=offered_at, hidden=hidden, recent=recent)
