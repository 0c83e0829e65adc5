"""Tests for bot.domain.schedule: table tests for known transitions, and properties checked
against an independent oracle over many IANA zones and two whole years.

The oracle never uses ``fold`` or the code under test: it finds every UTC instant that shows
a given wall time by trying each offset the zone uses, and for a skipped wall time walks
forward minute by minute until the clock has passed it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from itertools import pairwise
from zoneinfo import ZoneInfo, available_timezones

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.schedule import (
    ALL_DAYS,
    DEFAULT_THREE_A_WEEK_DAYS,
    WORKING_DAYS,
    CatchUp,
    Pace,
    QuietHours,
    catch_up_decision,
    day_exists,
    decode_days,
    encode_days,
    followup_at,
    is_valid_timezone,
    local_date,
    local_day_bounds,
    local_fire_instant,
    local_now,
    local_week_of,
    next_nudge_at,
    next_recap_at,
    recap_week_for,
    scheduled_days,
    validate_days,
    wall_to_utc,
    week_start,
    zone,
)

ONE_MINUTE = timedelta(minutes=1)
ONE_SECOND = timedelta(seconds=1)
WINDOW_FIRST = date(2026, 1, 1)
WINDOW_LAST = date(2027, 12, 31)

# Zones chosen for their rules: every DST family, midnight transitions (Havana, Santiago,
# Beirut, Cairo, Azores), a skip through midnight (Nuuk), half-hour and 45-minute offsets,
# a half-hour DST shift (Lord_Howe), a two-hour one (Troll), Ramadan-dependent rules
# (Casablanca, Gaza), the date line (Apia, Kiritimati) and zones with no DST at all.
INTERESTING_ZONES = (
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Phoenix",
    "America/Los_Angeles",
    "America/Anchorage",
    "America/Adak",
    "Pacific/Honolulu",
    "America/St_Johns",
    "America/Halifax",
    "America/Havana",
    "America/Santiago",
    "America/Punta_Arenas",
    "America/Asuncion",
    "America/Sao_Paulo",
    "America/Mexico_City",
    "America/Ciudad_Juarez",
    "America/Nuuk",
    "America/Scoresbysund",
    "America/Miquelon",
    "America/Caracas",
    "America/Bogota",
    "America/Argentina/Buenos_Aires",
    "America/Whitehorse",
    "Atlantic/Azores",
    "Atlantic/Canary",
    "Europe/London",
    "Europe/Dublin",
    "Europe/Lisbon",
    "Europe/Berlin",
    "Europe/Paris",
    "Europe/Helsinki",
    "Europe/Kyiv",
    "Europe/Chisinau",
    "Europe/Moscow",
    "Europe/Istanbul",
    "Asia/Famagusta",
    "Africa/Cairo",
    "Africa/Casablanca",
    "Africa/El_Aaiun",
    "Africa/Johannesburg",
    "Africa/Lagos",
    "Asia/Beirut",
    "Asia/Jerusalem",
    "Asia/Gaza",
    "Asia/Hebron",
    "Asia/Tehran",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Asia/Yangon",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Australia/Melbourne",
    "Australia/Hobart",
    "Australia/Adelaide",
    "Australia/Brisbane",
    "Australia/Darwin",
    "Australia/Perth",
    "Australia/Eucla",
    "Australia/Lord_Howe",
    "Antarctica/Macquarie",
    "Antarctica/Troll",
    "Pacific/Auckland",
    "Pacific/Chatham",
    "Pacific/Norfolk",
    "Pacific/Apia",
    "Pacific/Easter",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
    "Pacific/Marquesas",
    "Pacific/Fiji",
    "Pacific/Tongatapu",
    "UTC",
    "Etc/GMT+12",
    "Etc/GMT-14",
)
# Interesting zones first: hypothesis shrinks towards the start of a sampled list.
ALL_ZONES = INTERESTING_ZONES + tuple(sorted(available_timezones() - set(INTERESTING_ZONES)))

TRICKY_TIMES = tuple(
    time(hour, minute)
    for hour, minute in [
        (0, 0), (0, 30), (1, 0), (1, 30), (2, 0), (2, 15), (2, 30), (3, 0),
        (12, 0), (22, 30), (23, 0), (23, 30), (23, 59),
    ]
)  # fmt: skip


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def next_daily(
    tz_name: str, at: time, after: datetime, earliest_day: date | None = None
) -> datetime:
    return next_nudge_at(
        tz_name=tz_name, at=at, pace=Pace.DAILY, days=None, after=after, earliest_day=earliest_day
    )


def wall(instant: datetime, tz_name: str) -> datetime:
    return instant.astimezone(ZoneInfo(tz_name)).replace(tzinfo=None)


# --- the oracle ----------------------------------------------------------------------------


@cache
def offsets_in_window(tz_name: str) -> tuple[timedelta, ...]:
    """Every UTC offset the zone uses around the test window (probed every 3 hours)."""
    tz = ZoneInfo(tz_name)
    found: set[timedelta] = set()
    probe, stop = utc(2025, 12, 20), utc(2028, 3, 1)
    while probe < stop:
        offset = probe.astimezone(tz).utcoffset()
        assert offset is not None
        found.add(offset)
        probe += timedelta(hours=3)
    return tuple(sorted(found))


def oracle_fire(day: date, at: time, tz_name: str) -> datetime:
    """The documented fire instant, computed without fold and without the code under test."""
    target = datetime.combine(day, at)
    offsets = offsets_in_window(tz_name)
    showings = sorted(
        instant
        for offset in offsets
        if wall(instant := (target - offset).replace(tzinfo=UTC), tz_name) == target
    )
    if showings:
        return showings[0]  # a repeated wall time fires at its first showing
    # Skipped: the first instant at which the clock has passed the target.
    instant = (target - offsets[-1] - ONE_MINUTE).replace(tzinfo=UTC)
    while wall(instant, tz_name) < target:
        instant += ONE_MINUTE
    return instant


def scheduled_dates(first: date, last: date, weekdays: frozenset[int]) -> Iterator[date]:
    day = first
    while day <= last:
        if day.weekday() in weekdays:
            yield day
        day += timedelta(days=1)


def check_two_years(tz_name: str, at: time, pace: Pace, days: frozenset[int] | None) -> None:
    """Iterate next_nudge_at over 2026-2027 and check the documented rules fire by fire."""
    weekdays = scheduled_days(pace, days)
    expected_days = list(scheduled_dates(WINDOW_FIRST - timedelta(days=7), WINDOW_LAST, weekdays))
    expected = [oracle_fire(day, at, tz_name) for day in expected_days]

    fires: list[datetime] = []
    after = expected[0]  # the last nudge before the window: start right after it
    while len(fires) < len(expected) - 1:
        after = next_nudge_at(tz_name=tz_name, at=at, pace=pace, days=days, after=after)
        fires.append(after)

    assert all(a < b for a, b in pairwise(fires)), "not strictly increasing"
    assert fires == expected[1:]
    tz = ZoneInfo(tz_name)
    for nudge_day, fire in zip(expected_days[1:], fires, strict=True):
        local = fire.astimezone(tz)
        skipped = local.replace(tzinfo=None) != datetime.combine(nudge_day, at)
        if not skipped:
            assert local.date() == nudge_day
            continue
        # Skipped wall time: the first moment after it, on that day, or exactly the next
        # midnight when the skip ran through midnight (America/Nuuk).
        assert wall(fire - ONE_SECOND, tz_name) < datetime.combine(nudge_day, at)
        assert local.time() > at or local.time() == time(0)
        assert local.second == 0
        assert local.date() == nudge_day or (
            local.date() == nudge_day + timedelta(days=1) and local.time() == time(0)
        )
    # No local date is nudged twice, except a midnight made up by a skip through midnight.
    local_dates = [fire.astimezone(tz).date() for fire in fires]
    doubles = {d for d in local_dates if local_dates.count(d) > 1}
    for double in doubles:
        assert (
            local_fire_instant(double - timedelta(days=1), at, tz)
            == local_day_bounds(double, tz_name)[0]
        )


# --- weekdays and pace -----------------------------------------------------------------------


def test_paces_and_default_days() -> None:
    assert scheduled_days(Pace.DAILY) == ALL_DAYS == frozenset(range(7))
    assert scheduled_days(Pace.WEEKDAYS) == WORKING_DAYS == frozenset({0, 1, 2, 3, 4})
    assert scheduled_days(Pace.THREE_A_WEEK) == DEFAULT_THREE_A_WEEK_DAYS == {0, 2, 4}
    assert scheduled_days(Pace.THREE_A_WEEK, frozenset({1, 3})) == {1, 3}
    # A stored three-a-week choice does not leak into other paces.
    assert scheduled_days(Pace.DAILY, frozenset({1})) == ALL_DAYS
    assert Pace("three_a_week") is Pace.THREE_A_WEEK
    assert str(Pace.WEEKDAYS) == "weekdays"


@pytest.mark.parametrize("bad", [frozenset(), frozenset({7}), frozenset({-1}), frozenset({True})])
def test_invalid_day_sets(bad: frozenset[int]) -> None:
    with pytest.raises(ValueError, match="day"):
        validate_days(bad)
    with pytest.raises(ValueError, match="day"):
        scheduled_days(Pace.THREE_A_WEEK, bad)


def test_encode_days_is_canonical() -> None:
    assert encode_days(frozenset({4, 0, 2})) == "0,2,4"
    assert encode_days(ALL_DAYS) == "0,1,2,3,4,5,6"
    assert decode_days("0,2,4") == {0, 2, 4}
    assert decode_days(" 6 , 0") == {0, 6}


@pytest.mark.parametrize("text", ["", "7", "0,0", "a", "0,,2", "-1", "0;2", "٣", "+3", "10"])
def test_decode_days_rejects_garbage(text: str) -> None:
    with pytest.raises(ValueError, match="day"):
        decode_days(text)


@given(st.frozensets(st.integers(0, 6), min_size=1))
def test_days_round_trip(days: frozenset[int]) -> None:
    assert decode_days(encode_days(days)) == days


# --- local time <-> UTC: known transitions ---------------------------------------------------

# (zone, local day, requested time, expected UTC fire, expected local wall time)
KNOWN_FIRES = [
    # US spring forward: 02:00 -> 03:00. 02:30 fires at 03:00 EDT, not 03:30.
    ("America/New_York", date(2026, 3, 8), time(2, 30), utc(2026, 3, 8, 7), time(3, 0)),
    ("America/New_York", date(2026, 3, 8), time(2, 0), utc(2026, 3, 8, 7), time(3, 0)),
    ("America/New_York", date(2026, 3, 8), time(1, 59), utc(2026, 3, 8, 6, 59), time(1, 59)),
    ("America/New_York", date(2026, 3, 8), time(3, 0), utc(2026, 3, 8, 7), time(3, 0)),
    # US fall back: 01:30 happens twice; fire once, at the first (EDT) showing.
    ("America/New_York", date(2026, 11, 1), time(1, 30), utc(2026, 11, 1, 5, 30), time(1, 30)),
    ("America/New_York", date(2026, 11, 1), time(2, 0), utc(2026, 11, 1, 7), time(2, 0)),
    # Central Europe: 02:00 -> 03:00 on 29 March, 03:00 -> 02:00 on 25 October.
    ("Europe/Berlin", date(2026, 3, 29), time(2, 15), utc(2026, 3, 29, 1), time(3, 0)),
    ("Europe/Berlin", date(2026, 10, 25), time(2, 30), utc(2026, 10, 25, 0, 30), time(2, 30)),
    # UK: 01:00 -> 02:00 and back.
    ("Europe/London", date(2026, 3, 29), time(1, 30), utc(2026, 3, 29, 1), time(2, 0)),
    ("Europe/London", date(2026, 10, 25), time(1, 30), utc(2026, 10, 25, 0, 30), time(1, 30)),
    ("Europe/London", date(2026, 7, 1), time(9, 0), utc(2026, 7, 1, 8), time(9, 0)),
    # Southern hemisphere: Sydney falls back in April, springs forward in October.
    ("Australia/Sydney", date(2026, 4, 5), time(2, 30), utc(2026, 4, 4, 15, 30), time(2, 30)),
    ("Australia/Sydney", date(2026, 10, 4), time(2, 30), utc(2026, 10, 3, 16), time(3, 0)),
    # Lord Howe shifts by 30 minutes: 02:00 -> 02:30 in October, 02:00 -> 01:30 in April.
    ("Australia/Lord_Howe", date(2026, 10, 4), time(2, 15), utc(2026, 10, 3, 15, 30), time(2, 30)),
    ("Australia/Lord_Howe", date(2026, 4, 5), time(1, 45), utc(2026, 4, 4, 14, 45), time(1, 45)),
    # Odd fixed offsets.
    ("Asia/Kathmandu", date(2026, 6, 1), time(9, 0), utc(2026, 6, 1, 3, 15), time(9, 0)),
    ("Asia/Kathmandu", date(2026, 6, 1), time(0, 0), utc(2026, 5, 31, 18, 15), time(0, 0)),
    ("Pacific/Chatham", date(2026, 7, 1), time(8, 0), utc(2026, 6, 30, 19, 15), time(8, 0)),
    # Midnight transitions: 00:00 does not exist on these days; the day starts at 01:00.
    ("America/Havana", date(2026, 3, 8), time(0, 0), utc(2026, 3, 8, 5), time(1, 0)),
    ("America/Havana", date(2026, 3, 8), time(0, 30), utc(2026, 3, 8, 5), time(1, 0)),
    ("America/Havana", date(2026, 11, 1), time(0, 30), utc(2026, 11, 1, 4, 30), time(0, 30)),
    ("America/Santiago", date(2026, 9, 6), time(0, 0), utc(2026, 9, 6, 4), time(1, 0)),
    ("America/Santiago", date(2026, 4, 4), time(23, 30), utc(2026, 4, 5, 2, 30), time(23, 30)),
    ("Asia/Beirut", date(2026, 3, 29), time(0, 30), utc(2026, 3, 28, 22), time(1, 0)),
    ("Africa/Cairo", date(2026, 4, 24), time(0, 0), utc(2026, 4, 23, 22), time(1, 0)),
    # Troll skips two hours at once.
    ("Antarctica/Troll", date(2026, 3, 29), time(2, 0), utc(2026, 3, 29, 1), time(3, 0)),
]


@pytest.mark.parametrize(("tz_name", "day", "at", "fire", "local_time"), KNOWN_FIRES)
def test_known_fire_instants(
    tz_name: str, day: date, at: time, fire: datetime, local_time: time
) -> None:
    got = local_fire_instant(day, at, ZoneInfo(tz_name))
    assert got == fire
    assert got is not None
    assert got.tzinfo is UTC
    assert got.astimezone(ZoneInfo(tz_name)).time() == local_time
    assert got == oracle_fire(day, at, tz_name)


def test_repeated_time_fires_once_not_twice() -> None:
    """New York 2026-11-01 01:30 shows twice; the nudge after the first showing is tomorrow's."""
    ny, at = "America/New_York", time(1, 30)
    first = next_daily(ny, at, after=utc(2026, 11, 1))
    assert first == utc(2026, 11, 1, 5, 30)
    second = next_daily(ny, at, after=first)
    assert second == utc(2026, 11, 2, 6, 30)  # not 06:30 UTC on the 1st (the second 01:30)
    # Even when asked from inside the repeated hour, the second showing is not a nudge.
    assert next_daily(ny, at, after=utc(2026, 11, 1, 6, 0)) == second


def test_nuuk_skip_through_midnight() -> None:
    """America/Nuuk jumps from 22:59:59 (-02) on Sat 2026-03-28 to 00:00 (-01) on Sunday.

    Saturday's 23:30 nudge fires at Sunday 00:00, the first moment after 23:30; Sunday still
    gets its own 23:30 nudge. Skipped days: none. Doubled nudge days: none.
    """
    tz = ZoneInfo("America/Nuuk")
    saturday = date(2026, 3, 28)
    fire = local_fire_instant(saturday, time(23, 30), tz)
    assert fire == utc(2026, 3, 29, 1)
    assert fire is not None
    assert fire.astimezone(tz).replace(tzinfo=None) == datetime(2026, 3, 29, 0, 0)
    assert fire == local_day_bounds(saturday + timedelta(days=1), "America/Nuuk")[0]
    at = time(23, 30)
    friday_fire = local_fire_instant(date(2026, 3, 27), at, tz)
    assert friday_fire is not None
    assert next_daily("America/Nuuk", at, after=friday_fire) == fire
    sunday_fire = next_daily("America/Nuuk", at, after=fire)
    assert wall(sunday_fire, "America/Nuuk") == datetime(2026, 3, 29, 23, 30)
    # Saturday's nudge belongs to Saturday: "rest for the rest of Saturday" skips it.
    sunday = saturday + timedelta(days=1)
    assert next_daily("America/Nuuk", at, utc(2026, 3, 28, 12), earliest_day=sunday) == sunday_fire


def test_apia_skipped_day_has_no_nudge() -> None:
    """Samoa jumped the date line: 2011-12-29 was followed by 2011-12-31."""
    tz_name = "Pacific/Apia"
    tz = ZoneInfo(tz_name)
    missing = date(2011, 12, 30)
    assert not day_exists(missing, tz_name)
    assert day_exists(missing - timedelta(days=1), tz)
    assert day_exists(missing + timedelta(days=1), tz)
    start, end = local_day_bounds(missing, tz_name)
    assert start == end  # an empty day
    assert local_fire_instant(missing, time(8), tz) is None
    assert local_fire_instant(missing, time(0), tz) is None

    # Daily 08:00 through December 2011: one nudge per day that exists, none for the 30th.
    after, fires = utc(2011, 12, 20), list[datetime]()
    while after < utc(2012, 1, 5):
        after = next_daily(tz_name, time(8), after=after)
        fires.append(after)
    days = [fire.astimezone(tz).date() for fire in fires]
    assert missing not in days
    assert len(days) == len(set(days))
    assert date(2011, 12, 29) in days
    assert date(2011, 12, 31) in days
    assert all(fire.astimezone(tz).time() == time(8) for fire in fires)
    # Only Fridays scheduled, and the Friday is the missing day: next is a week later.
    friday_only = next_nudge_at(
        tz_name=tz_name,
        at=time(8),
        pace=Pace.THREE_A_WEEK,
        days=frozenset({4}),
        after=utc(2011, 12, 28),
    )
    assert friday_only.astimezone(tz).date() == date(2012, 1, 6)


@pytest.mark.parametrize(
    ("tz_name", "day", "hours"),
    [
        ("America/New_York", date(2026, 3, 8), 23),
        ("America/New_York", date(2026, 11, 1), 25),
        ("America/New_York", date(2026, 6, 1), 24),
        ("Europe/Berlin", date(2026, 3, 29), 23),
        ("Australia/Lord_Howe", date(2026, 10, 4), 23.5),
        ("Australia/Lord_Howe", date(2026, 4, 5), 24.5),
        ("America/Havana", date(2026, 3, 8), 23),
        ("America/Santiago", date(2026, 4, 4), 25),
        ("America/Nuuk", date(2026, 3, 28), 23),
        ("Antarctica/Troll", date(2026, 3, 29), 22),
        ("Pacific/Apia", date(2011, 12, 30), 0),
    ],
)
def test_local_day_bounds(tz_name: str, day: date, hours: float) -> None:
    start, end = local_day_bounds(day, tz_name)
    assert end - start == timedelta(hours=hours)
    assert start.tzinfo is UTC
    if hours:
        assert local_date(start, tz_name) == day
        assert local_date(start - ONE_SECOND, tz_name) < day
        assert local_date(end - ONE_SECOND, tz_name) == day
        assert local_date(end, tz_name) > day


def test_local_date_and_local_now() -> None:
    instant = utc(2026, 1, 4, 23, 30)
    assert local_date(instant, "Asia/Tokyo") == date(2026, 1, 5)
    assert local_date(instant, "America/New_York") == date(2026, 1, 4)
    now = local_now(instant, "Asia/Kathmandu")
    assert now.replace(tzinfo=None) == datetime(2026, 1, 5, 5, 15)
    assert now.utcoffset() == timedelta(hours=5, minutes=45)
    assert now == instant


def test_wall_to_utc_handles_skipped_whole_day() -> None:
    # The clocks in Apia jumped from 2011-12-29 23:59:59 (-10) to 2011-12-31 00:00 (+14).
    got = wall_to_utc(datetime(2011, 12, 30, 12), ZoneInfo("Pacific/Apia"))
    assert got == utc(2011, 12, 30, 10)
    assert wall(got, "Pacific/Apia") == datetime(2011, 12, 31)


def test_input_validation() -> None:
    with pytest.raises(ValueError, match="aware"):
        next_nudge_at(
            tz_name="UTC", at=time(9), pace=Pace.DAILY, days=None, after=datetime(2026, 1, 1)
        )
    with pytest.raises(ValueError, match="timezone"):
        next_nudge_at(
            tz_name="Mars/Olympus", at=time(9), pace=Pace.DAILY, days=None, after=utc(2026, 1, 1)
        )
    with pytest.raises(ValueError, match="naive"):
        local_fire_instant(date(2026, 1, 1), time(9, tzinfo=UTC), ZoneInfo("UTC"))
    with pytest.raises(ValueError, match="aware"):
        local_date(datetime(2026, 1, 1), "UTC")
    with pytest.raises(ValueError, match="naive"):
        wall_to_utc(utc(2026, 1, 1), ZoneInfo("UTC"))
    for bad in ["", "../etc/passwd", "Not/AZone", "europe/berlin_"]:
        assert not is_valid_timezone(bad)
        with pytest.raises(ValueError, match="timezone"):
            zone(bad)
    assert is_valid_timezone("Asia/Kathmandu")


# --- next_nudge_at ----------------------------------------------------------------------------


def test_next_nudge_is_strictly_after() -> None:
    nine = utc(2026, 6, 1, 7)  # 09:00 CEST
    assert next_daily("Europe/Berlin", time(9), after=nine - ONE_SECOND) == nine
    assert next_daily("Europe/Berlin", time(9), after=nine) == nine + timedelta(days=1)


def test_aware_non_utc_input_gives_utc_output() -> None:
    after = datetime(2026, 6, 1, 8, tzinfo=ZoneInfo("Asia/Tokyo"))  # 2026-05-31 23:00 UTC
    got = next_nudge_at(tz_name="UTC", at=time(23, 30), pace=Pace.DAILY, days=None, after=after)
    assert got == utc(2026, 5, 31, 23, 30)
    assert got.tzinfo is UTC


def test_three_a_week_and_weekdays() -> None:
    monday = utc(2026, 6, 1)  # Monday 2026-06-01, 00:00 UTC

    def days_of(pace: Pace, days: frozenset[int] | None) -> list[int]:
        after, found = monday, list[int]()
        for _ in range(8):
            after = next_nudge_at(tz_name="UTC", at=time(9), pace=pace, days=days, after=after)
            found.append(after.weekday())
        return found

    assert days_of(Pace.THREE_A_WEEK, None) == [0, 2, 4, 0, 2, 4, 0, 2]
    assert days_of(Pace.THREE_A_WEEK, frozenset({5, 6})) == [5, 6] * 4
    assert days_of(Pace.WEEKDAYS, frozenset({6})) == [0, 1, 2, 3, 4, 0, 1, 2]
    assert days_of(Pace.DAILY, None) == [0, 1, 2, 3, 4, 5, 6, 0]


def test_rest_of_today_and_pause() -> None:
    tz_name = "America/New_York"
    now = utc(2026, 3, 10, 12)  # Tuesday 08:00 EDT
    six_pm = time(18)
    assert next_daily(tz_name, six_pm, after=now) == utc(2026, 3, 10, 22)
    rest_of_today = local_date(now, tz_name) + timedelta(days=1)
    assert next_daily(tz_name, six_pm, now, earliest_day=rest_of_today) == utc(2026, 3, 11, 22)
    # Paused until a date: nothing before it, even for three-a-week.
    paused = next_nudge_at(
        tz_name=tz_name,
        at=time(18),
        pace=Pace.THREE_A_WEEK,
        days=None,
        after=now,
        earliest_day=date(2026, 3, 21),  # a Saturday
    )
    assert local_date(paused, tz_name) == date(2026, 3, 23)  # the Monday after
    # An earliest_day in the past changes nothing.
    assert next_daily(tz_name, six_pm, now, earliest_day=date(2020, 1, 1)) == utc(2026, 3, 10, 22)


# --- properties over many zones and two years ----------------------------------------------


def transition_wall_times(tz_name: str) -> list[time]:
    """A wall time inside each kind of 2026-27 transition of the zone (skipped, repeated)."""
    tz = ZoneInfo(tz_name)
    picks: dict[str, time] = {}
    probe, stop = utc(2026, 1, 1), utc(2028, 1, 1)
    while probe < stop and len(picks) < 2:
        step = probe + timedelta(hours=3)
        if probe.astimezone(tz).utcoffset() != step.astimezone(tz).utcoffset():
            low, high = probe, step
            while high - low > ONE_SECOND:
                middle = low + (high - low) / 2
                same = middle.astimezone(tz).utcoffset() == low.astimezone(tz).utcoffset()
                low, high = (middle, high) if same else (low, middle)
            before, after = wall(low, tz_name), wall(high, tz_name)
            kind = "skipped" if after > before else "repeated"
            middle_wall = min(before, after) + abs(after - before) / 2
            picks.setdefault(kind, middle_wall.time().replace(second=0, microsecond=0))
        probe = step
    return list(picks.values()) or [time(0, 0)]


@pytest.mark.parametrize("tz_name", INTERESTING_ZONES)
def test_two_years_daily_through_each_transition(tz_name: str) -> None:
    assert tz_name in available_timezones()
    for at in transition_wall_times(tz_name):
        check_two_years(tz_name, at, Pace.DAILY, None)


def test_zone_coverage() -> None:
    assert len(set(INTERESTING_ZONES)) == len(INTERESTING_ZONES) >= 60


paces = st.one_of(
    st.just((Pace.DAILY, None)),
    st.just((Pace.WEEKDAYS, None)),
    st.just((Pace.THREE_A_WEEK, None)),
    st.tuples(st.just(Pace.THREE_A_WEEK), st.frozensets(st.integers(0, 6), min_size=1, max_size=7)),
)
wall_times = st.one_of(
    st.sampled_from(TRICKY_TIMES), st.builds(time, st.integers(0, 23), st.integers(0, 59))
)


@settings(max_examples=60, deadline=None)
@given(
    tz_name=st.sampled_from(ALL_ZONES),
    at=wall_times,
    pace_and_days=paces,
)
def test_two_years_any_zone_any_pace(
    tz_name: str, at: time, pace_and_days: tuple[Pace, frozenset[int] | None]
) -> None:
    pace, days = pace_and_days
    check_two_years(tz_name, at, pace, days)


instants = st.datetimes(
    min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(UTC)
)


@settings(max_examples=150, deadline=None)
@given(
    tz_name=st.sampled_from(ALL_ZONES),
    at=wall_times,
    pace_and_days=paces,
    after=instants,
    rest_days=st.integers(0, 10),
)
def test_next_nudge_respects_earliest_day(
    tz_name: str,
    at: time,
    pace_and_days: tuple[Pace, frozenset[int] | None],
    after: datetime,
    rest_days: int,
) -> None:
    pace, days = pace_and_days
    earliest = local_date(after, tz_name) + timedelta(days=rest_days)
    got = next_nudge_at(
        tz_name=tz_name, at=at, pace=pace, days=days, after=after, earliest_day=earliest
    )
    assert got > after
    # The first scheduled day on or after earliest_day whose fire is still to come.
    candidates = scheduled_dates(
        max(earliest, local_date(after, tz_name) - timedelta(days=2)),
        earliest + timedelta(days=14),
        scheduled_days(pace, days),
    )
    expected = next(f for d in candidates if (f := oracle_fire(d, at, tz_name)) > after)
    assert got == expected


# --- catch-up after downtime -------------------------------------------------------------------


def test_catch_up_examples() -> None:
    tz_name = "Europe/Berlin"
    due = utc(2026, 6, 1, 7)  # 09:00 CEST
    assert catch_up_decision(due_at=due, now=due, tz_name=tz_name) is CatchUp.SEND
    assert (
        catch_up_decision(due_at=due, now=due + timedelta(hours=1), tz_name=tz_name) is CatchUp.SEND
    )
    assert (
        catch_up_decision(due_at=due, now=due + timedelta(hours=5), tz_name=tz_name) is CatchUp.SKIP
    )
    three_hours = timedelta(hours=3)
    assert catch_up_decision(due_at=due, now=due + three_hours, tz_name=tz_name) is CatchUp.SKIP
    just_under = due + three_hours - ONE_SECOND
    assert catch_up_decision(due_at=due, now=just_under, tz_name=tz_name) is CatchUp.SEND
    custom = catch_up_decision(
        due_at=due, now=due + timedelta(hours=5), tz_name=tz_name, max_late=timedelta(hours=6)
    )
    assert custom is CatchUp.SEND


def test_catch_up_skips_when_local_day_is_over() -> None:
    tz_name = "America/New_York"
    due = utc(2026, 6, 2, 3, 30)  # 23:30 EDT on June 1
    now = utc(2026, 6, 2, 4, 10)  # 00:10 EDT on June 2: only 40 minutes late, but tomorrow
    assert catch_up_decision(due_at=due, now=now, tz_name=tz_name) is CatchUp.SKIP
    assert (
        catch_up_decision(due_at=due, now=now - timedelta(minutes=11), tz_name=tz_name)
        is CatchUp.SEND
    )


def test_catch_up_on_dst_days() -> None:
    # Spring forward: 02:30 fired at 03:00 EDT; restarting at 04:00 EDT is one hour late.
    due = local_fire_instant(date(2026, 3, 8), time(2, 30), ZoneInfo("America/New_York"))
    assert due is not None
    now = utc(2026, 3, 8, 8)
    assert catch_up_decision(due_at=due, now=now, tz_name="America/New_York") is CatchUp.SEND
    # Santiago falls back at midnight: 23:00-23:59 on 2026-04-04 happens twice. A 22:30 nudge
    # two hours late sits in the second 23:30 - still the same local day, so it goes out.
    due = utc(2026, 4, 5, 1, 30)  # 22:30 -03
    now = utc(2026, 4, 5, 3, 30)  # 23:30 -04, the second showing
    assert local_date(now, "America/Santiago") == date(2026, 4, 4)
    assert catch_up_decision(due_at=due, now=now, tz_name="America/Santiago") is CatchUp.SEND


def test_catch_up_rejects_bad_input() -> None:
    due = utc(2026, 6, 1, 7)
    with pytest.raises(ValueError, match="not due"):
        catch_up_decision(due_at=due, now=due - ONE_SECOND, tz_name="UTC")
    with pytest.raises(ValueError, match="positive"):
        catch_up_decision(due_at=due, now=due, tz_name="UTC", max_late=timedelta(0))
    with pytest.raises(ValueError, match="aware"):
        catch_up_decision(due_at=datetime(2026, 6, 1), now=due, tz_name="UTC")


def tick(due: datetime, now: datetime, tz_name: str, at: time) -> tuple[list[CatchUp], datetime]:
    """What the scheduler does for one user at one tick: decide, then reschedule after now."""
    decisions = []
    while due <= now:
        decisions.append(catch_up_decision(due_at=due, now=now, tz_name=tz_name))
        due = next_nudge_at(tz_name=tz_name, at=at, pace=Pace.DAILY, days=None, after=now)
    return decisions, due


@settings(max_examples=150, deadline=None)
@given(
    tz_name=st.sampled_from(ALL_ZONES),
    at=wall_times,
    start=instants,
    downtime=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=20)),
)
def test_restart_never_floods(tz_name: str, at: time, start: datetime, downtime: timedelta) -> None:
    due = next_nudge_at(tz_name=tz_name, at=at, pace=Pace.DAILY, days=None, after=start)
    now = due + downtime  # the bot comes back after `downtime`
    decisions, next_due = tick(due, now, tz_name, at)
    assert len(decisions) == 1  # one decision for the stale row, then it moves past now
    assert next_due > now
    # Deterministic: asking again gives the same answer.
    assert catch_up_decision(due_at=due, now=now, tz_name=tz_name) is decisions[0]
    if decisions[0] is CatchUp.SEND:
        assert downtime < timedelta(hours=3)
        assert local_date(now, tz_name) == local_date(due, tz_name)
    # A second tick at the same instant has nothing to do.
    assert tick(next_due, now, tz_name, at) == ([], next_due)


def test_restart_examples() -> None:
    tz_name, at = "America/New_York", time(8)
    due = utc(2026, 6, 1, 12)  # 08:00 EDT
    # Down for one hour: one late nudge, then tomorrow as usual.
    assert tick(due, due + timedelta(hours=1), tz_name, at) == ([CatchUp.SEND], utc(2026, 6, 2, 12))
    # Down for five hours: skip, tomorrow as usual.
    assert tick(due, due + timedelta(hours=5), tz_name, at) == ([CatchUp.SKIP], utc(2026, 6, 2, 12))
    # Down for four days: no backlog of four nudges.
    assert tick(due, due + timedelta(days=4, hours=1), tz_name, at) == (
        [CatchUp.SKIP],
        utc(2026, 6, 6, 12),
    )


# --- follow-ups and quiet hours -------------------------------------------------------------------


def test_quiet_hours_contains() -> None:
    night = QuietHours()
    assert (night.start, night.end) == (time(21, 30), time(8, 0))
    assert night.wraps_midnight
    assert night.contains(time(21, 30))
    assert night.contains(time(23, 59))
    assert night.contains(time(0, 0))
    assert night.contains(time(7, 59))
    assert not night.contains(time(8, 0))
    assert not night.contains(time(21, 29))
    siesta = QuietHours(time(13), time(15))
    assert not siesta.wraps_midnight
    assert siesta.contains(time(14))
    assert not siesta.contains(time(15))
    assert not siesta.contains(time(12, 59))
    with pytest.raises(ValueError, match="different"):
        QuietHours(time(8), time(8))
    with pytest.raises(ValueError, match="naive"):
        QuietHours(time(21, tzinfo=UTC), time(8))


FOLLOWUPS = [
    # (accepted, local wall) -> follow-up local wall, in Europe/Berlin (summer, +02)
    (datetime(2026, 6, 1, 12, 0), datetime(2026, 6, 1, 17, 0)),  # plain 5 hours later
    (datetime(2026, 6, 1, 16, 0), datetime(2026, 6, 1, 21, 0)),  # just before quiet hours
    (datetime(2026, 6, 1, 16, 30), datetime(2026, 6, 2, 8, 0)),  # quiet starts at 21:30
    (datetime(2026, 6, 1, 17, 0), datetime(2026, 6, 2, 8, 0)),  # 22:00 -> next morning
    (datetime(2026, 6, 1, 20, 0), datetime(2026, 6, 2, 8, 0)),  # 01:00 past midnight
    (datetime(2026, 6, 1, 2, 0), datetime(2026, 6, 1, 8, 0)),  # 07:00 -> same morning
    (datetime(2026, 6, 1, 3, 0), datetime(2026, 6, 1, 8, 0)),  # exactly 08:00 stays
    (datetime(2026, 12, 31, 19, 0), datetime(2027, 1, 1, 8, 0)),  # over New Year
]


@pytest.mark.parametrize(("accepted", "expected"), FOLLOWUPS)
def test_followup_examples(accepted: datetime, expected: datetime) -> None:
    tz = ZoneInfo("Europe/Berlin")
    got = followup_at(accepted_at=accepted.replace(tzinfo=tz), tz_name="Europe/Berlin")
    assert got.tzinfo is UTC
    assert wall(got, "Europe/Berlin") == expected


def test_followup_custom_delay_and_quiet_hours() -> None:
    tz = ZoneInfo("Asia/Kathmandu")
    accepted = datetime(2026, 6, 1, 12, tzinfo=tz)
    siesta = QuietHours(time(13), time(15))
    got = followup_at(
        accepted_at=accepted, tz_name="Asia/Kathmandu", delay=timedelta(hours=1), quiet=siesta
    )
    assert wall(got, "Asia/Kathmandu") == datetime(2026, 6, 1, 15)
    same = followup_at(accepted_at=accepted, tz_name="Asia/Kathmandu", delay=timedelta(0))
    assert same == accepted
    with pytest.raises(ValueError, match="negative"):
        followup_at(accepted_at=accepted, tz_name="UTC", delay=timedelta(hours=-1))


def test_followup_on_dst_days() -> None:
    ny = "America/New_York"
    # Spring forward night: accepted 22:00 EST Saturday; five real hours later is 04:00 EDT.
    got = followup_at(accepted_at=utc(2026, 3, 8, 3), tz_name=ny)
    assert wall(got, ny) == datetime(2026, 3, 8, 8)
    assert got == utc(2026, 3, 8, 12)
    # The delay is real time: 23:00 EST + 5 hours is 05:00 EDT (six hours on the wall clock).
    short_night = QuietHours(time(22), time(4))
    got = followup_at(accepted_at=utc(2026, 3, 8, 4), tz_name=ny, quiet=short_night)
    assert got == utc(2026, 3, 8, 9)
    assert wall(got, ny) == datetime(2026, 3, 8, 5)
    # Fall back: accepted 20:00 EDT on Oct 31, +5h is the first 01:00: released 08:00 EST.
    got = followup_at(accepted_at=utc(2026, 11, 1, 0), tz_name=ny)
    assert got == utc(2026, 11, 1, 13)


def test_followup_quiet_end_in_skipped_or_repeated_hour() -> None:
    ny = "America/New_York"
    # Quiet hours ending at 02:30, which New York skips on 2026-03-08: released at 03:00 EDT.
    early = QuietHours(time(21, 30), time(2, 30))
    got = followup_at(accepted_at=utc(2026, 3, 7, 23), tz_name=ny, quiet=early)  # 18:00 EST
    assert got == utc(2026, 3, 8, 7)
    # Quiet hours ending at 01:45, which shows twice on 2026-11-01.
    late = QuietHours(time(21, 30), time(1, 45))
    # Candidate 01:30 EDT (first showing): released at the first 01:45.
    got = followup_at(accepted_at=utc(2026, 11, 1, 0, 30), tz_name=ny, quiet=late)
    assert got == utc(2026, 11, 1, 5, 45)
    # Candidate 01:30 EST (second showing): the first 01:45 has passed; wait for the second.
    got = followup_at(accepted_at=utc(2026, 11, 1, 1, 30), tz_name=ny, quiet=late)
    assert got == utc(2026, 11, 1, 6, 45)


@settings(max_examples=200, deadline=None)
@given(
    tz_name=st.sampled_from(ALL_ZONES),
    accepted=instants,
    delay=st.timedeltas(min_value=timedelta(0), max_value=timedelta(hours=30)),
)
def test_followup_never_at_night(tz_name: str, accepted: datetime, delay: timedelta) -> None:
    quiet = QuietHours()
    got = followup_at(accepted_at=accepted, tz_name=tz_name, delay=delay)
    candidate = accepted + delay
    assert got >= candidate
    local = got.astimezone(ZoneInfo(tz_name))
    assert not quiet.contains(local.time())
    if got != candidate:
        # Released at the end of the night, no later than ~12 hours after the candidate.
        assert local.time() == quiet.end
        # 10.5 quiet hours, plus up to 2 repeated ones (Antarctica/Troll falls back 2 hours).
        assert got - candidate <= timedelta(hours=12, minutes=30)
        # And nothing earlier would have done: just before, it was still night.
        assert quiet.contains((got - ONE_MINUTE).astimezone(ZoneInfo(tz_name)).time())


# --- weekly recap -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "monday"),
    [
        (date(2026, 1, 1), date(2025, 12, 29)),  # a Thursday: week straddles New Year
        (date(2026, 1, 4), date(2025, 12, 29)),
        (date(2026, 1, 5), date(2026, 1, 5)),
        (date(2027, 1, 3), date(2026, 12, 28)),
        (date(2028, 2, 29), date(2028, 2, 28)),
    ],
)
def test_week_start(day: date, monday: date) -> None:
    assert week_start(day) == monday
    assert monday.weekday() == 0


def test_local_week_of_depends_on_zone() -> None:
    instant = utc(2026, 1, 4, 23, 30)  # Sunday evening in New York, Monday morning in Tokyo
    assert local_week_of(instant, "Asia/Tokyo") == date(2026, 1, 5)
    assert local_week_of(instant, "America/New_York") == date(2025, 12, 29)


def test_next_recap_defaults_and_dst() -> None:
    ny = "America/New_York"
    first = next_recap_at(tz_name=ny, after=utc(2026, 3, 1))
    assert first == utc(2026, 3, 1, 23)  # Sunday 18:00 EST
    second = next_recap_at(tz_name=ny, after=first)
    assert second == utc(2026, 3, 8, 22)  # Sunday 18:00 EDT: 6 days 23 hours later
    assert wall(second, ny) == datetime(2026, 3, 8, 18)
    assert recap_week_for(first, ny) == date(2026, 2, 23)
    assert recap_week_for(second, ny) == date(2026, 3, 2)
    # Fall back: Sydney's first Sunday of April, a recap at 02:30 fires once.
    sydney = next_recap_at(
        tz_name="Australia/Sydney", after=utc(2026, 4, 3), weekday=6, at=time(2, 30)
    )
    assert sydney == utc(2026, 4, 4, 15, 30)
    assert next_recap_at(tz_name="Australia/Sydney", after=sydney, at=time(2, 30)) == utc(
        2026, 4, 11, 16, 30
    )
    with pytest.raises(ValueError, match="weekday"):
        next_recap_at(tz_name=ny, after=first, weekday=7)


def test_recap_around_new_year() -> None:
    ny = "America/New_York"
    recap = next_recap_at(tz_name=ny, after=utc(2026, 12, 30))
    assert wall(recap, ny) == datetime(2027, 1, 3, 18)
    assert recap_week_for(recap, ny) == date(2026, 12, 28)
    monday_recap = next_recap_at(tz_name=ny, after=utc(2026, 12, 30), weekday=0, at=time(9))
    assert wall(monday_recap, ny) == datetime(2027, 1, 4, 9)
    assert recap_week_for(monday_recap, ny) == date(2026, 12, 28)  # looks back


@pytest.mark.parametrize(
    ("local_day", "summarised"),
    [
        (date(2026, 6, 1), date(2026, 5, 25)),  # Monday: the week that just ended
        (date(2026, 6, 4), date(2026, 5, 25)),  # Thursday: still the previous week
        (date(2026, 6, 5), date(2026, 6, 1)),  # Friday: this week
        (date(2026, 6, 7), date(2026, 6, 1)),  # Sunday: this week
    ],
)
def test_recap_week_for_each_weekday(local_day: date, summarised: date) -> None:
    fire = local_fire_instant(local_day, time(18), ZoneInfo("Pacific/Chatham"))
    assert fire is not None
    assert recap_week_for(fire, "Pacific/Chatham") == summarised


@settings(max_examples=25, deadline=None)
@given(
    tz_name=st.sampled_from(ALL_ZONES),
    weekday=st.integers(0, 6),
    at=wall_times,
)
def test_one_recap_per_week_for_two_years(tz_name: str, weekday: int, at: time) -> None:
    after, weeks = utc(2026, 1, 1), list[date]()
    while after < utc(2028, 1, 1):
        after = next_recap_at(tz_name=tz_name, after=after, weekday=weekday, at=at)
        weeks.append(recap_week_for(after, tz_name))
    # Consecutive recaps summarise consecutive weeks: none twice, none left out.
    assert all(b - a == timedelta(days=7) for a, b in pairwise(weeks))
