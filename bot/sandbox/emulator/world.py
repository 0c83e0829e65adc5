"""The world as Telegram knows it: users, chats, messages, files, button presses and the
queue of updates waiting for the bot, plus the wake-ups that long polls and tests wait on."""

# Waits take explicit ``timeout`` seconds, like the control API they serve.
# ruff: noqa: ASYNC109

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Final

from bot.sandbox.emulator.errors import ERR_QUERY_INVALID, ControlError, bad_request
from bot.sandbox.emulator.formatting import bot_command_entities
from bot.sandbox.emulator.media import file_api
from bot.sandbox.emulator.records import (
    DEFAULT_BOT_ID,
    CallbackRecord,
    ChatMessage,
    ChatType,
    EmulatorConfig,
    FileInfo,
    JSONDict,
    UpdateReceipt,
    UserInfo,
)

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


class Notifier:
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
class PendingUpdate:
    update_id: int
    kind: str
    payload: JSONDict


class UpdateQueue:
    """Updates not yet confirmed by the bot. Ids only grow, even across reset(), so a running
    bot's offset never swallows the updates of the next test."""

    def __init__(self) -> None:
        self._items: deque[PendingUpdate] = deque()
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
        self._items.append(PendingUpdate(update_id, kind, {"update_id": update_id, kind: body}))
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

    def first(self) -> PendingUpdate | None:
        return self._items[0] if self._items else None

    def peek(self, limit: int) -> list[JSONDict]:
        return [item.payload for item in itertools.islice(self._items, limit)]

    def clear(self) -> None:
        self._items.clear()


@dataclass
class Chat:
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


def unix_now() -> int:
    return int(time.time())


def inline_only(markup: JSONDict | None) -> JSONDict | None:
    """Only inline keyboards belong to a message; reply keyboards belong to the chat."""
    return markup if markup is not None and "inline_keyboard" in markup else None


class World:
    """Everything Telegram would know, plus what tests need to read back."""

    def __init__(self, config: EmulatorConfig) -> None:
        self.config = config
        self.bot_id = DEFAULT_BOT_ID
        self.updates = UpdateQueue()
        # Wakes getUpdates long polls and the webhook sender.
        self.update_signal = Notifier()
        # Wakes control-side waits: bot messages, edits, answers, confirmations, calls.
        self.activity = Notifier()
        # Ids keep growing across reset() so stale ids from a previous test never collide.
        self._file_ids = itertools.count(1)
        self._query_ids = itertools.count(1)
        self._init_state()

    def _init_state(self) -> None:
        self.users: dict[int, UserInfo] = {}
        self.chats: dict[int, Chat] = {}
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

    def menu_button(self, chat_id: int | str | None = None) -> JSONDict:
        """The menu button a chat shows: its own if one was set for it, else the bot's
        default, else Telegram's plain one (as getChatMenuButton answers)."""
        for chat in ([str(chat_id)] if chat_id is not None else []) + [""]:
            button = self.settings.get(("menu_button", chat))
            if button is not None:
                return dict(button)
        return {"type": "default"}

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

    def _private_chat(self, user: UserInfo) -> Chat:
        chat = self.chats.get(user.id)
        if chat is None:
            chat = Chat(id=user.id, type="private")
            self.chats[user.id] = chat
        chat.first_name, chat.last_name, chat.username = (
            user.first_name,
            user.last_name,
            user.username,
        )
        return chat

    def shared_chat(
        self, chat_id: int, chat_type: ChatType, title: str | None, username: str | None = None
    ) -> Chat:
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
        chat = Chat(chat_id, chat_type, title or default_title, username, bot_status=status)
        self.chats[chat_id] = chat
        return chat

    def chat_for(self, user: UserInfo, chat_id: int | None, chat_type: ChatType) -> Chat:
        if chat_id is None or chat_id == user.id:
            if chat_type != "private":
                raise ControlError(f"sending to a {chat_type} needs its chat_id")
            return self._private_chat(user)
        return self.shared_chat(chat_id, chat_type if chat_type != "private" else "group", None)

    def find_chat(self, ref: int | str) -> Chat | None:
        if isinstance(ref, int):
            return self.chats.get(ref)
        name = ref.removeprefix("@").lower()
        return next((c for c in self.chats.values() if (c.username or "").lower() == name), None)

    def require_chat(self, chat_id: int) -> Chat:
        chat = self.chats.get(chat_id)
        if chat is None:
            raise ControlError(f"unknown chat {chat_id}")
        return chat

    # -- messages -------------------------------------------------------------------------------

    def add_message(self, chat: Chat, *, from_bot: bool, **content: Any) -> ChatMessage:
        sender_id = self.bot_id if from_bot else content.pop("sender_id", None)
        message = ChatMessage(
            chat_id=chat.id,
            message_id=chat.next_message_id,
            date=unix_now(),
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

    def _store(self, chat: Chat, message: ChatMessage) -> None:
        limit = self.config.history_limit
        if limit == 0:
            return
        chat.messages[message.message_id] = message
        if limit is not None and len(chat.messages) > limit:
            # dicts keep insertion order, so the first key is the oldest message.
            del chat.messages[next(iter(chat.messages))]

    def restore_messages(self, user: UserInfo, messages: list[ChatMessage]) -> None:
        """Put a private chat's earlier messages back (the sandbox keeps chats across runs);
        new messages continue the numbering after them."""
        chat = self._private_chat(user)
        for message in messages:
            if message.chat_id != chat.id:
                raise ControlError(f"message {message.message_id} is not in chat {chat.id}")
            self._store(chat, message)
            chat.next_message_id = max(chat.next_message_id, message.message_id + 1)

    def replace_message(self, message: ChatMessage) -> None:
        chat = self.chats[message.chat_id]
        if message.message_id in chat.messages:
            chat.messages[message.message_id] = message
        self.activity.notify()

    def get_message(self, chat: Chat, message_id: int) -> ChatMessage | None:
        message = chat.messages.get(message_id)
        return None if message is None or message.deleted else message

    def message_known(self, chat: Chat, message_id: int) -> bool:
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

    def _add_sender(self, data: JSONDict, message: ChatMessage, chat: Chat) -> None:
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
            data.update(file_api(message.file))
        if message.location is not None:
            data["location"] = {
                "latitude": message.location[0],
                "longitude": message.location[1],
            }
        markup = inline_only(message.reply_markup)
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
            edit_date=unix_now(),
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

    def set_bot_status(self, chat: Chat, user: UserInfo, status: str) -> UpdateReceipt:
        """Change the bot's membership and emit my_chat_member, as Telegram does."""
        old = chat.bot_status
        chat.bot_status = status
        body = {
            "chat": chat.to_api(),
            "from": user.to_api(),
            "date": unix_now(),
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
            raise bad_request(ERR_QUERY_INVALID)
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
