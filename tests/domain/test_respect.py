"""Respect rules: ideas that must be held back, ideas that must pass, and the rule data."""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain import respect
from bot.domain.respect import (
    MAX_IDEA_LENGTH,
    PEOPLE_VOCABULARY,
    RULES,
    RULES_BY_CODE,
    RuleCode,
    ScreenResult,
    Violation,
    involves_another_person,
    screen_idea,
)
from bot.services import own_ideas

# (idea, a rule code it must break)
MUST_FAIL: list[tuple[str, RuleCode]] = [
    # deception
    ("Tell a cashier it's your birthday even though it isn't", RuleCode.DECEPTION),
    ("Tell the barista it’s your birthday and ask for a candle", RuleCode.DECEPTION),
    ("Pretend to be a tourist and ask someone for directions", RuleCode.DECEPTION),
    ("PRETEND you're lost and ask a stranger for help", RuleCode.DECEPTION),
    ("Lie to a shop assistant about why you're returning something", RuleCode.DECEPTION),
    ("Tell a white lie to a barista to get a free coffee", RuleCode.DECEPTION),
    ("Offer a made-up service to a business", RuleCode.DECEPTION),
    ("Wear a fake name badge and ask the manager for a discount", RuleCode.DECEPTION),
    ("Play a prank on a colleague", RuleCode.DECEPTION),
    ("Trick a waiter into giving you a free dessert", RuleCode.DECEPTION),
    ("Pose as a journalist and ask a manager for an interview", RuleCode.DECEPTION),
    ("Claim to be a regular and ask the café for the usual discount", RuleCode.DECEPTION),
    ("Secretly swap a stranger's coffee order", RuleCode.DECEPTION),
    ("Ask a friend to cover for you without your boss knowing", RuleCode.DECEPTION),
    # pressure
    ("Keep asking until they say yes", RuleCode.PRESSURE),
    ("Don't take no for an answer when you ask for a discount", RuleCode.PRESSURE),
    ("Don’t take no for an answer", RuleCode.PRESSURE),
    ("Insist that the manager gives you a refund", RuleCode.PRESSURE),
    ("Ask a stranger for a high five and keep pestering them", RuleCode.PRESSURE),
    ("Ask the shop again after they say no", RuleCode.PRESSURE),
    ("If they say no, ask them again more loudly", RuleCode.PRESSURE),
    ("Refuse to leave the shop until the owner agrees", RuleCode.PRESSURE),
    ("Guilt-trip a friend into lending you their car", RuleCode.PRESSURE),
    ("Demand to see the manager", RuleCode.PRESSURE),
    ("Beg a stranger to dance with you", RuleCode.PRESSURE),
    # money from strangers
    ("Ask a stranger to lend you £20", RuleCode.MONEY_FROM_STRANGERS),
    ("Borrow five grand from your roommate", RuleCode.MONEY_FROM_STRANGERS),
    ("Ask your roommate if you can borrow five grand", RuleCode.MONEY_FROM_STRANGERS),
    ("Ask a passer-by for some spare change", RuleCode.MONEY_FROM_STRANGERS),
    ("Ask a stranger to buy you a coffee", RuleCode.MONEY_FROM_STRANGERS),
    ("Ask someone on the street to pay for your bus fare", RuleCode.MONEY_FROM_STRANGERS),
    ("Ask a neighbour to give you $50", RuleCode.MONEY_FROM_STRANGERS),
    ("Ask a stranger for money for the bus", RuleCode.MONEY_FROM_STRANGERS),
    ("Ask a stranger to lend you 10 euros", RuleCode.MONEY_FROM_STRANGERS),
    # costly
    ("Ask a stranger to give you their bike", RuleCode.COSTLY),
    ("Ask a stranger to do your shopping for you", RuleCode.COSTLY),
    ("Ask a passer-by to help you move house all day", RuleCode.COSTLY),
    # filming
    ("Film a stranger's reaction when you ask for a hug", RuleCode.FILMING),
    ("Secretly record a conversation with a shop assistant", RuleCode.FILMING),
    ("Take a selfie with a stranger without asking", RuleCode.FILMING),
    ("Take a photo of a stranger on the bus", RuleCode.FILMING),
    ("Photograph people in a café for your portfolio", RuleCode.FILMING),
    ("Record strangers' answers and post them online", RuleCode.FILMING),
    ("Post a video of the cashier online", RuleCode.FILMING),
    ("Livestream yourself asking strangers for hugs", RuleCode.FILMING),
    ("Set up a hidden camera and ask people for directions", RuleCode.FILMING),
    # embarrass
    ("Make fun of a stranger's outfit", RuleCode.EMBARRASS),
    ("Heckle a busker until they stop", RuleCode.EMBARRASS),
    ("Rate a stranger's looks out of ten", RuleCode.EMBARRASS),
    ("Embarrass the waiter by singing loudly at him", RuleCode.EMBARRASS),
    ("Laugh at someone who trips and ask if they're OK", RuleCode.EMBARRASS),
    # intrusive
    ("Follow someone home to see where they live", RuleCode.INTRUSIVE),
    ("Touch a stranger's hair and ask what products they use", RuleCode.INTRUSIVE),
    ("Hug a stranger without asking", RuleCode.INTRUSIVE),
    ("Ask a stranger for their home address", RuleCode.INTRUSIVE),
    ("Ask a stranger how much they earn", RuleCode.INTRUSIVE),
    # staff rules
    ("Ask a cashier to break the rules and give you their staff discount", RuleCode.STAFF_RULES),
    ("Ask the bartender to serve you alcohol after closing", RuleCode.STAFF_RULES),
    ("Ask a waiter to ignore the policy for you", RuleCode.STAFF_RULES),
    ("Ask a bouncer to sneak you in for free", RuleCode.STAFF_RULES),
    ("Ask the café to keep the place open late just for you", RuleCode.STAFF_RULES),
    # unsafe
    ("Get drunk and ask strangers to dance", RuleCode.UNSAFE),
    ("Ask a stranger for a lift home", RuleCode.UNSAFE),
    ("Hitchhike to the next town and chat to the driver", RuleCode.UNSAFE),
    ("Dance in the road and ask drivers to honk", RuleCode.UNSAFE),
    ("Climb onto a statue and ask people to cheer", RuleCode.UNSAFE),
    ("Ask to visit a stranger's house for dinner", RuleCode.UNSAFE),
    # illegal
    ("Sneak into the staff room", RuleCode.ILLEGAL),
    ("Steal a menu from a restaurant and ask the waiter to sign it", RuleCode.ILLEGAL),
    ("Climb over the fence into the gardens after closing", RuleCode.ILLEGAL),
    ("Get on the train without a ticket and ask the conductor to let it slide", RuleCode.ILLEGAL),
    ("Jump the ticket barrier and wave at the guard", RuleCode.ILLEGAL),
    ("Trespass in a neighbour's garden", RuleCode.ILLEGAL),
    ("Offer a bouncer a bribe to let you in", RuleCode.ILLEGAL),
    ("Ask a friend to let you drive their car without a licence", RuleCode.ILLEGAL),
    # sexual
    ("Ask a stranger for a kiss", RuleCode.SEXUAL),
    ("Ask someone you met online for nudes", RuleCode.SEXUAL),
    ("Ask a stranger to take their clothes off", RuleCode.SEXUAL),
    ("Ask the barista if they'd go to a strip club with you", RuleCode.SEXUAL),
    # minors
    ("Ask a child for directions", RuleCode.MINORS),
    ("Ask a teenager to teach you a dance", RuleCode.MINORS),
    ("Ask parents at the playground if you can hold their baby", RuleCode.MINORS),
    ("Ask the kids next door to play football with you", RuleCode.MINORS),
    # no other person
    ("Sit alone in a park for an hour", RuleCode.NO_OTHER_PERSON),
    ("Go for a run", RuleCode.NO_OTHER_PERSON),
    ("Write down three fears in your journal", RuleCode.NO_OTHER_PERSON),
    ("Ask yourself what you're afraid of", RuleCode.NO_OTHER_PERSON),
    ("Put your phone away for an evening", RuleCode.NO_OTHER_PERSON),
    ("Take a cold shower", RuleCode.NO_OTHER_PERSON),
    # length
    ("", RuleCode.LENGTH),
    ("   ", RuleCode.LENGTH),
    ("\n\t ", RuleCode.LENGTH),
    ("Ask a friend for a recommendation. " + "Really. " * 40, RuleCode.LENGTH),
]

MUST_PASS: list[str] = [
    # the article's ideas, in plain words
    "Ask to pet a stranger's dog",
    "Ask someone at the gym if you can borrow their phone charger",
    "Ask a bookshop if you can leave an encouraging note in a book",
    "Ask a stranger at the gym to show you how to use the rowing machine",
    "Pitch your freelance services to three companies",
    "Ask a stranger for a high five",
    "Ask a barista if the café could start stocking decaf",
    "Cold-email a professional you admire and ask them for coffee",
    "Ask a friend if you can practise driving their car",
    "Ask the security guards if you can walk their guard dog",
    "Try to return something to a shop outside the return window",
    "Ask a coffee shop to name a drink after you",
    "Apply for your dream job, even if you're underqualified",
    "Ask a stranger at the gym if they'd like to work out with you",
    "Ask to shadow someone at their job",
    "Call your insurance company and ask them to lower your premium",
    "Ask a shop if you can make an announcement",
    "Compliment a stranger and ask for a selfie",
    "Walk into a fancy hotel and ask to use their bathroom",
    "Offer a local business honest help with a skill you really have",
    # from the brief
    "Ask your insurer for a lower premium",
    "Compliment a stranger and ask if they'd like to take a selfie with you",
    "Ask for a discount at a market stall",
    # exceptions that must hold
    "Ask your broadband provider whether they could save you some money",
    "Ask a stranger to take a photo of you by the fountain",
    "Ask a tourist whether they'd like you to take a photo of their group",
    "Ask a magician at the market to show you a card trick",
    "Ask a friend to run a mock interview with you",
    "Ask a neighbour whether you can pat her dog",
    "Ask a barista, even though it isn't busy yet, for a latte-art lesson",
    "Ask a colleague how they cope with working under pressure",
    "Ask a friend to help you pressure-wash the patio",
    "Ask a musician whether you can follow them on Instagram",
    "Ask someone at the climbing wall for a beginner tip",
    "Ask a librarian for a children's book recommendation for your niece",
    "Ask the restaurant whether they have a kid-friendly table for your own kids",
    "Ask a stallholder for a bag of baby spinach",
    "Ask your manager whether you could do your job from home on Fridays",
    "Ask a bookshop about leaving a note, and don't insist if they say no",
    "Ask a stranger, without pressuring them, whether they'd like a compliment",
    "Ask a baker whether you could have a sneak peek at the kitchen",
    "Ask a mentor how to break into the industry",
    "Ask a neighbour if you can help weed their garden",
    "Give a busker a few coins and ask what the song was called",
    "Shake hands with someone new at a meetup and introduce yourself",
    "Ask a yoga teacher whether you could lie down on the mat a bit longer",
    "Ask a shop to break a £20 note for the parking meter",
    "Ask a stranger for a high five, and if they say no, smile and move on",
    "If the manager is out, ask again after the weekend",
    "If they say no, ask someone else another day",
    "Ask for a sports bra fitting at the shop",
    "Invite a neighbour round for tea",
    "Ask a friend to teach you a skateboard trick",
    "Ask a shop whether there is any money-back guarantee",
]


@pytest.mark.parametrize(("text", "code"), MUST_FAIL)
def test_idea_is_held_back_for_the_right_rule(text: str, code: RuleCode) -> None:
    result = screen_idea(text)
    assert not result.ok
    assert code in result.codes, result.violations


@pytest.mark.parametrize("text", MUST_PASS)
def test_respectful_idea_passes(text: str) -> None:
    result = screen_idea(text)
    assert result.ok, result.violations
    assert result.violations == ()


def test_violation_names_the_matched_phrase() -> None:
    result = screen_idea("Ask a stranger to lend you £20")
    assert Violation(RuleCode.MONEY_FROM_STRANGERS, "lend you £20") in result.violations


def test_matched_phrase_keeps_the_original_case() -> None:
    result = screen_idea("PRETEND to be a tourist and ask a local for directions")
    assert [v.matched for v in result.violations] == ["PRETEND"]


def test_overlapping_matches_of_one_rule_are_reported_once() -> None:
    result = screen_idea("Film a stranger's reaction when you ask for a hug")
    filming = [v for v in result.violations if v.code is RuleCode.FILMING]
    assert len(filming) == 1
    assert filming[0].matched.lower().startswith("film a stranger")


def test_every_problem_is_reported_at_once() -> None:
    result = screen_idea("Secretly film a stranger and keep asking until they say yes")
    assert {RuleCode.DECEPTION, RuleCode.FILMING, RuleCode.PRESSURE} <= result.codes


def test_whole_text_rules_have_an_empty_phrase() -> None:
    assert screen_idea("Go for a run").violations == (Violation(RuleCode.NO_OTHER_PERSON, ""),)
    assert screen_idea("").violations == (Violation(RuleCode.LENGTH, ""),)


def test_length_limit_is_inclusive() -> None:
    base = "Ask a friend for a song recommendation."
    at_limit = base + " " * (MAX_IDEA_LENGTH - len(base) - 1) + "x"
    assert len(at_limit) == MAX_IDEA_LENGTH
    assert screen_idea(at_limit).ok
    assert screen_idea(at_limit + "x").codes == {RuleCode.LENGTH}


def test_surrounding_whitespace_does_not_count_towards_the_length() -> None:
    text = "Ask a barista for their favourite drink."
    assert screen_idea("   " + text.ljust(MAX_IDEA_LENGTH, ".") + "\n\n").ok


def test_results_are_frozen() -> None:
    result = screen_idea("Ask a librarian for a book recommendation")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.ok = False  # type: ignore[misc]
    assert isinstance(result, ScreenResult)


@pytest.mark.parametrize(
    "text",
    [
        "Ask a barista for a recommendation",
        "Call your insurer about your premium",
        "Email a recruiter about the role",
        "Message an old friend",
        "Invite your neighbour for tea",
        "Haggle at the market",
        "Pitch your idea to three companies",
        "Apply for your dream job",
        "Say hello to the person next to you",
        "Talk to someone new at the meetup",
        "Ask for directions",
    ],
)
def test_involves_another_person(text: str) -> None:
    assert involves_another_person(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sit alone in a park for an hour",
        "Ask yourself what scares you most",
        "Put your phone away for the evening",
        "Go for a run by the river bank",
        "Write a gratitude list",
        "Sit at your desk and breathe slowly",
        "Eat a chocolate bar in the sunshine",
        "",
    ],
)
def test_does_not_involve_another_person(text: str) -> None:
    assert not involves_another_person(text)


# --- the rules as data ---------------------------------------------------------------------


def test_rule_codes_are_unique_and_all_documented() -> None:
    codes = [rule.code for rule in RULES]
    assert len(codes) == len(set(codes))
    assert set(RULES_BY_CODE) == set(RuleCode)
    for code, rule in RULES_BY_CODE.items():
        assert rule.code is code
        assert rule.description.strip()
        assert "\n" not in rule.description


def test_codes_named_in_the_brief_exist() -> None:
    expected = {
        "deception",
        "money_from_strangers",
        "filming",
        "pressure",
        "unsafe",
        "illegal",
        "sexual",
        "minors",
        "no_other_person",
        "length",
    }
    assert expected <= {code.value for code in RuleCode}


def test_patterns_compile_and_pattern_rules_have_patterns() -> None:
    for rule in RULES:
        assert rule.patterns, rule.code
        for source in (*rule.patterns, *rule.exceptions):
            re.compile(source, re.IGNORECASE)


def test_every_pattern_rule_has_a_failing_example() -> None:
    covered = {code for _, code in MUST_FAIL}
    assert set(RuleCode) <= covered


def test_people_vocabulary_is_lower_case_and_unique() -> None:
    assert len(PEOPLE_VOCABULARY) == len(set(PEOPLE_VOCABULARY))
    assert all(word == word.strip().lower() and word for word in PEOPLE_VOCABULARY)
    assert {"stranger", "barista", "friend", "neighbour", "staff", "shop", "café"} <= set(
        PEOPLE_VOCABULARY
    )


def test_module_stays_pure() -> None:
    """Domain code: standard library only (no telegram, no sqlalchemy)."""
    tree = ast.parse(Path(respect.__file__).read_text(encoding="utf-8"))
    imported: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif (
            isinstance(node, ast.ImportFrom)
            and node.module
            and not node.module.startswith("bot.domain.")  # other pure domain code is fine
        ):
            imported.add(node.module.split(".")[0])
    assert imported <= {"__future__", "collections", "dataclasses", "enum", "re", "types"} | {
        "unicodedata"
    }


# --- properties ----------------------------------------------------------------------------


@given(st.text(max_size=600))
def test_screening_never_raises_and_is_consistent(text: str) -> None:
    result = screen_idea(text)
    assert result.ok == (not result.violations)
    assert all(
        isinstance(v.code, RuleCode) and isinstance(v.matched, str) for v in result.violations
    )
    assert screen_idea(text) == result


@given(st.text(max_size=200), st.sampled_from([" ", "\n", "\t", "  \n "]))
def test_surrounding_whitespace_never_changes_the_result(text: str, pad: str) -> None:
    assert screen_idea(pad + text + pad) == screen_idea(text)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_a_friendly_prefix_never_breaks_screening(text: str) -> None:
    result = screen_idea("Ask a friend: " + text)
    if len(("Ask a friend: " + text).strip()) <= MAX_IDEA_LENGTH:
        assert RuleCode.LENGTH not in result.codes
    assert RuleCode.NO_OTHER_PERSON not in result.codes


# --- one rule set for the catalog and /add, measured on a table (issue 15, item 7) ---------
# Every phrasing goes through `personal.screen` (what /add and the dashboard use) and
# `screen_idea` (what the catalog is checked with): the same answer either way.

ADD_MUST_REFUSE: tuple[str, ...] = (
    # deception, however it is worded
    "Tell the barista it's your birthday even though it isn't",
    "Say it's my birthday to get a free dessert",
    "Pretend it's your anniversary and ask for a free upgrade",
    "Say you're a journalist and ask to interview the manager",
    "Claim you're a student to get the discount",
    "Act like you work there and ask customers to help you",
    "Tell the waiter you're celebrating a promotion you never got",
    "Say you have a family emergency so someone lets you skip the queue",
    "Make up a story about losing your wallet and ask a stranger for bus fare",
    "Pose as a delivery driver and ask to use the staff toilet",
    "Invent a fake occasion and ask the restaurant for a free cake",
    "Pretend to be a tourist who speaks no English and ask for a discount",
    "Lie about your age to get the senior discount",
    "Tell the hotel you're on your honeymoon even though you're not",
    "Impersonate a manager and ask staff for a break",
    "Say you're a doctor to skip the line",
    "Use a fake name and job title when asking for a meeting",
    # money from strangers
    "Ask a stranger for 5 euros",
    "Ask strangers on the street for money for a coffee",
    "Ask someone on the train to lend you $20",
    "Ask a passer-by to give you some change",
    "Beg a stranger for money",
    # filming people
    "Film a stranger's reaction when you ask for a hug",
    "Record people's faces when you ask them for directions",
    "Secretly record the cashier while you ask for a discount",
    "Take a video of strangers saying no and post it",
    # pressure
    "Keep asking the shop assistant until they say yes",
    "Don't take no for an answer when asking for a discount",
    "Ask the same stranger three times even after they refuse",
    "Follow someone down the street until they agree to chat",
    "Guilt-trip the waiter into giving you a free drink",
)
ADD_MUST_ACCEPT: tuple[str, ...] = (
    "Ask a stranger for the time",
    "Ask the barista for an extra shot for free",
    "Ask a shop for a discount on a slightly damaged item",
    "Ask the shop for $5 off the scuffed lamp",
    "Ask a stranger to take a photo of you with your phone",
    "Ask for a table by the window",
    "Ask a coworker to lunch",
    "Ask your boss for feedback on your last project",
    "Ask a neighbour to borrow a ladder",
    "Ask the gym staff for a free trial session",
    "Ask a restaurant if they can make a dish off the menu",
    "Ask a stranger for a restaurant recommendation",
    "Ask for a refund on a coffee you didn't enjoy",
    "Ask a friend to help you move on Saturday",
    "Ask the librarian to recommend a book",
    "On your real birthday, ask the café to sing for you",
    "Tell the barista you're a bit nervous and ask how their day is going",
    "Ask a stranger for directions to the station",
    "Ask the hotel for a late checkout",
    "Ask a colleague to swap desks for a day",
    "Ask a stranger for a high five",
    "Ask a busker if you can play one song with them",
    "Ask a shop to hold an item until tomorrow",
    "Ask your landlord to repaint the hallway",
    "Ask a stranger if they'd like to share a table",
    "Ask a friend to be honest about your cooking",
    "Ask a local shop if they'd put up your poster for a community event",
    "Ask someone at the dog park if you can pet their dog",
    "Ask your manager for a raise",
    "Ask a stranger what book they're reading",
    "Ask the cinema if you can keep the poster when they take it down",
    "Ask a musician whether you can follow them on Instagram",
)


def test_the_add_table_is_big_enough() -> None:
    assert len(ADD_MUST_REFUSE) >= 30 and len(ADD_MUST_ACCEPT) >= 30


@pytest.mark.parametrize("text", ADD_MUST_REFUSE)
def test_add_refuses_what_the_catalog_would_refuse(text: str) -> None:
    assert not own_ideas.screen(text).ok
    assert not screen_idea(text).ok
    assert own_ideas.screen(text).problems  # so the reply can say why, kindly


@pytest.mark.parametrize("text", ADD_MUST_ACCEPT)
def test_add_accepts_respectful_ideas(text: str) -> None:
    assert own_ideas.screen(text).ok, screen_idea(text).violations
    assert screen_idea(text).ok
