"""/history over the emulator (issue 4.6): the last ten asks, newest first, one compact line
each (date · idea · outcome · anxiety before → after), and fixing a detail of any of them."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.db.models import Attempt, Challenge, User
from bot.domain import schedule
from bot.sandbox.emulator import ChatMessage
from bot.sandbox.harness import CoachHarness, texts_of
from bot.services import attempts, ideas
from bot.telegram.views import short_title
from tests.telegram.helpers import (
    attempts_of,
    clock_of,
    conversation_of,
    idea_message,
    onboard,
    onboard_in_spanish,
)

pytestmark = pytest.mark.usefixtures("database_url")

ALICE = 9201
FIRST_DAY = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)  # a Monday, 09:00 in Berlin

# (what was asked, what they said, anxiety before, after): one a day, oldest first.
QUICK_LOGS = [
    ("asked the baker for a roll", "got a yes", 4, 1),
    ("asked a stranger for the time", "got a no", 5, 2),
    ("asked the barista for a tea tip", "no answer", 6, 3),
    ("asked my boss for Friday off", "got a no", 7, 1),
    ("asked a neighbour for a ladder", "got a yes", 4, 2),
    ("asked the library to order a book", "got a yes", 5, 3),
    ("asked a cyclist for directions", "no answer", 6, 1),
    ("asked the grocer for a discount", "got a no", 7, 2),
    ("asked a colleague to review slides", "got a yes", 4, 3),
    ("asked the gym for a free class", "got a no", 5, 1),
    ("asked a waiter for a quieter table", "got a yes", 6, 2),
]
OUTCOME_LABELS = {
    "yes": "a yes",
    "no": "a no",
    "no_answer": "no answer",
    "partial": "something in between",
}
LINE = re.compile(r"^(\d+)\. (.+)$")


async def twelve_asks(coach: CoachHarness, *, newest_from_an_idea: bool = True) -> list[Attempt]:
    """Eleven quick logs and, newest, one ask through an idea card (or a twelfth quick
    log); a day apart."""
    clock_of(coach).set(FIRST_DAY)
    await onboard(coach, ALICE)
    for day, (what, said, before, after) in enumerate(QUICK_LOGS):
        clock_of(coach).set(FIRST_DAY + timedelta(days=day))
        await coach.say(ALICE, f"{what}, {said}, {before} -> {after}")
    clock_of(coach).set(FIRST_DAY + timedelta(days=len(QUICK_LOGS)))
    if not newest_from_an_idea:
        await coach.say(ALICE, "asked a friend to practise driving, got a yes, 6 -> 2")
        return await attempts_of(coach, ALICE)
    held = await coach.say(ALICE, "/idea")  # three asks this week already: the pace is met
    assert "One anyway" in held[-1].button_texts
    idea_message(await coach.tap(ALICE, "One anyway"))
    await coach.tap(ALICE, "I'll try it")
    await coach.tap(ALICE, "50%")
    await coach.tap(ALICE, "6")
    await coach.tap(ALICE, "I asked!")
    await coach.tap(ALICE, "Yes")
    await coach.tap(ALICE, "2")
    await coach.tap(ALICE, "Skip")
    attempts = await attempts_of(coach, ALICE)
    assert len(attempts) == 12
    assert all(a.completed_at is not None for a in attempts)
    return attempts


async def idea_text(coach: CoachHarness, attempt: Attempt) -> str:
    async with coach.runtime.deps.db.sessions() as session:
        challenge = await session.get(Challenge, attempt.challenge_id)
    assert challenge is not None
    return challenge.text


def numbered_lines(message: ChatMessage) -> dict[int, str]:
    found = {}
    for line in (message.text or "").splitlines():
        match = LINE.match(line)
        if match:
            found[int(match.group(1))] = match.group(2)
    return found


async def show_history(coach: CoachHarness) -> ChatMessage:
    [message] = await coach.say(ALICE, "/history")
    return message


async def test_history_shows_the_newest_ten_with_date_idea_outcome_and_anxiety(
    coach: CoachHarness,
) -> None:
    attempts = await twelve_asks(coach)
    message = await show_history(coach)
    lines = numbered_lines(message)
    assert sorted(lines) == list(range(1, 11))  # ten lines, no more

    newest_first = list(reversed(attempts))[:10]
    for number, attempt in enumerate(newest_first, 1):
        line = lines[number]
        day = schedule.local_date(attempt.created_at, "Europe/Berlin").strftime("%-d %b")
        title = attempt.description or short_title(await idea_text(coach, attempt))
        assert attempt.outcome is not None
        assert attempt.anxiety_before is not None and attempt.anxiety_after is not None
        expected = (
            f"{day} · {title} · {OUTCOME_LABELS[attempt.outcome]}"
            f" · {attempt.anxiety_before:g} → {attempt.anxiety_after:g}"
        )
        assert line == expected, (number, line)

    shown = texts_of([message])
    for oldest in attempts[:2]:  # the two oldest asks are not listed
        assert oldest.description is not None and oldest.description not in shown
    assert re.search(r"(?<!\d)[23] Nov", shown) is None
    # Line 1 is the newest (the idea card, on 13 Nov); line 10 the oldest shown (04 Nov).
    assert lines[1].startswith("13 Nov · ") and lines[10].startswith("4 Nov · ")
    # One button per line, each pointing at the ask on that line.
    assert message.button_texts == [str(n) for n in range(1, 11)]
    assert message.callback_data == [f"h:{a.id}" for a in newest_first]


async def test_history_fixes_the_outcome_and_the_lesson_of_the_right_ask(
    coach: CoachHarness,
) -> None:
    attempts = await twelve_asks(coach, newest_from_an_idea=False)
    oldest_shown, newest = attempts[2], attempts[11]
    assert oldest_shown.outcome == "no_answer"
    await show_history(coach)

    picked = await coach.tap(ALICE, "10")
    assert "asked the barista for a tea tip" in texts_of(picked)
    await coach.tap(ALICE, "What they said")
    replies = await coach.tap(ALICE, "In between")
    assert "Updated" in texts_of(replies)
    assert await conversation_of(coach, ALICE) is None

    await show_history(coach)
    await coach.tap(ALICE, "1")
    await coach.tap(ALICE, "What I noticed")
    replies = await coach.say(ALICE, "They smiled. It was fine.")
    assert "Updated" in texts_of(replies)

    await show_history(coach)
    await coach.tap(ALICE, "3")  # the third newest: asked the gym for a free class
    await coach.tap(ALICE, "Chance of a no")
    assert "Updated" in texts_of(await coach.say(ALICE, "about 60%"))

    after = {a.id: a for a in await attempts_of(coach, ALICE)}
    assert after[oldest_shown.id].outcome == "partial"
    assert after[newest.id].lesson == "They smiled. It was fine."
    assert after[attempts[9].id].predicted_no_pct == 60
    changed = {oldest_shown.id, newest.id, attempts[9].id}
    for attempt in attempts:  # nothing else moved
        if attempt.id in changed:
            continue
        now = after[attempt.id]
        assert (now.outcome, now.anxiety_before, now.anxiety_after, now.lesson) == (
            attempt.outcome,
            attempt.anxiety_before,
            attempt.anxiety_after,
            attempt.lesson,
        )
        assert now.predicted_no_pct == attempt.predicted_no_pct
    assert after[oldest_shown.id].anxiety_before == oldest_shown.anxiety_before

    lines = numbered_lines(await show_history(coach))
    assert " · something in between · 6 → 3" in lines[10]
    assert lines[3].startswith("11 Nov · asked the gym for a free class · a no")


async def test_history_fixes_anxiety_typed_in_words(coach: CoachHarness) -> None:
    attempts = await twelve_asks(coach, newest_from_an_idea=False)
    await show_history(coach)
    await coach.tap(ALICE, "2")  # asked a waiter for a quieter table, 6 → 2
    await coach.tap(ALICE, "Anxiety before")
    garbled = await coach.say(ALICE, "hmm, not sure")
    assert garbled[-1].buttons  # a kind re-ask with the buttons, nothing saved
    assert "Updated" in texts_of(await coach.say(ALICE, "like a 4?"))
    after = {a.id: a for a in await attempts_of(coach, ALICE)}
    assert after[attempts[10].id].anxiety_before == 4.0
    lines = numbered_lines(await show_history(coach))
    assert lines[2].endswith("asked a waiter for a quieter table · a yes · 4 → 2")


async def test_history_names_a_catalog_idea_in_the_persons_language(coach: CoachHarness) -> None:
    """The database keeps a catalog idea in English; /history says it in theirs."""
    clock_of(coach).set(FIRST_DAY)
    await onboard_in_spanish(coach, ALICE)
    spanish = coach.runtime.deps.texts_for("es")
    async with coach.runtime.deps.db.transaction() as session:
        user = await session.get(User, ALICE)
        challenge = (
            (await session.execute(select(Challenge).where(Challenge.catalog_key.is_not(None))))
            .scalars()
            .first()
        )
        assert user is not None and challenge is not None
        attempt = await attempts.start_planned(
            session, user, ideas.Idea.of(challenge), source="idea", now=FIRST_DAY
        )
        await attempts.complete(session, user, attempt, now=FIRST_DAY)
        english, key = challenge.text, challenge.catalog_key
    assert key is not None
    shown = (await coach.say(ALICE, "/history"))[-1].text or ""
    assert short_title(spanish.ideas_by_id[key].text) in shown
    assert short_title(english) not in shown
