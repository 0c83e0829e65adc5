"""Scheduled sends, decided in the database: who is due a nudge or a follow-up now.

Every send is claimed with a conditional UPDATE (the row is changed only if it still holds
the value we read), so two scheduler passes, two processes, or the in-process tick and
`coach tick` can never claim the same nudge. On PostgreSQL the batch is also read with
FOR UPDATE SKIP LOCKED, so concurrent passes share the work instead of waiting; on SQLite
the transaction holds the database's write lock, which serialises passes anyway.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, Select, and_, bindparam, exists, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from bot.db.models import Attempt, Challenge, User, table
from bot.db.session import dialect_of
from bot.domain import schedule
from bot.domain.answers import NotYet
from bot.domain.schedule import CatchUp
from bot.services import care, profile

BATCH_SIZE = 500
# A follow-up more than this late (the bot was down for a day) is dropped, not sent.
FOLLOWUP_MAX_LATE = timedelta(hours=20)
# A check-in and a nudge never arrive together: whichever goes second waits this long.
CHECKIN_GAP = timedelta(minutes=30)
# A check-in answered "not yet" is asked again this many times; after that it stays open.
MAX_POSTPONES = 1
# A typed message this soon after a check-in may be its answer.
CHECKIN_ANSWER_WINDOW = timedelta(hours=24)


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
    # People whose nudge the weekly pace holds back for the first time this week: they get a
    # short note instead (never a silent gap), with a way to lift the pace for the week.
    cap_notes: list[tuple[User, int]] = field(default_factory=list)


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
    moves: list[_Move] = []
    for user in users:
        due_at = user.next_nudge_at
        if due_at is None:
            continue
        paused = user.paused_until is not None and user.paused_until > now
        if paused or care.resting(user, now) or user.crisis_hold_at is not None:
            claims.paused += 1
        elif weekly[user.id].cap_reached:
            # A full week of practice: hold the nudges until the next local week, and say
            # so the first time (unless the person was already told this week).
            claims.capped += 1
            if care.cap_needs_note(user, now):
                care.cap_explained(user, now)
                claims.cap_notes.append((user, weekly[user.id].this_week))
        elif schedule.catch_up_decision(due_at=due_at, now=now, tz_name=user.timezone) is (
            CatchUp.SKIP
        ):
            claims.skipped_late += 1
        else:
            claims.due.append(ClaimedNudge(user, welcome_back=user.paused_until is not None))
            moves.append(_Move(user, due_at, _next_after_send(user, now), sent_at=now))
            continue
        # No nudge this time (paused, capped or too late): just move the schedule on.
        moves.append(_Move(user, due_at, profile.next_nudge_for(user, now)))
    await _write_moves(session, moves)
    return claims


def _due_users(now: datetime, limit: int) -> Select[User]:
    just_checked_in = exists().where(
        Attempt.user_id == User.id,
        Attempt.status == "planned",
        Attempt.followup_sent_at > now - CHECKIN_GAP,
        Attempt.followup_sent_at <= now,  # a pass "at" an earlier instant (`coach tick --at`)
    )
    return (
        select(User)
        .where(
            User.next_nudge_at.is_not(None),
            User.next_nudge_at <= now,
            User.is_active.is_(True),
            User.onboarded_at.is_not(None),
            ~just_checked_in,  # the check-in first; the next idea a little later
        )
        .order_by(User.next_nudge_at)
        .limit(limit)
    )


def _lock(session: AsyncSession, query: Select[User]) -> Select[User]:
    if dialect_of(session) == "postgresql":
        return query.with_for_update(skip_locked=True)
    return query


@dataclass(frozen=True)
class _Move:
    """One person's schedule, moved on from `due_at` to `following`; with `sent_at`, a
    nudge goes out now (which also ends a finished pause)."""

    user: User
    due_at: datetime
    following: datetime | None
    sent_at: datetime | None = None

    def params(self) -> dict[str, object]:
        user = self.user
        sent = self.sent_at is not None
        return {
            "user_id": user.id,
            "due_at": self.due_at,
            "following": self.following,
            "last_nudge_at": self.sent_at if sent else user.last_nudge_at,
            "paused_until": None if sent else user.paused_until,
        }


# One statement for the whole batch, run once per person (executemany). It only changes a
# row that still holds the due time we read: a guard on top of the lock we already hold
# (FOR UPDATE SKIP LOCKED on PostgreSQL, the write lock of BEGIN IMMEDIATE on SQLite).
_MOVE = (
    update(table(User))
    .where(User.id == bindparam("user_id"), User.next_nudge_at == bindparam("due_at"))
    .values(
        next_nudge_at=bindparam("following"),
        last_nudge_at=bindparam("last_nudge_at"),
        paused_until=bindparam("paused_until"),
    )
)


class ClaimConflict(RuntimeError):
    """Someone changed a schedule we held the lock on: roll the batch back, send nothing."""


async def _write_moves(session: AsyncSession, moves: list[_Move]) -> None:
    if not moves:
        return
    result = await session.execute(_MOVE, [move.params() for move in moves])
    changed = getattr(result, "rowcount", -1)
    # asyncpg reports no row count for executemany; there the row locks are the guarantee.
    if 0 <= changed != len(moves) and session.get_bind().dialect.supports_sane_multi_rowcount:
        raise ClaimConflict(f"{len(moves) - changed} nudges were claimed elsewhere")
    for move in moves:  # written above already: record the values without reloading
        params = move.params()
        set_committed_value(move.user, "next_nudge_at", move.following)
        set_committed_value(move.user, "last_nudge_at", params["last_nudge_at"])
        set_committed_value(move.user, "paused_until", params["paused_until"])


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
    # A catalog idea (not the person's own words): shown in the person's language.
    catalog_key: str | None = None


@dataclass
class FollowupClaims:
    sendable: list[ClaimedFollowup]
    seen: int


async def claim_due_followups(
    session: AsyncSession, *, now: datetime, limit: int = BATCH_SIZE
) -> FollowupClaims:
    """One gentle check-in per planned attempt that hasn't been logged yet, oldest first.
    Not in the half hour after a nudge (they would arrive on top of each other)."""
    query = (
        select(Attempt, User, Challenge.text, Challenge.catalog_key)
        .join(User, User.id == Attempt.user_id)
        .outerjoin(Challenge, Challenge.id == Attempt.challenge_id)
        .where(
            Attempt.status == "planned",
            Attempt.followup_due_at.is_not(None),
            Attempt.followup_due_at <= now,
            Attempt.followup_sent_at.is_(None),
            ~_nudged_just_before(now),
        )
        .order_by(Attempt.followup_due_at, Attempt.id)
        .limit(limit)
    )
    if dialect_of(session) == "postgresql":
        query = query.with_for_update(of=Attempt, skip_locked=True)
    rows = list(await session.execute(query))
    claimed: list[ClaimedFollowup] = []
    for attempt, user, idea_text, catalog_key in rows:
        if not await _mark_followup_sent(session, attempt.id, now):
            continue
        if not _may_follow_up(user, attempt, now):
            continue
        own = attempt.description
        key = None if own else catalog_key
        claimed.append(ClaimedFollowup(attempt.id, user, own or idea_text, key))
    return FollowupClaims(claimed, len(rows))


def _nudged_just_before(now: datetime) -> ColumnElement[bool]:
    """A nudge went out less than CHECKIN_GAP before `now` (a check-in waits for it)."""
    return and_(
        User.last_nudge_at.is_not(None),  # so that NOT(...) is true, not NULL, for no nudge yet
        User.last_nudge_at > now - CHECKIN_GAP,
        User.last_nudge_at <= now,
    )


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
    if not user.is_active or paused or care.resting(user, now) or user.crisis_hold_at:
        return False
    due = attempt.followup_due_at
    return due is not None and now - due <= FOLLOWUP_MAX_LATE


def followup_due(
    user: User, accepted_at: datetime, *, category: str | None = None, setting: str | None = None
) -> datetime:
    """Some hours after "I'll try it", moved out of the person's quiet hours (and, for an
    idea that needs an office or a shop, not before opening time)."""
    quiet = schedule.QuietHours(user.quiet_start, user.quiet_end)
    return schedule.followup_at(
        accepted_at=accepted_at,
        tz_name=user.timezone,
        quiet=quiet,
        opens=schedule.opening_time(category, setting),
    )


async def postpone_followup(
    session: AsyncSession, user: User, attempt: Attempt, when: NotYet, *, now: datetime
) -> datetime | None:
    """ "Not yet": the attempt stays planned. Returns when the check-in will come (again),
    or None when it was already asked again once (the ask stays open, no more check-ins).

    Said before the check-in was sent ("did you ask?" right after "I'll try it"), the
    planned check-in simply stands (moved to tomorrow for "tomorrow"), and nothing counts.
    """
    category, setting = None, None
    if attempt.challenge_id is not None:
        idea = await session.get(Challenge, attempt.challenge_id)
        category, setting = (idea.category, idea.setting) if idea is not None else (None, None)
    again = schedule.checkin_again_at(
        now=now,
        tz_name=user.timezone,
        tomorrow=when is NotYet.TOMORROW,
        quiet=schedule.QuietHours(user.quiet_start, user.quiet_end),
        opens=schedule.opening_time(category, setting),
    )
    due = attempt.followup_due_at
    if attempt.followup_sent_at is None and due is not None and due > now:
        if when is NotYet.TOMORROW and due < again:
            attempt.followup_due_at = again
        return attempt.followup_due_at
    if attempt.followup_postponed >= MAX_POSTPONES:
        return None
    attempt.followup_postponed += 1
    attempt.followup_due_at = again
    attempt.followup_sent_at = None
    return again


async def unanswered_checkins(
    session: AsyncSession, user_id: int, *, now: datetime
) -> list[Attempt]:
    """Planned asks whose check-in went out in the last day and got no answer, oldest first:
    what a typed "not yet" or "I asked" right after a check-in is about."""
    return list(
        await session.scalars(
            select(Attempt)
            .where(
                Attempt.user_id == user_id,
                Attempt.status == "planned",
                Attempt.followup_sent_at >= now - CHECKIN_ANSWER_WINDOW,
            )
            .order_by(Attempt.followup_due_at, Attempt.id)
        )
    )
