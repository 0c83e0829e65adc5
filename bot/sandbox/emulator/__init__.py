"""A local emulator of the Telegram Bot API, for tests, benchmarks and the sandbox.

An unmodified python-telegram-bot (PTB) application talks to it over real HTTP::

    emu = TelegramEmulator()
    await emu.start()
    app = (
        Application.builder()
        .token("123456:TEST")
        .base_url(emu.base_url)  # "http://127.0.0.1:<port>/bot"
        .base_file_url(emu.base_file_url)
        .build()
    )

Tests act as Telegram users through the Python methods of :class:`TelegramEmulator`
(``send_text``, ``press``, ``block``, ...) or through the JSON control API under
``/control/<action>`` (wrapped by :mod:`bot.sandbox.client`). The emulator only stores and
echoes what the bot sends; it has no product logic of its own.

It deliberately reproduces the errors on which real bots trip (empty or too long texts,
"message is not modified", oversized callback data, blocked users, two pollers, webhook
conflicts, flood control) with Telegram's own descriptions, so PTB raises the same
exception classes it would raise in production.

The package, by job (each module imports only the ones above it):

    records.py       records handed to tests (JSON round-trippable) and the configuration
    errors.py        Telegram's limits and error answers
    formatting.py    parse modes, UTF-16 lengths, bot_command entities
    media.py         test PNGs and how a file shows in a message
    wire.py          request parameters in, JSON responses out
    world.py         users, chats, messages, files, presses, the update queue
    faults.py        injected faults, latency, flood control, the call log
    webhook.py       setWebhook and the delivery of updates to a webhook
    bot_api.py       the Bot API methods
    server.py        the HTTP server: each call through faults and flood control to its method
    control.py       TelegramEmulator: the server plus the control API tests drive
    control_http.py  the same control API over HTTP
    __main__.py      ``python -m bot.sandbox.emulator --port 8081``
"""

from bot.sandbox.emulator.control import TelegramEmulator
from bot.sandbox.emulator.errors import ApiError, ControlError, WaitTimeout
from bot.sandbox.emulator.faults import Fault
from bot.sandbox.emulator.formatting import bot_command_entities, render_text, utf16_len
from bot.sandbox.emulator.media import make_png
from bot.sandbox.emulator.records import (
    BOT_FIRST_NAME,
    BOT_USERNAME,
    DEFAULT_BOT_ID,
    CallbackRecord,
    CallRecord,
    ChatMessage,
    ChatType,
    EmulatorConfig,
    FileInfo,
    FloodControl,
    JSONDict,
    Sender,
    Stats,
    UpdateReceipt,
    UserInfo,
)
from bot.sandbox.emulator.world import ALL_UPDATE_TYPES, DEFAULT_ALLOWED_UPDATES

__all__ = [
    "ALL_UPDATE_TYPES",
    "BOT_FIRST_NAME",
    "BOT_USERNAME",
    "DEFAULT_ALLOWED_UPDATES",
    "DEFAULT_BOT_ID",
    "ApiError",
    "CallRecord",
    "CallbackRecord",
    "ChatMessage",
    "ChatType",
    "ControlError",
    "EmulatorConfig",
    "Fault",
    "FileInfo",
    "FloodControl",
    "JSONDict",
    "Sender",
    "Stats",
    "TelegramEmulator",
    "UpdateReceipt",
    "UserInfo",
    "WaitTimeout",
    "bot_command_entities",
    "make_png",
    "render_text",
    "utf16_len",
]
