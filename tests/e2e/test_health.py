"""Health checks answer for the database: `GET /healthz` on the webhook port and
`coach health` say 200 / exit 0 while it answers, 503 / exit 1 while it does not.

What they detect is a database that cannot be reached (a PostgreSQL server that is down
or cut off). A running coach on SQLite keeps its file open, so there is no outage of
that kind to detect there; the SQLite cases below check the healthy answer."""

from __future__ import annotations

import asyncio
import contextlib
import subprocess
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import httpx
import pytest
from sqlalchemy.engine import make_url

from bot.config import Settings, Switch
from bot.db import migrate
from bot.sandbox.emulator import TelegramEmulator
from bot.sandbox.harness import SANDBOX_TOKEN, texts_of
from bot.telegram.app import CoachRuntime
from tests.e2e.test_webhook import free_port
from tests.telegram.test_database_outage import TcpProxy
from tests.test_cli import coach

SECRET = "health-check-secret-0123456789abcdef"
NOOR = 9601


def coach_health(database_url: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return coach("health", env={"DATABASE_URL": database_url}, cwd=cwd)


@pytest.mark.e2e
def test_coach_health_exits_0_while_the_database_answers(database_url: str, tmp_path: Path) -> None:
    result = coach_health(database_url, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


@pytest.mark.e2e
def test_coach_health_exits_1_when_the_database_is_unreachable(tmp_path: Path) -> None:
    closed = free_port()  # nothing listens there
    result = coach_health(f"postgresql://postgres@127.0.0.1:{closed}/coach", tmp_path)
    assert result.returncode == 1
    assert "database unreachable" in result.stderr
    assert "Traceback" not in result.stderr


@contextlib.asynccontextmanager
async def webhook_coach(
    emulator: TelegramEmulator, database_url: str, port: int
) -> AsyncIterator[CoachRuntime]:
    """`coach run` in webhook mode, in-process (the same runtime), until the block ends."""
    settings = Settings(
        _env_file=None,
        telegram_bot_token=SANDBOX_TOKEN,
        telegram_api_base_url=emulator.base_url,
        database_url=database_url,
        coach_scheduler=Switch.OFF,
        coach_rate_limit=Switch.OFF,
        webhook_url=f"http://127.0.0.1:{port}/telegram",
        webhook_secret=SECRET,
        webhook_listen="127.0.0.1",
        webhook_port=port,
    )
    runtime = CoachRuntime(settings)
    stop = asyncio.Event()
    serving = asyncio.create_task(runtime.serve(stop))
    try:
        yield runtime
    finally:
        stop.set()
        await serving


async def healthz_until(client: httpx.AsyncClient, status: int) -> str:
    """Poll /healthz until it answers `status` (10 s at most); returns the body."""
    async with asyncio.timeout(10):
        while True:
            with contextlib.suppress(httpx.HTTPError):
                response = await client.get("/healthz", timeout=2)
                if response.status_code == status:
                    return response.text
            await asyncio.sleep(0.05)


async def until(condition: Callable[[], bool]) -> None:
    """Poll (the emulator's webhook sender is not bot activity its waits would notice)."""
    async with asyncio.timeout(10):
        while True:
            if condition():
                return
            await asyncio.sleep(0.02)


@pytest.mark.postgres
async def test_healthz_is_503_while_postgres_is_away_and_200_when_back(
    postgres_url: str,
) -> None:
    await asyncio.to_thread(migrate.upgrade, postgres_url)
    url = make_url(postgres_url)
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    await proxy.start()
    through_proxy = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    port = free_port()
    emulator = TelegramEmulator()
    await emulator.start()
    emulator.add_user(NOOR, "Noor")
    try:
        async with (
            webhook_coach(emulator, through_proxy, port),
            httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client,
        ):
            assert await healthz_until(client, 200) == "ok"
            await until(lambda: bool(emulator.webhook_info().get("url")))
            emulator.send_text(NOOR, "/help")
            await emulator.wait_for_messages(NOOR, 1, timeout=10)

            await proxy.cut()
            assert await healthz_until(client, 503) == "database unreachable"
            # An update that arrives now is refused with 503 (not stored, so not
            # acknowledged): the sender keeps it and tries again.
            emulator.send_text(NOOR, "/about")
            await until(lambda: "503" in str(emulator.webhook_info().get("last_error_message", "")))
            assert "Jason Comely" not in texts_of(emulator.messages(NOOR))  # not handled
            assert emulator.webhook_info()["pending_update_count"] == 1

            await proxy.restore()
            assert await healthz_until(client, 200) == "ok"
            # ... and once it is back, the update Telegram kept is taken and answered.
            await emulator.wait_until(
                lambda: "Jason Comely" in texts_of(emulator.messages(NOOR)), timeout=15
            )
            assert (await client.get("/healthz")).status_code == 200
    finally:
        await emulator.stop()
        await proxy.cut()
