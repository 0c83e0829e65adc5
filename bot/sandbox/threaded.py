"""Run a :class:`~bot.sandbox.emulator.TelegramEmulator` in a background thread.

For tests where the bot runs in another event loop or as a subprocess::

    with ThreadedEmulator() as emu:
        run_bot(base_url=emu.base_url)          # any process or loop
        client = emu.client()                   # SyncEmulatorClient over HTTP
        client.send_text(42, "/start")
        client.wait_for_messages(42)

The emulator's Python API is not thread-safe; from other threads use the HTTP clients, or
:meth:`ThreadedEmulator.call` / :meth:`ThreadedEmulator.run`, which hop onto its loop.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable
from typing import TypeVar

from bot.sandbox.client import EmulatorClient, SyncEmulatorClient
from bot.sandbox.emulator import EmulatorConfig, TelegramEmulator

T = TypeVar("T")


class ThreadedEmulator:
    def __init__(self, config: EmulatorConfig | None = None) -> None:
        self.emulator = TelegramEmulator(config)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None

    # -- lifecycle ------------------------------------------------------------------------------

    def start(self, timeout: float = 10.0) -> ThreadedEmulator:
        if self._thread is not None:
            raise RuntimeError("the emulator thread is already running")
        self._ready.clear()
        self._error = None
        self._thread = threading.Thread(target=self._main, name="telegram-emulator", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout):
            raise TimeoutError(f"the emulator did not start within {timeout}s")
        if self._error is not None:
            self._thread.join()
            self._thread = None
            raise RuntimeError("the emulator failed to start") from self._error
        return self

    def stop(self, timeout: float = 10.0) -> None:
        thread, loop = self._thread, self._loop
        if thread is None or loop is None:
            return
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout)
        if thread.is_alive():
            raise TimeoutError(f"the emulator thread did not stop within {timeout}s")
        self._thread = None

    def __enter__(self) -> ThreadedEmulator:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def _main(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self.emulator.start())
        except BaseException as exc:  # handed to start() in the calling thread
            self._error = exc
            self._ready.set()
            loop.close()
            return
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(self._shutdown())
            loop.close()
            self._loop = None

    async def _shutdown(self) -> None:
        await self.emulator.stop()
        current = asyncio.current_task()
        leftovers = [task for task in asyncio.all_tasks() if task is not current]
        for task in leftovers:
            task.cancel()
        await asyncio.gather(*leftovers, return_exceptions=True)
        await asyncio.get_running_loop().shutdown_asyncgens()

    # -- addresses ------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return self.emulator.base_url

    @property
    def base_file_url(self) -> str:
        return self.emulator.base_file_url

    @property
    def control_url(self) -> str:
        return self.emulator.control_url

    @property
    def port(self) -> int:
        return self.emulator.port

    # -- access from other threads --------------------------------------------------------------

    def call(self, function: Callable[[TelegramEmulator], T], timeout: float = 10.0) -> T:
        """Run ``function(emulator)`` on the emulator's loop and return its result."""

        async def invoke() -> T:
            return function(self.emulator)

        return self.run(lambda _: invoke(), timeout)

    def run(self, function: Callable[[TelegramEmulator], Awaitable[T]], timeout: float = 30.0) -> T:
        """Await ``function(emulator)`` on the emulator's loop (e.g. one of its waits)."""
        if self._loop is None:
            raise RuntimeError("the emulator thread is not running")

        async def invoke() -> T:
            return await function(self.emulator)

        return asyncio.run_coroutine_threadsafe(invoke(), self._loop).result(timeout)

    def client(self, *, timeout: float = 10.0) -> SyncEmulatorClient:
        """A blocking control client; close it (or use it as a context manager) when done."""
        return SyncEmulatorClient(self.control_url, timeout=timeout)

    def async_client(self, *, timeout: float = 10.0) -> EmulatorClient:
        return EmulatorClient(self.control_url, timeout=timeout)
