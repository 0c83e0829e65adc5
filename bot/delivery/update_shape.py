"""Is a JSON body shaped like a Telegram update? Checked before the webhook stores it.

Only Telegram (holding the secret) should reach the webhook, but a leaked secret or a
misbehaving proxy must not be able to store a body that later crashes a turn. PTB's
`de_json` checks no types: `"chat": 5` or `"text": 7` would be accepted and fail deep in a
handler, with a traceback and an apology. So the fields we (and PTB) read are checked by
type here, and anything else is refused with a 400 before it is stored.

Fields we do not know are allowed (Telegram adds new ones), but a body nested deeper than
any real update is refused, and ids must fit the database's 64-bit columns.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

# Real updates nest about six levels (update > message > reply_to_message > chat > ...).
MAX_DEPTH = 24
_INT64 = 2**63

# A schema maps a field name to a type, or to another schema (an object), or to a
# one-element list holding the schema of each item.
Schema = Mapping[str, Any]

USER: Schema = {
    "id": int,
    "is_bot": bool,
    "first_name": str,
    "last_name": str,
    "username": str,
    "language_code": str,
}
CHAT: Schema = {
    "id": int,
    "type": str,
    "title": str,
    "username": str,
    "first_name": str,
    "last_name": str,
}
ENTITY: Schema = {"type": str, "offset": int, "length": int, "url": str, "user": USER}
LOCATION: Schema = {"latitude": float, "longitude": float}
_MESSAGE_FIELDS: dict[str, Any] = {
    "message_id": int,
    "date": int,
    "edit_date": int,
    "chat": CHAT,
    "from": USER,
    "sender_chat": CHAT,
    "text": str,
    "caption": str,
    "entities": [ENTITY],
    "caption_entities": [ENTITY],
    "location": LOCATION,
    "web_app_data": {"data": str, "button_text": str},
}
# A reply carries the message it answers (Telegram nests only that one level).
MESSAGE: Schema = {**_MESSAGE_FIELDS, "reply_to_message": dict(_MESSAGE_FIELDS)}
CALLBACK_QUERY: Schema = {
    "id": str,
    "from": USER,
    "message": MESSAGE,
    "chat_instance": str,
    "data": str,
}
MEMBER: Schema = {"status": str, "user": USER}
MEMBER_UPDATED: Schema = {
    "chat": CHAT,
    "from": USER,
    "date": int,
    "old_chat_member": MEMBER,
    "new_chat_member": MEMBER,
}
UPDATE: Schema = {
    "update_id": int,
    "message": MESSAGE,
    "edited_message": MESSAGE,
    "channel_post": MESSAGE,
    "edited_channel_post": MESSAGE,
    "callback_query": CALLBACK_QUERY,
    "my_chat_member": MEMBER_UPDATED,
    "chat_member": MEMBER_UPDATED,
}
# Without these, PTB cannot build the object at all.
_REQUIRED: dict[int, tuple[str, ...]] = {
    id(UPDATE): ("update_id",),
    id(MESSAGE): ("message_id", "date", "chat"),
    id(CHAT): ("id", "type"),
    id(USER): ("id", "first_name", "is_bot"),
    # Our buttons are on messages in chats (no inline mode): a press always names one.
    id(CALLBACK_QUERY): ("id", "from", "chat_instance", "message"),
    id(MEMBER_UPDATED): ("chat", "from", "date", "old_chat_member", "new_chat_member"),
    id(MEMBER): ("status", "user"),
}


def _private_has_sender(message: Mapping[str, Any]) -> bool:
    """Telegram always says who wrote in a private chat; our handlers rely on it."""
    chat = message.get("chat")
    return not (isinstance(chat, dict) and chat.get("type") == "private" and "from" not in message)


_CHECKS: dict[int, Any] = {id(MESSAGE): _private_has_sender}


def is_update(payload: object) -> bool:
    """True when `payload` may be stored as a Telegram update."""
    return depth_within(payload, MAX_DEPTH) and _matches(payload, UPDATE)


def depth_within(value: object, limit: int) -> bool:
    """Whether nesting of lists and objects stays within `limit` (no recursion used)."""
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: list[object] = list(item.values())
        elif isinstance(item, list):
            children = list(item)
        else:
            continue
        if depth > limit:
            return False
        stack.extend((child, depth + 1) for child in children)
    return True


def _matches(value: object, expected: Any) -> bool:
    if isinstance(expected, list):
        return isinstance(value, list) and all(_matches(item, expected[0]) for item in value)
    if isinstance(expected, Mapping):
        if not isinstance(value, dict):
            return False
        if any(name not in value for name in _REQUIRED.get(id(expected), ())):
            return False
        check = _CHECKS.get(id(expected))
        if check is not None and not check(value):
            return False
        return all(_matches(value[name], kind) for name, kind in expected.items() if name in value)
    if expected is int:
        return type(value) is int and -_INT64 <= value < _INT64
    if expected is float:
        return type(value) in (int, float) and math.isfinite(value)  # type: ignore[arg-type]
    return type(value) is expected
