"""Adaptive difficulty over the emulator (issue 3.5): a logged ask moves the person's level
the way bot/domain/ladder.py describes, and the bot says so in the reply.

The pure rules are tested in tests/domain/test_ladder.py; these tests check the wiring:
that the ladder sees the right attempts (level, outcome, anxiety afterwards, skips), that
the level is stored, that the next idea comes from the new level, and that the level-change
line reaches the person.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.sandbox.harness import CoachHarness, MutableClock, texts_of
from tests.telegram.helpers import attempts_of, idea_message, onboard, user_row

pytestmark = pytest.mark.usefixtures("database_url")

ALICE = 9101

LEVEL_LABELS = {1: "1 · gentle", 2: "2", 3: "3", 4: "4", 5: "5 · bold"}


def phrases(coach: CoachHarness, key: str, **values: object) -> list[str]:
    """Every variant of a text from prompts.yaml, as the person would read it."""
    return [variant.format(**values) for variant in coach.runtime.deps.texts.variants(key)]


def says_any(text: str, candidates: list[str]) -> bool:
    return any(candidate in text for candidate in candidates)


def later(coach: CoachHarness) -> None:
    """Let a little time pass. The ladder counts what happened *after* the level last
    changed (or the person arrived), so every step needs its own moment."""
    assert isinstance(coach.clock, MutableClock)
    coach.clock.advance(timedelta(minutes=20))


async def log_quickly(coach: CoachHarness, line: str) -> str:
    later(coach)
    return texts_of(await coach.say(ALICE, line))


async def level_of(coach: CoachHarness) -> int:
    return (await user_row(coach, ALICE)).level


async def log_through_an_idea(coach: CoachHarness, outcome: str, after: int) -> str:
    """/idea, "I'll try it", skip the warm-up, then "I asked!", the outcome and the anxiety
    afterwards, and skip the lesson. Returns the texts of the bot's final reply."""
    later(coach)
    idea_message(await coach.say(ALICE, "/idea"))
    await coach.tap(ALICE, "I'll try it")
    await coach.tap(ALICE, "Skip")  # chance of a no
    await coach.tap(ALICE, "Skip")  # anxiety now
    later(coach)
    await coach.tap(ALICE, "I asked!")
    await coach.tap(ALICE, outcome)
    await coach.tap(ALICE, str(after))
    return texts_of(await coach.tap(ALICE, "Skip"))  # the lesson


async def test_mostly_yes_at_this_level_steps_up_once_and_says_so(coach: CoachHarness) -> None:
    await onboard(coach, ALICE, level=LEVEL_LABELS[2])
    level_up = phrases(coach, "log.level_up", old=2, new=3)

    first = await log_through_an_idea(coach, "Yes", after=5)
    assert await level_of(coach) == 2  # one ask is not "mostly"
    assert not says_any(first, level_up)

    second = await log_through_an_idea(coach, "Yes", after=5)
    assert await level_of(coach) == 3
    assert says_any(second, level_up), second
    attempts = await attempts_of(coach, ALICE)
    assert [a.level for a in attempts] == [2, 2]  # the ideas came from level 2
    assert "Level 3" in texts_of(await coach.say(ALICE, "/idea"))  # and now from level 3

    # Counting restarts after a change: one more yes at the new level moves nothing.
    await coach.say(ALICE, "/cancel")
    third = await log_quickly(coach, "asked for a table by the window, got a yes, 4 -> 4")
    assert await level_of(coach) == 3
    assert "bolder" not in third


async def test_calm_afterwards_steps_up_even_after_noes(coach: CoachHarness) -> None:
    await onboard(coach, ALICE, level=LEVEL_LABELS[1])
    await log_quickly(coach, "asked a neighbour to water my plants, got a no, 6 -> 2")
    assert await level_of(coach) == 1
    second = await log_quickly(coach, "asked for a later checkout, got a no, 5 -> 3")
    assert await level_of(coach) == 2
    assert says_any(second, phrases(coach, "log.level_up", old=1, new=2)), second


async def test_noes_with_anxiety_left_over_keep_the_level(coach: CoachHarness) -> None:
    await onboard(coach, ALICE, level=LEVEL_LABELS[3])
    for line in (
        "asked for a discount, got a no, 7 -> 5",
        "asked to swap shifts, got a no, 6 -> 4",
        "asked to join a pickup game, got a yes, 6 -> 5",
    ):
        reply = await log_quickly(coach, line)
        assert "(level " not in reply, reply
    assert await level_of(coach) == 3


async def test_a_rough_ask_steps_down_one_level_and_says_so(coach: CoachHarness) -> None:
    await onboard(coach, ALICE, level=LEVEL_LABELS[3])
    reply = await log_through_an_idea(coach, "No", after=9)
    assert await level_of(coach) == 2  # one step, never two
    assert says_any(reply, phrases(coach, "log.level_down_rough", new=2)), reply
    assert "Level 2" in texts_of(await coach.say(ALICE, "/idea"))


async def test_rough_asks_never_go_below_level_one(coach: CoachHarness) -> None:
    await onboard(coach, ALICE, level=LEVEL_LABELS[2])
    await log_quickly(coach, "asked my landlord to fix the heating, got a no, 8 -> 8")
    assert await level_of(coach) == 1
    reply = await log_quickly(coach, "asked my boss for a raise, got a no, 9 -> 9")
    assert await level_of(coach) == 1
    assert not says_any(reply, phrases(coach, "log.level_down_rough", new=1))
    assert not says_any(reply, phrases(coach, "log.level_down_rough", new=0))


async def test_two_not_this_times_in_a_row_step_down_and_say_so(coach: CoachHarness) -> None:
    await onboard(coach, ALICE, level=LEVEL_LABELS[3])
    smaller = phrases(coach, "log.level_down_skips", new=2)

    async def not_this_time() -> str:
        later(coach)
        idea_message(await coach.say(ALICE, "/idea"))
        await coach.tap(ALICE, "I'll try it")
        await coach.tap(ALICE, "Skip")
        await coach.tap(ALICE, "Skip")
        return texts_of(await coach.tap(ALICE, "Not this time"))

    first = await not_this_time()
    assert await level_of(coach) == 3
    assert not says_any(first, smaller)
    second = await not_this_time()
    assert await level_of(coach) == 2
    assert says_any(second, smaller), second
    assert [a.outcome for a in await attempts_of(coach, ALICE)] == ["didnt_ask", "didnt_ask"]


async def test_two_not_todays_on_nudges_step_down_and_say_so(coach: CoachHarness) -> None:
    await onboard(coach, ALICE, level=LEVEL_LABELS[4])
    smaller = phrases(coach, "log.level_down_skips", new=3)
    assert isinstance(coach.clock, MutableClock)
    replies = []
    for day in (24, 25):  # Berlin 09:00 nudges on Tuesday and Wednesday
        at = datetime(2026, 11, day, 8, 1, tzinfo=UTC)
        coach.clock.set(at)
        await coach.runtime.scheduler.run_pass(at)
        await coach.settle()
        replies.append(texts_of(await coach.tap(ALICE, "Not today")))
    assert await level_of(coach) == 3
    assert not says_any(replies[0], smaller)
    assert says_any(replies[1], smaller), replies[1]


async def test_two_quick_logged_skips_step_down_and_say_so(coach: CoachHarness) -> None:
    await onboard(coach, ALICE, level=LEVEL_LABELS[2])
    first = await log_quickly(coach, "didn't ask for a discount, 7 -> 7")
    assert await level_of(coach) == 2
    second = await log_quickly(coach, "chickened out of asking for directions, 6 -> 6")
    assert await level_of(coach) == 1
    smaller = phrases(coach, "log.level_down_skips", new=1)
    assert not says_any(first, smaller)
    assert says_any(second, smaller), second
