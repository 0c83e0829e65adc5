"""The onboarding and /settings tables: what each question reads, typed and tapped, and
which question comes next (the days only after a three-a-week pace)."""

from __future__ import annotations

from datetime import time

import pytest

from bot.domain.flows import Flow
from bot.domain.flows.onboarding import (
    COMMON_TIMES,
    COMMON_ZONES,
    DAY_SETS,
    ONBOARDING_TABLE,
    QUIET_PRESETS,
    SETTINGS_MENU,
    SETTINGS_TABLE,
    days_code,
    miss_of,
    said_twice,
    time_code,
)
from bot.domain.schedule import Pace

BOTH = pytest.mark.parametrize("table", [ONBOARDING_TABLE, SETTINGS_TABLE], ids=lambda t: t.name)
MON_WED_FRI = frozenset({0, 2, 4})


def typed(table: Flow, step: str, text: str, language: str = "en") -> object:
    return table.steps[step].read(text, language)


def pressed(table: Flow, step: str, code: str) -> object:
    press = table.steps[step].press
    assert press is not None, f"{step} has buttons"
    return press(code)


@BOTH
@pytest.mark.parametrize(
    ("step", "text", "value"),
    [
        ("timezone", "Berlin", "Europe/Berlin"),
        ("timezone", "somewhere nice", None),
        ("time", "7:30pm", time(19, 30)),
        ("time", "25:00", None),
        ("pace", "three times a week", Pace.THREE_A_WEEK),
        ("pace", "every day", Pace.DAILY),
        ("pace", "whenever", None),
        ("days", "mon, wed and fri", MON_WED_FRI),
        ("days", "mon and wed", None),  # three days, no fewer
        ("level", "3", 3),
        ("level", "9", None),
    ],
)
def test_shared_questions_read_typed_answers(
    table: Flow, step: str, text: str, value: object
) -> None:
    assert typed(table, step, text) == value


@pytest.mark.parametrize(
    ("step", "text", "value"),
    [
        ("recap", "friday", 4),
        ("recap", "friday or saturday", None),
        ("cap", "3", 3),
        ("cap", "no limit", 0),
        ("cap", "4", None),  # not one we offer
        ("quiet", "22:00 to 7:00", (time(22, 0), time(7, 0))),
        ("quiet", "22:00 to 22:00", None),  # all quiet or never? asked again
        ("quiet", "whenever", None),
    ],
)
def test_settings_only_questions_read_typed_answers(step: str, text: str, value: object) -> None:
    assert typed(SETTINGS_TABLE, step, text) == value


def test_spanish_answers_are_read_in_spanish() -> None:
    assert typed(ONBOARDING_TABLE, "pace", "todos los días", "es") is Pace.DAILY


@BOTH
@pytest.mark.parametrize(
    ("step", "code", "value"),
    [
        ("timezone", "1", "Europe/Berlin"),
        ("timezone", str(len(COMMON_ZONES)), None),
        ("timezone", "x", None),
        ("time", "0930", time(9, 30)),
        ("time", "2500", None),
        ("time", "0960", None),
        ("time", "930", None),
        ("pace", "three_a_week", Pace.THREE_A_WEEK),
        ("pace", "hourly", None),
        ("days", "024", MON_WED_FRI),
        ("days", "012", None),  # not a set we offer
        ("level", "5", 5),
        ("level", "0", None),
        ("level", "6", None),
    ],
)
def test_shared_questions_read_button_codes(
    table: Flow, step: str, code: str, value: object
) -> None:
    assert pressed(table, step, code) == value


@pytest.mark.parametrize(
    ("step", "code", "value"),
    [
        ("recap", "6", 6),
        ("recap", "7", None),
        ("cap", "0", 0),
        ("cap", "4", None),
        ("quiet", "2130:0800", (time(21, 30), time(8, 0))),
        ("quiet", "2130:0900", None),
        ("quiet", "2130", None),
    ],
)
def test_settings_only_questions_read_button_codes(step: str, code: str, value: object) -> None:
    assert pressed(SETTINGS_TABLE, step, code) == value


def test_every_offered_button_reads_back_as_itself() -> None:
    for index, (_slug, zone) in enumerate(COMMON_ZONES):
        assert pressed(ONBOARDING_TABLE, "timezone", str(index)) == zone
    for at in COMMON_TIMES:
        assert pressed(ONBOARDING_TABLE, "time", time_code(at)) == at
    for days in DAY_SETS:
        assert pressed(ONBOARDING_TABLE, "days", days_code(days)) == days
    for start, end in QUIET_PRESETS:
        code = f"{time_code(start)}:{time_code(end)}"
        assert pressed(SETTINGS_TABLE, "quiet", code) == (start, end)


def test_onboarding_goes_timezone_time_pace_level() -> None:
    table = ONBOARDING_TABLE
    assert table.first == "timezone"
    assert table.after("timezone", "Europe/Berlin") == "time"
    assert table.after("time", time(9, 0)) == "pace"
    assert table.after("pace", Pace.DAILY) == "level"
    assert table.after("pace", Pace.WEEKDAYS) == "level"
    assert table.after("level", 2) is None  # done


def test_three_a_week_asks_which_days_first() -> None:
    assert ONBOARDING_TABLE.after("pace", Pace.THREE_A_WEEK) == "days"
    assert ONBOARDING_TABLE.after("days", MON_WED_FRI) == "level"
    assert SETTINGS_TABLE.after("pace", Pace.THREE_A_WEEK) == "days"
    assert SETTINGS_TABLE.after("days", MON_WED_FRI) is None


@pytest.mark.parametrize("step", sorted(set(SETTINGS_TABLE.steps) - {"pace"}))
def test_each_setting_is_one_question(step: str) -> None:
    assert SETTINGS_TABLE.steps[step].then is None


def test_settings_daily_pace_is_one_question() -> None:
    assert SETTINGS_TABLE.after("pace", Pace.DAILY) is None


def test_the_overview_opens_every_setting_but_the_days() -> None:
    assert set(SETTINGS_MENU) == set(SETTINGS_TABLE.steps) - {"days"}


def test_each_answer_writes_its_own_field() -> None:
    fields = {step: rule.writes for step, rule in SETTINGS_TABLE.steps.items()}
    assert fields == {
        "timezone": "timezone",
        "time": "nudge_time",
        "pace": "pace",
        "days": "nudge_days",
        "level": "level",
        "recap": "recap_weekday",
        "cap": "weekly_cap",
        "quiet": "quiet_hours",
    }
    assert {s: r.writes for s, r in ONBOARDING_TABLE.steps.items()} == {
        step: fields[step] for step in ONBOARDING_TABLE.steps
    }


@pytest.mark.parametrize(
    ("step", "text", "miss"),
    [
        ("timezone", "somewhere nice", "timezone_unknown"),
        ("time", "soonish", "time_unknown"),
        ("time", "25:00", "time_impossible"),
        ("quiet", "25:00 to 7:00", "time_impossible"),
        ("quiet", "22:00 to 22:00", "quiet_same"),
        ("quiet", "whenever", "quiet_unknown"),
        ("days", "mon", "days_unknown"),
        ("cap", "lots", "cap_unknown"),
        ("recap", "someday", "recap_unknown"),
        ("level", "high", "level_unknown"),
    ],
)
def test_a_miss_says_why(step: str, text: str, miss: str) -> None:
    assert miss_of(SETTINGS_TABLE, step, text, "en") == miss


def test_the_time_said_twice_is_quoted() -> None:
    assert said_twice("22:00 to 22:00", "en") == time(22, 0)
    assert said_twice("22:00 to 7:00", "en") is None
