"""Fixtures: an emulator on a random 127.0.0.1 port and real PTB bots pointed at it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import Bot
from telegram.request import HTTPXRequest

from bot.sandbox.emulator import TelegramEmulator

TOKEN = "123456:TEST"
BOT_ID = 123456
USER = 1001


def make_bot(emulator: TelegramEmulator, *, read_timeout: float = 5.0) -> Bot:
    """An unmodified PTB Bot talking to the emulator over HTTP."""
    return Bot(
        TOKEN,
        base_url=emulator.base_url,
        base_file_url=emulator.base_file_url,
        request=HTTPXRequest(read_timeout=read_timeout),
    )


@pytest.fixture
async def emulator() -> AsyncIterator[TelegramEmulator]:
    emu = await TelegramEmulator().start()
    try:
        yield emu
    finally:
        await emu.stop()


@pytest.fixture
async def bot(emulator: TelegramEmulator) -> AsyncIterator[Bot]:
    emulator.add_user(USER, "Ada", username="ada", language_code="en")
    async with make_bot(emulator) as ptb_bot:
        yield ptb_bot
