"""Nudge fan-out: everyone due at the same instant, one `coach tick`.

1. Rate limiter off: the bot's own ceiling, nudges per second to the emulator (target:
   at least 1,000/s, so Telegram's 30/s cap is the only real bound).
2. Rate limiter on, with the emulator enforcing Telegram's 30 messages/s: a sustained
   25-30/s and zero 429s.
3. Peak RSS of the tick process at 10,000 and 100,000 people: memory must not grow with
   the number of people (the work is done in fixed-size batches).

    python -m bench.fanout [--people 100000] [--limited 1500] [--backend sqlite|postgres]
                           [--concurrency 64]

The rate is counted over the sending window (first to last sendMessage the emulator saw);
the wall time of the whole `coach tick` process, start-up included, is printed beside it.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psutil

from bench.common import banner, bot_env, fresh_database, process, seed_people
from bot.sandbox.emulator import EmulatorConfig, FloodControl, TelegramEmulator

FIRST_ID = 1_000_000


@dataclass
class Run:
    people: int
    seconds: float
    window: float
    sent: int
    peak_rss_mb: float
    flood_429s: int

    @property
    def rate(self) -> float:
        return self.sent / self.window if self.window > 0 else float("nan")


async def tick(database_url: str, people: int, *, limited: bool, concurrency: int) -> Run:
    flood = FloodControl(max_per_second=30) if limited else FloodControl()
    config = EmulatorConfig(history_limit=0, call_log_limit=0, log_params=False, flood=flood)
    due = datetime.now(UTC) - timedelta(minutes=1)
    async with TelegramEmulator(config) as emulator:
        for user_id in range(FIRST_ID, FIRST_ID + people):
            emulator.add_user(user_id, "Sam")
        env = bot_env(
            emulator.base_url,
            database_url,
            COACH_RATE_LIMIT="on" if limited else "off",
            COACH_MAX_SENDS_PER_SECOND="29",
            COACH_CONCURRENT_UPDATES=str(concurrency),
        )
        at = (due + timedelta(minutes=1)).isoformat()
        with tempfile.TemporaryDirectory() as folder:
            log = Path(folder) / "tick.log"
            started = time.perf_counter()
            with process(["-m", "bot", "tick", "--at", at], env, log) as child:
                peak = await _watch(child.pid)
                await asyncio.to_thread(child.wait)
            elapsed = time.perf_counter() - started
            if child.returncode != 0:
                raise SystemExit(f"coach tick failed:\n{log.read_text()[-2000:]}")
        stats = emulator.stats()
        sent = stats.calls_by_method.get("sendMessage", 0) - stats.flood_429s
        window = stats.last_call_at.get("sendMessage", 0.0) - stats.first_call_at.get(
            "sendMessage", 0.0
        )
    return Run(people, elapsed, window, sent, peak, stats.flood_429s)


async def _watch(pid: int) -> float:
    """Sample the process's RSS until it exits; return the peak in MB."""
    peak = 0
    try:
        watched = psutil.Process(pid)
        while watched.is_running() and watched.status() != psutil.STATUS_ZOMBIE:
            peak = max(peak, watched.memory_info().rss)
            await asyncio.sleep(0.05)
    except psutil.NoSuchProcess:
        pass
    return peak / 1024 / 1024


def run(backend: str, people: int, *, limited: bool, concurrency: int) -> Run:
    with fresh_database(backend) as url:
        due = datetime.now(UTC) - timedelta(minutes=1)
        asyncio.run(seed_people(url, list(range(FIRST_ID, FIRST_ID + people)), due=due))
        return asyncio.run(tick(url, people, limited=limited, concurrency=concurrency))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=10_000, help="the smaller RSS point")
    parser.add_argument("--limited", type=int, default=1_500, help="people for the 30/s run")
    parser.add_argument("--backend", default=os.environ.get("BENCH_BACKEND", "sqlite"))
    parser.add_argument("--concurrency", type=int, default=64, help="sends in flight")
    args = parser.parse_args()
    banner(f"nudge fan-out on {args.backend}, {args.concurrency} sends in flight")
    for people in (args.small, args.people):
        result = run(args.backend, people, limited=False, concurrency=args.concurrency)
        print(
            f"rate limiter off: {result.people:>7} people, {result.sent} nudges, "
            f"{result.rate:.0f}/s over {result.window:.1f} s of sending "
            f"({result.seconds:.1f} s with start-up), peak RSS {result.peak_rss_mb:.0f} MB",
            flush=True,
        )
    limited = run(args.backend, args.limited, limited=True, concurrency=args.concurrency)
    print(
        f"rate limiter on:  {limited.people:>7} people, {limited.sent} nudges, "
        f"{limited.rate:.1f}/s over {limited.window:.1f} s of sending; "
        f"429s from the emulator: {limited.flood_429s}",
        flush=True,
    )


if __name__ == "__main__":
    main()
