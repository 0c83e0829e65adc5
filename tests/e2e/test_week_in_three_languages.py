"""One week with the coach, three times: in English, Spanish and Russian.

`coach run` as a process, over HTTP against the emulator, with `coach tick --at` standing in
for the clock. The person's Telegram language picks the language; everything they do (buttons,
typing, a one-line log, the nudge and its check-in, the recap, /stats, /export, /delete) is
checked on what the database holds, and the coach's words are checked to be the person's own
language's keys.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bot.db.models import Attempt, Recap, User
from bot.sandbox.client import SyncEmulatorClient
from bot.sandbox.emulator import ChatMessage
from bot.sandbox.threaded import ThreadedEmulator
from bot.services.nudges import CHECKIN_GAP
from bot.services.privacy import ATTEMPT_COLUMNS
from bot.texts import Texts, load_locale
from tests.e2e.support import CoachProcess, coach_env, rows, running, say, tap

pytestmark = pytest.mark.e2e


@dataclass(frozen=True)
class Person:
    """What a person of one language types during the week."""

    language: str
    telegram_language: str
    name: str
    city: str
    zone: str
    quick_log: str
    lesson: str
    check_in_outcome: str


PEOPLE = (
    Person(
        "en", "en-GB", "Alice", "Berlin", "Europe/Berlin",
        "asked for a discount, got a no, 7 -> 3", "They were kind about it.", "they said yes",
    ),
    Person(
        "es", "es-419", "Lucía", "Madrid", "Europe/Madrid",
        "pedí un descuento, me dijeron que no, 7 -> 3", "Fueron amables.", "me dijeron que sí",
    ),
    Person(
        "ru", "ru", "Иван", "Москва", "Europe/Moscow",
        "попросил скидку, отказали, 7 -> 3", "Со мной были вежливы.", "согласились",
    ),
)  # fmt: skip
USER_ID = 8_700_001


def label(texts: Texts, key: str) -> str:
    return texts.plain(key)


def tick(env: dict[str, str], cwd: Path, at: datetime) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "tick", "--at", at.isoformat()],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def attempts(database_url: str) -> list[Any]:
    """The person's asks as rows (column names as attributes), oldest first."""
    return rows(
        database_url, select(Attempt).where(Attempt.user_id == USER_ID).order_by(Attempt.id)
    )


def user(database_url: str) -> Any:
    found = rows(database_url, select(User).where(User.id == USER_ID))
    return found[0] if found else None


def no_english_words(messages: list[ChatMessage], person: Person) -> None:
    """Stock English lines never reach a Spanish or Russian person."""
    if person.language == "en":
        return
    english = ("I'll try it", "How anxious", "What did they say", "Your next idea", "this week")
    for message in messages:
        for phrase in english:
            assert phrase not in (message.text or message.caption or ""), message.text


@pytest.mark.parametrize("person", PEOPLE, ids=[p.language for p in PEOPLE])
def test_a_week_in_the_persons_language(
    emulator: ThreadedEmulator,
    client: SyncEmulatorClient,
    database_url: str,
    tmp_path: Path,
    person: Person,
) -> None:
    texts = load_locale(person.language)
    env = coach_env(emulator, database_url)
    client.add_user(USER_ID, person.name, language_code=person.telegram_language)
    with running(CoachProcess(env, tmp_path), client, polls=1):
        # Onboarding: the city and the time typed, pace and level by buttons.
        say(client, USER_ID, "/start")
        say(client, USER_ID, person.city)
        say(client, USER_ID, "9:00")
        tap(client, USER_ID, label(texts, "buttons.pace.daily"))
        tap(client, USER_ID, label(texts, "buttons.level.1"))
        onboarded = user(database_url)
        assert onboarded is not None
        assert (onboarded.language, onboarded.timezone) == (person.language, person.zone)
        assert onboarded.onboarded_at is not None

        # An idea, logged by buttons and one typed answer.
        card = say(client, USER_ID, "/idea")[-1]
        assert any(spec.text in (card.text or "") for spec in texts.ideas)
        tap(client, USER_ID, label(texts, "buttons.idea.try"))
        say(client, USER_ID, "70")
        tap(client, USER_ID, "7")
        tap(client, USER_ID, label(texts, "buttons.log.i_asked"))
        tap(client, USER_ID, label(texts, "buttons.log.no"))
        tap(client, USER_ID, "3")
        say(client, USER_ID, person.lesson)
        [first] = attempts(database_url)
        assert (first.predicted_no_pct, first.anxiety_before, first.outcome) == (70, 7.0, "no")
        assert (first.anxiety_after, first.lesson) == (3.0, person.lesson)
        assert first.completed_at is not None

        # A one-line log in the person's own words.
        say(client, USER_ID, person.quick_log)
        quick = attempts(database_url)[-1]
        assert (quick.outcome, quick.anxiety_before, quick.anxiety_after) == ("no", 7.0, 3.0)
        assert quick.description is not None and quick.description in person.quick_log

        # The nudge at 9:00 local, taken; its check-in later that day, answered by typing.
        due = user(database_url).next_nudge_at
        assert due is not None
        before = client.message_count(USER_ID)
        tick(env, tmp_path, due + timedelta(seconds=30))
        assert client.message_count(USER_ID) == before + 1
        tap(client, USER_ID, label(texts, "buttons.idea.try"))
        taken = attempts(database_url)[-1]
        assert taken.followup_due_at is not None and taken.completed_at is None
        say(client, USER_ID, "/cancel")  # the question can wait for the check-in
        before = client.message_count(USER_ID)
        # An idea that needs a shop open is checked in on from 09:00, the minute of the nudge:
        # then the check-in waits until CHECKIN_GAP after it (never the two together).
        check_in_at = max(taken.followup_due_at, due + timedelta(seconds=30) + CHECKIN_GAP)
        tick(env, tmp_path, check_in_at + timedelta(seconds=30))
        assert client.message_count(USER_ID) > before
        tap(client, USER_ID, label(texts, "buttons.log.i_asked"))
        say(client, USER_ID, person.check_in_outcome)
        assert attempts(database_url)[-1].outcome == "yes"

        # The weekly recap, once, at the person's recap time.
        recap_due = user(database_url).next_recap_at
        assert recap_due is not None
        tick(env, tmp_path, recap_due + timedelta(seconds=30))
        recaps = rows(database_url, select(Recap.id).where(Recap.user_id == USER_ID))
        assert len(recaps) == 1

        # /stats draws a chart; /export gives the data with the person's column names.
        stats = say(client, USER_ID, "/stats")
        assert any(m.kind == "photo" for m in stats)
        exported = say(client, USER_ID, "/export")
        files = {
            m.file.file_name: client.file_bytes(m.file.file_id) or b""
            for m in exported
            if m.kind == "document" and m.file is not None
        }
        table = list(csv.reader(io.StringIO(files["rejection-coach-asks.csv"].decode("utf-8-sig"))))
        header = [texts.plain(f"export.columns.{column}") for column in ATTEMPT_COLUMNS]
        assert table[0] == header and len(table) == 1 + len(attempts(database_url))
        assert json.loads(files["rejection-coach-data.json"])["profile"]["language"] == (
            person.language
        )
        no_english_words(client.messages(USER_ID), person)

        # /delete erases everything.
        say(client, USER_ID, "/delete")
        tap(client, USER_ID, label(texts, "buttons.delete.yes"))
        assert user(database_url) is None
        assert attempts(database_url) == []
