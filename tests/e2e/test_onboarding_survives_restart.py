"""`coach run` as a process: onboard over HTTP, restart, and the settings are still there."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.sandbox.client import SyncEmulatorClient
from bot.sandbox.threaded import ThreadedEmulator
from tests.e2e.support import CoachProcess, coach_env, running, say, tap

pytestmark = pytest.mark.e2e
SAM = 5150


def test_onboarding_survives_a_restart(
    emulator: ThreadedEmulator, client: SyncEmulatorClient, sqlite_url: str, tmp_path: Path
) -> None:
    process = CoachProcess(coach_env(emulator, sqlite_url), tmp_path)
    client.add_user(SAM, "Sam")
    with running(process, client, polls=1):
        assert "Hi Sam!" in "".join(m.text or "" for m in say(client, SAM, "/start"))
        say(client, SAM, "New York")
        say(client, SAM, "7:15pm")
        tap(client, SAM, "Weekdays")
        done = tap(client, SAM, "1 · gentle")
        assert any("19:15" in (m.text or "") for m in done)
    assert "Traceback" not in process.logs()

    polls_so_far = client.stats().calls_by_method.get("getUpdates", 0)
    with running(process, client, polls=polls_so_far + 1):
        settings = "".join(m.text or "" for m in say(client, SAM, "/settings"))
    assert "America/New_York" in settings
    assert "19:15" in settings
    assert "weekdays" in settings
    assert TOKEN_PART not in process.logs()


TOKEN_PART = "E2E-not-a-real-token"
