"""Operating the bot: JSON logs, metrics for Prometheus, and a graceful SIGTERM."""

from __future__ import annotations

import json
import signal
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from bot.db.models import Attempt
from bot.sandbox.client import SyncEmulatorClient
from bot.sandbox.threaded import ThreadedEmulator
from tests.e2e.support import CoachProcess, coach_env, rows, running, say
from tests.e2e.test_crash_recovery import seed_people
from tests.e2e.test_webhook import free_port

pytestmark = pytest.mark.e2e
OPS = 9400


def test_json_logs_and_metrics(
    emulator: ThreadedEmulator, client: SyncEmulatorClient, sqlite_url: str, tmp_path: Path
) -> None:
    port = free_port()
    env = coach_env(emulator, sqlite_url, LOG_FORMAT="json", METRICS_PORT=str(port))
    process = CoachProcess(env, tmp_path)
    client.add_user(OPS, "Ops")
    with running(process, client, polls=1):
        say(client, OPS, "/help")
        say(client, OPS, "/about")
        metrics = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=5).text
    assert "coach_updates_handled_total 2.0" in metrics
    assert 'coach_messages_sent_total{kind="reply"} 2.0' in metrics
    assert "coach_scheduler_lag_seconds" in metrics
    lines = [line for line in process.logs().splitlines() if line.strip()]
    assert lines
    for line in lines:
        entry = json.loads(line)
        assert {"time", "level", "logger", "message"} <= entry.keys()


def test_sigterm_finishes_in_flight_updates_and_loses_nothing(
    emulator: ThreadedEmulator, client: SyncEmulatorClient, sqlite_url: str, tmp_path: Path
) -> None:
    from bot.db import migrate

    migrate.upgrade(sqlite_url)
    seed_people(sqlite_url, [OPS], due=None)
    client.add_user(OPS, "Ops")
    process = CoachProcess(coach_env(emulator, sqlite_url, COACH_RATE_LIMIT="off"), tmp_path)
    process.start()
    client.wait_for_polling(1, timeout=30)
    for number in range(30):
        client.send_text(OPS, f"asked shop {number} for a bag, got a no, 5 -> 2")
    time.sleep(0.3)
    code = process.stop(signal.SIGTERM)
    assert code == 0  # a clean exit, after the turns in flight finished
    process.start()
    try:
        deadline = time.monotonic() + 60
        while len(rows(sqlite_url, select(Attempt.id))) < 30:
            assert time.monotonic() < deadline
            time.sleep(0.2)
    finally:
        process.stop()
    descriptions = [row[0] for row in rows(sqlite_url, select(Attempt.description))]
    assert sorted(descriptions) == sorted(f"asked shop {n} for a bag" for n in range(30))
