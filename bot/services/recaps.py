"""Weekly recaps: who is due, what their week held (aggregate queries per batch), and
storing each recap exactly once per person and local week."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Select, bindparam, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from bot.db.models import Attempt, Base, Challenge, Recap, User
from bot.db.session import dialect_of
from bot.domain import schedule
from bot.domain.recap import WeekAttempt

BATCH_SIZE = 500
# A recap more than this late (the bot was down for days) is skipped, not sent.
RECAP_MAX_LATE = timedelta(days=2)
CHART_WEEKS = 8


def next_recap_for(user: User, now: datetime) -> datetime | None:
    if user.onboarded_at is None or not user.is_active:
        return None
    return schedule.next_recap_at(
        tz_name=user.timezone, after=now, weekday=user.recap_weekday, at=user.recap_time
    )


def reschedule_recap(user: User, now: datetime) -> None:
    user.next_recap_at = next_recap_for(user, now)


@dataclass(frozen=True)
class Week:
    """A local Monday-to-Sunday week as UTC bounds."""

    start: date
    begins: datetime
    ends: datetime

    @classmethod
    def of(cls, week_start: date, tz_name: str) -> Week:
        begins = schedule.local_day_bounds(week_start, tz_name)[0]
        ends = schedule.local_day_bounds(week_start + timedelta(days=7), tz_name)[0]
        return cls(week_start, begins, ends)

    @classmethod
    def containing(cls, instant: datetime, tz_name: str) -> Week:
        return cls.of(schedule.local_week_of(instant, tz_name), tz_name)


@dataclass(frozen=True)
class ClaimedRecap:
    user: User
    week: Week


@dataclass
class RecapClaims:
    due: list[ClaimedRecap]
    seen: int
    skipped_late: int = 0


async def claim_due_recaps(
    session: AsyncSession, *, now: datetime, limit: int = BATCH_SIZE
) -> RecapClaims:
    """Claim people whose recap is due (conditional UPDATE of next_recap_at)."""
    await _backfill_schedule(session, now=now, limit=limit)
    query: Select[User] = (
        select(User)
        .where(
            User.next_recap_at.is_not(None),
            User.next_recap_at <= now,
            User.is_active.is_(True),
            User.onboarded_at.is_not(None),
        )
        .order_by(User.next_recap_at)
        .limit(limit)
    )
    if dialect_of(session) == "postgresql":
        query = query.with_for_update(skip_locked=True)
    users = list(await session.scalars(query))
    due = [(user, user.next_recap_at) for user in users if user.next_recap_at is not None]
    await _advance(session, due, now)
    claims = RecapClaims(due=[], seen=len(users))
    for user, due_at in due:
        if now - due_at > RECAP_MAX_LATE:
            claims.skipped_late += 1
            continue
        week = Week.of(schedule.recap_week_for(due_at, user.timezone), user.timezone)
        claims.due.append(ClaimedRecap(user, week))
    return claims


async def _advance(
    session: AsyncSession, due: Sequence[tuple[User, datetime]], now: datetime
) -> None:
    """Move each claimed person's next recap on, in one executemany statement per batch.

    The rows were read FOR UPDATE SKIP LOCKED (PostgreSQL) or inside SQLite's exclusive
    write transaction, so nobody else can claim them meanwhile; the condition on the old
    value stays as a second guard, and the recaps table's unique (user, week) constraint
    is the last one: a recap is stored, and so sent, at most once.
    """
    if not due:
        return
    table = Base.metadata.tables[User.__tablename__]
    await session.execute(
        update(table)
        .where(table.c.id == bindparam("uid"), table.c.next_recap_at == bindparam("due"))
        .values(next_recap_at=bindparam("following")),
        [
            {"uid": user.id, "due": due_at, "following": next_recap_for(user, max(now, due_at))}
            for user, due_at in due
        ],
    )
    for user, due_at in due:
        # Already written above: record it as the loaded value, so no second UPDATE.
        set_committed_value(user, "next_recap_at", next_recap_for(user, max(now, due_at)))


async def _backfill_schedule(session: AsyncSession, *, now: datetime, limit: int) -> None:
    """People onboarded before recaps existed (or whose schedule was cleared) get one."""
    users = await session.scalars(
        select(User)
        .where(
            User.next_recap_at.is_(None),
            User.is_active.is_(True),
            User.onboarded_at.is_not(None),
        )
        .limit(limit)
    )
    for user in users:
        reschedule_recap(user, now)
    await session.flush()


async def week_attempts(
    session: AsyncSession, weeks: dict[int, Week]
) -> dict[int, list[WeekAttempt]]:
    """Each person's attempts in their own week: one query for the whole batch."""
    if not weeks:
        return {}
    begins = min(week.begins for week in weeks.values())
    ends = max(week.ends for week in weeks.values())
    rows = await session.execute(
        select(Attempt, Challenge.text)
        .outerjoin(Challenge, Challenge.id == Attempt.challenge_id)
        .where(
            Attempt.user_id.in_(list(weeks)),
            Attempt.status == "logged",
            Attempt.created_at >= begins,
            Attempt.created_at < ends,
        )
        .order_by(Attempt.created_at)
    )
    found: dict[int, list[WeekAttempt]] = defaultdict(list)
    for attempt, idea_text in rows:
        week = weeks[attempt.user_id]
        if week.begins <= attempt.created_at < week.ends:
            found[attempt.user_id].append(as_week_attempt(attempt, idea_text))
    return found


def as_week_attempt(attempt: Attempt, idea_text: str | None) -> WeekAttempt:
    return WeekAttempt(
        created_at=attempt.created_at,
        level=attempt.level,
        outcome=attempt.outcome,
        predicted_no_pct=attempt.predicted_no_pct,
        anxiety_before=attempt.anxiety_before,
        anxiety_after=attempt.anxiety_after,
        lesson=attempt.lesson,
        title=attempt.description or idea_text,
    )


async def history_attempts(
    session: AsyncSession, user_ids: Sequence[int], *, since: datetime
) -> dict[int, list[Attempt]]:
    """Logged attempts since `since` for many people at once (charts)."""
    if not user_ids:
        return {}
    rows = await session.scalars(
        select(Attempt)
        .where(
            Attempt.user_id.in_(list(user_ids)),
            Attempt.status == "logged",
            Attempt.created_at >= since,
        )
        .order_by(Attempt.created_at, Attempt.id)
    )
    found: dict[int, list[Attempt]] = defaultdict(list)
    for attempt in rows:
        found[attempt.user_id].append(attempt)
    return found


@dataclass(frozen=True)
class NewRecap:
    user_id: int
    week_start: date
    text: str
    stats: Mapping[str, object]


async def store_many(
    session: AsyncSession, recaps: Sequence[NewRecap], *, now: datetime
) -> set[int]:
    """Keep the recaps in one statement; returns the people whose recap was new. A person
    whose week already has one (another process, a retry) is left out: never sent twice."""
    if not recaps:
        return set()
    insert = pg_insert if dialect_of(session) == "postgresql" else sqlite_insert
    statement = (
        insert(Recap)
        .on_conflict_do_nothing(index_elements=[Recap.user_id, Recap.week_start])
        .returning(Recap.user_id)
    )
    rows = [
        {
            "user_id": recap.user_id,
            "week_start": recap.week_start,
            "text": recap.text,
            "stats": dict(recap.stats),
            "created_at": now,
        }
        for recap in recaps
    ]
    result = await session.execute(statement, rows)
    return set(result.scalars())


async def latest(session: AsyncSession, user_id: int) -> Recap | None:
    return await session.scalar(
        select(Recap).where(Recap.user_id == user_id).order_by(Recap.week_start.desc()).limit(1)
    )
