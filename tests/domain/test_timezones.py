"""Resolving typed timezones and nudge times."""

from __future__ import annotations

import time as clock
from datetime import time
from zoneinfo import ZoneInfo, available_timezones

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.timezones import is_impossible_time, parse_nudge_time, resolve_timezone
from bot.domain.timezones.coordinates import zone_at

# ─────────────────────────────────────────────────────────────────────────────
# resolve_timezone
# ─────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # IANA names in any case
        ("Europe/Berlin", "Europe/Berlin"),
        ("europe/berlin", "Europe/Berlin"),
        ("EUROPE/BERLIN", "Europe/Berlin"),
        ("America/New York", "America/New_York"),
        ("america/argentina/buenos_aires", "America/Argentina/Buenos_Aires"),
        ("Etc/GMT-2", "Etc/GMT-2"),
        ("my timezone is europe/london", "Europe/London"),
        # Cities from the tz database
        ("Berlin", "Europe/Berlin"),
        ("new york", "America/New_York"),
        ("São Paulo", "America/Sao_Paulo"),
        ("Sao Paulo", "America/Sao_Paulo"),
        ("Kyiv", "Europe/Kyiv"),
        ("Tokyo", "Asia/Tokyo"),
        ("Sydney", "Australia/Sydney"),
        ("London", "Europe/London"),
        ("Paris", "Europe/Paris"),
        ("Madrid", "Europe/Madrid"),
        ("Lagos", "Africa/Lagos"),
        ("Nairobi", "Africa/Nairobi"),
        ("Cairo", "Africa/Cairo"),
        ("Mexico City", "America/Mexico_City"),
        ("Toronto", "America/Toronto"),
        ("Vancouver", "America/Vancouver"),
        ("Chicago", "America/Chicago"),
        ("Denver", "America/Denver"),
        ("Los Angeles", "America/Los_Angeles"),
        ("Dubai", "Asia/Dubai"),
        ("Singapore", "Asia/Singapore"),
        ("Hong Kong", "Asia/Hong_Kong"),
        ("Seoul", "Asia/Seoul"),
        ("Jakarta", "Asia/Jakarta"),
        ("Manila", "Asia/Manila"),
        ("Auckland", "Pacific/Auckland"),
        ("Buenos Aires", "America/Argentina/Buenos_Aires"),
        ("Bogotá", "America/Bogota"),
        ("Lima", "America/Lima"),
        ("Istanbul", "Europe/Istanbul"),
        ("Moscow", "Europe/Moscow"),
        ("Warsaw", "Europe/Warsaw"),
        ("Amsterdam", "Europe/Amsterdam"),
        ("Dublin", "Europe/Dublin"),
        ("Lisbon", "Europe/Lisbon"),
        ("Johannesburg", "Africa/Johannesburg"),
        ("Zürich", "Europe/Zurich"),
        ("Ho Chi Minh City", "Asia/Ho_Chi_Minh"),
        # Aliases: big cities that are not zone names, old names, native spellings
        ("NYC", "America/New_York"),
        ("LA", "America/Los_Angeles"),
        ("San Francisco", "America/Los_Angeles"),
        ("Seattle", "America/Los_Angeles"),
        ("Mumbai", "Asia/Kolkata"),
        ("Delhi", "Asia/Kolkata"),
        ("Bangalore", "Asia/Kolkata"),
        ("Kiev", "Europe/Kyiv"),
        ("Munich", "Europe/Berlin"),
        ("Köln", "Europe/Berlin"),
        ("Washington DC", "America/New_York"),
        ("Beijing", "Asia/Shanghai"),
        ("Москва", "Europe/Moscow"),
        ("Київ", "Europe/Kyiv"),
        ("東京", "Asia/Tokyo"),
        # Countries and regions with one (dominant) zone
        ("Germany", "Europe/Berlin"),
        ("Japan", "Asia/Tokyo"),
        ("India", "Asia/Kolkata"),
        ("UK", "Europe/London"),
        ("U.K.", "Europe/London"),
        ("United Kingdom", "Europe/London"),
        ("England", "Europe/London"),
        ("France", "Europe/Paris"),
        ("Spain", "Europe/Madrid"),
        ("Italy", "Europe/Rome"),
        ("Nigeria", "Africa/Lagos"),
        ("Kenya", "Africa/Nairobi"),
        ("Türkiye", "Europe/Istanbul"),
        ("California", "America/Los_Angeles"),
        # Abbreviations
        ("UTC", "UTC"),
        ("utc", "UTC"),
        ("GMT", "Etc/GMT"),
        ("CET", "Europe/Berlin"),
        ("EST", "America/New_York"),
        ("PST", "America/Los_Angeles"),
        ("JST", "Asia/Tokyo"),
        ("central time", "America/Chicago"),
        ("Eastern Time", "America/New_York"),
        ("I'm in the central time zone", "America/Chicago"),
        # Offsets (Etc signs are inverted)
        ("UTC+2", "Etc/GMT-2"),
        ("utc +2", "Etc/GMT-2"),
        ("UTC+02:00", "Etc/GMT-2"),
        ("GMT-5", "Etc/GMT+5"),
        ("UTC−5", "Etc/GMT+5"),  # unicode minus
        ("+3", "Etc/GMT-3"),
        ("UTC+0", "UTC"),
        ("UTC-12", "Etc/GMT+12"),
        ("UTC+14", "Etc/GMT-14"),
        ("+05:30", "Asia/Kolkata"),
        ("UTC+5:30", "Asia/Kolkata"),
        ("UTC+0530", "Asia/Kolkata"),
        ("UTC+5.5", "Asia/Kolkata"),
        ("+5:45", "Asia/Kathmandu"),
        ("-3:30", "America/St_Johns"),
        ("+9:30", "Australia/Adelaide"),
        ("+3:30", "Asia/Tehran"),
        ("IST (UTC+5:30)", "Asia/Kolkata"),
        ("Berlin (UTC+1)", "Europe/Berlin"),  # a place beats an offset
        # Sentences, punctuation, parts that agree
        ("I live in Berlin", "Europe/Berlin"),
        ("i'm from berlin!", "Europe/Berlin"),
        ("berlin, germany", "Europe/Berlin"),
        ("Berlin Germany", "Europe/Berlin"),
        ("Vancouver, Canada", "America/Vancouver"),
        ("Portland, Oregon", "America/Los_Angeles"),
        ("Atlanta, Georgia", "America/New_York"),
        ("sunny Berlin", "Europe/Berlin"),
        ("I moved to Lisbon last year", "Europe/Lisbon"),
        ("I'll be in Berlin for Christmas", "Europe/Berlin"),
        ("  BERLIN  ", "Europe/Berlin"),
        ("Ber\u200blin", "Europe/Berlin"),
        # Small typos in longer names
        ("Berlni", "Europe/Berlin"),
        ("Londn", "Europe/London"),
        ("Tokio", "Asia/Tokyo"),
        ("Sidney", "Australia/Sydney"),
        ("Johanesburg", "Africa/Johannesburg"),
        ("Amsterdm", "Europe/Amsterdam"),
    ],
)
def test_resolve_timezone(text: str, expected: str) -> None:
    assert resolve_timezone(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "🙂",
        "banana",
        "hello",
        "tomorrow",
        "being",  # one letter from Beijing: not a typo we guess
        "earth",  # not Perth
        "while",
        "asdfgh",
        "IST",  # India, Ireland or Israel
        "CST",  # US Central, China or Cuba
        "BST",
        "USA",
        "United States",
        "Canada",
        "Russia",
        "Brazil",
        "Australia",
        "Georgia",  # country or state
        "Washington",  # state or DC
        "Paris, Texas",  # parts disagree
        "London, Ontario",
        "UTC+15",
        "UTC-13",
        "+25:00",
        "+5:17",  # no zone uses it
        "Ber",  # too short for a guess
        "EST5EDT",  # legacy zone names are not offered
        "the moon",
        "12/05/2024",
    ],
)
def test_unknown_or_ambiguous_timezone(text: str) -> None:
    assert resolve_timezone(text) is None


_ZONE_NAMES = sorted(z for z in available_timezones() if "/" in z)


@given(name=st.sampled_from(_ZONE_NAMES))
@settings(max_examples=200)
def test_every_iana_name_resolves_to_itself(name: str) -> None:
    assert resolve_timezone(name) == name
    assert resolve_timezone(name.lower()) == name


@given(text=st.one_of(st.text(), st.text(min_size=1, max_size=30).map(lambda s: s * 300)))
@settings(max_examples=300)
def test_resolve_timezone_is_total_and_valid(text: str) -> None:
    zone = resolve_timezone(text)
    if zone is not None:
        ZoneInfo(zone)  # a real zone, never a made-up name


# ─────────────────────────────────────────────────────────────────────────────
# parse_nudge_time
# ─────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8", time(8)),
        ("8am", time(8)),
        ("8 am", time(8)),
        ("8 AM", time(8)),
        ("8 a.m.", time(8)),
        ("08:30", time(8, 30)),
        ("8.30", time(8, 30)),
        ("8h30", time(8, 30)),
        ("0830", time(8, 30)),
        ("830", time(8, 30)),
        ("8:30pm", time(20, 30)),
        ("8:30 p.m.", time(20, 30)),
        ("20:15", time(20, 15)),
        ("2015", time(20, 15)),
        ("20h", time(20)),
        ("7:07", time(7, 7)),  # minutes kept as given
        ("8:59", time(8, 59)),
        ("17:00", time(17)),
        ("00:00", time(0)),
        ("at 8.", time(8)),
        ("every day at 9am", time(9)),
        ("around 7ish", time(7)),
        ("8 o'clock", time(8)),
        ("eight", time(8)),
        ("eight am", time(8)),
        ("seven thirty", time(7, 30)),
        ("half past 7", time(7, 30)),
        ("half past seven", time(7, 30)),
        ("half seven", time(7, 30)),  # British
        ("quarter past 8", time(8, 15)),
        ("quarter to 9", time(8, 45)),
        ("ten to one", time(12, 50)),
        ("twenty past seven", time(7, 20)),
        # Bare hours 1-5 mean the afternoon; 6-12 are taken as said
        ("7", time(7)),
        ("6", time(6)),
        ("12", time(12)),
        ("3", time(15)),
        ("5:30", time(17, 30)),
        ("half past 3", time(15, 30)),
        ("03:00", time(3)),  # zero-padded: a deliberate 24-hour clock
        ("3am", time(3)),
        ("13", time(13)),
        ("12am", time(0)),
        ("12pm", time(12)),
        # Words that set the half of the day
        ("at 7 in the evening", time(19)),
        ("tonight at 8", time(20)),
        ("9 at night", time(21)),
        ("7 in the morning", time(7)),
        ("3 in the morning", time(3)),
        ("6 after work", time(18)),
        ("19 in the evening", time(19)),
        ("12 noon", time(12)),
        ("12 midnight", time(0)),
        # Named times
        ("noon", time(12)),
        ("midday", time(12)),
        ("midnight", time(0)),
        ("morning", time(9)),
        ("in the morning", time(9)),
        ("early morning", time(7)),
        ("lunchtime", time(12, 30)),
        ("lunch", time(12, 30)),
        ("afternoon", time(15)),
        ("evening", time(19)),
        ("Evenings please", time(19)),
        ("after work", time(18)),
        ("on the 5th at 7", time(7)),  # "5th" is a date, not a time
    ],
)
def test_parse_nudge_time(text: str, expected: time) -> None:
    assert parse_nudge_time(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "banana",
        "🙂",
        "25:00",
        "24:00",
        "8:60",
        "8:5",
        "13pm",  # contradiction
        "0am",
        "8pm in the morning",
        "15 in the morning",
        "8 or 9",  # two times
        "between 8 and 9",
        "morning and evening",
        "whenever",
        "12345",
    ],
)
def test_invalid_nudge_time(text: str) -> None:
    assert parse_nudge_time(text) is None


@given(text=st.one_of(st.text(), st.text(min_size=1, max_size=30).map(lambda s: s * 300)))
@settings(max_examples=300)
def test_parse_nudge_time_is_total(text: str) -> None:
    result = parse_nudge_time(text)
    assert result is None or isinstance(result, time)


@given(hour=st.integers(0, 23), minute=st.integers(0, 59))
def test_every_24h_clock_time_round_trips(hour: int, minute: int) -> None:
    assert parse_nudge_time(f"{hour:02d}:{minute:02d}") == time(hour, minute)


@pytest.mark.parametrize("text", ["Berlin " * 2000, "8" * 10_000, "a" * 100_000, "\u200d" * 5000])
def test_huge_inputs_are_fast(text: str) -> None:
    started = clock.perf_counter()
    resolve_timezone(text)
    parse_nudge_time(text)
    assert clock.perf_counter() - started < 1.0


@pytest.mark.parametrize(
    "text", ["25:00", "24:00", "7:75", "8:60", "19.99", "25", "99", "13pm", "at 25:00 please"]
)
def test_a_clock_shape_no_clock_shows_is_told_apart(text: str) -> None:
    assert parse_nudge_time(text) is None
    assert is_impossible_time(text)


@pytest.mark.parametrize(
    "text", ["9:00", "7pm", "banana", "", "8 or 9", "30 minutes after 7", "12345", "0am", "8:5"]
)
def test_a_possible_or_unclear_time_is_not_called_impossible(text: str) -> None:
    assert not is_impossible_time(text)


@pytest.mark.parametrize(
    ("latitude", "longitude", "zone"),
    [
        (52.52, 13.40, "Europe/Berlin"),
        (40.71, -74.01, "America/New_York"),
        (-23.55, -46.63, "America/Sao_Paulo"),
        (28.61, 77.21, "Asia/Kolkata"),  # Delhi: nearer Kathmandu than Kolkata
        (32.78, -96.80, "America/Chicago"),  # Dallas: nearer Monterrey than Chicago
        (30.67, 104.07, "Asia/Shanghai"),  # Chengdu
        (-36.85, 174.76, "Pacific/Auckland"),
    ],
)
def test_zone_at_a_location_is_the_nearest_zone_city(
    latitude: float, longitude: float, zone: str
) -> None:
    assert zone_at(latitude, longitude) == zone


def test_zone_at_coordinates_off_the_earth_is_none() -> None:
    assert zone_at(91, 0) is None
    assert zone_at(0, 181) is None
