"""Typed clients for the emulator's control API (``POST <control_url>/<action>``).

:class:`EmulatorClient` is async (httpx.AsyncClient) and is the one implementation: each
control action is written once, there. :class:`SyncEmulatorClient` is the same API for plain
tests, scripts and benchmarks: it runs the async client's coroutines to completion on an event
loop of its own, in a background thread, so it also works where another loop is running.

Both return the emulator's own record types (:class:`~bot.sandbox.emulator.ChatMessage`, ...),
raise :class:`~bot.sandbox.emulator.WaitTimeout` when a wait runs out and
:class:`ControlApiError` when the emulator rejects a request (e.g. pressing a button that does
not exist).

Never call the sync client from the event loop that runs the emulator: it would block the
loop the emulator needs to answer it.
"""

# Waits take explicit ``timeout=`` seconds, mirroring the emulator's Python API.
# ruff: noqa: ASYNC109

from __future__ import annotations

import asyncio
import base64
import threading
from collections.abc import Callable, Coroutine, Sequence
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar, overload

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
P = ParamSpec("P")

# Extra HTTP time on top of a server-side wait, so the server's 408 arrives first.
_WAIT_MARGIN = 5.0


class ControlApiError(Exception):
    """The emulator refused a control request (HTTP 400/404)."""

    def __init__(self, status: int, error: str) -> None:
        super().__init__(f"{status}: {error}")
        self.status = status
        self.error = error


def _body(**values: Any) -> JSONDict:
    return {key: value for key, value in values.items() if value is not None}


def _b64(data: bytes | None) -> str | None:
    return None if data is None else base64.b64encode(data).decode()


def _receipt(data: Any) -> UpdateReceipt:
    return UpdateReceipt.from_json(data)


def _messages(data: Any) -> list[ChatMessage]:
    return [ChatMessage.from_json(item) for item in data]


def _result(response: httpx.Response) -> Any:
    try:
        payload = response.json()
    except ValueError:
        raise ControlApiError(response.status_code, response.text) from None
    if response.status_code == 408:
        raise WaitTimeout(str(payload.get("error")))
    if response.status_code != 200 or not payload.get("ok"):
        raise ControlApiError(response.status_code, str(payload.get("error")))
    return payload.get("result")


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

    async def _call(self, action: str, body: JSONDict, *, wait: float | None = None) -> Any:
        """POST one action; ``wait`` is how long the server may hold it (waits only)."""
        timeout = self._timeout if wait is None else wait + _WAIT_MARGIN
        response = await self._http.post(f"{self.control_url}/{action}", json=body, timeout=timeout)
        return _result(response)

    async def _act(self, action: str, **values: Any) -> UpdateReceipt:
        return _receipt(await self._call(action, _body(**values)))

    # -- users ----------------------------------------------------------------------------------

    async def health(self) -> JSONDict:
        return dict(await self._call("health", {}))

    async def reset(self) -> None:
        await self._call("reset", {})

    async def add_user(
        self,
        user_id: int,
        first_name: str | None = None,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
    ) -> UserInfo:
        body = _body(
            user_id=user_id,
            first_name=first_name,
            last_name=last_name,
            username=username,
            language_code=language_code,
        )
        return UserInfo.from_json(await self._call("add_user", body))

    async def user(self, user_id: int) -> UserInfo | None:
        data = await self._call("user", {"user_id": user_id})
        return UserInfo.from_json(data) if data else None

    async def send_text(
        self,
        user_id: int,
        text: str,
        *,
        chat_id: int | None = None,
        chat_type: ChatType = "private",
        reply_to_message_id: int | None = None,
    ) -> UpdateReceipt:
        return await self._act(
            "send_text",
            user_id=user_id,
            text=text,
            chat_id=chat_id,
            chat_type=chat_type,
            reply_to_message_id=reply_to_message_id,
        )

    async def send_texts(self, messages: Sequence[tuple[int, str]]) -> int:
        """Many texts in one request: [(user_id, text), ...]; returns how many were sent."""
        return int(await self._call("send_texts", {"messages": [list(m) for m in messages]}))

    async def send_sticker(
        self, user_id: int, *, emoji: str = "👍", chat_id: int | None = None
    ) -> UpdateReceipt:
        return await self._act("send_sticker", user_id=user_id, emoji=emoji, chat_id=chat_id)

    async def send_photo(
        self,
        user_id: int,
        data: bytes | None = None,
        *,
        caption: str | None = None,
        chat_id: int | None = None,
    ) -> UpdateReceipt:
        return await self._act(
            "send_photo", user_id=user_id, data_b64=_b64(data), caption=caption, chat_id=chat_id
        )

    async def send_voice(
        self, user_id: int, *, duration: int = 3, chat_id: int | None = None
    ) -> UpdateReceipt:
        return await self._act("send_voice", user_id=user_id, duration=duration, chat_id=chat_id)

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
        return await self._act(
            "send_document",
            user_id=user_id,
            data_b64=_b64(data),
            file_name=file_name,
            mime_type=mime_type,
            caption=caption,
            chat_id=chat_id,
        )

    async def send_location(
        self, user_id: int, latitude: float, longitude: float, *, chat_id: int | None = None
    ) -> UpdateReceipt:
        return await self._act(
            "send_location",
            user_id=user_id,
            latitude=latitude,
            longitude=longitude,
            chat_id=chat_id,
        )

    async def edit_text(
        self, user_id: int, message_id: int, text: str, *, chat_id: int | None = None
    ) -> UpdateReceipt:
        return await self._act(
            "edit_text", user_id=user_id, message_id=message_id, text=text, chat_id=chat_id
        )

    async def channel_post(
        self, chat_id: int, text: str, *, title: str | None = None
    ) -> UpdateReceipt:
        return await self._act("channel_post", chat_id=chat_id, text=text, title=title)

    async def add_to_group(
        self,
        chat_id: int,
        by_user_id: int,
        *,
        title: str | None = None,
        chat_type: ChatType = "group",
    ) -> UpdateReceipt:
        return await self._act(
            "add_to_group", chat_id=chat_id, by_user_id=by_user_id, title=title, chat_type=chat_type
        )

    async def remove_from_group(
        self, chat_id: int, by_user_id: int, *, status: str = "left"
    ) -> UpdateReceipt:
        return await self._act(
            "remove_from_group", chat_id=chat_id, by_user_id=by_user_id, status=status
        )

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
        return await self._act(
            "press",
            user_id=user_id,
            message_id=message_id,
            data=data,
            button_text=button_text,
            chat_id=chat_id,
            forge=forge,
        )

    async def block(self, user_id: int) -> UpdateReceipt:
        return await self._act("block", user_id=user_id)

    async def unblock(self, user_id: int) -> UpdateReceipt:
        return await self._act("unblock", user_id=user_id)

    # -- reading --------------------------------------------------------------------------------

    async def messages(
        self, chat_id: int, *, sender: Sender = "bot", include_deleted: bool = False
    ) -> list[ChatMessage]:
        body = _body(chat_id=chat_id, sender=sender, include_deleted=include_deleted)
        return _messages(await self._call("messages", body))

    async def last_message(self, chat_id: int, *, sender: Sender = "bot") -> ChatMessage | None:
        found = await self.messages(chat_id, sender=sender)
        return found[-1] if found else None

    async def message_count(self, chat_id: int, *, sender: Sender = "bot") -> int:
        return int(await self._call("message_count", {"chat_id": chat_id, "sender": sender}))

    async def callback_answers(self, query_id: str | None = None) -> list[CallbackRecord]:
        data = await self._call("callback_answers", _body(query_id=query_id))
        return [CallbackRecord.from_json(item) for item in data]

    async def pending_updates(self) -> list[JSONDict]:
        return list(await self._call("pending_updates", {}))

    async def calls(self, method: str | None = None) -> list[CallRecord]:
        data = await self._call("calls", _body(method=method))
        return [CallRecord.from_json(item) for item in data]

    async def stats(self) -> Stats:
        return Stats.from_json(await self._call("stats", {}))

    async def commands(
        self, scope: JSONDict | None = None, language_code: str = ""
    ) -> list[JSONDict]:
        body = _body(scope=scope, language_code=language_code)
        return list(await self._call("commands", body))

    async def webhook_info(self) -> JSONDict:
        return dict(await self._call("webhook_info", {}))

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
        return Fault.from_json(await self._call("inject_fault", body))

    async def faults(self) -> list[Fault]:
        return [Fault.from_json(item) for item in await self._call("faults", {})]

    async def clear_faults(self) -> None:
        await self._call("clear_faults", {})

    async def set_latency(self, chat_id: int | None, seconds: float) -> None:
        await self._call("set_latency", _body(chat_id=chat_id, seconds=seconds))

    async def set_flood_control(
        self,
        max_per_second: int | None = None,
        max_per_chat_per_second: int | None = None,
        retry_after: int | None = None,
    ) -> None:
        body = _body(
            max_per_second=max_per_second,
            max_per_chat_per_second=max_per_chat_per_second,
            retry_after=retry_after,
        )
        await self._call("set_flood_control", body)

    # -- waiting --------------------------------------------------------------------------------

    async def wait_for_messages(
        self,
        chat_id: int,
        count: int = 1,
        *,
        after_message_id: int | None = None,
        timeout: float = 5.0,
    ) -> list[ChatMessage]:
        body = _body(
            chat_id=chat_id, count=count, after_message_id=after_message_id, timeout=timeout
        )
        return _messages(await self._call("wait_for_messages", body, wait=timeout))

    async def wait_for_reply(self, receipt: UpdateReceipt, *, timeout: float = 5.0) -> ChatMessage:
        sent = receipt.message
        if sent is None:
            raise ValueError("wait_for_reply needs the receipt of a user message")
        replies = await self.wait_for_messages(
            sent.chat_id, after_message_id=sent.message_id, timeout=timeout
        )
        return replies[0]

    async def wait_for_answer(self, query_id: str, *, timeout: float = 5.0) -> CallbackRecord:
        body = {"query_id": query_id, "timeout": timeout}
        return CallbackRecord.from_json(await self._call("wait_for_answer", body, wait=timeout))

    async def wait_for_confirmed(self, *, timeout: float = 5.0) -> None:
        await self._call("wait_for_confirmed", {"timeout": timeout}, wait=timeout)

    async def wait_for_polling(self, count: int = 1, *, timeout: float = 5.0) -> None:
        await self._call("wait_for_polling", {"count": count, "timeout": timeout}, wait=timeout)

    async def wait_until_idle(self, *, quiet: float = 0.1, timeout: float = 5.0) -> None:
        await self._call("wait_until_idle", {"quiet": quiet, "timeout": timeout}, wait=timeout)


# --------------------------------------------------------------------------------------------
# The blocking client: the async one, run on a loop in a thread of its own
# --------------------------------------------------------------------------------------------


class _LoopThread:
    """An event loop running in a daemon thread; callers in any thread block on its results."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self.loop.run_forever, name="emulator-client", daemon=True
        )
        self._thread.start()

    def run(self, work: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(work, self.loop).result()

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join()
        self.loop.close()


_AsyncMethod = Callable[Concatenate["EmulatorClient", P], Coroutine[Any, Any, T]]


class _Blocking(Generic[P, T]):
    """A method of :class:`SyncEmulatorClient`: the async client's method of the same name,
    with the same signature, run to completion."""

    def __init__(self, method: _AsyncMethod[P, T]) -> None:
        self._method = method

    @overload
    def __get__(self, client: None, owner: type[Any]) -> _Blocking[P, T]: ...

    @overload
    def __get__(self, client: SyncEmulatorClient, owner: type[Any]) -> Callable[P, T]: ...

    def __get__(
        self, client: SyncEmulatorClient | None, owner: type[Any]
    ) -> _Blocking[P, T] | Callable[P, T]:
        if client is None:
            return self
        method, runner, target = self._method, client._runner, client._async

        def blocking(*args: P.args, **kwargs: P.kwargs) -> T:
            return runner.run(method(target, *args, **kwargs))

        return blocking


class SyncEmulatorClient:
    """The control API of :class:`EmulatorClient`, blocking. A new action is written once in
    :class:`EmulatorClient` and named here in one line (a test checks none is missing)."""

    def __init__(self, control_url: str, *, timeout: float = 10.0) -> None:
        self.control_url = control_url.rstrip("/")
        self._runner = _LoopThread()
        self._async = self._runner.run(_open(self.control_url, timeout))

    def close(self) -> None:
        self._runner.run(self._async.aclose())
        self._runner.stop()

    def __enter__(self) -> SyncEmulatorClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    health = _Blocking(EmulatorClient.health)
    reset = _Blocking(EmulatorClient.reset)
    add_user = _Blocking(EmulatorClient.add_user)
    user = _Blocking(EmulatorClient.user)
    send_text = _Blocking(EmulatorClient.send_text)
    send_texts = _Blocking(EmulatorClient.send_texts)
    send_sticker = _Blocking(EmulatorClient.send_sticker)
    send_photo = _Blocking(EmulatorClient.send_photo)
    send_voice = _Blocking(EmulatorClient.send_voice)
    send_document = _Blocking(EmulatorClient.send_document)
    send_location = _Blocking(EmulatorClient.send_location)
    edit_text = _Blocking(EmulatorClient.edit_text)
    channel_post = _Blocking(EmulatorClient.channel_post)
    add_to_group = _Blocking(EmulatorClient.add_to_group)
    remove_from_group = _Blocking(EmulatorClient.remove_from_group)
    press = _Blocking(EmulatorClient.press)
    block = _Blocking(EmulatorClient.block)
    unblock = _Blocking(EmulatorClient.unblock)
    messages = _Blocking(EmulatorClient.messages)
    last_message = _Blocking(EmulatorClient.last_message)
    message_count = _Blocking(EmulatorClient.message_count)
    callback_answers = _Blocking(EmulatorClient.callback_answers)
    pending_updates = _Blocking(EmulatorClient.pending_updates)
    calls = _Blocking(EmulatorClient.calls)
    stats = _Blocking(EmulatorClient.stats)
    commands = _Blocking(EmulatorClient.commands)
    webhook_info = _Blocking(EmulatorClient.webhook_info)
    file_bytes = _Blocking(EmulatorClient.file_bytes)
    inject_fault = _Blocking(EmulatorClient.inject_fault)
    faults = _Blocking(EmulatorClient.faults)
    clear_faults = _Blocking(EmulatorClient.clear_faults)
    set_latency = _Blocking(EmulatorClient.set_latency)
    set_flood_control = _Blocking(EmulatorClient.set_flood_control)
    wait_for_messages = _Blocking(EmulatorClient.wait_for_messages)
    wait_for_reply = _Blocking(EmulatorClient.wait_for_reply)
    wait_for_answer = _Blocking(EmulatorClient.wait_for_answer)
    wait_for_confirmed = _Blocking(EmulatorClient.wait_for_confirmed)
    wait_for_polling = _Blocking(EmulatorClient.wait_for_polling)
    wait_until_idle = _Blocking(EmulatorClient.wait_until_idle)


async def _open(control_url: str, timeout: float) -> EmulatorClient:
    """The async client is made on the loop that will use it (httpx binds to its loop)."""
    return EmulatorClient(control_url, timeout=timeout)
