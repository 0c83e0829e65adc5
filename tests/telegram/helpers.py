"""Shared steps for handler tests."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from bot.db.models import Attempt, Conversation, IdeaEvent, User
from bot.sandbox.emulator import ChatMessage
from bot.sandbox.harness import CoachHarness, MutableClock


async def onboard(
    coach: CoachHarness, user_id: int, *, name: str = "Alice", level: str = "1 · gentle"
) -> None:
    coach.emulator.add_user(user_id, name)
    await coach.say(user_id, "/start")
    await coach.say(user_id, "Berlin")
    await coach.say(user_id, "9:00")
    await coach.tap(user_id, "Every day")
    await coach.tap(user_id, level)


async def onboard_in_spanish(coach: CoachHarness, user_id: int) -> None:
    """Lucía sets up by typing, in Spanish (her Telegram speaks it)."""
    coach.emulator.add_user(user_id, "Lucía", language_code="es")
    await coach.say(user_id, "/start")
    await coach.say(user_id, "vivo en Ciudad de México")
    await coach.say(user_id, "a las 7 y media de la tarde")
    await coach.say(user_id, "entre semana")
    await coach.tap(user_id, "1 · suave")


async def user_row(coach: CoachHarness, user_id: int) -> User:
    async with coach.runtime.deps.db.sessions() as session:
        user = await session.get(User, user_id)
    assert user is not None
    return user


async def attempts_of(coach: CoachHarness, user_id: int) -> list[Attempt]:
    async with coach.runtime.deps.db.sessions() as session:
        rows = await session.scalars(
            select(Attempt).where(Attempt.user_id == user_id).order_by(Attempt.id)
        )
        return list(rows)


async def conversation_of(coach: CoachHarness, user_id: int) -> Conversation | None:
    async with coach.runtime.deps.db.sessions() as session:
        return await session.get(Conversation, user_id)


async def idea_events(coach: CoachHarness, user_id: int, kind: str) -> list[IdeaEvent]:
    async with coach.runtime.deps.db.sessions() as session:
        rows = await session.scalars(
            select(IdeaEvent)
            .where(IdeaEvent.user_id == user_id, IdeaEvent.kind == kind)
            .order_by(IdeaEvent.id)
        )
        return list(rows)


def idea_message(messages: list[ChatMessage]) -> ChatMessage:
    """The idea card among the bot's replies (the one with "I'll try it")."""
    for message in reversed(messages):
        if "I'll try it" in message.button_texts:
            return message
    raise AssertionError("no idea card in the replies")


def idea_id_of(message: ChatMessage) -> int:
    data = next(d for d in message.callback_data if d.startswith(("i:try:", "n:try:")))
    return int(data.rsplit(":", 1)[1])


def clock_of(coach: CoachHarness) -> MutableClock:
    """The harness's clock, which tests move by hand."""
    assert isinstance(coach.clock, MutableClock)
    return coach.clock


async def tick(coach: CoachHarness, at: datetime) -> None:
    """One scheduling pass as if it were `at`, and wait for what it sent."""
    clock_of(coach).set(at)
    await coach.runtime.scheduler.run_pass(at)
    await coach.settle()
