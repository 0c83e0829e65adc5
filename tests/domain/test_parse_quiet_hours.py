"""Reading typed quiet hours ("22:00-7:30", "10pm to 7am") for /settings."""

from __future__ import annotations

from datetime import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.schedule import QuietHours
from bot.domain.timezones import parse_quiet_hours


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # The shapes named in the issue
        ("22:00-7:30", time(22), time(7, 30)),
        ("10pm to 7am", time(22), time(7)),
        ("22 - 7", time(22), time(7)),
        ("23:00–06:30", time(23), time(6, 30)),  # en dash
        ("23:00 – 06:30", time(23), time(6, 30)),
        ("21:30—08:00", time(21, 30), time(8)),  # em dash
        # Other ways to write the two ends and what joins them
        ("10 p.m. to 7 a.m.", time(22), time(7)),
        ("10PM-7AM", time(22), time(7)),
        ("11.30pm - 7.15am", time(23, 30), time(7, 15)),
        ("from 11pm until 6:30am", time(23), time(6, 30)),
        ("between 10 and 6", time(22), time(6)),
        ("10 till 6", time(22), time(6)),
        ("22 through 7", time(22), time(7)),
        ("2200-0700", time(22), time(7)),
        ("22h-7h", time(22), time(7)),
        ("ten pm to seven am", time(22), time(7)),
        ("10 o'clock to 7", time(22), time(7)),
        ("10 at night to 7 in the morning", time(22), time(7)),
        ("22 in the evening to 7", time(22), time(7)),
        ("midnight to 9", time(0), time(9)),
        ("12am-8am", time(0), time(8)),
        ("noon to 8pm", time(12), time(20)),
        ("quiet from 22 to 7 please", time(22), time(7)),
        ("22-7, thanks!", time(22), time(7)),
        # One end on a 24-hour clock puts the other on it too
        ("22-12", time(22), time(12)),
        ("0-8", time(0), time(8)),
        ("10:00-18:00", time(10), time(18)),  # a day-sleeper, as typed
        ("11:00-13:00", time(11), time(13)),
        ("10:00-07:00", time(10), time(7)),
        # Bare hours 1-12 on both ends: the reading that looks like a night
        ("10-7", time(22), time(7)),
        ("10 to 6", time(22), time(6)),  # a range, not "ten to six" (05:50)
        ("10:30-6:30", time(22, 30), time(6, 30)),
        ("9:30pm-7", time(21, 30), time(7)),
        ("1 - 9", time(1), time(9)),
        ("1am - 9am", time(1), time(9)),
        ("12 - 8", time(0), time(8)),
        ("9-5", time(21), time(5)),
        ("8-10", time(20), time(10)),
        ("7 to 7", time(19), time(7)),  # 7pm to 7am, not 7 to 7
        ("10 in the morning to 6 in the evening", time(10), time(18)),
        # The same time twice comes back as it is, for the caller to refuse
        ("7am to 7am", time(7), time(7)),
        ("22:00 - 22:00", time(22), time(22)),
    ],
)
def test_parse_quiet_hours(text: str, start: time, end: time) -> None:
    assert parse_quiet_hours(text) == (start, end)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "whenever",
        "at night",
        "🙂",
        "22",  # one end only
        "22-",
        "10pm",
        "22 7",  # nothing between the two ends
        "10pm 7am",
        "22-7-8",  # three times
        "10 or 11 to 7",
        "22:00-07:00 and 23-8",
        "25:00-7",
        "22:60-7",
        "13pm-7am",  # contradictions
        "0am-7am",
        "10pm in the morning to 7",
        "15 in the morning to 20",
        "10 in the morning and evening to 7",
        "half past 10 to 7",  # would be a guess
        "quarter to 11 - 7",
        "not 22-7",
        "midnight pm to 7",
        "730-22",  # three digits: unreadable, so not a range either
        "22:00/07:00",
    ],
)
def test_unclear_quiet_hours_give_none(text: str) -> None:
    assert parse_quiet_hours(text) is None


PRESETS = [
    (time(21, 30), time(8)),
    (time(22), time(7)),
    (time(23), time(9)),
    (time(20), time(8)),
]


@pytest.mark.parametrize(("start", "end"), PRESETS)
@pytest.mark.parametrize("dash", ["-", "–", " - ", " to "])
def test_the_settings_buttons_labels_read_back(start: time, end: time, dash: str) -> None:
    typed = f"{start:%H:%M}{dash}{end:%H:%M}"
    assert parse_quiet_hours(typed) == (start, end)


minute_times = st.builds(time, st.integers(0, 23), st.integers(0, 59))


@given(start=minute_times, end=minute_times)
@settings(max_examples=300)
def test_24_hour_ranges_read_back_as_written(start: time, end: time) -> None:
    # %H writes 00-09 zero-padded and 13-23 as they are: a 24-hour clock. Only a range with
    # both ends between 10:00 and 12:59 could be either half of the day.
    if 10 <= start.hour <= 12 and 10 <= end.hour <= 12:
        return
    assert parse_quiet_hours(f"{start:%H:%M}-{end:%H:%M}") == (start, end)


@given(text=st.one_of(st.text(), st.text(min_size=1, max_size=30).map(lambda s: s * 300)))
@settings(max_examples=300)
def test_parse_quiet_hours_is_total(text: str) -> None:
    result = parse_quiet_hours(text)
    assert result is None or (isinstance(result[0], time) and isinstance(result[1], time))


@given(
    text=st.text(
        alphabet=st.sampled_from(list("0123456789:.-– aphmtoinglevu")), min_size=1, max_size=24
    )
)
@settings(max_examples=300)
def test_every_reading_other_than_same_twice_makes_valid_quiet_hours(text: str) -> None:
    result = parse_quiet_hours(text)
    if result is not None and result[0] != result[1]:
        quiet = QuietHours(*result)
        assert quiet.start.second == quiet.end.second == 0
