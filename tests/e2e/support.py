"""Run `coach` as a real process against the emulator, and talk to it as a person would."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import create_async_engine

from bot.sandbox.client import SyncEmulatorClient
from bot.sandbox.emulator import ChatMessage
from bot.sandbox.threaded import ThreadedEmulator

TOKEN = "424242:E2E-not-a-real-token-0123456789abcdef"
_OURS = (
    "TELEGRAM_",
    "DATABASE_URL",
    "WEBHOOK_",
    "WEBAPP_",
    "COACH_",
    "LOG_",
    "ADMIN_IDS",
    "METRICS_",
)


def coach_env(emulator: ThreadedEmulator, database_url: str, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(_OURS)}
    env.update(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL=emulator.base_url,
        DATABASE_URL=database_url,
        COACH_SCHEDULER="off",
        LOG_LEVEL="INFO",
        # Scripted people answer faster than anyone types, and these tests wait for
        # "quiet" to mean "done"; each chat's pace has its own tests (test_pacing.py).
        COACH_PRIVATE_CHAT_SECONDS="0",
        COACH_GROUP_CHAT_SECONDS="0",
    )
    env.update(extra)
    return env


class CoachProcess:
    """`python -m bot <args>` as a subprocess, logs captured to a file."""

    def __init__(self, env: dict[str, str], workdir: Path, *args: str) -> None:
        self.env = env
        self.workdir = workdir
        self.args = args or ("run",)
        self.log_path = workdir / "coach.log"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", *self.args],
            env=self.env,
            cwd=self.workdir,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 20) -> int:
        if self.process is None:
            return 0
        self.process.send_signal(sig)
        code = self.process.wait(timeout)
        self.process = None
        return code

    def kill(self) -> None:
        """kill -9: no cleanup at all, as in a crash."""
        self.stop(signal.SIGKILL)

    def logs(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


@contextmanager
def running(process: CoachProcess, client: SyncEmulatorClient, polls: int) -> Iterator[None]:
    """Start the process and wait until it polls; always stop it afterwards."""
    process.start()
    try:
        client.wait_for_polling(polls, timeout=30)
        yield
    finally:
        if process.process is not None:
            process.stop()


def say(client: SyncEmulatorClient, user_id: int, text: str) -> list[ChatMessage]:
    """Send text; return every bot message that followed, once the bot has gone quiet."""
    receipt = client.send_text(user_id, text)
    assert receipt.message is not None
    client.wait_for_messages(user_id, after_message_id=receipt.message.message_id, timeout=15)
    client.wait_until_idle(quiet=0.3, timeout=15)
    return [m for m in client.messages(user_id) if m.message_id > receipt.message.message_id]


def tap(client: SyncEmulatorClient, user_id: int, label: str) -> list[ChatMessage]:
    messages = client.messages(user_id)
    for message in reversed(messages):
        for button in message.buttons:
            if label in str(button.get("text", "")):
                before = messages[-1].message_id
                receipt = client.press(user_id, message.message_id, str(button["callback_data"]))
                assert receipt.callback_query_id is not None
                # Every press is answered (that stops the spinner), after the turn commits.
                client.wait_for_answer(receipt.callback_query_id, timeout=15)
                client.wait_until_idle(quiet=0.3, timeout=15)
                return [m for m in client.messages(user_id) if m.message_id > before]
    raise AssertionError(f"no button {label!r} in chat {user_id}")


def rows(database_url: str, statement: Any) -> list[Any]:
    """Run a read query against the bot's database from a synchronous test."""

    async def read() -> list[Any]:
        engine = create_async_engine(database_url)
        try:
            async with engine.connect() as connection:
                return list((await connection.execute(statement)).all())
        finally:
            await engine.dispose()

    return asyncio.run(read())
