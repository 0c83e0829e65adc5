"""/add as a conversation: a personal idea read, screened, given a level, saved and offered.

The table is `bot.domain.flows.add`; the question itself (and the idea waiting for its
level) is kept by the flow runner (`services.flows`). Every function returns a decision the
handler renders.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import User
from bot.domain.flows.add import ADD, LEVEL, TABLE, TEXT, tidy
from bot.domain.respect import RuleCode
from bot.services import flows, ideas, own_ideas
from bot.services.flows import Ask, Pending, Reask, Stale
from bot.services.ideas import Reaction

_IDEA = "text"  # where the idea waits in the question's data
REASONS_SHOWN = 3


@dataclass(frozen=True)
class TooMany:
    """The person's ladder already holds the most ideas of their own we keep."""

    limit: int


@dataclass(frozen=True)
class Rejected:
    """The idea doesn't pass the respect rules (the first few reasons); the flow ended."""

    problems: tuple[RuleCode, ...]


@dataclass(frozen=True)
class Saved:
    """The idea is on the person's ladder, and offered (so "try it now" works)."""

    idea_id: int
    level: int


@dataclass(frozen=True)
class Spoiled:
    """The idea kept with the question no longer passes (kept by an older version, or
    tampered with): nothing saved, the flow ended."""


@dataclass(frozen=True)
class BadLevel:
    """A level button that isn't one we offer."""


Decision = Ask | Reask | TooMany | Rejected | Saved | Spoiled | Stale | BadLevel


async def command(session: AsyncSession, user: User, typed: str, *, now: datetime) -> Decision:
    """/add, with the idea typed after it or not ("What's the ask?" then)."""
    if await own_ideas.count_own(session, user.id) >= own_ideas.MAX_OWN_IDEAS:
        return TooMany(own_ideas.MAX_OWN_IDEAS)
    if not typed:
        return await flows.start(session, user, TABLE, now=now)
    return await _take_idea(session, user, typed, now)


async def answer_typed(
    session: AsyncSession,
    user: User,
    pending: Pending,
    typed: str,
    language: str,
    *,
    now: datetime,
) -> Decision:
    """A typed answer to "What's the ask?" or "How bold is it?"."""
    if pending.step == TEXT:
        return await _take_idea(session, user, typed, now)
    level = flows.read_typed(TABLE, LEVEL, typed, language)
    if not isinstance(level, int):
        # Not understood: the runner counts the miss and the level is asked again.
        miss = await flows.answer(session, user, TABLE, LEVEL, None, writers={}, now=now)
        return miss if isinstance(miss, Reask) else Stale()
    return await _save(session, user, pending, level, now)


async def tap_level(session: AsyncSession, user: User, code: str, *, now: datetime) -> Decision:
    """A level button under "How bold is it?"."""
    pending = await flows.pending(session, user.id)
    if pending is None or pending.flow != ADD or pending.step != LEVEL:
        return Stale()
    level = flows.read_pressed(TABLE, LEVEL, code)
    if not isinstance(level, int):
        return BadLevel()
    return await _save(session, user, pending, level, now)


async def _take_idea(session: AsyncSession, user: User, typed: str, now: datetime) -> Decision:
    idea = str(flows.read_typed(TABLE, TEXT, typed, user.language))
    screening = own_ideas.screen(idea)
    if not screening.ok:
        await flows.end(session, user.id)
        return Rejected(screening.problems[:REASONS_SHOWN])
    level_step = TABLE.after(TEXT, idea) or LEVEL
    return await flows.ask(session, user.id, ADD, level_step, now=now, data={_IDEA: tidy(idea)})


async def _save(
    session: AsyncSession, user: User, pending: Pending, level: int, now: datetime
) -> Decision:
    idea_text = str(pending.data.get(_IDEA, ""))
    await flows.end(session, user.id)
    if not own_ideas.screen(idea_text).ok:
        return Spoiled()
    try:
        idea = await own_ideas.add_idea(session, user, idea_text, level, now=now)
    except own_ideas.TooManyIdeas:
        return TooMany(own_ideas.MAX_OWN_IDEAS)
    # Offering it right away lets the "Try it now" button go through the idea checks.
    await ideas.record(session, user.id, idea.id, Reaction.OFFERED, now)
    return Saved(idea.id, level)
