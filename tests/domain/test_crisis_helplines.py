"""bot.domain.crisis.helplines: a line for every country in the table and every zone in
the onboarding picker, chosen by time zone and language."""

from __future__ import annotations

import re

import pytest

from bot.domain.crisis.helplines import (
    CHECKED,
    COUNTRIES,
    country_of,
    lines_for,
    zone_countries,
)
from bot.domain.flows.onboarding import COMMON_ZONES

REQUIRED = [
    "US",
    "GB",
    "IE",
    "CA",
    "AU",
    "NZ",
    "IN",
    "DE",
    "FR",
    "ES",
    "IT",
    "NL",
    "BR",
    "MX",
    "AR",
    "RU",
    "UA",
    "PL",
    "JP",
    "ZA",
    "PH",
    "SG",
]


def test_the_table_covers_the_countries_the_issue_names_and_is_dated() -> None:
    assert len(COUNTRIES) >= 25
    assert set(REQUIRED) <= set(COUNTRIES)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", CHECKED)


@pytest.mark.parametrize("code", sorted(COUNTRIES))
def test_every_country_resolves_from_one_of_its_zones(code: str) -> None:
    country = COUNTRIES[code]
    zones = [zone for zone, owner in zone_countries().items() if owner == code]
    assert zones, f"no zone in zone.tab for {code}"
    assert all(country_of(zone) is country for zone in zones)
    assert country.lines and country.emergency
    for line in country.lines:
        assert line.name and re.search(r"\d", line.number) and "." in line.source


@pytest.mark.parametrize(("slug", "zone"), COMMON_ZONES)
def test_every_zone_in_the_picker_has_a_line(slug: str, zone: str) -> None:
    country = country_of(zone)
    assert country is not None, slug
    assert lines_for(country, "en")


def test_old_zone_names_resolve_through_their_link() -> None:
    assert (c := country_of("Europe/Kiev")) is not None and c.code == "UA"
    assert (c := country_of("Asia/Calcutta")) is not None and c.code == "IN"


def test_no_country_for_offsets_and_odd_input() -> None:
    for zone in ("UTC", "Etc/GMT-2", "../../etc/passwd", ""):
        assert country_of(zone) is None


def test_language_picks_among_a_countrys_lines() -> None:
    belgium = COUNTRIES["BE"]
    assert [line.number for line in lines_for(belgium, "fr")] == ["0800 32 123"]
    assert [line.number for line in lines_for(belgium, "nl")] == ["1813"]
    assert len(lines_for(belgium, "en")) == 2  # no line in that language: all of them
    japan = COUNTRIES["JP"]
    assert len(lines_for(japan, "en")) == 2 and len(lines_for(japan, "ru")) == 1


@pytest.mark.parametrize(
    ("code", "language"),
    [
        ("ES", "es"),
        ("MX", "es"),
        ("AR", "es"),
        ("CO", "es"),
        ("CL", "es"),
        ("PE", "es"),
        ("UY", "es"),
        ("RU", "ru"),
        ("UA", "ru"),
        ("KZ", "ru"),
        ("BY", "ru"),
    ],
)
def test_spanish_and_russian_speaking_countries_have_lines(code: str, language: str) -> None:
    country = COUNTRIES[code]
    assert lines_for(country, language)
    zones = [zone for zone, owner in zone_countries().items() if owner == code]
    assert zones and country_of(zones[0]) is country
