"""The coach's HTTP servers protect themselves: idle and slow-header sockets are closed, the
number of open connections is bounded, /healthz is cached, and /healthz and /metrics are
served on their own internal address."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import httpx
import pytest
from aiohttp import web

from bot.delivery.http_server import (
    HEALTH_TTL,
    IDLE_TIMEOUT,
    CachedHealth,
    bound_port,
    serve,
)
from bot.sandbox.harness import CoachHarness
from tests.e2e.test_webhook import free_port

SHORT = 0.6  # the idle timeout these tests use instead of IDLE_TIMEOUT


async def _hello(_request: web.Request) -> web.Response:
    return web.Response(text="hello")


@pytest.fixture
async def small_server() -> AsyncIterator[int]:
    app = web.Application()
    app.router.add_get("/", _hello)
    runner = await serve(app, "127.0.0.1", 0, max_connections=3, idle_timeout=SHORT)
    try:
        yield bound_port(runner)
    finally:
        await runner.cleanup()


async def _closed_after(reader: asyncio.StreamReader, limit: float) -> float:
    """Seconds until the server closes the connection (EOF), failing after `limit`."""
    started = time.monotonic()
    async with asyncio.timeout(limit):
        while await reader.read(1024):
            pass
    return time.monotonic() - started


def test_the_documented_timeouts() -> None:
    assert IDLE_TIMEOUT == 75.0  # the README's deployment section says 75 s
    assert HEALTH_TTL == 2.0


async def test_a_silent_connection_is_closed(small_server: int) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", small_server)
    assert await _closed_after(reader, SHORT * 5) < SHORT * 3
    writer.close()


async def test_headers_sent_a_byte_at_a_time_do_not_keep_the_socket(small_server: int) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", small_server)
    writer.write(b"GET / HTTP/1.1\r\nHost: x\r\n")

    async def trickle() -> None:
        for _ in range(100):
            await asyncio.sleep(SHORT / 4)
            writer.write(b"X")
            await writer.drain()

    dripping = asyncio.create_task(trickle())
    try:
        assert await _closed_after(reader, SHORT * 5) < SHORT * 3
    finally:
        dripping.cancel()
        await asyncio.gather(dripping, return_exceptions=True)
        writer.close()


async def test_an_idle_keep_alive_connection_is_closed_after_a_response(small_server: int) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", small_server)
    writer.write(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    assert (await reader.readline()).startswith(b"HTTP/1.1 200")
    assert await _closed_after(reader, SHORT * 5) < SHORT * 3
    writer.close()


async def test_connections_beyond_the_limit_are_refused_then_served_again(
    small_server: int,
) -> None:
    held = [await asyncio.open_connection("127.0.0.1", small_server) for _ in range(3)]
    await asyncio.sleep(0.05)
    reader, writer = await asyncio.open_connection("127.0.0.1", small_server)
    assert (await reader.read()).startswith(b"HTTP/1.1 503")  # answered, then closed
    writer.close()
    for _reader, holding in held:
        holding.close()
    await asyncio.sleep(0.1)
    async with httpx.AsyncClient() as client:
        assert (await client.get(f"http://127.0.0.1:{small_server}/")).text == "hello"


async def test_health_is_checked_once_per_ttl_whatever_the_flood() -> None:
    now = [100.0]
    calls = 0

    async def ping() -> bool:
        nonlocal calls
        calls += 1
        await asyncio.sleep(0.01)
        return calls < 3

    health = CachedHealth(ping, ttl=2.0, clock=lambda: now[0])
    assert all(await asyncio.gather(*(health() for _ in range(200))))
    assert calls == 1
    now[0] += 1.9
    assert await health()
    assert calls == 1
    now[0] += 0.2
    assert await health()
    assert calls == 2
    now[0] += 2.0
    assert not await health()  # a failing database shows within one ttl
    assert calls == 3


async def test_health_and_metrics_are_served_on_their_own_internal_address(
    migrated_sqlite_url: str,
) -> None:
    port = free_port()
    async with CoachHarness(migrated_sqlite_url, migrate_first=False, metrics_port=port) as coach:
        assert coach.runtime.settings.metrics_listen == "127.0.0.1"  # the default
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            answers = await asyncio.gather(*(client.get("/healthz") for _ in range(50)))
            assert {answer.status_code for answer in answers} == {200}
            assert {answer.text for answer in answers} == {"ok"}
            metrics = await client.get("/metrics")
            assert "coach_updates_handled_total" in metrics.text
        assert coach.runtime.health.checks == 1  # fifty probes, one database ping
