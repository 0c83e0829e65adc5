"""The graded ladder: which level someone practises at, and which idea comes next.

Level rules (pure; the caller feeds in what happened since the level last changed):

* New people start at level 1, or at the level they pick during onboarding.
* **Step down** after a rough attempt (anxiety afterwards 8/10 or more), or after two skips
  in a row ("Not today", or "I didn't ask"). Going gentler is never a penalty: it keeps
  the practice doable, which is what makes it work.
* **Step up** when the recent asks at this level mostly got a yes (the article's "I didn't
  actually get rejected that much"), or when anxiety afterwards stayed at 3/10 or lower:
  the level has stopped being a stretch. "Recent" means the last three completed asks at
  this level, and at least two of them.
* **Never more than one level at a time**, and only between 1 and 5. Counting restarts after
  every change, so one rough day cannot slide someone down two levels.
* The person can always choose easier or bolder themselves; that is a change too.

Idea rules:

* Never an idea the person said "not for me" to.
* No repeats within 30 days, unless every idea at their level has been offered in that
  window; then the one offered longest ago comes back first.
* Variety: prefer a category and a setting (in person / phone / message) they haven't had
  lately. Ties are broken at random.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

MIN_LEVEL = 1
MAX_LEVEL = 5
ROUGH_ANXIETY = 8.0
EASY_ANXIETY = 3.0
RECENT_WINDOW = 3
RECENT_MINIMUM = 2
SKIPS_TO_STEP_DOWN = 2
REPEAT_DAYS = 30
VARIETY_CATEGORIES = 3  # avoid the categories of the last few ideas
VARIETY_SETTINGS = 2


class Move(StrEnum):
    STAY = "stay"
    UP = "up"
    DOWN = "down"


class Reason(StrEnum):
    NONE = "none"
    ROUGH = "rough"
    SKIPS = "skips"
    MOSTLY_YES = "mostly_yes"
    CALM = "calm"


@dataclass(frozen=True)
class Signal:
    """One thing that happened since the level last changed.

    `skipped` is a "Not today" or an "I didn't ask"; otherwise it is a logged ask with
    its outcome ("yes", "no", "no_answer", "partial") and anxiety afterwards, if given.
    """

    level: int | None
    skipped: bool = False
    outcome: str | None = None
    anxiety_after: float | None = None


@dataclass(frozen=True)
class LevelChange:
    level: int
    move: Move
    reason: Reason


def clamp(level: int) -> int:
    return max(MIN_LEVEL, min(MAX_LEVEL, level))


def next_level(current: int, since_change: Sequence[Signal]) -> LevelChange:
    """Where the ladder goes after the newest signal. `since_change` is newest first."""
    current = clamp(current)
    if not since_change:
        return LevelChange(current, Move.STAY, Reason.NONE)
    newest = since_change[0]
    if newest.anxiety_after is not None and newest.anxiety_after >= ROUGH_ANXIETY:
        return _down(current, Reason.ROUGH)
    if len(since_change) >= SKIPS_TO_STEP_DOWN and all(
        signal.skipped for signal in since_change[:SKIPS_TO_STEP_DOWN]
    ):
        return _down(current, Reason.SKIPS)
    done_here = [
        signal for signal in since_change if not signal.skipped and signal.level == current
    ][:RECENT_WINDOW]
    if len(done_here) >= RECENT_MINIMUM:
        yeses = sum(signal.outcome == "yes" for signal in done_here)
        if yeses * 2 > len(done_here):
            return _up(current, Reason.MOSTLY_YES)
        anxieties = [signal.anxiety_after for signal in done_here]
        if all(value is not None and value <= EASY_ANXIETY for value in anxieties):
            return _up(current, Reason.CALM)
    return LevelChange(current, Move.STAY, Reason.NONE)


def _down(current: int, reason: Reason) -> LevelChange:
    if current <= MIN_LEVEL:
        return LevelChange(current, Move.STAY, reason)
    return LevelChange(current - 1, Move.DOWN, reason)


def _up(current: int, reason: Reason) -> LevelChange:
    if current >= MAX_LEVEL:
        return LevelChange(current, Move.STAY, reason)
    return LevelChange(current + 1, Move.UP, reason)


# -- choosing an idea ------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    id: int
    level: int
    category: str
    setting: str


@dataclass(frozen=True)
class History:
    """What this person has seen. `offered_at` holds the last offer time per idea id;
    `recent` is the ideas offered lately, newest first (for variety)."""

    offered_at: Mapping[int, datetime]
    hidden: Collection[int]
    recent: Sequence[Candidate]


def choose_idea(
    candidates: Sequence[Candidate],
    *,
    level: int,
    history: History,
    now: datetime,
    rng: random.Random,
    category: str | None = None,
    exclude: Collection[int] = (),
) -> Candidate | None:
    """The next idea at `level` (or the nearest level that has any), or None if the person
    has hidden everything there is."""
    filtered = history.hidden or exclude or category is not None
    pool = (
        [
            idea
            for idea in candidates
            if idea.id not in history.hidden
            and idea.id not in exclude
            and (category is None or idea.category == category)
        ]
        if filtered
        else candidates  # the common case in a fan-out: nothing to filter
    )
    if not pool:
        return None
    at_level = _nearest_level(pool, clamp(level))
    fresh = [idea for idea in at_level if _is_fresh(idea, history, now)]
    if fresh:
        return _most_varied(fresh, history, rng)
    # The level has run out within the window: the idea offered longest ago comes back.
    oldest = min(history.offered_at.get(idea.id, now) for idea in at_level)
    return rng.choice([idea for idea in at_level if history.offered_at.get(idea.id) == oldest])


def _nearest_level(pool: Sequence[Candidate], level: int) -> list[Candidate]:
    """Ideas at `level`; if there are none, at the closest level (gentler first)."""
    for distance in range(MAX_LEVEL):
        for candidate_level in (level - distance, level + distance):
            matching = [idea for idea in pool if idea.level == candidate_level]
            if matching:
                return matching
    return list(pool)


def _is_fresh(idea: Candidate, history: History, now: datetime) -> bool:
    offered = history.offered_at.get(idea.id)
    return offered is None or (now - offered).days >= REPEAT_DAYS


def _most_varied(pool: Sequence[Candidate], history: History, rng: random.Random) -> Candidate:
    recent_categories = {idea.category for idea in history.recent[:VARIETY_CATEGORIES]}
    recent_settings = {idea.setting for idea in history.recent[:VARIETY_SETTINGS]}

    def staleness(idea: Candidate) -> int:
        return int(idea.category in recent_categories) * 2 + int(idea.setting in recent_settings)

    scored = [(staleness(idea), idea) for idea in pool]
    best = min(score for score, _ in scored)
    return rng.choice([idea for score, idea in scored if score == best])
