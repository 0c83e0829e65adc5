"""How the coach serves HTTP (webhook, metrics, Mini App): bounded, with timeouts.

aiohttp's defaults suit a server behind a trusted proxy: a connection that sends nothing,
or its headers a byte a minute, is kept for an hour (`keepalive_timeout` 3630 s), and any
number of connections is accepted. The webhook port may face the internet, so:

- a connection is closed once it has been idle, or has not finished sending its request
  headers, for IDLE_TIMEOUT (75 s, nginx's keep-alive default; aiohttp counts it from the
  moment the connection opens, and again after each response);
- at most `max_connections` are open at once; one more is answered `503` and closed;
- `/healthz` answers from a result at most HEALTH_TTL old, so a flood of probes costs the
  database one ping every two seconds.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

from aiohttp import web

IDLE_TIMEOUT = 75.0
# How long a request body may take to arrive once its headers have (updates are small).
BODY_TIMEOUT = 30.0
MAX_CONNECTIONS = 256
HEALTH_TTL = 2.0

_BUSY = (
    b"HTTP/1.1 503 Service Unavailable\r\n"
    b"Content-Length: 0\r\nRetry-After: 1\r\nConnection: close\r\n\r\n"
)


class _Refused(asyncio.Protocol):
    """One connection over the limit: a short 503, then closed."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        if isinstance(transport, asyncio.WriteTransport):
            transport.write(_BUSY)
        transport.close()


class _BoundedSite(web.TCPSite):
    """A TCPSite that refuses connections beyond a limit (aiohttp has no such setting)."""

    def __init__(self, runner: web.AppRunner, host: str, port: int, *, limit: int) -> None:
        super().__init__(runner, host, port)
        self._limit = limit

    async def start(self) -> None:
        await web.BaseSite.start(self)  # registers the site with its runner
        server = self._runner.server
        if server is None:
            raise RuntimeError("the runner is not set up")
        limit = self._limit

        def protocol() -> asyncio.BaseProtocol:
            return _Refused() if len(server.connections) >= limit else server()

        self._server = await asyncio.get_running_loop().create_server(
            protocol,
            self._host,
            self._port,
            backlog=self._backlog,
            reuse_address=self._reuse_address,
            reuse_port=self._reuse_port,
        )


async def serve(
    app: web.Application,
    host: str,
    port: int,
    *,
    max_connections: int = MAX_CONNECTIONS,
    idle_timeout: float = IDLE_TIMEOUT,
) -> web.AppRunner:
    """Start serving `app`; stop with `runner.cleanup()`."""
    runner = web.AppRunner(app, access_log=None, keepalive_timeout=idle_timeout)
    await runner.setup()
    await _BoundedSite(runner, host, port, limit=max_connections).start()
    return runner


def bound_port(runner: web.AppRunner | None) -> int:
    """The port a runner listens on (useful when started with port 0)."""
    if runner is None or not runner.addresses:
        raise RuntimeError("the server is not running")
    return int(runner.addresses[0][1])


class CachedHealth:
    """The database check behind /healthz, asked at most once per `ttl` seconds; callers
    arriving while a check runs share its answer."""

    def __init__(
        self,
        check: Callable[[], Awaitable[bool]],
        *,
        ttl: float = HEALTH_TTL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._check = check
        self._ttl = ttl
        self._clock = clock
        self._lock = asyncio.Lock()
        self._checked_at: float | None = None
        self._healthy = False
        self.checks = 0

    def _fresh(self) -> bool:
        return self._checked_at is not None and self._clock() - self._checked_at < self._ttl

    async def __call__(self) -> bool:
        if self._fresh():
            return self._healthy
        async with self._lock:
            if not self._fresh():
                self._healthy = await self._check()
                self._checked_at = self._clock()
                self.checks += 1
        return self._healthy


def health_route(healthy: Callable[[], Awaitable[bool]]) -> web.RouteDef:
    async def health(_request: web.Request) -> web.Response:
        if await healthy():
            return web.Response(status=200, text="ok")
        return web.Response(status=503, text="database unreachable")

    return web.get("/healthz", health)
