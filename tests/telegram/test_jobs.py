"""The scheduler keeps no per-person jobs: schedules live in the database, and PTB's
JobQueue holds one fixed set of repeating jobs however many people use the coach."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime

from bot.config import Switch
from bot.sandbox.harness import CoachHarness, MutableClock
from tests.telegram.helpers import onboard, user_row

FIRST = 7100
CROWD = range(FIRST + 1, FIRST + 20)  # 19 more, 20 people in all


def job_names(coach: CoachHarness) -> Counter[str]:
    jobs = coach.runtime.application.job_queue
    assert jobs is not None
    return Counter(job.name or "" for job in jobs.jobs())


async def test_twenty_people_add_no_jobs(database_url: str) -> None:
    clock = MutableClock(datetime(2026, 11, 23, 7, 0, tzinfo=UTC))  # 08:00 in Berlin
    # The rate limiter (30 sends a second) would only make this test slow.
    async with CoachHarness(
        database_url,
        clock=clock,
        scheduler=True,
        migrate_first=False,
        coach_rate_limit=Switch.OFF,
    ) as coach:
        before_anyone = job_names(coach)
        assert "scheduler-tick" in before_anyone  # the one tick that serves everybody

        await onboard(coach, FIRST)
        with_one = job_names(coach)
        assert with_one == before_anyone

        # Side by side, as a crowd would arrive (each chat still runs in order).
        await asyncio.gather(*(onboard(coach, user_id, name="Sam") for user_id in CROWD))
        assert (await user_row(coach, CROWD[-1])).next_nudge_at is not None
        assert job_names(coach) == with_one

        # Everyone's nudge falls due at once: a pass sends them all, and still no job is
        # added per person (no run_once for a follow-up, none per chat).
        due = datetime(2026, 11, 23, 8, 1, tzinfo=UTC)
        clock.set(due)
        await coach.runtime.scheduler.run_pass(due)
        everyone = [FIRST, *CROWD]
        await coach.emulator.wait_until(
            lambda: all(nudged(coach, user_id) for user_id in everyone), timeout=10
        )
        assert job_names(coach) == with_one


def nudged(coach: CoachHarness, user_id: int) -> bool:
    return any(
        any(data.startswith("n:") for data in message.callback_data)
        for message in coach.emulator.messages(user_id)
    )
