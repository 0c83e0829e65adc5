"""Shared pieces: run `coach` (or another bot) as a subprocess, seed people, report."""

from __future__ import annotations

import asyncio
import contextlib
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psutil
from sqlalchemy import insert, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from bot.config import normalise_database_url, sqlite_url_for
from bot.db import migrate
from bot.db.models import User

TOKEN = "987654:BENCH-not-a-real-token-0123456789abcd"
ROOT = Path(__file__).resolve().parents[1]
_OURS = (
    "TELEGRAM_",
    "DATABASE_URL",
    "WEBHOOK_",
    "WEBAPP_",
    "COACH_",
    "LOG_",
    "ADMIN_IDS",
    "METRICS_",
)


def machine() -> str:
    cores = os.cpu_count() or 0
    return f"{platform.machine()}, {cores} cores, Python {platform.python_version()}"


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


@contextmanager
def fresh_database(backend: str) -> Iterator[str]:
    """An empty, migrated database: a temp SQLite file, or a new PostgreSQL database on
    the server in TEST_DATABASE_URL / BENCH_DATABASE_URL (dropped afterwards)."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            url = sqlite_url_for(Path(folder) / "bench.sqlite3")
            migrate.upgrade(url)
            yield url
        return
    server = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL")
    if not server:
        raise SystemExit("PostgreSQL needs BENCH_DATABASE_URL or TEST_DATABASE_URL")
    base = make_url(normalise_database_url(server))
    name = f"coach_bench_{os.getpid()}"

    async def admin(statement: str) -> None:
        engine = create_async_engine(base, isolation_level="AUTOCOMMIT")
        try:
            async with engine.connect() as connection:
                await connection.execute(text(statement))
        finally:
            await engine.dispose()

    asyncio.run(admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    asyncio.run(admin(f'CREATE DATABASE "{name}"'))
    url = base.set(database=name).render_as_string(hide_password=False)
    try:
        migrate.upgrade(url)
        yield url
    finally:
        asyncio.run(admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


async def seed_people(
    database_url: str,
    ids: Sequence[int],
    *,
    due: datetime | None = None,
    chunk: int = 5000,
    **columns: object,
) -> None:
    """People who finished onboarding; with `due`, their nudge is due at that instant.
    Other `columns` are set on every row as given."""
    engine = create_async_engine(database_url)
    now = datetime.now(UTC)
    try:
        for start in range(0, len(ids), chunk):
            rows = [
                {
                    "id": user_id,
                    "chat_id": user_id,
                    "first_name": "Sam",
                    "timezone": "UTC",
                    "onboarded_at": now - timedelta(days=1),
                    "next_nudge_at": due,
                    "weekly_cap": 0,
                    "created_at": now,
                    "updated_at": now,
                    **columns,
                }
                for user_id in ids[start : start + chunk]
            ]
            async with engine.begin() as connection:
                await connection.execute(insert(User), rows)
    finally:
        await engine.dispose()


def bot_env(base_url: str, database_url: str, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(_OURS)}
    env.update(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL=base_url,
        DATABASE_URL=database_url,
        COACH_SCHEDULER="off",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    env.update(extra)
    return env


@contextmanager
def process(
    args: Sequence[str], env: dict[str, str], log: Path
) -> Iterator[subprocess.Popen[bytes]]:
    with log.open("wb") as sink:
        child = subprocess.Popen(
            [sys.executable, *args], env=env, cwd=ROOT, stdout=sink, stderr=subprocess.STDOUT
        )
        try:
            yield child
        finally:
            if child.poll() is None:
                child.terminate()
                try:
                    child.wait(30)
                except subprocess.TimeoutExpired:
                    child.kill()


def banner(title: str) -> None:
    print(f"\n== {title} ({machine()}, {time.strftime('%Y-%m-%d %H:%M')}) ==", flush=True)


@dataclass(frozen=True)
class EmulatorProcess:
    """The Bot API emulator running in a process of its own (`python -m bot.sandbox.emulator`),
    so that neither bot shares a core's event loop with the emulator or the driver."""

    base_url: str
    control_url: str
    pid: int


@contextmanager
def emulator_process(*, history_limit: int = 6) -> Iterator[EmulatorProcess]:
    command = [
        sys.executable,
        "-m",
        "bot.sandbox.emulator",
        f"--history-limit={history_limit}",
        "--call-log-limit=0",
    ]
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        base_url = child.stdout.readline().strip()  # the entry point prints these two lines
        control_url = child.stdout.readline().split(":", 1)[1].strip()
        if not base_url.startswith("http"):
            raise SystemExit("the emulator did not start")
        yield EmulatorProcess(base_url, control_url, child.pid)
    finally:
        child.terminate()
        try:
            child.wait(30)
        except subprocess.TimeoutExpired:
            child.kill()


_CGROUP_V1 = Path("/sys/fs/cgroup/cpu")
_CGROUP_V2 = Path("/sys/fs/cgroup")
_PERIOD_US = 10_000


@contextmanager
def cpu_capped(pid: int, share: float | None) -> Iterator[None]:
    """Give process `pid` at most `share` of one core (a cgroup CPU quota, 10 ms period)
    while the block runs: a steady stand-in for a machine shared with other work, where a
    bot gets a slice of a core rather than a whole one. Linux, as root; None: no cap."""
    if share is None:
        yield
        return
    quota = str(max(1000, int(share * _PERIOD_US)))
    if (_CGROUP_V1 / "cpu.cfs_quota_us").exists():
        group = _CGROUP_V1 / f"bench-bot-{pid}"
        group.mkdir()
        (group / "cpu.cfs_period_us").write_text(str(_PERIOD_US))
        (group / "cpu.cfs_quota_us").write_text(quota)
        parent = _CGROUP_V1
    else:
        group = _CGROUP_V2 / f"bench-bot-{pid}"
        group.mkdir()
        (group / "cpu.max").write_text(f"{quota} {_PERIOD_US}")
        parent = _CGROUP_V2
    try:
        (group / "cgroup.procs").write_text(str(pid))
        yield
    finally:
        with contextlib.suppress(OSError):  # the process may be gone already
            (parent / "cgroup.procs").write_text(str(pid))
        with contextlib.suppress(OSError):
            group.rmdir()


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far."""
    times = psutil.Process(pid).cpu_times()
    return float(times.user + times.system)
