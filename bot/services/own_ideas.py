"""Personal ideas: asks people add to their own ladder, screened by the respect rules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Challenge, User
from bot.domain.respect import RuleCode, screen_idea
from bot.services.ideas import Idea

PERSONAL_CATEGORY = "personal"
# Enough for anyone's ladder; a bound so no one can grow the catalog without end.
MAX_OWN_IDEAS = 200
_PHONE = re.compile(r"\b(?:call|phone|ring)\w*\b", re.IGNORECASE)
_MESSAGE = re.compile(r"\b(?:e-?mail|message|text|dm|write|linkedin)\w*\b", re.IGNORECASE)


@dataclass(frozen=True)
class Screening:
    ok: bool
    problems: tuple[RuleCode, ...]


def screen(text: str) -> Screening:
    """The same respect rules as the catalog: would you happily accept a yes?"""
    result = screen_idea(text)
    codes = tuple(dict.fromkeys(RuleCode(v.code) for v in result.violations))
    return Screening(result.ok, codes)


def setting_of(text: str) -> str:
    if _PHONE.search(text):
        return "phone"
    if _MESSAGE.search(text):
        return "message"
    return "in_person"


class TooManyIdeas(Exception):
    """The person already keeps MAX_OWN_IDEAS ideas of their own."""


async def add_idea(
    session: AsyncSession, user: User, text: str, level: int, *, now: datetime
) -> Idea:
    """Raises ValueError when the idea doesn't pass, TooManyIdeas when the ladder is full."""
    cleaned = _checked(text, level)
    if await count_own(session, user.id) >= MAX_OWN_IDEAS:
        raise TooManyIdeas
    challenge = Challenge(
        owner_id=user.id,
        text=cleaned,
        level=level,
        category=PERSONAL_CATEGORY,
        setting=setting_of(cleaned),
        created_at=now,
    )
    session.add(challenge)
    await session.flush()
    return Idea.of(challenge)


async def count_own(session: AsyncSession, user_id: int) -> int:
    """How many of their own ideas the person keeps (removed ones left out)."""
    found = await session.scalar(
        select(func.count())
        .select_from(Challenge)
        .where(Challenge.owner_id == user_id, Challenge.retired.is_(False))
    )
    return int(found or 0)


async def ideas_of(session: AsyncSession, user_id: int) -> list[Idea]:
    """This person's own ideas (removed ones left out), oldest first."""
    rows = await session.scalars(
        select(Challenge)
        .where(Challenge.owner_id == user_id, Challenge.retired.is_(False))
        .order_by(Challenge.id)
    )
    return [Idea.of(challenge) for challenge in rows]


async def edit_idea(
    session: AsyncSession, user: User, idea_id: int, text: str, level: int
) -> Idea | None:
    """Reword or re-level one of the person's own ideas, through the same respect rules
    as /add (``ValueError`` when it doesn't pass). None if it isn't theirs."""
    challenge = await _own(session, user.id, idea_id)
    if challenge is None:
        return None
    cleaned = _checked(text, level)
    challenge.text, challenge.level, challenge.setting = cleaned, level, setting_of(cleaned)
    await session.flush()
    return Idea.of(challenge)


async def remove_idea(session: AsyncSession, user: User, idea_id: int) -> bool:
    """Take an idea off the ladder. It is retired, not deleted, so asks logged with it keep
    their wording in the history (as catalog ideas do when removed from prompts.yaml)."""
    challenge = await _own(session, user.id, idea_id)
    if challenge is None:
        return False
    challenge.retired = True
    await session.flush()
    return True


async def _own(session: AsyncSession, user_id: int, idea_id: int) -> Challenge | None:
    challenge = await session.get(Challenge, idea_id)
    if challenge is None or challenge.owner_id != user_id or challenge.retired:
        return None
    return challenge


def _checked(text: str, level: int) -> str:
    if not 1 <= level <= 5:
        raise ValueError("levels run from 1 to 5")
    cleaned = " ".join(text.split())
    if not screen(cleaned).ok:
        raise ValueError("the idea does not pass the respect rules")
    return cleaned
