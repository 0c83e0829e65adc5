"""One place for every setting: environment variables and an optional `.env` file.

The names are a contract (see DESIGN.md): operators and the outside test rigs set them.
Invalid values are reported as one plain line each by `settings_problems`, never as a
pydantic traceback.
"""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import SplitResult, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"
_SECRET_TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
# Anyone who learns the webhook secret can post updates as anyone; a short one is guessable.
MIN_WEBHOOK_SECRET = 32
MAKE_A_SECRET = 'python -c "import secrets; print(secrets.token_urlsafe(32))"'


def _is_web_url(parts: SplitResult) -> bool:
    """An absolute http(s) address with a host."""
    return parts.scheme in ("http", "https") and bool(parts.netloc)


class Switch(StrEnum):
    ON = "on"
    OFF = "off"


class LogFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


class Settings(BaseSettings):
    """Runtime configuration. Field names map to upper-case environment variables."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        case_sensitive=False,
    )

    telegram_bot_token: SecretStr | None = None
    telegram_api_base_url: str = DEFAULT_API_BASE_URL
    database_url: str = ""
    coach_data_dir: Path = Path("data")
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = Field(default=8080, ge=1, le=65535)
    # Open connections the webhook server (and the dashboard with it) accepts at once;
    # Telegram itself opens at most 40 (set_webhook's max_connections).
    webhook_max_connections: int = Field(default=256, ge=8, le=10_000)
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    log_level: str = "INFO"
    log_format: LogFormat = LogFormat.TEXT
    coach_scheduler: Switch = Switch.ON
    coach_tick_seconds: float = Field(default=30.0, ge=1.0, le=60.0)
    coach_default_timezone: str = "UTC"
    coach_rate_limit: Switch = Switch.ON
    # Telegram allows about 30 messages a second per bot; with N replicas give each 30/N.
    coach_max_sends_per_second: float = Field(default=30.0, gt=0, le=1000)
    # Each chat's own pace (Telegram: about 1 message a second to a person, 20 a minute to
    # a group), with short bursts of up to COACH_CHAT_BURST. 0 turns a chat pace off.
    coach_private_chat_seconds: float = Field(default=1.0, ge=0, le=60)
    coach_group_chat_seconds: float = Field(default=3.0, ge=0, le=600)
    coach_chat_burst: int = Field(default=3, ge=1, le=30)
    coach_concurrent_updates: int = Field(default=16, ge=1, le=256)
    # How long one Bot API call may take before it counts as failed and is retried.
    coach_send_timeout: float = Field(default=15.0, gt=0, le=120)
    # How long a process may hold a claimed outgoing message before another may send it.
    coach_outbox_lease_seconds: float = Field(default=20.0, ge=1, le=600)
    metrics_port: int | None = Field(default=None, ge=1, le=65535)
    # Where /metrics and /healthz are served (on METRICS_PORT): an internal address, never
    # the public one the proxy forwards to. In a container, 0.0.0.0 plus a port published
    # on the host's 127.0.0.1.
    metrics_listen: str = "127.0.0.1"
    # Logs PTB's and httpx's DEBUG lines, which hold whole updates (what people wrote).
    # Unsafe outside a developer's own machine.
    coach_debug_telegram: bool = False
    # The Mini App dashboard: its public HTTPS address, and where this process serves it
    # (on the webhook's server instead when WEBHOOK_URL is set too).
    webapp_url: str | None = None
    webapp_listen: str = "0.0.0.0"
    webapp_port: int = Field(default=8080, ge=0, le=65535)

    @field_validator(
        "telegram_bot_token", "webhook_secret", "webhook_url", "webapp_url", mode="before"
    )
    @classmethod
    def _blank_is_unset(cls, value: Any) -> Any:
        if isinstance(value, str) and not value.strip():
            return None
        return value.strip() if isinstance(value, str) else value

    @field_validator("telegram_api_base_url")
    @classmethod
    def _check_base_url(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        parts = urlsplit(value)
        if not _is_web_url(parts):
            raise ValueError("must be an http(s) URL such as https://api.telegram.org/bot")
        if parts.path in ("", "/"):
            # People often paste just the server; PTB needs the /bot suffix it appends to.
            return value + "/bot"
        if not parts.path.endswith("/bot"):
            raise ValueError("must end in /bot (the token is appended after it)")
        return value

    @field_validator("database_url")
    @classmethod
    def _check_database_url(cls, value: str) -> str:
        value = value.strip()
        if not value:
            return value
        return normalise_database_url(value)

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _parse_admin_ids(cls, value: Any) -> Any:
        if isinstance(value, str):
            items = [item for item in re.split(r"[,\s]+", value.strip()) if item]
            if not all(re.fullmatch(r"-?\d+", item) for item in items):
                raise ValueError("must be Telegram user ids separated by commas, e.g. 1234,5678")
            return frozenset(int(item) for item in items)
        if isinstance(value, int):
            return frozenset({value})
        return value

    @field_validator("log_level")
    @classmethod
    def _check_log_level(cls, value: str) -> str:
        level = value.strip().upper()
        if level not in _LOG_LEVELS:
            raise ValueError(f"must be one of {', '.join(_LOG_LEVELS)}")
        return level

    @field_validator("coach_default_timezone")
    @classmethod
    def _check_timezone(cls, value: str) -> str:
        value = value.strip()
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"{value!r} is not an IANA timezone; use a name like Europe/Berlin or UTC"
            ) from None
        return value

    @field_validator("webhook_url")
    @classmethod
    def _check_webhook_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not _is_web_url(urlsplit(value)):
            raise ValueError("must be a full URL such as https://coach.example.org/telegram")
        return value

    @field_validator("webapp_url")
    @classmethod
    def _check_webapp_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parts = urlsplit(value)
        if not _is_web_url(parts) or parts.query:
            raise ValueError("must be a full URL such as https://coach.example.org/app/")
        # The page lives at a folder-like path: its API is <path>api/.
        return value if parts.path.endswith("/") else value + "/"

    @field_validator("webhook_secret")
    @classmethod
    def _check_webhook_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None:
            return None
        secret = value.get_secret_value()
        if not _SECRET_TOKEN_RE.fullmatch(secret):
            raise ValueError("may only use A-Z, a-z, 0-9, _ and -, up to 256 characters")
        if len(secret) < MIN_WEBHOOK_SECRET:
            raise ValueError(
                f"is {len(secret)} characters; use at least {MIN_WEBHOOK_SECRET}, "
                f"for example from: {MAKE_A_SECRET}"
            )
        return value

    @model_validator(mode="after")
    def _defaults_and_pairs(self) -> Settings:
        if not self.database_url:
            self.database_url = sqlite_url_for(self.coach_data_dir / "coach.sqlite3")
        if self.webhook_url and self.webhook_secret is None:
            raise ValueError(
                "WEBHOOK_SECRET: set it too when WEBHOOK_URL is set, so only Telegram can post"
            )
        return self

    @property
    def uses_webhook(self) -> bool:
        return self.webhook_url is not None

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


def sqlite_url_for(path: Path) -> str:
    return f"sqlite+aiosqlite:///{path}"


def normalise_database_url(value: str) -> str:
    """Accept the URLs people paste and map them to our async drivers."""
    try:
        url = make_url(value)
    except ArgumentError:
        raise ValueError(
            "is not a database URL; try sqlite+aiosqlite:///data/coach.sqlite3 "
            "or postgresql+asyncpg://user@host/db"
        ) from None
    backend = url.get_backend_name()
    if backend == "sqlite":
        return str(url.set(drivername="sqlite+aiosqlite"))
    if backend in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+asyncpg").render_as_string(hide_password=False)
    raise ValueError(f"uses {backend!r}; Rejection Coach supports SQLite and PostgreSQL")


def settings_problems(error: ValidationError) -> list[str]:
    """One friendly line per invalid setting, named as the environment variable."""
    lines: list[str] = []
    for problem in error.errors(include_url=False, include_input=False):
        location = [str(part) for part in problem["loc"]]
        name = location[0].upper() if location else ""
        message = str(problem["msg"]).removeprefix("Value error, ")
        lines.append(f"{name}: {message}" if name else message)
    return lines


def load_settings(**overrides: Any) -> Settings:
    """Build Settings from the environment (and `.env`), with explicit overrides on top."""
    return Settings(**overrides)
