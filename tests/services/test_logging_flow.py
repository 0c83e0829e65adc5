"""Logging an ask as a conversation, against the real database: the decision each answer
gets, what it stores in the attempt and what it leaves in the `conversations` row (SQLite,
and PostgreSQL when TEST_DATABASE_URL is set). Each answer is its own transaction, as a
message from Telegram is."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Attempt, Conversation, User
from bot.db.session import Database
from bot.domain.answers import Outcome
from bot.domain.flows.log import Field, Step, read_reply
from bot.services import attempts, flows, logging_flow
from bot.services.flows import Left, Stale
from bot.services.logging_flow import (
    Ask,
    Finished,
    Fixed,
    NotOurs,
    NotThisTime,
    Postponed,
    Reask,
    Undone,
)

ALICE = 6401
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


@pytest.fixture
async def database(database_url: str) -> AsyncIterator[Database]:
    database = Database(database_url)
    async with database.transaction() as session:
        session.add(
            User(
                id=ALICE,
                chat_id=ALICE,
                first_name="Alice",
                timezone="Europe/Berlin",
                onboarded_at=NOW,
            )
        )
    try:
        yield database
    finally:
        await database.dispose()


async def alice(session: AsyncSession) -> User:
    user = await session.get(User, ALICE)
    assert user is not None
    return user


async def planned(database: Database) -> int:
    """An ask Alice means to make: the warm-up questions are open."""
    async with database.transaction() as session:
        user = await alice(session)
        attempt = await attempts.start_free(session, user, now=NOW, description="a discount")
        decision = await logging_flow.begin_before_ask(session, user, attempt, now=NOW)
        assert decision == Ask(attempt, Step.PREDICT)
        return attempt.id


async def says(database: Database, typed: str) -> logging_flow.Decision:
    """Alice types `typed` as the answer to her open question."""
    async with database.transaction() as session:
        user = await alice(session)
        pending = await flows.pending(session, user.id)
        assert pending is not None
        reply = read_reply(Step(pending.step), typed, "en")
        return await logging_flow.typed(session, user, pending, reply, now=NOW)


async def presses(database: Database, step: str, code: str, attempt_id: int) -> object:
    async with database.transaction() as session:
        user = await alice(session)
        return await logging_flow.pressed(session, user, attempt_id, step, code, now=NOW)


async def stored(database: Database, attempt_id: int) -> Attempt:
    async with database.transaction() as session:
        attempt = await session.get(Attempt, attempt_id)
        assert attempt is not None
        return attempt


async def row(database: Database) -> Conversation | None:
    async with database.transaction() as session:
        return await session.get(Conversation, ALICE)


def asked(decision: object) -> Step:
    assert isinstance(decision, Ask), decision
    return decision.step


async def test_typed_answers_walk_the_table_and_finish(database: Database) -> None:
    attempt_id = await planned(database)
    assert asked(await says(database, "70%")) is Step.ANXIETY_NOW
    assert asked(await says(database, "6")) is Step.ASKED
    assert asked(await says(database, "yes I did")) is Step.OUTCOME
    # The chance of a no and the anxiety before were given before the ask: not asked again.
    assert asked(await says(database, "they said no")) is Step.ANXIETY_AFTER
    assert asked(await says(database, "3")) is Step.LESSON
    finished = await says(database, "it was fine, really")
    assert isinstance(finished, Finished)
    attempt = await stored(database, attempt_id)
    assert (attempt.status, attempt.outcome, attempt.predicted_no_pct) == ("logged", "no", 70)
    assert (attempt.anxiety_before, attempt.anxiety_after) == (6.0, 3.0)
    assert attempt.lesson == "it was fine, really"
    assert await row(database) is None


async def test_an_outcome_said_at_did_you_ask_is_the_outcome(database: Database) -> None:
    attempt_id = await planned(database)
    assert asked(await presses(database, "predict", "70", attempt_id)) is Step.ANXIETY_NOW
    assert asked(await presses(database, "anxiety_now", "6", attempt_id)) is Step.ASKED
    assert asked(await says(database, "got ghosted")) is Step.ANXIETY_AFTER
    assert (await stored(database, attempt_id)).outcome == Outcome.NO_ANSWER.value


async def test_a_skipped_question_is_not_asked_again(database: Database) -> None:
    attempt_id = await planned(database)
    assert asked(await says(database, "skip")) is Step.ANXIETY_NOW
    pending = await row(database)
    assert pending is not None and pending.data["skipped"] == [Field.PREDICTED.value]
    assert asked(await says(database, "no idea")) is Step.ASKED  # "no idea" passes it over
    assert asked(await says(database, "yes")) is Step.OUTCOME
    # Skipped before the ask, so not asked after it either.
    assert asked(await says(database, "they said yes")) is Step.ANXIETY_AFTER
    attempt = await stored(database, attempt_id)
    assert attempt.predicted_no_pct is None and attempt.anxiety_before is None


async def test_the_heart_of_the_log_is_never_skipped(database: Database) -> None:
    attempt_id = await planned(database)
    await presses(database, "predict", "70", attempt_id)
    await presses(database, "anxiety_now", "6", attempt_id)
    await says(database, "yes")
    reask = await says(database, "skip")  # "what did they say?"
    assert isinstance(reask, Reask)
    assert (reask.step, reask.offer_skip) == (Step.OUTCOME, False)
    pressed = await presses(database, "outcome", "s", attempt_id)
    assert isinstance(pressed, Reask)
    assert (pressed.step, pressed.offer_skip) == (Step.OUTCOME, False)


async def test_misunderstood_twice_then_offered_a_skip(database: Database) -> None:
    attempt_id = await planned(database)
    reasks = [await says(database, "banana") for _ in range(3)]
    assert all(isinstance(reask, Reask) and reask.kind.value == "percent" for reask in reasks)
    assert [reask.offer_skip for reask in reasks if isinstance(reask, Reask)] == [
        False,
        False,
        True,
    ]
    pending = await row(database)
    assert pending is not None and (pending.step, pending.retries) == ("predict", 3)
    assert (await stored(database, attempt_id)).predicted_no_pct is None


async def test_not_this_time_closes_the_attempt_kindly(database: Database) -> None:
    attempt_id = await planned(database)
    await says(database, "skip")
    await says(database, "skip")
    decision = await says(database, "not this time")
    assert isinstance(decision, NotThisTime)
    attempt = await stored(database, attempt_id)
    assert (attempt.status, attempt.outcome) == ("logged", Outcome.DIDNT_ASK.value)
    assert attempt.completed_at is not None
    assert await row(database) is None


async def test_not_yet_keeps_it_planned(database: Database) -> None:
    attempt_id = await planned(database)
    await says(database, "skip")
    await says(database, "skip")
    decision = await says(database, "not yet, tomorrow")
    assert isinstance(decision, Postponed)
    attempt = await stored(database, attempt_id)
    assert (attempt.status, attempt.outcome) == ("planned", None)
    assert await row(database) is None


async def test_fixing_a_value_from_history(database: Database) -> None:
    async with database.transaction() as session:
        user = await alice(session)
        attempt = await attempts.start_free(session, user, now=NOW, description="a discount")
        await attempts.save(session, attempt, Field.OUTCOME, Outcome.NO, now=NOW)
        await attempts.save(session, attempt, Field.ANXIETY_AFTER, 5.0, now=NOW)
        attempt_id = attempt.id
        assert await logging_flow.fix(session, user, attempt, Field.ANXIETY_AFTER, now=NOW) == Ask(
            attempt, Step.ANXIETY_AFTER
        )
    fixing = await row(database)
    assert fixing is not None and (fixing.flow, fixing.step) == ("fix", "anxiety_after")
    again = await says(database, "no idea")  # a fix needs a value
    assert isinstance(again, Reask) and again.step is Step.ANXIETY_AFTER
    assert await says(database, "2") == Fixed(Field.ANXIETY_AFTER, 2.0)
    assert (await stored(database, attempt_id)).anxiety_after == 2.0
    assert await row(database) is None


async def test_cancel_leaves_and_stale_or_forged_presses_change_nothing(
    database: Database,
) -> None:
    attempt_id = await planned(database)
    assert await presses(database, "anxiety_now", "6", attempt_id) == Stale()  # not the open one
    assert await presses(database, "predict", "71", attempt_id) == NotOurs()  # no such button
    assert await presses(database, "predict", "70", attempt_id + 1) == Stale()
    assert await says(database, "cancel") == Left()
    assert await row(database) is None
    assert (await stored(database, attempt_id)).predicted_no_pct is None


async def test_undo_puts_the_value_back_and_asks_again(database: Database) -> None:
    attempt_id = await planned(database)
    await says(database, "70%")
    undone = await says(database, "undo")
    assert isinstance(undone, Undone)
    assert (undone.field, undone.value) == (Field.PREDICTED, None)
    assert undone.again is not None and undone.again.step is Step.PREDICT
    assert (await stored(database, attempt_id)).predicted_no_pct is None
    pending = await row(database)
    assert pending is not None and pending.step == "predict"
