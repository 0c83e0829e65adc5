"""`coach sandbox` as a person meets it: the real coach in the terminal, lines on stdin,
the coach's words (from prompts.yaml) on stdout, a clean exit at :quit or end of input."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.texts import load_texts
from tests.e2e.support import _OURS

pytestmark = pytest.mark.e2e
NAME = "sam"  # the sandbox greets you by your login name


def sandbox(stdin: str, data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(_OURS)}
    env.update(COACH_DATA_DIR=str(data_dir), LOGNAME=NAME, USER=NAME)
    return subprocess.run(
        [sys.executable, "-m", "bot", "sandbox", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=data_dir.parent,
        timeout=60,
        check=False,
    )


def test_a_newcomer_is_greeted_and_answered_then_it_exits_at_end_of_input(
    tmp_path: Path,
) -> None:
    texts = load_texts()
    result = sandbox("Berlin\n", tmp_path / "data", "--fresh")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    out = result.stdout

    assert texts.plain("sandbox.banner") in out
    welcome = texts.plain("start.welcome", name=NAME.capitalize())
    assert out.count(welcome) == 1  # greeted once, by name, with the words in prompts.yaml
    assert texts.plain("start.not_therapy") in out
    assert texts.plain("onboarding.ask_timezone") in out
    assert "[1] London" in out  # buttons are shown numbered
    # The typed line reached the coach, which moved on to the next question.
    assert "Got it: Europe/Berlin." in out
    assert texts.plain("onboarding.ask_time") in out
    assert out.index(welcome) < out.index("Got it: Europe/Berlin.")

    database = tmp_path / "data" / "sandbox" / "coach.sqlite3"  # its own file
    with sqlite3.connect(database) as connection:
        rows = connection.execute("SELECT first_name, timezone FROM users").fetchall()
    assert rows == [(NAME.capitalize(), "Europe/Berlin")]


def test_quit_leaves_at_once(tmp_path: Path) -> None:
    texts = load_texts()
    result = sandbox(":quit\n/help\n", tmp_path / "data", "--fresh")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert texts.plain("start.welcome", name=NAME.capitalize()) in result.stdout
    help_first_line = texts.plain("help.text").splitlines()[0]
    assert help_first_line not in result.stdout  # nothing after :quit was sent


def test_coming_back_shows_the_open_question_instead_of_starting_over(tmp_path: Path) -> None:
    texts = load_texts()
    data = tmp_path / "data"
    first = sandbox("", data, "--fresh")  # greeted, then left with the time zone question open
    assert first.returncode == 0, first.stderr
    welcome = texts.plain("start.welcome", name=NAME.capitalize())
    assert welcome in first.stdout

    again = sandbox("Berlin\n", data)
    assert again.returncode == 0, again.stderr
    assert welcome not in again.stdout  # no second /start over the open question
    assert texts.plain("sandbox.welcome_back") in again.stdout
    assert again.stdout.count(texts.plain("onboarding.ask_timezone")) == 1  # shown once more
    assert "Got it: Europe/Berlin." in again.stdout
    with sqlite3.connect(data / "sandbox" / "coach.sqlite3") as connection:
        rows = connection.execute("SELECT count(*), min(timezone) FROM users").fetchall()
    assert rows == [(1, "Europe/Berlin")]


def test_files_two_people_and_the_sandbox_commands(tmp_path: Path) -> None:
    texts = load_texts()
    data = tmp_path / "data"
    lines = ["/export", ":later", ":later 1h", ":as 2", "London", ":as 1", ":sticker", ":quit"]
    result = sandbox("\n".join(lines) + "\n", data, "--fresh")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    out = result.stdout

    saved = sorted((data / "sandbox" / "files").iterdir())
    assert [path.suffix for path in saved] == [".json", ".csv"]  # /export's two files
    assert all(str(path) in out for path in saved)  # and where they are
    assert texts.plain("sandbox.later_now") in out
    assert "Jumped 1 hour ahead." in out
    assert "coach → Robin: Got it: Europe/London." in out  # the second person's own chat
    assert texts.plain("sandbox.now_as_first", name=NAME.capitalize()) in out
    with sqlite3.connect(data / "sandbox" / "coach.sqlite3") as connection:
        names = connection.execute("SELECT first_name FROM users ORDER BY id").fetchall()
    assert names == [(NAME.capitalize(),), ("Robin",)]
