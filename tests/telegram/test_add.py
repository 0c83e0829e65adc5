"""/add: personal ideas join the person's own ladder, screened by the respect rules."""

from __future__ import annotations

from sqlalchemy import select

from bot.db.models import Challenge
from bot.domain.respect import RuleCode
from bot.sandbox.harness import CoachHarness, texts_of
from tests.telegram.helpers import attempts_of, idea_id_of, idea_message, onboard

ALICE, BOB = 5001, 5002


async def personal_ideas(coach: CoachHarness, owner: int) -> list[Challenge]:
    async with coach.runtime.deps.db.sessions() as session:
        return list(await session.scalars(select(Challenge).where(Challenge.owner_id == owner)))


async def test_add_a_respectful_idea_and_try_it(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    replies = await coach.say(ALICE, "/add ask the bakery if they'd save me a day-old loaf")
    assert "How bold" in texts_of(replies)
    saved = await coach.tap(ALICE, "2")
    assert "level 2" in texts_of(saved)
    [idea] = await personal_ideas(coach, ALICE)
    assert (idea.level, idea.category, idea.setting) == (2, "personal", "in_person")
    await coach.tap(ALICE, "I'll try it now")
    [attempt] = await attempts_of(coach, ALICE)
    assert attempt.challenge_id == idea.id


async def test_add_asks_for_the_text_when_none_is_given(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    assert "What's the ask" in texts_of(await coach.say(ALICE, "/add"))
    await coach.say(ALICE, "call the gym and ask for a free trial week")
    await coach.say(ALICE, "a 4 I think")
    [idea] = await personal_ideas(coach, ALICE)
    assert (idea.level, idea.setting) == (4, "phone")


async def test_an_idea_that_breaks_the_rules_gets_a_kind_no(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    replies = await coach.say(ALICE, "/add tell a cashier it's my birthday even though it isn't")
    text = texts_of(replies)
    assert "can't add that one" in text
    assert "honest" in text
    assert "glad to hear a yes" in text
    assert await personal_ideas(coach, ALICE) == []


async def test_personal_ideas_stay_personal(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    await onboard(coach, BOB)
    await coach.say(ALICE, "/add ask my neighbour Jo to show me her garden")
    await coach.tap(ALICE, "1 · gentle")
    [idea] = await personal_ideas(coach, ALICE)
    seen = {idea_id_of(idea_message(await coach.say(BOB, "/idea")))}
    for _ in range(25):
        seen.add(idea_id_of(idea_message(await coach.tap(BOB, "Another one"))))
    assert idea.id not in seen
    card = coach.emulator.last_message(BOB)
    assert card is not None
    replies, answer = await coach.press_data(BOB, card.message_id, f"i:try:{idea.id}", forge=True)
    assert replies == []
    assert answer is not None
    assert await attempts_of(coach, BOB) == []


def test_every_rule_has_a_kind_explanation(coach_texts_keys: set[str]) -> None:
    for code in RuleCode:
        assert f"add.problems.{code.value}" in coach_texts_keys
