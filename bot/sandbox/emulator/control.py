"""The emulator as tests drive it: act as Telegram users, read back what the bot did, inject
faults and wait for the bot, all from Python on the emulator's own event loop.

From another thread or process use the same API over HTTP (``/control/<action>``, see
:mod:`bot.sandbox.emulator.control_http` and the clients in :mod:`bot.sandbox.client`).
"""

# The waits take explicit ``timeout=`` seconds, like httpx and PTB do; callers are plain
# tests, not structured-concurrency code that would use asyncio.timeout().
# ruff: noqa: ASYNC109

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import json
import time
from collections.abc import Callable, Sequence
from typing import Literal

from aiohttp import web

from bot.sandbox.emulator.control_http import ControlHttp
from bot.sandbox.emulator.errors import ControlError, WaitTimeout
from bot.sandbox.emulator.faults import Fault, FloodLimiter
from bot.sandbox.emulator.formatting import bot_command_entities
from bot.sandbox.emulator.media import make_png, png_size
from bot.sandbox.emulator.records import (
    CallbackRecord,
    CallRecord,
    ChatMessage,
    ChatType,
    EmulatorConfig,
    FileInfo,
    FloodControl,
    JSONDict,
    Sender,
    Stats,
    UpdateReceipt,
    UserInfo,
)
from bot.sandbox.emulator.server import EmulatorServer


class TelegramEmulator(EmulatorServer):
    """An aiohttp server on 127.0.0.1 speaking the Bot API, with a control surface for tests.

    The Python control methods must be called from the event loop the emulator runs in; from
    another thread or process use the HTTP control API (:mod:`bot.sandbox.client`).
    """

    def __init__(self, config: EmulatorConfig | None = None) -> None:
        super().__init__(config)
        self._control = ControlHttp(self)

    def _add_control_routes(self, router: web.UrlDispatcher) -> None:
        self._control.register(router)

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

    def send_texts(self, messages: Sequence[tuple[int, str]]) -> int:
        """Many people each send a text, all at once (a benchmark's burst in one request, so
        the driver is never slower than the bot it measures). Returns how many were sent."""
        for user_id, text in messages:
            self.send_text(user_id, text)
        return len(messages)

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
        size = png_size(data) or (0, 0)
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

    def restore_chat(self, user_id: int, messages: list[ChatMessage]) -> None:
        """Give the user's private chat back its earlier messages, buttons and all, without
        telling the bot: as a Telegram client shows history after a restart."""
        self.world.restore_messages(self.world.ensure_user(user_id), messages)

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

    def menu_button(self, chat_id: int | None = None) -> JSONDict:
        """What getChatMenuButton would answer for this chat (or the bot's default)."""
        return self.world.menu_button(chat_id)

    def webhook_info(self) -> JSONDict:
        return self.api.webhook.info()

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
        self.flood = FloodLimiter(
            FloodControl(max_per_second, max_per_chat_per_second, retry_after)
        )

    def reset(self) -> None:
        """Forget users, chats, messages, updates, faults, calls and the webhook.

        Update ids keep growing so that a bot still polling with an old offset sees new ones.
        """
        self.world.reset()
        self.faults.clear()
        self.flood = FloodLimiter(self.config.flood)
        self.log.clear()
        self.api.webhook.forget()
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
