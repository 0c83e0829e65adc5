"""Settings: names from DESIGN.md, defaults, and one clear line per invalid value."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.config import Settings, Switch, settings_problems


def _settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, **env: str) -> Settings:
    monkeypatch.chdir(tmp_path)  # no stray .env from the checkout
    for name in list(Settings.model_fields):
        monkeypatch.delenv(name.upper(), raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return Settings()


def test_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    settings = _settings(monkeypatch, tmp_path)
    assert settings.telegram_bot_token is None
    assert settings.telegram_api_base_url == "https://api.telegram.org/bot"
    assert settings.database_url == "sqlite+aiosqlite:///data/coach.sqlite3"
    assert settings.coach_scheduler is Switch.ON
    assert settings.admin_ids == frozenset()
    assert not settings.uses_webhook


def test_contract_names_are_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    settings = _settings(
        monkeypatch,
        tmp_path,
        TELEGRAM_BOT_TOKEN="123:abc",
        TELEGRAM_API_BASE_URL="http://127.0.0.1:8081/bot/",
        DATABASE_URL="postgresql://coach@db/coach",
        WEBHOOK_URL="https://example.org/hook",
        WEBHOOK_SECRET="s3cret_-" * 4,
        ADMIN_IDS="12, 34",
        LOG_LEVEL="debug",
        COACH_SCHEDULER="off",
    )
    assert settings.telegram_bot_token is not None
    assert settings.telegram_bot_token.get_secret_value() == "123:abc"
    assert "123:abc" not in repr(settings)
    assert settings.telegram_api_base_url == "http://127.0.0.1:8081/bot"
    assert settings.database_url == "postgresql+asyncpg://coach@db/coach"
    assert settings.admin_ids == frozenset({12, 34})
    assert settings.log_level == "DEBUG"
    assert settings.coach_scheduler is Switch.OFF
    assert settings.uses_webhook


def test_dotenv_is_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("TELEGRAM_BOT_TOKEN=42:from-dotenv\nCOACH_SCHEDULER=off\n")
    settings = _settings(monkeypatch, tmp_path)
    assert settings.telegram_bot_token is not None
    assert settings.telegram_bot_token.get_secret_value() == "42:from-dotenv"
    assert settings.coach_scheduler is Switch.OFF


def test_base_url_without_path_gets_bot_suffix(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    settings = _settings(monkeypatch, tmp_path, TELEGRAM_API_BASE_URL="http://localhost:8081")
    assert settings.telegram_api_base_url == "http://localhost:8081/bot"


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("DATABASE_URL", "mysql://x@y/z", "DATABASE_URL: uses 'mysql'"),
        ("DATABASE_URL", "not a url", "DATABASE_URL: is not a database URL"),
        ("COACH_DEFAULT_TIMEZONE", "Mars/Olympus", "COACH_DEFAULT_TIMEZONE: 'Mars/Olympus' is not"),
        ("TELEGRAM_API_BASE_URL", "ftp://x", "TELEGRAM_API_BASE_URL: must be an http(s) URL"),
        ("ADMIN_IDS", "alice", "ADMIN_IDS: must be Telegram user ids"),
        ("LOG_LEVEL", "loud", "LOG_LEVEL: must be one of"),
        ("COACH_SCHEDULER", "maybe", "COACH_SCHEDULER: Input should be 'on' or 'off'"),
    ],
)
def test_invalid_values_get_one_clear_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str, value: str, expected: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        _settings(monkeypatch, tmp_path, **{name: value})
    lines = settings_problems(caught.value)
    assert len(lines) == 1
    assert lines[0].startswith(expected)
    assert "\n" not in lines[0]


def test_webhook_needs_a_secret(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        _settings(monkeypatch, tmp_path, WEBHOOK_URL="https://example.org/hook")
    assert any("WEBHOOK_SECRET" in line for line in settings_problems(caught.value))


def test_a_short_webhook_secret_is_refused_with_a_way_to_make_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with pytest.raises(ValidationError) as caught:
        _settings(
            monkeypatch, tmp_path, WEBHOOK_URL="https://example.org/hook", WEBHOOK_SECRET="x" * 31
        )
    [line] = settings_problems(caught.value)
    assert line.startswith("WEBHOOK_SECRET: is 31 characters; use at least 32")
    assert 'python -c "import secrets; print(secrets.token_urlsafe(32))"' in line
    assert "x" * 31 not in line  # the secret itself is never echoed
    settings = _settings(
        monkeypatch, tmp_path, WEBHOOK_URL="https://example.org/hook", WEBHOOK_SECRET="x" * 32
    )
    assert settings.uses_webhook
