"""One scheduling pass: nudges, follow-ups (and weekly recaps), claimed in the database,
written to the outbox in the claiming transaction, then delivered.

Runs from the repeating JobQueue tick (every COACH_TICK_SECONDS) and from `coach tick`.
There are no per-user jobs: the database is the schedule, so restarts lose nothing and
several processes can run passes at once without double-sending.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.delivery.outbox import OutboxSender, Pending
from bot.delivery.turn import RECENT_REPLIES, Outgoing, chart_message
from bot.deps import Deps
from bot.domain.recap import WeekAttempt, summarise
from bot.services import buddies, chart_data, ideas, nudges, recaps, retention
from bot.telegram import views
from bot.telegram.keyboards import markup
from bot.texts import SOURCE_LANGUAGE, Texts

logger = logging.getLogger(__name__)

# The weekly recap includes the chart when the week had at least this many asks.
RECAP_CHART_MINIMUM = 3
# Retention deletes scan a table; once an hour is plenty (every `coach tick` runs it).
RETENTION_EVERY = timedelta(hours=1)


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


@dataclass
class _RecapPass:
    """What one pass learns once for all its recap batches: whether any buddy pair is
    active (most installations have none, so no batch pays a buddy query)."""

    buddies_active: bool | None = None


class Scheduler:
    def __init__(
        self,
        deps: Deps,
        outbox: OutboxSender,
        *,
        batch_size: int = nudges.BATCH_SIZE,
        on_lag: Callable[[float], None] | None = None,
    ):
        self._deps = deps
        self._outbox = outbox
        self._batch = batch_size
        self._on_lag = on_lag
        self._retained_at: datetime | None = None

    async def run_pass(self, now: datetime) -> PassReport:
        report = PassReport()
        if self._on_lag is not None:
            async with self._deps.db.sessions() as session:
                self._on_lag(await nudges.lag_seconds(session, now=now))
        # Check-ins first: a person due both gets the check-in now and the new idea a little
        # later (nudges.CHECKIN_GAP), never both in the same minute.
        while await self._followup_batch(now, report):
            pass
        while await self._nudge_batch(now, report):
            pass
        memo = _RecapPass()
        await self._in_lanes(lambda: self._recap_batch(now, report, memo))
        await self._retention(now)
        if report.nudges or report.followups or report.recaps:
            logger.info("scheduler pass: %s", report.describe())
        return report

    async def _retention(self, now: datetime) -> None:
        """Drop what we no longer need (see services/retention.py), at most hourly."""
        if self._retained_at is not None and now - self._retained_at < RETENTION_EVERY:
            return
        async with self._deps.db.transaction() as session:
            dropped = await retention.drop_replaced_texts(session, now=now)
        self._retained_at = now
        if dropped:
            logger.info("retention: dropped %d replaced texts past the undo window", dropped)

    async def _nudge_batch(self, now: datetime, report: PassReport) -> bool:
        """Claim, compose and queue one batch of nudges; True if there may be more."""
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
                texts = self._deps.texts_for(claim.user.language)
                person = claim.user
                recent = [tag for reply in person.recent_lines or [] for tag in reply]
                text, tag = views.nudge_text(
                    texts,
                    rng,
                    idea,
                    name=person.first_name,
                    welcome_back=claim.welcome_back,
                    recent=recent,
                )
                person.recent_lines = [*(person.recent_lines or []), [tag]][-RECENT_REPLIES:]
                keyboard = markup(views.nudge_keyboard(texts, rng, idea))
                payload = {"text": text, "parse_mode": "HTML", "reply_markup": keyboard}
                outgoing.append(Outgoing(claim.user.chat_id, "sendMessage", payload, "nudge"))
            for user, count in claims.cap_notes:
                texts = self._deps.texts_for(user.language)
                text = texts("care.cap_held", rng, count=count)
                keyboard = markup(views.cap_keyboard(texts, rng))
                payload = {"text": text, "parse_mode": "HTML", "reply_markup": keyboard}
                outgoing.append(Outgoing(user.chat_id, "sendMessage", payload, "nudge"))
            pending = await self._outbox.enqueue(session, outgoing, now=now)
        await self._outbox.deliver(pending)
        report.nudges += len(outgoing) - len(claims.cap_notes)
        report.skipped_late += claims.skipped_late
        report.paused += claims.paused
        return claims.seen >= self._batch

    async def _followup_batch(self, now: datetime, report: PassReport) -> bool:
        async with self._deps.db.transaction() as session:
            claims = await nudges.claim_due_followups(session, now=now, limit=self._batch)
            rng = self._deps.turn_rng()
            outgoing = []
            by_person: dict[int, list[nudges.ClaimedFollowup]] = {}
            for followup in claims.sendable:  # oldest first
                by_person.setdefault(followup.user.id, []).append(followup)
            for group in by_person.values():
                user = group[0].user
                texts = self._deps.texts_for(user.language)
                ideas_shown = [(f.attempt_id, _idea_in(texts, rng, f)) for f in group]
                text, keyboard = views.followup_message(
                    texts, rng, user.first_name or "", ideas_shown
                )
                payload = {"text": text, "parse_mode": "HTML", "reply_markup": markup(keyboard)}
                outgoing.append(Outgoing(user.chat_id, "sendMessage", payload, "followup"))
            pending = await self._outbox.enqueue(session, outgoing, now=now)
        await self._outbox.deliver(pending)
        report.followups += len(outgoing)
        return claims.seen >= self._batch

    async def queue_all_recaps(self, now: datetime) -> int:
        """Compose, store and queue every recap due at `now`, in lanes like a pass does,
        without sending (`bench.recaps` times this). Returns how many were stored."""
        stored = 0
        memo = _RecapPass()

        async def batch() -> bool:
            nonlocal stored
            queued = await self.queue_recaps(now, memo)
            stored += queued.recaps
            return queued.more

        await self._in_lanes(batch)
        return stored

    async def _in_lanes(self, batch: Callable[[], Awaitable[bool]]) -> None:
        """Run `batch` until it says there is no more, in concurrent lanes. On PostgreSQL
        two: while one lane's statements run in the database, the other composes here, so
        both cores work (SKIP LOCKED keeps their claims apart). On SQLite one: writes take
        turns anyway."""
        lanes = 1 if self._deps.db.is_sqlite else 2

        async def lane() -> None:
            while await batch():
                pass

        await asyncio.gather(*(lane() for _ in range(lanes)))

    async def _recap_batch(self, now: datetime, report: PassReport, memo: _RecapPass) -> bool:
        queued = await self.queue_recaps(now, memo)
        await self._outbox.deliver(queued.pending)
        report.recaps += queued.recaps
        return queued.more

    async def queue_recaps(self, now: datetime, memo: _RecapPass | None = None) -> QueuedRecaps:
        """Weekly recaps for one batch of people, composed, stored and queued in the
        outbox in one transaction, with a fixed number of statements whatever the batch
        size: claim, read the weeks, read chart history, store, queue. Sending is the
        caller's next step (and `bench.recaps` times this part alone)."""
        async with self._deps.db.transaction() as session:
            claimed = await recaps.claim_due_recaps(session, now=now, limit=self._batch)
            weeks = {claim.user.id: claim.week for claim in claimed.due}
            # One read serves both the week's summary and the chart's eight weeks.
            since = min(
                [now - timedelta(weeks=chart_data.CHART_WEEKS)]
                + [week.begins for week in weeks.values()]
            )
            history = await recaps.logged_attempts(session, list(weeks), since=since)
            found = recaps.in_weeks(history, weeks)
            memo = memo or _RecapPass()
            if weeks and memo.buddies_active is None:
                memo.buddies_active = await buddies.any_active_pair(session)
            together = (
                await buddies.practised_too(
                    session, {user_id: (week.begins, week.ends) for user_id, week in weeks.items()}
                )
                if memo.buddies_active
                else {}
            )
            rng = self._deps.turn_rng()
            # One set of chart labels per language for the whole batch.
            labels = {
                language: views.chart_labels(texts, rng)
                for language, texts in self._deps.languages.items()
            }
            composed = [
                self._compose_recap(
                    claim,
                    found.get(claim.user.id, []),
                    history,
                    labels,
                    now,
                    rng,
                    together.get(claim.user.id),
                )
                for claim in claimed.due
            ]
            wanted = [recap for recap in composed if recap is not None]
            fresh = await recaps.store_many(session, [recap.row for recap in wanted], now=now)
            outgoing = [
                message
                for recap in wanted
                if recap.row.user_id in fresh
                for message in recap.messages
            ]
            pending = await self._outbox.enqueue(session, outgoing, now=now)
        return QueuedRecaps(pending, len(fresh), more=claimed.seen >= self._batch)

    def _compose_recap(
        self,
        claim: recaps.ClaimedRecap,
        week_attempts: list[WeekAttempt],
        history: dict[int, list[WeekAttempt]],
        labels: dict[str, dict[str, str]],
        now: datetime,
        rng: random.Random,
        buddy: str | None = None,
    ) -> _ComposedRecap | None:
        user = claim.user
        texts = self._deps.texts_for(user.language)
        paused = user.paused_until is not None and user.paused_until > now
        if paused and not week_attempts:
            return None  # a quiet week during a break gets no message at all
        if user.crisis_at is not None and user.crisis_at >= claim.week.begins:
            # A week with a crisis reply: no figures, no chart, no offer; a gentle note.
            gentle = texts("crisis.recap", rng, name=user.first_name)
            note: dict[str, Any] = {"text": gentle, "parse_mode": "HTML"}
            row = recaps.NewRecap(user.id, claim.week.start, gentle, {})
            return _ComposedRecap(row, [Outgoing(user.chat_id, "sendMessage", note, "recap")])
        summary = summarise(week_attempts, level=user.level)
        text = views.recap_text(
            texts,
            rng,
            summary,
            name=user.first_name,
            dates=views.week_dates(claim.week.start, user.language),
            level=user.level,
            buddy=buddy,
        )
        stats = {"asked": summary.asked, "noes": summary.noes, "not_asked": summary.not_asked}
        payload: dict[str, Any] = {"text": text, "parse_mode": "HTML"}
        dashboard = views.dashboard_keyboard(texts, rng, self._deps.settings.webapp_url)
        if dashboard:
            payload["reply_markup"] = markup(dashboard)
        messages = [Outgoing(user.chat_id, "sendMessage", payload, "recap")]
        if summary.asked >= RECAP_CHART_MINIMUM:
            attempts = history[user.id]
            data = chart_data.chart_data(attempts, tz_name=user.timezone, now=now)
            caption = views.chart_caption(
                texts, rng, weeks=chart_data.CHART_WEEKS, change=chart_data.average_change(attempts)
            )
            chart_labels = labels.get(user.language) or labels[SOURCE_LANGUAGE]
            messages.append(chart_message(user.chat_id, data, chart_labels, caption, kind="recap"))
        row = recaps.NewRecap(user.id, claim.week.start, text, stats)
        return _ComposedRecap(row, messages)


def _idea_in(texts: Texts, rng: random.Random, followup: nudges.ClaimedFollowup) -> str:
    """The idea in the person's language (the database keeps the English source)."""
    spec = texts.ideas_by_id.get(followup.catalog_key or "")
    if spec is not None:
        return spec.text
    return followup.idea_text or texts.plain("history.untitled", rng)


@dataclass(frozen=True)
class QueuedRecaps:
    pending: list[Pending]  # claimed outbox rows, ready to send
    recaps: int  # recaps stored (a week that already had one is not counted again)
    more: bool  # a full batch: there may be more people due


@dataclass(frozen=True)
class _ComposedRecap:
    row: recaps.NewRecap
    messages: list[Outgoing]
