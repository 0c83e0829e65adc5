"""`coach tick --at` runs one pass as if it were that instant, sends, and exits."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.db.models import User
from bot.sandbox.client import SyncEmulatorClient
from bot.sandbox.threaded import ThreadedEmulator
from tests.e2e.support import CoachProcess, coach_env, rows, running, say, tap

pytestmark = pytest.mark.e2e
MIA = 8180


def tick(env: dict[str, str], cwd: Path, at: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "tick", "--at", at],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


# One backend is enough here: the claims behind a pass are tested on both in
# tests/services/test_scheduler.py; this checks the command itself.
def test_tick_at_an_instant_sends_the_due_nudge_once(
    emulator: ThreadedEmulator, client: SyncEmulatorClient, sqlite_url: str, tmp_path: Path
) -> None:
    env = coach_env(emulator, sqlite_url, COACH_SCHEDULER="off")
    process = CoachProcess(env, tmp_path)
    client.add_user(MIA, "Mia")
    with running(process, client, polls=1):
        say(client, MIA, "/start")
        say(client, MIA, "Berlin")
        say(client, MIA, "09:00")
        tap(client, MIA, "Every day")
        tap(client, MIA, "1 · gentle")
    [(due,)] = rows(sqlite_url, select(User.next_nudge_at).where(User.id == MIA))
    before = client.message_count(MIA)

    too_early = tick(env, tmp_path, (due - timedelta(minutes=1)).isoformat())
    assert too_early.returncode == 0, too_early.stderr
    assert "0 nudges" in too_early.stdout
    assert client.message_count(MIA) == before

    on_time = tick(env, tmp_path, due.strftime("%Y-%m-%dT%H:%M:%SZ"))
    assert on_time.returncode == 0, on_time.stderr
    assert "1 nudges" in on_time.stdout
    assert client.message_count(MIA) == before + 1
    nudge = client.last_message(MIA)
    assert nudge is not None and "Not today" in nudge.button_texts

    # A second pass (naive ISO is read as UTC) finds nothing left to send.
    again = tick(env, tmp_path, (due + timedelta(minutes=1)).replace(tzinfo=None).isoformat())
    assert again.returncode == 0, again.stderr
    assert "0 nudges" in again.stdout
    assert client.message_count(MIA) == before + 1


def test_tick_rejects_a_bad_instant_kindly(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "tick", "--at", "tomorrow-ish"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "ISO-8601" in result.stderr
    assert "Traceback" not in result.stderr
