"""Prometheus metrics, served with /healthz on METRICS_LISTEN:METRICS_PORT when it is set:
an internal address for monitoring, apart from the public webhook.

Counts and timings only: never a message, a name or an id.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiohttp import web
from prometheus_client import CollectorRegistry, Counter, Gauge, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

from bot.delivery.http_server import bound_port, health_route, serve


class Metrics:
    def __init__(self) -> None:
        # Our own registry: several runtimes (tests) must not collide in the global one.
        self.registry = CollectorRegistry()
        self.updates = Counter(
            "coach_updates_handled_total", "Telegram updates processed", registry=self.registry
        )
        self.sent = Counter(
            "coach_messages_sent_total",
            "Bot API calls that succeeded, by message kind (reply, nudge, follow-up, recap)",
            ["kind"],
            registry=self.registry,
        )
        self.send_errors = Counter(
            "coach_send_errors_total",
            "Bot API calls that failed, by what went wrong",
            ["error"],
            registry=self.registry,
        )
        self.scheduler_lag = Gauge(
            "coach_scheduler_lag_seconds",
            "How late the oldest due nudge was at the start of the last scheduler pass",
            registry=self.registry,
        )
        self._runner: web.AppRunner | None = None

    def record_send(self, kind: str, outcome: str, error: str | None) -> None:
        if outcome == "sent":
            self.sent.labels(kind=kind).inc()
        else:
            self.send_errors.labels(error=error or outcome).inc()

    def exposition(self) -> bytes:
        return generate_latest(self.registry)

    async def serve(
        self, host: str, port: int, *, healthy: Callable[[], Awaitable[bool]] | None = None
    ) -> None:
        app = web.Application()
        app.router.add_get("/metrics", self._handle)
        if healthy is not None:
            app.add_routes([health_route(healthy)])
        self._runner = await serve(app, host, port)

    @property
    def port(self) -> int:
        return bound_port(self._runner)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _handle(self, _request: web.Request) -> web.Response:
        return web.Response(body=self.exposition(), headers={"Content-Type": CONTENT_TYPE_LATEST})
