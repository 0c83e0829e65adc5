"""Fault injection and the call log: injected errors and delays, latency, Telegram's flood
control (429 with retry_after), and the record of every Bot API call."""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections import Counter, deque
from dataclasses import dataclass

from bot.sandbox.emulator.errors import default_fault_description, error_body
from bot.sandbox.emulator.records import CallRecord, FloodControl, JSONDict


@dataclass
class Fault:
    """An injected failure for matching Bot API calls.

    ``status`` None with a ``delay`` emulates a slow Telegram; ``deliver`` says whether the
    call still takes effect (as when Telegram sends a message but the client timed out).
    By default only pure delays deliver. An undelivered pure delay ends in a 502.
    """

    method: str = "*"
    chat_id: int | None = None
    status: int | None = None
    retry_after: int | None = None
    description: str | None = None
    # How many calls it hits before expiring; None never expires.
    times: int | None = 1
    delay: float = 0.0
    deliver: bool | None = None
    fault_id: int = 0
    hits: int = 0

    @property
    def delivers(self) -> bool:
        return self.deliver if self.deliver is not None else self.status is None

    def matches(self, method: str, chat_id: int | None) -> bool:
        if self.method != "*" and self.method.lower() != method.lower():
            return False
        return self.chat_id is None or self.chat_id == chat_id

    def error_body(self) -> tuple[int, JSONDict]:
        status = self.status if self.status is not None else 502
        retry_after = self.retry_after
        if status == 429 and retry_after is None:
            retry_after = 1
        description = self.description or default_fault_description(status, retry_after)
        return status, error_body(status, description, retry_after)

    def to_json(self) -> JSONDict:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: JSONDict) -> Fault:
        return cls(**data)


class FloodLimiter:
    """Rolling one-second windows, overall and per chat; O(1) amortised per send."""

    def __init__(self, config: FloodControl) -> None:
        self.config = config
        self.served_429s = 0
        self._overall: deque[float] = deque()
        self._per_chat: dict[int, deque[float]] = {}

    def check(self, chat_id: int | None, now: float) -> int | None:
        """None when the send may go ahead (and is counted), else retry_after seconds."""
        windows = [(self._overall, self.config.max_per_second)]
        if chat_id is not None and self.config.max_per_chat_per_second is not None:
            window = self._per_chat.setdefault(chat_id, deque())
            windows.append((window, self.config.max_per_chat_per_second))
        for window, limit in windows:
            while window and window[0] <= now - 1.0:
                window.popleft()
            if limit is not None and len(window) >= limit:
                self.served_429s += 1
                return self.config.retry_after or max(1, math.ceil(window[0] + 1.0 - now))
        for window, _ in windows:
            window.append(now)
        return None


class FaultBook:
    def __init__(self) -> None:
        self.faults: list[Fault] = []
        self.served = 0
        self._ids = itertools.count(1)
        self._latency_all = 0.0
        self._latency_by_chat: dict[int, float] = {}

    def add(self, fault: Fault) -> Fault:
        fault.fault_id = next(self._ids)
        self.faults.append(fault)
        return fault

    def take(self, method: str, chat_id: int | None) -> Fault | None:
        """The first matching fault, consuming one of its ``times``."""
        if not self.faults:
            return None
        for fault in self.faults:
            if fault.matches(method, chat_id):
                fault.hits += 1
                self.served += 1
                if fault.times is not None:
                    fault.times -= 1
                    if fault.times <= 0:
                        self.faults.remove(fault)
                return fault
        return None

    def set_latency(self, chat_id: int | None, seconds: float) -> None:
        if chat_id is None:
            self._latency_all = seconds
        elif seconds > 0:
            self._latency_by_chat[chat_id] = seconds
        else:
            self._latency_by_chat.pop(chat_id, None)

    def latency(self, chat_id: int | None) -> float:
        if chat_id is not None and chat_id in self._latency_by_chat:
            return self._latency_by_chat[chat_id]
        return self._latency_all

    def clear(self) -> None:
        self.faults.clear()
        self._latency_all = 0.0
        self._latency_by_chat.clear()


class CallLog:
    def __init__(self, limit: int | None) -> None:
        self.records: deque[CallRecord] = deque(maxlen=limit)
        self.by_method: Counter[str] = Counter()
        # Bounded too, but generously: a benchmark reads the first one.
        self.get_updates_times: deque[float] = deque(maxlen=10_000)
        self.first_call_at: dict[str, float] = {}
        self.last_call_at: dict[str, float] = {}

    def count(self, method: str, arrived: float) -> None:
        self.by_method[method] += 1
        self.first_call_at.setdefault(method, arrived)
        self.last_call_at[method] = arrived

    def add(self, record: CallRecord) -> None:
        self.count(record.method, record.at)
        if self.records.maxlen != 0:
            self.records.append(record)

    def select(self, method: str | None) -> list[CallRecord]:
        if method is None:
            return list(self.records)
        wanted = method.lower()
        return [record for record in self.records if record.method.lower() == wanted]

    def clear(self) -> None:
        self.records.clear()
        self.by_method.clear()
        self.get_updates_times.clear()
        self.first_call_at.clear()
        self.last_call_at.clear()
