"""How fast we may talk: the bot's overall budget, and each chat's own pace.

Telegram allows a bot about 30 messages a second overall, about one a second to one private
chat and about 20 a minute to one group (short bursts are tolerated). Going over earns a 429
with `retry_after` for that chat.

PTB's AIORateLimiter answers a 429 by pausing *every* request until the retry_after is
over, so one person flooding the bot (or one group) stalled everyone else's replies. We
replace it with two small pieces:

- `SendBudget`, PTB's rate-limiter slot (so PTB's own calls go through it too): only the
  overall rate (at most rate/1.05 calls in any rolling second, short bursts of BURST), no
  retries, no global pause. A 429 goes back to the caller; the outbox postpones that
  chat's queue alone.
- `ChatPacer`, used by the outbox *before* it takes a send slot: each chat gets its own
  steady pace with a small burst. A chat that is over its pace waits (or is postponed)
  without holding a slot anyone else could use.

Both use the "virtual scheduling" form of a token bucket (GCRA): one timestamp per key, the
theoretical time of the next send, so a burst of B at interval T is `tat - (B-1)*T <= now`.
Times are the event loop's monotonic clock: pacing is about real elapsed time.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from telegram.ext import BaseRateLimiter

# Chats we have not talked to for this long are forgotten (their bucket is full again).
_FORGET_AFTER = 60.0
_PRUNE_EVERY = 4096
SAFETY = 1.05
# The overall budget lets this many calls go back to back (after a quiet spell, or after a
# call that woke late); Telegram counts calls over a rolling window of this many seconds.
BURST = 3
_WINDOW = 1.0


def _now() -> float:
    return asyncio.get_running_loop().time()


class SendBudget(BaseRateLimiter[int]):
    """The overall budget: never more than `per_second / SAFETY` calls in any rolling second
    (Telegram's own rule), and about `per_second / SAFETY` a second on average, in bursts of
    at most BURST.

    The average is kept on a booked schedule (GCRA), not from when each call really went:
    on a busy machine every sleep wakes a few milliseconds late, and spacing each call from
    the last one's real start made the budget fall from 28.6 to about 22 calls a second,
    below a busy hour's 23 replies a second, so replies queued for half a second (measured,
    BENCHMARKS.md section 1). A late call may therefore be followed closely by the next;
    the rolling window (the times of the last calls, as they really went) is what keeps
    any one second under Telegram's limit, whatever the timing."""

    def __init__(self, per_second: float) -> None:
        # A little under the budget: calls leave on time but arrive with jitter.
        self._interval = SAFETY / per_second
        self._per_window = max(1, int(per_second / SAFETY))
        self._sent: deque[float] = deque(maxlen=self._per_window)
        self._booked = -1e9  # the theoretical time of the next call (GCRA)
        self._turns = asyncio.Lock()  # first come, first served

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    def _start_at(self, now: float) -> float:
        """When the next call may go: within its burst, and not sooner than a second after
        the call `per_window` calls back."""
        start = max(now, self._booked - (BURST - 1) * self._interval)
        if len(self._sent) == self._per_window:
            start = max(start, self._sent[0] + _WINDOW)
        return start

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        async with self._turns:
            start = self._start_at(_now())
            wait = start - _now()
            if wait > 0:
                await asyncio.sleep(wait)
            self._booked = max(self._booked, start) + self._interval
            self._sent.append(_now())
        return await callback(*args, **kwargs)


@dataclass(frozen=True)
class Pace:
    """One message every `interval` seconds to a chat, with bursts of up to `burst`."""

    private_interval: float = 1.0
    group_interval: float = 3.0
    burst: int = 3


class ChatPacer:
    """Each chat's own pace. Groups, supergroups and channels have negative ids."""

    def __init__(self, pace: Pace) -> None:
        self._pace = pace
        self._next: dict[int, float] = {}  # chat -> theoretical time of its next send
        self._taken = 0

    def _interval(self, chat_id: int) -> float:
        return self._pace.group_interval if chat_id < 0 else self._pace.private_interval

    def wait_for(self, chat_id: int) -> float:
        """Seconds until this chat may be sent its next message (0: now)."""
        interval = self._interval(chat_id)
        tat = self._next.get(chat_id)
        if interval <= 0 or tat is None:
            return 0.0
        allowed_at = tat - (self._pace.burst - 1) * interval
        return max(0.0, allowed_at - _now())

    def take(self, chat_id: int) -> None:
        """Count one message to this chat (call right after `wait_for` said 0)."""
        interval = self._interval(chat_id)
        if interval <= 0:
            return
        now = _now()
        self._next[chat_id] = max(self._next.get(chat_id, now), now) + interval
        self._taken += 1
        if self._taken % _PRUNE_EVERY == 0:
            self._prune(now)

    def hold(self, chat_id: int, seconds: float) -> None:
        """Telegram said to wait (429): nothing more to this chat for `seconds`."""
        interval = self._interval(chat_id)
        if interval <= 0:
            return
        # The next send is allowed once the retry_after is over, then at the usual pace.
        resume = _now() + seconds + (self._pace.burst - 1) * interval
        self._next[chat_id] = max(self._next.get(chat_id, 0.0), resume)

    def _prune(self, now: float) -> None:
        stale = [chat for chat, tat in self._next.items() if tat < now - _FORGET_AFTER]
        for chat in stale:
            del self._next[chat]


class NoPacing(ChatPacer):
    """COACH_RATE_LIMIT=off (benchmarks against an unpaced echo bot): never wait."""

    def __init__(self) -> None:
        super().__init__(Pace(0.0, 0.0, 1))
