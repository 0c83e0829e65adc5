"""Footprint of `coach run`: time from start to the first getUpdates, and idle RSS.

Starts the real process (polling, SQLite, a fresh database each time) against the
emulator several times and reports medians. Targets: first getUpdates within 3 s, idle
RSS at most 150 MB.

    python -m bench.footprint [--runs 5] [--idle 5]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

from bench.common import banner, bot_env, fresh_database, median, process
from bot.sandbox.emulator import EmulatorConfig, TelegramEmulator


@dataclass
class Start:
    first_poll_seconds: float
    idle_rss_mb: float


async def one_start(database_url: str, idle_seconds: float) -> Start:
    async with TelegramEmulator(EmulatorConfig(history_limit=0)) as emulator:
        env = bot_env(emulator.base_url, database_url, COACH_SCHEDULER="on")
        with tempfile.TemporaryDirectory() as folder:
            log = Path(folder) / "coach.log"
            started = time.monotonic()
            with process(["-m", "bot", "run"], env, log) as child:
                first_poll = await _first_get_updates(emulator, child.pid, started)
                await asyncio.sleep(idle_seconds)  # idle: long polling, the tick running
                samples = []
                for _ in range(5):
                    samples.append(psutil.Process(child.pid).memory_info().rss / 1024 / 1024)
                    await asyncio.sleep(0.2)
    return Start(first_poll - started, median(samples))


async def _first_get_updates(emulator: TelegramEmulator, pid: int, started: float) -> float:
    while True:
        times = emulator.stats().get_updates_times
        if times:
            return times[0]
        if not psutil.pid_exists(pid) or time.monotonic() - started > 60:
            raise SystemExit("coach run did not start polling within 60 s")
        await asyncio.sleep(0.01)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--idle", type=float, default=5.0, help="seconds idle before RSS")
    args = parser.parse_args()
    banner("footprint of coach run")
    first: list[Start] = []  # a new database: the migrations run first
    again: list[Start] = []  # a restart: the database is already there
    for _ in range(args.runs):
        with fresh_database("sqlite") as url:
            first.append(asyncio.run(one_start(url, args.idle)))
            again.append(asyncio.run(one_start(url, args.idle)))
    for label, starts in (("new database", first), ("restart", again)):
        polls = [start.first_poll_seconds for start in starts]
        rss = [start.idle_rss_mb for start in starts]
        print(
            f"{label:>12}: start to first getUpdates median {median(polls):.2f} s "
            f"(min {min(polls):.2f}, max {max(polls):.2f}); idle RSS after {args.idle:.0f} s "
            f"median {median(rss):.0f} MB (max {max(rss):.0f}); {len(starts)} starts",
            flush=True,
        )


if __name__ == "__main__":
    main()
