"""The control API over HTTP: ``POST /control/<action>`` with a JSON object answers
``{"ok": true, "result": ...}``; each action calls the emulator's Python method of the same
name, so tests in another thread or process (and :mod:`bot.sandbox.client`) can drive it."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Literal, cast

from aiohttp import web

from bot.sandbox.emulator.errors import ControlError, WaitTimeout
from bot.sandbox.emulator.records import ChatType, JSONDict, Sender
from bot.sandbox.emulator.wire import as_int, json_response

if TYPE_CHECKING:
    from bot.sandbox.emulator.control import TelegramEmulator


def _arg_int(body: JSONDict, key: str) -> int:
    value = as_int(body.get(key))
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


class ControlHttp:
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
            return json_response(404, {"ok": False, "error": error})
        try:
            body = await request.json() if request.body_exists else dict(request.query)
            if not isinstance(body, dict):
                raise ControlError("the body must be a JSON object")
            result = await action(body)
        except WaitTimeout as exc:
            return json_response(408, {"ok": False, "error": str(exc)})
        except (ControlError, ValueError, TypeError, KeyError) as exc:
            return json_response(400, {"ok": False, "error": f"{type(exc).__name__}: {exc}"})
        return json_response(200, {"ok": True, "result": result})

    async def _file(self, request: web.Request) -> web.Response:
        data = self.emu.file_bytes(request.match_info["file_id"])
        if data is None:
            return json_response(404, {"ok": False, "error": "no such file"})
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

    async def _a_send_texts(self, body: JSONDict) -> int:
        messages = body.get("messages")
        if not isinstance(messages, list):
            raise ControlError("messages must be a list of [user_id, text] pairs")
        return self.emu.send_texts([(int(user), str(text)) for user, text in messages])

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
