"""A scripted week on the harness clock (issue 15, item 13): one person in Berlin onboards,
gets nudges, logs an ask by buttons and one by a quick line, skips one, declines the rest
offer, answers a check-in with "not yet", pauses by typing and resumes, and checks /recap.

The transcript (who said what, with local timestamps) is saved under
artifacts/scripted_week/ for a reviewer to read as a new user would."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.domain.tone import check_text
from bot.sandbox.emulator import ChatMessage
from bot.sandbox.harness import CoachHarness, texts_of
from tests.telegram.helpers import attempts_of, clock_of, idea_events, tick, user_row

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "scripted_week"
ALICE = 8401
BERLIN = ZoneInfo("Europe/Berlin")


def utc(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


@dataclass
class Week:
    """Drives the person through the harness and writes down every message both ways."""

    coach: CoachHarness
    lines: list[str] = field(default_factory=list)
    bot_texts: list[str] = field(default_factory=list)
    replies_per_incoming: list[tuple[str, int]] = field(default_factory=list)
    nudged: list[str] = field(default_factory=list)  # the local weekday of each nudge

    def _stamp(self) -> str:
        return clock_of(self.coach)().astimezone(BERLIN).strftime("%a %d %b %H:%M")

    def _record(self, who: str, replies: list[ChatMessage]) -> list[ChatMessage]:
        self.lines.append(f"[{self._stamp()}] {who}")
        for message in replies:
            body = message.text or message.caption or f"<{message.kind}>"
            buttons = (
                f"\n    buttons: {' | '.join(message.button_texts)}" if message.button_texts else ""
            )
            self.lines.append(f"[{self._stamp()}] Coach: {body}{buttons}".replace("\n", "\n    "))
            self.bot_texts.append(body)
        return replies

    async def say(self, text: str) -> list[ChatMessage]:
        replies = await self.coach.say(ALICE, text)
        self.replies_per_incoming.append((text, len(replies)))
        return self._record(f"Alice: {text}", replies)

    async def tap(self, label: str) -> list[ChatMessage]:
        replies = await self.coach.tap(ALICE, label)
        self.replies_per_incoming.append((f"[{label}]", len(replies)))
        return self._record(f"Alice taps [{label}]", replies)

    async def wait_until(self, at: datetime) -> list[ChatMessage]:
        messages = self.coach.emulator.messages(ALICE, sender="all")
        last = messages[-1].message_id if messages else 0
        await tick(self.coach, at)
        sent = self.coach.bot_messages_after(ALICE, last)
        weekday = at.astimezone(BERLIN).strftime("%a")
        self.nudged += [weekday for m in sent if any(d.startswith("n:") for d in m.callback_data)]
        return self._record("(time passes; the scheduler runs)", sent) if sent else sent

    async def wait_until_something(self, start: datetime, end: datetime) -> list[ChatMessage]:
        """Scheduler passes every half hour from *start* until the coach sends something."""
        at = start
        while at <= end:
            if sent := await self.wait_until(at):
                return sent
            at += timedelta(minutes=30)
        return []

    def save(self) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / "transcript.txt"
        path.write_text("\n".join(self.lines) + "\n", encoding="utf-8")
        return path


def stock_repeats(bot_texts: list[str], window: int = 10) -> list[str]:
    """Lines the coach wrote twice within `window` of its messages. The idea cards (the line
    after "💡") are the catalog's, quoted back in check-ins on purpose."""
    quoted: set[str] = set()
    for body in bot_texts:
        lines = [line.strip() for line in body.splitlines()]
        for before, line in pairwise(lines):
            if before.startswith(("💡", "Earlier you picked", "Quick check-in")):
                quoted.add(line)
    seen: list[tuple[bool, set[str]]] = []
    repeats = []
    for body in bot_texts:
        recap = body.startswith("Your week")
        stock = {
            line.strip()
            for line in body.splitlines()
            if len(line.split()) >= 4 and line.strip() not in quoted and "💡" not in line
        }
        # Left alone (reported): a recap asked for on Sunday morning and the scheduled one
        # that evening tell the same week, in the same lines.
        repeats += [
            line
            for line in stock
            for was_recap, earlier in seen[-window:]
            if line in earlier and not (recap and was_recap)
        ]
        seen.append((recap, stock))
    return repeats


async def test_a_scripted_week(coach: CoachHarness) -> None:
    week = Week(coach)
    clock_of(coach).set(utc(23, 7))  # Monday 08:00 in Berlin
    coach.emulator.add_user(ALICE, "Alice")
    await week.say("/start")
    await week.say("Berlin")
    await week.say("9:00")
    await week.tap("Every day")
    await week.tap("1 · gentle")
    # Monday: the first nudge; Alice says she'll try it, and the check-in finds her busy.
    await week.wait_until(utc(23, 8, 1))
    await week.tap("I'll try it")
    await week.wait_until_something(utc(23, 9), utc(23, 20))
    # The warm-up question from the morning is still open: "not yet" answers the newer
    # check-in, not "how likely does a no feel?".
    not_yet = await week.say("not yet")
    assert "stays on your list" in texts_of(not_yet)
    # Monday evening she did it after all, and logs it by buttons on the check-in.
    clock_of(coach).set(utc(23, 18, 40))
    await week.tap("I asked!")
    await week.tap("Yes")
    await week.tap("70%")
    await week.tap("7")
    await week.tap("3")
    await week.tap("Skip")
    # Tuesday: the nudge, and an ask of her own told in one line.
    await week.wait_until(utc(24, 8, 1))
    clock_of(coach).set(utc(24, 12, 15))
    await week.say("asked the barista if I could try the new blend first, she said yes, 6 -> 2")
    # Wednesday: not today. Later a rough one, and she declines the rest offer.
    await week.wait_until(utc(25, 8, 1))
    await week.tap("Not today")
    clock_of(coach).set(utc(25, 17, 5))
    await week.say("asked my landlord to fix the heating before the weekend, got a no, 9 -> 8")
    await week.tap("No, keep them coming")
    # Thursday morning: a break, typed; Friday afternoon she comes back early.
    clock_of(coach).set(utc(26, 7, 30))
    paused = await week.say("pause for 2 days")
    assert "Sat 28 Nov" in texts_of(paused)
    await week.wait_until(utc(26, 8, 1))
    clock_of(coach).set(utc(27, 16))
    await week.say("/resume")
    for day in (28, 29):
        await week.wait_until(utc(day, 8, 1))
    clock_of(coach).set(utc(29, 10))
    await week.say("/recap")
    await week.wait_until(utc(29, 17, 1))  # Sunday 18:00: the weekly recap
    path = week.save()
    print(f"\ntranscript: {path}")

    assert all(count <= 2 for _, count in week.replies_per_incoming), week.replies_per_incoming
    said = [line.split("Alice: ", 1)[1] for line in week.lines if "] Alice: " in line]
    for body in week.bot_texts:
        assert check_text(body, quotes=said) == (), body
    assert stock_repeats(week.bot_texts) == []
    # One guess (70%) in a week that also held a no: told as one ask, never "0% of the time".
    assert "0% of the time" not in "\n".join(week.bot_texts)

    attempts = await attempts_of(coach, ALICE)
    assert [(a.status, a.source) for a in attempts] == [
        ("logged", "nudge"),  # by buttons, on the check-in
        ("logged", "quick"),
        ("logged", "quick"),
    ]
    assert [(a.outcome, a.anxiety_before, a.anxiety_after) for a in attempts] == [
        ("yes", 7, 3),
        ("yes", 6, 2),
        ("no", 9, 8),
    ]
    assert attempts[0].predicted_no_pct == 70
    assert [e.challenge_id for e in await idea_events(coach, ALICE, "not_today")] != []
    alice = await user_row(coach, ALICE)
    assert alice.paused_until is None and alice.timezone == "Europe/Berlin"
    # Thursday's nudge was held by the pause; the others came, one a day.
    assert week.nudged == ["Mon", "Tue", "Wed", "Sat", "Sun"]
