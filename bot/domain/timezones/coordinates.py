"""A time zone from a shared location, with no network: the nearest principal city of a zone.

The tz database ships its own table of one principal city per zone with coordinates
(``zone.tab`` in the tzdata package). The zone of the nearest such city is almost always the
person's zone; near a border it can be the neighbour's, which is why the reply names the
zone and its local time, so a wrong guess is seen and fixed at once.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

# More reference cities where a zone's one principal city is far from many of its people
# (Kolkata for all of India, Shanghai for all of China), or where a neighbour's city is
# nearer than one's own (Dallas is nearer Monterrey, which keeps no summer time, than Chicago).
_MORE_CITIES: tuple[tuple[str, float, float, str], ...] = (
    ("delhi", 28.61, 77.21, "Asia/Kolkata"), ("mumbai", 19.08, 72.88, "Asia/Kolkata"),
    ("bengaluru", 12.97, 77.59, "Asia/Kolkata"), ("chennai", 13.08, 80.27, "Asia/Kolkata"),
    ("hyderabad", 17.39, 78.49, "Asia/Kolkata"), ("ahmedabad", 23.02, 72.57, "Asia/Kolkata"),
    ("lucknow", 26.85, 80.95, "Asia/Kolkata"), ("amritsar", 31.63, 74.87, "Asia/Kolkata"),
    ("patna", 25.59, 85.14, "Asia/Kolkata"), ("guwahati", 26.14, 91.74, "Asia/Kolkata"),
    ("beijing", 39.90, 116.40, "Asia/Shanghai"), ("chengdu", 30.67, 104.07, "Asia/Shanghai"),
    ("chongqing", 29.56, 106.55, "Asia/Shanghai"), ("guangzhou", 23.13, 113.26, "Asia/Shanghai"),
    ("kunming", 25.04, 102.71, "Asia/Shanghai"), ("xian", 34.34, 108.94, "Asia/Shanghai"),
    ("lanzhou", 36.06, 103.83, "Asia/Shanghai"), ("lhasa", 29.65, 91.17, "Asia/Shanghai"),
    ("harbin", 45.80, 126.53, "Asia/Shanghai"),
    ("dallas", 32.78, -96.80, "America/Chicago"), ("houston", 29.76, -95.37, "America/Chicago"),
    ("san antonio", 29.42, -98.49, "America/Chicago"),
    ("new orleans", 29.95, -90.07, "America/Chicago"),
    ("minneapolis", 44.98, -93.27, "America/Chicago"),
    ("kansas city", 39.10, -94.58, "America/Chicago"),
    ("atlanta", 33.75, -84.39, "America/New_York"), ("miami", 25.76, -80.19, "America/New_York"),
    ("washington", 38.91, -77.04, "America/New_York"),
    ("boston", 42.36, -71.06, "America/New_York"),
    ("san diego", 32.72, -117.16, "America/Los_Angeles"),
    ("san francisco", 37.77, -122.42, "America/Los_Angeles"),
    ("seattle", 47.61, -122.33, "America/Los_Angeles"),
    ("el paso", 31.76, -106.49, "America/Denver"),
    ("salt lake city", 40.76, -111.89, "America/Denver"),
    ("montreal", 45.50, -73.57, "America/Toronto"), ("ottawa", 45.42, -75.70, "America/Toronto"),
    ("rio de janeiro", -22.91, -43.17, "America/Sao_Paulo"),
    ("brasilia", -15.79, -47.88, "America/Sao_Paulo"),
)  # fmt: skip
# zone.tab writes +DDMM+DDDMM or +DDMMSS+DDDMMSS.
_ISO6709_RE = re.compile(r"^([+-]\d{2})(\d{2})(\d{2})?([+-]\d{3})(\d{2})(\d{2})?$")


@dataclass(frozen=True, slots=True)
class ZoneCity:
    city: str  # "new york", lower case, spaces
    zone: str  # "America/New_York"
    latitude: float
    longitude: float


@cache
def zone_cities() -> tuple[ZoneCity, ...]:
    """Every zone's principal city, read once from the installed tz database."""
    table = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text("utf-8")
    cities: list[ZoneCity] = []
    for line in table.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        fields = line.split("\t")
        point = _ISO6709_RE.match(fields[1])
        if point is None:
            continue
        latitude, longitude = _degrees(point)
        cities.append(ZoneCity(city_key(fields[2]), fields[2], latitude, longitude))
    cities += [ZoneCity(name, zone, lat, lon) for name, lat, lon, zone in _MORE_CITIES]
    return tuple(cities)


def city_key(name: str) -> str:
    """ "America/New_York" or "New York" -> "new york"."""
    return " ".join(name.rsplit("/", 1)[-1].replace("_", " ").casefold().split())


def zone_at(latitude: float, longitude: float) -> str | None:
    """The zone of the nearest principal city; None for coordinates that are not on Earth."""
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    nearest = min(
        zone_cities(), key=lambda c: _distance(latitude, longitude, c.latitude, c.longitude)
    )
    return nearest.zone


def _distance(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Central angle between two points (haversine): only compared, so no Earth radius."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_dphi = (phi2 - phi1) / 2
    half_dlambda = math.radians(lon2 - lon1) / 2
    h = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    return 2 * math.asin(min(1.0, math.sqrt(h)))


def _degrees(point: re.Match[str]) -> tuple[float, float]:
    def angle(degrees: str, minutes: str, seconds: str | None) -> float:
        sign = -1.0 if degrees.startswith("-") else 1.0
        value = abs(int(degrees)) + int(minutes) / 60 + int(seconds or 0) / 3600
        return round(sign * value, 4)

    latitude = angle(point.group(1), point.group(2), point.group(3))
    longitude = angle(point.group(4), point.group(5), point.group(6))
    return latitude, longitude
