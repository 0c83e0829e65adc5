"""Care: rest after crisis language or a draining day, and the soft weekly pace."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Attempt, User, table
from bot.domain import schedule
from bot.domain.flows.onboarding import WEEKLY_CAPS
from bot.domain.recap import ASKED
from bot.services import profile

# "Several attempts in one day" is a vulnerability-hangover signal from this many on.
BUSY_DAY = 3
ROUGH_AFTER = 8.0
CAP_CHOICES = WEEKLY_CAPS  # 0 = no cap


def start_of_local_day(day_offset: int, user: User, now: datetime) -> datetime:
    day = schedule.local_date(now, user.timezone) + timedelta(days=day_offset)
    return schedule.local_day_bounds(day, user.timezone)[0]


def rest_for_today(user: User, now: datetime) -> None:
    """No challenges or nudges for the rest of the person's day (they can still ask)."""
    user.rest_until = max(user.rest_until or now, start_of_local_day(1, user, now))
    profile.reschedule(user, now)


def skip_tomorrow(user: User, now: datetime) -> None:
    user.rest_until = max(user.rest_until or now, start_of_local_day(2, user, now))
    profile.reschedule(user, now)


def resting(user: User, now: datetime) -> bool:
    return user.rest_until is not None and user.rest_until > now


@dataclass(frozen=True)
class Pace:
    """How many asks this local week and today, against the person's soft cap."""

    this_week: int
    today: int
    cap: int
    kept_going: bool

    @property
    def cap_reached(self) -> bool:
        return self.cap > 0 and self.this_week >= self.cap and not self.kept_going


# Built once (every logged ask runs it): building a statement costs more than running it.
_ATTEMPTS = table(Attempt).c
_RECENT_ASKS = select(_ATTEMPTS.user_id, _ATTEMPTS.created_at).where(
    _ATTEMPTS.user_id.in_(bindparam("user_ids", expanding=True)),
    _ATTEMPTS.created_at >= bindparam("since"),
    _ATTEMPTS.outcome.in_(sorted(ASKED)),
)


async def paces(session: AsyncSession, users: Sequence[User], now: datetime) -> dict[int, Pace]:
    """Each person's pace, with one query for the whole batch."""
    if not users:
        return {}
    since = now - timedelta(days=8)  # covers any local week containing `now`
    rows = await session.execute(
        _RECENT_ASKS, {"user_ids": [user.id for user in users], "since": since}
    )
    moments: dict[int, list[datetime]] = defaultdict(list)
    for user_id, created_at in rows:
        moments[user_id].append(created_at)
    return {user.id: _pace(user, moments.get(user.id, []), now) for user in users}


def _pace(user: User, moments: list[datetime], now: datetime) -> Pace:
    week = schedule.local_week_of(now, user.timezone)
    today = schedule.local_date(now, user.timezone)
    return Pace(
        this_week=sum(schedule.local_week_of(m, user.timezone) == week for m in moments),
        today=sum(schedule.local_date(m, user.timezone) == today for m in moments),
        cap=user.weekly_cap,
        kept_going=user.cap_override_week == week,
    )


async def pace_of(session: AsyncSession, user: User, now: datetime) -> Pace:
    return (await paces(session, [user], now))[user.id]


def keep_going_this_week(user: User, now: datetime) -> None:
    user.cap_override_week = schedule.local_week_of(now, user.timezone)


def set_weekly_cap(user: User, cap: int) -> None:
    if cap not in CAP_CHOICES:
        raise ValueError(f"the weekly pace is one of {CAP_CHOICES}")
    user.weekly_cap = cap


class RestReason(StrEnum):
    """Why rest is offered; each has its own words (a busy day is not "a lot")."""

    ROUGH = "rough"  # anxiety still high after the ask
    DRAINED = "drained"  # the person says they are tired
    BUSY = "busy"  # several asks today


def rough(attempt: Attempt) -> bool:
    return attempt.anxiety_after is not None and attempt.anxiety_after >= ROUGH_AFTER


def rest_reason(attempt: Attempt, pace: Pace, *, drained_words: bool) -> RestReason | None:
    """After a rough ask, a draining day, or many asks at once: rest is worth offering."""
    if rough(attempt):
        return RestReason.ROUGH
    if drained_words:
        return RestReason.DRAINED
    if pace.today >= BUSY_DAY:
        return RestReason.BUSY
    return None


def may_offer_rest(user: User, now: datetime) -> bool:
    """The rest offer comes at most once a local day (so never again after a "no"), and
    not while the person is already resting."""
    today = schedule.local_date(now, user.timezone)
    return user.rest_offered_on != today and not resting(user, now)


def rest_offered(user: User, now: datetime) -> None:
    user.rest_offered_on = schedule.local_date(now, user.timezone)


def cap_explained(user: User, now: datetime) -> None:
    """The person has been told this week's nudges are held (and how to lift that)."""
    user.cap_note_week = schedule.local_week_of(now, user.timezone)


def cap_needs_note(user: User, now: datetime) -> bool:
    return user.cap_note_week != schedule.local_week_of(now, user.timezone)
