"""Two `coach run` replicas on PostgreSQL, in webhook mode, behind a round-robin load
balancer: each person's updates are handled in order even when consecutive updates reach
different replicas, and every scheduled nudge is claimed (and sent) once."""

from __future__ import annotations

import asyncio
import itertools
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web
from sqlalchemy import select

from bot.db.models import Attempt
from bot.sandbox.client import SyncEmulatorClient
from bot.sandbox.threaded import ThreadedEmulator
from tests.e2e.support import CoachProcess, coach_env, rows
from tests.e2e.test_crash_recovery import seed_people
from tests.e2e.test_webhook import SECRET, free_port

pytestmark = pytest.mark.e2e
PEOPLE = list(range(70_000, 70_012))
DUE = list(range(71_000, 71_100))
# Typed answers sent back to back, without waiting: a log in seven updates.
ANSWERS = ("/log", "asked my neighbour for a ladder", "no", "70%", "8", "3", "worth it")


class RoundRobin:
    """A load balancer in a thread: each POST goes to the next replica in turn."""

    def __init__(self, targets: list[int]) -> None:
        self.port = free_port()
        self._targets = itertools.cycle(targets)
        self.sent: list[int] = []
        self._ready = threading.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread = threading.Thread(target=self._main, daemon=True)

    def __enter__(self) -> RoundRobin:
        self._thread.start()
        self._ready.wait(10)
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def _main(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        loop.run_until_complete(self._start())
        self._ready.set()
        loop.run_forever()

    async def _start(self) -> None:
        self._session = aiohttp.ClientSession()
        app = web.Application()
        app.router.add_post("/telegram", self._forward)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", self.port).start()

    async def _forward(self, request: web.Request) -> web.Response:
        target = next(self._targets)
        self.sent.append(target)
        async with self._session.post(
            f"http://127.0.0.1:{target}/telegram",
            data=await request.read(),
            headers={key: value for key, value in request.headers.items() if key.startswith("X-")},
        ) as response:
            return web.Response(status=response.status, body=await response.read())


def test_two_replicas_keep_order_and_claim_once(
    emulator: ThreadedEmulator, client: SyncEmulatorClient, postgres_url: str, tmp_path: Path
) -> None:
    from bot.db import migrate

    migrate.upgrade(postgres_url)
    seed_people(postgres_url, PEOPLE, due=None)
    seed_people(postgres_url, DUE, due=datetime.now(UTC) - timedelta(minutes=2))
    emulator.call(lambda emu: [emu.add_user(user_id, "Ada") for user_id in PEOPLE + DUE])
    ports = [free_port(), free_port()]
    with RoundRobin(ports) as balancer:
        replicas = []
        for index, port in enumerate(ports):
            env = coach_env(
                emulator,
                postgres_url,
                WEBHOOK_URL=f"http://127.0.0.1:{balancer.port}/telegram",
                WEBHOOK_SECRET=SECRET,
                WEBHOOK_LISTEN="127.0.0.1",
                WEBHOOK_PORT=str(port),
                COACH_SCHEDULER="on",
                COACH_TICK_SECONDS="1",
                COACH_RATE_LIMIT="off",
            )
            folder = tmp_path / f"replica{index}"
            folder.mkdir()
            replicas.append(CoachProcess(env, folder))
        for replica in replicas:
            replica.start()
        try:
            deadline = time.monotonic() + 40
            while not client.webhook_info().get("url"):
                assert time.monotonic() < deadline, "no replica registered the webhook"
                time.sleep(0.1)
            time.sleep(1.5)  # both replicas listening
            for answer in ANSWERS:
                for person in PEOPLE:
                    client.send_text(person, answer)
            deadline = time.monotonic() + 60
            while True:
                logged = rows(
                    postgres_url,
                    select(Attempt.user_id, Attempt.lesson).where(Attempt.user_id.in_(PEOPLE)),
                )
                done = [lesson for _, lesson in logged if lesson]
                nudged = [client.message_count(user_id) for user_id in DUE]
                if len(done) == len(PEOPLE) and min(nudged) >= 1:
                    break
                assert time.monotonic() < deadline, (len(done), min(nudged))
                time.sleep(0.3)
            client.wait_until_idle(quiet=1.0, timeout=30)
        finally:
            for replica in replicas:
                replica.stop()

    assert set(balancer.sent) == set(ports)  # both replicas received updates
    attempts = rows(
        postgres_url,
        select(
            Attempt.user_id,
            Attempt.description,
            Attempt.outcome,
            Attempt.predicted_no_pct,
            Attempt.anxiety_before,
            Attempt.anxiety_after,
            Attempt.lesson,
        ).where(Attempt.user_id.in_(PEOPLE)),
    )
    # In order for everyone: each answer landed on its own question.
    assert sorted(row[1:] for row in attempts) == [
        ("asked my neighbour for a ladder", "no", 70, 8.0, 3.0, "worth it")
    ] * len(PEOPLE)
    assert {client.message_count(user_id) for user_id in DUE} == {1}  # claimed once
