"""Records handed out to tests (immutable, JSON round-trippable) and the configuration."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Final, Literal, cast

JSONDict = dict[str, Any]
ChatType = Literal["private", "group", "supergroup", "channel"]
Sender = Literal["bot", "user", "all"]

BOT_FIRST_NAME: Final = "Rejection Coach"
BOT_USERNAME: Final = "RejectionCoachBot"
DEFAULT_BOT_ID: Final = 123456


@dataclass(frozen=True)
class FloodControl:
    """Optional flood control; ``None`` limits are off (the default)."""

    max_per_second: int | None = None
    max_per_chat_per_second: int | None = None
    # A fixed retry_after; None computes it from the rolling window like Telegram does.
    retry_after: int | None = None

    @property
    def enabled(self) -> bool:
        return self.max_per_second is not None or self.max_per_chat_per_second is not None


@dataclass(frozen=True)
class EmulatorConfig:
    port: int = 0
    bot_first_name: str = BOT_FIRST_NAME
    bot_username: str = BOT_USERNAME
    # Messages kept per chat: None keeps all, 0 keeps counts only, N keeps the newest N.
    history_limit: int | None = None
    # Calls kept in the log (counts per method are always kept); None keeps all.
    call_log_limit: int | None = 20_000
    # Store each call's parameters in the log (benchmarks may switch it off).
    log_params: bool = True
    flood: FloodControl = FloodControl()
    # Reject malformed HTML/Markdown like Telegram ("can't parse entities").
    validate_entities: bool = True
    # Seconds after which a callback query can no longer be answered; None never expires.
    callback_query_ttl: float | None = None
    webhook_retry_delays: tuple[float, ...] = (0.05, 0.1, 0.25, 0.5, 1.0)
    webhook_timeout: float = 5.0
    # Upper bound for getUpdates' timeout, like Telegram's 50 s.
    max_long_poll: float = 50.0
    # How long shutdown waits for in-flight handlers (all long polls are woken first).
    shutdown_timeout: float = 1.0


@dataclass(frozen=True)
class UserInfo:
    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None
    blocked: bool = False

    def to_api(self) -> JSONDict:
        data: JSONDict = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        for key in ("last_name", "username", "language_code"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        return data

    def to_json(self) -> JSONDict:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: JSONDict) -> UserInfo:
        return cls(**data)


@dataclass(frozen=True)
class FileInfo:
    """A file the bot uploaded or a user sent; bytes are served by ``file_bytes``."""

    file_id: str
    file_unique_id: str
    kind: str
    size: int
    file_name: str | None = None
    mime_type: str | None = None
    width: int | None = None
    height: int | None = None
    duration: int | None = None
    emoji: str | None = None

    def to_json(self) -> JSONDict:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: JSONDict) -> FileInfo:
        return cls(**data)


@dataclass(frozen=True)
class ChatMessage:
    """The current state of one message in a chat (edits replace the record)."""

    chat_id: int
    message_id: int
    date: int
    from_bot: bool
    sender_id: int | None
    kind: str = "text"
    text: str | None = None
    # What the bot sent before parse_mode was applied; ``text`` is what the user sees.
    raw_text: str | None = None
    parse_mode: str | None = None
    caption: str | None = None
    entities: tuple[JSONDict, ...] = ()
    reply_markup: JSONDict | None = None
    reply_to_message_id: int | None = None
    file: FileInfo | None = None
    location: tuple[float, float] | None = None
    edited: bool = False
    edit_date: int | None = None
    deleted: bool = False

    @property
    def inline_keyboard(self) -> list[list[JSONDict]]:
        rows = (self.reply_markup or {}).get("inline_keyboard") or []
        return cast(list[list[JSONDict]], rows)

    @property
    def buttons(self) -> list[JSONDict]:
        """All inline buttons, row by row."""
        return [button for row in self.inline_keyboard for button in row]

    @property
    def button_texts(self) -> list[str]:
        return [str(button.get("text", "")) for button in self.buttons]

    @property
    def callback_data(self) -> list[str]:
        return [str(b["callback_data"]) for b in self.buttons if "callback_data" in b]

    def to_json(self) -> JSONDict:
        data = dataclasses.asdict(self)
        data["entities"] = list(self.entities)
        data["location"] = list(self.location) if self.location else None
        return data

    @classmethod
    def from_json(cls, data: JSONDict) -> ChatMessage:
        values = dict(data)
        values["entities"] = tuple(values.get("entities") or ())
        location = values.get("location")
        values["location"] = (float(location[0]), float(location[1])) if location else None
        file_data = values.get("file")
        values["file"] = FileInfo.from_json(file_data) if file_data else None
        return cls(**values)


@dataclass(frozen=True)
class UpdateReceipt:
    """What a user-side action produced.

    ``update_id`` is None when the bot's allowed_updates filtered the update out (as Telegram
    silently does).
    """

    update_id: int | None
    message: ChatMessage | None = None
    callback_query_id: str | None = None

    def to_json(self) -> JSONDict:
        return {
            "update_id": self.update_id,
            "message": self.message.to_json() if self.message else None,
            "callback_query_id": self.callback_query_id,
        }

    @classmethod
    def from_json(cls, data: JSONDict) -> UpdateReceipt:
        message = data.get("message")
        return cls(
            update_id=data.get("update_id"),
            message=ChatMessage.from_json(message) if message else None,
            callback_query_id=data.get("callback_query_id"),
        )


@dataclass(frozen=True)
class CallbackRecord:
    """One button press and, once the bot answered it, what the user saw."""

    query_id: str
    user_id: int
    chat_id: int
    message_id: int
    data: str | None
    pressed_at: float
    answered: bool = False
    text: str | None = None
    show_alert: bool = False
    url: str | None = None
    cache_time: int | None = None
    answered_at: float | None = None

    def to_json(self) -> JSONDict:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: JSONDict) -> CallbackRecord:
        return cls(**data)


@dataclass(frozen=True)
class CallRecord:
    """One Bot API call as the emulator answered it."""

    method: str
    params: JSONDict
    chat_id: int | None
    status: int
    # time.monotonic() at arrival; CLOCK_MONOTONIC is shared by all processes on the host.
    at: float
    duration: float
    description: str | None = None

    def to_json(self) -> JSONDict:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: JSONDict) -> CallRecord:
        return cls(**data)


@dataclass(frozen=True)
class Stats:
    started_at: float
    calls_by_method: dict[str, int]
    get_updates_times: list[float]
    # First and last arrival (time.monotonic) per method: a benchmark's sending window.
    first_call_at: dict[str, float]
    last_call_at: dict[str, float]
    flood_429s: int
    faults_served: int
    pending_updates: int
    last_update_id: int
    bot_messages: int
    user_messages: int
    webhook_url: str

    def to_json(self) -> JSONDict:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: JSONDict) -> Stats:
        return cls(**data)
