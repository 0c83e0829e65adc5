"""The bot's webhook: what setWebhook stored (as getWebhookInfo shows it) and the task that
POSTs pending updates to it, one at a time and in order, retrying with a backoff."""

from __future__ import annotations

import asyncio
import json
import re
from dataclasses import dataclass
from typing import Final

import aiohttp

from bot.sandbox.emulator.errors import bad_request
from bot.sandbox.emulator.records import EmulatorConfig, JSONDict
from bot.sandbox.emulator.wire import Params
from bot.sandbox.emulator.world import World, unix_now

_SECRET_TOKEN_RE: Final = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


@dataclass
class WebhookSettings:
    url: str = ""
    secret_token: str | None = None
    max_connections: int = 40
    allowed_updates: list[str] | None = None
    last_error_date: int | None = None
    last_error_message: str | None = None


class Webhook:
    def __init__(self, world: World, config: EmulatorConfig) -> None:
        self.world = world
        self.config = config
        self.settings = WebhookSettings()
        self._task: asyncio.Task[None] | None = None

    @property
    def url(self) -> str:
        return self.settings.url

    def set(self, params: Params) -> None:
        url = params.string("url") or ""
        secret = params.string("secret_token") or None
        if secret is not None and not _SECRET_TOKEN_RE.match(secret):
            raise bad_request("Bad Request: secret token contains unallowed characters")
        # Telegram insists on HTTPS; the emulator also takes plain HTTP for local receivers.
        if url and not url.startswith(("http://", "https://")):
            raise bad_request("Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
        allowed = params.json_value("allowed_updates")
        if params.boolean("drop_pending_updates"):
            self.world.updates.clear()
        if isinstance(allowed, list):
            self.world.updates.set_allowed(str(kind) for kind in allowed)
        self.stop()
        self.settings = WebhookSettings(
            url=url,
            secret_token=secret,
            max_connections=params.integer("max_connections") or 40,
            allowed_updates=[str(kind) for kind in allowed] if isinstance(allowed, list) else None,
        )
        if url:
            self._task = asyncio.create_task(self._deliver(self.settings))
            self.world.update_signal.notify()  # pending long polls now end in 409

    def delete(self, *, drop_pending_updates: bool) -> None:
        if drop_pending_updates:
            self.world.updates.clear()
        self.forget()

    def forget(self) -> None:
        """Stop delivering and drop the settings, as deleteWebhook does."""
        self.stop()
        self.settings = WebhookSettings()

    def info(self) -> JSONDict:
        hook = self.settings
        info: JSONDict = {
            "url": hook.url,
            "has_custom_certificate": False,
            "pending_update_count": len(self.world.updates),
        }
        if hook.url:
            info["max_connections"] = hook.max_connections
            if hook.allowed_updates is not None:
                info["allowed_updates"] = hook.allowed_updates
        if hook.last_error_date is not None:
            info["last_error_date"] = hook.last_error_date
            info["last_error_message"] = hook.last_error_message
        return info

    def stop(self) -> asyncio.Task[None] | None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
        return task

    async def _deliver(self, hook: WebhookSettings) -> None:
        """POST pending updates one at a time, in order, retrying failures with a backoff."""
        failures = 0
        delays = self.config.webhook_retry_delays or (0.1,)
        timeout = aiohttp.ClientTimeout(total=self.config.webhook_timeout)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            while True:
                await self.world.update_signal.wait_for(lambda: len(self.world.updates) > 0, None)
                pending = self.world.updates.first()
                if pending is None:
                    continue
                error = await _post_update(session, hook, pending.payload)
                if error is None:
                    failures = 0
                    self.world.confirm_updates(pending.update_id + 1)
                    continue
                hook.last_error_date, hook.last_error_message = unix_now(), error
                await asyncio.sleep(delays[min(failures, len(delays) - 1)])
                failures += 1


async def _post_update(
    session: aiohttp.ClientSession, hook: WebhookSettings, payload: JSONDict
) -> str | None:
    """Deliver one update; None on a 2xx answer, else the error as getWebhookInfo shows it."""
    headers = {"Content-Type": "application/json"}
    if hook.secret_token:
        headers["X-Telegram-Bot-Api-Secret-Token"] = hook.secret_token
    try:
        async with session.post(hook.url, data=json.dumps(payload), headers=headers) as response:
            await response.read()
            if 200 <= response.status < 300:
                return None
            return f"Wrong response from the webhook: {response.status} {response.reason}"
    except (aiohttp.ClientError, OSError, TimeoutError) as exc:
        return f"Connection failed: {exc!r}"
