"""A local emulator of the Telegram Bot API, for tests and benchmarks.

An unmodified python-telegram-bot (PTB) application talks to it over real HTTP::

    emu = TelegramEmulator()
    await emu.start()
    app = (
        Application.builder()
        .token("123456:TEST")
        .base_url(emu.base_url)  # "http://127.0.0.1:<port>/bot"
        .base_file_url(emu.base_file_url)
        .build()
    )

Tests act as Telegram users through the Python methods of :class:`TelegramEmulator`
(``send_text``, ``press``, ``block``, ...) or through the JSON control API under
``/control/<action>`` (wrapped by :mod:`bot.sandbox.client`). The emulator only stores and
echoes what the bot sends; it has no product logic of its own.

It deliberately reproduces the errors on which real bots trip (empty or too long texts,
"message is not modified", oversized callback data, blocked users, two pollers, webhook
conflicts, flood control) with Telegram's own descriptions, so PTB raises the same
exception classes it would raise in production.

Run standalone with ``python -m bot.sandbox.emulator --port 8081``.
"""

# The control API takes explicit ``timeout=`` seconds on its waits, like httpx and PTB do;
# callers are plain tests, not structured-concurrency code that would use asyncio.timeout().
# ruff: noqa: ASYNC109

from __future__ import annotations

import argparse
import asyncio
import base64
import binascii
import contextlib
import dataclasses
import html
import itertools
import json
import logging
import math
import re
import signal
import struct
import time
import zlib
from collections import Counter, deque
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Final, Literal, cast

import aiohttp
from aiohttp import web

_LOG = logging.getLogger(__name__)

JSONDict = dict[str, Any]
ChatType = Literal["private", "group", "supergroup", "channel"]
Sender = Literal["bot", "user", "all"]

BOT_FIRST_NAME: Final = "Rejection Coach"
BOT_USERNAME: Final = "RejectionCoachBot"
DEFAULT_BOT_ID: Final = 123456

MAX_TEXT_LENGTH: Final = 4096
MAX_CAPTION_LENGTH: Final = 1024
MAX_CALLBACK_DATA_BYTES: Final = 64
MAX_CALLBACK_ANSWER_LENGTH: Final = 200
# Telegram accepts uploads up to 50 MB; aiohttp's default body limit is only 1 MB.
MAX_UPLOAD_BYTES: Final = 50 * 1024 * 1024

ERR_EMPTY_TEXT: Final = "Bad Request: message text is empty"
ERR_TOO_LONG: Final = "Bad Request: message is too long"
ERR_CAPTION_TOO_LONG: Final = "Bad Request: message caption is too long"
ERR_CHAT_NOT_FOUND: Final = "Bad Request: chat not found"
ERR_CHAT_ID_EMPTY: Final = "Bad Request: chat_id is empty"
ERR_EDIT_NOT_FOUND: Final = "Bad Request: message to edit not found"
ERR_DELETE_NOT_FOUND: Final = "Bad Request: message to delete not found"
ERR_REPLY_NOT_FOUND: Final = "Bad Request: message to be replied not found"
ERR_CANT_EDIT: Final = "Bad Request: message can't be edited"
ERR_NO_TEXT_TO_EDIT: Final = "Bad Request: there is no text in the message to edit"
ERR_NOT_MODIFIED: Final = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)
ERR_BUTTON_DATA_INVALID: Final = "Bad Request: BUTTON_DATA_INVALID"
ERR_BUTTON_URL_INVALID: Final = "Bad Request: BUTTON_URL_INVALID"
ERR_BAD_MARKUP: Final = "Bad Request: can't parse reply keyboard markup JSON object"
ERR_BUTTON_NO_ACTION: Final = (
    "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the "
    "inline keyboard"
)
ERR_QUERY_INVALID: Final = (
    "Bad Request: query is too old and response timeout expired or query ID is invalid"
)
ERR_ANSWER_TOO_LONG: Final = "Bad Request: MESSAGE_TOO_LONG"
ERR_BLOCKED: Final = "Forbidden: bot was blocked by the user"
ERR_KICKED: Final = "Forbidden: bot was kicked from the group chat"
ERR_NOT_MEMBER: Final = "Forbidden: bot is not a member of the group chat"
ERR_CONFLICT_POLLING: Final = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance "
    "is running"
)
ERR_CONFLICT_WEBHOOK: Final = (
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to "
    "delete the webhook first"
)
ERR_METHOD_NOT_FOUND: Final = "Not Found: method not found"
ERR_ENTITIES_PREFIX: Final = "Bad Request: can't parse entities: "

# Telegram's default when allowed_updates is empty: everything but these three.
_OPT_IN_UPDATES: Final = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
ALL_UPDATE_TYPES: Final = frozenset(
    {
        "message",
        "edited_message",
        "channel_post",
        "edited_channel_post",
        "business_connection",
        "business_message",
        "edited_business_message",
        "deleted_business_messages",
        "message_reaction",
        "message_reaction_count",
        "inline_query",
        "chosen_inline_result",
        "callback_query",
        "shipping_query",
        "pre_checkout_query",
        "purchased_paid_media",
        "poll",
        "poll_answer",
        "my_chat_member",
        "chat_member",
        "chat_join_request",
        "chat_boost",
        "removed_chat_boost",
    }
)
DEFAULT_ALLOWED_UPDATES: Final = ALL_UPDATE_TYPES - _OPT_IN_UPDATES

CHAT_ACTIONS: Final = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
_INLINE_BUTTON_ACTIONS: Final = frozenset(
    {
        "url",
        "callback_data",
        "web_app",
        "login_url",
        "switch_inline_query",
        "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat",
        "copy_text",
        "callback_game",
        "pay",
    }
)
_COMMAND_RE: Final = re.compile(r"^[a-z0-9_]{1,32}$")
_SECRET_TOKEN_RE: Final = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
# A bot_command entity: "/cmd" or "/cmd@SomeBot", at the start or after whitespace.
_BOT_COMMAND_RE: Final = re.compile(r"(?<!\S)/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{1,32})?(?![\w@])")


# --------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------


class ApiError(Exception):
    """An error answer of the Bot API, rendered as Telegram renders it."""

    def __init__(self, status: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.retry_after = retry_after

    def body(self) -> JSONDict:
        return _error_body(self.status, self.description, self.retry_after)


class ControlError(Exception):
    """The test asked the emulator for something impossible (e.g. pressing a missing button)."""


class WaitTimeout(AssertionError):
    """A control-side wait did not see what it waited for.

    It is an AssertionError so that a failing wait reads as a failed test, not a crash.
    """


def _error_body(status: int, description: str, retry_after: int | None = None) -> JSONDict:
    body: JSONDict = {"ok": False, "error_code": status, "description": description}
    if retry_after is not None:
        body["parameters"] = {"retry_after": retry_after}
    return body


def _bad_request(description: str) -> ApiError:
    return ApiError(400, description)


def _default_fault_description(status: int, retry_after: int | None) -> str:
    if status == 429:
        return f"Too Many Requests: retry after {retry_after or 1}"
    defaults = {
        400: "Bad Request: injected fault",
        401: "Unauthorized",
        403: ERR_BLOCKED,
        404: "Not Found",
        409: ERR_CONFLICT_POLLING,
        500: "Internal Server Error",
        502: "Bad Gateway",
        504: "Gateway Timeout",
    }
    return defaults.get(status, f"Error {status}")


# --------------------------------------------------------------------------------------------
# Configuration
# --------------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------------
# Records handed out to tests (immutable, JSON round-trippable)
# --------------------------------------------------------------------------------------------


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


@dataclass
class Fault:
    """An injected failure for matching Bot API calls.

    ``status`` None with a ``delay`` emulates a slow Telegram; ``deliver`` says whether the
    call still takes effect (as when Telegram sends a message but the client timed out).
    By default only pure delays deliver. An undelivered pure delay ends in a 502.
    """

    method: str = "*"
    chat_id: int | None = None
    status: int | None = None
    retry_after: int | None = None
    description: str | None = None
    # How many calls it hits before expiring; None never expires.
    times: int | None = 1
    delay: float = 0.0
    deliver: bool | None = None
    fault_id: int = 0
    hits: int = 0

    @property
    def delivers(self) -> bool:
        return self.deliver if self.deliver is not None else self.status is None

    def matches(self, method: str, chat_id: int | None) -> bool:
        if self.method != "*" and self.method.lower() != method.lower():
            return False
        return self.chat_id is None or self.chat_id == chat_id

    def error_body(self) -> tuple[int, JSONDict]:
        status = self.status if self.status is not None else 502
        retry_after = self.retry_after
        if status == 429 and retry_after is None:
            retry_after = 1
        description = self.description or _default_fault_description(status, retry_after)
        return status, _error_body(status, description, retry_after)

    def to_json(self) -> JSONDict:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: JSONDict) -> Fault:
        return cls(**data)


@dataclass(frozen=True)
class UploadedFile:
    filename: str | None
    content_type: str | None
    data: bytes


# --------------------------------------------------------------------------------------------
# Text helpers: parse modes, lengths, entities
# --------------------------------------------------------------------------------------------


def utf16_len(text: str) -> int:
    """Telegram measures lengths and offsets in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def _entity_error(detail: str) -> ApiError:
    return _bad_request(ERR_ENTITIES_PREFIX + detail)


def bot_command_entities(text: str) -> list[JSONDict]:
    """The bot_command entities Telegram attaches (PTB's CommandHandler needs offset 0)."""
    return [
        {
            "type": "bot_command",
            "offset": utf16_len(text[: match.start()]),
            "length": utf16_len(match.group(0)),
        }
        for match in _BOT_COMMAND_RE.finditer(text)
    ]


_HTML_TAGS: Final = frozenset(
    {
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "span",
        "tg-spoiler",
        "a",
        "tg-emoji",
        "tg-time",
        "code",
        "pre",
        "blockquote",
    }
)
_HTML_TAG_RE: Final = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(\s[^<>]*)?>")


def _render_html(raw: str) -> str:
    """Strip supported tags, rejecting what Telegram rejects (e.g. <br>, a bare '<')."""
    out: list[str] = []
    stack: list[str] = []
    index = 0
    while (start := raw.find("<", index)) >= 0:
        out.append(raw[index:start])
        match = _HTML_TAG_RE.match(raw, start)
        name = match.group(2).lower() if match else ""
        offset = _byte_offset(raw, start)
        if match is None or name not in _HTML_TAGS:
            raise _entity_error(f'Unsupported start tag "{name}" at byte offset {offset}')
        if match.group(1):
            _close_html_tag(stack, name, offset)
        else:
            stack.append(name)
        index = match.end()
    out.append(raw[index:])
    if stack:
        raise _entity_error(f'Can\'t find end tag corresponding to start tag "{stack[-1]}"')
    return html.unescape("".join(out))


def _close_html_tag(stack: list[str], name: str, offset: int) -> None:
    if not stack:
        raise _entity_error(f'Unexpected end tag "{name}" at byte offset {offset}')
    if stack[-1] != name:
        raise _entity_error(
            f'Unmatched end tag at byte offset {offset}, expected "</{stack[-1]}>", '
            f'found "</{name}>"'
        )
    stack.pop()


_MDV2_RESERVED: Final = frozenset("_*[]()~`>#+-=|{}.!")
_MDV2_TOGGLES: Final = {"*": "Bold", "_": "Italic", "__": "Underline", "~": "Strikethrough"}


class _MarkdownV2:
    """A small MarkdownV2 reader: enough to reject what Telegram rejects and to show the text.

    It checks reserved characters, escapes, code spans, links and unclosed entities; it does
    not build entities.
    """

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.index = 0
        self.out: list[str] = []
        self.open: dict[str, int] = {}

    def render(self) -> str:
        raw = self.raw
        while self.index < len(raw):
            self._step(raw[self.index])
        if self.open:
            marker, start = min(self.open.items(), key=lambda item: item[1])
            name = "Spoiler" if marker == "||" else _MDV2_TOGGLES[marker]
            offset = _byte_offset(raw, start)
            raise _entity_error(f"Can't find end of {name} entity at byte offset {offset}")
        return "".join(self.out)

    def _step(self, char: str) -> None:
        raw, index = self.raw, self.index
        if char == "\\":
            self._escape()
        elif char == "`":
            self._code()
        elif char in "*~" or (char == "_" and not raw.startswith("__", index)):
            self._toggle(char, 1)
        elif raw.startswith("__", index) or raw.startswith("||", index):
            self._toggle(raw[index : index + 2], 2)
        elif char == "[" or (char == "!" and raw.startswith("![", index)):
            self._link_start(char)
        elif char == "]":
            self._link_end()
        elif char == ">" and (index == 0 or raw[index - 1] == "\n"):
            self.index += 1  # a blockquote marker
        elif char in _MDV2_RESERVED:
            raise _entity_error(
                f"Character '{char}' is reserved and must be escaped with the preceding '\\'"
            )
        else:
            self.out.append(char)
            self.index += 1

    def _escape(self) -> None:
        nxt = self.raw[self.index + 1 : self.index + 2]
        if not nxt or not 1 <= ord(nxt) <= 126:
            raise _entity_error(
                "Character '\\' is reserved and must be escaped with the preceding '\\'"
            )
        self.out.append(nxt)
        self.index += 2

    def _toggle(self, marker: str, width: int) -> None:
        if marker in self.open:
            del self.open[marker]
        else:
            self.open[marker] = self.index
        self.index += width

    def _code(self) -> None:
        fence = "```" if self.raw.startswith("```", self.index) else "`"
        start = self.index
        self.index += len(fence)
        if fence == "```":
            self._skip_language_tag()
        while self.index < len(self.raw):
            if self.raw[self.index] == "\\":
                self.out.append(self.raw[self.index + 1 : self.index + 2])
                self.index += 2
            elif self.raw.startswith(fence, self.index):
                self.index += len(fence)
                return
            else:
                self.out.append(self.raw[self.index])
                self.index += 1
        name = "Pre" if fence == "```" else "Code"
        raise _entity_error(
            f"Can't find end of {name} entity at byte offset {_byte_offset(self.raw, start)}"
        )

    def _skip_language_tag(self) -> None:
        """```python\ncode``` shows only "code": the first line names the language."""
        tag = re.match(r"[A-Za-z0-9_+#-]+\n", self.raw[self.index :])
        if tag is not None:
            self.index += tag.end()

    def _link_start(self, char: str) -> None:
        self.open["["] = self.index
        self.index += 2 if char == "!" else 1

    def _link_end(self) -> None:
        if "[" not in self.open:
            raise _entity_error(
                "Character ']' is reserved and must be escaped with the preceding '\\'"
            )
        del self.open["["]
        self.index += 1
        if not self.raw.startswith("(", self.index):
            return  # "[text]" without a URL is shown as plain text
        close = self._find_unescaped(")", self.index + 1)
        if close < 0:
            raise _entity_error("Can't find end of a URL")
        self.index = close + 1

    def _find_unescaped(self, char: str, start: int) -> int:
        index = start
        while index < len(self.raw):
            if self.raw[index] == "\\":
                index += 2
                continue
            if self.raw[index] == char:
                return index
            index += 1
        return -1


def _render_markdown_legacy(raw: str) -> str:
    """Legacy Markdown: *bold*, _italic_, `code`, ```pre```, [text](url); '\\' escapes."""
    out: list[str] = []
    index = 0
    while index < len(raw):
        char = raw[index]
        if char == "\\" and raw[index + 1 : index + 2] in ("_", "*", "`", "["):
            out.append(raw[index + 1])
            index += 2
        elif char in "*_`":
            fence = "```" if raw.startswith("```", index) else char
            close = raw.find(fence, index + len(fence))
            if close < 0:
                offset = _byte_offset(raw, index)
                raise _entity_error(
                    f"Can't find end of the entity starting at byte offset {offset}"
                )
            out.append(raw[index + len(fence) : close])
            index = close + len(fence)
        elif char == "[" and (link := re.match(r"\[([^\]]*)\]\(([^)]*)\)", raw[index:])):
            out.append(link.group(1))
            index += link.end()
        else:
            out.append(char)
            index += 1
    return "".join(out)


def render_text(raw: str, parse_mode: str | None, *, validate: bool = True) -> str:
    """What the user sees for ``raw`` sent with ``parse_mode``; raises ApiError like Telegram."""
    mode = (parse_mode or "").lower()
    try:
        if mode == "html":
            return _render_html(raw)
        if mode == "markdownv2":
            return _MarkdownV2(raw).render()
        if mode == "markdown":
            return _render_markdown_legacy(raw)
    except ApiError:
        if validate:
            raise
        return raw
    if mode:
        raise _bad_request(f"Bad Request: unsupported parse_mode {parse_mode}")
    return raw


# --------------------------------------------------------------------------------------------
# Small binary helpers
# --------------------------------------------------------------------------------------------


def make_png(width: int = 1, height: int = 1) -> bytes:
    """A valid RGB PNG of the given size (black), for tests that upload or send photos."""

    def chunk(tag: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(tag + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)

    row = b"\x00" + b"\x00\x00\x00" * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


def _png_size(data: bytes) -> tuple[int, int] | None:
    if len(data) >= 24 and data.startswith(b"\x89PNG\r\n\x1a\n"):
        width, height = struct.unpack(">II", data[16:24])
        return int(width), int(height)
    return None


# --------------------------------------------------------------------------------------------
# Request parameters
# --------------------------------------------------------------------------------------------


class Params:
    """The parameters of one Bot API call, decoded per field the way Telegram decodes them.

    PTB sends every value as a string (JSON-encoded when it is not a str itself), so the type
    comes from the field, never from the value: ``text="123"`` stays a string.
    """

    __slots__ = ("decoded", "files", "raw")

    def __init__(self, raw: JSONDict, files: dict[str, UploadedFile] | None = None) -> None:
        self.raw = raw
        self.files = files or {}
        self.decoded: JSONDict = {}

    def has(self, name: str) -> bool:
        return self.raw.get(name) not in (None, "")

    def string(self, name: str) -> str | None:
        value = self.raw.get(name)
        if value is None or isinstance(value, str):
            return value
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int | float):
            return str(value)
        return json.dumps(value)

    def integer(self, name: str) -> int | None:
        value = self.raw.get(name)
        if value is None or value == "":
            return None
        result = _as_int(value)
        if result is None:
            raise _bad_request(f'Bad Request: field "{name}" must be of type Integer')
        self.decoded[name] = result
        return result

    def number(self, name: str) -> float | None:
        value = self.raw.get(name)
        if value is None or value == "":
            return None
        try:
            result = float(value)
        except (TypeError, ValueError):
            raise _bad_request(f'Bad Request: field "{name}" must be a Number') from None
        self.decoded[name] = result
        return result

    def boolean(self, name: str) -> bool:
        value = self.raw.get(name)
        result = value is True or (isinstance(value, str) and value.lower() in ("true", "1"))
        if value is not None:
            self.decoded[name] = result
        return result

    def json_value(self, name: str, error: str | None = None) -> Any:
        value = self.raw.get(name)
        if isinstance(value, str):
            if value == "":
                return None
            try:
                value = json.loads(value)
            except ValueError:
                raise _bad_request(
                    error or f"Bad Request: can't parse {name} JSON object"
                ) from None
        if value is not None:
            self.decoded[name] = value
        return value

    def chat_ref(self, name: str = "chat_id") -> int | str | None:
        """An integer chat id or an "@username" reference."""
        value = self.raw.get(name)
        if value is None or value == "":
            return None
        as_int = _as_int(value)
        if as_int is not None:
            self.decoded[name] = as_int
            return as_int
        return str(value)

    def logged(self) -> JSONDict:
        """Parameters for the call log: decoded where decoded, files as metadata only."""
        data = {**self.raw, **self.decoded}
        for name, upload in self.files.items():
            data[name] = {
                "filename": upload.filename,
                "content_type": upload.content_type,
                "size": len(upload.data),
            }
        return data


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            return int(value.strip())
    return None


async def _read_params(request: web.Request) -> Params:
    """Query string, then the body: form, multipart (files kept as bytes) or JSON."""
    raw: JSONDict = dict(request.query)
    files: dict[str, UploadedFile] = {}
    if not request.body_exists:
        return Params(raw, files)
    if request.content_type == "application/json":
        try:
            body = await request.json()
        except ValueError:
            raise _bad_request("Bad Request: can't parse JSON body") from None
        if not isinstance(body, dict):
            raise _bad_request("Bad Request: JSON body must be an object")
        raw.update(body)
        return Params(raw, files)
    form = await request.post()
    for name, value in form.items():
        if isinstance(value, web.FileField):
            files[name] = UploadedFile(value.filename, value.content_type, value.file.read())
        else:
            raw[name] = value if isinstance(value, str) else bytes(value).decode()
    return Params(raw, files)


def _bot_id_from_token(token: str) -> int | None:
    digits, sep, rest = token.partition(":")
    if not sep or not rest or not digits.isdigit():
        return None
    return int(digits)


# --------------------------------------------------------------------------------------------
# Infrastructure: notifications, the update queue, flood control, faults, the call log
# --------------------------------------------------------------------------------------------


class _Notifier:
    """Wake-ups for predicate waits; notify() is O(1) when nobody waits (the hot path)."""

    def __init__(self) -> None:
        self._waiters: set[asyncio.Future[None]] = set()

    def notify(self) -> None:
        if not self._waiters:
            return
        for waiter in self._waiters:
            if not waiter.done():
                waiter.set_result(None)
        self._waiters.clear()

    async def wait(self, timeout: float | None) -> None:
        """Return at the next notify() or after ``timeout`` seconds."""
        waiter = asyncio.get_running_loop().create_future()
        self._waiters.add(waiter)
        try:
            await asyncio.wait({waiter}, timeout=timeout)
        finally:
            self._waiters.discard(waiter)
            waiter.cancel()

    async def wait_for(self, predicate: Callable[[], bool], timeout: float | None) -> bool:
        """Wait until ``predicate()`` holds; False when ``timeout`` passed first."""
        loop = asyncio.get_running_loop()
        deadline = None if timeout is None else loop.time() + timeout
        while not predicate():
            remaining = None if deadline is None else deadline - loop.time()
            if remaining is not None and remaining <= 0:
                return False
            await self.wait(remaining)
        return True


@dataclass(frozen=True)
class _PendingUpdate:
    update_id: int
    kind: str
    payload: JSONDict


class _UpdateQueue:
    """Updates not yet confirmed by the bot. Ids only grow, even across reset(), so a running
    bot's offset never swallows the updates of the next test."""

    def __init__(self) -> None:
        self._items: deque[_PendingUpdate] = deque()
        self._next_id = 1
        self.allowed: frozenset[str] = DEFAULT_ALLOWED_UPDATES

    def __len__(self) -> int:
        return len(self._items)

    @property
    def last_id(self) -> int:
        return self._next_id - 1

    def push(self, kind: str, body: JSONDict) -> int | None:
        if kind not in self.allowed:
            return None
        update_id = self._next_id
        self._next_id += 1
        self._items.append(_PendingUpdate(update_id, kind, {"update_id": update_id, kind: body}))
        return update_id

    def set_allowed(self, allowed: Iterable[str]) -> None:
        wanted = frozenset(allowed)
        self.allowed = wanted if wanted else DEFAULT_ALLOWED_UPDATES

    def confirm(self, offset: int) -> bool:
        """Forget updates below ``offset`` (negative: keep only the last -offset)."""
        before = len(self._items)
        if offset < 0:
            while len(self._items) > -offset:
                self._items.popleft()
        else:
            while self._items and self._items[0].update_id < offset:
                self._items.popleft()
        return len(self._items) != before

    def first(self) -> _PendingUpdate | None:
        return self._items[0] if self._items else None

    def peek(self, limit: int) -> list[JSONDict]:
        return [item.payload for item in itertools.islice(self._items, limit)]

    def clear(self) -> None:
        self._items.clear()


class _FloodLimiter:
    """Rolling one-second windows, overall and per chat; O(1) amortised per send."""

    def __init__(self, config: FloodControl) -> None:
        self.config = config
        self.served_429s = 0
        self._overall: deque[float] = deque()
        self._per_chat: dict[int, deque[float]] = {}

    def check(self, chat_id: int | None, now: float) -> int | None:
        """None when the send may go ahead (and is counted), else retry_after seconds."""
        windows = [(self._overall, self.config.max_per_second)]
        if chat_id is not None and self.config.max_per_chat_per_second is not None:
            window = self._per_chat.setdefault(chat_id, deque())
            windows.append((window, self.config.max_per_chat_per_second))
        for window, limit in windows:
            while window and window[0] <= now - 1.0:
                window.popleft()
            if limit is not None and len(window) >= limit:
                self.served_429s += 1
                return self.config.retry_after or max(1, math.ceil(window[0] + 1.0 - now))
        for window, _ in windows:
            window.append(now)
        return None


class _FaultBook:
    def __init__(self) -> None:
        self.faults: list[Fault] = []
        self.served = 0
        self._ids = itertools.count(1)
        self._latency_all = 0.0
        self._latency_by_chat: dict[int, float] = {}

    def add(self, fault: Fault) -> Fault:
        fault.fault_id = next(self._ids)
        self.faults.append(fault)
        return fault

    def take(self, method: str, chat_id: int | None) -> Fault | None:
        """The first matching fault, consuming one of its ``times``."""
        if not self.faults:
            return None
        for fault in self.faults:
            if fault.matches(method, chat_id):
                fault.hits += 1
                self.served += 1
                if fault.times is not None:
                    fault.times -= 1
                    if fault.times <= 0:
                        self.faults.remove(fault)
                return fault
        return None

    def set_latency(self, chat_id: int | None, seconds: float) -> None:
        if chat_id is None:
            self._latency_all = seconds
        elif seconds > 0:
            self._latency_by_chat[chat_id] = seconds
        else:
            self._latency_by_chat.pop(chat_id, None)

    def latency(self, chat_id: int | None) -> float:
        if chat_id is not None and chat_id in self._latency_by_chat:
            return self._latency_by_chat[chat_id]
        return self._latency_all

    def clear(self) -> None:
        self.faults.clear()
        self._latency_all = 0.0
        self._latency_by_chat.clear()


class _CallLog:
    def __init__(self, limit: int | None) -> None:
        self.records: deque[CallRecord] = deque(maxlen=limit)
        self.by_method: Counter[str] = Counter()
        # Bounded too, but generously: a benchmark reads the first one.
        self.get_updates_times: deque[float] = deque(maxlen=10_000)
        self.first_call_at: dict[str, float] = {}
        self.last_call_at: dict[str, float] = {}

    def count(self, method: str, arrived: float) -> None:
        self.by_method[method] += 1
        self.first_call_at.setdefault(method, arrived)
        self.last_call_at[method] = arrived

    def add(self, record: CallRecord) -> None:
        self.count(record.method, record.at)
        if self.records.maxlen != 0:
            self.records.append(record)

    def select(self, method: str | None) -> list[CallRecord]:
        if method is None:
            return list(self.records)
        wanted = method.lower()
        return [record for record in self.records if record.method.lower() == wanted]

    def clear(self) -> None:
        self.records.clear()
        self.by_method.clear()
        self.get_updates_times.clear()
        self.first_call_at.clear()
        self.last_call_at.clear()


# --------------------------------------------------------------------------------------------
# State: users, chats, messages, files, callback queries, pending updates
# --------------------------------------------------------------------------------------------


@dataclass
class _Chat:
    id: int
    type: ChatType
    title: str | None = None
    username: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    # The bot's membership: "member", "administrator", "kicked" (blocked / banned) or "left".
    bot_status: str = "member"
    # One counter per chat, shared by user and bot messages, as in Telegram.
    next_message_id: int = 1
    messages: dict[int, ChatMessage] = field(default_factory=dict)
    bot_sent: int = 0
    user_sent: int = 0

    def to_api(self) -> JSONDict:
        data: JSONDict = {"id": self.id, "type": self.type}
        for key in ("title", "username", "first_name", "last_name"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        return data


def _now() -> int:
    return int(time.time())


def _inline_only(markup: JSONDict | None) -> JSONDict | None:
    """Only inline keyboards belong to a message; reply keyboards belong to the chat."""
    return markup if markup is not None and "inline_keyboard" in markup else None


def _file_api(info: FileInfo) -> JSONDict:
    """The message field Telegram uses for a file of this kind."""
    base: JSONDict = {
        "file_id": info.file_id,
        "file_unique_id": info.file_unique_id,
        "file_size": info.size,
    }
    if info.kind == "photo":
        return {"photo": [{**base, "width": info.width or 0, "height": info.height or 0}]}
    if info.kind == "sticker":
        sticker = {
            **base,
            "width": info.width or 512,
            "height": info.height or 512,
            "is_animated": False,
            "is_video": False,
            "type": "regular",
        }
        if info.emoji:
            sticker["emoji"] = info.emoji
        return {"sticker": sticker}
    if info.kind == "voice":
        return {"voice": {**base, "duration": info.duration or 0, "mime_type": "audio/ogg"}}
    document = dict(base)
    if info.file_name:
        document["file_name"] = info.file_name
    if info.mime_type:
        document["mime_type"] = info.mime_type
    return {"document": document}


class _World:
    """Everything Telegram would know, plus what tests need to read back."""

    def __init__(self, config: EmulatorConfig) -> None:
        self.config = config
        self.bot_id = DEFAULT_BOT_ID
        self.updates = _UpdateQueue()
        # Wakes getUpdates long polls and the webhook sender.
        self.update_signal = _Notifier()
        # Wakes control-side waits: bot messages, edits, answers, confirmations, calls.
        self.activity = _Notifier()
        # Ids keep growing across reset() so stale ids from a previous test never collide.
        self._file_ids = itertools.count(1)
        self._query_ids = itertools.count(1)
        self._init_state()

    def _init_state(self) -> None:
        self.users: dict[int, UserInfo] = {}
        self.chats: dict[int, _Chat] = {}
        self.files: dict[str, tuple[FileInfo, bytes | None]] = {}
        self.callbacks: dict[str, CallbackRecord] = {}
        self.commands: dict[tuple[str, str], list[JSONDict]] = {}
        self.settings: dict[tuple[str, str], Any] = {}
        self.bot_messages_total = 0
        self.user_messages_total = 0

    def reset(self) -> None:
        self._init_state()
        self.updates.clear()
        self.updates.set_allowed(())
        self.activity.notify()

    # -- the bot ------------------------------------------------------------------------------

    def bot_user(self) -> JSONDict:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.config.bot_first_name,
            "username": self.config.bot_username,
        }

    # -- users and chats ------------------------------------------------------------------------

    def ensure_user(
        self,
        user_id: int,
        first_name: str | None = None,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
    ) -> UserInfo:
        current = self.users.get(user_id)
        if current is None:
            current = UserInfo(id=user_id, first_name=f"User{user_id}", language_code="en")
        user = dataclasses.replace(
            current,
            first_name=first_name if first_name is not None else current.first_name,
            last_name=last_name if last_name is not None else current.last_name,
            username=username if username is not None else current.username,
            language_code=language_code if language_code is not None else current.language_code,
        )
        self.users[user_id] = user
        self._private_chat(user)
        return user

    def _private_chat(self, user: UserInfo) -> _Chat:
        chat = self.chats.get(user.id)
        if chat is None:
            chat = _Chat(id=user.id, type="private")
            self.chats[user.id] = chat
        chat.first_name, chat.last_name, chat.username = (
            user.first_name,
            user.last_name,
            user.username,
        )
        return chat

    def shared_chat(
        self, chat_id: int, chat_type: ChatType, title: str | None, username: str | None = None
    ) -> _Chat:
        """A group, supergroup or channel, created on first use."""
        chat = self.chats.get(chat_id)
        if chat is not None:
            if chat.type == "private":
                raise ControlError(f"chat {chat_id} is a private chat, not a {chat_type}")
            return chat
        if chat_type == "private" or chat_id >= 0:
            raise ControlError(f"a {chat_type} chat needs a negative chat_id, got {chat_id}")
        status = "administrator" if chat_type == "channel" else "member"
        default_title = "Test channel" if chat_type == "channel" else "Test group"
        chat = _Chat(chat_id, chat_type, title or default_title, username, bot_status=status)
        self.chats[chat_id] = chat
        return chat

    def chat_for(self, user: UserInfo, chat_id: int | None, chat_type: ChatType) -> _Chat:
        if chat_id is None or chat_id == user.id:
            if chat_type != "private":
                raise ControlError(f"sending to a {chat_type} needs its chat_id")
            return self._private_chat(user)
        return self.shared_chat(chat_id, chat_type if chat_type != "private" else "group", None)

    def find_chat(self, ref: int | str) -> _Chat | None:
        if isinstance(ref, int):
            return self.chats.get(ref)
        name = ref.removeprefix("@").lower()
        return next((c for c in self.chats.values() if (c.username or "").lower() == name), None)

    def require_chat(self, chat_id: int) -> _Chat:
        chat = self.chats.get(chat_id)
        if chat is None:
            raise ControlError(f"unknown chat {chat_id}")
        return chat

    # -- messages -------------------------------------------------------------------------------

    def add_message(self, chat: _Chat, *, from_bot: bool, **content: Any) -> ChatMessage:
        sender_id = self.bot_id if from_bot else content.pop("sender_id", None)
        message = ChatMessage(
            chat_id=chat.id,
            message_id=chat.next_message_id,
            date=_now(),
            from_bot=from_bot,
            sender_id=sender_id,
            **content,
        )
        chat.next_message_id += 1
        if from_bot:
            chat.bot_sent += 1
            self.bot_messages_total += 1
        else:
            chat.user_sent += 1
            self.user_messages_total += 1
        self._store(chat, message)
        if from_bot:
            self.activity.notify()
        return message

    def _store(self, chat: _Chat, message: ChatMessage) -> None:
        limit = self.config.history_limit
        if limit == 0:
            return
        chat.messages[message.message_id] = message
        if limit is not None and len(chat.messages) > limit:
            # dicts keep insertion order, so the first key is the oldest message.
            del chat.messages[next(iter(chat.messages))]

    def replace_message(self, message: ChatMessage) -> None:
        chat = self.chats[message.chat_id]
        if message.message_id in chat.messages:
            chat.messages[message.message_id] = message
        self.activity.notify()

    def get_message(self, chat: _Chat, message_id: int) -> ChatMessage | None:
        message = chat.messages.get(message_id)
        return None if message is None or message.deleted else message

    def message_known(self, chat: _Chat, message_id: int) -> bool:
        """Whether a message exists; without full history we can only check the id range."""
        if self.config.history_limit is None:
            return self.get_message(chat, message_id) is not None
        return 0 < message_id < chat.next_message_id

    def message_api(self, message: ChatMessage, *, with_reply: bool = True) -> JSONDict:
        chat = self.chats[message.chat_id]
        data: JSONDict = {
            "message_id": message.message_id,
            "date": message.date,
            "chat": chat.to_api(),
        }
        self._add_sender(data, message, chat)
        self._add_content(data, message)
        if with_reply and message.reply_to_message_id is not None:
            replied = self.get_message(chat, message.reply_to_message_id)
            if replied is not None:
                data["reply_to_message"] = self.message_api(replied, with_reply=False)
        return data

    def _add_sender(self, data: JSONDict, message: ChatMessage, chat: _Chat) -> None:
        if message.from_bot:
            data["from"] = self.bot_user()
        elif message.sender_id is not None:
            user = self.users.get(message.sender_id)
            data["from"] = (
                user.to_api()
                if user
                else {"id": message.sender_id, "is_bot": False, "first_name": "Deleted"}
            )
        if chat.type == "channel":
            data["sender_chat"] = chat.to_api()

    @staticmethod
    def _add_content(data: JSONDict, message: ChatMessage) -> None:
        if message.text is not None:
            data["text"] = message.text
        if message.entities:
            data["entities"] = list(message.entities)
        if message.caption is not None:
            data["caption"] = message.caption
        if message.file is not None:
            data.update(_file_api(message.file))
        if message.location is not None:
            data["location"] = {
                "latitude": message.location[0],
                "longitude": message.location[1],
            }
        markup = _inline_only(message.reply_markup)
        if markup is not None:
            data["reply_markup"] = markup
        if message.edit_date is not None:
            data["edit_date"] = message.edit_date

    # -- files ----------------------------------------------------------------------------------

    def register_file(self, kind: str, data: bytes | None, **meta: Any) -> FileInfo:
        number = next(self._file_ids)
        info = FileInfo(
            file_id=f"emu-{kind}-{number}",
            file_unique_id=f"emu-u{number}",
            kind=kind,
            size=len(data) if data is not None else 0,
            **meta,
        )
        self.files[info.file_id] = (info, data)
        return info

    # -- updates --------------------------------------------------------------------------------

    def push_update(self, kind: str, body: JSONDict) -> int | None:
        update_id = self.updates.push(kind, body)
        if update_id is not None:
            self.update_signal.notify()
        return update_id

    def confirm_updates(self, offset: int) -> None:
        if self.updates.confirm(offset):
            self.activity.notify()

    # -- what users do --------------------------------------------------------------------------

    def user_message(
        self,
        user_id: int,
        *,
        chat_id: int | None,
        chat_type: ChatType,
        kind: str,
        **content: Any,
    ) -> UpdateReceipt:
        user = self.ensure_user(user_id)
        if user.blocked and (chat_id is None or chat_id == user_id):
            raise ControlError(f"user {user_id} has blocked the bot; unblock() first")
        chat = self.chat_for(user, chat_id, chat_type)
        message = self.add_message(chat, from_bot=False, sender_id=user.id, kind=kind, **content)
        update_id = self.push_update("message", self.message_api(message))
        return UpdateReceipt(update_id, message)

    def edit_user_text(
        self, user_id: int, message_id: int, text: str, chat_id: int | None
    ) -> UpdateReceipt:
        chat = self.require_chat(user_id if chat_id is None else chat_id)
        message = self.get_message(chat, message_id)
        if message is None or message.from_bot or message.sender_id != user_id:
            raise ControlError(f"user {user_id} has no message {message_id} in chat {chat.id}")
        edited = dataclasses.replace(
            message,
            text=text,
            raw_text=text,
            entities=tuple(bot_command_entities(text)),
            edited=True,
            edit_date=_now(),
        )
        self.replace_message(edited)
        update_id = self.push_update("edited_message", self.message_api(edited))
        return UpdateReceipt(update_id, edited)

    def channel_post(
        self, chat_id: int, text: str, title: str | None, username: str | None
    ) -> UpdateReceipt:
        chat = self.shared_chat(chat_id, "channel", title, username)
        message = self.add_message(chat, from_bot=False, sender_id=None, text=text, raw_text=text)
        update_id = self.push_update("channel_post", self.message_api(message))
        return UpdateReceipt(update_id, message)

    def set_bot_status(self, chat: _Chat, user: UserInfo, status: str) -> UpdateReceipt:
        """Change the bot's membership and emit my_chat_member, as Telegram does."""
        old = chat.bot_status
        chat.bot_status = status
        body = {
            "chat": chat.to_api(),
            "from": user.to_api(),
            "date": _now(),
            "old_chat_member": self._bot_member(old),
            "new_chat_member": self._bot_member(status),
        }
        return UpdateReceipt(self.push_update("my_chat_member", body))

    def _bot_member(self, status: str) -> JSONDict:
        member: JSONDict = {"user": self.bot_user(), "status": status}
        if status == "kicked":
            member["until_date"] = 0
        return member

    def set_blocked(self, user_id: int, blocked: bool) -> UpdateReceipt:
        user = self.ensure_user(user_id)
        if user.blocked == blocked:
            return UpdateReceipt(None)
        user = dataclasses.replace(user, blocked=blocked)
        self.users[user_id] = user
        return self.set_bot_status(
            self._private_chat(user), user, "kicked" if blocked else "member"
        )

    # -- button presses -------------------------------------------------------------------------

    def press(
        self,
        user_id: int,
        message_id: int,
        data: str | None,
        *,
        button_text: str | None,
        chat_id: int | None,
        forge: bool,
    ) -> UpdateReceipt:
        user = self.ensure_user(user_id)
        if user.blocked and not forge:
            raise ControlError(f"user {user_id} has blocked the bot; unblock() first")
        chat = self.chats[user_id] if chat_id is None else self.require_chat(chat_id)
        message = self.get_message(chat, message_id)
        if not forge:
            data = _pressed_data(message, message_id, chat.id, data, button_text)
        query_id = str(4_000_000_000 + next(self._query_ids))
        body: JSONDict = {
            "id": query_id,
            "from": user.to_api(),
            "chat_instance": str(abs(chat.id) * 31 + 7),
            "message": (
                self.message_api(message)
                if message is not None
                # What Telegram sends for a message the bot can no longer see.
                else {"chat": chat.to_api(), "message_id": message_id, "date": 0}
            ),
        }
        if data is not None:
            body["data"] = data
        self.callbacks[query_id] = CallbackRecord(
            query_id, user_id, chat.id, message_id, data, pressed_at=time.monotonic()
        )
        return UpdateReceipt(self.push_update("callback_query", body), callback_query_id=query_id)

    def answer_callback(
        self,
        query_id: str | None,
        *,
        text: str | None,
        show_alert: bool,
        url: str | None,
        cache_time: int | None,
    ) -> None:
        record = self.callbacks.get(query_id or "")
        now = time.monotonic()
        ttl = self.config.callback_query_ttl
        expired = record is not None and ttl is not None and now - record.pressed_at > ttl
        if record is None or record.answered or expired:
            raise _bad_request(ERR_QUERY_INVALID)
        self.callbacks[record.query_id] = dataclasses.replace(
            record,
            answered=True,
            text=text,
            show_alert=show_alert,
            url=url,
            cache_time=cache_time,
            answered_at=now,
        )
        self.activity.notify()


def _pressed_data(
    message: ChatMessage | None,
    message_id: int,
    chat_id: int,
    data: str | None,
    button_text: str | None,
) -> str:
    """The callback_data of the button a user can really press; ControlError otherwise."""
    if message is None:
        raise ControlError(
            f"message {message_id} not found in chat {chat_id}; pass forge=True to press anyway"
        )
    if not message.from_bot:
        raise ControlError(f"message {message_id} in chat {chat_id} was not sent by the bot")
    if data is None and button_text is None:
        raise ControlError("press() needs data or button_text")
    matches = [
        button
        for button in message.buttons
        if (data is None or button.get("callback_data") == data)
        and (button_text is None or button.get("text") == button_text)
    ]
    if not matches:
        raise ControlError(
            f"no button with data={data!r} text={button_text!r} on message {message_id}; "
            f"buttons: {[(b.get('text'), b.get('callback_data')) for b in message.buttons]}"
        )
    if "callback_data" not in matches[0]:
        raise ControlError(f"button {matches[0].get('text')!r} is not a callback button")
    return str(matches[0]["callback_data"])


# --------------------------------------------------------------------------------------------
# The Bot API methods
# --------------------------------------------------------------------------------------------


@dataclass
class _ApiCall:
    method: str
    params: Params
    bot_id: int
    chat_id: int | None


_Handler = Callable[[_ApiCall], Awaitable[Any]]


@dataclass(frozen=True)
class _Method:
    name: str
    handler: _Handler
    # Sends and edits count towards flood control; reads and polls do not.
    flood: bool = False


@dataclass
class _Webhook:
    url: str = ""
    secret_token: str | None = None
    max_connections: int = 40
    allowed_updates: list[str] | None = None
    last_error_date: int | None = None
    last_error_message: str | None = None
    task: asyncio.Task[None] | None = None


@dataclass
class _Poller:
    kicked: bool = False


# Bot settings that are only stored and read back: setter -> (getter, field, default).
_SETTINGS: Final = {
    "setmydescription": ("getMyDescription", "description", ""),
    "setmyshortdescription": ("getMyShortDescription", "short_description", ""),
    "setmyname": ("getMyName", "name", BOT_FIRST_NAME),
}


class _BotApi:
    def __init__(self, world: _World, config: EmulatorConfig) -> None:
        self.world = world
        self.config = config
        self.webhook = _Webhook()
        self.poller: _Poller | None = None
        self.closing = False
        self.methods = {method.name.lower(): method for method in self._method_table()}

    def _method_table(self) -> list[_Method]:
        methods = [
            _Method("getMe", self._get_me),
            _Method("getUpdates", self._get_updates),
            _Method("sendMessage", self._send_message, flood=True),
            _Method("editMessageText", self._edit_message_text, flood=True),
            _Method("editMessageReplyMarkup", self._edit_message_reply_markup, flood=True),
            _Method("editMessageCaption", self._edit_message_caption, flood=True),
            _Method("deleteMessage", self._delete_message),
            _Method("answerCallbackQuery", self._answer_callback_query),
            _Method("sendPhoto", self._send_photo, flood=True),
            _Method("sendDocument", self._send_document, flood=True),
            _Method("sendChatAction", self._send_chat_action),
            _Method("getFile", self._get_file),
            _Method("setMyCommands", self._set_my_commands),
            _Method("getMyCommands", self._get_my_commands),
            _Method("deleteMyCommands", self._delete_my_commands),
            _Method("setWebhook", self._set_webhook),
            _Method("deleteWebhook", self._delete_webhook),
            _Method("getWebhookInfo", self._get_webhook_info),
            _Method("setChatMenuButton", self._set_chat_menu_button),
            _Method("getChatMenuButton", self._get_chat_menu_button),
            _Method("close", self._ok),
            _Method("logOut", self._ok),
        ]
        for setter, (getter, _, _) in _SETTINGS.items():
            methods.append(_Method(setter, self._set_setting))
            methods.append(_Method(getter, self._get_setting))
        return methods

    def lookup(self, name: str) -> _Method | None:
        return self.methods.get(name.lower())

    async def _ok(self, call: _ApiCall) -> bool:
        return True

    async def _get_me(self, call: _ApiCall) -> JSONDict:
        return {
            **self.world.bot_user(),
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    # -- getUpdates -----------------------------------------------------------------------------

    async def _get_updates(self, call: _ApiCall) -> list[JSONDict]:
        params = call.params
        offset = params.integer("offset")
        limit = min(max(params.integer("limit") or 100, 1), 100)
        timeout = min(max(params.number("timeout") or 0.0, 0.0), self.config.max_long_poll)
        allowed = params.json_value("allowed_updates")
        if self.webhook.url:
            raise ApiError(409, ERR_CONFLICT_WEBHOOK)
        if isinstance(allowed, list):
            self.world.updates.set_allowed(str(kind) for kind in allowed)
        if offset is not None:
            self.world.confirm_updates(offset)
        poller = self._claim_polling()
        try:
            if timeout > 0:
                await self.world.update_signal.wait_for(
                    lambda: (
                        poller.kicked
                        or self.closing
                        or bool(self.webhook.url)
                        or len(self.world.updates) > 0
                    ),
                    timeout,
                )
            if poller.kicked:
                raise ApiError(409, ERR_CONFLICT_POLLING)
            if self.webhook.url:
                raise ApiError(409, ERR_CONFLICT_WEBHOOK)
            return self.world.updates.peek(limit)
        finally:
            if self.poller is poller:
                self.poller = None

    def _claim_polling(self) -> _Poller:
        """Become the only poller; a pending earlier getUpdates is answered with 409."""
        if self.poller is not None:
            self.poller.kicked = True
            self.world.update_signal.notify()
        self.poller = _Poller()
        return self.poller

    # -- sending --------------------------------------------------------------------------------

    async def _send_message(self, call: _ApiCall) -> JSONDict:
        params = call.params
        chat = self._writable_chat(params)
        raw = params.string("text")
        parse_mode = params.string("parse_mode")
        text = self._render(raw, parse_mode, MAX_TEXT_LENGTH, ERR_TOO_LONG)
        markup = self._reply_markup(params)
        reply_to = self._reply_to(params, chat)
        message = self.world.add_message(
            chat,
            from_bot=True,
            text=text,
            raw_text=raw,
            parse_mode=parse_mode,
            reply_markup=markup,
            reply_to_message_id=reply_to,
        )
        return self.world.message_api(message)

    async def _send_photo(self, call: _ApiCall) -> JSONDict:
        return self._send_file(call.params, "photo")

    async def _send_document(self, call: _ApiCall) -> JSONDict:
        return self._send_file(call.params, "document")

    def _send_file(self, params: Params, kind: str) -> JSONDict:
        chat = self._writable_chat(params)
        parse_mode = params.string("parse_mode")
        caption = self._caption(params.string("caption"), parse_mode)
        markup = self._reply_markup(params)
        reply_to = self._reply_to(params, chat)
        info = self._input_file(params, kind)
        message = self.world.add_message(
            chat,
            from_bot=True,
            kind=kind,
            caption=caption,
            parse_mode=parse_mode,
            file=info,
            reply_markup=markup,
            reply_to_message_id=reply_to,
        )
        return self.world.message_api(message)

    def _input_file(self, params: Params, kind: str) -> FileInfo:
        """An uploaded part (by field name or attach://), a known file_id, or a URL."""
        ref = params.string(kind)
        upload = params.files.get(kind)
        if upload is None and ref and ref.startswith("attach://"):
            upload = params.files.get(ref.removeprefix("attach://"))
        if upload is not None:
            return self._register_upload(upload, kind)
        if not ref:
            raise _bad_request(f"Bad Request: there is no {kind} in the request")
        known = self.world.files.get(ref)
        if known is not None:
            return dataclasses.replace(known[0], kind=kind)
        if ref.startswith(("http://", "https://")):
            return self.world.register_file(kind, None, file_name=ref.rsplit("/", 1)[-1])
        raise _bad_request("Bad Request: wrong file identifier/HTTP URL specified")

    def _register_upload(self, upload: UploadedFile, kind: str) -> FileInfo:
        if not upload.data:
            raise _bad_request("Bad Request: file must be non-empty")
        size = _png_size(upload.data) if kind == "photo" else None
        return self.world.register_file(
            kind,
            upload.data,
            file_name=upload.filename,
            mime_type=upload.content_type,
            width=size[0] if size else None,
            height=size[1] if size else None,
        )

    async def _send_chat_action(self, call: _ApiCall) -> bool:
        self._writable_chat(call.params)
        if call.params.string("action") not in CHAT_ACTIONS:
            raise _bad_request("Bad Request: wrong parameter action in request")
        return True

    # -- editing and deleting -------------------------------------------------------------------

    async def _edit_message_text(self, call: _ApiCall) -> JSONDict:
        params = call.params
        message = self._edit_target(params)
        raw = params.string("text")
        parse_mode = params.string("parse_mode")
        text = self._render(raw, parse_mode, MAX_TEXT_LENGTH, ERR_TOO_LONG)
        markup = self._reply_markup(params, inline_only=True)
        if message.text is None:
            raise _bad_request(ERR_NO_TEXT_TO_EDIT)
        same_text = text == message.text and _formatting(raw, text, parse_mode) == _formatting(
            message.raw_text, message.text, message.parse_mode
        )
        if same_text and markup == _inline_only(message.reply_markup):
            raise _bad_request(ERR_NOT_MODIFIED)
        edited = dataclasses.replace(
            message,
            text=text,
            raw_text=raw,
            parse_mode=parse_mode,
            reply_markup=markup,
            edited=True,
            edit_date=_now(),
        )
        self.world.replace_message(edited)
        return self.world.message_api(edited)

    async def _edit_message_reply_markup(self, call: _ApiCall) -> JSONDict:
        message = self._edit_target(call.params)
        markup = self._reply_markup(call.params, inline_only=True)
        if markup == _inline_only(message.reply_markup):
            raise _bad_request(ERR_NOT_MODIFIED)
        edited = dataclasses.replace(message, reply_markup=markup, edited=True, edit_date=_now())
        self.world.replace_message(edited)
        return self.world.message_api(edited)

    async def _edit_message_caption(self, call: _ApiCall) -> JSONDict:
        params = call.params
        message = self._edit_target(params)
        if message.file is None:
            raise _bad_request("Bad Request: there is no caption in the message to edit")
        parse_mode = params.string("parse_mode")
        caption = self._caption(params.string("caption"), parse_mode)
        markup = self._reply_markup(params, inline_only=True)
        if caption == message.caption and markup == _inline_only(message.reply_markup):
            raise _bad_request(ERR_NOT_MODIFIED)
        edited = dataclasses.replace(
            message,
            caption=caption,
            parse_mode=parse_mode,
            reply_markup=markup,
            edited=True,
            edit_date=_now(),
        )
        self.world.replace_message(edited)
        return self.world.message_api(edited)

    def _edit_target(self, params: Params) -> ChatMessage:
        if params.has("inline_message_id"):
            raise _bad_request(ERR_EDIT_NOT_FOUND)  # inline messages are not emulated
        chat = self._writable_chat(params)
        message_id = params.integer("message_id")
        if message_id is None:
            raise _bad_request("Bad Request: message identifier is not specified")
        message = self.world.get_message(chat, message_id)
        if message is None:
            raise _bad_request(ERR_EDIT_NOT_FOUND)
        if not message.from_bot:
            raise _bad_request(ERR_CANT_EDIT)
        return message

    async def _delete_message(self, call: _ApiCall) -> bool:
        chat = self._known_chat(call.params)
        message_id = call.params.integer("message_id")
        message = None if message_id is None else self.world.get_message(chat, message_id)
        if message is None:
            raise _bad_request(ERR_DELETE_NOT_FOUND)
        self.world.replace_message(dataclasses.replace(message, deleted=True))
        return True

    # -- callback queries -----------------------------------------------------------------------

    async def _answer_callback_query(self, call: _ApiCall) -> bool:
        params = call.params
        text = params.string("text")
        if text is not None and len(text) > MAX_CALLBACK_ANSWER_LENGTH:
            raise _bad_request(ERR_ANSWER_TOO_LONG)
        self.world.answer_callback(
            params.string("callback_query_id"),
            text=text,
            show_alert=params.boolean("show_alert"),
            url=params.string("url"),
            cache_time=params.integer("cache_time"),
        )
        return True

    # -- files ----------------------------------------------------------------------------------

    async def _get_file(self, call: _ApiCall) -> JSONDict:
        entry = self.world.files.get(call.params.string("file_id") or "")
        if entry is None:
            raise _bad_request("Bad Request: invalid file_id")
        info = entry[0]
        return {
            "file_id": info.file_id,
            "file_unique_id": info.file_unique_id,
            "file_size": info.size,
            "file_path": f"{info.kind}s/{info.file_id}",
        }

    # -- commands and settings ------------------------------------------------------------------

    async def _set_my_commands(self, call: _ApiCall) -> bool:
        commands = call.params.json_value("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise _bad_request("Bad Request: can't parse commands JSON object")
        cleaned = [_checked_command(command) for command in commands]
        self.world.commands[_commands_key(call.params)] = cleaned
        return True

    async def _get_my_commands(self, call: _ApiCall) -> list[JSONDict]:
        return list(self.world.commands.get(_commands_key(call.params), []))

    async def _delete_my_commands(self, call: _ApiCall) -> bool:
        self.world.commands.pop(_commands_key(call.params), None)
        return True

    async def _set_setting(self, call: _ApiCall) -> bool:
        _, name, _ = _SETTINGS[call.method.lower()]
        language = call.params.string("language_code") or ""
        self.world.settings[(name, language)] = call.params.string(name) or ""
        return True

    async def _get_setting(self, call: _ApiCall) -> JSONDict:
        name, default = next(
            (name, default)
            for getter, name, default in _SETTINGS.values()
            if getter.lower() == call.method.lower()
        )
        language = call.params.string("language_code") or ""
        stored = self.world.settings.get((name, language), self.world.settings.get((name, "")))
        return {name: stored if stored is not None else default}

    async def _set_chat_menu_button(self, call: _ApiCall) -> bool:
        button = call.params.json_value("menu_button") or {"type": "default"}
        self.world.settings[("menu_button", str(call.params.chat_ref() or ""))] = button
        return True

    async def _get_chat_menu_button(self, call: _ApiCall) -> JSONDict:
        key = ("menu_button", str(call.params.chat_ref() or ""))
        return cast(JSONDict, self.world.settings.get(key, {"type": "default"}))

    # -- webhook --------------------------------------------------------------------------------

    async def _set_webhook(self, call: _ApiCall) -> bool:
        params = call.params
        url = params.string("url") or ""
        secret = params.string("secret_token") or None
        if secret is not None and not _SECRET_TOKEN_RE.match(secret):
            raise _bad_request("Bad Request: secret token contains unallowed characters")
        # Telegram insists on HTTPS; the emulator also takes plain HTTP for local receivers.
        if url and not url.startswith(("http://", "https://")):
            raise _bad_request(
                "Bad Request: bad webhook: An HTTPS URL must be provided for webhook"
            )
        allowed = params.json_value("allowed_updates")
        if params.boolean("drop_pending_updates"):
            self.world.updates.clear()
        if isinstance(allowed, list):
            self.world.updates.set_allowed(str(kind) for kind in allowed)
        self.stop_webhook()
        self.webhook = _Webhook(
            url=url,
            secret_token=secret,
            max_connections=params.integer("max_connections") or 40,
            allowed_updates=[str(kind) for kind in allowed] if isinstance(allowed, list) else None,
        )
        if url:
            self.webhook.task = asyncio.create_task(self._deliver_webhook(self.webhook))
            self.world.update_signal.notify()  # pending long polls now end in 409
        return True

    async def _delete_webhook(self, call: _ApiCall) -> bool:
        if call.params.boolean("drop_pending_updates"):
            self.world.updates.clear()
        self.stop_webhook()
        self.webhook = _Webhook()
        return True

    async def _get_webhook_info(self, call: _ApiCall) -> JSONDict:
        return self.webhook_info()

    def webhook_info(self) -> JSONDict:
        hook = self.webhook
        info: JSONDict = {
            "url": hook.url,
            "has_custom_certificate": False,
            "pending_update_count": len(self.world.updates),
        }
        if hook.url:
            info["max_connections"] = hook.max_connections
            if hook.allowed_updates is not None:
                info["allowed_updates"] = hook.allowed_updates
        if hook.last_error_date is not None:
            info["last_error_date"] = hook.last_error_date
            info["last_error_message"] = hook.last_error_message
        return info

    def stop_webhook(self) -> asyncio.Task[None] | None:
        task, self.webhook.task = self.webhook.task, None
        if task is not None:
            task.cancel()
        return task

    async def _deliver_webhook(self, hook: _Webhook) -> None:
        """POST pending updates one at a time, in order, retrying failures with a backoff."""
        failures = 0
        delays = self.config.webhook_retry_delays or (0.1,)
        timeout = aiohttp.ClientTimeout(total=self.config.webhook_timeout)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            while True:
                await self.world.update_signal.wait_for(lambda: len(self.world.updates) > 0, None)
                pending = self.world.updates.first()
                if pending is None:
                    continue
                error = await _post_update(session, hook, pending.payload)
                if error is None:
                    failures = 0
                    self.world.confirm_updates(pending.update_id + 1)
                    continue
                hook.last_error_date, hook.last_error_message = _now(), error
                await asyncio.sleep(delays[min(failures, len(delays) - 1)])
                failures += 1

    # -- shared checks --------------------------------------------------------------------------

    def _known_chat(self, params: Params) -> _Chat:
        ref = params.chat_ref()
        if ref is None:
            raise _bad_request(ERR_CHAT_ID_EMPTY)
        chat = self.world.find_chat(ref)
        if chat is None:
            raise _bad_request(ERR_CHAT_NOT_FOUND)
        return chat

    def _writable_chat(self, params: Params) -> _Chat:
        chat = self._known_chat(params)
        if chat.type == "private":
            user = self.world.users.get(chat.id)
            if user is not None and user.blocked:
                raise ApiError(403, ERR_BLOCKED)
        elif chat.bot_status == "kicked":
            raise ApiError(403, ERR_KICKED)
        elif chat.bot_status == "left":
            raise ApiError(403, ERR_NOT_MEMBER)
        return chat

    def _render(self, raw: str | None, parse_mode: str | None, limit: int, too_long: str) -> str:
        if raw is None or not raw.strip():
            raise _bad_request(ERR_EMPTY_TEXT)
        text = render_text(raw, parse_mode, validate=self.config.validate_entities)
        if not text.strip():
            raise _bad_request(ERR_EMPTY_TEXT)
        if utf16_len(text) > limit:
            raise _bad_request(too_long)
        return text

    def _caption(self, raw: str | None, parse_mode: str | None) -> str | None:
        if raw is None or raw == "":
            return None
        text = render_text(raw, parse_mode, validate=self.config.validate_entities)
        if utf16_len(text) > MAX_CAPTION_LENGTH:
            raise _bad_request(ERR_CAPTION_TOO_LONG)
        return text

    def _reply_markup(self, params: Params, *, inline_only: bool = False) -> JSONDict | None:
        markup = params.json_value("reply_markup", ERR_BAD_MARKUP)
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise _bad_request(ERR_BAD_MARKUP)
        if "inline_keyboard" in markup:
            _check_inline_keyboard(markup["inline_keyboard"])
            return markup
        if inline_only:
            raise _bad_request("Bad Request: inline keyboard expected")
        keyboard = markup.get("keyboard")
        if isinstance(keyboard, list) and all(isinstance(row, list) for row in keyboard):
            return markup
        if markup.get("remove_keyboard") is True or markup.get("force_reply") is True:
            return markup
        raise _bad_request(ERR_BAD_MARKUP)

    def _reply_to(self, params: Params, chat: _Chat) -> int | None:
        reply = params.json_value("reply_parameters")
        target = params.integer("reply_to_message_id")
        allow = params.boolean("allow_sending_without_reply")
        if isinstance(reply, dict):
            target = _as_int(reply.get("message_id"))
            allow = allow or bool(reply.get("allow_sending_without_reply"))
        if target is None:
            return None
        if self.world.message_known(chat, target):
            return target
        if allow:
            return None
        raise _bad_request(ERR_REPLY_NOT_FOUND)


def _formatting(raw: str | None, text: str, parse_mode: str | None) -> tuple[str, str] | None:
    """What distinguishes two messages with the same visible text: their markup, if any."""
    if raw is None or raw == text:
        return None
    return raw, (parse_mode or "").lower()


def _check_inline_keyboard(rows: Any) -> None:
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise _bad_request(
            'Bad Request: field "inline_keyboard" of the InlineKeyboardMarkup must be an '
            "Array of Arrays"
        )
    for row in rows:
        for button in row:
            _check_inline_button(button)


def _check_inline_button(button: Any) -> None:
    if not isinstance(button, dict) or not isinstance(button.get("text"), str):
        raise _bad_request(
            'Bad Request: can\'t parse inline keyboard button: Field "text" must be of type String'
        )
    if not _INLINE_BUTTON_ACTIONS & button.keys():
        raise _bad_request(ERR_BUTTON_NO_ACTION)
    if "callback_data" in button:
        data = button["callback_data"]
        if not isinstance(data, str) or not 1 <= len(data.encode()) <= MAX_CALLBACK_DATA_BYTES:
            raise _bad_request(ERR_BUTTON_DATA_INVALID)
    if "url" in button:
        url = button["url"]
        if not isinstance(url, str) or not url.startswith(("http://", "https://", "tg://")):
            raise _bad_request(ERR_BUTTON_URL_INVALID)


def _checked_command(command: Any) -> JSONDict:
    if not isinstance(command, dict):
        raise _bad_request("Bad Request: can't parse BotCommand JSON object")
    name, description = command.get("command"), command.get("description")
    if not isinstance(name, str) or not _COMMAND_RE.match(name):
        raise _bad_request("Bad Request: BOT_COMMAND_INVALID")
    if not isinstance(description, str) or not 1 <= len(description) <= 256:
        raise _bad_request("Bad Request: command description must be 1-256 characters")
    return {"command": name, "description": description}


def _commands_key(params: Params) -> tuple[str, str]:
    scope = params.json_value("scope") or {"type": "default"}
    return json.dumps(scope, sort_keys=True), params.string("language_code") or ""


async def _post_update(
    session: aiohttp.ClientSession, hook: _Webhook, payload: JSONDict
) -> str | None:
    """Deliver one update; None on a 2xx answer, else the error as getWebhookInfo shows it."""
    headers = {"Content-Type": "application/json"}
    if hook.secret_token:
        headers["X-Telegram-Bot-Api-Secret-Token"] = hook.secret_token
    try:
        async with session.post(hook.url, data=json.dumps(payload), headers=headers) as response:
            await response.read()
            if 200 <= response.status < 300:
                return None
            return f"Wrong response from the webhook: {response.status} {response.reason}"
    except (aiohttp.ClientError, OSError, TimeoutError) as exc:
        return f"Connection failed: {exc!r}"


# --------------------------------------------------------------------------------------------
# The emulator
# --------------------------------------------------------------------------------------------


def _json_response(status: int, body: Any) -> web.Response:
    return web.Response(
        body=json.dumps(body, ensure_ascii=False).encode(),
        status=status,
        content_type="application/json",
    )


class TelegramEmulator:
    """An aiohttp server on 127.0.0.1 speaking the Bot API, with a control surface for tests.

    The Python control methods must be called from the event loop the emulator runs in; from
    another thread or process use the HTTP control API (:mod:`bot.sandbox.client`).
    """

    def __init__(self, config: EmulatorConfig | None = None) -> None:
        self.config = config or EmulatorConfig()
        self.world = _World(self.config)
        self.api = _BotApi(self.world, self.config)
        self.faults = _FaultBook()
        self.flood = _FloodLimiter(self.config.flood)
        self.log = _CallLog(self.config.call_log_limit)
        self.started_at = time.monotonic()
        self._runner: web.AppRunner | None = None
        self._port: int | None = None
        self._inflight = 0
        self._last_activity = 0.0
        self._get_updates_arrivals = 0
        self._control = _ControlHttp(self)

    # -- lifecycle ------------------------------------------------------------------------------

    async def start(self) -> TelegramEmulator:
        app = web.Application(client_max_size=MAX_UPLOAD_BYTES)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file_download)
        self._control.register(app.router)
        # handler_cancellation: a client that hangs up (e.g. a cancelled long poll) must not
        # leave a zombie getUpdates behind that the next poller would "conflict" with.
        runner = web.AppRunner(
            app,
            access_log=None,
            handler_cancellation=True,
            shutdown_timeout=self.config.shutdown_timeout,
        )
        await runner.setup()
        self.api.closing = False
        site = web.TCPSite(runner, "127.0.0.1", self.config.port)
        await site.start()
        self._runner = runner
        self._port = int(runner.addresses[0][1])
        self.started_at = time.monotonic()
        _LOG.info("Telegram emulator listening on %s", self.base_url)
        return self

    async def stop(self) -> None:
        if self._runner is None:
            return
        self.api.closing = True
        self.world.update_signal.notify()
        self.world.activity.notify()
        task = self.api.stop_webhook()
        if task is not None:
            await asyncio.gather(task, return_exceptions=True)
        runner, self._runner = self._runner, None
        await runner.cleanup()

    async def __aenter__(self) -> TelegramEmulator:
        return await self.start()

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("the emulator is not started")
        return self._port

    @property
    def root_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        """For ``ApplicationBuilder.base_url``: PTB appends the token and the method."""
        return f"{self.root_url}/bot"

    @property
    def base_file_url(self) -> str:
        return f"{self.root_url}/file/bot"

    @property
    def control_url(self) -> str:
        return f"{self.root_url}/control"

    # -- Bot API over HTTP ----------------------------------------------------------------------

    async def _handle_api(self, request: web.Request) -> web.Response:
        arrived = time.monotonic()
        bot_id = _bot_id_from_token(request.match_info["token"])
        if bot_id is None:  # Telegram answers a malformed token with 404
            return _json_response(404, _error_body(404, "Not Found"))
        method = self.api.lookup(request.match_info["method"])
        if method is None:
            name = request.match_info["method"]
            self._record(name, Params({}), None, 404, arrived, ERR_METHOD_NOT_FOUND)
            return _json_response(404, _error_body(404, ERR_METHOD_NOT_FOUND))
        self.world.bot_id = bot_id
        polling = method.name == "getUpdates"
        self._begin(polling, arrived)
        params, chat_id = Params({}), None
        status, body = 499, _error_body(499, "client closed the request")
        try:
            params = await _read_params(request)
            chat_id = self._peek_chat_id(params)
            status, body = await self._execute(
                method, _ApiCall(method.name, params, bot_id, chat_id)
            )
        except ApiError as exc:
            status, body = exc.status, exc.body()
        finally:
            self._record(method.name, params, chat_id, status, arrived, body.get("description"))
            self._end(polling)
        return _json_response(status, body)

    async def _execute(self, method: _Method, call: _ApiCall) -> tuple[int, JSONDict]:
        latency = self.faults.latency(call.chat_id)
        if latency > 0:
            await asyncio.sleep(latency)
        fault = self.faults.take(method.name, call.chat_id)
        if fault is not None:
            return await self._execute_fault(fault, method, call)
        if method.flood and self.flood.config.enabled:
            retry_after = self.flood.check(call.chat_id, time.monotonic())
            if retry_after is not None:
                description = f"Too Many Requests: retry after {retry_after}"
                return 429, _error_body(429, description, retry_after)
        return await self._run(method, call)

    @staticmethod
    async def _run(method: _Method, call: _ApiCall) -> tuple[int, JSONDict]:
        try:
            result = await method.handler(call)
        except ApiError as exc:
            return exc.status, exc.body()
        return 200, {"ok": True, "result": result}

    async def _execute_fault(
        self, fault: Fault, method: _Method, call: _ApiCall
    ) -> tuple[int, JSONDict]:
        # A delivered call takes effect at once, like a message Telegram sent before the
        # client gave up waiting for the answer.
        outcome = await self._run(method, call) if fault.delivers else None
        if fault.delay > 0:
            await asyncio.sleep(fault.delay)
        if fault.status is None and outcome is not None:
            return outcome
        return fault.error_body()

    def _peek_chat_id(self, params: Params) -> int | None:
        value = params.raw.get("chat_id")
        if value is None:
            return None
        as_int = _as_int(value)
        if as_int is not None:
            return as_int
        chat = self.world.find_chat(str(value))
        return chat.id if chat else None

    def _begin(self, polling: bool, arrived: float) -> None:
        if polling:
            self._get_updates_arrivals += 1
            self.log.get_updates_times.append(arrived)
            self.world.activity.notify()
            return
        self._inflight += 1
        self._last_activity = arrived

    def _end(self, polling: bool) -> None:
        if polling:
            return
        self._inflight -= 1
        self._last_activity = time.monotonic()
        self.world.activity.notify()

    def _record(
        self,
        method: str,
        params: Params,
        chat_id: int | None,
        status: int,
        arrived: float,
        description: str | None,
    ) -> None:
        if self.log.records.maxlen == 0:
            self.log.count(method, arrived)
            return
        logged = params.logged() if self.config.log_params else {}
        duration = time.monotonic() - arrived
        self.log.add(CallRecord(method, logged, chat_id, status, arrived, duration, description))
        if status >= 400:
            _LOG.debug("%s -> %s %s", method, status, description)

    async def _handle_file_download(self, request: web.Request) -> web.Response:
        file_id = request.match_info["path"].rsplit("/", 1)[-1]
        entry = self.world.files.get(file_id)
        if entry is None or entry[1] is None:
            return _json_response(404, _error_body(404, "Not Found"))
        info, data = entry
        return web.Response(body=data, content_type=info.mime_type or "application/octet-stream")

    # -- control: acting as users ---------------------------------------------------------------

    def add_user(
        self,
        user_id: int,
        first_name: str | None = None,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
    ) -> UserInfo:
        """Create or update a user (and their private chat with the bot)."""
        return self.world.ensure_user(
            user_id,
            first_name,
            last_name=last_name,
            username=username,
            language_code=language_code,
        )

    def user(self, user_id: int) -> UserInfo | None:
        return self.world.users.get(user_id)

    def send_text(
        self,
        user_id: int,
        text: str,
        *,
        chat_id: int | None = None,
        chat_type: ChatType = "private",
        reply_to_message_id: int | None = None,
    ) -> UpdateReceipt:
        """The user sends ``text``; a leading "/cmd" gets its bot_command entity."""
        if not text:
            raise ControlError("Telegram clients cannot send an empty message")
        return self.world.user_message(
            user_id,
            chat_id=chat_id,
            chat_type=chat_type,
            kind="text",
            text=text,
            raw_text=text,
            entities=tuple(bot_command_entities(text)),
            reply_to_message_id=reply_to_message_id,
        )

    def send_sticker(
        self,
        user_id: int,
        *,
        emoji: str = "👍",
        chat_id: int | None = None,
        chat_type: ChatType = "private",
    ) -> UpdateReceipt:
        info = self.world.register_file("sticker", None, width=512, height=512, emoji=emoji)
        return self._user_file(user_id, info, chat_id, chat_type, None)

    def send_photo(
        self,
        user_id: int,
        data: bytes | None = None,
        *,
        caption: str | None = None,
        chat_id: int | None = None,
        chat_type: ChatType = "private",
    ) -> UpdateReceipt:
        data = data if data is not None else make_png(4, 3)
        size = _png_size(data) or (0, 0)
        info = self.world.register_file(
            "photo", data, mime_type="image/png", width=size[0], height=size[1]
        )
        return self._user_file(user_id, info, chat_id, chat_type, caption)

    def send_voice(
        self,
        user_id: int,
        *,
        duration: int = 3,
        data: bytes | None = None,
        chat_id: int | None = None,
        chat_type: ChatType = "private",
    ) -> UpdateReceipt:
        payload = data if data is not None else b"OggS" + bytes(60)
        info = self.world.register_file("voice", payload, mime_type="audio/ogg", duration=duration)
        return self._user_file(user_id, info, chat_id, chat_type, None)

    def send_document(
        self,
        user_id: int,
        data: bytes = b"hello",
        *,
        file_name: str = "document.txt",
        mime_type: str | None = "text/plain",
        caption: str | None = None,
        chat_id: int | None = None,
        chat_type: ChatType = "private",
    ) -> UpdateReceipt:
        info = self.world.register_file("document", data, file_name=file_name, mime_type=mime_type)
        return self._user_file(user_id, info, chat_id, chat_type, caption)

    def _user_file(
        self,
        user_id: int,
        info: FileInfo,
        chat_id: int | None,
        chat_type: ChatType,
        caption: str | None,
    ) -> UpdateReceipt:
        return self.world.user_message(
            user_id,
            chat_id=chat_id,
            chat_type=chat_type,
            kind=info.kind,
            file=info,
            caption=caption,
        )

    def send_location(
        self,
        user_id: int,
        latitude: float,
        longitude: float,
        *,
        chat_id: int | None = None,
        chat_type: ChatType = "private",
    ) -> UpdateReceipt:
        return self.world.user_message(
            user_id,
            chat_id=chat_id,
            chat_type=chat_type,
            kind="location",
            location=(latitude, longitude),
        )

    def edit_text(
        self, user_id: int, message_id: int, text: str, *, chat_id: int | None = None
    ) -> UpdateReceipt:
        """The user edits an earlier text message: an edited_message update."""
        return self.world.edit_user_text(user_id, message_id, text, chat_id)

    def channel_post(
        self, chat_id: int, text: str, *, title: str | None = None, username: str | None = None
    ) -> UpdateReceipt:
        return self.world.channel_post(chat_id, text, title, username)

    def add_to_group(
        self,
        chat_id: int,
        by_user_id: int,
        *,
        title: str | None = None,
        chat_type: ChatType = "group",
    ) -> UpdateReceipt:
        """``by_user_id`` adds the bot to a group: my_chat_member left -> member."""
        user = self.world.ensure_user(by_user_id)
        existed = chat_id in self.world.chats
        chat = self.world.shared_chat(chat_id, chat_type, title)
        if not existed:
            chat.bot_status = "left"
        return self.world.set_bot_status(chat, user, "member")

    def remove_from_group(
        self, chat_id: int, by_user_id: int, *, status: Literal["left", "kicked"] = "left"
    ) -> UpdateReceipt:
        user = self.world.ensure_user(by_user_id)
        return self.world.set_bot_status(self.world.require_chat(chat_id), user, status)

    def press(
        self,
        user_id: int,
        message_id: int,
        data: str | None = None,
        *,
        button_text: str | None = None,
        chat_id: int | None = None,
        forge: bool = False,
    ) -> UpdateReceipt:
        """Press an inline button of a bot message (by callback data or button text).

        ``forge=True`` skips every check, so any data or message id can be sent, as a
        malicious or outdated client could.
        """
        return self.world.press(
            user_id, message_id, data, button_text=button_text, chat_id=chat_id, forge=forge
        )

    def block(self, user_id: int) -> UpdateReceipt:
        """The user blocks the bot: later sends get 403, and my_chat_member member -> kicked."""
        return self.world.set_blocked(user_id, True)

    def unblock(self, user_id: int) -> UpdateReceipt:
        return self.world.set_blocked(user_id, False)

    # -- control: reading what the bot did ------------------------------------------------------

    def messages(
        self, chat_id: int, *, sender: Sender = "bot", include_deleted: bool = False
    ) -> list[ChatMessage]:
        chat = self.world.chats.get(chat_id)
        if chat is None:
            return []
        return [
            message
            for message in chat.messages.values()
            if (include_deleted or not message.deleted)
            and (sender == "all" or message.from_bot == (sender == "bot"))
        ]

    def message(self, chat_id: int, message_id: int) -> ChatMessage | None:
        chat = self.world.chats.get(chat_id)
        return None if chat is None else chat.messages.get(message_id)

    def last_message(self, chat_id: int, *, sender: Sender = "bot") -> ChatMessage | None:
        found = self.messages(chat_id, sender=sender)
        return found[-1] if found else None

    def message_count(self, chat_id: int, *, sender: Sender = "bot") -> int:
        """Messages ever sent to the chat (kept even when history is off)."""
        chat = self.world.chats.get(chat_id)
        if chat is None:
            return 0
        counts = {"bot": chat.bot_sent, "user": chat.user_sent}
        return counts.get(sender, chat.bot_sent + chat.user_sent)

    def callback_answers(self, query_id: str | None = None) -> list[CallbackRecord]:
        """Every press so far with what the bot answered (``answered`` False if not yet)."""
        records = self.world.callbacks.values()
        return [r for r in records if query_id is None or r.query_id == query_id]

    def pending_updates(self) -> list[JSONDict]:
        return self.world.updates.peek(len(self.world.updates))

    def calls(self, method: str | None = None) -> list[CallRecord]:
        return self.log.select(method)

    def stats(self) -> Stats:
        return Stats(
            started_at=self.started_at,
            calls_by_method=dict(self.log.by_method),
            get_updates_times=list(self.log.get_updates_times),
            first_call_at=dict(self.log.first_call_at),
            last_call_at=dict(self.log.last_call_at),
            flood_429s=self.flood.served_429s,
            faults_served=self.faults.served,
            pending_updates=len(self.world.updates),
            last_update_id=self.world.updates.last_id,
            bot_messages=self.world.bot_messages_total,
            user_messages=self.world.user_messages_total,
            webhook_url=self.api.webhook.url,
        )

    def file_bytes(self, file_id: str) -> bytes | None:
        entry = self.world.files.get(file_id)
        return None if entry is None else entry[1]

    def commands(self, scope: JSONDict | None = None, language_code: str = "") -> list[JSONDict]:
        key = (json.dumps(scope or {"type": "default"}, sort_keys=True), language_code)
        return list(self.world.commands.get(key, []))

    def webhook_info(self) -> JSONDict:
        return self.api.webhook_info()

    # -- control: faults ------------------------------------------------------------------------

    def inject_fault(
        self,
        method: str = "*",
        *,
        chat_id: int | None = None,
        status: int | None = None,
        retry_after: int | None = None,
        description: str | None = None,
        times: int | None = 1,
        delay: float = 0.0,
        deliver: bool | None = None,
    ) -> Fault:
        """Fail the next ``times`` matching calls (``method`` may be "*")."""
        if status is None and delay <= 0:
            raise ControlError("a fault needs a status, a delay, or both")
        return self.faults.add(
            Fault(method, chat_id, status, retry_after, description, times, delay, deliver)
        )

    def active_faults(self) -> list[Fault]:
        return [dataclasses.replace(fault) for fault in self.faults.faults]

    def clear_faults(self) -> None:
        """Remove injected faults and latencies."""
        self.faults.clear()

    def set_latency(self, chat_id: int | None, seconds: float) -> None:
        """Delay every call for ``chat_id`` (None: all calls) before handling it."""
        self.faults.set_latency(chat_id, seconds)

    def set_flood_control(
        self,
        max_per_second: int | None = None,
        max_per_chat_per_second: int | None = None,
        retry_after: int | None = None,
    ) -> None:
        """Switch flood control on (any limit given) or off (none); resets its 429 count."""
        self.flood = _FloodLimiter(
            FloodControl(max_per_second, max_per_chat_per_second, retry_after)
        )

    def reset(self) -> None:
        """Forget users, chats, messages, updates, faults, calls and the webhook.

        Update ids keep growing so that a bot still polling with an old offset sees new ones.
        """
        self.world.reset()
        self.faults.clear()
        self.flood = _FloodLimiter(self.config.flood)
        self.log.clear()
        self.api.stop_webhook()
        self.api.webhook = _Webhook()
        self.started_at = time.monotonic()

    # -- control: waiting -----------------------------------------------------------------------

    async def wait_until(
        self, predicate: Callable[[], bool], *, timeout: float = 5.0, what: str = "a condition"
    ) -> None:
        """Wait for bot-side activity to make ``predicate`` true, without sleep-polling."""
        done = await self.world.activity.wait_for(lambda: predicate() or self.api.closing, timeout)
        if not done or not predicate():
            raise WaitTimeout(f"timed out after {timeout}s waiting for {what}{self._hint()}")

    async def wait_for_messages(
        self,
        chat_id: int,
        count: int = 1,
        *,
        after_message_id: int | None = None,
        timeout: float = 5.0,
    ) -> list[ChatMessage]:
        """Wait until the bot has sent ``count`` messages to the chat (in total, or with ids
        above ``after_message_id``) and return those messages in their current state."""

        def sent() -> int:
            if after_message_id is None:
                return self.message_count(chat_id)
            chat = self.world.chats.get(chat_id)
            if chat is None:
                return 0
            return sum(
                1 for m in chat.messages.values() if m.from_bot and m.message_id > after_message_id
            )

        await self.wait_until(
            lambda: sent() >= count,
            timeout=timeout,
            what=f"{count} bot message(s) in chat {chat_id}"
            + (f" after message {after_message_id}" if after_message_id is not None else "")
            + f" (saw {sent()})",
        )
        found = self.messages(chat_id)
        if after_message_id is None:
            return found
        return [m for m in found if m.message_id > after_message_id]

    async def wait_for_reply(self, receipt: UpdateReceipt, *, timeout: float = 5.0) -> ChatMessage:
        """The first bot message after the user's message in ``receipt``."""
        if receipt.message is None:
            raise ControlError("wait_for_reply needs the receipt of a user message")
        replies = await self.wait_for_messages(
            receipt.message.chat_id, after_message_id=receipt.message.message_id, timeout=timeout
        )
        return replies[0]

    async def wait_for_answer(self, query_id: str, *, timeout: float = 5.0) -> CallbackRecord:
        await self.wait_until(
            lambda: (record := self.world.callbacks.get(query_id)) is not None and record.answered,
            timeout=timeout,
            what=f"an answer to callback query {query_id}",
        )
        return self.world.callbacks[query_id]

    async def wait_for_confirmed(self, *, timeout: float = 5.0) -> None:
        """Wait until the bot has confirmed (polling) or accepted (webhook) every update."""
        await self.wait_until(
            lambda: len(self.world.updates) == 0,
            timeout=timeout,
            what=f"the bot to confirm all updates ({len(self.world.updates)} pending)",
        )

    async def wait_for_polling(self, count: int = 1, *, timeout: float = 5.0) -> None:
        """Wait until the bot has made ``count`` getUpdates calls since start (it is up)."""
        await self.wait_until(
            lambda: self._get_updates_arrivals >= count,
            timeout=timeout,
            what=f"{count} getUpdates call(s)",
        )

    async def wait_until_idle(self, *, quiet: float = 0.1, timeout: float = 5.0) -> None:
        """Wait until all updates are confirmed, no call is in flight and the bot has made no
        call (other than getUpdates) for ``quiet`` seconds. Useful to assert "no reply"."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            idle_for = time.monotonic() - self._last_activity
            if not len(self.world.updates) and self._inflight == 0 and idle_for >= quiet:
                return
            remaining = deadline - loop.time()
            if remaining <= 0 or self.api.closing:
                raise WaitTimeout(f"the bot did not become idle within {timeout}s{self._hint()}")
            await self.world.activity.wait(min(remaining, max(quiet - idle_for, 0.005)))

    def _hint(self) -> str:
        """Recent failed calls: the usual reason a reply never came."""
        failed = [r for r in itertools.islice(reversed(self.log.records), 200) if r.status >= 400]
        if not failed:
            return ""
        lines = [f"{r.method} -> {r.status} {r.description}" for r in failed[:5]]
        return "; recent failed calls: " + " | ".join(lines)


# --------------------------------------------------------------------------------------------
# The control HTTP API: POST /control/<action> with a JSON object, answers {"ok", "result"}
# --------------------------------------------------------------------------------------------


def _arg_int(body: JSONDict, key: str) -> int:
    value = _as_int(body.get(key))
    if value is None:
        raise ControlError(f"{key} must be an integer")
    return value


def _opt_int(body: JSONDict, key: str) -> int | None:
    return None if body.get(key) is None else _arg_int(body, key)


def _opt_str(body: JSONDict, key: str) -> str | None:
    value = body.get(key)
    return None if value is None else str(value)


def _arg_float(body: JSONDict, key: str, default: float) -> float:
    value = body.get(key)
    return default if value is None else float(value)


def _arg_bool(body: JSONDict, key: str) -> bool:
    value = body.get(key)
    return value is True or (isinstance(value, str) and value.lower() in ("true", "1"))


def _chat_type(body: JSONDict) -> ChatType:
    value = body.get("chat_type") or "private"
    if value not in ("private", "group", "supergroup", "channel"):
        raise ControlError(f"unknown chat_type {value!r}")
    return cast(ChatType, value)


def _sender(body: JSONDict) -> Sender:
    value = body.get("sender") or "bot"
    if value not in ("bot", "user", "all"):
        raise ControlError(f"unknown sender {value!r}")
    return cast(Sender, value)


def _b64(body: JSONDict, key: str) -> bytes | None:
    value = body.get(key)
    if value is None:
        return None
    try:
        return base64.b64decode(str(value), validate=True)
    except binascii.Error:
        raise ControlError(f"{key} must be base64") from None


_ControlAction = Callable[[JSONDict], Awaitable[Any]]


class _ControlHttp:
    def __init__(self, emulator: TelegramEmulator) -> None:
        self.emu = emulator
        self.actions: dict[str, _ControlAction] = {
            name.removeprefix("_a_"): getattr(self, name)
            for name in dir(self)
            if name.startswith("_a_")
        }

    def register(self, router: web.UrlDispatcher) -> None:
        router.add_get("/control/files/{file_id}", self._file)
        router.add_route("*", "/control/{action}", self._handle)

    async def _handle(self, request: web.Request) -> web.Response:
        action = self.actions.get(request.match_info["action"])
        if action is None:
            error = f"unknown control action {request.match_info['action']!r}"
            return _json_response(404, {"ok": False, "error": error})
        try:
            body = await request.json() if request.body_exists else dict(request.query)
            if not isinstance(body, dict):
                raise ControlError("the body must be a JSON object")
            result = await action(body)
        except WaitTimeout as exc:
            return _json_response(408, {"ok": False, "error": str(exc)})
        except (ControlError, ValueError, TypeError, KeyError) as exc:
            return _json_response(400, {"ok": False, "error": f"{type(exc).__name__}: {exc}"})
        return _json_response(200, {"ok": True, "result": result})

    async def _file(self, request: web.Request) -> web.Response:
        data = self.emu.file_bytes(request.match_info["file_id"])
        if data is None:
            return _json_response(404, {"ok": False, "error": "no such file"})
        return web.Response(body=data, content_type="application/octet-stream")

    # -- users --------------------------------------------------------------------------------

    async def _a_health(self, body: JSONDict) -> JSONDict:
        return {"base_url": self.emu.base_url, "control_url": self.emu.control_url}

    async def _a_reset(self, body: JSONDict) -> None:
        self.emu.reset()

    async def _a_add_user(self, body: JSONDict) -> JSONDict:
        user = self.emu.add_user(
            _arg_int(body, "user_id"),
            _opt_str(body, "first_name"),
            last_name=_opt_str(body, "last_name"),
            username=_opt_str(body, "username"),
            language_code=_opt_str(body, "language_code"),
        )
        return user.to_json()

    async def _a_user(self, body: JSONDict) -> JSONDict | None:
        user = self.emu.user(_arg_int(body, "user_id"))
        return user.to_json() if user else None

    async def _a_send_text(self, body: JSONDict) -> JSONDict:
        return self.emu.send_text(
            _arg_int(body, "user_id"),
            str(body["text"]),
            chat_id=_opt_int(body, "chat_id"),
            chat_type=_chat_type(body),
            reply_to_message_id=_opt_int(body, "reply_to_message_id"),
        ).to_json()

    async def _a_send_sticker(self, body: JSONDict) -> JSONDict:
        return self.emu.send_sticker(
            _arg_int(body, "user_id"),
            emoji=_opt_str(body, "emoji") or "👍",
            chat_id=_opt_int(body, "chat_id"),
            chat_type=_chat_type(body),
        ).to_json()

    async def _a_send_photo(self, body: JSONDict) -> JSONDict:
        return self.emu.send_photo(
            _arg_int(body, "user_id"),
            _b64(body, "data_b64"),
            caption=_opt_str(body, "caption"),
            chat_id=_opt_int(body, "chat_id"),
            chat_type=_chat_type(body),
        ).to_json()

    async def _a_send_voice(self, body: JSONDict) -> JSONDict:
        return self.emu.send_voice(
            _arg_int(body, "user_id"),
            duration=_opt_int(body, "duration") or 3,
            data=_b64(body, "data_b64"),
            chat_id=_opt_int(body, "chat_id"),
            chat_type=_chat_type(body),
        ).to_json()

    async def _a_send_document(self, body: JSONDict) -> JSONDict:
        return self.emu.send_document(
            _arg_int(body, "user_id"),
            _b64(body, "data_b64") or b"hello",
            file_name=_opt_str(body, "file_name") or "document.txt",
            mime_type=_opt_str(body, "mime_type") or "text/plain",
            caption=_opt_str(body, "caption"),
            chat_id=_opt_int(body, "chat_id"),
            chat_type=_chat_type(body),
        ).to_json()

    async def _a_send_location(self, body: JSONDict) -> JSONDict:
        return self.emu.send_location(
            _arg_int(body, "user_id"),
            float(body["latitude"]),
            float(body["longitude"]),
            chat_id=_opt_int(body, "chat_id"),
            chat_type=_chat_type(body),
        ).to_json()

    async def _a_edit_text(self, body: JSONDict) -> JSONDict:
        return self.emu.edit_text(
            _arg_int(body, "user_id"),
            _arg_int(body, "message_id"),
            str(body["text"]),
            chat_id=_opt_int(body, "chat_id"),
        ).to_json()

    async def _a_channel_post(self, body: JSONDict) -> JSONDict:
        return self.emu.channel_post(
            _arg_int(body, "chat_id"),
            str(body["text"]),
            title=_opt_str(body, "title"),
            username=_opt_str(body, "username"),
        ).to_json()

    async def _a_add_to_group(self, body: JSONDict) -> JSONDict:
        return self.emu.add_to_group(
            _arg_int(body, "chat_id"),
            _arg_int(body, "by_user_id"),
            title=_opt_str(body, "title"),
            chat_type=cast(ChatType, body.get("chat_type") or "group"),
        ).to_json()

    async def _a_remove_from_group(self, body: JSONDict) -> JSONDict:
        status: Literal["left", "kicked"] = "kicked" if body.get("status") == "kicked" else "left"
        return self.emu.remove_from_group(
            _arg_int(body, "chat_id"), _arg_int(body, "by_user_id"), status=status
        ).to_json()

    async def _a_press(self, body: JSONDict) -> JSONDict:
        return self.emu.press(
            _arg_int(body, "user_id"),
            _arg_int(body, "message_id"),
            _opt_str(body, "data"),
            button_text=_opt_str(body, "button_text"),
            chat_id=_opt_int(body, "chat_id"),
            forge=_arg_bool(body, "forge"),
        ).to_json()

    async def _a_block(self, body: JSONDict) -> JSONDict:
        return self.emu.block(_arg_int(body, "user_id")).to_json()

    async def _a_unblock(self, body: JSONDict) -> JSONDict:
        return self.emu.unblock(_arg_int(body, "user_id")).to_json()

    # -- reading --------------------------------------------------------------------------------

    async def _a_messages(self, body: JSONDict) -> list[JSONDict]:
        found = self.emu.messages(
            _arg_int(body, "chat_id"),
            sender=_sender(body),
            include_deleted=_arg_bool(body, "include_deleted"),
        )
        return [message.to_json() for message in found]

    async def _a_message_count(self, body: JSONDict) -> int:
        return self.emu.message_count(_arg_int(body, "chat_id"), sender=_sender(body))

    async def _a_callback_answers(self, body: JSONDict) -> list[JSONDict]:
        records = self.emu.callback_answers(_opt_str(body, "query_id"))
        return [record.to_json() for record in records]

    async def _a_pending_updates(self, body: JSONDict) -> list[JSONDict]:
        return self.emu.pending_updates()

    async def _a_calls(self, body: JSONDict) -> list[JSONDict]:
        return [record.to_json() for record in self.emu.calls(_opt_str(body, "method"))]

    async def _a_stats(self, body: JSONDict) -> JSONDict:
        return self.emu.stats().to_json()

    async def _a_commands(self, body: JSONDict) -> list[JSONDict]:
        scope = body.get("scope")
        return self.emu.commands(
            scope if isinstance(scope, dict) else None, _opt_str(body, "language_code") or ""
        )

    async def _a_webhook_info(self, body: JSONDict) -> JSONDict:
        return self.emu.webhook_info()

    # -- faults ---------------------------------------------------------------------------------

    async def _a_inject_fault(self, body: JSONDict) -> JSONDict:
        deliver = body.get("deliver")
        fault = self.emu.inject_fault(
            str(body.get("method") or "*"),
            chat_id=_opt_int(body, "chat_id"),
            status=_opt_int(body, "status"),
            retry_after=_opt_int(body, "retry_after"),
            description=_opt_str(body, "description"),
            times=_opt_int(body, "times") if "times" in body else 1,
            delay=_arg_float(body, "delay", 0.0),
            deliver=None if deliver is None else bool(deliver),
        )
        return fault.to_json()

    async def _a_faults(self, body: JSONDict) -> list[JSONDict]:
        return [fault.to_json() for fault in self.emu.active_faults()]

    async def _a_clear_faults(self, body: JSONDict) -> None:
        self.emu.clear_faults()

    async def _a_set_latency(self, body: JSONDict) -> None:
        self.emu.set_latency(_opt_int(body, "chat_id"), _arg_float(body, "seconds", 0.0))

    async def _a_set_flood_control(self, body: JSONDict) -> None:
        self.emu.set_flood_control(
            _opt_int(body, "max_per_second"),
            _opt_int(body, "max_per_chat_per_second"),
            _opt_int(body, "retry_after"),
        )

    # -- waiting --------------------------------------------------------------------------------

    async def _a_wait_for_messages(self, body: JSONDict) -> list[JSONDict]:
        found = await self.emu.wait_for_messages(
            _arg_int(body, "chat_id"),
            _opt_int(body, "count") or 1,
            after_message_id=_opt_int(body, "after_message_id"),
            timeout=_arg_float(body, "timeout", 5.0),
        )
        return [message.to_json() for message in found]

    async def _a_wait_for_answer(self, body: JSONDict) -> JSONDict:
        record = await self.emu.wait_for_answer(
            str(body["query_id"]), timeout=_arg_float(body, "timeout", 5.0)
        )
        return record.to_json()

    async def _a_wait_for_confirmed(self, body: JSONDict) -> None:
        await self.emu.wait_for_confirmed(timeout=_arg_float(body, "timeout", 5.0))

    async def _a_wait_for_polling(self, body: JSONDict) -> None:
        await self.emu.wait_for_polling(
            _opt_int(body, "count") or 1, timeout=_arg_float(body, "timeout", 5.0)
        )

    async def _a_wait_until_idle(self, body: JSONDict) -> None:
        await self.emu.wait_until_idle(
            quiet=_arg_float(body, "quiet", 0.1), timeout=_arg_float(body, "timeout", 5.0)
        )


# --------------------------------------------------------------------------------------------
# Standalone entry point
# --------------------------------------------------------------------------------------------


def _parse_args(argv: list[str] | None) -> EmulatorConfig:
    parser = argparse.ArgumentParser(
        prog="python -m bot.sandbox.emulator", description="Local Telegram Bot API emulator"
    )
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: any free)")
    parser.add_argument(
        "--history-limit", type=int, default=None, help="messages kept per chat (0: counts only)"
    )
    parser.add_argument("--call-log-limit", type=int, default=20_000)
    parser.add_argument("--flood-per-second", type=int, default=None)
    parser.add_argument("--flood-per-chat-per-second", type=int, default=None)
    parser.add_argument("--log-level", default="WARNING")
    args = parser.parse_args(argv)
    logging.basicConfig(level=args.log_level.upper())
    return EmulatorConfig(
        port=args.port,
        history_limit=args.history_limit,
        call_log_limit=args.call_log_limit,
        flood=FloodControl(args.flood_per_second, args.flood_per_chat_per_second),
    )


async def _serve(config: EmulatorConfig) -> None:
    emulator = await TelegramEmulator(config).start()
    # The first stdout line is the base URL, so scripts can read it.
    print(emulator.base_url, flush=True)
    print(f"control API: {emulator.control_url}", flush=True)
    stopped = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stopped.set)
    try:
        await stopped.wait()
    finally:
        await emulator.stop()


def main(argv: list[str] | None = None) -> None:
    asyncio.run(_serve(_parse_args(argv)))


if __name__ == "__main__":
    main()
