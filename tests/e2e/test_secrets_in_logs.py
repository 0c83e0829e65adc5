"""The bot token appears in no log line, at any level, even when the network misbehaves."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.sandbox.client import SyncEmulatorClient
from bot.sandbox.threaded import ThreadedEmulator
from tests.e2e.support import TOKEN, CoachProcess, coach_env, running

pytestmark = pytest.mark.e2e
ZED = 9300


def test_token_never_logged_even_at_debug_with_network_errors(
    emulator: ThreadedEmulator, client: SyncEmulatorClient, sqlite_url: str, tmp_path: Path
) -> None:
    env = coach_env(emulator, sqlite_url, LOG_LEVEL="DEBUG", COACH_SEND_TIMEOUT="1")
    process = CoachProcess(env, tmp_path)
    client.add_user(ZED, "Zed")
    client.inject_fault("getUpdates", status=502, times=2)
    client.inject_fault("sendMessage", status=500, times=2)
    client.inject_fault("sendMessage", delay=2.0, deliver=False, times=1)  # a timeout
    with running(process, client, polls=1):
        client.send_text(ZED, "/help")
        # Three failed sends first: the retries back off for a few seconds in all.
        assert client.wait_for_messages(ZED, 1, timeout=40)
    logs = process.logs()
    assert "DEBUG" in logs  # the test means something only if debug logging was on
    assert "500" in logs or "Internal Server Error" in logs or "NetworkError" in logs
    secret_part = TOKEN.split(":", 1)[1]
    offending = [line for line in logs.splitlines() if secret_part in line]
    assert offending == []
    assert "[REDACTED]" in logs  # the URLs were there, and were redacted
