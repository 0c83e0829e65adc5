"""/pause as a conversation, against the real database: what each answer decides, what it
leaves in the `conversations` row, and the break it writes (SQLite, and PostgreSQL when
TEST_DATABASE_URL is set)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Conversation, User
from bot.db.session import Database
from bot.domain import schedule
from bot.domain.flows.pause import DAYS, PAUSE
from bot.services import flows, pause_flow, profile
from bot.services.flows import Ask, Left, NotForThisFlow, Reask, Stale
from bot.services.pause_flow import OutOfRange, Paused

ALICE = 6201
BERLIN = "Europe/Berlin"
NOW = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)  # a Wednesday, 09:00 in Berlin


@pytest.fixture
async def database(database_url: str) -> AsyncIterator[Database]:
    database = Database(database_url)
    async with database.transaction() as session:
        session.add(
            User(id=ALICE, chat_id=ALICE, first_name="Alice", timezone=BERLIN, onboarded_at=NOW)
        )
    try:
        yield database
    finally:
        await database.dispose()


async def alice(session: AsyncSession) -> User:
    user = await session.get(User, ALICE)
    assert user is not None
    return user


def first_day_back(user: User) -> date:
    assert user.paused_until is not None
    return schedule.local_date(user.paused_until, BERLIN)


async def row_of(database: Database) -> Conversation | None:
    async with database.transaction() as session:
        return await session.get(Conversation, ALICE)


async def asked_how_long(database: Database, *, at: datetime = NOW) -> None:
    async with database.transaction() as session:
        assert await pause_flow.command(session, await alice(session), "", "en", now=at) == Ask(
            PAUSE, DAYS
        )


async def answer(database: Database, typed: str, *, now: datetime = NOW) -> pause_flow.Decision:
    async with database.transaction() as session:
        user = await alice(session)
        pending = await flows.pending(session, ALICE)
        assert pending is not None
        return await pause_flow.answer_typed(session, user, pending, typed, "en", now=now)


async def test_pause_alone_asks_how_long_and_keeps_the_question(database: Database) -> None:
    await asked_how_long(database)
    row = await row_of(database)
    assert row is not None and (row.flow, row.step, row.retries) == (PAUSE, DAYS, 0)


async def test_another_open_question_is_kept_when_asking_how_long(database: Database) -> None:
    async with database.transaction() as session:
        await flows.ask(session, ALICE, "log", "asked", now=NOW)
        decision = await pause_flow.command(session, await alice(session), "", "en", now=NOW)
    assert decision == Ask(PAUSE, DAYS)
    row = await row_of(database)
    assert row is not None and (row.flow, row.step) == ("log", "asked")


async def test_a_length_typed_with_the_command_pauses_at_once(database: Database) -> None:
    async with database.transaction() as session:
        user = await alice(session)
        decision = await pause_flow.command(session, user, "till Monday", "en", now=NOW)
        assert decision == Paused(user.next_nudge_at)
        assert first_day_back(user) == date(2026, 11, 30)
    assert await row_of(database) is None


@pytest.mark.parametrize(
    ("typed", "decision"),
    [("100 days", OutOfRange(profile.MAX_PAUSE_DAYS)), ("hmm", Reask(PAUSE, DAYS, retries=0))],
)
async def test_a_length_with_the_command_that_cannot_be_taken_changes_nothing(
    database: Database, typed: str, decision: pause_flow.Decision
) -> None:
    async with database.transaction() as session:
        user = await alice(session)
        assert await pause_flow.command(session, user, typed, "en", now=NOW) == decision
        assert user.paused_until is None
    assert await row_of(database) is None


async def test_a_typed_answer_pauses_and_ends_the_question(database: Database) -> None:
    await asked_how_long(database)
    decision = await answer(database, "3 days")
    async with database.transaction() as session:
        user = await alice(session)
        assert decision == Paused(user.next_nudge_at)
        assert first_day_back(user) == date(2026, 11, 28)
    assert await row_of(database) is None


async def test_too_long_a_break_ends_the_question_without_one(database: Database) -> None:
    await asked_how_long(database)
    assert await answer(database, "90 days") == OutOfRange(profile.MAX_PAUSE_DAYS)
    assert await row_of(database) is None


async def test_two_misses_are_asked_again_and_the_third_lets_the_question_go(
    database: Database,
) -> None:
    await asked_how_long(database)
    assert await answer(database, "hmm, a while?") == Reask(PAUSE, DAYS, retries=1)
    assert await answer(database, "not sure") == Reask(PAUSE, DAYS, retries=2)
    assert await answer(database, "whatever") == NotForThisFlow()
    assert await row_of(database) is None


async def test_a_quick_log_lets_the_question_go(database: Database) -> None:
    await asked_how_long(database)
    assert await answer(database, "asked for a discount, got a no, 7 -> 3") == NotForThisFlow()
    assert await row_of(database) is None


async def test_a_message_over_an_hour_later_lets_the_question_go(database: Database) -> None:
    await asked_how_long(database)
    later = NOW + timedelta(hours=1, minutes=1)
    assert await answer(database, "3 days", now=later) == NotForThisFlow()
    assert await row_of(database) is None
    async with database.transaction() as session:
        assert (await alice(session)).paused_until is None


async def test_cancel_leaves_the_question(database: Database) -> None:
    await asked_how_long(database)
    assert await answer(database, "cancel") == Left()
    assert await row_of(database) is None


async def test_a_tap_answers_the_pause_question(database: Database) -> None:
    await asked_how_long(database)
    async with database.transaction() as session:
        user = await alice(session)
        assert await pause_flow.tap(session, user, "7", now=NOW) == Paused(user.next_nudge_at)
        assert first_day_back(user) == date(2026, 12, 2)
    assert await row_of(database) is None


async def test_a_tap_during_a_log_pauses_and_keeps_the_log_question(database: Database) -> None:
    async with database.transaction() as session:
        await flows.ask(session, ALICE, "log", "asked", now=NOW)
        user = await alice(session)
        assert isinstance(await pause_flow.tap(session, user, "1", now=NOW), Paused)
    row = await row_of(database)
    assert row is not None and row.flow == "log"


@pytest.mark.parametrize("code", ["5", "0", "x", ""])
async def test_a_tap_we_never_offered_is_stale(database: Database, code: str) -> None:
    await asked_how_long(database)
    async with database.transaction() as session:
        user = await alice(session)
        assert await pause_flow.tap(session, user, code, now=NOW) == Stale()
        assert user.paused_until is None
    assert await row_of(database) is not None


async def test_a_wish_with_a_length_pauses_and_one_without_asks(database: Database) -> None:
    async with database.transaction() as session:
        user = await alice(session)
        assert await pause_flow.wish(session, user, "I need a break", "en", now=NOW) == Ask(
            PAUSE, DAYS
        )
        decision = await pause_flow.wish(session, user, "pause for 2 days", "en", now=NOW)
        assert decision == Paused(user.next_nudge_at)
        assert first_day_back(user) == date(2026, 11, 27)
