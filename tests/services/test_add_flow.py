"""/add as a conversation, against the real database: the idea screened and kept with the
question, the level read, the idea saved and offered (SQLite, and PostgreSQL when
TEST_DATABASE_URL is set)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Challenge, Conversation, IdeaEvent, User
from bot.db.session import Database
from bot.domain.flows.add import ADD, LEVEL, TEXT
from bot.domain.respect import RuleCode
from bot.services import add_flow, flows, own_ideas
from bot.services.add_flow import BadLevel, Rejected, Saved, Spoiled, TooMany
from bot.services.flows import Ask, Reask, Stale

ALICE = 6301
NOW = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
BAKERY = "ask the bakery   if they'd save me a day-old loaf"


@pytest.fixture
async def database(database_url: str) -> AsyncIterator[Database]:
    database = Database(database_url)
    async with database.transaction() as session:
        session.add(User(id=ALICE, chat_id=ALICE, first_name="Alice", onboarded_at=NOW))
    try:
        yield database
    finally:
        await database.dispose()


async def alice(session: AsyncSession) -> User:
    user = await session.get(User, ALICE)
    assert user is not None
    return user


async def row_of(database: Database) -> Conversation | None:
    async with database.transaction() as session:
        return await session.get(Conversation, ALICE)


async def own_ideas_of(database: Database) -> list[Challenge]:
    async with database.transaction() as session:
        return list(await session.scalars(select(Challenge).where(Challenge.owner_id == ALICE)))


async def command(database: Database, typed: str) -> add_flow.Decision:
    async with database.transaction() as session:
        return await add_flow.command(session, await alice(session), typed, now=NOW)


async def answer(database: Database, typed: str) -> add_flow.Decision:
    async with database.transaction() as session:
        pending = await flows.pending(session, ALICE)
        assert pending is not None
        user = await alice(session)
        return await add_flow.answer_typed(session, user, pending, typed, "en", now=NOW)


async def tap(database: Database, code: str) -> add_flow.Decision:
    async with database.transaction() as session:
        return await add_flow.tap_level(session, await alice(session), code, now=NOW)


async def test_add_alone_asks_for_the_idea(database: Database) -> None:
    assert await command(database, "") == Ask(ADD, TEXT)
    row = await row_of(database)
    assert row is not None and (row.flow, row.step) == (ADD, TEXT)


async def test_the_idea_waits_with_the_level_question_then_is_saved_and_offered(
    database: Database,
) -> None:
    assert await command(database, "") == Ask(ADD, TEXT)
    assert await answer(database, BAKERY) == Ask(ADD, LEVEL)
    row = await row_of(database)
    assert row is not None and row.step == LEVEL
    assert row.data == {"text": "ask the bakery if they'd save me a day-old loaf"}
    decision = await answer(database, "a 4 I think")
    [idea] = await own_ideas_of(database)
    assert decision == Saved(idea.id, 4)
    assert (idea.text, idea.level, idea.category) == (
        "ask the bakery if they'd save me a day-old loaf",
        4,
        own_ideas.PERSONAL_CATEGORY,
    )
    assert await row_of(database) is None
    async with database.transaction() as session:
        [offered] = await session.scalars(select(IdeaEvent).where(IdeaEvent.user_id == ALICE))
        assert (offered.challenge_id, offered.kind) == (idea.id, "offered")


async def test_an_idea_typed_with_the_command_goes_straight_to_the_level(
    database: Database,
) -> None:
    assert await command(database, BAKERY) == Ask(ADD, LEVEL)
    assert await own_ideas_of(database) == []  # nothing saved before the level
    saved = await tap(database, "2")
    [idea] = await own_ideas_of(database)
    assert saved == Saved(idea.id, 2)


async def test_an_idea_that_breaks_the_rules_is_kindly_refused(database: Database) -> None:
    decision = await command(database, "tell a cashier it's my birthday even though it isn't")
    assert isinstance(decision, Rejected)
    assert RuleCode.DECEPTION in decision.problems
    assert await row_of(database) is None
    assert await own_ideas_of(database) == []


async def test_a_level_not_understood_is_asked_again(database: Database) -> None:
    await command(database, BAKERY)
    assert await answer(database, "pretty bold") == Reask(ADD, LEVEL, 1, "level_unknown")
    assert await answer(database, "4 or 5") == Reask(ADD, LEVEL, 2, "level_unknown")
    row = await row_of(database)
    assert row is not None and row.step == LEVEL
    assert await own_ideas_of(database) == []


@pytest.mark.parametrize("code", ["0", "6", "x", ""])
async def test_a_level_button_we_never_offered_changes_nothing(
    database: Database, code: str
) -> None:
    await command(database, BAKERY)
    assert await tap(database, code) == BadLevel()
    assert await row_of(database) is not None


async def test_a_level_button_without_the_question_open_is_stale(database: Database) -> None:
    assert await tap(database, "3") == Stale()
    await command(database, "")
    assert await tap(database, "3") == Stale()  # the idea itself is still asked for


async def test_a_kept_idea_that_no_longer_passes_is_not_saved(database: Database) -> None:
    async with database.transaction() as session:
        spoiled = {"text": "tell a cashier it's my birthday even though it isn't"}
        await flows.ask(session, ALICE, ADD, LEVEL, now=NOW, data=spoiled)
    assert await tap(database, "2") == Spoiled()
    assert await row_of(database) is None
    assert await own_ideas_of(database) == []


async def test_a_full_ladder_takes_no_more(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(own_ideas, "MAX_OWN_IDEAS", 1)
    await command(database, BAKERY)
    await command(database, "ask my neighbour Jo to show me her garden")
    garden = await tap(database, "1")
    assert garden == Saved((await own_ideas_of(database))[0].id, 1)
    assert await command(database, "") == TooMany(1)


async def test_a_ladder_filled_meanwhile_saves_nothing_and_ends_the_question(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    await command(database, BAKERY)
    monkeypatch.setattr(own_ideas, "MAX_OWN_IDEAS", 0)
    assert await tap(database, "3") == TooMany(0)
    assert await row_of(database) is None
    assert await own_ideas_of(database) == []
