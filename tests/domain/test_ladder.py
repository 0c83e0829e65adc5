"""The ladder's level moves and idea choice (pure, seeded)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.ladder import (
    Candidate,
    History,
    Move,
    Reason,
    Signal,
    choose_idea,
    next_level,
)

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def done(level: int, outcome: str = "no", after: float | None = 5.0) -> Signal:
    return Signal(level=level, outcome=outcome, anxiety_after=after)


SKIP = Signal(level=None, skipped=True)


class TestLevelMoves:
    def test_no_signals_stays(self) -> None:
        assert next_level(2, []).move is Move.STAY

    def test_rough_attempt_steps_down(self) -> None:
        change = next_level(3, [done(3, after=8.0)])
        assert (change.level, change.move, change.reason) == (2, Move.DOWN, Reason.ROUGH)

    def test_rough_attempt_at_level_one_stays(self) -> None:
        assert next_level(1, [done(1, after=9.5)]).level == 1

    def test_two_skips_in_a_row_step_down(self) -> None:
        change = next_level(4, [SKIP, SKIP])
        assert (change.level, change.reason) == (3, Reason.SKIPS)

    def test_one_skip_does_not(self) -> None:
        assert next_level(4, [SKIP, done(4)]).move is Move.STAY

    def test_mostly_yes_steps_up(self) -> None:
        change = next_level(1, [done(1, "yes"), done(1, "yes"), done(1, "no")])
        assert (change.level, change.reason) == (2, Reason.MOSTLY_YES)

    def test_half_yes_is_not_mostly(self) -> None:
        assert next_level(2, [done(2, "yes"), done(2, "no")]).move is Move.STAY

    def test_calm_afterwards_steps_up(self) -> None:
        change = next_level(2, [done(2, "no", 3.0), done(2, "no", 1.5)])
        assert (change.level, change.reason) == (3, Reason.CALM)

    def test_calm_needs_every_recent_answer(self) -> None:
        assert next_level(2, [done(2, "no", 3.0), done(2, "no", None)]).move is Move.STAY

    def test_one_good_ask_is_not_enough(self) -> None:
        assert next_level(2, [done(2, "yes", 0.0)]).move is Move.STAY

    def test_asks_at_other_levels_do_not_count(self) -> None:
        assert next_level(3, [done(2, "yes"), done(2, "yes")]).move is Move.STAY

    def test_never_above_five(self) -> None:
        assert next_level(5, [done(5, "yes"), done(5, "yes")]).level == 5

    @given(
        current=st.integers(min_value=1, max_value=5),
        signals=st.lists(
            st.one_of(
                st.just(SKIP),
                st.builds(
                    Signal,
                    level=st.integers(min_value=1, max_value=5),
                    outcome=st.sampled_from(["yes", "no", "no_answer", "partial"]),
                    anxiety_after=st.one_of(st.none(), st.floats(min_value=0, max_value=10)),
                ),
            ),
            max_size=8,
        ),
    )
    def test_never_moves_more_than_one_level(self, current: int, signals: list[Signal]) -> None:
        change = next_level(current, signals)
        assert 1 <= change.level <= 5
        assert abs(change.level - current) <= 1


def catalog() -> list[Candidate]:
    categories = ["shops", "food", "work", "online"]
    settings = ["in_person", "phone", "message"]
    return [
        Candidate(
            id=index,
            level=1 + index % 5,
            category=categories[index % 4],
            setting=settings[index % 3],
        )
        for index in range(60)
    ]


class TestChooseIdea:
    def test_same_seed_same_choice(self) -> None:
        history = History(offered_at={}, hidden=(), recent=())
        first = choose_idea(catalog(), level=2, history=history, now=NOW, rng=random.Random(7))
        again = choose_idea(catalog(), level=2, history=history, now=NOW, rng=random.Random(7))
        assert first == again
        assert first is not None and first.level == 2

    def test_no_repeat_within_30_days(self) -> None:
        ideas = catalog()
        at_two = [idea for idea in ideas if idea.level == 2]
        offered = {idea.id: NOW - timedelta(days=3) for idea in at_two[:-1]}
        history = History(offered_at=offered, hidden=(), recent=())
        for seed in range(20):
            chosen = choose_idea(ideas, level=2, history=history, now=NOW, rng=random.Random(seed))
            assert chosen == at_two[-1]

    def test_offered_31_days_ago_is_fresh_again(self) -> None:
        ideas = [Candidate(1, 1, "food", "phone"), Candidate(2, 1, "food", "phone")]
        history = History(
            offered_at={1: NOW - timedelta(days=31), 2: NOW - timedelta(days=1)},
            hidden=(),
            recent=(),
        )
        assert (
            choose_idea(ideas, level=1, history=history, now=NOW, rng=random.Random(1)) == ideas[0]
        )

    def test_level_run_out_brings_back_the_oldest(self) -> None:
        ideas = [Candidate(1, 1, "food", "phone"), Candidate(2, 1, "work", "phone")]
        history = History(
            offered_at={1: NOW - timedelta(days=2), 2: NOW - timedelta(days=9)},
            hidden=(),
            recent=(),
        )
        assert (
            choose_idea(ideas, level=1, history=history, now=NOW, rng=random.Random(1)) == ideas[1]
        )

    def test_not_for_me_is_never_shown(self) -> None:
        ideas = [Candidate(1, 1, "food", "phone"), Candidate(2, 1, "work", "phone")]
        history = History(offered_at={2: NOW - timedelta(days=1)}, hidden={1}, recent=())
        for seed in range(10):
            chosen = choose_idea(ideas, level=1, history=history, now=NOW, rng=random.Random(seed))
            assert chosen == ideas[1]

    def test_everything_hidden_gives_none(self) -> None:
        ideas = [Candidate(1, 1, "food", "phone")]
        history = History(offered_at={}, hidden={1}, recent=())
        assert choose_idea(ideas, level=1, history=history, now=NOW, rng=random.Random(1)) is None

    def test_prefers_a_category_and_setting_not_done_lately(self) -> None:
        ideas = [
            Candidate(1, 2, "food", "phone"),
            Candidate(2, 2, "food", "in_person"),
            Candidate(3, 2, "work", "phone"),
            Candidate(4, 2, "work", "in_person"),
        ]
        history = History(offered_at={}, hidden=(), recent=[Candidate(9, 2, "food", "phone")])
        for seed in range(20):
            chosen = choose_idea(ideas, level=2, history=history, now=NOW, rng=random.Random(seed))
            assert chosen == ideas[3]

    def test_empty_level_falls_back_to_the_nearest_gentler_one(self) -> None:
        ideas = [Candidate(1, 1, "food", "phone"), Candidate(2, 4, "food", "phone")]
        history = History(offered_at={}, hidden=(), recent=())
        chosen = choose_idea(ideas, level=2, history=history, now=NOW, rng=random.Random(3))
        assert chosen == ideas[0]

    @pytest.mark.parametrize("category", ["food", "online"])
    def test_category_filter(self, category: str) -> None:
        history = History(offered_at={}, hidden=(), recent=())
        chosen = choose_idea(
            catalog(), level=3, history=history, now=NOW, rng=random.Random(5), category=category
        )
        assert chosen is not None and chosen.category == category
