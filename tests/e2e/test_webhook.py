"""Webhook mode end to end: the emulator posts updates to `coach run`; secrets are checked;
/healthz answers while the database does."""

from __future__ import annotations

import socket
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from bot.db.models import InboxUpdate
from bot.sandbox.client import SyncEmulatorClient
from bot.sandbox.threaded import ThreadedEmulator
from bot.webapp import auth
from tests.e2e.support import TOKEN, CoachProcess, coach_env, rows, say, tap

pytestmark = pytest.mark.e2e
SECRET = "s3cret_webhook-token-0123456789abcdef"
NOOR = 9190


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def webhook_env(emulator: ThreadedEmulator, database_url: str, port: int) -> dict[str, str]:
    return coach_env(
        emulator,
        database_url,
        WEBHOOK_URL=f"http://127.0.0.1:{port}/telegram",
        WEBHOOK_SECRET=SECRET,
        WEBHOOK_LISTEN="127.0.0.1",
        WEBHOOK_PORT=str(port),
    )


def wait_for_webhook(client: SyncEmulatorClient, port: int) -> None:
    """Until the bot has registered its webhook and /healthz answers."""
    import time

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        info = client.webhook_info()
        try:
            healthy = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200
        except httpx.HTTPError:
            healthy = False
        if info.get("url") and healthy:
            return
        time.sleep(0.1)
    raise AssertionError("the webhook never came up")


def test_webhook_mode_end_to_end(
    emulator: ThreadedEmulator, client: SyncEmulatorClient, sqlite_url: str, tmp_path: Path
) -> None:
    port = free_port()
    process = CoachProcess(webhook_env(emulator, sqlite_url, port), tmp_path)
    client.add_user(NOOR, "Noor")
    process.start()
    try:
        wait_for_webhook(client, port)
        info = client.webhook_info()
        assert info["url"] == f"http://127.0.0.1:{port}/telegram"
        assert "Hi Noor!" in "".join(m.text or "" for m in say(client, NOOR, "/start"))
        say(client, NOOR, "Cairo")
        say(client, NOOR, "9am")
        tap(client, NOOR, "Every day")
        done = tap(client, NOOR, "1 · gentle")
        assert any("All set" in (m.text or "") for m in done)

        update = {
            "update_id": 999_999,
            "message": {
                "message_id": 1,
                "date": 0,
                "chat": {"id": NOOR, "type": "private"},
                "text": "/help",
            },
        }
        url = f"http://127.0.0.1:{port}/telegram"
        assert httpx.post(url, json=update, timeout=5).status_code == 403
        wrong = {"X-Telegram-Bot-Api-Secret-Token": "nope"}
        assert httpx.post(url, json=update, headers=wrong, timeout=5).status_code == 403
        [(stored,)] = rows(
            sqlite_url,
            select(func.count()).select_from(InboxUpdate).where(InboxUpdate.update_id == 999_999),
        )
        assert stored == 0
        right = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        assert httpx.post(url, content=b"{not json", headers=right, timeout=5).status_code == 400
        huge = b'{"update_id": 1, "x": "' + b"a" * 2_000_000 + b'"}'
        assert httpx.post(url, content=huge, headers=right, timeout=10).status_code == 413
    finally:
        process.stop()
    assert SECRET not in process.logs()


def test_the_dashboard_shares_the_webhook_server(
    emulator: ThreadedEmulator, client: SyncEmulatorClient, sqlite_url: str, tmp_path: Path
) -> None:
    port = free_port()
    env = webhook_env(emulator, sqlite_url, port)
    env["WEBAPP_URL"] = f"http://127.0.0.1:{port}/app/"
    process = CoachProcess(env, tmp_path)
    client.add_user(NOOR, "Noor")
    process.start()
    try:
        wait_for_webhook(client, port)
        say(client, NOOR, "/start")
        say(client, NOOR, "Cairo")
        page = httpx.get(f"http://127.0.0.1:{port}/app/", timeout=5)
        assert page.status_code == 200
        assert "frame-ancestors" in page.headers["Content-Security-Policy"]
        signed = auth.sign(
            bot_token=TOKEN, user_id=NOOR, first_name="Noor", auth_date=datetime.now(UTC)
        )
        summary = httpx.get(
            f"http://127.0.0.1:{port}/app/api/summary",
            headers={"Authorization": "tma " + signed},
            timeout=5,
        )
        assert summary.status_code == 200
        assert summary.json()["settings"]["timezone"] == "Africa/Cairo"
        assert httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5).status_code == 200
    finally:
        process.stop()
