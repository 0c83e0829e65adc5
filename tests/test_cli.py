"""The `coach` command as a person meets it: friendly errors, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def coach(
    *args: str, env: dict[str, str] | None = None, cwd: Path
) -> subprocess.CompletedProcess[str]:
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(
            ("TELEGRAM_", "DATABASE_URL", "WEBHOOK_", "COACH_", "LOG_", "ADMIN_IDS", "METRICS_")
        )
    }
    clean.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        env=clean,
        cwd=cwd,
        timeout=60,
        check=False,
    )


def test_run_without_token_explains_how_to_get_one(tmp_path: Path) -> None:
    result = coach("run", cwd=tmp_path)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "@BotFather" in result.stderr
    assert "coach sandbox" in result.stderr
    assert not (tmp_path / "data").exists()  # nothing created before the token check


@pytest.mark.parametrize(
    ("env", "line_start"),
    [
        ({"DATABASE_URL": "oracle://nope"}, "DATABASE_URL:"),
        ({"COACH_DEFAULT_TIMEZONE": "Berlin/Mars"}, "COACH_DEFAULT_TIMEZONE:"),
    ],
)
def test_bad_settings_get_one_clear_line_each(
    tmp_path: Path, env: dict[str, str], line_start: str
) -> None:
    result = coach("run", env={"TELEGRAM_BOT_TOKEN": "1:x", **env}, cwd=tmp_path)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    problem_lines = [line.strip() for line in result.stderr.splitlines() if ":" in line]
    assert any(line.startswith(line_start) for line in problem_lines)


def test_help_lists_the_contract_commands(tmp_path: Path) -> None:
    result = coach("--help", cwd=tmp_path)
    assert result.returncode == 0
    for command in ("run", "sandbox", "tick", "db"):
        assert command in result.stdout


def test_db_upgrade_creates_the_schema(tmp_path: Path) -> None:
    database = tmp_path / "coach.sqlite3"
    result = coach("db", "upgrade", env={"DATABASE_URL": f"sqlite:///{database}"}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert database.exists()
    assert "up to date" in result.stdout
