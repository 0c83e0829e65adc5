"""The logging conversation's table (bot.domain.flows.log): its order and how answers are read."""

from __future__ import annotations

import pytest

from bot.domain.answers import Outcome
from bot.domain.flows.log import (
    Progress,
    Step,
    next_after_ask,
    next_before_ask,
    read_button,
    read_typed,
)


def progress(**values: object) -> Progress:
    fields: dict[str, object] = {
        "outcome": None,
        "predicted": None,
        "anxiety_before": None,
        "anxiety_after": None,
        "lesson": None,
    }
    fields.update(values)
    return Progress(**fields)  # type: ignore[arg-type]


def test_before_ask_order_and_skips() -> None:
    assert next_before_ask(progress()) is Step.PREDICT
    assert next_before_ask(progress(predicted=60)) is Step.ANXIETY_NOW
    assert next_before_ask(progress(skipped={"predicted_no_pct"})) is Step.ANXIETY_NOW
    assert next_before_ask(progress(predicted=60, anxiety_before=5.0)) is Step.ASKED


def test_after_ask_skips_what_was_given_before() -> None:
    assert next_after_ask(progress()) is Step.OUTCOME
    assert next_after_ask(progress(outcome="no")) is Step.PREDICTED
    given_before = progress(outcome="no", predicted=80, anxiety_before=7.0)
    assert next_after_ask(given_before) is Step.ANXIETY_AFTER
    assert next_after_ask(progress(outcome="didnt_ask")) is None
    done = progress(outcome="yes", predicted=1, anxiety_before=1.0, anxiety_after=0.0, lesson="x")
    assert next_after_ask(done) is None
    skipped = progress(outcome="yes", skipped={"predicted_no_pct", "anxiety_before", "lesson"})
    assert next_after_ask(skipped) is Step.ANXIETY_AFTER


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("yes", True),
        ("yes I did", True),
        ("yep!", True),
        ("I asked", True),
        ("no", Outcome.DIDNT_ASK),
        ("nope", Outcome.DIDNT_ASK),
        ("not this time", Outcome.DIDNT_ASK),
        ("I chickened out", Outcome.DIDNT_ASK),
        ("they said no", Outcome.NO),
        ("got a no 🙅", Outcome.NO),
        ("she said yes!!", Outcome.YES),
        ("got ghosted", Outcome.NO_ANSWER),
        ("banana", None),
    ],
)
def test_did_you_ask(typed: str, expected: object) -> None:
    answer = read_typed(Step.ASKED, typed)
    assert (answer.value if answer else None) == expected


def test_buttons_only_accept_our_own_codes() -> None:
    percent, scale = Step.PREDICT, Step.ANXIETY_AFTER
    assert read_button(percent, "70") is not None
    assert read_button(percent, "71") is None  # no such button
    assert read_button(scale, "10") is not None
    assert read_button(scale, "11") is None
    assert read_button(Step.OUTCOME, "na") is not None
    assert read_button(Step.OUTCOME, "maybe") is None
