"""`coach sandbox`: chat with the real coach in your terminal. No token, no internet.

It starts the local Bot API emulator on 127.0.0.1, runs the bot against it (the same
runtime as `coach run`; only the base URL differs) with its own database file, and lets
you be the user. Buttons are numbered: type the number to press one.

Works with piped input too (`printf '/start\\nBerlin\\n' | coach sandbox`): each line waits
for the coach's answer before the next is sent, and the sandbox exits at end of input.
"""

from __future__ import annotations

import asyncio
import getpass
import logging
import os
import re
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TextIO

from bot.config import sqlite_url_for
from bot.logs import configure_logging
from bot.sandbox.emulator import ChatMessage, EmulatorConfig
from bot.sandbox.harness import CoachHarness, OffsetClock
from bot.texts import load_texts
from bot.webapp import sandbox as webapp_sandbox

SANDBOX_USER_ID = 7_000_001
_DURATION_RE = re.compile(r"^(\d+)\s*([mhd])$")
_UNITS = {"m": "minutes", "h": "hours", "d": "days"}


def sandbox_database_path() -> Path:
    base = Path(os.environ.get("COACH_DATA_DIR", "data"))
    return base / "sandbox" / "coach.sqlite3"


def run_sandbox(*, fresh: bool = False, stdin: TextIO | None = None) -> int:
    database = sandbox_database_path()
    if fresh and database.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
    database.parent.mkdir(parents=True, exist_ok=True)
    # The chat is the interface here: keep library logs out of it unless things break.
    configure_logging(os.environ.get("LOG_LEVEL", "WARNING").upper())
    try:
        return asyncio.run(_chat(sqlite_url_for(database), stdin or sys.stdin))
    except KeyboardInterrupt:
        return 0


async def _chat(database_url: str, stdin: TextIO) -> int:
    texts = load_texts()
    clock = OffsetClock()
    config = EmulatorConfig(history_limit=200)
    dashboard = webapp_sandbox.options()
    harness = CoachHarness(
        database_url, clock=clock, scheduler=True, emulator_config=config, **dashboard
    )
    await harness.start()
    screen = Screen(harness, SANDBOX_USER_ID)
    harness.emulator.add_user(SANDBOX_USER_ID, _first_name())
    print(texts.plain("sandbox.banner"), flush=True)
    link = webapp_sandbox.link(dashboard, SANDBOX_USER_ID, _first_name(), now=clock())
    print(texts.plain("sandbox.dashboard", url=link), flush=True)
    interactive = stdin.isatty()
    try:
        await screen.send("/start")  # the coach remembers you from last time, if any
        await _read_loop(screen, clock, stdin, interactive, texts.plain)
    finally:
        await harness.stop()
    return 0


async def _read_loop(
    screen: Screen,
    clock: OffsetClock,
    stdin: TextIO,
    interactive: bool,
    say: Callable[..., str],
) -> None:
    loop = asyncio.get_running_loop()
    watcher = asyncio.create_task(screen.watch())
    try:
        while True:
            if interactive:
                print("> ", end="", flush=True)
            line = await loop.run_in_executor(None, stdin.readline)
            if not line:
                break
            text = line.rstrip("\n")
            if not text.strip():
                continue
            if text.strip() in (":quit", ":q", ":exit"):
                break
            if text.startswith(":later"):
                _time_travel(clock, text, say)
                await screen.settle()
                continue
            if text.strip() == ":help":
                print(say("sandbox.help"), flush=True)
                continue
            await screen.handle(text.strip())
    finally:
        watcher.cancel()
        await asyncio.gather(watcher, return_exceptions=True)
        screen.flush()


def _time_travel(clock: OffsetClock, command: str, say: Callable[..., str]) -> None:
    match = _DURATION_RE.match(command.removeprefix(":later").strip())
    if match is None:
        print(say("sandbox.later_usage"), flush=True)
        return
    amount, unit = int(match.group(1)), match.group(2)
    clock.advance(timedelta(**{_UNITS[unit]: amount}))
    print(say("sandbox.later_done", amount=amount, unit=_UNITS[unit]), flush=True)


def _first_name() -> str:
    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        return "Friend"
    return name.capitalize() if name and name != "root" else "Friend"


class Screen:
    """Prints what the bot sends to the sandbox chat, with numbered buttons."""

    def __init__(self, harness: CoachHarness, user_id: int) -> None:
        self._harness = harness
        self._user_id = user_id
        self._shown = self._newest_id()
        self._buttons: list[tuple[int, str]] = []  # (message id, callback data)
        self._labels: list[str] = []

    async def handle(self, text: str) -> None:
        """A number presses a button: the one labelled with it (on a 0-10 scale, "3" means
        3), otherwise the button at that position. Anything else is sent as a message."""
        if text.isdigit() and self._buttons:
            chosen = self._button_labelled(text) or self._button_at(int(text))
            if chosen is not None:
                message_id, data = chosen
                self._harness.emulator.press(self._user_id, message_id, data)
                await self.settle()
                return
        await self.send(text)

    def _button_labelled(self, text: str) -> tuple[int, str] | None:
        for (message_id, data), shown in zip(self._buttons, self._labels, strict=True):
            if shown.strip() == text:
                return message_id, data
        return None

    def _button_at(self, number: int) -> tuple[int, str] | None:
        return self._buttons[number - 1] if 1 <= number <= len(self._buttons) else None

    async def send(self, text: str) -> None:
        self._harness.emulator.send_text(self._user_id, text)
        await self.settle()

    async def settle(self) -> None:
        await self._harness.settle()
        self.flush()

    async def watch(self) -> None:
        """Show messages that arrive on their own (nudges, follow-ups)."""
        while True:
            await asyncio.sleep(0.5)
            self.flush()

    def flush(self) -> None:
        for message in self._harness.emulator.messages(self._user_id):
            if message.message_id > self._shown:
                self._show(message)
                self._shown = message.message_id

    def _newest_id(self) -> int:
        messages = self._harness.emulator.messages(self._user_id)
        return messages[-1].message_id if messages else 0

    def _show(self, message: ChatMessage) -> None:
        body = message.text or message.caption or ""
        if message.file is not None:
            body = f"[{message.kind}: {message.file.file_name or 'file'}]\n{body}".rstrip()
        print(f"\ncoach: {body}", flush=True)
        if message.buttons:
            self._buttons = [(message.message_id, data) for data in message.callback_data]
            # Dashboard buttons open a page (see the link above), not a callback.
            self._labels = [str(b.get("text", "")) for b in message.buttons if "callback_data" in b]
            # A button labelled with a number is pressed by typing that number (on a 0-10
            # scale "3" means 3); any other button by its position.
            shown = "  ".join(
                f"[{label}]" if label.isdigit() else f"[{number}] {label}"
                for number, label in enumerate(self._labels, 1)
            )
            print(f"       {shown}", flush=True)


def main() -> None:  # pragma: no cover - convenience for `python -m bot.sandbox.terminal`
    logging.basicConfig(level=logging.WARNING)
    raise SystemExit(run_sandbox())


if __name__ == "__main__":  # pragma: no cover
    main()
