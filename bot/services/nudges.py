"""Scheduled sends, decided in the database: who is due a nudge or a follow-up now.

Every send is claimed with a conditional UPDATE (the row is changed only if it still holds
the value we read), so two scheduler passes, two processes, or the in-process tick and
`coach tick` can never claim the same nudge. On PostgreSQL the batch is also read with
FOR UPDATE SKIP LOCKED, so concurrent passes share the work instead of waiting; on SQLite
the transaction holds the database's write lock, which serialises passes anyway.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Select, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from bot.db.models import Attempt, Challenge, User
from bot.db.session import dialect_of
from bot.domain import schedule
from bot.domain.schedule import CatchUp
from bot.services import care, profile

BATCH_SIZE = 500
# A follow-up more than this late (the bot was down for a day) is dropped, not sent.
FOLLOWUP_MAX_LATE = timedelta(hours=20)


@dataclass(frozen=True)
class ClaimedNudge:
    user: User
    welcome_back: bool  # the first nudge after a pause ended


@dataclass
class NudgeClaims:
    due: list[ClaimedNudge]
    seen: int = 0  # rows looked at; a full batch means there may be more
    skipped_late: int = 0
    paused: int = 0
    capped: int = 0


async def claim_due_nudges(
    session: AsyncSession, *, now: datetime, limit: int = BATCH_SIZE
) -> NudgeClaims:
    """Claim up to `limit` people whose nudge is due, and schedule their next one.

    A nudge that fell due while the bot was down is still sent once if it is less than a
    few hours late and the person's day isn't over; otherwise it is skipped. Either way the
    next nudge is scheduled after `now`, so a restart never floods anyone.
    """
    users = list(await session.scalars(_lock(session, _due_users(now, limit))))
    claims = NudgeClaims(due=[], seen=len(users))
    weekly = await care.paces(session, users, now)
    for user in users:
        due_at = user.next_nudge_at
        if due_at is None:
            continue
        paused = user.paused_until is not None and user.paused_until > now
        if paused or care.resting(user, now):
            claims.paused += await _reschedule(session, user, due_at, now)
            continue
        if weekly[user.id].cap_reached:
            # A full week of practice: hold the nudges until the next local week.
            claims.capped += await _reschedule(session, user, due_at, now)
            continue
        decision = schedule.catch_up_decision(due_at=due_at, now=now, tz_name=user.timezone)
        if decision is CatchUp.SKIP:
            claims.skipped_late += await _reschedule(session, user, due_at, now)
            continue
        welcome_back = user.paused_until is not None
        if await _claim(session, user, due_at, now):
            claims.due.append(ClaimedNudge(user, welcome_back))
    return claims


def _due_users(now: datetime, limit: int) -> Select[User]:
    return (
        select(User)
        .where(
            User.next_nudge_at.is_not(None),
            User.next_nudge_at <= now,
            User.is_active.is_(True),
            User.onboarded_at.is_not(None),
        )
        .order_by(User.next_nudge_at)
        .limit(limit)
    )


def _lock(session: AsyncSession, query: Select[User]) -> Select[User]:
    if dialect_of(session) == "postgresql":
        return query.with_for_update(skip_locked=True)
    return query


async def _claim(session: AsyncSession, user: User, due_at: datetime, now: datetime) -> bool:
    """Mark the nudge sent and schedule the next, only if nobody else did it first."""
    following = _next_after_send(user, now)
    result = await session.execute(
        update(User)
        .where(User.id == user.id, User.next_nudge_at == due_at)
        .values(next_nudge_at=following, last_nudge_at=now, paused_until=None)
        .execution_options(synchronize_session=False)
    )
    claimed = bool(getattr(result, "rowcount", 0) == 1)
    if claimed:  # written above already: record the values without a second UPDATE
        for name, value in (("next_nudge_at", following), ("last_nudge_at", now)):
            set_committed_value(user, name, value)
        set_committed_value(user, "paused_until", None)
    return claimed


async def _reschedule(session: AsyncSession, user: User, due_at: datetime, now: datetime) -> int:
    """No nudge this time (paused, or too late): just move the schedule on."""
    following = profile.next_nudge_for(user, now)
    result = await session.execute(
        update(User)
        .where(User.id == user.id, User.next_nudge_at == due_at)
        .values(next_nudge_at=following)
        .execution_options(synchronize_session=False)
    )
    claimed = getattr(result, "rowcount", 0) == 1
    if claimed:
        set_committed_value(user, "next_nudge_at", following)  # written above already
    return int(claimed)


def _next_after_send(user: User, now: datetime) -> datetime:
    tomorrow = schedule.local_date(now, user.timezone) + timedelta(days=1)
    return schedule.next_nudge_at(
        tz_name=user.timezone,
        at=user.nudge_time,
        pace=schedule.Pace(user.pace),
        days=profile.nudge_days(user),
        after=now,
        earliest_day=tomorrow,
    )


async def lag_seconds(session: AsyncSession, *, now: datetime) -> float:
    """How late the oldest due nudge is (0 when nothing is overdue): scheduler health."""
    oldest = await session.scalar(
        select(func.min(User.next_nudge_at)).where(
            User.next_nudge_at <= now, User.is_active.is_(True), User.onboarded_at.is_not(None)
        )
    )
    return max(0.0, (now - oldest).total_seconds()) if oldest is not None else 0.0


# -- follow-ups -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClaimedFollowup:
    attempt_id: int
    user: User
    idea_text: str | None


@dataclass
class FollowupClaims:
    sendable: list[ClaimedFollowup]
    seen: int


async def claim_due_followups(
    session: AsyncSession, *, now: datetime, limit: int = BATCH_SIZE
) -> FollowupClaims:
    """One gentle check-in per planned attempt that hasn't been logged yet."""
    query = (
        select(Attempt, User, Challenge.text)
        .join(User, User.id == Attempt.user_id)
        .outerjoin(Challenge, Challenge.id == Attempt.challenge_id)
        .where(
            Attempt.status == "planned",
            Attempt.followup_due_at.is_not(None),
            Attempt.followup_due_at <= now,
            Attempt.followup_sent_at.is_(None),
        )
        .order_by(Attempt.followup_due_at)
        .limit(limit)
    )
    if dialect_of(session) == "postgresql":
        query = query.with_for_update(of=Attempt, skip_locked=True)
    rows = list(await session.execute(query))
    claimed: list[ClaimedFollowup] = []
    for attempt, user, idea_text in rows:
        if not await _mark_followup_sent(session, attempt.id, now):
            continue
        if not _may_follow_up(user, attempt, now):
            continue
        claimed.append(ClaimedFollowup(attempt.id, user, attempt.description or idea_text))
    return FollowupClaims(claimed, len(rows))


async def _mark_followup_sent(session: AsyncSession, attempt_id: int, now: datetime) -> bool:
    result = await session.execute(
        update(Attempt)
        .where(Attempt.id == attempt_id, Attempt.followup_sent_at.is_(None))
        .values(followup_sent_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0) == 1)


def _may_follow_up(user: User, attempt: Attempt, now: datetime) -> bool:
    """Claimed either way (at most one per attempt); sent only when it is welcome."""
    paused = user.paused_until is not None and user.paused_until > now
    if not user.is_active or paused or care.resting(user, now):
        return False
    due = attempt.followup_due_at
    return due is not None and now - due <= FOLLOWUP_MAX_LATE


def followup_due(user: User, accepted_at: datetime) -> datetime:
    """Some hours after "I'll try it", moved out of the person's quiet hours."""
    quiet = schedule.QuietHours(user.quiet_start, user.quiet_end)
    return schedule.followup_at(accepted_at=accepted_at, tz_name=user.timezone, quiet=quiet)
