"""Where `:location Berlin` is: coordinates for the sandbox's pretend location shares.

The coordinates come from the time-zone database's own table (zone.tab in the tzdata package:
one principal city per zone, read by ``bot.domain.timezones.coordinates``), so any zone's city
works ("Berlin", "New York", "Sao Paulo"); "52.5, 13.4" is taken as latitude and longitude as
they stand.
"""

from __future__ import annotations

import re
from functools import cache

from bot.domain.timezones.coordinates import city_key, zone_cities

_COORDINATES_RE = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*[, ]\s*(-?\d+(?:\.\d+)?)\s*$")


def coordinates_of(place: str) -> tuple[float, float] | None:
    """(latitude, longitude) of a zone's city or of typed coordinates; None if unknown."""
    typed = _COORDINATES_RE.match(place)
    if typed is not None:
        latitude, longitude = float(typed.group(1)), float(typed.group(2))
        if -90 <= latitude <= 90 and -180 <= longitude <= 180:
            return latitude, longitude
        return None
    return _cities().get(city_key(place))


@cache
def _cities() -> dict[str, tuple[float, float]]:
    return {city.city: (city.latitude, city.longitude) for city in zone_cities()}
