"""What Telegram refuses: its limits and its error answers, word for word.

The descriptions are Telegram's own, so PTB raises the exception class it would raise in
production (BadRequest, Forbidden, Conflict, RetryAfter).
"""

from __future__ import annotations

from typing import Final

from bot.sandbox.emulator.records import JSONDict

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


class ApiError(Exception):
    """An error answer of the Bot API, rendered as Telegram renders it."""

    def __init__(self, status: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.retry_after = retry_after

    def body(self) -> JSONDict:
        return error_body(self.status, self.description, self.retry_after)


class ControlError(Exception):
    """The test asked the emulator for something impossible (e.g. pressing a missing button)."""


class WaitTimeout(AssertionError):
    """A control-side wait did not see what it waited for.

    It is an AssertionError so that a failing wait reads as a failed test, not a crash.
    """


def error_body(status: int, description: str, retry_after: int | None = None) -> JSONDict:
    body: JSONDict = {"ok": False, "error_code": status, "description": description}
    if retry_after is not None:
        body["parameters"] = {"retry_after": retry_after}
    return body


def bad_request(description: str) -> ApiError:
    return ApiError(400, description)


def default_fault_description(status: int, retry_after: int | None) -> str:
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
