"""Where `:location Berlin` is: coordinates for the sandbox's pretend location shares.

The coordinates come from the time-zone database's own table (zone.tab in the tzdata package:
one principal city per zone), so any zone's city works ("Berlin", "New York", "Sao Paulo");
"52.5, 13.4" is taken as latitude and longitude as they stand.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_COORDINATES_RE = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*[, ]\s*(-?\d+(?:\.\d+)?)\s*$")
# zone.tab writes +DDMM+DDDMM or +DDMMSS+DDDMMSS.
_ISO6709_RE = re.compile(r"^([+-]\d{2})(\d{2})(\d{2})?([+-]\d{3})(\d{2})(\d{2})?$")


def coordinates_of(place: str) -> tuple[float, float] | None:
    """(latitude, longitude) of a zone's city or of typed coordinates; None if unknown."""
    typed = _COORDINATES_RE.match(place)
    if typed is not None:
        latitude, longitude = float(typed.group(1)), float(typed.group(2))
        if -90 <= latitude <= 90 and -180 <= longitude <= 180:
            return latitude, longitude
        return None
    return _cities().get(_key(place))


def _key(name: str) -> str:
    return " ".join(name.replace("_", " ").casefold().split())


@cache
def _cities() -> dict[str, tuple[float, float]]:
    table = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text("utf-8")
    cities: dict[str, tuple[float, float]] = {}
    for line in table.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        fields = line.split("\t")
        point = _ISO6709_RE.match(fields[1])
        if point is None:
            continue
        cities[_key(fields[2].rsplit("/", 1)[-1])] = _degrees(point)
    return cities


def _degrees(point: re.Match[str]) -> tuple[float, float]:
    def angle(degrees: str, minutes: str, seconds: str | None) -> float:
        sign = -1.0 if degrees.startswith("-") else 1.0
        value = abs(int(degrees)) + int(minutes) / 60 + int(seconds or 0) / 3600
        return round(sign * value, 4)

    latitude = angle(point.group(1), point.group(2), point.group(3))
    longitude = angle(point.group(4), point.group(5), point.group(6))
    return latitude, longitude
