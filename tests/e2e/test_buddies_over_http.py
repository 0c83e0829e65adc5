"""Two people and `coach run` over HTTP (SQLite, and PostgreSQL when TEST_DATABASE_URL is
set): invite, consent, a week of logs with notes and cheers, a suggestion accepted and one
declined, pause, end; forged, expired and reused links; a buddy who blocked the bot.

The process runs on the real clock, so "the next day" is made by moving the day stamps of
the buddy rows back one day (the limits compare local dates; nothing else depends on it).
"""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import create_async_engine

from bot.db.models import BuddyInvite, BuddyMember, BuddyPair, BuddySuggestion
from bot.sandbox.client import SyncEmulatorClient
from bot.sandbox.emulator import ChatMessage
from bot.sandbox.threaded import ThreadedEmulator
from tests.e2e.support import CoachProcess, coach_env, rows, running, say, tap

pytestmark = pytest.mark.e2e
ANA, BEN, CY = 7101, 7102, 7103
LINK_RE = re.compile(r"https://t\.me/\w+\?start=([A-Za-z0-9_-]+)")
NOTE = "made an ask today"


def joined(messages: list[ChatMessage]) -> str:
    return "\n".join(m.text or "" for m in messages)


def execute(database_url: str, statement: object) -> None:
    async def run() -> None:
        engine = create_async_engine(database_url)
        try:
            async with engine.begin() as connection:
                await connection.execute(statement)  # type: ignore[call-overload]
        finally:
            await engine.dispose()

    asyncio.run(run())


def next_day(database_url: str) -> None:
    yesterday = datetime.now(UTC).date() - timedelta(days=2)
    execute(
        database_url,
        update(BuddyMember).values(
            noted_on=yesterday, cheered_on=yesterday, suggested_on=yesterday
        ),
    )


def onboard(client: SyncEmulatorClient, user_id: int, first: str = "/start") -> str:
    seen = joined(say(client, user_id, first))
    say(client, user_id, "Lisbon")
    say(client, user_id, "10am")
    tap(client, user_id, "Every day")
    return seen + "\n" + joined(tap(client, user_id, "1 · gentle"))


def newest(client: SyncEmulatorClient, user_id: int) -> int:
    messages = client.messages(user_id)
    return messages[-1].message_id if messages else 0


def test_two_buddies_over_http(
    emulator: ThreadedEmulator, client: SyncEmulatorClient, database_url: str, tmp_path: Path
) -> None:
    process = CoachProcess(coach_env(emulator, database_url), tmp_path)
    for user_id, name in ((ANA, "Ana"), (BEN, "Ben"), (CY, "Cy")):
        client.add_user(user_id, name)
    with running(process, client, polls=1):
        onboard(client, ANA)
        say(client, ANA, "/settings")
        tap(client, ANA, "Weekly ask limit")
        tap(client, ANA, "No limit")
        match = LINK_RE.search(joined(say(client, ANA, "/buddy")))
        assert match is not None
        token = match.group(1)
        # A forged link, then the real one: Ben is new, so onboarding comes first.
        assert "doesn't work" in joined(say(client, BEN, "/start forged-token-123"))
        seen = onboard(client, BEN, f"/start {token}")
        assert "Ana invited you" in seen and "Would you like that?" in seen
        assert rows(database_url, select(BuddyPair.id)) == []
        tap(client, BEN, "Yes, let's")
        assert len(rows(database_url, select(BuddyPair.id))) == 1
        # Reused: Cy opens Ana's spent link.
        onboard(client, CY)
        assert "already been used" in joined(say(client, CY, f"/start {token}"))
        # Expired: a fresh link from Cy, aged past a week.
        cy_token = LINK_RE.search(joined(say(client, CY, "/buddy"))).group(1)  # type: ignore[union-attr]
        execute(
            database_url,
            update(BuddyInvite)
            .where(BuddyInvite.inviter_id == CY)
            .values(expires_at=datetime.now(UTC) - timedelta(minutes=1)),
        )
        assert "expired" in joined(say(client, ANA, f"/start {cy_token}"))

        # A week of logs: one note a day, and Ben cheers some of them.
        notes = 0
        for day in range(7):
            before = newest(client, BEN)
            say(client, ANA, f"asked a shopkeeper about the lantern, got a no, {day + 3} -> 2")
            say(client, ANA, "asked for the time, got a yes, 4 -> 2")
            arrived = [m for m in client.messages(BEN) if m.message_id > before]
            assert [m.text for m in arrived] == ["Ana made an ask today 💪"]
            notes += 1
            if day % 2 == 0:
                tap(client, BEN, "Cheer")
            next_day(database_url)
        assert notes == 7
        cheers = [m for m in client.messages(ANA) if "cheering you on" in (m.text or "")]
        assert len(cheers) == 4
        assert "lantern" not in joined(client.messages(BEN))

        # A suggestion accepted, then one declined (the next day).
        say(client, ANA, "/buddy")
        tap(client, ANA, "Suggest one")
        tap(client, BEN, "Add to my ideas")
        next_day(database_url)
        say(client, ANA, "/buddy")
        tap(client, ANA, "Suggest one")
        tap(client, BEN, "Not this time")
        assert client.messages(ANA)[-1].text == "Ben: not this time."
        answers = rows(database_url, select(BuddySuggestion.answer))
        assert sorted(answer for (answer,) in answers) == ["accepted", "declined"]

        # Pause: no note; then end: Ben hears only "ended", at his next buddy moment.
        say(client, ANA, "/buddy")
        tap(client, ANA, "Pause sharing")
        next_day(database_url)
        before = newest(client, BEN)
        say(client, ANA, "asked for directions, got a yes, 3 -> 2")
        assert [m for m in client.messages(BEN) if m.message_id > before] == []
        say(client, ANA, "/buddy")
        tap(client, ANA, "End buddy")
        assert "Your buddy link has ended" in joined(say(client, BEN, "/buddy"))

        # Ben and Cy pair up; Cy blocks the bot; Ben's asks no longer reach anyone.
        ben_token = LINK_RE.search(joined(say(client, BEN, "/buddy"))).group(1)  # type: ignore[union-attr]
        say(client, CY, f"/start {ben_token}")
        tap(client, CY, "Yes, let's")
        client.block(CY)
        client.wait_until_idle(quiet=0.5, timeout=15)
        before = newest(client, CY)
        say(client, BEN, "asked for a pen, got a yes, 3 -> 2")
        assert [m for m in client.messages(CY) if m.message_id > before] == []
        assert "Your buddy link has ended" in joined(say(client, BEN, "/buddy"))
    logs = process.logs()
    for private in ("Ana", "Ben", NOTE, "lantern", token):
        assert private not in logs
