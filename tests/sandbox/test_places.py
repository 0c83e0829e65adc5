"""Where `:location <place>` points: the tz database's cities, or typed coordinates."""

from __future__ import annotations

import pytest

from bot.sandbox.places import coordinates_of


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        ("Berlin", (52.5, 13.37)),
        ("new york", (40.71, -74.01)),
        ("  Sao   Paulo ", (-23.53, -46.62)),
        ("52.5, 13.4", (52.5, 13.4)),
        ("-33.9 151.2", (-33.9, 151.2)),
    ],
)
def test_places_and_coordinates(place: str, expected: tuple[float, float]) -> None:
    assert coordinates_of(place) == pytest.approx(expected, abs=0.01)


@pytest.mark.parametrize("place", ["Atlantis", "", "91, 0", "0, 181", "Berlin, Germany"])
def test_unknown_places_and_impossible_coordinates(place: str) -> None:
    assert coordinates_of(place) is None
