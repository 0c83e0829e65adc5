from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.sandbox.client import SyncEmulatorClient
from bot.sandbox.threaded import ThreadedEmulator


@pytest.fixture
def emulator() -> Iterator[ThreadedEmulator]:
    with ThreadedEmulator() as running:
        yield running


@pytest.fixture
def client(emulator: ThreadedEmulator) -> Iterator[SyncEmulatorClient]:
    with emulator.client(timeout=30) as control:
        yield control
