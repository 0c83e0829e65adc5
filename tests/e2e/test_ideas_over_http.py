"""`coach run` as a process: /idea, Another one, Not for me, I'll try it, over real HTTP."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.db.models import Attempt, IdeaEvent
from bot.sandbox.client import SyncEmulatorClient
from bot.sandbox.emulator import ChatMessage
from bot.sandbox.threaded import ThreadedEmulator
from tests.e2e.support import CoachProcess, coach_env, rows, running, say, tap

pytestmark = pytest.mark.e2e
LEE = 7170


def card_idea(messages: Sequence[ChatMessage]) -> int:
    for message in reversed(messages):
        for data in message.callback_data:
            if data.startswith("i:try:"):
                return int(data.rsplit(":", 1)[1])
    raise AssertionError("no idea card")


def test_idea_buttons_end_to_end(
    emulator: ThreadedEmulator, client: SyncEmulatorClient, sqlite_url: str, tmp_path: Path
) -> None:
    process = CoachProcess(coach_env(emulator, sqlite_url), tmp_path)
    client.add_user(LEE, "Lee")
    with running(process, client, polls=1):
        say(client, LEE, "/start")
        say(client, LEE, "Tokyo")
        say(client, LEE, "8am")
        tap(client, LEE, "Every day")
        tap(client, LEE, "2")
        first = card_idea(say(client, LEE, "/idea"))
        second = card_idea(tap(client, LEE, "Another one"))
        third = card_idea(tap(client, LEE, "Not for me"))
        replies = tap(client, LEE, "I'll try it")
        assert any("how likely" in (m.text or "") for m in replies)
    assert len({first, second, third}) == 3
    hidden = rows(sqlite_url, select(IdeaEvent.challenge_id).where(IdeaEvent.kind == "not_for_me"))
    assert hidden == [(second,)]
    planned = rows(sqlite_url, select(Attempt.challenge_id, Attempt.status))
    assert planned == [(third, "planned")]
