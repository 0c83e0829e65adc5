"""The bot token appears in no log line, at any level, even when the network misbehaves; and
no content (what people wrote, their names, ideas or lessons) appears in any log line at
DEBUG, even when the database fails in the middle of a turn."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from bot.sandbox.client import SyncEmulatorClient
from bot.sandbox.threaded import ThreadedEmulator
from bot.texts import load_texts
from tests.e2e.support import TOKEN, CoachProcess, coach_env, running, say, tap

pytestmark = pytest.mark.e2e
ZED = 9300
YARA = 9301


def test_token_never_logged_even_at_debug_with_network_errors(
    emulator: ThreadedEmulator, client: SyncEmulatorClient, sqlite_url: str, tmp_path: Path
) -> None:
    # PTB's own DEBUG lines (the API URL, with the token) only appear when asked for.
    env = coach_env(
        emulator,
        sqlite_url,
        LOG_LEVEL="DEBUG",
        COACH_SEND_TIMEOUT="1",
        COACH_DEBUG_TELEGRAM="1",
    )
    process = CoachProcess(env, tmp_path)
    client.add_user(ZED, "Zed")
    client.inject_fault("getUpdates", status=502, times=2)
    client.inject_fault("sendMessage", status=500, times=2)
    client.inject_fault("sendMessage", delay=2.0, deliver=False, times=1)  # a timeout
    with running(process, client, polls=1):
        client.send_text(ZED, "/help")
        # Three failed sends first: the retries back off for a few seconds in all.
        assert client.wait_for_messages(ZED, 1, timeout=40)
    logs = process.logs()
    assert "DEBUG" in logs  # the test means something only if debug logging was on
    assert "500" in logs or "Internal Server Error" in logs or "NetworkError" in logs
    secret_part = TOKEN.split(":", 1)[1]
    offending = [line for line in logs.splitlines() if secret_part in line]
    assert offending == []
    assert "[REDACTED]" in logs  # the URLs were there, and were redacted


# Each appears in what Yara types or is called, and must appear in no log line.
NAME = "Zephyrine"
CITY_TEXT = "Lisbon please"
IDEA = "ask the baker at Quokkaville if they'd save me a day-old loaf"
LESSON = "the marmalade lesson: nobody minded at all"
FAILED_LESSON = "kumquat thoughts about asking"
CONTENT = (NAME, "Quokkaville", "marmalade", "kumquat", CITY_TEXT)


def _fail_when_a_lesson_is_saved(database_url: str) -> None:
    """From now on, saving a lesson fails inside the database, as a broken disk would."""
    with sqlite3.connect(make_url(database_url).database or "") as connection:
        connection.execute(
            "CREATE TRIGGER refuse_lessons BEFORE UPDATE OF lesson ON attempts "
            "WHEN NEW.lesson IS NOT NULL BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"
        )


def test_no_content_in_logs_at_debug_even_when_the_database_fails_mid_turn(
    emulator: ThreadedEmulator, client: SyncEmulatorClient, sqlite_url: str, tmp_path: Path
) -> None:
    texts = load_texts()
    env = coach_env(emulator, sqlite_url, LOG_LEVEL="DEBUG")
    process = CoachProcess(env, tmp_path)
    client.add_user(YARA, NAME)
    with running(process, client, polls=1):
        say(client, YARA, "/start")
        say(client, YARA, CITY_TEXT)
        say(client, YARA, "9:00")
        tap(client, YARA, texts.plain("buttons.pace.daily"))
        tap(client, YARA, texts.plain("buttons.level.1"))
        say(client, YARA, "/add " + IDEA)
        say(client, YARA, "2")
        tap(client, YARA, texts.plain("buttons.add.try_now"))
        say(client, YARA, "70")
        tap(client, YARA, "7")
        tap(client, YARA, texts.plain("buttons.log.i_asked"))
        tap(client, YARA, texts.plain("buttons.log.no"))
        tap(client, YARA, "3")
        say(client, YARA, LESSON)
        # A second ask, whose lesson the database refuses mid-turn.
        say(client, YARA, "/idea")
        tap(client, YARA, texts.plain("buttons.idea.try"))
        say(client, YARA, "70")
        tap(client, YARA, "7")
        tap(client, YARA, texts.plain("buttons.log.i_asked"))
        tap(client, YARA, texts.plain("buttons.log.no"))
        tap(client, YARA, "3")
        _fail_when_a_lesson_is_saved(sqlite_url)
        replies = say(client, YARA, FAILED_LESSON)
    apologies = {line.split(".")[0] for line in texts.variants("errors.apology")}
    assert any(any(apology in (reply.text or "") for apology in apologies) for reply in replies), [
        reply.text for reply in replies
    ]
    logs = process.logs()
    assert "DEBUG" in logs  # debug logging was on
    assert "disk on fire" in logs  # the failure was logged...
    assert "hidden due to hide_parameters" in logs  # ...without the statement's values
    offending = [line for line in logs.splitlines() if any(word in line for word in CONTENT)]
    assert offending == []
