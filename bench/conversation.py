"""Conversation throughput and latency: the coach against a stock PTB echo bot, in one run.

The emulator runs in a process of its own and the driver talks to it over its control API,
so neither bot shares an event loop with the harness. Each workload runs the echo bot
(bench/echo_bot.py: PTB's defaults) before and after the coach, and the ratio uses their
mean. Beside each rate: the bot process's CPU time per update (psutil), a steadier figure
than a rate on a shared machine.

Workloads:
  quick   N one-line logs ("asked for a discount, got a no, 7 -> 3") from U onboarded people,
          sent in one burst; timed from the burst to the last reply the emulator saw.
  steps   U people each log an ask in 8 steps (/log, what, outcome, chance, before, after,
          lesson, /history), all at once; buttons are pressed where the coach offers them
          (the echo bot has none, so it gets the same steps as text).
  busy    a busy hour: U people each send one quick log every 2 s for D seconds; p50 and p95
          from each message to its first reply.

    python -m bench.conversation [--workloads quick,steps,busy] [--logs 2000] [--users 50]
        [--bot-cpu 0.35]

--bot-cpu caps each bot process (echo and coach alike) at that share of one core (a cgroup
quota; Linux, as root): latency on a shared machine depends on how much CPU the bot gets,
and a cap makes that reproducible where the machine's load is not.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.common import (
    EmulatorProcess,
    banner,
    bot_env,
    cpu_capped,
    cpu_seconds,
    emulator_process,
    fresh_database,
    median,
    percentile,
    process,
    seed_people,
)
from bot.sandbox.client import EmulatorClient

QUICK_LOG = "asked for a discount, got a no, 7 -> 3"
STEPS: tuple[tuple[str, str], ...] = (
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
REPLY_WAIT_SECONDS = 600.0
# How long the emulator must see no call before a run counts as over. The coach processes
# a person's waiting updates in batches, and on PostgreSQL several people's batches run
# side by side, so on a loaded machine a second or more can pass between two sends.
QUIET_SECONDS = 3.0


@dataclass(frozen=True)
class Workload:
    name: str
    users: int
    logs: int
    seconds: float
    # The bot's share of one core (None: uncapped), see --bot-cpu.
    cpu_share: float | None = None


@dataclass
class Result:
    label: str
    updates: int
    seconds: float
    cpu_seconds: float
    latencies: list[float]

    @property
    def rate(self) -> float:
        return self.updates / self.seconds

    @property
    def cpu_ms_per_update(self) -> float:
        return self.cpu_seconds / self.updates * 1000

    def line(self) -> str:
        latency = ""
        if self.latencies:
            latency = (
                f"   p50 {median(self.latencies) * 1000:5.0f} ms"
                f"   p95 {percentile(self.latencies, 0.95) * 1000:5.0f} ms"
            )
        return (
            f"{self.label:<24} {self.rate:7.1f} updates/s   "
            f"CPU {self.cpu_ms_per_update:5.2f} ms/update{latency}   "
            f"({self.updates} updates in {self.seconds:.1f} s)"
        )


Driver = Callable[[EmulatorClient, list[int], bool], Awaitable[tuple[int, list[float]]]]


async def _burst(client: EmulatorClient, ids: list[int], logs: int) -> float:
    """Send `logs` quick logs round-robin over `ids` in one control request; returns the
    monotonic start. Prints how long the emulator took to take them in: the harness must
    outpace both bots to measure either."""
    messages = [(ids[index % len(ids)], QUICK_LOG) for index in range(logs)]
    started = time.monotonic()
    await client.send_texts(messages)
    sent = time.monotonic() - started
    print(f"  (harness: {logs} updates queued in {sent:.2f} s, {logs / sent:.0f}/s)", flush=True)
    return started


async def _last_send(client: EmulatorClient) -> float:
    """When the bot sent its last reply. A quiet spell alone is not enough: the coach
    confirms updates (getUpdates offset) before its outbox sends, so the emulator can look
    idle before the first reply. Wait until replies have started and then stopped growing."""
    deadline = time.monotonic() + REPLY_WAIT_SECONDS
    seen = -1
    while True:
        await client.wait_until_idle(
            quiet=QUIET_SECONDS, timeout=max(1.0, deadline - time.monotonic())
        )
        stats = await client.stats()
        sent = stats.bot_messages
        if "sendMessage" in stats.last_call_at and sent == seen:
            return stats.last_call_at["sendMessage"]
        if time.monotonic() >= deadline:
            raise SystemExit(f"the bot sent no reply within {REPLY_WAIT_SECONDS:.0f} s")
        seen = sent
        await asyncio.sleep(0.25)


async def _one_step(client: EmulatorClient, user_id: int, kind: str, value: str) -> None:
    if kind == "text":
        await client.send_text(user_id, value)
        return
    for message in reversed(await client.messages(user_id)):
        if value in message.button_texts:
            data = message.callback_data[message.button_texts.index(value)]
            await client.press(user_id, message.message_id, data)
            return
    raise SystemExit(f"no button {value!r} in the chat of {user_id}")


async def _steps_person(
    client: EmulatorClient, user_id: int, buttons: bool, latencies: list[float]
) -> None:
    for kind, value in STEPS:
        before = await client.message_count(user_id)
        started = time.monotonic()
        await _one_step(client, user_id, kind if buttons else "text", value)
        await client.wait_for_messages(user_id, before + 1, timeout=300)
        latencies.append(time.monotonic() - started)


async def _busy_person(
    client: EmulatorClient, user_id: int, seconds: float, latencies: list[float]
) -> int:
    sent = 0
    await asyncio.sleep(random.uniform(0, 2))  # people do not type in lockstep
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.monotonic()
        receipt = await client.send_text(user_id, QUICK_LOG)
        assert receipt.message is not None
        await client.wait_for_messages(
            user_id, after_message_id=receipt.message.message_id, timeout=60
        )
        latencies.append(time.monotonic() - started)
        sent += 1
        await asyncio.sleep(max(0.0, 2.0 - (time.monotonic() - started)))
    return sent


async def _measure(
    emulator: EmulatorProcess, pid: int, workload: Workload, buttons: bool
) -> tuple[int, float, float, list[float]]:
    """(updates, seconds, CPU seconds of the bot, latencies) for one workload."""
    ids = list(range(FIRST_ID, FIRST_ID + workload.users))
    async with EmulatorClient(emulator.control_url, timeout=600) as client:
        await client.wait_for_polling(1, timeout=120)
        await client.wait_until_idle(quiet=0.5, timeout=120)
        cpu_before = cpu_seconds(pid)
        latencies: list[float] = []
        if workload.name == "quick":
            started = await _burst(client, ids, workload.logs)
            elapsed = await _last_send(client) - started
            updates = workload.logs
        elif workload.name == "steps":
            started = time.monotonic()
            await asyncio.gather(*(_steps_person(client, u, buttons, latencies) for u in ids))
            elapsed = time.monotonic() - started
            updates = len(ids) * len(STEPS)
        else:
            started = time.monotonic()
            counts = await asyncio.gather(
                *(_busy_person(client, u, workload.seconds, latencies) for u in ids)
            )
            elapsed = time.monotonic() - started
            updates = sum(counts)
        await client.wait_until_idle(quiet=QUIET_SECONDS, timeout=600)
        return updates, elapsed, cpu_seconds(pid) - cpu_before, latencies


async def _add_people(emulator: EmulatorProcess, users: int) -> None:
    async with EmulatorClient(emulator.control_url) as client:
        for user_id in range(FIRST_ID, FIRST_ID + users):
            await client.add_user(user_id, "Sam")


def run(label: str, command: list[str], env: dict[str, str], workload: Workload) -> Result:
    with emulator_process() as emulator, tempfile.TemporaryDirectory() as folder:
        asyncio.run(_add_people(emulator, workload.users))
        env = {**env, "TELEGRAM_API_BASE_URL": emulator.base_url}
        with (
            process(command, env, Path(folder) / "bot.log") as child,
            cpu_capped(child.pid, workload.cpu_share),
            _profiled(child.pid, label, workload),
        ):
            buttons = label.startswith("coach")
            updates, seconds, cpu, latencies = asyncio.run(
                _measure(emulator, child.pid, workload, buttons)
            )
    return Result(label, updates, seconds, cpu, latencies)


@contextmanager
def _profiled(pid: int, label: str, workload: Workload) -> Iterator[None]:
    """With BENCH_PROFILE=<folder>, sample the bot with py-spy (collapsed stacks, 100 Hz)
    while it runs; `py-spy` must be on PATH or next to this Python. Profiled runs cost the
    bot some CPU: read their CPU figures apart from unprofiled ones."""
    folder = os.environ.get("BENCH_PROFILE")
    if not folder:
        yield
        return
    name = "".join(c if c.isalnum() else "-" for c in label).strip("-")
    out = Path(folder) / f"{workload.name}-{workload.users}-{name}.txt"
    out.parent.mkdir(parents=True, exist_ok=True)
    spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    command = [spy, "record", "--pid", str(pid), "--rate", "100", "--format", "raw"]
    sampler = subprocess.Popen(
        [*command, "--output", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        yield
    finally:
        sampler.send_signal(signal.SIGINT)
        sampler.wait(60)
        print(f"  (profile: {out})", flush=True)


@contextmanager
def seeded(backend: str, users: int) -> Iterator[str]:
    with fresh_database(backend) as url:
        asyncio.run(seed_people(url, list(range(FIRST_ID, FIRST_ID + users))))
        yield url


def run_coach(backend: str, workload: Workload) -> Result:
    with seeded(backend, workload.users) as url:
        env = bot_env("", url, COACH_RATE_LIMIT="off")
        return run(f"coach ({backend})", ["-m", "bot", "run"], env, workload)


def run_echo(workload: Workload) -> Result:
    env = bot_env("", "sqlite+aiosqlite:///unused.sqlite3")
    return run("PTB echo bot", ["-m", "bench.echo_bot"], env, workload)


def compare(workload: Workload, backends: list[str], *, echo: bool = True) -> None:
    """Echo, the coach on each backend, echo again: the ratio uses the echo bot's mean."""
    cap = "" if workload.cpu_share is None else f", each bot capped at {workload.cpu_share} core"
    print(f"\n-- {workload.name}: {workload.users} people{cap}", flush=True)
    if not echo:
        for backend in backends:
            print(run_coach(backend, workload).line(), flush=True)
        return
    echoes = [run_echo(workload)]
    print(echoes[0].line(), flush=True)
    coaches = []
    for backend in backends:
        coaches.append(run_coach(backend, workload))
        print(coaches[-1].line(), flush=True)
    echoes.append(run_echo(workload))
    print(echoes[1].line(), flush=True)
    echo_rate = sum(result.rate for result in echoes) / len(echoes)
    echo_cpu = sum(result.cpu_ms_per_update for result in echoes) / len(echoes)
    for coach in coaches:
        print(
            f"{workload.name}: {coach.label} / echo = {coach.rate / echo_rate:.2f} "
            f"(target >= 0.5); CPU {coach.cpu_ms_per_update:.2f} vs "
            f"{echo_cpu:.2f} ms/update",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workloads", default="quick,steps,busy")
    parser.add_argument("--logs", type=int, default=2000, help="quick: logs in the burst")
    parser.add_argument("--users", type=int, default=50, help="people (quick, busy)")
    parser.add_argument("--step-users", type=int, default=200, help="people (steps)")
    parser.add_argument("--seconds", type=float, default=30.0, help="busy: how long")
    default = "sqlite,postgres" if os.environ.get("TEST_DATABASE_URL") else "sqlite"
    parser.add_argument("--backends", default=os.environ.get("BENCH_BACKENDS", default))
    parser.add_argument(
        "--no-echo", action="store_true", help="the coach alone (while tuning; no ratios)"
    )
    parser.add_argument(
        "--bot-cpu", type=float, default=None, help="cap each bot at this share of a core"
    )
    args = parser.parse_args()
    backends = [backend.strip() for backend in args.backends.split(",") if backend.strip()]
    banner("conversation: coach vs a stock PTB echo bot")
    for name in args.workloads.split(","):
        users = args.step_users if name == "steps" else args.users
        workload = Workload(name.strip(), users, args.logs, args.seconds, args.bot_cpu)
        compare(workload, backends, echo=not args.no_echo)


if __name__ == "__main__":
    main()
