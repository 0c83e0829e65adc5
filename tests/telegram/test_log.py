"""The logging conversation over the emulator: buttons, free text, re-asks, quick log,
/undo, /history, stale and forged buttons, media and commands in the middle of a flow."""

from __future__ import annotations

import pytest

from bot.sandbox.harness import CoachHarness, texts_of
from tests.telegram.helpers import attempts_of, conversation_of, idea_message, onboard

ALICE, BOB = 4001, 4002


async def accept_an_idea(coach: CoachHarness, user_id: int) -> None:
    await onboard(coach, user_id)
    idea_message(await coach.say(user_id, "/idea"))
    await coach.tap(user_id, "I'll try it")


async def test_full_flow_with_buttons_saves_each_answer_at_once(coach: CoachHarness) -> None:
    await accept_an_idea(coach, ALICE)
    await coach.tap(ALICE, "70%")
    [attempt] = await attempts_of(coach, ALICE)
    assert attempt.predicted_no_pct == 70  # saved before the next question was even answered
    await coach.tap(ALICE, "7")
    replies = await coach.tap(ALICE, "I asked!")
    assert "What did they say" in texts_of(replies) or "their answer" in texts_of(replies)
    await coach.tap(ALICE, "No")
    assert "notice" in texts_of(await coach.tap(ALICE, "3"))  # anxiety now; then the lesson
    summary = texts_of(await coach.say(ALICE, "They were kind about it. I'm still standing."))
    [attempt] = await attempts_of(coach, ALICE)
    assert (attempt.outcome, attempt.anxiety_before, attempt.anxiety_after) == ("no", 7.0, 3.0)
    assert attempt.lesson == "They were kind about it. I'm still standing."
    assert attempt.completed_at is not None
    assert "70%" in summary
    assert "3/10" in summary
    assert await conversation_of(coach, ALICE) is None


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("like a 7?", 7.0), ("about 6 or 7", 6.5), ("7/10", 7.0), ("seven", 7.0), ("6,5", 6.5)],
)
async def test_anxiety_in_free_text(coach: CoachHarness, typed: str, stored: float) -> None:
    await accept_an_idea(coach, ALICE)
    await coach.say(ALICE, "skip")
    await coach.say(ALICE, typed)
    [attempt] = await attempts_of(coach, ALICE)
    assert attempt.anxiety_before == stored


async def test_outcome_typed_at_did_you_ask_skips_a_question(coach: CoachHarness) -> None:
    await accept_an_idea(coach, ALICE)
    await coach.say(ALICE, "seventy percent")
    await coach.say(ALICE, "8")
    replies = await coach.say(ALICE, "they said no 🙅 but nicely")
    [attempt] = await attempts_of(coach, ALICE)
    assert attempt.outcome == "no"
    assert attempt.predicted_no_pct == 70
    assert "now" in texts_of(replies)  # straight to anxiety afterwards


async def test_unparseable_answers_are_reasked_twice_then_skip_is_offered(
    coach: CoachHarness,
) -> None:
    await accept_an_idea(coach, ALICE)
    first = await coach.say(ALICE, "banana")
    second = await coach.say(ALICE, "🍌🍌")
    third = await coach.say(ALICE, "what do you mean")
    assert all(reply[-1].buttons for reply in (first, second, third))
    assert "Skip" in third[-1].button_texts
    assert "optional" in texts_of(third)
    await coach.tap(ALICE, "Skip")
    [attempt] = await attempts_of(coach, ALICE)
    assert attempt.predicted_no_pct is None


async def test_not_this_time_is_met_with_warmth(coach: CoachHarness) -> None:
    await accept_an_idea(coach, ALICE)
    await coach.tap(ALICE, "Skip")
    await coach.tap(ALICE, "Skip")
    replies = await coach.tap(ALICE, "Not this time")
    assert "Something easier" in replies[-1].button_texts
    [attempt] = await attempts_of(coach, ALICE)
    assert attempt.outcome == "didnt_ask"
    easier = await coach.tap(ALICE, "Something easier")
    assert "💡" in texts_of(easier)


async def test_quick_log_anywhere_with_undo(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    replies = await coach.say(ALICE, "asked for a discount, got a no, 7 -> 3")
    confirmation = replies[0]
    assert "asked for a discount" in (confirmation.text or "")
    assert "a no" in (confirmation.text or "")
    assert "7 → 3" in (confirmation.text or "")
    assert confirmation.button_texts == ["Undo"]
    [attempt] = await attempts_of(coach, ALICE)
    assert (attempt.outcome, attempt.anxiety_before, attempt.anxiety_after) == ("no", 7.0, 3.0)
    undone = await coach.tap(ALICE, "Undo")
    assert "Removed" in texts_of(undone)
    assert await attempts_of(coach, ALICE) == []


async def test_undo_takes_back_the_last_answer_and_asks_again(coach: CoachHarness) -> None:
    await accept_an_idea(coach, ALICE)
    await coach.tap(ALICE, "50%")
    await coach.tap(ALICE, "9")
    replies = await coach.say(ALICE, "/undo")
    assert "took back" in texts_of(replies)
    assert "how anxious" in texts_of(replies)
    [attempt] = await attempts_of(coach, ALICE)
    assert attempt.anxiety_before is None
    assert attempt.predicted_no_pct == 50
    await coach.tap(ALICE, "4")
    [attempt] = await attempts_of(coach, ALICE)
    assert attempt.anxiety_before == 4.0


async def test_history_shows_asks_and_fixes_a_value(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    await coach.say(ALICE, "asked a stranger for a high five, got a yes, 6 -> 2")
    await coach.say(ALICE, "asked my boss for Friday off - no - 8 → 5")
    history = await coach.say(ALICE, "/history")
    text = texts_of(history)
    assert "1." in text and "2." in text
    assert "8 → 5" in text and "6 → 2" in text
    await coach.tap(ALICE, "1")  # the newest ask
    await coach.tap(ALICE, "Anxiety after")
    replies = await coach.say(ALICE, "4")
    assert "Updated" in texts_of(replies)
    attempts = await attempts_of(coach, ALICE)
    assert [a.anxiety_after for a in attempts] == [2.0, 4.0]


async def test_stale_and_forged_answer_buttons_change_nothing(coach: CoachHarness) -> None:
    await accept_an_idea(coach, ALICE)
    await onboard(coach, BOB)
    question = coach.emulator.last_message(ALICE)
    assert question is not None
    old_data = next(d for d in question.callback_data if d.endswith(":70"))
    await coach.tap(ALICE, "30%")
    [attempt] = await attempts_of(coach, ALICE)
    forged = [
        (ALICE, old_data),  # an answered question
        (ALICE, old_data.replace(":predict:", ":anxiety_now:")),  # wrong value for the step
        (BOB, f"q:{attempt.id}:anxiety_now:5"),  # someone else's attempt
        (ALICE, "q:99999:anxiety_now:5"),  # no such attempt
        (ALICE, "q:abc:def:ghi"),
        (ALICE, "q:" + "9" * 60),
    ]
    for user_id, data in forged:
        replies, answer = await coach.press_data(user_id, question.message_id, data, forge=True)
        assert replies == [], data
        assert answer is not None, data
    [attempt] = await attempts_of(coach, ALICE)
    assert (attempt.predicted_no_pct, attempt.anxiety_before) == (30, None)
    conversation = await conversation_of(coach, ALICE)
    assert conversation is not None and conversation.step == "anxiety_now"


async def test_sticker_photo_voice_and_edits_point_back_to_the_question(
    coach: CoachHarness,
) -> None:
    await accept_an_idea(coach, ALICE)
    await coach.tap(ALICE, "90%")
    for send in (coach.emulator.send_sticker, coach.emulator.send_photo, coach.emulator.send_voice):
        send(ALICE)
        await coach.settle()
        reply = coach.emulator.messages(ALICE)[-1].text or ""  # pointer, then the question
        assert 0 <= reply.find("only read text") < reply.find("how anxious"), reply
    sent = coach.emulator.send_text(ALICE, "10")
    await coach.settle()
    assert sent.message is not None
    coach.emulator.edit_text(ALICE, sent.message.message_id, "2")
    await coach.settle()
    assert "edit" in (coach.emulator.messages(ALICE)[-1].text or "")
    [attempt] = await attempts_of(coach, ALICE)
    assert (attempt.predicted_no_pct, attempt.anxiety_before) == (90, 10.0)


async def test_commands_mid_flow_keep_the_flow(coach: CoachHarness) -> None:
    await accept_an_idea(coach, ALICE)
    await coach.say(ALICE, "/help")
    await coach.say(ALICE, "/history")
    await coach.say(ALICE, "40%")
    [attempt] = await attempts_of(coach, ALICE)
    assert attempt.predicted_no_pct == 40


async def test_huge_lesson_is_bounded_and_kept(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    await coach.say(ALICE, "/log asked a neighbour to sign a petition")
    await coach.tap(ALICE, "Yes")
    await coach.tap(ALICE, "Skip")
    await coach.tap(ALICE, "Skip")
    await coach.tap(ALICE, "2")
    replies = await coach.say(ALICE, "It went fine! " * 400)
    assert (
        "👏" in texts_of(replies)
        or "brave" in texts_of(replies)
        or "counts" in texts_of(replies)
        or "ask" in texts_of(replies)
    )
    [attempt] = await attempts_of(coach, ALICE)
    assert attempt.lesson is not None
    assert 900 <= len(attempt.lesson) <= 1000
    assert attempt.description == "asked a neighbour to sign a petition"


async def test_log_resumes_a_planned_attempt(coach: CoachHarness) -> None:
    await accept_an_idea(coach, ALICE)
    await coach.say(ALICE, "/cancel")
    replies = await coach.say(ALICE, "/log")
    assert "Or something else?" in texts_of(replies)
    replies = await coach.tap(ALICE, "This one")
    assert "How did it go with this one?" in texts_of(replies)
    assert "I asked!" in replies[-1].button_texts
    fresh = await coach.say(BOB, "/start")
    assert fresh  # Bob isn't onboarded: /log would point him to /start
    replies = await coach.say(ALICE, "yes I did")
    assert "say" in texts_of(replies) or "answer" in texts_of(replies)


async def test_log_without_a_plan_asks_what_was_asked(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    replies = await coach.say(ALICE, "/log")
    assert "What did you ask" in texts_of(replies)
    await coach.say(ALICE, "asked the library to order a book")
    await coach.tap(ALICE, "In between")
    [attempt] = await attempts_of(coach, ALICE)
    assert attempt.description == "asked the library to order a book"
    assert attempt.outcome == "partial"
