"""The Bot API calls the outbox makes: straight to PTB's request object.

`ExtBot.do_api_request` turns every call into PTB's object world and back: defaults
inserted, each parameter converted, a deprecation warning raised (and filtered) per call,
the answer parsed into objects we never read. That costs about as much CPU as the HTTP call
itself, and a nudge fan-out makes 100,000 calls. Going to the request object directly keeps
what matters from PTB: its error mapping (RetryAfter, Forbidden, BadRequest, NetworkError,
TimedOut) and, when COACH_RATE_LIMIT is on, its rate-limiter slot (our SendBudget, see pacing).
"""

from __future__ import annotations

from typing import Any

from telegram.ext import BaseRateLimiter, ExtBot
from telegram.request import BaseRequest, RequestData
from telegram.request._requestparameter import RequestParameter

JSONValue = bool | dict[str, Any] | list[dict[str, Any]]


class BotApi:
    def __init__(self, request: BaseRequest, base_url: str, limiter: BaseRateLimiter[Any] | None):
        self._request = request
        self._base_url = base_url  # includes the token: never log it
        self._limiter = limiter

    @classmethod
    def of(cls, bot: ExtBot[None]) -> BotApi:
        """The same connection pool, address and rate limiter as PTB's own bot object."""
        return cls(bot.request, bot.base_url, bot.rate_limiter)

    async def call(self, method: str, params: dict[str, Any]) -> JSONValue:
        """One call; raises PTB's TelegramError subclasses like the bot's methods do."""
        if self._limiter is None:
            return await self._post(method, params)
        return await self._limiter.process_request(
            callback=self._post,
            args=(method, params),
            kwargs={},
            endpoint=method,
            data=params,
            rate_limit_args=None,
        )

    async def _post(self, method: str, params: dict[str, Any]) -> JSONValue:
        # RequestParameter is PTB's own (semi-internal) way to carry values and files into
        # RequestData, the public type every request backend receives.
        data = RequestData(
            [
                RequestParameter.from_input(name, value)
                for name, value in params.items()
                if value is not None
            ]
        )
        return await self._request.post(f"{self._base_url}/{method}", request_data=data)
