"""Weekly recaps at scale: 100,000 people with 4 logged asks each, all due at once.

Times composing every recap (claim, read the weeks and chart history, write the recap
rows, queue the messages in the outbox) and counts the SQL statements it takes: a fixed
number per batch of people, never one per person or per attempt. Sending is left out: at
Telegram's 30 messages a second, 100,000 recaps (and their charts) take an hour or more
whatever the bot does; `bench.fanout` measures sending.

    python -m bench.recaps [--people 100000] [--attempts 4] [--backend sqlite|postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import psutil
from sqlalchemy import event, insert
from sqlalchemy.ext.asyncio import create_async_engine

from bench.common import TOKEN, banner, fresh_database, seed_people
from bot.config import Settings
from bot.db.models import Attempt, table
from bot.sandbox.emulator import EmulatorConfig, TelegramEmulator
from bot.telegram.app import CoachRuntime

# Sunday 22 Nov 2026, 18:00 UTC: everyone's recap is due; their asks were that week.
RECAP_AT = datetime(2026, 11, 22, 18, 0, tzinfo=UTC)
WEEK = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)
FIRST_ID = 2_000_000
OUTCOMES = ("no", "yes", "no_answer", "no")


async def seed_attempts(database_url: str, ids: list[int], per_person: int) -> None:
    engine = create_async_engine(database_url)
    try:
        for start in range(0, len(ids), 2_000):
            rows = [
                {
                    "user_id": user_id,
                    "status": "logged",
                    "source": "log",
                    "outcome": OUTCOMES[day % len(OUTCOMES)],
                    "level": 1 + day % 5,
                    "predicted_no_pct": 70,
                    "anxiety_before": 7.0 - day % 3,
                    "anxiety_after": 3.0,
                    "lesson": "Nobody minded as much as I thought." if day == 0 else None,
                    "created_at": WEEK + timedelta(days=day),
                    "completed_at": WEEK + timedelta(days=day),
                    "updated_at": WEEK + timedelta(days=day),
                }
                for user_id in ids[start : start + 2_000]
                for day in range(per_person)
            ]
            async with engine.begin() as connection:
                await connection.execute(insert(table(Attempt)), rows)
    finally:
        await engine.dispose()


async def compose_all(database_url: str, people: int) -> None:
    async with TelegramEmulator(EmulatorConfig(history_limit=0, call_log_limit=0)) as emulator:
        settings = Settings(
            _env_file=None,
            telegram_bot_token=TOKEN,
            telegram_api_base_url=emulator.base_url,
            database_url=database_url,
        )
        coach = CoachRuntime(settings, clock=lambda: RECAP_AT)
        await coach.application.initialize()
        await coach.post_init(coach.application)
        statements = 0

        def count(*_args: Any) -> None:
            nonlocal statements
            statements += 1

        engine = coach.deps.db.engine.sync_engine
        event.listen(engine, "before_cursor_execute", count)
        try:
            process = psutil.Process()
            started, cpu_started = time.perf_counter(), time.process_time()
            recaps = await coach.scheduler.queue_all_recaps(RECAP_AT)
            elapsed = time.perf_counter() - started
            cpu = time.process_time() - cpu_started
            rss = process.memory_info().rss / 1024 / 1024
        finally:
            event.remove(engine, "before_cursor_execute", count)
            await coach.application.shutdown()
            await coach.post_shutdown(coach.application)
    batch = coach.scheduler_batch
    if recaps != people:
        raise SystemExit(f"composed {recaps} recaps for {people} people")
    print(
        f"{recaps} recaps composed, stored and queued in {elapsed:.1f} s "
        f"({recaps / elapsed:.0f}/s, {cpu:.1f} s of CPU); "
        f"{statements} SQL statements = {statements * batch / recaps:.1f} per batch of "
        f"{batch} people; "
        f"RSS {rss:.0f} MB",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--attempts", type=int, default=4, help="logged asks per person")
    parser.add_argument("--backend", default=os.environ.get("BENCH_BACKEND", "sqlite"))
    args = parser.parse_args()
    banner(f"weekly recaps on {args.backend}")
    ids = list(range(FIRST_ID, FIRST_ID + args.people))
    with fresh_database(args.backend) as url:
        started = time.perf_counter()
        asyncio.run(
            seed_people(url, ids, next_recap_at=RECAP_AT, onboarded_at=WEEK - timedelta(days=7))
        )
        asyncio.run(seed_attempts(url, ids, args.attempts))
        print(
            f"seeded {args.people} people x {args.attempts} asks "
            f"in {time.perf_counter() - started:.0f} s",
            flush=True,
        )
        asyncio.run(compose_all(url, args.people))


if __name__ == "__main__":
    main()
