"""Webhook mode: Telegram POSTs updates; each is stored before we answer 200.

A missing or wrong `X-Telegram-Bot-Api-Secret-Token` gets 403 and nothing is stored. If the
database is away we answer 503, and Telegram tries again later: nothing is lost. Several
replicas can sit behind one load balancer; the inbox keeps each chat in order.
`/healthz` answers 200 while the database answers.
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Awaitable, Callable, Sequence
from urllib.parse import urlsplit

from aiohttp import web

from bot.delivery.inbox import DatabaseUnavailable, Inbox

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# Telegram updates are small; a body this large is not one of them.
MAX_BODY_BYTES = 1024 * 1024


class WebhookServer:
    def __init__(
        self,
        inbox: Inbox,
        *,
        url: str,
        secret: str,
        listen: str,
        port: int,
        healthy: Callable[[], Awaitable[bool]],
        on_update: Callable[[], None] | None = None,
        extra_routes: Sequence[web.RouteDef] = (),
    ) -> None:
        self._inbox = inbox
        self._path = urlsplit(url).path or "/"
        self._secret = secret.encode()
        self._listen = listen
        self._port = port
        self._healthy = healthy
        self._on_update = on_update
        # The Mini App's page and API share this server when both are configured.
        self._extra_routes = list(extra_routes)
        self._runner: web.AppRunner | None = None

    @property
    def port(self) -> int:
        """The bound port (useful when configured with port 0)."""
        if self._runner is None or not self._runner.addresses:
            raise RuntimeError("the webhook server is not running")
        return int(self._runner.addresses[0][1])

    async def start(self) -> None:
        app = web.Application(client_max_size=MAX_BODY_BYTES)
        app.router.add_post(self._path, self._receive)
        app.router.add_get("/healthz", self._health)
        app.add_routes(self._extra_routes)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, self._listen, self._port).start()
        self._runner = runner
        logger.info("webhook listening on %s:%s%s", self._listen, self.port, self._path)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _receive(self, request: web.Request) -> web.Response:
        offered = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(offered, self._secret):
            return web.Response(status=403, text="forbidden")
        try:
            payload = json.loads(await request.read())
        except (ValueError, UnicodeDecodeError):
            return web.Response(status=400, text="not JSON")
        if not isinstance(payload, dict) or not isinstance(payload.get("update_id"), int):
            return web.Response(status=400, text="not an update")
        try:
            await self._inbox.store([payload])
        except DatabaseUnavailable:
            # Not stored, so not acknowledged: Telegram will deliver it again.
            return web.Response(status=503, text="try again")
        if self._on_update is not None:
            self._on_update()
        return web.Response(status=200, text="ok")

    async def _health(self, _request: web.Request) -> web.Response:
        if await self._healthy():
            return web.Response(status=200, text="ok")
        return web.Response(status=503, text="database unreachable")
