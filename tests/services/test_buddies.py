"""Buddy pairing in the database itself: one buddy at a time, even when two consents race
(SQLite, and PostgreSQL when TEST_DATABASE_URL is set)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from sqlalchemy import func, select

from bot.db.models import BuddyInvite, BuddyPair, User
from bot.db.session import Database
from bot.services import buddies
from bot.services.buddies import InviteProblem

ALICE, BOB, CARA = 6101, 6102, 6103
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


async def opened_invites(database: Database) -> dict[int, int]:
    """Alice invites Bob, who opens the link; then she makes a new link, and Cara opens it.
    Bob's opened link stays answerable. Returns each invitee's invitation id."""
    async with database.transaction() as session:
        for user_id, name in ((ALICE, "Alice"), (BOB, "Bob"), (CARA, "Cara")):
            session.add(User(id=user_id, chat_id=user_id, first_name=name, onboarded_at=NOW))
    async with database.transaction() as session:
        people = {user_id: await session.get(User, user_id) for user_id in (ALICE, BOB, CARA)}
        alice = people[ALICE]
        assert alice is not None
        for invitee in (BOB, CARA):
            token = await buddies.create_invite(session, alice, now=NOW)
            opener = people[invitee]
            assert opener is not None
            opened = await buddies.open_invite(session, opener, token, now=NOW)
            assert opened.problem is None
        rows = await session.execute(select(BuddyInvite.invitee_id, BuddyInvite.id))
        return {int(invitee): invite for invitee, invite in rows if invitee is not None}


async def test_two_consents_at_the_same_moment_make_one_pair(database_url: str) -> None:
    database = Database(database_url)
    try:
        invites = await opened_invites(database)
        made, release = asyncio.Event(), asyncio.Event()

        async def consent(user_id: int, *, hold: bool) -> InviteProblem | None:
            async with database.transaction() as session:
                user = await session.get(User, user_id)
                assert user is not None
                opened, _ = await buddies.answer_invite(
                    session, user, invites[user_id], accept=True, now=NOW
                )
                if hold:  # Bob's pair is made but not yet committed
                    made.set()
                    await release.wait()
                return opened.problem

        bob = asyncio.create_task(consent(BOB, hold=True))
        await made.wait()
        cara = asyncio.create_task(consent(CARA, hold=False))
        # Cara's consent waits for Bob's transaction instead of checking before it commits.
        done, _ = await asyncio.wait({cara}, timeout=1.5)
        assert cara not in done
        release.set()
        assert await bob is None
        assert await cara is InviteProblem.TAKEN
        async with database.sessions() as session:
            pairs = await session.scalar(select(func.count()).select_from(BuddyPair))
            buddy = await buddies.active_buddy(session, ALICE)
        assert pairs == 1
        assert buddy is not None and buddy.other_user.id == BOB
    finally:
        await database.dispose()
