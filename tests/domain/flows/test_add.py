"""The /add table: the idea, then its level (typed or tapped), then done."""

from __future__ import annotations

import pytest

from bot.domain.flows.add import ADD, LEVEL, TABLE, TEXT, level_tapped, level_typed, tidy


def test_the_idea_comes_first_then_its_level_then_the_flow_is_done() -> None:
    assert (TABLE.name, TABLE.first, list(TABLE.steps)) == (ADD, TEXT, [TEXT, LEVEL])
    assert TABLE.after(TEXT, "ask for a table by the window") == LEVEL
    assert TABLE.after(LEVEL, 3) is None
    assert TABLE.steps[LEVEL].miss == "level_unknown"


def test_any_text_is_an_idea_to_screen() -> None:
    assert TABLE.steps[TEXT].read("  ask  for\nhelp ", "en") == "  ask  for\nhelp "
    assert tidy("  ask  for\nhelp ") == "ask for help"


@pytest.mark.parametrize(
    ("typed", "level"),
    [
        ("4", 4),
        ("a 4 I think", 4),
        ("level 1 please", 1),
        ("٣", 3),  # any decimal digit
        ("6", None),
        ("0", None),
        ("4 or 5", None),
        ("pretty bold", None),
        ("³", None),  # a superscript is no level (and no crash)
    ],
)
def test_a_typed_level_is_the_one_digit_of_the_message(typed: str, level: int | None) -> None:
    assert level_typed(typed, "en") == level
    assert TABLE.steps[LEVEL].read(typed, "en") == level


def test_only_the_offered_level_buttons_are_read() -> None:
    assert [level_tapped(str(level)) for level in range(1, 6)] == [1, 2, 3, 4, 5]
    assert [level_tapped(code) for code in ("0", "6", "x", "", "-1")] == [None] * 5
    assert TABLE.steps[LEVEL].press is level_tapped
