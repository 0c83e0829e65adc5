"""Courage buddies over the emulator: invitation links, consent, effort-only notes, cheers,
suggested ideas, pause, end, /delete and /export, and a buddy who blocked the bot."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlparse

from sqlalchemy import func, select

from bot.db.models import BuddyInvite, BuddyMember, BuddyPair, BuddySuggestion
from bot.sandbox.emulator import BOT_USERNAME, ChatMessage
from bot.sandbox.harness import CoachHarness, MutableClock, texts_of
from tests.telegram.helpers import attempts_of, onboard, user_row

ALICE, BOB, CARA = 5001, 5002, 5003
LINK_RE = re.compile(r"https://t\.me/(\w+)\?start=([A-Za-z0-9_-]+)")


def link_in(messages: list[ChatMessage]) -> tuple[str, str]:
    match = LINK_RE.search(texts_of(messages))
    assert match is not None, texts_of(messages)
    return match.group(1), match.group(2)


async def invite(coach: CoachHarness, inviter: int) -> str:
    _, token = link_in(await coach.say(inviter, "/buddy"))
    return token


async def onboard_from_link(coach: CoachHarness, user_id: int, name: str, token: str) -> str:
    """A newcomer opens the link: onboarding first, then the invitation."""
    coach.emulator.add_user(user_id, name)
    first = texts_of(await coach.say(user_id, f"/start {token}"))
    await coach.say(user_id, "Berlin")
    await coach.say(user_id, "9:00")
    await coach.tap(user_id, "Every day")
    last = texts_of(await coach.tap(user_id, "1 · gentle"))
    return first + "\n" + last


async def make_buddies(coach: CoachHarness) -> None:
    await onboard(coach, ALICE, name="Alice")
    token = await invite(coach, ALICE)
    await onboard_from_link(coach, BOB, "Bob", token)
    await coach.tap(BOB, "Yes, let's")


async def count(coach: CoachHarness, model: type) -> int:
    async with coach.runtime.deps.db.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


def newest_id(coach: CoachHarness, chat_id: int) -> int:
    messages = coach.emulator.messages(chat_id, sender="all")
    return messages[-1].message_id if messages else 0


# -- 1. invite by link ------------------------------------------------------------------------


async def test_invite_link_is_a_random_single_use_deep_link(coach: CoachHarness) -> None:
    await onboard(coach, ALICE, name="Alice")
    replies = await coach.say(ALICE, "/buddy")
    username, token = link_in(replies)
    assert username == BOT_USERNAME
    assert len(token) <= 64 and re.fullmatch(r"[A-Za-z0-9_-]+", token)
    assert str(ALICE) not in token
    url = urlparse(LINK_RE.search(texts_of(replies)).group(0))  # type: ignore[union-attr]
    assert parse_qs(url.query)["start"] == [token]
    assert "never what you asked" in texts_of(replies)
    async with coach.runtime.deps.db.sessions() as session:
        stored = await session.scalar(select(BuddyInvite))
    assert stored is not None and token not in stored.token_digest  # only a digest is kept
    assert await invite(coach, ALICE) != token  # a fresh one each time


async def test_newcomer_onboards_first_then_consents(coach: CoachHarness) -> None:
    await onboard(coach, ALICE, name="Alice")
    token = await invite(coach, ALICE)
    seen = await onboard_from_link(coach, BOB, "Bob", token)
    assert "Alice invited you" in seen
    assert "set you up first" in seen
    assert "Would you like that?" in seen  # the invitation again, after onboarding
    assert await count(coach, BuddyPair) == 0  # nothing shared before both agreed
    await coach.tap(BOB, "Yes, let's")
    assert await count(coach, BuddyPair) == 1
    alice_side = texts_of(coach.emulator.messages(ALICE)[-1:])
    assert "Bob said yes" in alice_side
    card = texts_of(await coach.say(BOB, "/buddy"))
    assert "Your courage buddy: Alice" in card


async def test_existing_person_sees_the_invitation_at_once_and_may_decline(
    coach: CoachHarness,
) -> None:
    await onboard(coach, ALICE, name="Alice")
    await onboard(coach, BOB, name="Bob")
    token = await invite(coach, ALICE)
    assert "Alice invited you" in texts_of(await coach.say(BOB, f"/start {token}"))
    before = newest_id(coach, ALICE)
    assert "nothing is shared" in texts_of(await coach.tap(BOB, "No thanks"))
    assert await count(coach, BuddyPair) == 0
    assert coach.bot_messages_after(ALICE, before) == []  # no reason, no notice


async def test_forged_reused_expired_and_self_invites_change_nothing(
    coach: CoachHarness,
) -> None:
    clock = coach.clock
    assert isinstance(clock, MutableClock)
    await onboard(coach, ALICE, name="Alice")
    await onboard(coach, BOB, name="Bob")
    await onboard(coach, CARA, name="Cara")
    token = await invite(coach, ALICE)
    assert "own invitation" in texts_of(await coach.say(ALICE, f"/start {token}"))
    forged = texts_of(await coach.say(BOB, "/start " + "x" * 40))
    assert "doesn't work" in forged
    assert "doesn't work" in texts_of(await coach.say(BOB, "/start " + "ü" * 10))
    await coach.say(BOB, f"/start {token}")  # Bob opens it: it is his now
    assert "already been used" in texts_of(await coach.say(CARA, f"/start {token}"))
    expired = await invite(coach, ALICE)
    clock.advance(timedelta(days=7, minutes=1))
    assert "expired" in texts_of(await coach.say(CARA, f"/start {expired}"))
    assert await count(coach, BuddyPair) == 0
    async with coach.runtime.deps.db.sessions() as session:
        opened = list(await session.scalars(select(BuddyInvite.invitee_id)))
    assert CARA not in opened


async def test_a_link_still_opens_an_hour_before_it_expires(coach: CoachHarness) -> None:
    clock = coach.clock
    assert isinstance(clock, MutableClock)
    await onboard(coach, ALICE, name="Alice")
    await onboard(coach, BOB, name="Bob")
    token = await invite(coach, ALICE)
    clock.advance(timedelta(days=6, hours=23))
    assert "Alice invited you" in texts_of(await coach.say(BOB, f"/start {token}"))
    await coach.tap(BOB, "Yes, let's")
    assert await count(coach, BuddyPair) == 1


async def test_one_buddy_at_a_time(coach: CoachHarness) -> None:
    await make_buddies(coach)
    await onboard(coach, CARA, name="Cara")
    card = texts_of(await coach.say(ALICE, "/buddy"))
    assert "Your courage buddy: Bob" in card and "t.me" not in card
    token = await invite(coach, CARA)
    assert "one at a time" in texts_of(await coach.say(BOB, f"/start {token}"))
    assert await count(coach, BuddyPair) == 1


# -- 2. effort only -----------------------------------------------------------------------------

# A week of varied logs: distinct idea texts, every outcome, anxiety numbers, a lesson, a
# draining day that draws a care answer and a day with crisis language. None of it may reach
# the buddy.
WEEK = (
    ("asked the florist for a wilted tulip, got a no, 7 -> 3",),
    ("asked a stranger about their umbrella brand, they said yes, 6 -> 2",),
    ("asked my neighbour to water the basil, no answer, 8 -> 5",),
    ("log-flow",),
    ("asked the barista for a secret menu item, kind of, 5 -> 4",),
    ("not-this-time",),
    ("asked for a discount on marmalade, got a no, 9 -> 1",),
)
SECRETS = (
    "florist",
    "tulip",
    "umbrella",
    "basil",
    "barista",
    "marmalade",
    "pelican",  # the lesson
    "exhausted",
    "want to die",  # crisis language
)
CRISIS_DAY = 2
CONSENTED = "Bob said yes:"
CRISIS = "honestly i just want to die, whats the point"
FORBIDDEN_WORDS = re.compile(
    r"\b(no|yes|answer|between|level|anxi\w*|lesson|rest|helpline|crisis)\b", re.IGNORECASE
)


async def log_with_the_flow(coach: CoachHarness, user_id: int) -> None:
    await coach.say(user_id, "/idea")
    await coach.tap(user_id, "I'll try it")
    await coach.tap(user_id, "70%")
    await coach.tap(user_id, "7")
    await coach.tap(user_id, "I asked!")
    await coach.tap(user_id, "No")
    await coach.tap(user_id, "3")
    await coach.say(user_id, "A pelican would have laughed, and so did I.")


async def test_a_week_of_logs_reaches_the_buddy_as_effort_only(coach: CoachHarness) -> None:
    clock = coach.clock
    assert isinstance(clock, MutableClock)
    to_alice: list[ChatMessage] = []  # every buddy message in Alice's chat
    await onboard(coach, ALICE, name="Alice")
    token = await invite(coach, ALICE)
    await onboard_from_link(coach, BOB, "Bob", token)
    seen_by_alice = newest_id(coach, ALICE)
    await coach.tap(BOB, "Yes, let's")
    to_alice += coach.bot_messages_after(ALICE, seen_by_alice)  # "Bob said yes"
    # No weekly cap in the way of a week of daily asks.
    for person in (ALICE, BOB):
        await coach.say(person, "/settings")
        await coach.tap(person, "Weekly pace")
        await coach.tap(person, "No limit")
    to_bob: list[ChatMessage] = []  # everything Alice's week caused in Bob's chat
    notes_per_day = []
    for day, (entry,) in enumerate(WEEK):
        clock.set(clock.now.replace(hour=10) + timedelta(days=1 if day else 0))
        before = newest_id(coach, BOB)
        if entry == "log-flow":
            await log_with_the_flow(coach, ALICE)
        elif entry == "not-this-time":
            await coach.say(ALICE, "/idea")
            await coach.tap(ALICE, "I'll try it")
            await coach.tap(ALICE, "Skip")
            await coach.tap(ALICE, "Skip")
            await coach.tap(ALICE, "Not this time")
        else:
            await coach.say(ALICE, entry)
        if day == CRISIS_DAY:
            await coach.say(ALICE, CRISIS)
            await coach.say(ALICE, "ok")  # her answer to the check-in
        else:
            await coach.say(ALICE, "I'm exhausted, that drained me")  # a care moment
        if entry != "not-this-time":  # that day, "not this time" alone brings the note
            await coach.say(ALICE, "asked a stranger for the time, got a yes, 4 -> 2")
        arrived = coach.bot_messages_after(BOB, before)
        notes = [m for m in arrived if "made an ask today" in (m.text or "")]
        notes_per_day.append(len(notes))
        assert [note.button_texts for note in notes] == [["Cheer 👏"]]  # one button, a cheer
        to_bob += arrived
        if arrived and day % 2 == 0:
            seen_by_alice = newest_id(coach, ALICE)
            await coach.tap(BOB, "Cheer")
            to_alice += coach.bot_messages_after(ALICE, seen_by_alice)
    assert notes_per_day == [1] * len(WEEK)  # at most one note a day, every day she practised
    outcomes = [attempt.outcome for attempt in await attempts_of(coach, ALICE)]
    assert set(outcomes) == {"no", "yes", "no_answer", "partial", "didnt_ask"}, outcomes
    assert len(outcomes) == 2 * len(WEEK) - 1  # two asks a day, "not this time" alone
    assert (await user_row(coach, ALICE)).crisis_count == 1
    # The rest of what buddies can say to each other: a suggestion declined, one accepted,
    # then the end.
    await coach.say(ALICE, "/buddy")
    before = newest_id(coach, BOB)
    await coach.tap(ALICE, "Suggest one")
    suggestions = coach.bot_messages_after(BOB, before)
    seen_by_alice = newest_id(coach, ALICE)
    await coach.tap(BOB, "Not this time")
    to_alice += coach.bot_messages_after(ALICE, seen_by_alice)
    clock.advance(timedelta(days=1))  # one suggestion a day
    await coach.say(ALICE, "/buddy")
    before = newest_id(coach, BOB)
    await coach.tap(ALICE, "Suggest one")
    suggestions += coach.bot_messages_after(BOB, before)
    seen_by_alice = newest_id(coach, ALICE)
    await coach.tap(BOB, "Add to my ideas")
    to_alice += coach.bot_messages_after(ALICE, seen_by_alice)
    await coach.say(ALICE, "/buddy")
    await coach.tap(ALICE, "End buddy")
    clock.advance(timedelta(days=1))
    before = newest_id(coach, BOB)
    await coach.say(ALICE, "asked the florist again, got a no, 8 -> 2")
    to_bob += coach.bot_messages_after(BOB, before)
    shown_texts = [m.text or "" for m in to_bob + to_alice]
    assert sum("made an ask today" in t for t in shown_texts) == len(WEEK)
    assert sum("cheering you on" in t for t in shown_texts) == 4
    assert "Bob: not this time." in shown_texts
    assert "Bob took your idea on board 💌" in shown_texts
    assert sum(t.startswith(CONSENTED) for t in shown_texts) == 1
    assert any("buddy link has ended" in t for t in shown_texts)
    for message in to_bob + to_alice:
        shown = (message.text or "") + " " + " ".join(message.button_texts)
        assert not any(secret in shown.lower() for secret in SECRETS), shown
        assert not re.search(r"\d", shown), shown  # no numbers at all: no anxiety, no level
        # The one "yes" a buddy may read is Bob's yes to the invitation itself.
        assert not FORBIDDEN_WORDS.search(shown.replace(CONSENTED, "")), shown
    # A suggested idea is a catalog card (its own level shown), never anything of Alice's.
    assert suggestions and not any(secret in texts_of(suggestions).lower() for secret in SECRETS)


# -- 4. no scores -----------------------------------------------------------------------------


async def test_the_recap_says_both_practised_only_when_both_did(coach: CoachHarness) -> None:
    await make_buddies(coach)
    await coach.say(ALICE, "asked for the time, got a yes, 3 -> 2")
    recap = texts_of(await coach.say(ALICE, "/recap"))
    assert "both practised" not in recap
    assert "both practised" not in texts_of(await coach.say(BOB, "/recap"))
    await coach.say(BOB, "asked a colleague for feedback, got a yes, 6 -> 3")
    together = texts_of(await coach.say(ALICE, "/recap"))
    assert "You and Bob both practised this week" in together
    assert "You and Alice both practised this week" in texts_of(await coach.say(BOB, "/recap"))
    # No counts of Bob's asks, no comparison: one line, his name, nothing else about him.
    line = next(part for part in together.split("\n\n") if "Bob" in part)
    assert line == "You and Bob both practised this week 🤝"


async def test_every_buddy_text_in_every_language_holds_no_content_slot(
    coach: CoachHarness,
) -> None:
    """The buddy texts have only a name (or a link) to fill in: no template could carry
    an idea, outcome, number, lesson or level even by mistake."""
    for texts in coach.runtime.languages.values():
        keys = [key for key in texts if key.startswith(("buddy.", "buttons.buddy."))]
        assert len(keys) > 20
        for key in keys:
            for variant in texts.variants(key):
                slots = set(re.findall(r"\{(\w+)\}", variant))
                assert slots <= {"name", "link", "sharing"}, (key, slots)


# -- 3. cheers and suggestions --------------------------------------------------------------


async def test_cheers_are_limited_to_three_a_day(coach: CoachHarness) -> None:
    await make_buddies(coach)
    await coach.say(ALICE, "asked for the time, got a yes, 3 -> 2")
    note = coach.emulator.messages(BOB)[-1]
    answers = []
    for _ in range(4):
        _, answer = await coach.press_data(BOB, note.message_id, note.callback_data[0])
        answers.append(answer)
    assert answers[:3] == ["Cheer sent 👏"] * 3
    assert answers[3] is not None and "plenty" in answers[3]
    cheers = [m for m in coach.emulator.messages(ALICE) if "cheering you on" in (m.text or "")]
    assert len(cheers) == 3


async def test_a_suggestion_accepted_and_one_declined(coach: CoachHarness) -> None:
    clock = coach.clock
    assert isinstance(clock, MutableClock)
    await make_buddies(coach)
    await coach.say(ALICE, "/buddy")
    assert "Sent to Bob" in texts_of(await coach.tap(ALICE, "Suggest one"))
    assert "suggests an idea" in texts_of(coach.emulator.messages(BOB)[-1:])
    await coach.tap(BOB, "Add to my ideas")
    [planned] = await attempts_of(coach, BOB)
    assert (planned.status, planned.source) == ("planned", "buddy")
    assert "took your idea" in texts_of(coach.emulator.messages(ALICE)[-1:])
    await coach.say(ALICE, "/buddy")
    assert "already" in texts_of(await coach.tap(ALICE, "Suggest one"))  # one a day
    clock.advance(timedelta(days=1))
    await coach.say(ALICE, "/buddy")
    await coach.tap(ALICE, "Suggest one")
    await coach.tap(BOB, "Not this time")
    told = texts_of(coach.emulator.messages(ALICE)[-1:])
    assert told == "Bob: not this time."
    async with coach.runtime.deps.db.sessions() as session:
        answers = list(await session.scalars(select(BuddySuggestion.answer)))
    assert sorted(answer or "" for answer in answers) == ["accepted", "declined"]


# -- 5. leave quietly -------------------------------------------------------------------------


async def test_pause_stops_notes_and_end_is_told_only_at_the_next_buddy_moment(
    coach: CoachHarness,
) -> None:
    clock = coach.clock
    assert isinstance(clock, MutableClock)
    await make_buddies(coach)
    await coach.say(ALICE, "/buddy")
    assert "Sharing paused" in texts_of(await coach.tap(ALICE, "Pause sharing"))
    before = newest_id(coach, BOB)
    await coach.say(ALICE, "asked for the time, got a yes, 3 -> 2")
    assert coach.bot_messages_after(BOB, before) == []
    await coach.say(ALICE, "/buddy")
    await coach.tap(ALICE, "Resume sharing")
    await coach.say(ALICE, "/buddy")
    before = newest_id(coach, BOB)
    assert "has ended" in texts_of(await coach.tap(ALICE, "End buddy"))
    assert coach.bot_messages_after(BOB, before) == []  # not told at once
    clock.advance(timedelta(days=1))
    await coach.say(ALICE, "asked for directions, got a yes, 3 -> 2")
    told = coach.bot_messages_after(BOB, before)
    assert [m.text for m in told] == [
        "Your buddy link has ended. You can invite someone any time with /buddy."
    ]
    assert "t.me" in texts_of(await coach.say(BOB, "/buddy"))  # free to invite again


async def test_a_buddy_who_blocks_the_bot_ends_the_notes(coach: CoachHarness) -> None:
    await make_buddies(coach)
    coach.emulator.block(BOB)
    await coach.settle()
    assert not (await user_row(coach, BOB)).is_active
    before = newest_id(coach, BOB)
    await coach.say(ALICE, "asked for the time, got a yes, 3 -> 2")
    assert coach.bot_messages_after(BOB, before) == []
    assert "Your buddy link has ended" in texts_of(await coach.say(ALICE, "/buddy"))


# -- 6. privacy -------------------------------------------------------------------------------


async def test_export_has_buddy_rows_and_delete_leaves_the_other_only_link_ended(
    coach: CoachHarness,
) -> None:
    await make_buddies(coach)
    for suggester in (ALICE, BOB):  # one suggestion each way, neither answered yet
        await coach.say(suggester, "/buddy")
        assert "Sent to" in texts_of(await coach.tap(suggester, "Suggest one"))
    replies = await coach.say(ALICE, "/export")
    files = {
        m.file.file_name: coach.emulator.file_bytes(m.file.file_id)
        for m in replies
        if m.file is not None
    }
    data = json.loads(files["rejection-coach-data.json"] or b"{}")
    assert len(data["buddy"]["pairs"]) == 1 and data["buddy"]["invitations"]
    suggested = data["buddy"]["suggestions"]
    assert sorted(row["direction"] for row in suggested) == ["received", "sent"]
    assert all(row["challenge_id"] and row["answer"] is None for row in suggested)
    await coach.say(ALICE, "/delete")
    await coach.tap(ALICE, "Yes, erase everything")
    async with coach.runtime.deps.db.sessions() as session:
        members = list(await session.scalars(select(BuddyMember)))
        invites = await session.scalar(select(func.count()).select_from(BuddyInvite))
        left = list(await session.scalars(select(BuddySuggestion)))
    assert [m.user_id for m in members] == [BOB] and invites == 0
    # The one Alice received is gone; the one she sent stays with Bob, without her.
    assert [(row.from_user_id, row.to_user_id) for row in left] == [(None, BOB)]
    card = texts_of(await coach.say(BOB, "/buddy"))
    assert "Your buddy link has ended" in card and "Alice" not in card


async def test_operator_view_counts_pairs_never_names(migrated_sqlite_url: str) -> None:
    async with CoachHarness(migrated_sqlite_url, migrate_first=False, admin_ids=[ALICE]) as coach:
        await make_buddies(coach)
        shown = texts_of(await coach.say(ALICE, "/admin"))
    assert "Buddy pairs: 1" in shown
    assert "Bob" not in shown


async def test_the_weekly_recap_from_the_scheduler_says_it_too(coach: CoachHarness) -> None:
    clock = coach.clock
    assert isinstance(clock, MutableClock)
    await make_buddies(coach)
    await coach.say(ALICE, "asked for the time, got a yes, 3 -> 2")
    await coach.say(BOB, "asked a colleague for feedback, got a yes, 6 -> 3")
    before = newest_id(coach, ALICE)
    clock.set(datetime(2026, 11, 29, 17, 30, tzinfo=UTC))  # Sunday 18:30 in Berlin
    await coach.tick()
    recap = texts_of(coach.bot_messages_after(ALICE, before))
    assert "Your week" in recap
    assert "You and Bob both practised this week" in recap


async def test_each_buddy_gets_notes_in_their_own_language(coach: CoachHarness) -> None:
    await make_buddies(coach)
    await coach.say(BOB, "/language")
    await coach.tap(BOB, "Español")
    await coach.say(ALICE, "asked for the time, got a yes, 3 -> 2")
    assert coach.emulator.messages(BOB)[-1].text == "Alice hizo una petición hoy 💪"
    await coach.tap(BOB, "Animar")
    assert coach.emulator.messages(ALICE)[-1].text == "Bob is cheering you on 👏"


async def test_forged_buddy_buttons_change_nothing(coach: CoachHarness) -> None:
    await onboard(coach, ALICE, name="Alice")
    token = await invite(coach, ALICE)
    await onboard(coach, BOB, name="Bob")
    await coach.say(BOB, f"/start {token}")  # Bob holds the invitation; Cara tries to take it
    await onboard(coach, CARA, name="Cara")
    message_id = coach.emulator.messages(CARA)[-1].message_id
    async with coach.runtime.deps.db.sessions() as session:
        invite_id = await session.scalar(select(BuddyInvite.id))
    for data in (f"bd:ok:{invite_id}", "bd:ch:1", "bd:tk:1", "bd:end", "bd:zz:9"):
        _, answer = await coach.press_data(CARA, message_id, data, forge=True)
        assert answer == "That button has expired. No harm done!", data
    assert await count(coach, BuddyPair) == 0
    await coach.tap(BOB, "Yes, let's")  # still Bob's to answer
    assert await count(coach, BuddyPair) == 1
