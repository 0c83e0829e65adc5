"""The control clients: one implementation (async), the blocking one wraps it."""

from __future__ import annotations

import asyncio
import inspect

from bot.sandbox.client import EmulatorClient, SyncEmulatorClient
from bot.sandbox.emulator import TelegramEmulator
from bot.sandbox.threaded import ThreadedEmulator
from tests.sandbox.conftest import USER


def test_the_blocking_client_offers_every_action_of_the_async_one() -> None:
    actions = {
        name
        for name, member in inspect.getmembers(EmulatorClient, inspect.iscoroutinefunction)
        if not name.startswith("_") and name != "aclose"
    }
    missing = {name for name in actions if not hasattr(SyncEmulatorClient, name)}
    assert not missing, f"add these to SyncEmulatorClient: {sorted(missing)}"


async def test_the_blocking_client_works_while_an_event_loop_runs() -> None:
    """Its calls run on a loop of its own, so an async test (or a bot's loop) may use it."""
    with ThreadedEmulator() as threaded, threaded.client() as client:
        client.add_user(USER, "Ada")
        receipt = client.send_text(USER, "hello")
        assert receipt.message is not None
        assert receipt.message.text == "hello"
        assert client.messages(USER, sender="user")[0].text == "hello"
        await asyncio.sleep(0)  # this test's own loop is still alive and well
        assert client.stats().user_messages == 1


async def test_a_burst_of_texts_in_one_request(emulator: TelegramEmulator) -> None:
    """What bench.conversation sends: many people's texts at once, in order per person."""
    emulator.add_user(USER, "Ada")
    emulator.add_user(USER + 1, "Bo")
    burst = [(USER, "one"), (USER + 1, "uno"), (USER, "two")]
    async with EmulatorClient(emulator.control_url) as client:
        assert await client.send_texts(burst) == 3
        assert await client.send_texts([]) == 0  # an empty burst is fine too
    assert [m.text for m in emulator.messages(USER, sender="user")] == ["one", "two"]
    assert [m.text for m in emulator.messages(USER + 1, sender="user")] == ["uno"]
    assert emulator.stats().pending_updates == 3
