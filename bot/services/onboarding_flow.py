"""Onboarding and /settings as conversations: answers stored, and what comes next.

The tables are `bot.domain.flows.onboarding`; the open question is kept by the flow
runner (`services.flows`). The writers below store each answer on the person's row (and
move their next nudge and recap); every function returns a decision the handler renders.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, time
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import User
from bot.domain import schedule
from bot.domain.flows import Flow
from bot.domain.flows.onboarding import (
    ONBOARDING,
    SETTINGS,
    SETTINGS_MENU,
    TABLES,
    miss_of,
    said_twice,
)
from bot.domain.schedule import Pace
from bot.domain.timezones.coordinates import zone_at
from bot.services import care, flows, profile
from bot.services.flows import Ask, Done, Left, Pending, Reask, Stale, Writer

_T = TypeVar("_T")

# -- decisions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ZoneSet:
    """A time zone was just set: confirm it with the clock there ("it's 14:05 there")."""

    zone: str
    local_time: time


@dataclass(frozen=True)
class Saved:
    """A /settings answer is stored and the question closed: say what it is now, then the
    overview. `nudge_in_quiet`: the nudge time falls inside quiet hours (worth a word)."""

    step: str
    nudge_in_quiet: bool


@dataclass(frozen=True)
class Onboarded:
    """The last first-run question is answered: the person is onboarded."""

    nudge_in_quiet: bool


@dataclass(frozen=True)
class Answered:
    """A valid answer was stored; `then` comes next (after the zone's confirmation, if any)."""

    then: Ask | Saved | Onboarded
    zone_set: ZoneSet | None = None


@dataclass(frozen=True)
class SaidTwice:
    """Quiet hours from a time to the same time: all quiet or never quiet? Ask which."""

    at: time


@dataclass(frozen=True)
class NotOurButton:
    """A button code we never offered (forged, or from an old keyboard)."""


Decision = Answered | Reask | SaidTwice | Stale | NotOurButton

# -- writers: where each answer is stored ---------------------------------------------------


async def set_timezone(session: AsyncSession, user: User, zone: object, now: datetime) -> None:
    profile.set_timezone(user, _typed(zone, str), now)


async def set_nudge_time(session: AsyncSession, user: User, at: object, now: datetime) -> None:
    profile.set_nudge_time(user, _typed(at, time), now)


async def set_pace(session: AsyncSession, user: User, pace: object, now: datetime) -> None:
    profile.set_pace(user, _typed(pace, Pace), now)


async def set_days(session: AsyncSession, user: User, days: object, now: datetime) -> None:
    profile.set_pace(user, Pace.THREE_A_WEEK, now, _typed(days, frozenset))


async def set_level(session: AsyncSession, user: User, level: object, now: datetime) -> None:
    profile.set_level(user, _typed(level, int))


async def set_recap_day(session: AsyncSession, user: User, day: object, now: datetime) -> None:
    profile.set_recap_day(user, _typed(day, int), now)


async def set_weekly_cap(session: AsyncSession, user: User, cap: object, now: datetime) -> None:
    care.set_weekly_cap(user, _typed(cap, int))


async def set_quiet_hours(session: AsyncSession, user: User, hours: object, now: datetime) -> None:
    start, end = _typed(hours, tuple)
    await profile.set_quiet_hours(session, user, start, end, now)


def _typed(value: object, kind: type[_T]) -> _T:
    """The answer as its table promised it (a table bug, not a person, breaks this)."""
    if not isinstance(value, kind):
        raise TypeError(f"expected {kind.__name__}, got {value!r}")
    return value


WRITERS: dict[str, Writer] = {
    "timezone": set_timezone,
    "nudge_time": set_nudge_time,
    "pace": set_pace,
    "nudge_days": set_days,
    "level": set_level,
    "recap_weekday": set_recap_day,
    "weekly_cap": set_weekly_cap,
    "quiet_hours": set_quiet_hours,
}

# -- opening questions ----------------------------------------------------------------------


async def start(session: AsyncSession, user: User, *, now: datetime) -> Ask:
    """The first-run questions begin (the time zone first)."""
    return await flows.start(session, user, TABLES[ONBOARDING], now=now)


async def ask(session: AsyncSession, user: User, flow: str, step: str, *, now: datetime) -> Ask:
    """Ask `step` of `flow` (again): it is the open question, its misses counted afresh."""
    return await flows.ask(session, user.id, flow, step, now=now)


async def open_setting(
    session: AsyncSession, user: User, choice: str, *, now: datetime
) -> Ask | Left | NotOurButton:
    """A button on the settings overview: one setting's question, or "done"."""
    if choice == "done":
        await flows.end(session, user.id)
        return Left()
    if choice not in SETTINGS_MENU:
        return NotOurButton()
    return await flows.ask(session, user.id, SETTINGS, choice, now=now)


# -- answers --------------------------------------------------------------------------------


async def answer_typed(
    session: AsyncSession, user: User, pending: Pending, typed: str, *, now: datetime
) -> Decision:
    """A typed answer to the open onboarding or settings question."""
    table = TABLES[pending.flow]
    value = flows.read_typed(table, pending.step, typed, user.language)
    decision = await _answer(session, user, table, pending.step, value, now)
    if not isinstance(decision, Reask):
        return decision
    twice = said_twice(typed, user.language) if pending.step == "quiet" else None
    if twice is not None:
        return SaidTwice(twice)
    return replace(decision, miss=miss_of(table, pending.step, typed, user.language))


async def answer_pressed(
    session: AsyncSession, user: User, step: str, code: str, *, now: datetime
) -> Decision:
    """A tapped answer (button `code`) to `step`: Stale unless that is the open question."""
    pending = await flows.pending(session, user.id)
    if pending is None or pending.flow not in TABLES or pending.step != step:
        return Stale()
    table = TABLES[pending.flow]
    value = flows.read_pressed(table, step, code)
    if value is None:
        return NotOurButton()
    return await _answer(session, user, table, step, value, now)


async def answer_location(
    session: AsyncSession,
    user: User,
    pending: Pending,
    location: tuple[float, float],
    *,
    now: datetime,
) -> Answered | None:
    """A location shared at the time-zone question sets the zone (the nearest zone city,
    looked up locally). None when this is not that question, or no zone is near."""
    if pending.flow not in TABLES or pending.step != "timezone":
        return None
    zone = zone_at(*location)
    if zone is None:
        return None
    decision = await _answer(session, user, TABLES[pending.flow], "timezone", zone, now)
    return decision if isinstance(decision, Answered) else None


async def _answer(
    session: AsyncSession, user: User, table: Flow, step: str, value: object, now: datetime
) -> Answered | Reask:
    decision = await flows.answer(session, user, table, step, value, writers=WRITERS, now=now)
    if isinstance(decision, Reask):
        return decision
    zone_set = None
    if step == "timezone":
        zone_set = ZoneSet(user.timezone, schedule.local_now(now, user.timezone).time())
    return Answered(_after(user, decision, now), zone_set)


def _after(user: User, decision: flows.Decision, now: datetime) -> Ask | Saved | Onboarded:
    if isinstance(decision, Ask):
        return decision
    if not isinstance(decision, Done):
        raise TypeError(f"an answer to a stored question led to {decision!r}")
    if decision.flow == ONBOARDING:
        profile.finish_onboarding(user, now)
        return Onboarded(nudge_in_quiet(user))
    # The days carry on as if the pace question had just been answered.
    step = "pace" if decision.step == "days" else decision.step
    return Saved(step, step in ("time", "quiet") and nudge_in_quiet(user))


def nudge_in_quiet(user: User) -> bool:
    """Nudges keep their time even inside quiet hours (only check-ins wait): worth saying."""
    return schedule.QuietHours(user.quiet_start, user.quiet_end).contains(user.nudge_time)
