"""The HTTP front of the emulator: serves the Bot API on 127.0.0.1 and runs each call through
latency, injected faults and flood control before its method, recording it in the call log.

:class:`EmulatorServer` knows no control surface; :class:`~bot.sandbox.emulator.control.
TelegramEmulator` adds the one tests use.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Self

from aiohttp import web

from bot.sandbox.emulator.bot_api import ApiCall, BotApi, Method
from bot.sandbox.emulator.errors import ERR_METHOD_NOT_FOUND, MAX_UPLOAD_BYTES, ApiError, error_body
from bot.sandbox.emulator.faults import CallLog, Fault, FaultBook, FloodLimiter
from bot.sandbox.emulator.records import CallRecord, EmulatorConfig, JSONDict
from bot.sandbox.emulator.wire import Params, as_int, bot_id_from_token, json_response, read_params
from bot.sandbox.emulator.world import World

_LOG = logging.getLogger(__name__)


class EmulatorServer:
    """An aiohttp server on 127.0.0.1 speaking the Bot API."""

    def __init__(self, config: EmulatorConfig | None = None) -> None:
        self.config = config or EmulatorConfig()
        self.world = World(self.config)
        self.api = BotApi(self.world, self.config)
        self.faults = FaultBook()
        self.flood = FloodLimiter(self.config.flood)
        self.log = CallLog(self.config.call_log_limit)
        self.started_at = time.monotonic()
        self._runner: web.AppRunner | None = None
        self._port: int | None = None
        self._inflight = 0
        self._last_activity = 0.0
        self._get_updates_arrivals = 0

    def _add_control_routes(self, router: web.UrlDispatcher) -> None:
        """Routes beside the Bot API's; the emulator adds its control API here."""

    # -- lifecycle ------------------------------------------------------------------------------

    async def start(self) -> Self:
        app = web.Application(client_max_size=MAX_UPLOAD_BYTES)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file_download)
        self._add_control_routes(app.router)
        # handler_cancellation: a client that hangs up (e.g. a cancelled long poll) must not
        # leave a zombie getUpdates behind that the next poller would "conflict" with.
        runner = web.AppRunner(
            app,
            access_log=None,
            handler_cancellation=True,
            shutdown_timeout=self.config.shutdown_timeout,
        )
        await runner.setup()
        self.api.closing = False
        site = web.TCPSite(runner, "127.0.0.1", self.config.port)
        await site.start()
        self._runner = runner
        self._port = int(runner.addresses[0][1])
        self.started_at = time.monotonic()
        _LOG.info("Telegram emulator listening on %s", self.base_url)
        return self

    async def stop(self) -> None:
        if self._runner is None:
            return
        self.api.closing = True
        self.world.update_signal.notify()
        self.world.activity.notify()
        task = self.api.webhook.stop()
        if task is not None:
            await asyncio.gather(task, return_exceptions=True)
        runner, self._runner = self._runner, None
        await runner.cleanup()

    async def __aenter__(self) -> Self:
        return await self.start()

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("the emulator is not started")
        return self._port

    @property
    def root_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        """For ``ApplicationBuilder.base_url``: PTB appends the token and the method."""
        return f"{self.root_url}/bot"

    @property
    def base_file_url(self) -> str:
        return f"{self.root_url}/file/bot"

    @property
    def control_url(self) -> str:
        return f"{self.root_url}/control"

    # -- Bot API over HTTP ----------------------------------------------------------------------

    async def _handle_api(self, request: web.Request) -> web.Response:
        arrived = time.monotonic()
        bot_id = bot_id_from_token(request.match_info["token"])
        if bot_id is None:  # Telegram answers a malformed token with 404
            return json_response(404, error_body(404, "Not Found"))
        method = self.api.lookup(request.match_info["method"])
        if method is None:
            name = request.match_info["method"]
            self._record(name, Params({}), None, 404, arrived, ERR_METHOD_NOT_FOUND)
            return json_response(404, error_body(404, ERR_METHOD_NOT_FOUND))
        self.world.bot_id = bot_id
        polling = method.name == "getUpdates"
        self._begin(polling, arrived)
        params, chat_id = Params({}), None
        status, body = 499, error_body(499, "client closed the request")
        try:
            params = await read_params(request)
            chat_id = self._peek_chat_id(params)
            status, body = await self._execute(
                method, ApiCall(method.name, params, bot_id, chat_id)
            )
        except ApiError as exc:
            status, body = exc.status, exc.body()
        finally:
            self._record(method.name, params, chat_id, status, arrived, body.get("description"))
            self._end(polling)
        return json_response(status, body)

    async def _execute(self, method: Method, call: ApiCall) -> tuple[int, JSONDict]:
        latency = self.faults.latency(call.chat_id)
        if latency > 0:
            await asyncio.sleep(latency)
        fault = self.faults.take(method.name, call.chat_id)
        if fault is not None:
            return await self._execute_fault(fault, method, call)
        if method.flood and self.flood.config.enabled:
            retry_after = self.flood.check(call.chat_id, time.monotonic())
            if retry_after is not None:
                description = f"Too Many Requests: retry after {retry_after}"
                return 429, error_body(429, description, retry_after)
        return await self._run(method, call)

    @staticmethod
    async def _run(method: Method, call: ApiCall) -> tuple[int, JSONDict]:
        try:
            result = await method.handler(call)
        except ApiError as exc:
            return exc.status, exc.body()
        return 200, {"ok": True, "result": result}

    async def _execute_fault(
        self, fault: Fault, method: Method, call: ApiCall
    ) -> tuple[int, JSONDict]:
        # A delivered call takes effect at once, like a message Telegram sent before the
        # client gave up waiting for the answer.
        outcome = await self._run(method, call) if fault.delivers else None
        if fault.delay > 0:
            await asyncio.sleep(fault.delay)
        if fault.status is None and outcome is not None:
            return outcome
        return fault.error_body()

    def _peek_chat_id(self, params: Params) -> int | None:
        value = params.raw.get("chat_id")
        if value is None:
            return None
        number = as_int(value)
        if number is not None:
            return number
        chat = self.world.find_chat(str(value))
        return chat.id if chat else None

    def _begin(self, polling: bool, arrived: float) -> None:
        if polling:
            self._get_updates_arrivals += 1
            self.log.get_updates_times.append(arrived)
            self.world.activity.notify()
            return
        self._inflight += 1
        self._last_activity = arrived

    def _end(self, polling: bool) -> None:
        if polling:
            return
        self._inflight -= 1
        self._last_activity = time.monotonic()
        self.world.activity.notify()

    def _record(
        self,
        method: str,
        params: Params,
        chat_id: int | None,
        status: int,
        arrived: float,
        description: str | None,
    ) -> None:
        if self.log.records.maxlen == 0:
            self.log.count(method, arrived)
            return
        logged = params.logged() if self.config.log_params else {}
        duration = time.monotonic() - arrived
        self.log.add(CallRecord(method, logged, chat_id, status, arrived, duration, description))
        if status >= 400:
            _LOG.debug("%s -> %s %s", method, status, description)

    async def _handle_file_download(self, request: web.Request) -> web.Response:
        file_id = request.match_info["path"].rsplit("/", 1)[-1]
        entry = self.world.files.get(file_id)
        if entry is None or entry[1] is None:
            return json_response(404, error_body(404, "Not Found"))
        info, data = entry
        return web.Response(body=data, content_type=info.mime_type or "application/octet-stream")
