"""Nudges, follow-ups, pause and blocked users, driven by an injected clock (no waiting)."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.sandbox.harness import CoachHarness, texts_of
from tests.telegram.helpers import attempts_of, clock_of, onboard, tick, user_row

ALICE, BOB = 6001, 6002
# Alice onboards in Berlin with nudges at 09:00 local (08:00 UTC in winter).


def nudges_to(coach: CoachHarness, user_id: int) -> list[str]:
    return [
        m.text or ""
        for m in coach.emulator.messages(user_id)
        if "Not today" in m.button_texts or any(d.startswith("n:") for d in m.callback_data)
    ]


async def test_nudge_arrives_once_at_local_time(coach: CoachHarness) -> None:
    clock_of(coach).set(datetime(2026, 11, 23, 7, 0, tzinfo=UTC))  # 08:00 in Berlin
    await onboard(coach, ALICE)
    user = await user_row(coach, ALICE)
    assert user.next_nudge_at == datetime(2026, 11, 23, 8, 0, tzinfo=UTC)

    await tick(coach, datetime(2026, 11, 23, 7, 59, tzinfo=UTC))
    assert nudges_to(coach, ALICE) == []
    await tick(coach, datetime(2026, 11, 23, 8, 0, 20, tzinfo=UTC))
    await tick(coach, datetime(2026, 11, 23, 8, 0, 50, tzinfo=UTC))
    [nudge] = nudges_to(coach, ALICE)
    assert "Alice" in nudge
    assert "💡" in nudge
    card = coach.emulator.last_message(ALICE)
    assert card is not None
    assert card.button_texts == ["I'll try it", "Another idea", "Not today"]
    user = await user_row(coach, ALICE)
    assert user.next_nudge_at == datetime(2026, 11, 24, 8, 0, tzinfo=UTC)


async def test_not_today_is_kind_and_another_idea_works(coach: CoachHarness) -> None:
    clock_of(coach).set(datetime(2026, 11, 23, 7, 0, tzinfo=UTC))
    await onboard(coach, ALICE)
    await tick(coach, datetime(2026, 11, 23, 8, 1, tzinfo=UTC))
    another = await coach.tap(ALICE, "Another idea")
    assert "💡" in texts_of(another)
    await tick(coach, datetime(2026, 11, 24, 8, 1, tzinfo=UTC))
    replies = await coach.tap(ALICE, "Not today")
    assert (
        "allowed" in texts_of(replies)
        or "No problem" in texts_of(replies)
        or "Okay" in (texts_of(replies))
    )
    assert "shame" not in texts_of(replies).lower()


async def test_catch_up_sends_late_once_but_skips_stale(coach: CoachHarness) -> None:
    clock_of(coach).set(datetime(2026, 11, 23, 7, 0, tzinfo=UTC))
    await onboard(coach, ALICE)
    await tick(coach, datetime(2026, 11, 23, 9, 30, tzinfo=UTC))  # 1.5 h late: still sent
    assert len(nudges_to(coach, ALICE)) == 1
    await tick(coach, datetime(2026, 11, 24, 14, 0, tzinfo=UTC))  # 6 h late: skipped
    assert len(nudges_to(coach, ALICE)) == 1
    user = await user_row(coach, ALICE)
    assert user.next_nudge_at == datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
    await tick(coach, datetime(2026, 11, 25, 8, 0, tzinfo=UTC))
    assert len(nudges_to(coach, ALICE)) == 2


async def test_follow_up_once_and_never_at_night(coach: CoachHarness) -> None:
    clock_of(coach).set(datetime(2026, 11, 23, 18, 0, tzinfo=UTC))  # 19:00 in Berlin
    await onboard(coach, ALICE)
    await coach.say(ALICE, "/idea")
    await coach.tap(ALICE, "I'll try it")
    [attempt] = await attempts_of(coach, ALICE)
    # 19:00 + 5 h = midnight: inside quiet hours, so the check-in waits for 08:00.
    assert attempt.followup_due_at == datetime(2026, 11, 24, 7, 0, tzinfo=UTC)
    await tick(coach, datetime(2026, 11, 23, 23, 30, tzinfo=UTC))
    assert "Did you" not in texts_of(coach.emulator.messages(ALICE)[-1:])
    await tick(coach, datetime(2026, 11, 24, 7, 1, tzinfo=UTC))
    check_in = coach.emulator.last_message(ALICE)
    assert check_in is not None and "Did you" in (check_in.text or "")
    await tick(coach, datetime(2026, 11, 24, 7, 30, tzinfo=UTC))
    follow_ups = [
        m
        for m in coach.emulator.messages(ALICE)
        if "Quick check-in" in (m.text or "") or "Earlier you picked" in (m.text or "")
    ]
    assert len(follow_ups) == 1
    replies = await coach.tap(ALICE, "I asked!")
    assert "say" in texts_of(replies) or "answer" in texts_of(replies)


async def test_pause_and_welcome_back(coach: CoachHarness) -> None:
    clock_of(coach).set(datetime(2026, 11, 23, 7, 0, tzinfo=UTC))  # Monday
    await onboard(coach, ALICE)
    replies = await coach.say(ALICE, "/pause 3")
    assert "Thu 26 Nov" in texts_of(replies)
    for day in (23, 24, 25):
        await tick(coach, datetime(2026, 11, day, 8, 5, tzinfo=UTC))
    assert nudges_to(coach, ALICE) == []
    await tick(coach, datetime(2026, 11, 26, 8, 5, tzinfo=UTC))
    [nudge] = nudges_to(coach, ALICE)
    assert "back" in nudge
    assert (await user_row(coach, ALICE)).paused_until is None


async def test_resume_ends_a_pause_early(coach: CoachHarness) -> None:
    clock_of(coach).set(datetime(2026, 11, 23, 7, 0, tzinfo=UTC))
    await onboard(coach, ALICE)
    await coach.say(ALICE, "/pause")
    await coach.tap(ALICE, "A week")
    replies = await coach.say(ALICE, "/resume")
    assert "Welcome back" in texts_of(replies)
    assert "Mon 23 Nov" in texts_of(replies)
    await tick(coach, datetime(2026, 11, 23, 8, 1, tzinfo=UTC))
    assert len(nudges_to(coach, ALICE)) == 1


async def test_blocking_stops_sends_and_start_or_unblock_reactivates(coach: CoachHarness) -> None:
    clock_of(coach).set(datetime(2026, 11, 23, 7, 0, tzinfo=UTC))
    await onboard(coach, ALICE)
    await onboard(coach, BOB, name="Bob")
    coach.emulator.block(ALICE)
    await coach.settle()
    assert not (await user_row(coach, ALICE)).is_active
    await tick(coach, datetime(2026, 11, 23, 8, 1, tzinfo=UTC))
    assert nudges_to(coach, ALICE) == []
    assert len(nudges_to(coach, BOB)) == 1
    coach.emulator.unblock(ALICE)
    await coach.settle()
    user = await user_row(coach, ALICE)
    assert user.is_active
    assert user.next_nudge_at == datetime(2026, 11, 24, 8, 0, tzinfo=UTC)


async def test_a_403_marks_the_user_inactive(coach: CoachHarness) -> None:
    clock_of(coach).set(datetime(2026, 11, 23, 7, 0, tzinfo=UTC))
    await onboard(coach, ALICE)
    coach.emulator.inject_fault(
        "sendMessage",
        chat_id=ALICE,
        status=403,
        description="Forbidden: bot was blocked by the user",
        times=1,
    )
    await tick(coach, datetime(2026, 11, 23, 8, 1, tzinfo=UTC))
    user = await user_row(coach, ALICE)
    assert not user.is_active
    assert user.blocked_at is not None
    replies = await coach.say(ALICE, "/start")
    assert "welcome back" in texts_of(replies).lower()
    assert (await user_row(coach, ALICE)).is_active


async def test_retry_after_is_honoured_and_nothing_is_lost(coach: CoachHarness) -> None:
    clock_of(coach).set(datetime(2026, 11, 23, 7, 0, tzinfo=UTC))
    await onboard(coach, ALICE)
    coach.emulator.inject_fault("sendMessage", chat_id=ALICE, status=429, retry_after=1, times=1)
    await tick(coach, datetime(2026, 11, 23, 8, 1, tzinfo=UTC))
    await coach.emulator.wait_until(lambda: len(nudges_to(coach, ALICE)) == 1, timeout=10)
    assert len(nudges_to(coach, ALICE)) == 1


async def test_scheduler_switch(sqlite_url: str) -> None:
    async with CoachHarness(sqlite_url, scheduler=True) as on:
        jobs = on.runtime.application.job_queue
        assert jobs is not None
        assert "scheduler-tick" in {job.name for job in jobs.jobs()}
    async with CoachHarness(sqlite_url, scheduler=False) as off:
        jobs = off.runtime.application.job_queue
        assert jobs is not None
        assert "scheduler-tick" not in {job.name for job in jobs.jobs()}


async def test_a_reply_to_a_nudge_logs_that_idea(coach: CoachHarness) -> None:
    clock_of(coach).set(datetime(2026, 11, 23, 7, 0, tzinfo=UTC))
    await onboard(coach, ALICE)
    await tick(coach, datetime(2026, 11, 23, 8, 1, tzinfo=UTC))
    nudge = coach.emulator.last_message(ALICE)
    assert nudge is not None
    idea_id = int(next(d for d in nudge.callback_data if d.startswith("n:try:")).rsplit(":", 1)[1])
    replies = await coach.say(
        ALICE, "did it! they said no, 6 -> 2", reply_to_message_id=nudge.message_id
    )
    [attempt] = await attempts_of(coach, ALICE)
    assert (attempt.challenge_id, attempt.outcome) == (idea_id, "no")
    assert (attempt.anxiety_before, attempt.anxiety_after) == (6.0, 2.0)
    assert "how likely" in texts_of(replies)  # the remaining question: the prediction
