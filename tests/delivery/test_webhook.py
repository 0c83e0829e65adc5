"""The webhook refuses hostile requests quietly: 403 or 400, never a 500 or an ERROR line.

The runtime serves in webhook mode in-process; requests come over real HTTP. Hypothesis
posts random JSON shaped more or less like updates (from a second thread, while the event
loop serves), then the inbox drains whatever was accepted: nothing may log an ERROR."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.delivery.update_shape import is_update
from bot.sandbox.emulator import TelegramEmulator
from bot.telegram.app import CoachRuntime
from tests.conftest import Errors
from tests.e2e.test_health import SECRET, webhook_coach
from tests.e2e.test_webhook import free_port

pytestmark = pytest.mark.usefixtures("database_url")
PEOPLE = (18_401, 18_402)
RIGHT = {"X-Telegram-Bot-Api-Secret-Token": SECRET}


@dataclass
class Served:
    runtime: CoachRuntime
    url: str
    errors: Errors


@pytest.fixture
async def served(database_url: str, errors: Errors) -> AsyncIterator[Served]:
    port = free_port()
    emulator = TelegramEmulator()
    await emulator.start()
    for person in PEOPLE:
        emulator.add_user(person, "Hedy")
    try:
        async with webhook_coach(emulator, database_url, port) as runtime:
            async with httpx.AsyncClient() as client:
                async with asyncio.timeout(10):
                    while True:
                        try:
                            if (await client.get(f"http://127.0.0.1:{port}/healthz")).is_success:
                                break
                        except httpx.HTTPError:
                            pass
                        await asyncio.sleep(0.05)
            yield Served(runtime, f"http://127.0.0.1:{port}/telegram", errors)
            await runtime.inbox.idle()
    finally:
        await emulator.stop()


def message(**fields: Any) -> dict[str, Any]:
    body = {
        "message_id": 1,
        "date": 0,
        "chat": {"id": PEOPLE[0], "type": "private"},
        "from": {"id": PEOPLE[0], "is_bot": False, "first_name": "Hedy"},
        "text": "hello",
    }
    return body | fields


HOSTILE: list[tuple[str, bytes]] = [
    ("empty body", b""),
    ("not JSON", b"{not json"),
    ("not UTF-8", b'{"update_id": 1, "x": "\xff\xfe"}'),
    ("a list", b"[]"),
    ("a number", b"5"),
    ("deeply nested lists", b"[" * 100_000 + b"]" * 100_000),
    ("deeply nested objects", b'{"a":' * 5_000 + b"1" + b"}" * 5_000),
    (
        "nested just past a real update",
        b'{"update_id": 1, "x": ' + b"[" * 25 + b"1" + b"]" * 25 + b"}",
    ),
    ("no update_id", json.dumps({"message": message()}).encode()),
    ("update_id a string", json.dumps({"update_id": "1"}).encode()),
    ("update_id a bool", json.dumps({"update_id": True}).encode()),
    ("update_id past int64", json.dumps({"update_id": 10**24}).encode()),
    ('"chat": 5', json.dumps({"update_id": 2, "message": message(chat=5)}).encode()),
    ('"message": []', json.dumps({"update_id": 3, "message": []}).encode()),
    ('"text": 7', json.dumps({"update_id": 4, "message": message(text=7)}).encode()),
    (
        "chat id past int64",
        json.dumps(
            {"update_id": 5, "message": message(chat={"id": 10**20, "type": "private"})}
        ).encode(),
    ),
    ('"from": "x"', json.dumps({"update_id": 6, "message": message(**{"from": "x"})}).encode()),
    ('"entities": {}', json.dumps({"update_id": 7, "message": message(entities={})}).encode()),
    (
        "NaN location",
        b'{"update_id": 8, "message": {"message_id": 1, "date": 0, "chat": {"id": 1, '
        b'"type": "private"}, "location": {"latitude": NaN, "longitude": 1}}}',
    ),
    ('"callback_query": 1', json.dumps({"update_id": 9, "callback_query": 1}).encode()),
    (
        '"data": 5',
        json.dumps(
            {
                "update_id": 10,
                "callback_query": {
                    "id": "1",
                    "chat_instance": "c",
                    "from": {"id": PEOPLE[0], "is_bot": False, "first_name": "H"},
                    "data": 5,
                },
            }
        ).encode(),
    ),
]


async def test_hostile_requests_get_400_or_403_and_no_error(served: Served) -> None:
    async with httpx.AsyncClient(timeout=20) as client:
        for name, body in HOSTILE:
            response = await client.post(served.url, content=body, headers=RIGHT)
            assert response.status_code == 400, name
        # A secret header that is not even UTF-8, or the right secret's bytes mangled.
        for raw in (b"\xff\xfe\xfd", SECRET.encode() + b"\x80", b""):
            response = await client.post(
                served.url,
                content=json.dumps({"update_id": 11}).encode(),
                headers=[(b"X-Telegram-Bot-Api-Secret-Token", raw)],
            )
            assert response.status_code == 403, raw
        good = {"update_id": 12, "message": message(text="/help")}
        assert (await client.post(served.url, json=good, headers=RIGHT)).status_code == 200
    await served.runtime.inbox.idle()
    assert served.errors.lines == []


json_leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**25), max_value=10**25),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
)
json_any = st.recursive(
    json_leaf,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly the right type, sometimes anything at all."""
    return st.one_of(strategy, strategy, strategy, json_any)


ids = maybe(st.sampled_from(PEOPLE) | st.integers(min_value=-(2**40), max_value=2**40))
users = maybe(
    st.fixed_dictionaries(
        {"id": ids, "is_bot": maybe(st.booleans()), "first_name": maybe(st.text(max_size=10))},
        optional={"language_code": maybe(st.sampled_from(("en", "es", "ru", "xx")))},
    )
)
chats = maybe(
    st.fixed_dictionaries(
        {"id": ids, "type": maybe(st.sampled_from(("private", "group", "channel", "odd")))}
    )
)
entities = st.lists(
    maybe(
        st.fixed_dictionaries(
            {
                "type": maybe(st.sampled_from(("bot_command", "bold"))),
                "offset": maybe(st.integers(-3, 10)),
                "length": maybe(st.integers(-3, 10)),
            }
        )
    ),
    max_size=2,
)
texts = maybe(st.sampled_from(("/start", "/help", "/idea", "/log", "hello", "7", "")) | st.text())
messages = maybe(
    st.fixed_dictionaries(
        {
            "message_id": maybe(st.integers(0, 10**6)),
            "date": maybe(st.integers(0, 2**31)),
            "chat": chats,
        },
        optional={
            "from": users,
            "text": texts,
            "caption": texts,
            "entities": maybe(entities),
            "location": maybe(
                st.fixed_dictionaries(
                    {
                        "latitude": maybe(st.floats(-90, 90)),
                        "longitude": maybe(st.floats(-180, 180)),
                    }
                )
            ),
            "sticker": json_any,
            "reply_to_message": json_any,
        },
    )
)
callback_queries = maybe(
    st.fixed_dictionaries(
        {
            "id": maybe(st.text(min_size=1, max_size=5)),
            "from": users,
            "chat_instance": maybe(st.just("c")),
        },
        optional={"message": messages, "data": maybe(st.text(max_size=70))},
    )
)
members = maybe(
    st.fixed_dictionaries(
        {"status": maybe(st.sampled_from(("member", "kicked", "left"))), "user": users}
    )
)
member_updates = maybe(
    st.fixed_dictionaries(
        {
            "chat": chats,
            "from": users,
            "date": maybe(st.integers(0, 2**31)),
            "old_chat_member": members,
            "new_chat_member": members,
        }
    )
)
updates = st.fixed_dictionaries(
    {"update_id": maybe(st.integers(min_value=1, max_value=2**40))},
    optional={
        "message": messages,
        "edited_message": messages,
        "channel_post": messages,
        "callback_query": callback_queries,
        "my_chat_member": member_updates,
        "poll": json_any,
        json.dumps(0): json_any,
    },
)


async def test_random_update_shapes_never_make_a_500_or_an_error(served: Served) -> None:
    statuses: dict[int, int] = {}

    @settings(
        max_examples=300,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        database=None,
    )
    @given(update=updates)
    def post(update: dict[str, Any]) -> None:
        response = httpx.post(served.url, json=update, headers=RIGHT, timeout=20)
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        assert response.status_code in (200, 400), update
        assert (response.status_code == 200) == is_update(update), update

    # The event loop keeps serving the webhook while Hypothesis posts from a thread.
    await asyncio.to_thread(post)
    await served.runtime.inbox.idle()
    print(f"\nwebhook fuzzing: answers by status {statuses}")
    assert statuses.get(200, 0) > 0 and statuses.get(400, 0) > 0
    assert served.errors.lines == []
