"""Webhook mode: Telegram POSTs updates; each is stored before we answer 200.

A missing or wrong `X-Telegram-Bot-Api-Secret-Token` gets 403 and nothing is stored; a body
that is not JSON, or not shaped like an update (see update_shape.py), gets 400. If the
database is away we answer 503, and Telegram tries again later: nothing is lost. Several
replicas can sit behind one load balancer; the inbox keeps each chat in order.
`/healthz` answers 200 while the database answers (a result cached for two seconds), here and
on the internal metrics address. Timeouts and the connection limit: see http_server.py.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from collections.abc import Awaitable, Callable, Sequence
from urllib.parse import urlsplit

from aiohttp import web

from bot.delivery.http_server import BODY_TIMEOUT, MAX_CONNECTIONS, bound_port, health_route, serve
from bot.delivery.inbox import DatabaseUnavailable, Inbox
from bot.delivery.update_shape import is_update

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
        max_connections: int = MAX_CONNECTIONS,
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
        self._max_connections = max_connections
        self._runner: web.AppRunner | None = None

    @property
    def port(self) -> int:
        """The bound port (useful when configured with port 0)."""
        return bound_port(self._runner)

    async def start(self) -> None:
        app = web.Application(client_max_size=MAX_BODY_BYTES)
        app.router.add_post(self._path, self._receive)
        app.add_routes([health_route(self._healthy), *self._extra_routes])
        self._runner = await serve(
            app, self._listen, self._port, max_connections=self._max_connections
        )
        logger.info("webhook listening on %s:%s%s", self._listen, self.port, self._path)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _receive(self, request: web.Request) -> web.Response:
        # aiohttp keeps undecodable header bytes as surrogates; turn them back into bytes.
        offered = request.headers.get(SECRET_HEADER, "").encode("utf-8", "surrogateescape")
        if not hmac.compare_digest(offered, self._secret):
            return web.Response(status=403, text="forbidden")
        try:
            async with asyncio.timeout(BODY_TIMEOUT):
                body = await request.read()
        except TimeoutError:
            return web.Response(status=408, text="too slow")
        try:
            payload = json.loads(body)
        except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
            return web.Response(status=400, text="not JSON")
        if not is_update(payload):
            return web.Response(status=400, text="not an update")
        try:
            await self._inbox.store([payload])
        except DatabaseUnavailable:
            # Not stored, so not acknowledged: Telegram will deliver it again.
            return web.Response(status=503, text="try again")
        if self._on_update is not None:
            self._on_update()
        return web.Response(status=200, text="ok")
