"""A person's settings: onboarding, /settings, and when their next nudge is due."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import repo
from bot.db.models import Attempt, User
from bot.domain import schedule
from bot.domain.language import SOURCE_LANGUAGE, language_for
from bot.domain.schedule import Pace
from bot.services import recaps

# What Telegram tells us about a person, as handlers build it from an update.
Profile = repo.Profile


async def get_user(session: AsyncSession, user_id: int) -> User | None:
    """The person (their pending question loaded in the same query), if they exist."""
    return await repo.get_user(session, user_id)


@dataclass(frozen=True)
class StartResult:
    user: User
    created: bool
    came_back: bool  # had blocked the bot (or deleted their chat) and is back now


async def start(
    session: AsyncSession,
    profile: repo.Profile,
    *,
    now: datetime,
    default_timezone: str,
    languages: Collection[str] = (SOURCE_LANGUAGE,),
) -> StartResult:
    """First contact (or /start again). A new person's language comes from Telegram's."""
    language = language_for(profile.language_code, languages)
    user, created = await repo.ensure_user(
        session, profile, now=now, timezone=default_timezone, language=language
    )
    came_back = not created and not user.is_active
    if came_back:
        reactivate(user, now)
    return StartResult(user, created, came_back)


def reactivate(user: User, now: datetime) -> None:
    """They unblocked us or said /start again: sends may resume."""
    user.is_active = True
    user.blocked_at = None
    reschedule(user, now)


def deactivate(user: User, now: datetime) -> None:
    user.is_active = False
    user.blocked_at = now
    user.next_nudge_at = None


def set_timezone(user: User, zone_name: str, now: datetime) -> None:
    if not schedule.is_valid_timezone(zone_name):
        raise ValueError(f"not an IANA zone: {zone_name}")
    user.timezone = zone_name
    reschedule(user, now)


def set_nudge_time(user: User, at: time, now: datetime) -> None:
    user.nudge_time = at.replace(second=0, microsecond=0, tzinfo=None)
    reschedule(user, now)


def set_pace(user: User, pace: Pace, now: datetime, days: frozenset[int] | None = None) -> None:
    user.pace = pace.value
    if pace is Pace.THREE_A_WEEK:
        chosen = days or schedule.DEFAULT_THREE_A_WEEK_DAYS
        user.nudge_days = schedule.encode_days(chosen)
    reschedule(user, now)


def set_recap_day(user: User, weekday: int, now: datetime) -> None:
    if not 0 <= weekday <= 6:
        raise ValueError("weekdays run from 0 (Monday) to 6 (Sunday)")
    user.recap_weekday = weekday
    reschedule(user, now)


def set_level(user: User, level: int) -> None:
    if not 1 <= level <= 5:
        raise ValueError("levels run from 1 to 5")
    user.level = level


async def set_quiet_hours(
    session: AsyncSession, user: User, start: time, end: time, now: datetime
) -> None:
    """No check-ins from `start` to `end` on the person's clock (``ValueError`` if equal).

    Follow-ups planned from now on use the new hours (nudges.followup_due reads them from
    the user); one already waiting that would now land inside them moves to their end.
    """
    quiet = schedule.QuietHours(_minute(start), _minute(end))
    user.quiet_start, user.quiet_end = quiet.start, quiet.end
    waiting = await session.scalars(
        select(Attempt).where(
            Attempt.user_id == user.id,
            Attempt.status == "planned",
            Attempt.followup_sent_at.is_(None),
            Attempt.followup_due_at > now,
        )
    )
    for attempt in waiting:
        due = attempt.followup_due_at
        if due is not None:
            attempt.followup_due_at = schedule.followup_at(
                accepted_at=due, tz_name=user.timezone, delay=timedelta(0), quiet=quiet
            )


def _minute(at: time) -> time:
    return at.replace(second=0, microsecond=0, tzinfo=None)


def finish_onboarding(user: User, now: datetime) -> None:
    if user.onboarded_at is None:
        user.onboarded_at = now
    reschedule(user, now)


def nudge_days(user: User) -> frozenset[int]:
    days = schedule.decode_days(user.nudge_days) if user.nudge_days else None
    return schedule.scheduled_days(Pace(user.pace), days)


def reschedule(user: User, now: datetime) -> None:
    """Recompute the next nudge and recap after any change to the schedule or the pause."""
    user.next_nudge_at = next_nudge_for(user, now)
    recaps.reschedule_recap(user, now)


def next_nudge_for(user: User, now: datetime) -> datetime | None:
    """When this person's next nudge is due, given their settings, pause and last nudge.

    Never a second nudge on a local day that already had one (say, someone moves their
    time from 9:00 to 18:00 after this morning's nudge).
    """
    if user.onboarded_at is None or not user.is_active:
        return None
    after = max(now, user.paused_until or now, user.rest_until or now)
    earliest_day = None
    if user.last_nudge_at is not None:
        last_day = schedule.local_date(user.last_nudge_at, user.timezone)
        earliest_day = last_day + timedelta(days=1)
    return schedule.next_nudge_at(
        tz_name=user.timezone,
        at=user.nudge_time,
        pace=Pace(user.pace),
        days=nudge_days(user),
        after=after,
        earliest_day=earliest_day,
    )


MAX_PAUSE_DAYS = 60


def pause(user: User, days: int, now: datetime) -> datetime:
    """A break: no nudges or check-ins today and the next `days - 1` days (local).
    Returns when the break ends; the first nudge after it says welcome back."""
    if not 1 <= days <= MAX_PAUSE_DAYS:
        raise ValueError(f"a pause lasts 1 to {MAX_PAUSE_DAYS} days")
    first_day_back = schedule.local_date(now, user.timezone) + timedelta(days=days)
    user.paused_until = schedule.local_day_bounds(first_day_back, user.timezone)[0]
    reschedule(user, now)
    return user.paused_until


def resume(user: User, now: datetime) -> bool:
    """End a break early. Returns whether there was one."""
    was_paused = user.paused_until is not None and user.paused_until > now
    user.paused_until = None
    reschedule(user, now)
    return was_paused
