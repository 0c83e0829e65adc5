"""Run the real coach in-process against the emulator, with a clock you control.

Used by the handler tests and the benchmarks: the same CoachRuntime as `coach run`
(inbox, outbox, PTB handlers, real HTTP to the emulator), only the clock is injectable.

    async with CoachHarness(database_url) as coach:
        replies = await coach.say(42, "/start")
        replies = await coach.tap(42, "London")
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from types import TracebackType
from typing import Any

from bot.config import Settings, Switch
from bot.db import migrate
from bot.sandbox.emulator import ChatMessage, EmulatorConfig, TelegramEmulator, UpdateReceipt
from bot.telegram.app import CoachRuntime

SANDBOX_TOKEN = "123456:SANDBOX-not-a-real-token"


@dataclass
class MutableClock:
    """A clock tests can move. Starts at a fixed instant so runs are repeatable."""

    now: datetime = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # a Monday

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> datetime:
        self.now += delta
        return self.now

    def set(self, instant: datetime) -> None:
        if instant.tzinfo is None:
            raise ValueError("the clock needs an aware datetime")
        self.now = instant.astimezone(UTC)


@dataclass
class OffsetClock:
    """Real time, plus an offset the sandbox can move (":later 3h" to see what comes)."""

    offset: timedelta = timedelta(0)

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def advance(self, delta: timedelta) -> datetime:
        self.offset += delta
        return self()


class CoachHarness:
    def __init__(
        self,
        database_url: str,
        *,
        clock: MutableClock | OffsetClock | None = None,
        scheduler: bool = False,
        rng_seed: int = 1234,
        emulator: TelegramEmulator | None = None,
        emulator_config: EmulatorConfig | None = None,
        migrate_first: bool = True,
        **settings: Any,
    ) -> None:
        self.database_url = database_url
        self.clock: MutableClock | OffsetClock = clock or MutableClock()
        self.rng_seed = rng_seed
        self._own_emulator = emulator is None
        self.emulator = emulator or TelegramEmulator(emulator_config)
        self._migrate_first = migrate_first
        self._scheduler = Switch.ON if scheduler else Switch.OFF
        # Handler tests say many things in a row and look at the answers at once; a chat's
        # pace (a second a message) would only make them wait. The overall budget stays
        # on; tests of the pace itself pass the pace they want.
        settings.setdefault("coach_private_chat_seconds", 0.0)
        settings.setdefault("coach_group_chat_seconds", 0.0)
        self._settings_overrides = settings
        self._runtime: CoachRuntime | None = None
        self._serving: asyncio.Task[None] | None = None
        self._stop = asyncio.Event()

    @property
    def runtime(self) -> CoachRuntime:
        if self._runtime is None:
            raise RuntimeError("the harness is not started")
        return self._runtime

    async def __aenter__(self) -> CoachHarness:
        await self.start()
        return self

    async def __aexit__(
        self,
        _type: type[BaseException] | None,
        _error: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        await self.stop()

    async def start(self) -> None:
        if self._own_emulator:
            await self.emulator.start()
        if self._migrate_first:
            await asyncio.to_thread(migrate.upgrade, self.database_url)
        settings = Settings(
            _env_file=None,
            telegram_bot_token=SANDBOX_TOKEN,
            telegram_api_base_url=self.emulator.base_url,
            database_url=self.database_url,
            coach_scheduler=self._scheduler,
            **self._settings_overrides,
        )
        self._runtime = CoachRuntime(settings, clock=self.clock, rng_seed=self.rng_seed)
        self._stop = asyncio.Event()
        ready = asyncio.Event()
        self._serving = asyncio.create_task(self._runtime.serve(self._stop, on_polling=ready.set))
        waiting = asyncio.create_task(ready.wait())
        await asyncio.wait({waiting, self._serving}, return_when=asyncio.FIRST_COMPLETED)
        if self._serving.done():
            waiting.cancel()
            self._serving.result()  # raises what went wrong

    async def stop(self) -> None:
        if self._serving is not None:
            self._stop.set()
            await self._serving
            self._serving = None
        if self._own_emulator:
            await self.emulator.stop()

    # -- acting as a person -----------------------------------------------------------------

    async def say(self, user_id: int, text: str, **kwargs: Any) -> list[ChatMessage]:
        """Send `text` as the user; return the bot's messages that answered it."""
        receipt = self.emulator.send_text(user_id, text, **kwargs)
        return await self._replies_to(receipt, user_id)

    async def tap(
        self, user_id: int, label: str, *, message_id: int | None = None
    ) -> list[ChatMessage]:
        """Press the button whose label contains `label` on the newest bot message that has
        one (or on `message_id`). Returns the bot's messages sent in response."""
        message = self._message_with_button(user_id, label, message_id)
        data = next(
            button["callback_data"]
            for button in message.buttons
            if label in str(button.get("text", ""))
        )
        before = self._last_bot_message_id(user_id)
        self.emulator.press(user_id, message.message_id, data)
        await self.settle()
        return self.bot_messages_after(user_id, before)

    async def press_data(
        self, user_id: int, message_id: int, data: str, *, forge: bool = False
    ) -> tuple[list[ChatMessage], str | None]:
        """Press raw callback data; returns (new messages, the callback answer's text)."""
        before = self._last_bot_message_id(user_id)
        receipt = self.emulator.press(user_id, message_id, data, forge=forge)
        await self.settle()
        answer = None
        if receipt.callback_query_id is not None:
            records = self.emulator.callback_answers(receipt.callback_query_id)
            answer = records[0].text if records else None
        return self.bot_messages_after(user_id, before), answer

    async def settle(self) -> None:
        """Wait until every update so far is stored, processed and its replies sent."""
        await self.emulator.wait_for_confirmed(timeout=10)
        await self.runtime.inbox.idle()

    async def tick(self) -> None:
        """One scheduling pass (nudges, check-ins, recaps) at the clock's time, delivered."""
        await self.runtime.scheduler.run_pass(self.clock())
        await self.settle()

    async def _replies_to(self, receipt: UpdateReceipt, user_id: int) -> list[ChatMessage]:
        await self.settle()
        after = receipt.message.message_id if receipt.message else 0
        return self.bot_messages_after(user_id, after)

    def bot_messages_after(self, chat_id: int, message_id: int) -> list[ChatMessage]:
        return [m for m in self.emulator.messages(chat_id) if m.message_id > message_id]

    def _last_bot_message_id(self, chat_id: int) -> int:
        messages = self.emulator.messages(chat_id, sender="all")
        return messages[-1].message_id if messages else 0

    def _message_with_button(self, chat_id: int, label: str, message_id: int | None) -> ChatMessage:
        candidates: Sequence[ChatMessage] = self.emulator.messages(chat_id)
        if message_id is not None:
            candidates = [m for m in candidates if m.message_id == message_id]
        for message in reversed(candidates):
            if any(label in text for text in message.button_texts):
                return message
        raise AssertionError(f"no button containing {label!r} in chat {chat_id}")


def texts_of(messages: Sequence[ChatMessage]) -> str:
    """All texts (and captions) joined, for assertions."""
    return "\n".join((m.text or m.caption or "") for m in messages)
