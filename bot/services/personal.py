"""Personal ideas: asks people add to their own ladder, screened by the respect rules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Challenge, User
from bot.domain.respect import RuleCode, screen_idea
from bot.services.ideas import Idea

PERSONAL_CATEGORY = "personal"
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


async def add_idea(
    session: AsyncSession, user: User, text: str, level: int, *, now: datetime
) -> Idea:
    if not 1 <= level <= 5:
        raise ValueError("levels run from 1 to 5")
    cleaned = " ".join(text.split())
    if not screen(cleaned).ok:
        raise ValueError("the idea does not pass the respect rules")
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
