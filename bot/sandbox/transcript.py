"""The sandbox's chats kept between runs, as a Telegram client keeps its history.

Without it every run would start with an empty chat, and the only way to see where you were
would be to send /start again, which throws away an open question. The people and their
messages (buttons included) are written to one JSON file and put back into the emulator at the
next start.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.sandbox.emulator import ChatMessage


@dataclass(frozen=True)
class SavedPerson:
    number: int
    user_id: int
    name: str
    messages: tuple[ChatMessage, ...]


@dataclass(frozen=True)
class SavedChats:
    people: tuple[SavedPerson, ...]
    active: int


def save(path: Path, chats: SavedChats) -> None:
    data = {
        "active": chats.active,
        "people": [
            {
                "number": person.number,
                "user_id": person.user_id,
                "name": person.name,
                "messages": [message.to_json() for message in person.messages],
            }
            for person in chats.people
        ],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    temporary.replace(path)  # never a half-written file, even when the run is killed


def load(path: Path) -> SavedChats | None:
    """The chats of the last run; None when there are none (or the file is unreadable)."""
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
        people = tuple(
            SavedPerson(
                number=int(person["number"]),
                user_id=int(person["user_id"]),
                name=str(person["name"]),
                messages=tuple(ChatMessage.from_json(item) for item in person["messages"]),
            )
            for person in data["people"]
        )
        return SavedChats(people, int(data["active"])) if people else None
    except (OSError, ValueError, KeyError, TypeError):
        return None
