"""Parsing what people type: scales, yes/no, outcomes, control words and one-line logs."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.answers import (
    DESCRIPTION_MAX_CHARS,
    Control,
    Outcome,
    QuickLog,
    ScaleAnswer,
    is_no_guess,
    parse_anxiety,
    parse_control,
    parse_no_chance,
    parse_outcome,
    parse_quick_log,
    parse_scale,
    parse_yes_no,
)

# ─────────────────────────────────────────────────────────────────────────────
# parse_scale
# ─────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7", 7.0),
        ("like a 7?", 7.0),
        ("7/10", 7.0),
        ("7 / 10", 7.0),
        ("7 out of 10", 7.0),
        ("7 of 10", 7.0),
        ("a solid 8", 8.0),
        ("70%", 7.0),
        ("65 percent", 6.5),
        ("seven", 7.0),
        ("Seven!", 7.0),
        ("ten", 10.0),
        ("6.5", 6.5),
        ("6,5", 6.5),
        ("six and a half", 6.5),
        ("6½", 6.5),
        ("7ish", 7.0),
        ("7-ish", 7.0),
        ("maybe 3??", 3.0),
        ("10!!!", 10.0),
        ("zero", 0.0),
        ("0", 0.0),
        ("none at all", 0.0),
        ("None", 0.0),
        ("not at all", 0.0),
        ("max", 10.0),
        ("off the charts", 10.0),
        ("7️⃣", 7.0),
        ("7⃣", 7.0),
        ("🔟", 10.0),
        ("٧", 7.0),  # Arabic-Indic digit
        ("７", 7.0),  # full-width digit
        ("4/5", 8.0),
        ("10/10", 10.0),
        ("  8  ", 8.0),
        ("8\u200b", 8.0),  # zero-width space
        ("\u202bשמונה 8\u202c", 8.0),  # RTL text with bidi controls
        ("2 people, 8/10", 8.0),  # the one with a scale marker wins
        ("2 people, 8", 8.0),  # counts with a unit are not ratings
        ("at 5pm I was a 7", 7.0),
        ("it was 10:30 and I was at 8", 8.0),
        ("on 12/05/2024 I felt 6", 6.0),
        ("$5 coffee, 3", 3.0),
        ("2024 was rough, 8", 8.0),
        ("7 or so", 7.0),
        ("7... yeah 7", 7.0),  # the same number twice is one answer
    ],
)
def test_anxiety_values(text: str, expected: float) -> None:
    answer = parse_anxiety(text)
    assert answer is not None
    assert answer.value == expected
    assert answer.was_range is False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("about 6 or 7", 6.5),
        ("6-7", 6.5),
        ("6 - 7", 6.5),
        ("6–7", 6.5),  # en dash
        ("6 to 7", 6.5),
        ("between 6 and 7", 6.5),
        ("6 or maybe 7", 6.5),
        ("5-8", 6.5),
        ("1.5-2", 2.0),  # midpoint 1.75 rounds half up to 2.0
        ("6/10 or 7/10", 6.5),
        ("60-70%", 6.5),
    ],
)
def test_anxiety_ranges_store_the_midpoint(text: str, expected: float) -> None:
    answer = parse_anxiety(text)
    assert answer is not None
    assert answer.value == expected
    assert answer.was_range is True


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6.3", 6.5),  # nearest half
        ("6.2", 6.0),
        ("6.25", 6.5),  # ties go up
        ("6.75", 7.0),
        ("6.74", 6.5),
        ("9.9", 10.0),
        ("0.2", 0.0),
        ("63%", 6.5),
    ],
)
def test_anxiety_is_stored_in_half_steps(text: str, expected: float) -> None:
    answer = parse_anxiety(text)
    assert answer is not None
    assert answer.value == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("70%", 70.0),
        ("70", 70.0),
        ("70 %", 70.0),
        ("seventy percent", 70.0),
        ("seventy-five percent", 75.0),
        ("a hundred percent", 100.0),
        ("7", 70.0),  # a bare 1-10 answer is a 0-10 rating, read as tens
        ("about 6 or 7", 65.0),
        ("maybe 8", 80.0),
        ("prob like 3", 30.0),
        ("8ish", 80.0),
        ("6.5", 65.0),
        ("9 or 10", 95.0),
        ("10", 10.0),  # a lone 10 is the "10%" button, not 10/10
        ("35", 35.0),  # above 10, a bare number is a percent
        ("half", 50.0),
        ("about half", 50.0),
        ("Half the time", 50.0),
        ("0.7", 70.0),  # a bare decimal below 1 is a probability
        ("0,25", 25.0),
        ("7/10", 70.0),
        ("7 out of 10", 70.0),
        ("4/5", 80.0),
        ("62.5%", 63.0),  # whole percent, half up
        ("62.4%", 62.0),
        ("60-75%", 68.0),  # range midpoint 67.5 → 68
        ("50/50", 50.0),
        ("fifty fifty", 50.0),
        ("fifty-fifty", 50.0),
        ("coin flip", 50.0),
        ("could go either way", 50.0),
        ("likely", 70.0),
        ("very likely", 85.0),
        ("probably", 70.0),
        ("unlikely", 30.0),
        ("probably not", 30.0),
        ("very unlikely", 15.0),
        ("certain", 100.0),
        ("impossible", 0.0),
        ("none", 0.0),
        ("Very likely!", 85.0),
        ("100%", 100.0),
        ("0%", 0.0),
    ],
)
def test_chance_of_no_values(text: str, expected: float) -> None:
    answer = parse_no_chance(text)
    assert answer is not None
    assert answer.value == expected


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("11", 0, 10),  # out of range: the caller re-asks
        ("-", 0, 10),
        ("150%", 0, 100),
        ("101", 0, 100),
        ("11/10", 0, 10),
        ("10.5", 0, 10),
        ("70", 0, 10),  # no marker: 70 is not 7
        ("9-11", 0, 10),  # a range that leaves the scale
        ("3 and 8", 0, 10),  # two unrelated numbers
        ("6/10 before, 2/10 after", 0, 10),  # two marked numbers that differ
        ("7 to 3", 0, 10),  # descending is not a range
        ("7 -> 3", 0, 10),
        ("12/05", 0, 10),  # not a fraction we accept, and ambiguous
        ("6/7", 0, 10),
        ("5pm", 0, 10),  # a time, not a rating
        ("7:30", 0, 10),
        ("3rd", 0, 10),
        ("10 minutes", 0, 10),
        ("$5", 0, 10),
        ("no idea", 0, 100),
        ("not sure", 0, 100),
        ("dunno, likely?", 0, 100),
        ("I don't think it was likely", 0, 100),  # a stray negation
        ("likely", 0, 10),  # likelihood words are for the percent scale only
        ("50/50", 0, 10),
        ("no one said", 0, 10),  # "one" as a pronoun
        ("hmm", 0, 10),
        ("", 0, 10),
        ("   ", 0, 10),
        ("🙂", 0, 10),
        ("1.2.3", 0, 10),  # a version number
        ("1,000", 0, 100),
        ("it was likely fine but honestly I can't really say much more", 0, 100),
    ],
)
def test_scale_says_none_when_unsure(text: str, low: int, high: int) -> None:
    assert parse_scale(text, low, high) is None


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("like a 7?", "7"),
        ("seventy percent", "seventy percent"),
        ("I'd say 7 out of 10 honestly", "7 out of 10"),
        ("about 6 or 7", "6 or 7"),
        ("7️⃣", "7️⃣"),
        ("Very likely", "Very likely"),
    ],
)
def test_raw_is_the_span_of_the_original_message(text: str, raw: str) -> None:
    answer = parse_scale(text, 0, 100)
    assert answer is not None
    assert answer.raw == raw


def test_scale_answer_is_frozen() -> None:
    answer = ScaleAnswer(value=7.0, was_range=False, raw="7")
    with pytest.raises(AttributeError):
        answer.value = 3.0  # type: ignore[misc]


def test_empty_scale_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="empty scale"):
        parse_scale("7", 10, 10)


# ─────────────────────────────────────────────────────────────────────────────
# parse_yes_no
# ─────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "text",
    [
        "yes", "Yes!", "YES", "yeah", "yep", "yup", "yesss", "y", "Y", "sure", "of course",
        "I did", "did it", "done", "Done ✅", "👍", "✅", "✔️", "☑️", "Yes I did!", "I asked!",
        "absolutely", "went for it",
        "I asked and got a no", "I asked but they said no", "they said no", "got a no",
        "they ghosted me", "they said they'd think about it", "I asked but didn't get an answer",
        "yes 🎉", "yes, they agreed",
    ],
)  # fmt: skip
def test_yes(text: str) -> None:
    assert parse_yes_no(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "no", "No.", "NO", "nope", "nah", "n", "N", "not really", "didn't", "didnt",
        "I didn't", "I did not", "no, I didn't", "not this time", "not yet", "not today",
        "not now", "chickened out", "I chickened out", "bailed", "I bailed", "👎", "❌",
        "of course not", "I didn't ask", "never", "I'll do it tomorrow", "too scared",
        "lost my nerve", "I couldn't do it",
    ],
)  # fmt: skip
def test_no(text: str) -> None:
    assert parse_yes_no(text) is False


@pytest.mark.parametrize(
    "text",
    [
        "", "   ", "hmm", "yes and no", "yes, but not really", "sort of", "kind of",
        "maybe", "not sure", "idk", "👍👎", "🙂", "what?", "it depends",
        "no they said no",  # a "no" word and a report of an ask: unclear
    ],
)  # fmt: skip
def test_yes_no_unclear(text: str) -> None:
    assert parse_yes_no(text) is None


# ─────────────────────────────────────────────────────────────────────────────
# parse_outcome
# ─────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # No
        ("no", Outcome.NO),
        ("they said no", Outcome.NO),
        ("got a no", Outcome.NO),
        ("nope, rejected", Outcome.NO),
        ("denied", Outcome.NO),
        ("turned me down", Outcome.NO),
        ("politely declined", Outcome.NO),
        ("she refused", Outcome.NO),
        ("they gave me a no", Outcome.NO),
        ("a polite no", Outcome.NO),
        ("they didn't agree", Outcome.NO),
        ("it didn't work", Outcome.NO),
        ("not allowed", Outcome.NO),
        ("no way", Outcome.NO),
        ("of course not", Outcome.NO),
        ("they couldn't", Outcome.NO),
        ("I asked and they said no", Outcome.NO),
        ("they did not", Outcome.NO),
        ("let me think... they said no", Outcome.NO),
        ("🙅", Outcome.NO),
        ("🙅‍♀️", Outcome.NO),
        ("❌", Outcome.NO),
        ("NOPE", Outcome.NO),
        # Yes
        ("yes!", Outcome.YES),
        ("they said yes", Outcome.YES),
        ("they agreed", Outcome.YES),
        ("it worked", Outcome.YES),
        ("got it", Outcome.YES),
        ("got a yes", Outcome.YES),
        ("she let me", Outcome.YES),
        ("no problem, they said", Outcome.YES),
        ("they said sure", Outcome.YES),
        ("happily!", Outcome.YES),
        ("approved", Outcome.YES),
        ("✅", Outcome.YES),
        ("🎉", Outcome.YES),
        ("they said yes 🎉", Outcome.YES),
        ("asked for coffee instead of tea, they said yes", Outcome.YES),
        # No answer
        ("no reply", Outcome.NO_ANSWER),
        ("no answer", Outcome.NO_ANSWER),
        ("ghosted", Outcome.NO_ANSWER),
        ("got ghosted lol", Outcome.NO_ANSWER),
        ("didn't hear back", Outcome.NO_ANSWER),
        ("haven't heard back yet", Outcome.NO_ANSWER),
        ("they ignored me", Outcome.NO_ANSWER),
        ("still waiting", Outcome.NO_ANSWER),
        ("left on read", Outcome.NO_ANSWER),
        ("no one answered", Outcome.NO_ANSWER),
        ("they never replied", Outcome.NO_ANSWER),
        ("they didn't reply", Outcome.NO_ANSWER),
        ("they ignored me, so no", Outcome.NO_ANSWER),
        # Partial
        ("sort of", Outcome.PARTIAL),
        ("kinda", Outcome.PARTIAL),
        ("maybe later", Outcome.PARTIAL),
        ("they said they'd ask their boss", Outcome.PARTIAL),
        ("half yes", Outcome.PARTIAL),
        ("they'll think about it", Outcome.PARTIAL),
        ("they made a counter offer", Outcome.PARTIAL),
        ("no, but maybe later", Outcome.PARTIAL),
        ("said no at first, then agreed", Outcome.PARTIAL),
        ("not today", Outcome.PARTIAL),
        # Didn't ask
        ("I didn't ask", Outcome.DIDNT_ASK),
        ("didnt ask", Outcome.DIDNT_ASK),
        ("bailed", Outcome.DIDNT_ASK),
        ("chickened out", Outcome.DIDNT_ASK),
        ("I couldn't do it", Outcome.DIDNT_ASK),
        ("lost my nerve", Outcome.DIDNT_ASK),
        ("too nervous tbh", Outcome.DIDNT_ASK),
        ("No. I chickened out", Outcome.DIDNT_ASK),
    ],
)
def test_outcome(text: str, expected: Outcome) -> None:
    assert parse_outcome(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        "", "hmm", "asked", "👍", "👎", "🙂", "yes no", "not yet", "it was fine",
        "I felt 7 before", "what do you mean?", "ghosted, but they also said yes",
    ],
)  # fmt: skip
def test_outcome_unclear(text: str) -> None:
    assert parse_outcome(text) is None


def test_outcome_values_are_stable_strings() -> None:
    # Stored in the database: renaming a value needs a migration.
    assert [o.value for o in Outcome] == ["no", "yes", "no_answer", "partial", "didnt_ask"]
    assert [c.value for c in Control] == ["skip", "cancel", "undo"]


# ─────────────────────────────────────────────────────────────────────────────
# parse_control
# ─────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("skip", Control.SKIP),
        ("Skip.", Control.SKIP),
        ("pass", Control.SKIP),
        ("next", Control.SKIP),
        ("skip it", Control.SKIP),
        ("rather not say", Control.SKIP),
        ("I'd rather not say", Control.SKIP),
        ("please skip", Control.SKIP),
        ("skip for now", Control.SKIP),
        ("next question please", Control.SKIP),
        ("⏭", Control.SKIP),
        ("⏭️", Control.SKIP),
        ("/skip", Control.SKIP),
        ("cancel", Control.CANCEL),
        ("CANCEL!!!", Control.CANCEL),
        ("stop", Control.CANCEL),
        ("stop it", Control.CANCEL),
        ("never mind", Control.CANCEL),
        ("nevermind", Control.CANCEL),
        ("nvm", Control.CANCEL),
        ("quit", Control.CANCEL),
        ("exit", Control.CANCEL),
        ("/cancel", Control.CANCEL),
        ("/cancel@RejectionCoachBot", Control.CANCEL),
        ("ok just cancel please", Control.CANCEL),
        ("undo", Control.UNDO),
        ("oops", Control.UNDO),
        ("Oops!", Control.UNDO),
        ("go back", Control.UNDO),
        ("oops, go back", Control.UNDO),
        ("wrong button", Control.UNDO),
        ("↩️", Control.UNDO),
    ],
)
def test_control(text: str, expected: Control) -> None:
    assert parse_control(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        "I want to stop being anxious",
        "stop being so hard on myself",
        "cancel my subscription",
        "I passed the test",
        "next time I'll ask",
        "skipping lunch was a mistake",
        "no",
        "7",
        "",
        "please",
        "go back to the shop tomorrow",
        "❌",  # that is a "no" answer, not a cancel
        "skip " * 100,
    ],
)
def test_not_control(text: str) -> None:
    assert parse_control(text) is None


# ─────────────────────────────────────────────────────────────────────────────
# parse_quick_log
# ─────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "asked for a discount, got a no, 7 -> 3",
            QuickLog("asked for a discount", Outcome.NO, 7.0, 3.0),
        ),
        (
            "asked a stranger for a high five - no - 8→2",
            QuickLog("asked a stranger for a high five", Outcome.NO, 8.0, 2.0),
        ),
        (
            "asked my boss for a raise: yes! anxiety 9 then 4",
            QuickLog("asked my boss for a raise", Outcome.YES, 9.0, 4.0),
        ),
        (
            "Asked to pet a dog. They said yes. 6/10 before, 2/10 after",
            QuickLog("Asked to pet a dog", Outcome.YES, 6.0, 2.0),
        ),
        ("got a no, 7→3", QuickLog(None, Outcome.NO, 7.0, 3.0)),
        ("no 8>2", QuickLog(None, Outcome.NO, 8.0, 2.0)),
        (
            "ASKED FOR A DISCOUNT, GOT A NO, 7 -> 3",
            QuickLog("ASKED FOR A DISCOUNT", Outcome.NO, 7.0, 3.0),
        ),
        (
            # the "yes" inside the question is not the outcome
            "asked if they'd say yes to a selfie, got a no, 8 => 3",
            QuickLog("asked if they'd say yes to a selfie", Outcome.NO, 8.0, 3.0),
        ),
        (
            "asked for a discount and got a no 7->3",
            QuickLog("asked for a discount", Outcome.NO, 7.0, 3.0),
        ),
        (
            "asked for a discount and they said no 7 ➡️ 3",
            QuickLog("asked for a discount", Outcome.NO, 7.0, 3.0),
        ),
        (
            "asked for a discount 🙅 7→3",
            QuickLog("asked for a discount", Outcome.NO, 7.0, 3.0),
        ),
        (
            "asked at the bakery for a free cookie\nthey said no\n7 -> 2",
            QuickLog("asked at the bakery for a free cookie", Outcome.NO, 7.0, 2.0),
        ),
        (
            "coffee discount — nope — 9→5",
            QuickLog("coffee discount", Outcome.NO, 9.0, 5.0),
        ),
        (
            "asked for a table by the window: ghosted lol 6 → 6",
            QuickLog("asked for a table by the window", Outcome.NO_ANSWER, 6.0, 6.0),
        ),
        ("chickened out, 8 -> 9", QuickLog(None, Outcome.DIDNT_ASK, 8.0, 9.0)),
        (
            "asked my neighbour to water plants, yes, before 7 after 3",
            QuickLog("asked my neighbour to water plants", Outcome.YES, 7.0, 3.0),
        ),
        (
            "asked to borrow a pen, said yes, anxiety went from 6 to 2",
            QuickLog("asked to borrow a pen", Outcome.YES, 6.0, 2.0),
        ),
        (
            "asked for a raise, they said yes, 6.5→2,5",
            QuickLog("asked for a raise", Outcome.YES, 6.5, 2.5),
        ),
        ("no, 70% → 20%", QuickLog(None, Outcome.NO, 7.0, 2.0)),
        ("they agreed!!! 🎉 8/10 → 3/10", QuickLog(None, Outcome.YES, 8.0, 3.0)),
        (
            "asked the barista to sing, she laughed and said no, 9→4. proud of myself",
            QuickLog("asked the barista to sing", Outcome.NO, 9.0, 4.0),
        ),
        (
            "got a no 7→3, asking for a discount",
            QuickLog("asking for a discount", Outcome.NO, 7.0, 3.0),
        ),
        (
            "asked for 2 to 3 minutes of their time, they said yes, 8→4",
            QuickLog("asked for 2 to 3 minutes of their time", Outcome.YES, 8.0, 4.0),
        ),
        (
            "asked for a refund, said maybe later, 6.3 -> 2.2",
            QuickLog("asked for a refund", Outcome.PARTIAL, 6.5, 2.0),
        ),
        (
            "  Asked   a  stranger for directions ,   they said YES ,  5  -->  1  ",
            QuickLog("Asked a stranger for directions", Outcome.YES, 5.0, 1.0),
        ),
    ],
)
def test_quick_log(text: str, expected: QuickLog) -> None:
    assert parse_quick_log(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "no",
        "got a no",
        "7 -> 3",
        "7/10",
        "I felt 7 before and it was fine",
        "went from 7 to 3 after talking to my therapist",
        "I was at 8 before asking, then they said no",  # only one number
        "asked for a discount, 7 -> 3",  # no outcome
        "asked something, no, 15 -> 3",  # out of range
        "asked for a discount, got a no, 7 -> 3 and 2 -> 1",  # two pairs
        "yes",
        "",
        "→",
        "🙅 → 🎉",
    ],
)
def test_not_a_quick_log(text: str) -> None:
    assert parse_quick_log(text) is None


def test_quick_log_description_is_capped() -> None:
    text = "asked " + "for a very long thing " * 40 + ", got a no, 7 -> 3"
    log = parse_quick_log(text)
    assert log is not None
    assert log.description is not None
    assert len(log.description) <= DESCRIPTION_MAX_CHARS
    assert log.description.endswith("…")


# ─────────────────────────────────────────────────────────────────────────────
# Properties: total, bounded, on the grid
# ─────────────────────────────────────────────────────────────────────────────

_SCALES = st.sampled_from([(0, 10), (0, 100), (1, 5), (0, 20)])
# Text that is likely to contain numbers, markers, ranges and outcome words.
_ANSWERISH = st.lists(
    st.sampled_from(
        [
            "7", "10", "0", "6.5", "6,5", "0.7", "70", "150", "/", "/10", "%", " ", "-", "to",
            "or", "out of", "ten", "seven", "and a half", "between", "ish", "→", "->", ":",
            "no", "yes", "got a", "asked", "before", "after", "then", "7️⃣", "🔟", "½", "\u200d",
            "likely", "none", "pm", "people", ",", ".", "!", "\n", "٣",
        ]
    ),
    max_size=30,
).map("".join)  # fmt: skip
_ANY_TEXT = st.one_of(
    st.text(), _ANSWERISH, st.text(min_size=1, max_size=40).map(lambda s: s * 200)
)


def _on_grid(value: float, low: int, high: int) -> bool:
    step = 0.5 if high - low <= 10 else 1.0
    return (value / step).is_integer()


@given(text=_ANY_TEXT, scale=_SCALES)
@settings(max_examples=300)
def test_parse_scale_is_total_bounded_and_on_the_grid(text: str, scale: tuple[int, int]) -> None:
    low, high = scale
    answer = parse_scale(text, low, high)
    if answer is not None:
        assert low <= answer.value <= high
        assert _on_grid(answer.value, low, high)
        assert isinstance(answer.raw, str)


@given(text=_ANY_TEXT)
@settings(max_examples=200)
def test_other_parsers_are_total(text: str) -> None:
    assert parse_yes_no(text) in (True, False, None)
    assert parse_outcome(text) in (*Outcome, None)
    assert parse_control(text) in (*Control, None)
    log = parse_quick_log(text)
    if log is not None:
        for value in (log.anxiety_before, log.anxiety_after):
            assert value is not None
            assert 0 <= value <= 10
            assert _on_grid(value, 0, 10)
        assert log.description is None or 0 < len(log.description) <= DESCRIPTION_MAX_CHARS


@pytest.mark.parametrize(
    "text",
    [
        "7 " * 5000,
        "a" * 100_000,
        "asked for a discount, got a no, 7 -> 3 " * 500,
        "i finally " * 1000,  # a pattern that would backtrack badly without care
        "\u200d" * 10_000,
        "🙅" * 5000,
        "1" * 5000 + " and a half",
        " " * 5000 + "7",
        "\x00\x01\x02" * 2000,
    ],
)
def test_huge_messages_are_fast(text: str) -> None:
    started = time.perf_counter()
    parse_scale(text, 0, 10)
    parse_scale(text, 0, 100)
    parse_yes_no(text)
    parse_outcome(text)
    parse_control(text)
    parse_quick_log(text)
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize(
    "text", ["no idea", "No idea tbh", "not sure", "dunno", "idk", "🤷 no clue"]
)
def test_no_guess_is_understood_as_no_guess(text: str) -> None:
    assert is_no_guess(text)
    assert parse_no_chance(text) is None


@pytest.mark.parametrize(
    "text",
    ["no idea, maybe 6", "7", "", "likely", "no idea really how folks react to this sort of ask"],
)
def test_a_number_or_a_long_line_is_not_a_no_guess(text: str) -> None:
    assert not is_no_guess(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An explicit outcome word beats a hedge about something else in the line.
        ("she said no … maybe 4 after", Outcome.NO),
        ("got turned down, kinda expected it", Outcome.NO),
        ("they said yes, I was sort of shocked", Outcome.YES),
        ("maybe a 6 before, but he agreed", Outcome.YES),
        ("possibly my best one: ghosted", Outcome.NO_ANSWER),
        # A hedge that bends the outcome phrase itself, or stands alone, is in between.
        ("she kind of agreed", Outcome.PARTIAL),
        ("he sort of said yes", Outcome.PARTIAL),
        ("maybe", Outcome.PARTIAL),
        ("kinda", Outcome.PARTIAL),
        ("said no, maybe next week", Outcome.PARTIAL),
    ],
)
def test_explicit_outcome_beats_a_stray_hedge(text: str, expected: Outcome) -> None:
    assert parse_outcome(text) is expected
