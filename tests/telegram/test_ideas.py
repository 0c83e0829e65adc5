"""/idea and its buttons over the emulator: Another one, Not for me, Easier, Bolder, I'll try it."""

from __future__ import annotations

from bot.sandbox.harness import CoachHarness, texts_of
from tests.telegram.helpers import (
    attempts_of,
    conversation_of,
    idea_events,
    idea_id_of,
    idea_message,
    onboard,
    onboard_in_spanish,
    user_row,
)
from tests.telegram.test_typed_spanish import LUCIA
from tests.telegram.test_words_ru import IVAN, onboard_in_russian

ALICE, BOB = 3001, 3002


async def test_idea_has_the_five_buttons_and_the_users_level(coach: CoachHarness) -> None:
    await onboard(coach, ALICE, level="2")
    card = idea_message(await coach.say(ALICE, "/idea"))
    assert card.button_texts == ["I'll try it", "Another one", "Not for me", "Easier", "Bolder"]
    assert "Level 2" in (card.text or "")


async def test_another_one_gives_a_different_idea(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    first = idea_message(await coach.say(ALICE, "/idea"))
    second = idea_message(await coach.tap(ALICE, "Another one"))
    assert idea_id_of(first) != idea_id_of(second)
    # The answered card lost its buttons, so it can't be pressed twice.
    assert coach.emulator.message(ALICE, first.message_id).buttons == []  # type: ignore[union-attr]


async def test_not_for_me_is_never_offered_again(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    hidden = idea_id_of(idea_message(await coach.say(ALICE, "/idea")))
    replies = await coach.tap(ALICE, "Not for me")
    assert "won't suggest" in texts_of(replies) or "off the list" in texts_of(replies)
    seen = set()
    for _ in range(40):  # more than the level-1 shelf: repeats kick in, the hidden one doesn't
        seen.add(idea_id_of(idea_message(await coach.tap(ALICE, "Another one"))))
    assert hidden not in seen
    assert len(await idea_events(coach, ALICE, "not_for_me")) == 1


async def test_no_repeat_within_the_level_until_it_runs_out(coach: CoachHarness) -> None:
    await onboard(coach, ALICE, level="3")
    offered = [idea_id_of(idea_message(await coach.say(ALICE, "/idea")))]
    for _ in range(12):
        offered.append(idea_id_of(idea_message(await coach.tap(ALICE, "Another one"))))
    assert len(set(offered)) == len(offered)


async def test_easier_and_bolder_show_another_idea_and_keep_the_level(
    coach: CoachHarness,
) -> None:
    """Looking is not choosing: the level moves only by the ladder or in /settings."""
    await onboard(coach, ALICE, level="3")
    first = idea_message(await coach.say(ALICE, "/idea"))
    card = idea_message(await coach.tap(ALICE, "Bolder"))
    assert "Level 4" in (card.text or "") and idea_id_of(card) != idea_id_of(first)
    assert (await user_row(coach, ALICE)).level == 3
    card = idea_message(await coach.tap(ALICE, "Bolder"))  # one more step from the one shown
    assert "Level 5" in (card.text or "")
    card = idea_message(await coach.tap(ALICE, "Easier"))
    assert "Level 4" in (card.text or "")
    assert (await user_row(coach, ALICE)).level == 3
    assert "Level 3" in texts_of(await coach.say(ALICE, "/idea"))  # still their own level
    await coach.tap(ALICE, "Bolder")
    await coach.tap(ALICE, "I'll try it")
    [attempt] = await attempts_of(coach, ALICE)
    assert attempt.level == 4 and (await user_row(coach, ALICE)).level == 3


async def test_idea_easier_bolder_and_category_as_text(coach: CoachHarness) -> None:
    await onboard(coach, ALICE, level="2")
    assert "Level 1" in texts_of(await coach.say(ALICE, "/idea easier"))
    assert "Level 3" in texts_of(await coach.say(ALICE, "/idea bolder"))
    assert (await user_row(coach, ALICE)).level == 2
    food = texts_of(await coach.say(ALICE, "/idea food"))
    assert "food and drink" in food
    unknown = texts_of(await coach.say(ALICE, "/idea spaceships"))
    assert "shelf" in unknown
    assert "💡" in unknown


async def test_easier_and_bolder_in_spanish_and_russian_keep_the_level(
    coach: CoachHarness,
) -> None:
    await onboard_in_spanish(coach, LUCIA)  # level 1
    assert "Nivel 2" in texts_of(await coach.say(LUCIA, "/idea más atrevida"))
    await coach.tap(LUCIA, "Más fácil")
    assert (await user_row(coach, LUCIA)).level == 1
    await onboard_in_russian(coach)  # level 1
    assert "Уровень 2" in texts_of(await coach.say(IVAN, "/idea посмелее"))
    assert (await user_row(coach, IVAN)).level == 1


async def test_try_it_plans_an_attempt_and_starts_the_warm_up(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    card = idea_message(await coach.say(ALICE, "/idea"))
    replies = await coach.tap(ALICE, "I'll try it")
    assert "how likely does a no feel" in texts_of(replies)
    [attempt] = await attempts_of(coach, ALICE)
    assert attempt.challenge_id == idea_id_of(card)
    assert attempt.status == "planned"
    conversation = await conversation_of(coach, ALICE)
    assert conversation is not None
    assert (conversation.flow, conversation.step) == ("log", "predict")


async def test_forged_and_stale_idea_buttons_change_nothing(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    await onboard(coach, BOB)
    card = idea_message(await coach.say(ALICE, "/idea"))
    # Bob presses Alice's idea id (never offered to him), then garbage, then a bad action.
    for data in (f"i:try:{idea_id_of(card)}", "i:try:999999", "i:explode:1", "zz:top", "i"):
        replies, answer = await coach.press_data(BOB, card.message_id, data, forge=True)
        assert replies == []
        assert answer is not None and "expired" in answer
    assert await attempts_of(coach, BOB) == []
    # A second tap on a card already answered (an old message, a double tap) is stale.
    await coach.tap(ALICE, "Another one", message_id=card.message_id)
    for action in ("more", "try", "nope"):
        replies, answer = await coach.press_data(
            ALICE, card.message_id, f"i:{action}:{idea_id_of(card)}", forge=True
        )
        assert replies == []
        assert answer is not None and "expired" in answer
    assert await attempts_of(coach, ALICE) == []
