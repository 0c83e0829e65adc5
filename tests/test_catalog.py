"""The challenge catalog: schema, balance, the article's ideas and the respect rules.

Reads the ``ideas`` list from ``prompts.yaml`` at the repo root, as plain YAML, so these checks
stand apart from the loader in ``bot.texts`` (which has its own tests).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.domain.respect import MAX_IDEA_LENGTH, RuleCode, screen_idea

ROOT = Path(__file__).resolve().parents[1]

REQUIRED_FIELDS = {"id", "text", "level", "category", "setting"}
OPTIONAL_FIELDS = {"tip", "source"}
SETTINGS = {"in_person", "phone", "message"}
REQUIRED_CATEGORIES = {
    "everyday_strangers",
    "shops_and_service",
    "food_and_drink",
    "work_and_career",
    "fitness_and_hobbies",
    "neighbours_and_community",
    "online_and_phone",
}
KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SNAKE = re.compile(r"^[a-z]+(?:_[a-z]+)*$")
MAX_TIP_LENGTH = 160

# Ideas from the source article, by the ids chosen for them. Ids are stable: never rename.
ARTICLE_IDEA_IDS = {
    "pet-a-strangers-dog",
    "borrow-a-charger-at-the-gym",
    "leave-an-encouraging-note-in-a-book",
    "ask-someone-to-show-you-a-gym-machine",
    "pitch-your-services",
    "high-five-a-stranger",
    "ask-a-cafe-to-stock-something",
    "cold-email-someone-you-admire",
    "ask-to-practise-driving-in-a-friends-car",
    "walk-the-guard-dog",
    "return-something-past-the-return-window",
    "ask-for-a-drink-named-after-you",
    "apply-for-your-dream-job",
    "ask-a-stranger-to-work-out-with-you",
    "ask-to-shadow-someone-at-work",
    "ask-your-insurer-for-a-lower-premium",
    "ask-to-make-an-announcement-in-a-shop",
    "compliment-and-ask-for-a-selfie",
    "ask-to-use-a-fancy-hotels-toilets",
    # "Offer a made-up service to a business", made honest.
    "offer-a-real-skill-to-a-business",
}


def _catalog_path() -> Path:
    return ROOT / "prompts.yaml"


def _load_ideas(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), "the catalog file must be a mapping with an `ideas` key"
    ideas = data["ideas"]
    assert isinstance(ideas, list)
    assert all(isinstance(idea, dict) for idea in ideas)
    return ideas


CATALOG_PATH = _catalog_path()
IDEAS = _load_ideas(CATALOG_PATH)
BY_ID = {str(idea.get("id")): idea for idea in IDEAS}


def _idea_id(idea: dict[str, Any]) -> str:
    return str(idea.get("id"))


def _squash(text: str) -> str:
    return " ".join(text.lower().split())


# --- schema --------------------------------------------------------------------------------


@pytest.mark.parametrize("idea", IDEAS, ids=_idea_id)
def test_idea_schema(idea: dict[str, Any]) -> None:
    keys = set(idea)
    assert keys >= REQUIRED_FIELDS, f"missing {REQUIRED_FIELDS - keys}"
    assert keys <= REQUIRED_FIELDS | OPTIONAL_FIELDS, f"unknown {keys - REQUIRED_FIELDS}"

    assert isinstance(idea["id"], str)
    assert KEBAB.fullmatch(idea["id"]), "ids are kebab-case"

    text = idea["text"]
    assert isinstance(text, str)
    assert text == text.strip()
    assert 0 < len(text) <= MAX_IDEA_LENGTH

    level = idea["level"]
    assert isinstance(level, int)
    assert not isinstance(level, bool)
    assert 1 <= level <= 5

    assert isinstance(idea["category"], str)
    assert SNAKE.fullmatch(idea["category"])
    assert idea["setting"] in SETTINGS

    if "tip" in idea:
        tip = idea["tip"]
        assert isinstance(tip, str)
        assert tip == tip.strip()
        assert 0 < len(tip) <= MAX_TIP_LENGTH
        assert "\n" not in tip
    if "source" in idea:
        assert idea["source"] == "article"


def test_ids_are_unique() -> None:
    duplicates = [i for i, n in Counter(_idea_id(idea) for idea in IDEAS).items() if n > 1]
    assert not duplicates


def test_texts_are_unique() -> None:
    counts = Counter(_squash(str(idea["text"])) for idea in IDEAS)
    assert not [text for text, n in counts.items() if n > 1]


# --- size and balance ----------------------------------------------------------------------


def test_catalog_is_big_enough() -> None:
    assert len(IDEAS) >= 100, f"{CATALOG_PATH.name} has only {len(IDEAS)} ideas"


def test_every_level_is_well_stocked() -> None:
    per_level = Counter(idea["level"] for idea in IDEAS)
    for level in range(1, 6):
        assert per_level[level] >= 12, (level, per_level[level])


def test_categories_are_populated() -> None:
    per_category = Counter(idea["category"] for idea in IDEAS)
    assert len(per_category) >= 6
    assert set(per_category) >= REQUIRED_CATEGORIES
    for category, count in per_category.items():
        assert count >= 5, (category, count)


def test_every_level_has_a_phone_or_message_idea() -> None:
    for level in range(1, 6):
        settings = {idea["setting"] for idea in IDEAS if idea["level"] == level}
        assert settings & {"phone", "message"}, level
        assert "in_person" in settings, level


# --- the article ---------------------------------------------------------------------------


def test_article_ideas_are_present() -> None:
    article = {_idea_id(idea) for idea in IDEAS if idea.get("source") == "article"}
    assert len(article) >= 19
    missing = ARTICLE_IDEA_IDS - set(BY_ID)
    assert not missing
    assert article >= ARTICLE_IDEA_IDS, ARTICLE_IDEA_IDS - article


def test_the_birthday_lie_is_left_out() -> None:
    for idea in IDEAS:
        assert "birthday" not in idea["text"].lower(), idea["id"]


def test_the_five_grand_loan_is_left_out() -> None:
    loan = re.compile(
        r"\b(?:\d+|a few|one|two|three|four|five|ten) (?:grand|thousand)\b"
        r"|\b(?:loan|money|cash)\b|[£$€]\s?\d|\blend (?:you|me)\b",
        re.IGNORECASE,
    )
    for idea in IDEAS:
        assert not loan.search(idea["text"]), idea["id"]


def test_the_made_up_service_became_an_honest_offer() -> None:
    for idea in IDEAS:
        assert not re.search(r"\bmade[- ]up\b|\bfake\b", idea["text"], re.IGNORECASE)
    offer = BY_ID["offer-a-real-skill-to-a-business"]["text"].lower()
    assert "honest" in offer
    assert "really have" in offer


# --- respect -------------------------------------------------------------------------------


@pytest.mark.parametrize("idea", IDEAS, ids=_idea_id)
def test_idea_passes_the_respect_rules(idea: dict[str, Any]) -> None:
    result = screen_idea(idea["text"])
    assert result.ok, result.violations


@pytest.mark.parametrize("idea", [idea for idea in IDEAS if "tip" in idea], ids=_idea_id)
def test_tip_passes_the_respect_rules(idea: dict[str, Any]) -> None:
    """Tips are advice, so they need not name a person, but they follow every other rule."""
    result = screen_idea(idea["tip"])
    assert result.codes <= {RuleCode.NO_OTHER_PERSON}, result.violations
