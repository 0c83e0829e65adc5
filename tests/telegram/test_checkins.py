"""Check-ins that fit real life (issue 15 item 3): "not yet" keeps the ask open and the
check-in comes once more at a sensible local time; a check-in and a nudge never arrive
together (the check-in first); several overdue check-ins are folded into one message."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from bot.db.models import Attempt
from bot.sandbox.emulator import ChatMessage
from bot.sandbox.harness import CoachHarness, texts_of
from bot.services.nudges import CHECKIN_GAP
from tests.telegram.helpers import (
    attempts_of,
    clock_of,
    conversation_of,
    onboard,
    onboard_in_spanish,
    tick,
    user_row,
)
from tests.telegram.test_typed_spanish import LUCIA
from tests.telegram.test_words_ru import IVAN, onboard_in_russian

pytestmark = pytest.mark.usefixtures("database_url")

ALICE = 6301
# Alice lives in Berlin (UTC+1 in November), nudges at 09:00 local = 08:00 UTC.
MONDAY_NOON = datetime(2026, 11, 23, 11, 0, tzinfo=UTC)  # 12:00 in Berlin


CHECK_IN_OPENINGS: tuple[str, ...] = (
    *("Earlier you picked", "Quick check-in", "A quick check-in", "Antes elegiste"),
    *("Pregunta rápida", "Una pregunta rápida", "Недавно тебе", "Коротко спрошу"),
)


def check_ins(coach: CoachHarness, user_id: int) -> list[ChatMessage]:
    """Check-ins sent (their buttons go once one is pressed, so found by their wording)."""
    return [
        m
        for m in coach.emulator.messages(user_id)
        if m.from_bot and any(opening in (m.text or "") for opening in CHECK_IN_OPENINGS)
    ]


def nudges(coach: CoachHarness, user_id: int) -> list[ChatMessage]:
    return [
        m
        for m in coach.emulator.messages(user_id)
        if any(d.startswith("n:") for d in m.callback_data)
    ]


async def plan_an_idea(coach: CoachHarness, user_id: int, try_label: str = "I'll try it") -> None:
    await coach.say(user_id, "/idea")
    await coach.tap(user_id, try_label)
    await coach.say(user_id, "/cancel")  # the warm-up questions are optional


async def test_not_yet_button_keeps_it_open_and_asks_once_more(coach: CoachHarness) -> None:
    clock_of(coach).set(MONDAY_NOON - timedelta(hours=4))
    await onboard(coach, ALICE)
    await plan_an_idea(coach, ALICE)
    [attempt] = await attempts_of(coach, ALICE)
    await tick(coach, attempt.followup_due_at or MONDAY_NOON)
    [first] = check_ins(coach, ALICE)
    assert "Not yet" in first.button_texts

    replies = await coach.tap(ALICE, "Not yet")
    [attempt] = await attempts_of(coach, ALICE)
    assert (attempt.status, attempt.outcome, attempt.completed_at) == ("planned", None, None)
    assert attempt.followup_postponed == 1 and attempt.followup_sent_at is None
    # Said at 13:00 local: asked again at 18:00 local the same day.
    assert attempt.followup_due_at == datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
    assert "once more" in texts_of(replies) and "18:00" in texts_of(replies)

    await tick(coach, datetime(2026, 11, 23, 17, 0, 30, tzinfo=UTC))
    assert len(check_ins(coach, ALICE)) == 2
    replies = await coach.say(ALICE, "still haven't had the chance")
    assert "won't keep asking" in texts_of(replies)
    [attempt] = await attempts_of(coach, ALICE)
    assert attempt.status == "planned" and attempt.outcome is None
    for hour in (18, 23, 40):  # no third check-in, ever
        await tick(coach, datetime(2026, 11, 23, 17, 0, tzinfo=UTC) + timedelta(hours=hour))
    assert len(check_ins(coach, ALICE)) == 2
    # The ask is still there to log when it happens.
    replies = await coach.say(ALICE, "/log")
    assert "This one" in replies[-1].button_texts


@pytest.mark.parametrize(
    ("typed", "tomorrow"),
    [
        ("not yet", False),
        ("later", False),
        ("haven't had the chance", False),
        ("tomorrow", True),
        ("maybe tomorrow, I'm swamped", True),
    ],
)
async def test_not_yet_in_words(coach: CoachHarness, typed: str, tomorrow: bool) -> None:
    clock_of(coach).set(MONDAY_NOON - timedelta(hours=4))
    await onboard(coach, ALICE)
    await plan_an_idea(coach, ALICE)
    [attempt] = await attempts_of(coach, ALICE)
    await tick(coach, attempt.followup_due_at or MONDAY_NOON)
    await coach.say(ALICE, typed)
    [attempt] = await attempts_of(coach, ALICE)
    assert attempt.status == "planned" and attempt.outcome is None
    day = 24 if tomorrow else 23
    assert attempt.followup_due_at == datetime(2026, 11, day, 17, 0, tzinfo=UTC)


async def test_not_yet_in_spanish_and_russian(coach: CoachHarness) -> None:
    clock = clock_of(coach)
    clock.set(datetime(2026, 11, 23, 15, 0, tzinfo=UTC))  # 09:00 in Mexico City
    await onboard_in_spanish(coach, LUCIA)
    await plan_an_idea(coach, LUCIA, "Lo intento")
    clock.set(datetime(2026, 11, 23, 6, 0, tzinfo=UTC))  # 09:00 in Moscow
    await onboard_in_russian(coach)
    await plan_an_idea(coach, IVAN, "Попробую")
    for person in (LUCIA, IVAN):
        [attempt] = await attempts_of(coach, person)
        await tick(coach, max(attempt.followup_due_at or MONDAY_NOON, clock()))
    assert "Todavía no" in check_ins(coach, LUCIA)[-1].button_texts
    assert "Пока нет" in check_ins(coach, IVAN)[-1].button_texts

    spanish = await coach.say(LUCIA, "todavía no, no he tenido la oportunidad")
    russian = await coach.say(IVAN, "завтра, сегодня не было возможности")
    assert "una vez más" in texts_of(spanish)
    assert "ещё раз" in texts_of(russian)
    [lucia_attempt] = await attempts_of(coach, LUCIA)
    [ivan_attempt] = await attempts_of(coach, IVAN)
    assert lucia_attempt.status == ivan_attempt.status == "planned"
    assert lucia_attempt.outcome is None and ivan_attempt.outcome is None
    # "завтра": tomorrow at 18:00 in Moscow (UTC+3).
    assert ivan_attempt.followup_due_at == datetime(2026, 11, 24, 15, 0, tzinfo=UTC)


async def test_a_quick_log_of_another_ask_after_a_check_in_is_its_own(
    coach: CoachHarness,
) -> None:
    clock_of(coach).set(MONDAY_NOON - timedelta(hours=4))
    await onboard(coach, ALICE)
    await plan_an_idea(coach, ALICE)
    [attempt] = await attempts_of(coach, ALICE)
    await tick(coach, attempt.followup_due_at or MONDAY_NOON)
    await coach.say(ALICE, "asked my landlord to fix the tap, got a no, 7 -> 3")
    planned, quick = await attempts_of(coach, ALICE)
    assert planned.status == "planned" and planned.outcome is None
    assert quick.description == "asked my landlord to fix the tap" and quick.outcome == "no"
    await coach.say(ALICE, "yes")  # the check-in is still there to answer
    [planned, _] = await attempts_of(coach, ALICE)
    conversation = await conversation_of(coach, ALICE)
    assert conversation is not None and conversation.attempt_id == planned.id


async def test_not_this_time_is_still_didnt_ask(coach: CoachHarness) -> None:
    clock_of(coach).set(MONDAY_NOON - timedelta(hours=4))
    await onboard(coach, ALICE)
    await plan_an_idea(coach, ALICE)
    [attempt] = await attempts_of(coach, ALICE)
    await tick(coach, attempt.followup_due_at or MONDAY_NOON)
    await coach.tap(ALICE, "Not this time")
    [attempt] = await attempts_of(coach, ALICE)
    assert attempt.outcome == "didnt_ask"


async def test_a_check_in_and_a_nudge_never_arrive_together(coach: CoachHarness) -> None:
    clock_of(coach).set(datetime(2026, 11, 23, 2, 0, tzinfo=UTC))  # 03:00 in Berlin
    await onboard(coach, ALICE)
    await plan_an_idea(coach, ALICE)
    [attempt] = await attempts_of(coach, ALICE)
    nine = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    async with coach.runtime.deps.db.transaction() as session:  # due with the 09:00 nudge
        await session.execute(
            update(Attempt).where(Attempt.id == attempt.id).values(followup_due_at=nine)
        )
    before = len(coach.emulator.messages(ALICE))
    await tick(coach, nine)
    arrived = coach.emulator.messages(ALICE)[before:]
    assert len(arrived) == 1 and arrived[0] in check_ins(coach, ALICE)  # the check-in first
    await tick(coach, nine + timedelta(minutes=10))
    assert nudges(coach, ALICE) == []
    await tick(coach, nine + CHECKIN_GAP)
    assert len(nudges(coach, ALICE)) == 1  # the day's idea still comes, a little later
    user = await user_row(coach, ALICE)
    assert user.next_nudge_at == datetime(2026, 11, 24, 8, 0, tzinfo=UTC)


async def test_a_check_in_waits_after_a_nudge(coach: CoachHarness) -> None:
    clock_of(coach).set(datetime(2026, 11, 23, 2, 0, tzinfo=UTC))
    await onboard(coach, ALICE)
    await plan_an_idea(coach, ALICE)
    [attempt] = await attempts_of(coach, ALICE)
    nine = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    async with coach.runtime.deps.db.transaction() as session:  # due a minute after the nudge
        await session.execute(
            update(Attempt)
            .where(Attempt.id == attempt.id)
            .values(followup_due_at=nine + timedelta(minutes=1))
        )
    await tick(coach, nine)
    assert len(nudges(coach, ALICE)) == 1
    await tick(coach, nine + timedelta(minutes=1))
    assert check_ins(coach, ALICE) == []
    await tick(coach, nine + CHECKIN_GAP)
    assert len(check_ins(coach, ALICE)) == 1


async def test_several_overdue_check_ins_fold_into_one(coach: CoachHarness) -> None:
    clock_of(coach).set(datetime(2026, 11, 23, 2, 0, tzinfo=UTC))
    await onboard(coach, ALICE)
    await plan_an_idea(coach, ALICE)
    clock_of(coach).advance(timedelta(minutes=5))
    await plan_an_idea(coach, ALICE)
    older, newer = await attempts_of(coach, ALICE)
    await tick(coach, datetime(2026, 11, 23, 11, 0, tzinfo=UTC))
    [folded] = check_ins(coach, ALICE)
    assert (folded.text or "").count("\n1. ") == 1 and "\n2. " in (folded.text or "")
    assert folded.button_texts == ["1: I asked!", "2: I asked!", "Not yet"]
    assert folded.callback_data[:2] == [f"f:{older.id}:y", f"f:{newer.id}:y"]  # oldest first

    await coach.tap(ALICE, "Not yet")
    for attempt in await attempts_of(coach, ALICE):
        assert attempt.status == "planned" and attempt.followup_postponed == 1
    await tick(coach, datetime(2026, 11, 23, 17, 0, tzinfo=UTC))
    assert len(check_ins(coach, ALICE)) == 2  # asked again, still as one message

    replies = await coach.tap(ALICE, "2: I asked!")
    assert "say" in texts_of(replies) or "answer" in texts_of(replies)
