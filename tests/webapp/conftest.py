"""Mini App tests: the real coach serving its dashboard on 127.0.0.1, people seeded in a real
database (SQLite, and PostgreSQL when TEST_DATABASE_URL is set), initData signed as
Telegram would sign it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any

import aiohttp
import pytest
from sqlalchemy import select

from bot.db.models import Attempt, Challenge, IdeaEvent, User
from bot.sandbox.harness import SANDBOX_TOKEN, CoachHarness
from bot.services import profile
from bot.webapp import auth

ALICE = 5_100_001
BOB = 5_100_002
WEBAPP_PATH = "/app/"


@dataclass(frozen=True)
class SeededAsk:
    days_ago: int
    outcome: str
    predicted: int | None
    before: float | None
    after: float | None
    lesson: str | None


# Alice expected a no most of the time and mostly heard yes: the hopeful, usual case.
ALICE_ASKS = (
    SeededAsk(20, "yes", 80, 7.0, 3.0, "The barista was lovely about it"),
    SeededAsk(15, "no", 70, 6.0, 4.0, "A no took ten seconds and then it was over"),
    SeededAsk(9, "yes", 60, 6.5, 2.5, None),
    SeededAsk(8, "no_answer", 80, 5.0, 4.0, None),
    SeededAsk(2, "yes", 70, 5.0, 2.0, "Asking the neighbour felt easier than I feared"),
)
BOB_ASKS = (SeededAsk(3, "no", 40, 4.0, 5.0, "Bob's own private note"),)


@dataclass
class Dashboard:
    coach: CoachHarness
    base: str  # http://127.0.0.1:<port>/app/

    def init_data(
        self,
        user_id: int,
        *,
        token: str = SANDBOX_TOKEN,
        age: timedelta = timedelta(0),
        language_code: str = "en",
    ) -> str:
        return auth.sign(
            bot_token=token,
            user_id=user_id,
            first_name="Tester",
            auth_date=self.coach.clock() - age,
            language_code=language_code,
        )

    def headers(self, user_id: int, language_code: str = "en") -> dict[str, str]:
        return {"Authorization": "tma " + self.init_data(user_id, language_code=language_code)}

    async def call(
        self,
        method: str,
        path: str,
        user_id: int | None,
        body: Any = None,
        *,
        language_code: str = "en",
    ) -> tuple[int, Any, aiohttp.ClientResponse]:
        headers = self.headers(user_id, language_code) if user_id is not None else {}
        async with (
            aiohttp.ClientSession() as http,
            http.request(method, self.base + "api/" + path, headers=headers, json=body) as reply,
        ):
            try:
                payload: Any = await reply.json(content_type=None)
            except ValueError:
                payload = await reply.text()
            return reply.status, payload, reply

    async def user(self, user_id: int) -> User:
        async with self.coach.runtime.deps.db.sessions() as session:
            found = await session.get(User, user_id)
            assert found is not None
            return found


async def seed_person(
    coach: CoachHarness, user_id: int, name: str, asks: tuple[SeededAsk, ...]
) -> None:
    """An onboarded person with logged asks, one idea set aside and one idea of their own."""
    now = coach.clock()
    async with coach.runtime.deps.db.transaction() as session:
        user = User(
            id=user_id,
            chat_id=user_id,
            first_name=name,
            timezone="Europe/Berlin",
            nudge_time=time(9, 0),
            pace="daily",
            level=2,
            onboarded_at=now - timedelta(days=30),
            created_at=now - timedelta(days=30),
        )
        session.add(user)
        await session.flush()
        profile.reschedule(user, now)
        catalog = list(
            await session.scalars(
                select(Challenge).where(Challenge.catalog_key.is_not(None)).order_by(Challenge.id)
            )
        )
        for index, ask in enumerate(asks):
            at = now - timedelta(days=ask.days_ago)
            session.add(
                Attempt(
                    user_id=user_id,
                    challenge_id=catalog[index].id,
                    level=catalog[index].level,
                    source="idea",
                    status="logged",
                    outcome=ask.outcome,
                    predicted_no_pct=ask.predicted,
                    anxiety_before=ask.before,
                    anxiety_after=ask.after,
                    lesson=ask.lesson,
                    created_at=at,
                    updated_at=at,
                    completed_at=at,
                )
            )
        set_aside = catalog[-1]
        session.add(
            IdeaEvent(user_id=user_id, challenge_id=set_aside.id, kind="not_for_me", created_at=now)
        )
        session.add(
            Challenge(
                owner_id=user_id,
                text=f"Ask {name}'s neighbour how their garden is doing",
                level=1,
                category="personal",
                setting="in_person",
                created_at=now,
            )
        )


@pytest.fixture
async def dashboard(database_url: str) -> AsyncIterator[Dashboard]:
    async with CoachHarness(
        database_url,
        migrate_first=False,
        clock=None,
        webapp_url="http://127.0.0.1" + WEBAPP_PATH,
        webapp_listen="127.0.0.1",
        webapp_port=0,
    ) as coach:
        await seed_person(coach, ALICE, "Alice", ALICE_ASKS)
        await seed_person(coach, BOB, "Bob", BOB_ASKS)
        webapp = coach.runtime.webapp
        assert webapp is not None
        yield Dashboard(coach, f"http://127.0.0.1:{webapp.port}{WEBAPP_PATH}")


def now_utc() -> datetime:
    return datetime.now(UTC)
