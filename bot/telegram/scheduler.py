"""One scheduling pass: nudges, follow-ups (and weekly recaps), claimed in the database,
written to the outbox in the claiming transaction, then delivered.

Runs from the repeating JobQueue tick (every COACH_TICK_SECONDS) and from `coach tick`.
There are no per-user jobs: the database is the schedule, so restarts lose nothing and
several processes can run passes at once without double-sending.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from bot.deps import Deps
from bot.services import ideas, nudges
from bot.telegram import views
from bot.telegram.context import Outgoing
from bot.telegram.keyboards import markup
from bot.telegram.outbox import OutboxSender

logger = logging.getLogger(__name__)


@dataclass
class PassReport:
    nudges: int = 0
    skipped_late: int = 0
    paused: int = 0
    followups: int = 0
    recaps: int = 0

    def describe(self) -> str:
        return (
            f"{self.nudges} nudges, {self.followups} follow-ups "
            f"({self.skipped_late} too late to send, {self.paused} paused)"
        )


class Scheduler:
    def __init__(self, deps: Deps, outbox: OutboxSender, *, batch_size: int = nudges.BATCH_SIZE):
        self._deps = deps
        self._outbox = outbox
        self._batch = batch_size

    async def run_pass(self, now: datetime) -> PassReport:
        report = PassReport()
        while await self._nudge_batch(now, report):
            pass
        while await self._followup_batch(now, report):
            pass
        if report.nudges or report.followups:
            logger.info("scheduler pass: %s", report.describe())
        return report

    async def _nudge_batch(self, now: datetime, report: PassReport) -> bool:
        """Claim, compose and queue one batch of nudges; True if there may be more."""
        texts = self._deps.texts
        async with self._deps.db.transaction() as session:
            claims = await nudges.claim_due_nudges(session, now=now, limit=self._batch)
            rng = self._deps.turn_rng()
            chosen = await ideas.offer_ideas(
                session, [claim.user for claim in claims.due], now=now, rng=rng
            )
            outgoing = []
            for claim in claims.due:
                idea = chosen.get(claim.user.id)
                if idea is None:
                    continue
                text = views.nudge_text(
                    texts, rng, idea, name=claim.user.first_name, welcome_back=claim.welcome_back
                )
                keyboard = markup(views.nudge_keyboard(texts, rng, idea))
                payload = {"text": text, "parse_mode": "HTML", "reply_markup": keyboard}
                outgoing.append(Outgoing(claim.user.chat_id, "sendMessage", payload, "nudge"))
            pending = await self._outbox.enqueue(session, outgoing, now=now)
        await self._outbox.deliver(pending)
        report.nudges += len(outgoing)
        report.skipped_late += claims.skipped_late
        report.paused += claims.paused
        return claims.seen >= self._batch

    async def _followup_batch(self, now: datetime, report: PassReport) -> bool:
        texts = self._deps.texts
        async with self._deps.db.transaction() as session:
            claims = await nudges.claim_due_followups(session, now=now, limit=self._batch)
            rng = self._deps.turn_rng()
            outgoing = []
            for followup in claims.sendable:
                idea = followup.idea_text or texts.plain("history.untitled", rng)
                text = texts("followup.text", rng, name=followup.user.first_name or "", idea=idea)
                keyboard = markup(views.followup_keyboard(texts, rng, followup.attempt_id))
                payload = {"text": text, "parse_mode": "HTML", "reply_markup": keyboard}
                outgoing.append(Outgoing(followup.user.chat_id, "sendMessage", payload, "followup"))
            pending = await self._outbox.enqueue(session, outgoing, now=now)
        await self._outbox.deliver(pending)
        report.followups += len(outgoing)
        return claims.seen >= self._batch
