"""Self-critical reframes over the emulator (issue 7.2): harsh self-talk in a reflection gets
one short, kind reframe before the bot moves on, at most once per conversation.

"Conversation" in the code is the person's `conversations` row: one logging (or /history
fix) flow, from its first question until it finishes or is left. The row's data remembers
that a reframe was given (bot/telegram/handlers/care.py, `reframe_once`); a new flow starts
with fresh data.
"""

from __future__ import annotations

import pytest

from bot.db.models import Conversation
from bot.sandbox.emulator import ChatMessage
from bot.sandbox.harness import CoachHarness
from tests.telegram.helpers import attempts_of, conversation_of, onboard

pytestmark = pytest.mark.usefixtures("database_url")

ALICE = 9301
HARSH = "I'm such an idiot. Honestly I'm pathetic, I always mess up, what a loser I am."


def reframes_in(coach: CoachHarness, messages: list[ChatMessage]) -> list[ChatMessage]:
    variants = coach.runtime.deps.texts.variants("care.reframe")
    return [m for m in messages if any(v in (m.text or "") for v in variants)]


def credits_in(coach: CoachHarness, messages: list[ChatMessage]) -> list[ChatMessage]:
    variants = coach.runtime.deps.texts.variants("log.credit")
    return [m for m in messages if any(v in (m.text or "") for v in variants)]


async def up_to_the_lesson(coach: CoachHarness, what: str) -> None:
    await coach.say(ALICE, f"/log {what}")
    await coach.tap(ALICE, "No")
    await coach.tap(ALICE, "Skip")  # chance of a no
    await coach.tap(ALICE, "Skip")  # anxiety before
    await coach.tap(ALICE, "4")  # anxiety now; next comes "anything you noticed?"
    conversation = await conversation_of(coach, ALICE)
    assert conversation is not None and conversation.step == "lesson"


async def test_many_harsh_phrases_get_one_reframe_before_the_summary(
    coach: CoachHarness,
) -> None:
    await onboard(coach, ALICE)
    await up_to_the_lesson(coach, "asked a colleague to review my slides")
    replies = await coach.say(ALICE, HARSH)
    [reply] = replies  # one composed reply
    text = reply.text or ""
    variants = coach.runtime.deps.texts.variants
    # Four harsh phrases, one reframe; and one summary.
    assert sum(text.count(v) for v in variants("care.reframe")) == 1
    assert sum(text.count(v) for v in variants("log.credit")) == 1
    reframe_at = min(i for v in variants("care.reframe") if (i := text.find(v)) >= 0)
    credit_at = min(i for v in variants("log.credit") if (i := text.find(v)) >= 0)
    assert reframe_at < credit_at  # kindness first, then the bot moves on
    [attempt] = await attempts_of(coach, ALICE)
    assert attempt.lesson == HARSH  # still their own words, kept as they said them
    assert attempt.completed_at is not None


async def test_no_second_reframe_once_this_conversation_had_one(coach: CoachHarness) -> None:
    """The guard itself. No button or message path currently asks for a second reflection
    within one conversation (the lesson is the last question), so the state is arranged in
    the database as it would stand after an earlier reframe in this same conversation."""
    await onboard(coach, ALICE)
    await up_to_the_lesson(coach, "asked the gym to show me a machine")
    async with coach.runtime.deps.db.transaction() as session:
        conversation = await session.get(Conversation, ALICE)
        assert conversation is not None
        conversation.data = {**conversation.data, "reframed": True}

    replies = await coach.say(ALICE, HARSH)
    assert reframes_in(coach, replies) == []
    assert len(credits_in(coach, replies)) == 1  # the flow still finishes as usual
    [attempt] = await attempts_of(coach, ALICE)
    assert attempt.lesson == HARSH


async def test_kind_reflections_get_no_reframe(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    await up_to_the_lesson(coach, "asked for a table by the window")
    replies = await coach.say(ALICE, "I was nervous but they were lovely about it")
    assert reframes_in(coach, replies) == []
    assert len(credits_in(coach, replies)) == 1


async def test_a_new_logging_conversation_starts_without_the_flag(coach: CoachHarness) -> None:
    """Two asks logged one after the other are two conversations: each harsh reflection
    gets its one reframe, and the second flow's data does not carry the first one's flag."""
    await onboard(coach, ALICE)
    await up_to_the_lesson(coach, "asked my neighbour to sign a petition")
    first = await coach.say(ALICE, "I'm such an idiot")
    assert len(reframes_in(coach, first)) == 1
    assert await conversation_of(coach, ALICE) is None  # that conversation is over

    await up_to_the_lesson(coach, "asked a stranger for a high five")
    conversation = await conversation_of(coach, ALICE)
    assert conversation is not None and "reframed" not in conversation.data
    second = await coach.say(ALICE, "I always mess up")
    assert len(reframes_in(coach, second)) == 1
