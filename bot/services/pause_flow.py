"""/pause as a conversation: "how long a break?" read, the break taken, and what to say.

The table is `bot.domain.flows.pause`; the question itself is kept by the flow runner
(`services.flows`). Every function returns a decision the handler renders.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import User
from bot.domain import schedule
from bot.domain.answers import Control, parse_control, parse_quick_log
from bot.domain.answers.pauses import BreakLength
from bot.domain.flows.pause import DAYS, LIFETIME, PAUSE, TABLE
from bot.services import flows, profile
from bot.services.flows import Ask, Left, NotForThisFlow, Pending, Reask, Stale, Writer


@dataclass(frozen=True)
class Paused:
    """The break is on; `back` is the first nudge after it (None: no nudges planned)."""

    back: datetime | None


@dataclass(frozen=True)
class OutOfRange:
    """A break longer than we keep (or no days at all): nothing changed."""

    most: int


Decision = Ask | Reask | Paused | OutOfRange | Left | NotForThisFlow | Stale


async def _write_pause(session: AsyncSession, user: User, days: object, now: datetime) -> None:
    if not isinstance(days, int):
        raise TypeError(f"a pause lasts a whole number of days, not {days!r}")
    profile.pause(user, days, now)


WRITERS: dict[str, Writer] = {"paused_until": _write_pause}


async def command(
    session: AsyncSession, user: User, typed: str, language: str, *, now: datetime
) -> Decision:
    """/pause, with or without a length typed after it ("/pause a week")."""
    if not typed:
        return await _ask_how_long(session, user, now)
    length = flows.read_typed(TABLE, DAYS, typed, language)
    if not isinstance(length, BreakLength):
        return Reask(PAUSE, DAYS, retries=0)  # the buttons, no question kept open
    return _pause(user, _days(user, length, now), now)


async def wish(
    session: AsyncSession, user: User, typed: str, language: str, *, now: datetime
) -> Decision:
    """ "pause for 2 days" typed outside any question: the break at once, or "how long?"."""
    length = flows.read_typed(TABLE, DAYS, typed, language)
    if not isinstance(length, BreakLength):
        return await _ask_how_long(session, user, now)
    return _pause(user, _days(user, length, now), now)


async def answer_typed(
    session: AsyncSession,
    user: User,
    pending: Pending,
    typed: str,
    language: str,
    *,
    now: datetime,
) -> Decision:
    """A typed answer to "how long a break?". NotForThisFlow when the message is about
    something else (a quick log, say): the question is let go and the message read as usual."""
    if now - pending.asked_at > LIFETIME:
        await flows.end(session, user.id)
        return NotForThisFlow()
    if parse_control(typed, language) is Control.CANCEL:
        await flows.end(session, user.id)
        return Left()
    length = flows.read_typed(TABLE, DAYS, typed, language)
    if isinstance(length, BreakLength):
        return await _answer(session, user, length, now)
    if parse_quick_log(typed, language) is not None:
        await flows.end(session, user.id)
        return NotForThisFlow()
    # Not understood: the runner counts the miss; a third one lets the question go.
    decision = await flows.answer(session, user, TABLE, DAYS, None, writers=WRITERS, now=now)
    if not isinstance(decision, Reask) or decision.offer_skip:
        await flows.end(session, user.id)
        return NotForThisFlow()
    return decision


async def tap(session: AsyncSession, user: User, code: str, *, now: datetime) -> Decision:
    """A pause button: the break, whatever question is open (only a pause question ends)."""
    length = flows.read_pressed(TABLE, DAYS, code)
    if not isinstance(length, BreakLength):
        return Stale()
    pending = await flows.pending(session, user.id)
    if pending is not None and pending.flow == PAUSE:
        return await _answer(session, user, length, now)
    return _pause(user, _days(user, length, now), now)


async def _ask_how_long(session: AsyncSession, user: User, now: datetime) -> Ask:
    # An open question of another flow (a log in progress) keeps the typed answers; the
    # buttons still work there.
    if await flows.pending(session, user.id) is None:
        return await flows.start(session, user, TABLE, now=now)
    return Ask(PAUSE, DAYS)


async def _answer(
    session: AsyncSession, user: User, length: BreakLength, now: datetime
) -> Decision:
    """The pause question answered: the question ends, with or without the break."""
    days = _days(user, length, now)
    if not _in_range(days):
        await flows.end(session, user.id)
        return OutOfRange(profile.MAX_PAUSE_DAYS)
    await flows.answer(session, user, TABLE, DAYS, days, writers=WRITERS, now=now)
    return Paused(user.next_nudge_at)


def _pause(user: User, days: int, now: datetime) -> Paused | OutOfRange:
    if not _in_range(days):
        return OutOfRange(profile.MAX_PAUSE_DAYS)
    profile.pause(user, days, now)
    return Paused(user.next_nudge_at)


def _in_range(days: int) -> bool:
    return 1 <= days <= profile.MAX_PAUSE_DAYS


def _days(user: User, length: BreakLength, now: datetime) -> int:
    """The break in days, counted on the person's clock ("till Monday" depends on today)."""
    return length.days_from(schedule.local_now(now, user.timezone).weekday())
