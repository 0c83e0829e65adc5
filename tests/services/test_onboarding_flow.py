"""Onboarding and /settings run as tables by the flow runner, against the real database:
each answer stored, the next question kept, misses counted, the flow closed at the end
(SQLite, and PostgreSQL when TEST_DATABASE_URL is set)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, time

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Conversation, User
from bot.db.session import Database
from bot.domain.flows.onboarding import ONBOARDING, SETTINGS
from bot.domain.schedule import Pace
from bot.services import flows, onboarding_flow
from bot.services.flows import Ask, Left, Reask, Stale
from bot.services.onboarding_flow import (
    Answered,
    NotOurButton,
    Onboarded,
    SaidTwice,
    Saved,
    ZoneSet,
)

ALICE = 6401
NOW = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)  # 07:00 in Berlin
BERLIN = (52.52, 13.40)


@pytest.fixture
async def database(database_url: str) -> AsyncIterator[Database]:
    database = Database(database_url)
    async with database.transaction() as session:
        session.add(User(id=ALICE, chat_id=ALICE, first_name="Alice"))
    try:
        yield database
    finally:
        await database.dispose()


async def alice(session: AsyncSession) -> User:
    user = await session.get(User, ALICE)
    assert user is not None
    return user


async def alice_of(database: Database) -> User:
    async with database.transaction() as session:
        return await alice(session)


async def row_of(database: Database) -> Conversation | None:
    async with database.transaction() as session:
        return await session.get(Conversation, ALICE)


async def start(database: Database) -> Ask:
    async with database.transaction() as session:
        return await onboarding_flow.start(session, await alice(session), now=NOW)


async def open_setting(database: Database, choice: str) -> object:
    async with database.transaction() as session:
        return await onboarding_flow.open_setting(session, await alice(session), choice, now=NOW)


async def say(database: Database, typed: str) -> onboarding_flow.Decision:
    async with database.transaction() as session:
        pending = await flows.pending(session, ALICE)
        assert pending is not None
        user = await alice(session)
        return await onboarding_flow.answer_typed(session, user, pending, typed, now=NOW)


async def tap(database: Database, step: str, code: str) -> onboarding_flow.Decision:
    async with database.transaction() as session:
        user = await alice(session)
        return await onboarding_flow.answer_pressed(session, user, step, code, now=NOW)


async def share(database: Database, where: tuple[float, float]) -> Answered | None:
    async with database.transaction() as session:
        pending = await flows.pending(session, ALICE)
        assert pending is not None
        user = await alice(session)
        return await onboarding_flow.answer_location(session, user, pending, where, now=NOW)


async def test_typed_onboarding_stores_each_answer_and_finishes(database: Database) -> None:
    assert await start(database) == Ask(ONBOARDING, "timezone")

    assert await say(database, "Berlin") == Answered(
        Ask(ONBOARDING, "time"), ZoneSet("Europe/Berlin", time(7, 0))
    )
    assert await say(database, "7:30pm") == Answered(Ask(ONBOARDING, "pace"))
    assert await say(database, "three times a week") == Answered(Ask(ONBOARDING, "days"))
    assert await say(database, "mon, wed and fri") == Answered(Ask(ONBOARDING, "level"))
    row = await row_of(database)
    assert row is not None and (row.flow, row.step) == (ONBOARDING, "level")

    assert await say(database, "2") == Answered(Onboarded(nudge_in_quiet=False))
    user = await alice_of(database)
    assert (user.timezone, user.nudge_time, user.level) == ("Europe/Berlin", time(19, 30), 2)
    assert (user.pace, user.nudge_days) == (Pace.THREE_A_WEEK.value, "0,2,4")
    assert user.onboarded_at is not None and user.next_nudge_at is not None
    assert await row_of(database) is None  # nothing left open


async def test_tapped_onboarding_skips_the_days_for_a_daily_pace(database: Database) -> None:
    await start(database)
    decision = await tap(database, "timezone", "7")  # Tokyo: 15:00 there
    assert decision == Answered(Ask(ONBOARDING, "time"), ZoneSet("Asia/Tokyo", time(15, 0)))
    assert await tap(database, "time", "2000") == Answered(Ask(ONBOARDING, "pace"))
    assert await tap(database, "pace", "daily") == Answered(Ask(ONBOARDING, "level"))
    # 21:30-08:00 quiet hours hold a 22:00 nudge: worth a word at the end.
    async with database.transaction() as session:
        (await alice(session)).nudge_time = time(22, 0)
    assert await tap(database, "level", "1") == Answered(Onboarded(nudge_in_quiet=True))
    assert (await alice_of(database)).onboarded_at == NOW


async def test_a_button_for_another_question_is_stale_and_changes_nothing(
    database: Database,
) -> None:
    assert await tap(database, "timezone", "1") == Stale()  # no question open
    await start(database)
    assert await tap(database, "level", "3") == Stale()
    assert await tap(database, "timezone", "99") == NotOurButton()
    user = await alice_of(database)
    assert (user.timezone, user.level) == ("UTC", 1)
    row = await row_of(database)
    assert row is not None and (row.step, row.retries) == ("timezone", 0)


async def test_misses_are_counted_and_say_why(database: Database) -> None:
    await start(database)
    assert await say(database, "somewhere nice") == Reask(
        ONBOARDING, "timezone", 1, "timezone_unknown"
    )
    await say(database, "Berlin")
    assert await say(database, "25:00") == Reask(ONBOARDING, "time", 1, "time_impossible")
    assert await say(database, "soonish") == Reask(ONBOARDING, "time", 2, "time_unknown")
    row = await row_of(database)
    assert row is not None and (row.step, row.retries) == ("time", 2)
    assert (await alice_of(database)).nudge_time == time(9, 0)  # unchanged


async def test_a_location_answers_only_the_time_zone_question(database: Database) -> None:
    await start(database)
    answered = await share(database, BERLIN)
    assert answered is not None and answered.then == Ask(ONBOARDING, "time")
    assert (await alice_of(database)).timezone == "Europe/Berlin"
    assert await share(database, BERLIN) is None  # now the time is asked


async def test_a_setting_is_saved_and_the_question_closed(database: Database) -> None:
    assert await open_setting(database, "cap") == Ask(SETTINGS, "cap")
    assert await say(database, "5") == Answered(Saved("cap", nudge_in_quiet=False))
    assert (await alice_of(database)).weekly_cap == 5
    assert await row_of(database) is None

    await open_setting(database, "recap")
    assert await tap(database, "recap", "4") == Answered(Saved("recap", nudge_in_quiet=False))
    assert (await alice_of(database)).recap_weekday == 4


async def test_settings_pace_three_a_week_asks_the_days_then_saves_the_pace(
    database: Database,
) -> None:
    await open_setting(database, "pace")
    assert await tap(database, "pace", "three_a_week") == Answered(Ask(SETTINGS, "days"))
    assert await tap(database, "days", "135") == Answered(Saved("pace", nudge_in_quiet=False))
    user = await alice_of(database)
    assert (user.pace, user.nudge_days) == (Pace.THREE_A_WEEK.value, "1,3,5")
    assert await row_of(database) is None


async def test_quiet_hours_said_twice_are_asked_again(database: Database) -> None:
    await open_setting(database, "quiet")
    assert await say(database, "22:00 to 22:00") == SaidTwice(time(22, 0))
    row = await row_of(database)
    assert row is not None and row.retries == 1
    # Quiet from 08:00 holds the 09:00 nudge: the overview says so.
    decision = await say(database, "8am to 10am")
    assert decision == Answered(Saved("quiet", nudge_in_quiet=True))
    user = await alice_of(database)
    assert (user.quiet_start, user.quiet_end) == (time(8, 0), time(10, 0))


async def test_the_overview_closes_and_ignores_unknown_buttons(database: Database) -> None:
    assert await open_setting(database, "days") == NotOurButton()  # only after a pace
    assert await row_of(database) is None
    await open_setting(database, "time")
    assert await open_setting(database, "done") == Left()
    assert await row_of(database) is None
