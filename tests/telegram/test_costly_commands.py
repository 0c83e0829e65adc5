"""Costly commands are bounded: /stats, /export, /add and idea events (issue 18, item 6)."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import insert, select

from bot.db.models import Challenge, IdeaEvent, KeptFile, table
from bot.domain.recap import WeekAttempt
from bot.sandbox.emulator import ChatMessage
from bot.sandbox.harness import CoachHarness, texts_of
from bot.services import chart_data, own_ideas
from bot.services.ideas import Reaction
from tests.telegram.helpers import clock_of, onboard

pytestmark = pytest.mark.usefixtures("database_url")

ALICE, BOB, CARA = 7101, 7102, 7103
MONDAY = datetime(2026, 11, 16, 7, 0, tzinfo=UTC)


class Draws:
    """Counts real chart drawings, and how many ran at once and where."""

    def __init__(self, render: Callable[..., bytes]) -> None:
        self._render = render
        self._lock = threading.Lock()
        self.count = 0
        self.running = 0
        self.most_at_once = 0
        self.on_main_thread = 0

    def __call__(self, *args: Any) -> bytes:
        with self._lock:
            self.count += 1
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
            self.on_main_thread += threading.current_thread() is threading.main_thread()
        try:
            return self._render(*args)
        finally:
            with self._lock:
                self.running -= 1


@pytest.fixture
def draws(monkeypatch: pytest.MonkeyPatch) -> Draws:
    """Asked for before `coach`: the runtime takes the drawing function when it starts."""
    counter = Draws(chart_data.render)
    monkeypatch.setattr(chart_data, "render", counter)
    return counter


def photo_bytes(coach: CoachHarness, replies: list[ChatMessage]) -> tuple[bytes, str]:
    [photo] = [m for m in replies if m.kind == "photo"]
    assert photo.file is not None
    data = coach.emulator.file_bytes(photo.file.file_id)
    assert data is not None
    return data, photo.caption or ""


async def ready_to_chart(coach: CoachHarness, user_id: int, name: str = "Alice") -> None:
    clock_of(coach).set(MONDAY)
    await onboard(coach, user_id, name=name)
    await coach.say(user_id, "asked a stranger for directions, got a yes, 6 -> 2")


async def test_stats_draws_at_most_once_a_minute_and_only_when_an_ask_changed_it(
    draws: Draws, coach: CoachHarness
) -> None:
    await ready_to_chart(coach, ALICE)
    first, caption = photo_bytes(coach, await coach.say(ALICE, "/stats"))
    assert draws.count == 1
    assert "moment ago" not in caption

    again, caption = photo_bytes(coach, await coach.say(ALICE, "/stats"))
    assert (draws.count, again) == (1, first)
    assert "I sent your chart a moment ago; here it is again" in caption

    clock_of(coach).advance(timedelta(minutes=5))  # nothing new logged: the same chart
    same, caption = photo_bytes(coach, await coach.say(ALICE, "/stats"))
    assert (draws.count, same) == (1, first)
    assert "moment ago" not in caption

    await coach.say(ALICE, "asked for a discount, got a no, 7 -> 3")  # a new ask
    newer, _ = photo_bytes(coach, await coach.say(ALICE, "/stats"))
    assert draws.count == 2
    assert newer != first

    await coach.say(ALICE, "asked to swap seats, got a yes, 5 -> 1")
    kept, caption = photo_bytes(coach, await coach.say(ALICE, "/stats"))
    assert (draws.count, kept) == (2, newer)  # within the minute: kindly the same one
    assert "moment ago" in caption
    assert draws.on_main_thread == 0  # drawn off the event loop

    await coach.say(ALICE, "/delete")
    await coach.tap(ALICE, "Yes")
    async with coach.runtime.deps.db.sessions() as session:
        assert list(await session.scalars(select(KeptFile))) == []


async def test_a_chart_is_not_redrawn_when_its_send_is_retried(
    draws: Draws, coach: CoachHarness
) -> None:
    await ready_to_chart(coach, ALICE)
    coach.emulator.inject_fault("sendPhoto", chat_id=ALICE, status=502, times=2)
    await coach.say(ALICE, "/stats")
    await coach.emulator.wait_until(
        lambda: any(m.kind == "photo" for m in coach.emulator.messages(ALICE)), timeout=15
    )
    assert len([m for m in coach.emulator.messages(ALICE) if m.kind == "photo"]) == 1
    assert draws.count == 1


async def test_charts_are_drawn_at_most_two_at_a_time(draws: Draws, coach: CoachHarness) -> None:
    people = {ALICE: "Alice", BOB: "Bob", CARA: "Cara"}
    for user_id, name in people.items():
        await ready_to_chart(coach, user_id, name)
    for user_id in people:
        coach.emulator.send_text(user_id, "/stats")
    await coach.settle()
    await coach.emulator.wait_until(
        lambda: all(
            any(m.kind == "photo" for m in coach.emulator.messages(user_id)) for user_id in people
        ),
        timeout=20,
    )
    assert draws.count == 3
    assert draws.most_at_once <= 2


def test_a_chart_plots_at_most_200_asks_the_newest() -> None:
    start = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    asks = [
        WeekAttempt(start + timedelta(minutes=i), 1, "yes", None, 5.0, float(i % 10), None, None)
        for i in range(300)
    ]
    data = chart_data.chart_data(asks, tz_name="UTC", now=start + timedelta(days=1))
    assert len(data["points"]) == chart_data.MAX_POINTS == 200
    assert [point[2] for point in data["points"][-3:]] == [7.0, 8.0, 9.0]  # the newest
    assert sum(asks for _, asks, _ in data["weeks"]) == 300  # counts keep every ask


def documents_of(coach: CoachHarness, replies: list[ChatMessage]) -> dict[str, bytes]:
    found = {}
    for message in replies:
        if message.kind == "document" and message.file is not None:
            found[message.file.file_name or ""] = coach.emulator.file_bytes(message.file.file_id)
    return {name: data for name, data in found.items() if data is not None}


async def test_export_is_made_at_most_once_an_hour(coach: CoachHarness) -> None:
    await ready_to_chart(coach, ALICE)
    first = documents_of(coach, await coach.say(ALICE, "/export"))
    assert len(first) == 2
    await coach.say(ALICE, "asked for a discount, got a no, 7 -> 3")

    replies = await coach.say(ALICE, "/export")
    assert "here they are again" in texts_of(replies)
    assert documents_of(coach, replies) == first  # the same files, not rebuilt

    clock_of(coach).advance(timedelta(minutes=61))
    fresh = documents_of(coach, await coach.say(ALICE, "/export"))
    attempts = json.loads(fresh["rejection-coach-data.json"])["attempts"]
    assert len(attempts) == 2  # made anew, with the newer ask


async def test_at_most_200_ideas_of_ones_own(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    now = clock_of(coach).now
    async with coach.runtime.deps.db.transaction() as session:
        await session.execute(
            insert(table(Challenge)),
            [
                {
                    "owner_id": ALICE,
                    "text": f"ask a neighbour about their garden, number {i}",
                    "level": 1,
                    "category": own_ideas.PERSONAL_CATEGORY,
                    "setting": "in_person",
                    "created_at": now,
                    "retired": False,
                }
                for i in range(own_ideas.MAX_OWN_IDEAS)
            ],
        )
    replies = await coach.say(ALICE, "/add ask the baker to save me a loaf")
    assert "200 ideas of your own" in texts_of(replies)
    async with coach.runtime.deps.db.sessions() as session:
        assert await own_ideas.count_own(session, ALICE) == own_ideas.MAX_OWN_IDEAS


async def test_idea_events_past_the_no_repeat_window_are_pruned(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    now = clock_of(coach).now
    async with coach.runtime.deps.db.sessions() as session:
        idea = await session.scalar(select(Challenge.id).where(Challenge.owner_id.is_(None)))
    old, recent = now - timedelta(days=31), now - timedelta(days=29)
    rows = [
        (Reaction.OFFERED, old),
        (Reaction.ANOTHER, old),
        (Reaction.NOT_FOR_ME, old),  # hides the idea until brought back: kept
        (Reaction.OFFERED, recent),
    ]
    async with coach.runtime.deps.db.transaction() as session:
        await session.execute(
            insert(table(IdeaEvent)),
            [
                {"user_id": ALICE, "challenge_id": idea, "kind": kind.value, "created_at": at}
                for kind, at in rows
            ],
        )
    await coach.runtime.prune_idea_events()
    async with coach.runtime.deps.db.sessions() as session:
        left = (
            await session.execute(
                select(IdeaEvent.kind, IdeaEvent.created_at).where(
                    IdeaEvent.user_id == ALICE, IdeaEvent.challenge_id == idea
                )
            )
        ).all()
    assert sorted((kind, at) for kind, at in left) == sorted(
        [(Reaction.NOT_FOR_ME.value, old), (Reaction.OFFERED.value, recent)]
    )
    assert all(at >= now - timedelta(days=30) for kind, at in left if kind != "not_for_me")
