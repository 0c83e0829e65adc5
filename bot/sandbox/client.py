"""Typed clients for the emulator's control API (``POST <control_url>/<action>``).

:class:`EmulatorClient` is async (httpx.AsyncClient); :class:`SyncEmulatorClient` is the same
API over httpx.Client for plain tests, scripts and benchmarks. Both return the emulator's own
record types (:class:`~bot.sandbox.emulator.ChatMessage`, ...), raise
:class:`~bot.sandbox.emulator.WaitTimeout` when a wait runs out and :class:`ControlApiError`
when the emulator rejects a request (e.g. pressing a button that does not exist).

Never call the sync client from the event loop that runs the emulator: it would block the
loop the emulator needs to answer it.
"""

# Waits take explicit ``timeout=`` seconds, mirroring the emulator's Python API.
# ruff: noqa: ASYNC109

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import httpx

from bot.sandbox.emulator import (
    CallbackRecord,
    CallRecord,
    ChatMessage,
    ChatType,
    Fault,
    JSONDict,
    Sender,
    Stats,
    UpdateReceipt,
    UserInfo,
    WaitTimeout,
)

T = TypeVar("T")

# Extra HTTP time on top of a server-side wait, so the server's 408 arrives first.
_WAIT_MARGIN = 5.0


class ControlApiError(Exception):
    """The emulator refused a control request (HTTP 400/404)."""

    def __init__(self, status: int, error: str) -> None:
        super().__init__(f"{status}: {error}")
        self.status = status
        self.error = error


@dataclass(frozen=True)
class _Request(Generic[T]):
    action: str
    body: JSONDict
    parse: Callable[[Any], T]
    # Seconds the server may hold the request (waits); None for instant actions.
    wait: float | None = None


def _body(**values: Any) -> JSONDict:
    return {key: value for key, value in values.items() if value is not None}


def _none(_: Any) -> None:
    return None


def _receipt(data: Any) -> UpdateReceipt:
    return UpdateReceipt.from_json(data)


def _messages(data: Any) -> list[ChatMessage]:
    return [ChatMessage.from_json(item) for item in data]


def _b64(data: bytes | None) -> str | None:
    return None if data is None else base64.b64encode(data).decode()


def _result(response: httpx.Response, request: _Request[T]) -> T:
    try:
        payload = response.json()
    except ValueError:
        raise ControlApiError(response.status_code, response.text) from None
    if response.status_code == 408:
        raise WaitTimeout(str(payload.get("error")))
    if response.status_code != 200 or not payload.get("ok"):
        raise ControlApiError(response.status_code, str(payload.get("error")))
    return request.parse(payload.get("result"))


class _Ops:
    """Request builders shared by the async and the sync client."""

    @staticmethod
    def health() -> _Request[JSONDict]:
        return _Request("health", {}, dict)

    @staticmethod
    def reset() -> _Request[None]:
        return _Request("reset", {}, _none)

    @staticmethod
    def add_user(
        user_id: int,
        first_name: str | None,
        last_name: str | None,
        username: str | None,
        language_code: str | None,
    ) -> _Request[UserInfo]:
        body = _body(
            user_id=user_id,
            first_name=first_name,
            last_name=last_name,
            username=username,
            language_code=language_code,
        )
        return _Request("add_user", body, UserInfo.from_json)

    @staticmethod
    def user(user_id: int) -> _Request[UserInfo | None]:
        return _Request(
            "user", {"user_id": user_id}, lambda d: UserInfo.from_json(d) if d else None
        )

    @staticmethod
    def send_text(
        user_id: int,
        text: str,
        chat_id: int | None,
        chat_type: ChatType,
        reply_to_message_id: int | None,
    ) -> _Request[UpdateReceipt]:
        body = _body(
            user_id=user_id,
            text=text,
            chat_id=chat_id,
            chat_type=chat_type,
            reply_to_message_id=reply_to_message_id,
        )
        return _Request("send_text", body, _receipt)

    @staticmethod
    def user_media(action: str, user_id: int, **values: Any) -> _Request[UpdateReceipt]:
        return _Request(action, _body(user_id=user_id, **values), _receipt)

    @staticmethod
    def edit_text(
        user_id: int, message_id: int, text: str, chat_id: int | None
    ) -> _Request[UpdateReceipt]:
        body = _body(user_id=user_id, message_id=message_id, text=text, chat_id=chat_id)
        return _Request("edit_text", body, _receipt)

    @staticmethod
    def press(
        user_id: int,
        message_id: int,
        data: str | None,
        button_text: str | None,
        chat_id: int | None,
        forge: bool,
    ) -> _Request[UpdateReceipt]:
        body = _body(
            user_id=user_id,
            message_id=message_id,
            data=data,
            button_text=button_text,
            chat_id=chat_id,
            forge=forge,
        )
        return _Request("press", body, _receipt)

    @staticmethod
    def simple(action: str, **values: Any) -> _Request[UpdateReceipt]:
        return _Request(action, _body(**values), _receipt)

    @staticmethod
    def messages(
        chat_id: int, sender: Sender, include_deleted: bool
    ) -> _Request[list[ChatMessage]]:
        body = _body(chat_id=chat_id, sender=sender, include_deleted=include_deleted)
        return _Request("messages", body, _messages)

    @staticmethod
    def message_count(chat_id: int, sender: Sender) -> _Request[int]:
        return _Request("message_count", {"chat_id": chat_id, "sender": sender}, int)

    @staticmethod
    def callback_answers(query_id: str | None) -> _Request[list[CallbackRecord]]:
        return _Request(
            "callback_answers",
            _body(query_id=query_id),
            lambda data: [CallbackRecord.from_json(item) for item in data],
        )

    @staticmethod
    def pending_updates() -> _Request[list[JSONDict]]:
        return _Request("pending_updates", {}, list)

    @staticmethod
    def calls(method: str | None) -> _Request[list[CallRecord]]:
        return _Request(
            "calls",
            _body(method=method),
            lambda data: [CallRecord.from_json(item) for item in data],
        )

    @staticmethod
    def stats() -> _Request[Stats]:
        return _Request("stats", {}, Stats.from_json)

    @staticmethod
    def commands(scope: JSONDict | None, language_code: str) -> _Request[list[JSONDict]]:
        return _Request("commands", _body(scope=scope, language_code=language_code), list)

    @staticmethod
    def webhook_info() -> _Request[JSONDict]:
        return _Request("webhook_info", {}, dict)

    @staticmethod
    def inject_fault(
        method: str,
        chat_id: int | None,
        status: int | None,
        retry_after: int | None,
        description: str | None,
        times: int | None,
        delay: float,
        deliver: bool | None,
    ) -> _Request[Fault]:
        body = _body(
            method=method,
            chat_id=chat_id,
            status=status,
            retry_after=retry_after,
            description=description,
            delay=delay,
            deliver=deliver,
        )
        body["times"] = times  # None is meaningful here: the fault never expires
        return _Request("inject_fault", body, Fault.from_json)

    @staticmethod
    def faults() -> _Request[list[Fault]]:
        return _Request("faults", {}, lambda data: [Fault.from_json(item) for item in data])

    @staticmethod
    def clear_faults() -> _Request[None]:
        return _Request("clear_faults", {}, _none)

    @staticmethod
    def set_latency(chat_id: int | None, seconds: float) -> _Request[None]:
        return _Request("set_latency", _body(chat_id=chat_id, seconds=seconds), _none)

    @staticmethod
    def set_flood_control(
        max_per_second: int | None, max_per_chat_per_second: int | None, retry_after: int | None
    ) -> _Request[None]:
        body = _body(
            max_per_second=max_per_second,
            max_per_chat_per_second=max_per_chat_per_second,
            retry_after=retry_after,
        )
        return _Request("set_flood_control", body, _none)

    @staticmethod
    def wait_for_messages(
        chat_id: int, count: int, after_message_id: int | None, timeout: float
    ) -> _Request[list[ChatMessage]]:
        body = _body(
            chat_id=chat_id, count=count, after_message_id=after_message_id, timeout=timeout
        )
        return _Request("wait_for_messages", body, _messages, wait=timeout)

    @staticmethod
    def wait_for_answer(query_id: str, timeout: float) -> _Request[CallbackRecord]:
        body = {"query_id": query_id, "timeout": timeout}
        return _Request("wait_for_answer", body, CallbackRecord.from_json, wait=timeout)

    @staticmethod
    def wait_for_confirmed(timeout: float) -> _Request[None]:
        return _Request("wait_for_confirmed", {"timeout": timeout}, _none, wait=timeout)

    @staticmethod
    def wait_for_polling(count: int, timeout: float) -> _Request[None]:
        body = {"count": count, "timeout": timeout}
        return _Request("wait_for_polling", body, _none, wait=timeout)

    @staticmethod
    def wait_until_idle(quiet: float, timeout: float) -> _Request[None]:
        body = {"quiet": quiet, "timeout": timeout}
        return _Request("wait_until_idle", body, _none, wait=timeout)


def _reply_after(receipt: UpdateReceipt) -> ChatMessage:
    if receipt.message is None:
        raise ValueError("wait_for_reply needs the receipt of a user message")
    return receipt.message


class EmulatorClient:
    """Async client for the control API at ``control_url`` (``http://127.0.0.1:N/control``)."""

    def __init__(self, control_url: str, *, timeout: float = 10.0) -> None:
        self.control_url = control_url.rstrip("/")
        self._timeout = timeout
        self._http = httpx.AsyncClient(timeout=timeout)

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> EmulatorClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def _call(self, request: _Request[T]) -> T:
        timeout = self._timeout if request.wait is None else request.wait + _WAIT_MARGIN
        response = await self._http.post(
            f"{self.control_url}/{request.action}", json=request.body, timeout=timeout
        )
        return _result(response, request)

    # -- users ----------------------------------------------------------------------------------

    async def health(self) -> JSONDict:
        return await self._call(_Ops.health())

    async def reset(self) -> None:
        await self._call(_Ops.reset())

    async def add_user(
        self,
        user_id: int,
        first_name: str | None = None,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
    ) -> UserInfo:
        return await self._call(
            _Ops.add_user(user_id, first_name, last_name, username, language_code)
        )

    async def user(self, user_id: int) -> UserInfo | None:
        return await self._call(_Ops.user(user_id))

    async def send_text(
        self,
        user_id: int,
        text: str,
        *,
        chat_id: int | None = None,
        chat_type: ChatType = "private",
        reply_to_message_id: int | None = None,
    ) -> UpdateReceipt:
        return await self._call(
            _Ops.send_text(user_id, text, chat_id, chat_type, reply_to_message_id)
        )

    async def send_sticker(
        self, user_id: int, *, emoji: str = "👍", chat_id: int | None = None
    ) -> UpdateReceipt:
        return await self._call(
            _Ops.user_media("send_sticker", user_id, emoji=emoji, chat_id=chat_id)
        )

    async def send_photo(
        self,
        user_id: int,
        data: bytes | None = None,
        *,
        caption: str | None = None,
        chat_id: int | None = None,
    ) -> UpdateReceipt:
        request = _Ops.user_media(
            "send_photo", user_id, data_b64=_b64(data), caption=caption, chat_id=chat_id
        )
        return await self._call(request)

    async def send_voice(
        self, user_id: int, *, duration: int = 3, chat_id: int | None = None
    ) -> UpdateReceipt:
        return await self._call(
            _Ops.user_media("send_voice", user_id, duration=duration, chat_id=chat_id)
        )

    async def send_document(
        self,
        user_id: int,
        data: bytes = b"hello",
        *,
        file_name: str = "document.txt",
        mime_type: str = "text/plain",
        caption: str | None = None,
        chat_id: int | None = None,
    ) -> UpdateReceipt:
        request = _Ops.user_media(
            "send_document",
            user_id,
            data_b64=_b64(data),
            file_name=file_name,
            mime_type=mime_type,
            caption=caption,
            chat_id=chat_id,
        )
        return await self._call(request)

    async def send_location(
        self, user_id: int, latitude: float, longitude: float, *, chat_id: int | None = None
    ) -> UpdateReceipt:
        request = _Ops.user_media(
            "send_location", user_id, latitude=latitude, longitude=longitude, chat_id=chat_id
        )
        return await self._call(request)

    async def edit_text(
        self, user_id: int, message_id: int, text: str, *, chat_id: int | None = None
    ) -> UpdateReceipt:
        return await self._call(_Ops.edit_text(user_id, message_id, text, chat_id))

    async def channel_post(
        self, chat_id: int, text: str, *, title: str | None = None
    ) -> UpdateReceipt:
        return await self._call(
            _Ops.simple("channel_post", chat_id=chat_id, text=text, title=title)
        )

    async def add_to_group(
        self,
        chat_id: int,
        by_user_id: int,
        *,
        title: str | None = None,
        chat_type: ChatType = "group",
    ) -> UpdateReceipt:
        request = _Ops.simple(
            "add_to_group", chat_id=chat_id, by_user_id=by_user_id, title=title, chat_type=chat_type
        )
        return await self._call(request)

    async def remove_from_group(
        self, chat_id: int, by_user_id: int, *, status: str = "left"
    ) -> UpdateReceipt:
        request = _Ops.simple(
            "remove_from_group", chat_id=chat_id, by_user_id=by_user_id, status=status
        )
        return await self._call(request)

    async def press(
        self,
        user_id: int,
        message_id: int,
        data: str | None = None,
        *,
        button_text: str | None = None,
        chat_id: int | None = None,
        forge: bool = False,
    ) -> UpdateReceipt:
        return await self._call(_Ops.press(user_id, message_id, data, button_text, chat_id, forge))

    async def block(self, user_id: int) -> UpdateReceipt:
        return await self._call(_Ops.simple("block", user_id=user_id))

    async def unblock(self, user_id: int) -> UpdateReceipt:
        return await self._call(_Ops.simple("unblock", user_id=user_id))

    # -- reading --------------------------------------------------------------------------------

    async def messages(
        self, chat_id: int, *, sender: Sender = "bot", include_deleted: bool = False
    ) -> list[ChatMessage]:
        return await self._call(_Ops.messages(chat_id, sender, include_deleted))

    async def last_message(self, chat_id: int, *, sender: Sender = "bot") -> ChatMessage | None:
        found = await self.messages(chat_id, sender=sender)
        return found[-1] if found else None

    async def message_count(self, chat_id: int, *, sender: Sender = "bot") -> int:
        return await self._call(_Ops.message_count(chat_id, sender))

    async def callback_answers(self, query_id: str | None = None) -> list[CallbackRecord]:
        return await self._call(_Ops.callback_answers(query_id))

    async def pending_updates(self) -> list[JSONDict]:
        return await self._call(_Ops.pending_updates())

    async def calls(self, method: str | None = None) -> list[CallRecord]:
        return await self._call(_Ops.calls(method))

    async def stats(self) -> Stats:
        return await self._call(_Ops.stats())

    async def commands(
        self, scope: JSONDict | None = None, language_code: str = ""
    ) -> list[JSONDict]:
        return await self._call(_Ops.commands(scope, language_code))

    async def webhook_info(self) -> JSONDict:
        return await self._call(_Ops.webhook_info())

    async def file_bytes(self, file_id: str) -> bytes | None:
        response = await self._http.get(f"{self.control_url}/files/{file_id}")
        return response.content if response.status_code == 200 else None

    # -- faults ---------------------------------------------------------------------------------

    async def inject_fault(
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
        return await self._call(
            _Ops.inject_fault(
                method, chat_id, status, retry_after, description, times, delay, deliver
            )
        )

    async def faults(self) -> list[Fault]:
        return await self._call(_Ops.faults())

    async def clear_faults(self) -> None:
        await self._call(_Ops.clear_faults())

    async def set_latency(self, chat_id: int | None, seconds: float) -> None:
        await self._call(_Ops.set_latency(chat_id, seconds))

    async def set_flood_control(
        self,
        max_per_second: int | None = None,
        max_per_chat_per_second: int | None = None,
        retry_after: int | None = None,
    ) -> None:
        await self._call(
            _Ops.set_flood_control(max_per_second, max_per_chat_per_second, retry_after)
        )

    # -- waiting --------------------------------------------------------------------------------

    async def wait_for_messages(
        self,
        chat_id: int,
        count: int = 1,
        *,
        after_message_id: int | None = None,
        timeout: float = 5.0,
    ) -> list[ChatMessage]:
        return await self._call(_Ops.wait_for_messages(chat_id, count, after_message_id, timeout))

    async def wait_for_reply(self, receipt: UpdateReceipt, *, timeout: float = 5.0) -> ChatMessage:
        sent = _reply_after(receipt)
        replies = await self.wait_for_messages(
            sent.chat_id, after_message_id=sent.message_id, timeout=timeout
        )
        return replies[0]

    async def wait_for_answer(self, query_id: str, *, timeout: float = 5.0) -> CallbackRecord:
        return await self._call(_Ops.wait_for_answer(query_id, timeout))

    async def wait_for_confirmed(self, *, timeout: float = 5.0) -> None:
        await self._call(_Ops.wait_for_confirmed(timeout))

    async def wait_for_polling(self, count: int = 1, *, timeout: float = 5.0) -> None:
        await self._call(_Ops.wait_for_polling(count, timeout))

    async def wait_until_idle(self, *, quiet: float = 0.1, timeout: float = 5.0) -> None:
        await self._call(_Ops.wait_until_idle(quiet, timeout))


class SyncEmulatorClient:
    """The same control API as :class:`EmulatorClient`, blocking (httpx.Client)."""

    def __init__(self, control_url: str, *, timeout: float = 10.0) -> None:
        self.control_url = control_url.rstrip("/")
        self._timeout = timeout
        self._http = httpx.Client(timeout=timeout)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> SyncEmulatorClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _call(self, request: _Request[T]) -> T:
        timeout = self._timeout if request.wait is None else request.wait + _WAIT_MARGIN
        response = self._http.post(
            f"{self.control_url}/{request.action}", json=request.body, timeout=timeout
        )
        return _result(response, request)

    # -- users ----------------------------------------------------------------------------------

    def health(self) -> JSONDict:
        return self._call(_Ops.health())

    def reset(self) -> None:
        self._call(_Ops.reset())

    def add_user(
        self,
        user_id: int,
        first_name: str | None = None,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
    ) -> UserInfo:
        return self._call(_Ops.add_user(user_id, first_name, last_name, username, language_code))

    def user(self, user_id: int) -> UserInfo | None:
        return self._call(_Ops.user(user_id))

    def send_text(
        self,
        user_id: int,
        text: str,
        *,
        chat_id: int | None = None,
        chat_type: ChatType = "private",
        reply_to_message_id: int | None = None,
    ) -> UpdateReceipt:
        return self._call(_Ops.send_text(user_id, text, chat_id, chat_type, reply_to_message_id))

    def send_sticker(
        self, user_id: int, *, emoji: str = "👍", chat_id: int | None = None
    ) -> UpdateReceipt:
        return self._call(_Ops.user_media("send_sticker", user_id, emoji=emoji, chat_id=chat_id))

    def send_photo(
        self,
        user_id: int,
        data: bytes | None = None,
        *,
        caption: str | None = None,
        chat_id: int | None = None,
    ) -> UpdateReceipt:
        return self._call(
            _Ops.user_media(
                "send_photo", user_id, data_b64=_b64(data), caption=caption, chat_id=chat_id
            )
        )

    def send_voice(
        self, user_id: int, *, duration: int = 3, chat_id: int | None = None
    ) -> UpdateReceipt:
        return self._call(
            _Ops.user_media("send_voice", user_id, duration=duration, chat_id=chat_id)
        )

    def send_document(
        self,
        user_id: int,
        data: bytes = b"hello",
        *,
        file_name: str = "document.txt",
        mime_type: str = "text/plain",
        caption: str | None = None,
        chat_id: int | None = None,
    ) -> UpdateReceipt:
        return self._call(
            _Ops.user_media(
                "send_document",
                user_id,
                data_b64=_b64(data),
                file_name=file_name,
                mime_type=mime_type,
                caption=caption,
                chat_id=chat_id,
            )
        )

    def send_location(
        self, user_id: int, latitude: float, longitude: float, *, chat_id: int | None = None
    ) -> UpdateReceipt:
        return self._call(
            _Ops.user_media(
                "send_location", user_id, latitude=latitude, longitude=longitude, chat_id=chat_id
            )
        )

    def edit_text(
        self, user_id: int, message_id: int, text: str, *, chat_id: int | None = None
    ) -> UpdateReceipt:
        return self._call(_Ops.edit_text(user_id, message_id, text, chat_id))

    def channel_post(self, chat_id: int, text: str, *, title: str | None = None) -> UpdateReceipt:
        return self._call(_Ops.simple("channel_post", chat_id=chat_id, text=text, title=title))

    def add_to_group(
        self,
        chat_id: int,
        by_user_id: int,
        *,
        title: str | None = None,
        chat_type: ChatType = "group",
    ) -> UpdateReceipt:
        return self._call(
            _Ops.simple(
                "add_to_group",
                chat_id=chat_id,
                by_user_id=by_user_id,
                title=title,
                chat_type=chat_type,
            )
        )

    def remove_from_group(
        self, chat_id: int, by_user_id: int, *, status: str = "left"
    ) -> UpdateReceipt:
        return self._call(
            _Ops.simple("remove_from_group", chat_id=chat_id, by_user_id=by_user_id, status=status)
        )

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
        return self._call(_Ops.press(user_id, message_id, data, button_text, chat_id, forge))

    def block(self, user_id: int) -> UpdateReceipt:
        return self._call(_Ops.simple("block", user_id=user_id))

    def unblock(self, user_id: int) -> UpdateReceipt:
        return self._call(_Ops.simple("unblock", user_id=user_id))

    # -- reading --------------------------------------------------------------------------------

    def messages(
        self, chat_id: int, *, sender: Sender = "bot", include_deleted: bool = False
    ) -> list[ChatMessage]:
        return self._call(_Ops.messages(chat_id, sender, include_deleted))

    def last_message(self, chat_id: int, *, sender: Sender = "bot") -> ChatMessage | None:
        found = self.messages(chat_id, sender=sender)
        return found[-1] if found else None

    def message_count(self, chat_id: int, *, sender: Sender = "bot") -> int:
        return self._call(_Ops.message_count(chat_id, sender))

    def callback_answers(self, query_id: str | None = None) -> list[CallbackRecord]:
        return self._call(_Ops.callback_answers(query_id))

    def pending_updates(self) -> list[JSONDict]:
        return self._call(_Ops.pending_updates())

    def calls(self, method: str | None = None) -> list[CallRecord]:
        return self._call(_Ops.calls(method))

    def stats(self) -> Stats:
        return self._call(_Ops.stats())

    def commands(self, scope: JSONDict | None = None, language_code: str = "") -> list[JSONDict]:
        return self._call(_Ops.commands(scope, language_code))

    def webhook_info(self) -> JSONDict:
        return self._call(_Ops.webhook_info())

    def file_bytes(self, file_id: str) -> bytes | None:
        response = self._http.get(f"{self.control_url}/files/{file_id}")
        return response.content if response.status_code == 200 else None

    # -- faults ---------------------------------------------------------------------------------

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
        return self._call(
            _Ops.inject_fault(
                method, chat_id, status, retry_after, description, times, delay, deliver
            )
        )

    def faults(self) -> list[Fault]:
        return self._call(_Ops.faults())

    def clear_faults(self) -> None:
        self._call(_Ops.clear_faults())

    def set_latency(self, chat_id: int | None, seconds: float) -> None:
        self._call(_Ops.set_latency(chat_id, seconds))

    def set_flood_control(
        self,
        max_per_second: int | None = None,
        max_per_chat_per_second: int | None = None,
        retry_after: int | None = None,
    ) -> None:
        self._call(_Ops.set_flood_control(max_per_second, max_per_chat_per_second, retry_after))

    # -- waiting --------------------------------------------------------------------------------

    def wait_for_messages(
        self,
        chat_id: int,
        count: int = 1,
        *,
        after_message_id: int | None = None,
        timeout: float = 5.0,
    ) -> list[ChatMessage]:
        return self._call(_Ops.wait_for_messages(chat_id, count, after_message_id, timeout))

    def wait_for_reply(self, receipt: UpdateReceipt, *, timeout: float = 5.0) -> ChatMessage:
        sent = _reply_after(receipt)
        replies = self.wait_for_messages(
            sent.chat_id, after_message_id=sent.message_id, timeout=timeout
        )
        return replies[0]

    def wait_for_answer(self, query_id: str, *, timeout: float = 5.0) -> CallbackRecord:
        return self._call(_Ops.wait_for_answer(query_id, timeout))

    def wait_for_confirmed(self, *, timeout: float = 5.0) -> None:
        self._call(_Ops.wait_for_confirmed(timeout))

    def wait_for_polling(self, count: int = 1, *, timeout: float = 5.0) -> None:
        self._call(_Ops.wait_for_polling(count, timeout))

    def wait_until_idle(self, *, quiet: float = 0.1, timeout: float = 5.0) -> None:
        self._call(_Ops.wait_until_idle(quiet, timeout))
