"""Run the emulator standalone: ``python -m bot.sandbox.emulator --port 8081``.

The first line on stdout is the Bot API base URL, so scripts can read it.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal

from bot.sandbox.emulator.control import TelegramEmulator
from bot.sandbox.emulator.records import EmulatorConfig, FloodControl


def _parse_args(argv: list[str] | None) -> EmulatorConfig:
    parser = argparse.ArgumentParser(
        prog="python -m bot.sandbox.emulator", description="Local Telegram Bot API emulator"
    )
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: any free)")
    parser.add_argument(
        "--history-limit", type=int, default=None, help="messages kept per chat (0: counts only)"
    )
    parser.add_argument("--call-log-limit", type=int, default=20_000)
    parser.add_argument("--flood-per-second", type=int, default=None)
    parser.add_argument("--flood-per-chat-per-second", type=int, default=None)
    parser.add_argument("--log-level", default="WARNING")
    args = parser.parse_args(argv)
    logging.basicConfig(level=args.log_level.upper())
    return EmulatorConfig(
        port=args.port,
        history_limit=args.history_limit,
        call_log_limit=args.call_log_limit,
        flood=FloodControl(args.flood_per_second, args.flood_per_chat_per_second),
    )


async def _serve(config: EmulatorConfig) -> None:
    emulator = await TelegramEmulator(config).start()
    # The first stdout line is the base URL, so scripts can read it.
    print(emulator.base_url, flush=True)
    print(f"control API: {emulator.control_url}", flush=True)
    stopped = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stopped.set)
    try:
        await stopped.wait()
    finally:
        await emulator.stop()


def main(argv: list[str] | None = None) -> None:
    asyncio.run(_serve(_parse_args(argv)))


if __name__ == "__main__":
    main()
