"""/log knows what you did (issue 15 item 5): with an idea still open, /log asks "this one
or something else?", and a description of another ask logs that ask; /undo puts back one
value and says what it is now, never reopening old questions or replaying praise."""

from __future__ import annotations

import pytest

from bot.sandbox.harness import CoachHarness, texts_of
from tests.telegram.helpers import attempts_of, conversation_of, onboard, onboard_in_spanish
from tests.telegram.test_typed_spanish import LUCIA
from tests.telegram.test_words_ru import IVAN, onboard_in_russian

ALICE = 6401


async def open_an_idea(coach: CoachHarness, user_id: int, try_label: str = "I'll try it") -> None:
    card = (await coach.say(user_id, "/idea"))[-1]
    assert try_label in card.button_texts
    await coach.tap(user_id, try_label)
    await coach.say(user_id, "/cancel")


async def test_log_asks_this_one_or_something_else(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    await open_an_idea(coach, ALICE)
    replies = await coach.say(ALICE, "/log")
    assert "Or something else?" in texts_of(replies)
    assert replies[-1].button_texts == ["This one", "Something else"]
    replies = await coach.tap(ALICE, "This one")
    assert "How did it go with this one?" in texts_of(replies)
    await coach.tap(ALICE, "I asked!")
    await coach.tap(ALICE, "No")
    [attempt] = await attempts_of(coach, ALICE)
    assert attempt.challenge_id is not None and attempt.outcome == "no"


async def test_something_else_logs_a_new_ask_and_keeps_the_idea_open(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    await open_an_idea(coach, ALICE)
    await coach.say(ALICE, "/log")
    replies = await coach.tap(ALICE, "Something else")
    assert "What did you ask" in texts_of(replies)
    await coach.say(ALICE, "asked the library to order a book")
    await coach.tap(ALICE, "Yes")
    planned, other = await attempts_of(coach, ALICE)
    assert planned.status == "planned" and planned.outcome is None
    assert other.description == "asked the library to order a book" and other.outcome == "yes"


@pytest.mark.parametrize(
    ("typed", "outcome"),
    [
        ("I asked my boss for Friday off, she said no", "no"),
        ("asked the barista for oat milk and got a yes", "yes"),
        ("asked a neighbour to water my plants", None),
    ],
)
async def test_a_described_ask_is_logged_as_itself(
    coach: CoachHarness, typed: str, outcome: str | None
) -> None:
    await onboard(coach, ALICE)
    await open_an_idea(coach, ALICE)
    await coach.say(ALICE, "/log")
    await coach.say(ALICE, typed)
    planned, other = await attempts_of(coach, ALICE)
    assert planned.status == "planned" and planned.outcome is None  # the open idea untouched
    assert other.challenge_id is None and other.description is not None
    assert other.outcome == outcome


@pytest.mark.parametrize("typed", ["yes I did", "they said no", "this one"])
async def test_a_plain_answer_is_about_the_open_idea(coach: CoachHarness, typed: str) -> None:
    await onboard(coach, ALICE)
    await open_an_idea(coach, ALICE)
    await coach.say(ALICE, "/log")
    await coach.say(ALICE, typed)
    [attempt] = await attempts_of(coach, ALICE)
    assert attempt.challenge_id is not None
    conversation = await conversation_of(coach, ALICE)
    assert conversation is not None and conversation.attempt_id == attempt.id


async def test_this_one_or_something_else_in_spanish_and_russian(coach: CoachHarness) -> None:
    await onboard_in_spanish(coach, LUCIA)
    await open_an_idea(coach, LUCIA, "Lo intento")
    replies = await coach.say(LUCIA, "/log")
    assert replies[-1].button_texts == ["Esta", "Otra cosa"]
    await coach.say(LUCIA, "le pedí a mi jefe el viernes libre y me dijo que no")
    planned, other = await attempts_of(coach, LUCIA)
    assert planned.status == "planned" and other.outcome == "no"

    await onboard_in_russian(coach)
    await open_an_idea(coach, IVAN, "Попробую")
    replies = await coach.say(IVAN, "/log")
    assert replies[-1].button_texts == ["Эта", "Что-то другое"]
    replies = await coach.say(IVAN, "что-то другое")
    assert "О чём была просьба" in texts_of(replies)
    planned, other = await attempts_of(coach, IVAN)
    assert planned.status == "planned" and other.challenge_id is None


async def test_undo_after_a_finished_log_reopens_nothing(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    await coach.say(ALICE, "/log")
    await coach.say(ALICE, "asked a stranger for a photo")
    await coach.tap(ALICE, "Yes")
    await coach.tap(ALICE, "Skip")  # chance of a no
    await coach.tap(ALICE, "6")  # anxiety before
    await coach.tap(ALICE, "2")  # anxiety after
    await coach.say(ALICE, "People are kind.")  # the lesson: the log is complete
    replies = await coach.say(ALICE, "/undo")
    assert len(replies) == 1
    assert "took back what you noticed" in texts_of(replies)
    assert "?" not in texts_of(replies)  # no question reopened, no praise replayed
    assert await conversation_of(coach, ALICE) is None
    [attempt] = await attempts_of(coach, ALICE)
    assert attempt.lesson is None and attempt.completed_at is not None
    assert attempt.status == "logged"


async def test_undo_after_a_history_fix_puts_back_the_old_value_only(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    await coach.say(ALICE, "asked my boss for Friday off - no - 8 → 5")
    await coach.say(ALICE, "/history")
    await coach.tap(ALICE, "1")
    await coach.tap(ALICE, "Anxiety after")
    assert "Updated" in texts_of(await coach.say(ALICE, "4"))
    [fixed] = await attempts_of(coach, ALICE)
    assert fixed.anxiety_after == 4.0

    replies = await coach.say(ALICE, "/undo")
    assert texts_of(replies) == "Done: anxiety after is back to 5/10."
    [attempt] = await attempts_of(coach, ALICE)
    assert (attempt.outcome, attempt.anxiety_before, attempt.anxiety_after) == ("no", 8.0, 5.0)
    assert attempt.status == "logged" and attempt.completed_at == fixed.completed_at
    assert await conversation_of(coach, ALICE) is None
