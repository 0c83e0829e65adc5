"""Conversation throughput: 200 people each log an ask (8 updates) against the emulator
over HTTP; the same driver then runs a minimal PTB echo bot. Prints updates/s, p50/p95
reply latency and the coach/echo ratio, on SQLite and (when configured) PostgreSQL.

    python -m bench.conversation [--users 200] [--backends sqlite,postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.common import banner, bot_env, fresh_database, median, percentile, process, seed_people
from bot.sandbox.emulator import EmulatorConfig, TelegramEmulator

SCRIPT: tuple[tuple[str, str], ...] = (
    ("text", "/log"),
    ("text", "asked the bakery for a day-old loaf"),
    ("tap", "No"),
    ("tap", "70%"),
    ("tap", "7"),
    ("tap", "3"),
    ("text", "It was fine, honestly. My heart raced and then it didn't."),
    ("text", "/history"),
)
FIRST_ID = 100_000


@dataclass
class Result:
    label: str
    updates: int
    seconds: float
    latencies: list[float]

    @property
    def rate(self) -> float:
        return self.updates / self.seconds

    def line(self) -> str:
        return (
            f"{self.label:<22} {self.rate:7.1f} updates/s   "
            f"p50 {median(self.latencies) * 1000:6.0f} ms   "
            f"p95 {percentile(self.latencies, 0.95) * 1000:6.0f} ms   "
            f"({self.updates} updates in {self.seconds:.1f} s)"
        )


def _replied(emulator: TelegramEmulator, user_id: int, before: int) -> Callable[[], bool]:
    return lambda: emulator.message_count(user_id) > before


async def person(emulator: TelegramEmulator, user_id: int, latencies: list[float]) -> None:
    for kind, value in SCRIPT:
        before = emulator.message_count(user_id)
        started = time.perf_counter()
        if kind == "text":
            emulator.send_text(user_id, value)
        else:
            message = next(
                m for m in reversed(emulator.messages(user_id)) if value in m.button_texts
            )
            data = message.callback_data[message.button_texts.index(value)]
            emulator.press(user_id, message.message_id, data)
        await emulator.wait_until(_replied(emulator, user_id, before), timeout=120, what="a reply")
        latencies.append(time.perf_counter() - started)


async def drive(label: str, command: list[str], env: dict[str, str], users: int) -> Result:
    config = EmulatorConfig(history_limit=6, call_log_limit=0, log_params=False)
    async with TelegramEmulator(config) as emulator:
        env = {**env, "TELEGRAM_API_BASE_URL": emulator.base_url}
        ids = range(FIRST_ID, FIRST_ID + users)
        for user_id in ids:
            emulator.add_user(user_id, "Sam")
        with (
            tempfile.TemporaryDirectory() as folder,
            process(command, env, Path(folder) / "bot.log"),
        ):
            await emulator.wait_for_polling(1, timeout=60)
            latencies: list[float] = []
            started = time.perf_counter()
            await asyncio.gather(*(person(emulator, user_id, latencies) for user_id in ids))
            elapsed = time.perf_counter() - started
    return Result(label, users * len(SCRIPT), elapsed, latencies)


def run_coach(backend: str, users: int) -> Result:
    with fresh_database(backend) as url:
        asyncio.run(seed_people(url, list(range(FIRST_ID, FIRST_ID + users))))
        env = bot_env("", url, COACH_RATE_LIMIT="off")
        return asyncio.run(drive(f"coach ({backend})", ["-m", "bot", "run"], env, users))


def run_echo(users: int) -> Result:
    env = bot_env("", "sqlite+aiosqlite:///unused.sqlite3")
    return asyncio.run(drive("PTB echo bot", ["-m", "bench.echo_bot"], env, users))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=200)
    default = "sqlite,postgres" if os.environ.get("TEST_DATABASE_URL") else "sqlite"
    parser.add_argument("--backends", default=os.environ.get("BENCH_BACKENDS", default))
    parser.add_argument("--rounds", type=int, default=2, help="alternate runs; medians reported")
    args = parser.parse_args()
    banner(f"conversation throughput: {args.users} people x {len(SCRIPT)} updates")
    backends = [backend.strip() for backend in args.backends.split(",") if backend.strip()]
    results: dict[str, list[Result]] = {"echo": [], **{backend: [] for backend in backends}}
    # Alternating echo and coach runs spreads the machine's noise over both.
    for _ in range(args.rounds):
        results["echo"].append(run_echo(args.users))
        print(results["echo"][-1].line(), flush=True)
        for backend in backends:
            results[backend].append(run_coach(backend, args.users))
            print(results[backend][-1].line(), flush=True)
    echo_rate = median([result.rate for result in results["echo"]])
    print(f"\nmedians over {args.rounds} round(s): PTB echo bot {echo_rate:.1f} updates/s")
    for backend in backends:
        rate = median([result.rate for result in results[backend]])
        latencies = [value for result in results[backend] for value in result.latencies]
        print(
            f"coach ({backend}): {rate:.1f} updates/s, p50 {median(latencies) * 1000:.0f} ms, "
            f"p95 {percentile(latencies, 0.95) * 1000:.0f} ms, "
            f"ratio coach/echo {rate / echo_rate:.2f} (target >= 0.5)"
        )


if __name__ == "__main__":
    main()
