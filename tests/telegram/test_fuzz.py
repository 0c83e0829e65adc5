"""Property-based fuzzing of the whole bot, in every conversation state.

Hypothesis plays two people (and a group, and a channel) against the real runtime over the
emulator: random unicode, huge and empty-looking texts, commands, button presses (real,
stale and forged), stickers, photos, voice notes, edits, group chats and channel posts.
After every step: nothing crashed, every private message or press got an answer, and the
database invariants hold. Run with -s to see how many examples and steps ran.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from bot.config import sqlite_url_for
from bot.db.models import Attempt, Challenge, Conversation, InboxUpdate, OutboxMessage, User
from bot.sandbox.harness import CoachHarness

PEOPLE = (11_001, 11_002)
GROUP, CHANNEL = -100_555, -100_777
COMMANDS = (
    "/start",
    "/idea",
    "/idea easier",
    "/idea bolder",
    "/idea food",
    "/log",
    "/log asked a friend",
    "/history",
    "/undo",
    "/recap",
    "/recap last",
    "/settings",
    "/pause",
    "/pause 3",
    "/resume",
    "/add ask my neighbour for a cup of sugar",
    "/add",
    "/export",
    "/delete",
    "/help",
    "/about",
    "/cancel",
    "/nonsense",
    "/start@RejectionCoachBot",
)
WORDS = (
    "yes",
    "no",
    "skip",
    "cancel",
    "undo",
    "7",
    "like a 7?",
    "70%",
    "seven",
    "about 6 or 7",
    "Berlin",
    "UTC+2",
    "9am",
    "every day",
    "3",
    "they said no",
    "got ghosted",
    "not this time",
    "asked for a discount, got a no, 7 -> 3",
    "I'm so drained",
    "👍",
    "🙅",
    "❌",
    "Mon Wed Fri",
)


@dataclass
class Tally:
    examples: int = 0
    steps: int = 0
    kinds: dict[str, int] = field(default_factory=dict)


TALLY = Tally()

texts = st.one_of(
    st.sampled_from(COMMANDS),
    st.sampled_from(WORDS),
    st.text(min_size=1, max_size=60).filter(lambda value: value.strip() != ""),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=4000, max_size=5000),
    st.just("\u200b\u200d🫠" * 3),
)
actions = st.one_of(
    st.tuples(st.just("text"), st.sampled_from(PEOPLE), texts),
    st.tuples(st.just("tap"), st.sampled_from(PEOPLE), st.integers(0, 20)),
    st.tuples(
        st.just("forge"),
        st.sampled_from(PEOPLE),
        st.text(max_size=70)
        | st.sampled_from(
            ("i:try:1", "q:1:predict:70", "h:1", "d:yes", "u:1", "f:1:y", "zz", "q:x:y:z")
        ),
    ),
    st.tuples(
        st.just("media"), st.sampled_from(PEOPLE), st.sampled_from(("sticker", "photo", "voice"))
    ),
    st.tuples(st.just("edit"), st.sampled_from(PEOPLE), texts),
    st.tuples(
        st.just("group"), st.sampled_from(PEOPLE), st.sampled_from(("/start", "hello", "/idea"))
    ),
    st.tuples(st.just("channel"), st.just(0), st.sampled_from(("news", "/start"))),
)


class Failures(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


async def run_example(database_url: str, steps: list[tuple[str, int, object]]) -> None:
    failures = Failures()
    logging.getLogger("bot").addHandler(failures)
    try:
        async with CoachHarness(database_url, migrate_first=False) as coach:
            for person in PEOPLE:
                coach.emulator.add_user(person, "Fuzz")
            coach.emulator.add_to_group(GROUP, PEOPLE[0])
            await coach.settle()  # a first step that does nothing must not race the join
            for kind, person, value in steps:
                TALLY.steps += 1
                TALLY.kinds[kind] = TALLY.kinds.get(kind, 0) + 1
                await act(coach, kind, person, value)
                assert not failures.records, [r.getMessage() for r in failures.records]
                await check_invariants(coach)
    finally:
        logging.getLogger("bot").removeHandler(failures)


async def act(coach: CoachHarness, kind: str, person: int, value: object) -> None:
    emulator = coach.emulator
    before = len(emulator.messages(person, sender="all")) if person else 0
    answered_before = len(emulator.callback_answers())
    expects_answer = True
    if kind == "text":
        emulator.send_text(person, str(value))
    elif kind == "tap":
        with_buttons = [m for m in emulator.messages(person) if m.callback_data]
        if not with_buttons:
            return
        message = with_buttons[-1 - int(str(value)) % len(with_buttons)]
        data = message.callback_data[int(str(value)) % len(message.callback_data)]
        emulator.press(person, message.message_id, data, forge=True)
    elif kind == "forge":
        last = emulator.last_message(person)
        emulator.press(person, last.message_id if last else 1, str(value)[:64] or "x", forge=True)
    elif kind == "media":
        if value == "sticker":
            emulator.send_sticker(person)
        elif value == "photo":
            emulator.send_photo(person)
        else:
            emulator.send_voice(person)
    elif kind == "edit":
        mine = emulator.messages(person, sender="user")
        texts_sent = [m for m in mine if m.kind == "text"]
        if not texts_sent:
            return
        emulator.edit_text(person, texts_sent[-1].message_id, str(value))
        expects_answer = False  # an edit outside a question is quietly accepted
    elif kind == "group":
        emulator.send_text(person, str(value), chat_id=GROUP, chat_type="group")
        expects_answer = False
    else:
        emulator.channel_post(CHANNEL, str(value))
        expects_answer = False
    await coach.settle()
    if expects_answer:
        got_message = len(emulator.messages(person, sender="all")) > before + (
            0 if kind in ("tap", "forge") else 1
        )
        got_toast = len(emulator.callback_answers()) > answered_before
        assert got_message or got_toast, f"no answer to {kind} {str(value)[:40]!r}"


async def check_invariants(coach: CoachHarness) -> None:
    async with coach.runtime.deps.db.sessions() as session:
        assert (
            await session.scalar(
                select(func.count())
                .select_from(InboxUpdate)
                .where(InboxUpdate.processed_at.is_(None))
            )
            == 0
        )
        assert await session.scalar(select(func.count()).select_from(OutboxMessage)) == 0
        assert set(await session.scalars(select(User.id))) <= set(PEOPLE)
        for conversation in await session.scalars(select(Conversation)):
            if conversation.flow in ("log", "fix"):
                attempt = await session.get(Attempt, conversation.attempt_id)
                assert attempt is not None and attempt.user_id == conversation.user_id
        for attempt in await session.scalars(select(Attempt)):
            if attempt.challenge_id is not None:
                challenge = await session.get(Challenge, attempt.challenge_id)
                assert challenge is not None
                assert challenge.owner_id in (None, attempt.user_id)  # nobody else's idea
            if attempt.lesson is not None:
                assert len(attempt.lesson) <= 1000


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    onboard_first=st.booleans(),
    steps=st.lists(actions, min_size=3, max_size=14),
)
def test_the_bot_survives_anything(
    migrated_template: Path, onboard_first: bool, steps: list[tuple[str, int, object]]
) -> None:
    TALLY.examples += 1
    folder = Path(tempfile.mkdtemp())
    shutil.copyfile(migrated_template, folder / "coach.sqlite3")
    prefix: list[tuple[str, int, object]] = []
    if onboard_first:
        prefix = [
            ("text", PEOPLE[0], word) for word in ("/start", "Lisbon", "8am", "every day", "2")
        ]
    try:
        asyncio.run(run_example(sqlite_url_for(folder / "coach.sqlite3"), prefix + steps))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_report_fuzzing_totals() -> None:
    """Runs after the fuzzing test (same module, in order) and prints the totals."""
    print(f"\nfuzzing: {TALLY.examples} examples, {TALLY.steps} steps, by kind {TALLY.kinds}")
    assert TALLY.examples == 0 or TALLY.steps >= TALLY.examples
