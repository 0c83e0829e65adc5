"""Plain wishes typed outside any question: a break from nudges (and more of them)."""

from __future__ import annotations

import pytest

from bot.domain.wishes import wants_a_pause, wants_more


@pytest.mark.parametrize(
    ("typed", "language"),
    [
        ("pause for 2 days", "en"),
        ("Can you pause the nudges until Monday?", "en"),
        ("take a break till friday", "en"),
        ("pausa 3 días por favor", "es"),
        ("поставь на паузу на 2 дня", "ru"),
        ("пауза на неделю", "ru"),
    ],
)
def test_a_typed_wish_for_a_break(typed: str, language: str) -> None:
    assert wants_a_pause(typed, language)


@pytest.mark.parametrize(
    "typed",
    [
        "I paused for 2 days before asking",
        "asked for 2 days off, got a no",
        "the break room was empty so I asked nobody",
    ],
)
def test_talk_about_a_pause_is_not_a_wish_for_one(typed: str) -> None:
    assert not wants_a_pause(typed)


def test_a_wish_for_more_is_not_a_wish_for_a_break() -> None:
    assert wants_more("keep them coming") and not wants_a_pause("keep them coming")
