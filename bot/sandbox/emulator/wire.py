"""What crosses the wire: request parameters in (query, form, multipart or JSON), JSON out."""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from bot.sandbox.emulator.errors import bad_request
from bot.sandbox.emulator.records import JSONDict


@dataclass(frozen=True)
class UploadedFile:
    filename: str | None
    content_type: str | None
    data: bytes


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
        result = as_int(value)
        if result is None:
            raise bad_request(f'Bad Request: field "{name}" must be of type Integer')
        self.decoded[name] = result
        return result

    def number(self, name: str) -> float | None:
        value = self.raw.get(name)
        if value is None or value == "":
            return None
        try:
            result = float(value)
        except (TypeError, ValueError):
            raise bad_request(f'Bad Request: field "{name}" must be a Number') from None
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
                raise bad_request(error or f"Bad Request: can't parse {name} JSON object") from None
        if value is not None:
            self.decoded[name] = value
        return value

    def chat_ref(self, name: str = "chat_id") -> int | str | None:
        """An integer chat id or an "@username" reference."""
        value = self.raw.get(name)
        if value is None or value == "":
            return None
        number = as_int(value)
        if number is not None:
            self.decoded[name] = number
            return number
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


def as_int(value: Any) -> int | None:
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


async def read_params(request: web.Request) -> Params:
    """Query string, then the body: form, multipart (files kept as bytes) or JSON."""
    raw: JSONDict = dict(request.query)
    files: dict[str, UploadedFile] = {}
    if not request.body_exists:
        return Params(raw, files)
    if request.content_type == "application/json":
        try:
            body = await request.json()
        except ValueError:
            raise bad_request("Bad Request: can't parse JSON body") from None
        if not isinstance(body, dict):
            raise bad_request("Bad Request: JSON body must be an object")
        raw.update(body)
        return Params(raw, files)
    form = await request.post()
    for name, value in form.items():
        if isinstance(value, web.FileField):
            files[name] = UploadedFile(value.filename, value.content_type, value.file.read())
        else:
            raw[name] = value if isinstance(value, str) else bytes(value).decode()
    return Params(raw, files)


def bot_id_from_token(token: str) -> int | None:
    digits, sep, rest = token.partition(":")
    if not sep or not rest or not digits.isdigit():
        return None
    return int(digits)


def json_response(status: int, body: Any) -> web.Response:
    return web.Response(
        body=json.dumps(body, ensure_ascii=False).encode(),
        status=status,
        content_type="application/json",
    )
