"""`coach sandbox`: chat with the real coach in your terminal. No token, no internet.

It starts the local Bot API emulator on 127.0.0.1, runs the bot against it (the same
runtime as `coach run`; only the base URL differs) with its own database file, and lets
you be the user. Buttons are numbered: type the number to press one. Pictures and files the
coach sends are saved under the sandbox folder and their path is printed. `:as 2` lets you
be a second person (and `:as 1` the first again), so features between two people can be
tried without Telegram. The chats are kept between runs, as a Telegram client keeps them.

Works with piped input too (`printf '/start\\nBerlin\\n' | coach sandbox`): each line waits
for the coach's answer before the next is sent, and the sandbox exits at end of input.
"""

from __future__ import annotations

import asyncio
import getpass
import logging
import mimetypes
import os
import re
import shutil
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import TextIO

from bot.config import sqlite_url_for
from bot.logs import configure_logging
from bot.sandbox import transcript
from bot.sandbox.emulator import ChatMessage, EmulatorConfig
from bot.sandbox.harness import CoachHarness, OffsetClock
from bot.sandbox.places import coordinates_of
from bot.texts import Texts, load_texts
from bot.webapp import sandbox as webapp_sandbox

SANDBOX_USER_ID = 7_000_001  # person n is SANDBOX_USER_ID + n - 1
MAX_PEOPLE = 9
_DURATION_RE = re.compile(r"^(\d+)\s*([mhd])$")
_UNITS = {"m": "minutes", "h": "hours", "d": "days"}
# A button labelled with a number ("7", "30%") is pressed by typing that number.
_NUMBER_RE = re.compile(r"^\d+%?$")

Say = Callable[..., str]


def sandbox_folder() -> Path:
    return Path(os.environ.get("COACH_DATA_DIR", "data")) / "sandbox"


def sandbox_database_path() -> Path:
    return sandbox_folder() / "coach.sqlite3"


def run_sandbox(*, fresh: bool = False, stdin: TextIO | None = None) -> int:
    database = sandbox_database_path()
    if fresh:
        _forget(sandbox_folder())
    database.parent.mkdir(parents=True, exist_ok=True)
    # The chat is the interface here: keep library logs out of it unless things break.
    configure_logging(os.environ.get("LOG_LEVEL", "WARNING").upper())
    try:
        return asyncio.run(_chat(sqlite_url_for(database), stdin or sys.stdin))
    except KeyboardInterrupt:
        return 0


def _forget(folder: Path) -> None:
    """`--fresh`: the database, the kept chats and the saved files go."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{folder / 'coach.sqlite3'}{suffix}").unlink(missing_ok=True)
    (folder / "chats.json").unlink(missing_ok=True)
    shutil.rmtree(folder / "files", ignore_errors=True)


async def _chat(database_url: str, stdin: TextIO) -> int:
    texts = load_texts()
    clock = OffsetClock()
    config = EmulatorConfig(history_limit=200)
    dashboard = webapp_sandbox.options()
    harness = CoachHarness(
        database_url, clock=clock, scheduler=True, emulator_config=config, **dashboard
    )
    await harness.start()
    screen = Screen(harness, texts, sandbox_folder())
    print(texts.plain("sandbox.banner"), flush=True)
    link = webapp_sandbox.link(dashboard, SANDBOX_USER_ID, _first_name(), now=clock())
    print(texts.plain("sandbox.dashboard", url=link), flush=True)
    interactive = stdin.isatty()
    try:
        await screen.begin(_first_name())
        await _read_loop(screen, clock, stdin, interactive, texts.plain)
    finally:
        screen.save()
        await harness.stop()
    return 0


async def _read_loop(
    screen: Screen,
    clock: OffsetClock,
    stdin: TextIO,
    interactive: bool,
    say: Say,
) -> None:
    loop = asyncio.get_running_loop()
    watcher = asyncio.create_task(screen.watch())
    commands = _commands(screen, clock, say)
    try:
        while True:
            if interactive:
                print(screen.prompt, end="", flush=True)
            line = await loop.run_in_executor(None, stdin.readline)
            if not line:
                break
            text = line.strip()
            if not text:
                continue
            if text in (":quit", ":q", ":exit"):
                break
            word, _, argument = text.partition(" ")
            command = commands.get(word)
            if command is not None:
                await command(argument.strip())
            else:
                await screen.handle(text)
            screen.save()
    finally:
        watcher.cancel()
        await asyncio.gather(watcher, return_exceptions=True)
        screen.flush()


def _commands(
    screen: Screen, clock: OffsetClock, say: Say
) -> dict[str, Callable[[str], Awaitable[None]]]:
    """The sandbox's own commands; any other line (":)" too) goes to the coach as typed."""

    async def show_help(_argument: str) -> None:
        print(say("sandbox.help"), flush=True)

    async def later(argument: str) -> None:
        await _time_travel(screen, clock, argument, say)

    return {
        ":help": show_help,
        ":later": later,
        ":as": screen.switch_to,
        ":sticker": screen.send_sticker,
        ":photo": screen.send_photo,
        ":location": screen.send_location,
    }


async def _time_travel(screen: Screen, clock: OffsetClock, argument: str, say: Say) -> None:
    """`:later` runs a scheduling pass now; `:later 3h` moves the clock first."""
    if argument:
        match = _DURATION_RE.match(argument)
        if match is None:
            print(say("sandbox.later_usage"), flush=True)
            return
        amount, unit = int(match.group(1)), _UNITS[match.group(2)]
        clock.advance(timedelta(**{unit: amount}))
        span = say(f"sandbox.span.{unit}", count=amount)
        print(say("sandbox.later_done", span=span), flush=True)
    else:
        print(say("sandbox.later_now"), flush=True)
    await screen.tick()


def _first_name() -> str:
    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        return "Friend"
    return name.capitalize() if name and name != "root" else "Friend"


@dataclass
class Person:
    number: int
    user_id: int
    name: str
    shown: int = 0  # the newest message id already printed
    # What typing a number presses on the newest keyboard: (message id, callback data).
    presses: dict[str, tuple[int, str]] = field(default_factory=dict)


class Screen:
    """Prints what the bot sends to each sandbox person's chat, with numbered buttons."""

    def __init__(self, harness: CoachHarness, texts: Texts, folder: Path) -> None:
        self._harness = harness
        self._texts = texts
        self._say = texts.plain
        self._folder = folder
        self.people: dict[int, Person] = {}
        self.active = Person(1, SANDBOX_USER_ID, "Friend")

    @property
    def prompt(self) -> str:
        return f"{self.active.name}> " if len(self.people) > 1 else "> "

    async def begin(self, first_name: str) -> None:
        """Put the chats of the last run back, showing each person where they left off;
        only a newcomer's chat starts with /start (again would drop an open question)."""
        saved = transcript.load(self._folder / "chats.json")
        if saved is None:
            self.active = self._add_person(1, first_name)
            await self.send("/start")
            return
        for kept in saved.people:
            person = self._add_person(kept.number, kept.name)
            self._harness.emulator.restore_chat(person.user_id, list(kept.messages))
            bot_messages = [m for m in kept.messages if m.from_bot]
            person.shown = bot_messages[-1].message_id - 1 if bot_messages else 0
        self.active = self.people.get(saved.active, self.people[min(self.people)])
        print(self._say("sandbox.welcome_back"), flush=True)
        self.flush()

    def save(self) -> None:
        emulator = self._harness.emulator
        people = tuple(
            transcript.SavedPerson(
                person.number,
                person.user_id,
                person.name,
                tuple(emulator.messages(person.user_id, sender="all")),
            )
            for person in self.people.values()
        )
        if people:
            chats = transcript.SavedChats(people, self.active.number)
            transcript.save(self._folder / "chats.json", chats)

    # -- being someone ---------------------------------------------------------------------

    def _add_person(self, number: int, name: str) -> Person:
        person = Person(number, SANDBOX_USER_ID + number - 1, name)
        self.people[number] = person
        self._harness.emulator.add_user(person.user_id, name)
        return person

    async def switch_to(self, argument: str) -> None:
        """`:as 2` (or `:as 2 Robin`): be that person; a new one starts with /start."""
        number_text, _, name = argument.partition(" ")
        if not number_text.isdigit() or not 1 <= int(number_text) <= MAX_PEOPLE:
            print(self._say("sandbox.as_usage", most=MAX_PEOPLE), flush=True)
            return
        number = int(number_text)
        person = self.people.get(number)
        newcomer = person is None
        if person is None:
            person = self._add_person(number, name.strip() or self._friend_name(number))
        self.active = person
        if number == 1:
            print(self._say("sandbox.now_as_first", name=person.name), flush=True)
        else:
            first = self.people.get(1, person).name
            say = self._say("sandbox.now_as", name=person.name, number=number, first=first)
            print(say, flush=True)
        if newcomer:
            await self.send("/start")

    def _friend_name(self, number: int) -> str:
        names = self._texts.variants("sandbox.friend_names")
        return names[(number - 2) % len(names)]

    # -- what the person does --------------------------------------------------------------

    async def handle(self, text: str) -> None:
        """A number presses the button it was shown with (the one labelled "3" on a 0-10
        scale, or the one listed as [3]); any other number and any other line is sent as
        a message, so "11" on a 0-10 scale reaches the coach as "11"."""
        chosen = self.active.presses.get(text) if _NUMBER_RE.match(text) else None
        if chosen is None:
            await self.send(text)
            return
        message_id, data = chosen
        self._harness.emulator.press(self.active.user_id, message_id, data)
        await self.settle()

    async def send(self, text: str) -> None:
        self._harness.emulator.send_text(self.active.user_id, text)
        await self.settle()

    async def send_sticker(self, argument: str) -> None:
        self._harness.emulator.send_sticker(self.active.user_id, emoji=argument or "👍")
        await self.settle()

    async def send_photo(self, argument: str) -> None:
        self._harness.emulator.send_photo(self.active.user_id, caption=argument or None)
        await self.settle()

    async def send_location(self, argument: str) -> None:
        point = coordinates_of(argument) if argument else None
        if point is None:
            print(self._say("sandbox.location_usage"), flush=True)
            return
        self._harness.emulator.send_location(self.active.user_id, *point)
        await self.settle()

    async def tick(self) -> None:
        await self._harness.tick()
        self.flush()

    async def settle(self) -> None:
        await self._harness.settle()
        self.flush()

    # -- what the person sees --------------------------------------------------------------

    async def watch(self) -> None:
        """Show messages that arrive on their own (nudges, follow-ups)."""
        while True:
            await asyncio.sleep(0.5)
            self.flush()

    def flush(self) -> None:
        for person in self.people.values():
            for message in self._harness.emulator.messages(person.user_id):
                if message.message_id > person.shown:
                    self._show(person, message)
                    person.shown = message.message_id

    def _show(self, person: Person, message: ChatMessage) -> None:
        body = message.text or message.caption or ""
        if message.file is not None:
            body = f"{self._file_line(person, message)}\n{body}".rstrip()
        if len(self.people) > 1:
            speaker = self._say("sandbox.coach_to", name=person.name)
        else:
            speaker = self._say("sandbox.coach")
        print(f"\n{speaker} {body}", flush=True)
        if message.buttons:
            person.presses, shown = _button_keys(message)
            print(f"       {shown}", flush=True)

    def _file_line(self, person: Person, message: ChatMessage) -> str:
        """Save a picture or file the coach sent, so it can be opened; say where it is."""
        info = message.file
        assert info is not None
        data = self._harness.emulator.file_bytes(info.file_id)
        if not data:
            return self._say("sandbox.file_not_saved", kind=info.kind)
        suffix = mimetypes.guess_extension(info.mime_type or "") or ".bin"
        original = Path(info.file_name or f"{info.kind}{suffix}").name
        folder = self._folder / "files"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{person.number}-{message.message_id}-{original}"
        path.write_bytes(data)
        return self._say("sandbox.file_saved", kind=info.kind, path=str(path))


def _button_keys(message: ChatMessage) -> tuple[dict[str, tuple[int, str]], str]:
    """What each typed number presses on this keyboard, and the line that shows it.

    A button labelled with a number is pressed by that number ("7"; "30" or "30%" for
    "30%"). Other buttons are numbered by position, unless the keyboard has numbered labels:
    then a position could be read as an answer ("11" on a 0-10 scale would press the 11th
    button), so they are shown by name only and the person types their words instead.
    """
    presses: dict[str, tuple[int, str]] = {}
    # Dashboard buttons open a page (the sandbox prints its link), not a callback.
    pressable = [button for button in message.buttons if "callback_data" in button]
    labels = [str(button.get("text", "")).strip() for button in pressable]
    datas = [button.get("callback_data") for button in pressable]
    numeric = any(_NUMBER_RE.match(label) for label in labels)
    shown: list[str] = []
    for position, (label, data) in enumerate(zip(labels, datas, strict=True), 1):
        target = (message.message_id, str(data)) if data is not None else None
        if _NUMBER_RE.match(label):
            keys = {label, label.removesuffix("%")}
            shown.append(f"[{label}]")
        elif numeric:
            keys = set()
            shown.append(f"[{label}]")
        else:
            keys = {str(position)}
            shown.append(f"[{position}] {label}")
        if target is not None:
            presses.update(dict.fromkeys(keys, target))
    return presses, "  ".join(shown)


def main() -> None:  # pragma: no cover - convenience for `python -m bot.sandbox.terminal`
    logging.basicConfig(level=logging.WARNING)
    raise SystemExit(run_sandbox())


if __name__ == "__main__":  # pragma: no cover
    main()
