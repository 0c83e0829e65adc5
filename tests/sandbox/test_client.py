"""The control clients: one implementation (async), the blocking one wraps it."""

from __future__ import annotations

import asyncio
import inspect

from bot.sandbox.client import EmulatorClient, SyncEmulatorClient
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
