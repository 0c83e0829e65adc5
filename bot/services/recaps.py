"""Weekly recaps: who is due, what their week held (aggregate queries per batch), and
storing each recap exactly once per person and local week."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import bindparam, case, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Attempt, Challenge, Recap, User, table
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


@dataclass(frozen=True, slots=True)
class RecapPerson:
    """What composing a recap needs to know about someone: a plain row, not an ORM object
    (a batch reads hundreds of people, and objects cost more than their recaps)."""

    id: int
    chat_id: int
    first_name: str
    timezone: str
    level: int
    paused_until: datetime | None
    recap_weekday: int
    recap_time: time
    language: str
    next_recap_at: datetime
    crisis_at: datetime | None


_PERSON = (
    User.id,
    User.chat_id,
    User.first_name,
    User.timezone,
    User.level,
    User.paused_until,
    User.recap_weekday,
    User.recap_time,
    User.language,
    User.next_recap_at,
    User.crisis_at,
)


@dataclass(frozen=True)
class ClaimedRecap:
    user: RecapPerson
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
    query = (
        select(*_PERSON)
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
    people = [
        RecapPerson(**row._asdict())
        for row in await session.execute(query)
        if row.next_recap_at is not None  # always: the query asks for due rows only
    ]
    await _advance(session, people, now)
    claims = RecapClaims(due=[], seen=len(people))
    for person in people:
        due_at = person.next_recap_at
        if now - due_at > RECAP_MAX_LATE:
            claims.skipped_late += 1
            continue
        week = Week.of(schedule.recap_week_for(due_at, person.timezone), person.timezone)
        claims.due.append(ClaimedRecap(person, week))
    return claims


async def _advance(session: AsyncSession, people: Sequence[RecapPerson], now: datetime) -> None:
    """Move each claimed person's next recap on, in one executemany statement per batch.

    The rows were read FOR UPDATE SKIP LOCKED (PostgreSQL) or inside SQLite's exclusive
    write transaction, so nobody else can claim them meanwhile; the condition on the old
    value stays as a second guard, and the recaps table's unique (user, week) constraint
    is the last one: a recap is stored, and so sent, at most once.
    """
    if not people:
        return
    users = table(User)
    await session.execute(
        update(users)
        .where(users.c.id == bindparam("uid"), users.c.next_recap_at == bindparam("due"))
        .values(next_recap_at=bindparam("following")),
        [
            {
                "uid": person.id,
                "due": person.next_recap_at,
                "following": schedule.next_recap_at(
                    tz_name=person.timezone,
                    after=max(now, person.next_recap_at),
                    weekday=person.recap_weekday,
                    at=person.recap_time,
                ),
            }
            for person in people
        ],
    )


async def _backfill_schedule(session: AsyncSession, *, now: datetime, limit: int) -> None:
    """People onboarded before recaps existed (or whose schedule was cleared) get one."""
    query = (
        select(User)
        .where(
            User.next_recap_at.is_(None),
            User.is_active.is_(True),
            User.onboarded_at.is_not(None),
        )
        .limit(limit)
    )
    if dialect_of(session) == "postgresql":  # passes running side by side skip each other's
        query = query.with_for_update(skip_locked=True)
    for user in await session.scalars(query):
        reschedule_recap(user, now)
    await session.flush()


async def week_attempts(
    session: AsyncSession, weeks: dict[int, Week]
) -> dict[int, list[WeekAttempt]]:
    """Each person's logged attempts in their own week: one query for the whole batch."""
    if not weeks:
        return {}
    since = min(week.begins for week in weeks.values())
    until = max(week.ends for week in weeks.values())
    return in_weeks(await logged_attempts(session, list(weeks), since=since, until=until), weeks)


def in_weeks(
    attempts: Mapping[int, Sequence[WeekAttempt]], weeks: Mapping[int, Week]
) -> dict[int, list[WeekAttempt]]:
    """Of each person's attempts, those in their week (people without any are left out)."""
    found: dict[int, list[WeekAttempt]] = {}
    for user_id, week in weeks.items():
        inside = [a for a in attempts.get(user_id, ()) if week.begins <= a.created_at < week.ends]
        if inside:
            found[user_id] = inside
    return found


async def logged_attempts(
    session: AsyncSession,
    user_ids: Sequence[int],
    *,
    since: datetime,
    until: datetime | None = None,
) -> dict[int, list[WeekAttempt]]:
    """Logged attempts of many people at once, oldest first, for recaps and charts.

    Read as plain rows, not ORM objects: a recap batch reads thousands of attempts, and
    building objects for them cost more than the rest of the recap.
    """
    if not user_ids:
        return {}
    # Core columns rather than ORM attributes: the rows skip the ORM's loading machinery.
    attempts, ideas = table(Attempt), table(Challenge)
    query = (
        select(
            attempts.c.user_id,
            attempts.c.created_at,
            attempts.c.level,
            attempts.c.outcome,
            attempts.c.predicted_no_pct,
            attempts.c.anxiety_before,
            attempts.c.anxiety_after,
            attempts.c.lesson,
            func.coalesce(func.nullif(attempts.c.description, ""), ideas.c.text),
            case((func.coalesce(attempts.c.description, "") == "", ideas.c.catalog_key)),
        )
        .select_from(attempts.outerjoin(ideas, ideas.c.id == attempts.c.challenge_id))
        .where(
            attempts.c.user_id.in_(list(user_ids)),
            attempts.c.status == "logged",
            attempts.c.created_at >= since,
        )
        .order_by(attempts.c.created_at, attempts.c.id)
    )
    if until is not None:
        query = query.where(attempts.c.created_at < until)
    found: dict[int, list[WeekAttempt]] = defaultdict(list)
    for user_id, *fields in await session.execute(query):
        found[user_id].append(WeekAttempt(*fields))
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
    stored = table(Recap)
    statement = (
        insert(stored)
        .on_conflict_do_nothing(index_elements=[stored.c.user_id, stored.c.week_start])
        .returning(stored.c.user_id)
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
