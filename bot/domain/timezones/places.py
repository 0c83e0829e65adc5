"""Place data for time zones: abbreviations, city aliases, regions and countries, and the
lookup index built from them and the installed tz database (once, lazily).

``None`` marks a name that is known but ambiguous: never guessed. Native spellings live
here too ("москва", "київ"), so a new language adds its city names as data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Final
from zoneinfo import available_timezones

from bot.domain.normalise import plain, words_only

# Place tables. ``None`` marks a name that is known but ambiguous: never guessed.

_AMBIGUOUS: Final = None

_ABBREVIATIONS: dict[str, str | None] = {
    "utc": "UTC", "z": "UTC", "zulu": "UTC", "coordinated universal": "UTC",
    "gmt": "Etc/GMT", "greenwich mean": "Etc/GMT",
    "est": "America/New_York", "edt": "America/New_York", "et": "America/New_York",
    "eastern": "America/New_York", "us eastern": "America/New_York",
    "cdt": "America/Chicago", "ct": "America/Chicago", "central": "America/Chicago",
    "us central": "America/Chicago",
    "mst": "America/Denver", "mdt": "America/Denver", "mt": "America/Denver",
    "mountain": "America/Denver", "us mountain": "America/Denver",
    "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles", "pt": "America/Los_Angeles",
    "pacific": "America/Los_Angeles", "us pacific": "America/Los_Angeles",
    "akst": "America/Anchorage", "akdt": "America/Anchorage", "hst": "Pacific/Honolulu",
    "cet": "Europe/Berlin", "cest": "Europe/Berlin", "mez": "Europe/Berlin",
    "central european": "Europe/Berlin", "eet": "Europe/Athens", "eest": "Europe/Athens",
    "eastern european": "Europe/Athens", "wet": "Europe/Lisbon", "west": "Europe/Lisbon",
    "western european": "Europe/Lisbon", "msk": "Europe/Moscow",
    "jst": "Asia/Tokyo", "kst": "Asia/Seoul", "hkt": "Asia/Hong_Kong", "sgt": "Asia/Singapore",
    "pht": "Asia/Manila", "wib": "Asia/Jakarta", "ict": "Asia/Bangkok", "pkt": "Asia/Karachi",
    "npt": "Asia/Kathmandu", "aest": "Australia/Sydney", "aedt": "Australia/Sydney",
    "acst": "Australia/Adelaide", "acdt": "Australia/Adelaide", "awst": "Australia/Perth",
    "nzst": "Pacific/Auckland", "nzdt": "Pacific/Auckland", "wat": "Africa/Lagos",
    "eat": "Africa/Nairobi", "cat": "Africa/Maputo", "sast": "Africa/Johannesburg",
    "nst": "America/St_Johns", "ndt": "America/St_Johns", "brt": "America/Sao_Paulo",
    "art": "America/Argentina/Buenos_Aires",
    "ist": _AMBIGUOUS, "cst": _AMBIGUOUS, "bst": _AMBIGUOUS, "ast": _AMBIGUOUS,
    "adt": _AMBIGUOUS, "gst": _AMBIGUOUS, "sst": _AMBIGUOUS, "amt": _AMBIGUOUS,
}  # fmt: skip

_COUNTRIES: dict[str, str | None] = {
    # Western and central Europe
    "uk": "Europe/London", "u k": "Europe/London", "united kingdom": "Europe/London",
    "great britain": "Europe/London", "britain": "Europe/London", "gb": "Europe/London",
    "england": "Europe/London", "scotland": "Europe/London", "wales": "Europe/London",
    "northern ireland": "Europe/London", "ireland": "Europe/Dublin", "eire": "Europe/Dublin",
    "germany": "Europe/Berlin", "deutschland": "Europe/Berlin", "france": "Europe/Paris",
    "spain": "Europe/Madrid", "espana": "Europe/Madrid", "portugal": "Europe/Lisbon",
    "italy": "Europe/Rome", "italia": "Europe/Rome", "netherlands": "Europe/Amsterdam",
    "the netherlands": "Europe/Amsterdam", "holland": "Europe/Amsterdam",
    "belgium": "Europe/Brussels", "luxembourg": "Europe/Luxembourg",
    "switzerland": "Europe/Zurich", "austria": "Europe/Vienna", "poland": "Europe/Warsaw",
    "czechia": "Europe/Prague", "czech republic": "Europe/Prague",
    "slovakia": "Europe/Bratislava", "slovenia": "Europe/Ljubljana",
    "croatia": "Europe/Zagreb", "serbia": "Europe/Belgrade", "hungary": "Europe/Budapest",
    "bosnia": "Europe/Sarajevo", "north macedonia": "Europe/Skopje", "albania": "Europe/Tirane",
    "montenegro": "Europe/Podgorica", "malta": "Europe/Malta",
    # Northern and eastern Europe
    "denmark": "Europe/Copenhagen", "norway": "Europe/Oslo", "sweden": "Europe/Stockholm",
    "finland": "Europe/Helsinki", "iceland": "Atlantic/Reykjavik", "estonia": "Europe/Tallinn",
    "latvia": "Europe/Riga", "lithuania": "Europe/Vilnius", "ukraine": "Europe/Kyiv",
    "belarus": "Europe/Minsk", "moldova": "Europe/Chisinau", "romania": "Europe/Bucharest",
    "bulgaria": "Europe/Sofia", "greece": "Europe/Athens", "cyprus": "Asia/Nicosia",
    "turkey": "Europe/Istanbul", "turkiye": "Europe/Istanbul",
    # Middle East, Africa
    "israel": "Asia/Jerusalem", "lebanon": "Asia/Beirut", "jordan": "Asia/Amman",
    "iran": "Asia/Tehran", "iraq": "Asia/Baghdad", "saudi arabia": "Asia/Riyadh",
    "saudi": "Asia/Riyadh", "ksa": "Asia/Riyadh", "uae": "Asia/Dubai",
    "united arab emirates": "Asia/Dubai", "emirates": "Asia/Dubai", "qatar": "Asia/Qatar",
    "kuwait": "Asia/Kuwait", "bahrain": "Asia/Bahrain", "oman": "Asia/Muscat",
    "egypt": "Africa/Cairo", "morocco": "Africa/Casablanca", "tunisia": "Africa/Tunis",
    "algeria": "Africa/Algiers", "nigeria": "Africa/Lagos", "ghana": "Africa/Accra",
    "kenya": "Africa/Nairobi", "ethiopia": "Africa/Addis_Ababa", "uganda": "Africa/Kampala",
    "tanzania": "Africa/Dar_es_Salaam", "rwanda": "Africa/Kigali",
    "south africa": "Africa/Johannesburg", "zimbabwe": "Africa/Harare",
    "zambia": "Africa/Lusaka", "senegal": "Africa/Dakar", "cameroon": "Africa/Douala",
    "ivory coast": "Africa/Abidjan", "cote d ivoire": "Africa/Abidjan",
    "angola": "Africa/Luanda", "mozambique": "Africa/Maputo", "namibia": "Africa/Windhoek",
    # Asia, Oceania
    "india": "Asia/Kolkata", "bharat": "Asia/Kolkata", "pakistan": "Asia/Karachi",
    "bangladesh": "Asia/Dhaka", "sri lanka": "Asia/Colombo", "nepal": "Asia/Kathmandu",
    "afghanistan": "Asia/Kabul", "china": "Asia/Shanghai", "prc": "Asia/Shanghai",
    "taiwan": "Asia/Taipei", "japan": "Asia/Tokyo", "south korea": "Asia/Seoul",
    "korea": "Asia/Seoul", "rok": "Asia/Seoul", "philippines": "Asia/Manila",
    "thailand": "Asia/Bangkok",
    "vietnam": "Asia/Ho_Chi_Minh", "viet nam": "Asia/Ho_Chi_Minh",
    "cambodia": "Asia/Phnom_Penh", "laos": "Asia/Vientiane", "myanmar": "Asia/Yangon",
    "burma": "Asia/Yangon", "malaysia": "Asia/Kuala_Lumpur", "singapore": "Asia/Singapore",
    "new zealand": "Pacific/Auckland", "nz": "Pacific/Auckland",
    # The Americas
    "argentina": "America/Argentina/Buenos_Aires", "colombia": "America/Bogota",
    "peru": "America/Lima", "venezuela": "America/Caracas", "chile": "America/Santiago",
    "ecuador": "America/Guayaquil", "bolivia": "America/La_Paz",
    "paraguay": "America/Asuncion", "uruguay": "America/Montevideo", "cuba": "America/Havana",
    "jamaica": "America/Jamaica", "puerto rico": "America/Puerto_Rico",
    "dominican republic": "America/Santo_Domingo", "costa rica": "America/Costa_Rica",
    "guatemala": "America/Guatemala", "panama": "America/Panama",
    "honduras": "America/Tegucigalpa", "el salvador": "America/El_Salvador",
    "nicaragua": "America/Managua",
    # Several zones, or a name shared with another place: ask for a city instead.
    "usa": _AMBIGUOUS, "us": _AMBIGUOUS, "u s": _AMBIGUOUS, "united states": _AMBIGUOUS,
    "america": _AMBIGUOUS, "the us": _AMBIGUOUS, "canada": _AMBIGUOUS, "russia": _AMBIGUOUS,
    "brazil": _AMBIGUOUS, "australia": _AMBIGUOUS, "mexico": _AMBIGUOUS,
    "indonesia": _AMBIGUOUS, "kazakhstan": _AMBIGUOUS, "mongolia": _AMBIGUOUS,
    "georgia": _AMBIGUOUS, "congo": _AMBIGUOUS, "greenland": _AMBIGUOUS,
    "europe": _AMBIGUOUS, "asia": _AMBIGUOUS, "africa": _AMBIGUOUS,
}  # fmt: skip

_REGIONS: dict[str, str | None] = {
    "california": "America/Los_Angeles", "oregon": "America/Los_Angeles",
    "nevada": "America/Los_Angeles", "washington state": "America/Los_Angeles",
    "texas": "America/Chicago", "illinois": "America/Chicago",
    "minnesota": "America/Chicago", "florida": "America/New_York",
    "massachusetts": "America/New_York", "new jersey": "America/New_York",
    "pennsylvania": "America/New_York", "ohio": "America/New_York",
    "colorado": "America/Denver", "utah": "America/Denver", "arizona": "America/Phoenix",
    "hawaii": "Pacific/Honolulu", "alaska": "America/Anchorage",
    "ontario": "America/Toronto", "quebec": "America/Toronto",
    "british columbia": "America/Vancouver", "bc": "America/Vancouver",
    "alberta": "America/Edmonton", "new south wales": "Australia/Sydney",
    "queensland": "Australia/Brisbane", "western australia": "Australia/Perth",
    "tasmania": "Australia/Hobart", "bavaria": "Europe/Berlin", "catalonia": "Europe/Madrid",
    "washington": _AMBIGUOUS,  # the state or DC?
    "victoria": _AMBIGUOUS,  # Australian state, Canadian city, Seychelles capital
    "cordoba": _AMBIGUOUS,  # Argentina or Spain
}  # fmt: skip

# Big cities that are not zone names, old names, short forms and a few native spellings.
_CITY_ALIASES: dict[str, str] = {
    # United States
    "nyc": "America/New_York", "ny": "America/New_York", "new york city": "America/New_York",
    "manhattan": "America/New_York", "brooklyn": "America/New_York",
    "boston": "America/New_York", "philadelphia": "America/New_York",
    "philly": "America/New_York", "washington dc": "America/New_York",
    "dc": "America/New_York", "washington d c": "America/New_York",
    "miami": "America/New_York", "atlanta": "America/New_York",
    "orlando": "America/New_York", "tampa": "America/New_York",
    "pittsburgh": "America/New_York", "baltimore": "America/New_York",
    "charlotte": "America/New_York", "raleigh": "America/New_York",
    "cleveland": "America/New_York", "newark": "America/New_York",
    "jersey city": "America/New_York",
    "houston": "America/Chicago", "dallas": "America/Chicago", "austin": "America/Chicago",
    "san antonio": "America/Chicago", "minneapolis": "America/Chicago",
    "st louis": "America/Chicago", "saint louis": "America/Chicago",
    "new orleans": "America/Chicago", "nashville": "America/Chicago",
    "kansas city": "America/Chicago", "milwaukee": "America/Chicago",
    "salt lake city": "America/Denver", "albuquerque": "America/Denver",
    "la": "America/Los_Angeles", "l a": "America/Los_Angeles",
    "sf": "America/Los_Angeles", "san francisco": "America/Los_Angeles",
    "bay area": "America/Los_Angeles", "silicon valley": "America/Los_Angeles",
    "san jose": "America/Los_Angeles", "oakland": "America/Los_Angeles",
    "san diego": "America/Los_Angeles", "seattle": "America/Los_Angeles",
    "portland": "America/Los_Angeles", "sacramento": "America/Los_Angeles",
    "las vegas": "America/Los_Angeles", "vegas": "America/Los_Angeles",
    # Canada, Mexico, South America
    "montreal": "America/Toronto", "ottawa": "America/Toronto",
    "quebec city": "America/Toronto", "calgary": "America/Edmonton",
    "cdmx": "America/Mexico_City", "guadalajara": "America/Mexico_City",
    "rio de janeiro": "America/Sao_Paulo",
    "brasilia": "America/Sao_Paulo", "belo horizonte": "America/Sao_Paulo",
    "buenos aires": "America/Argentina/Buenos_Aires", "medellin": "America/Bogota",
    "san juan": "America/Puerto_Rico", "quito": "America/Guayaquil",
    # Europe
    "munich": "Europe/Berlin", "munchen": "Europe/Berlin", "frankfurt": "Europe/Berlin",
    "hamburg": "Europe/Berlin", "cologne": "Europe/Berlin", "koln": "Europe/Berlin",
    "dusseldorf": "Europe/Berlin", "stuttgart": "Europe/Berlin", "leipzig": "Europe/Berlin",
    "dresden": "Europe/Berlin", "barcelona": "Europe/Madrid", "valencia": "Europe/Madrid",
    "seville": "Europe/Madrid", "sevilla": "Europe/Madrid", "malaga": "Europe/Madrid",
    "bilbao": "Europe/Madrid", "milan": "Europe/Rome", "milano": "Europe/Rome",
    "naples": "Europe/Rome", "florence": "Europe/Rome", "venice": "Europe/Rome",
    "turin": "Europe/Rome", "bologna": "Europe/Rome", "roma": "Europe/Rome",
    "lyon": "Europe/Paris", "marseille": "Europe/Paris", "toulouse": "Europe/Paris",
    "bordeaux": "Europe/Paris", "nice": "Europe/Paris", "lille": "Europe/Paris",
    "manchester": "Europe/London", "birmingham": "Europe/London",
    "liverpool": "Europe/London", "leeds": "Europe/London", "bristol": "Europe/London",
    "edinburgh": "Europe/London", "glasgow": "Europe/London", "cardiff": "Europe/London",
    "belfast": "Europe/London", "cork": "Europe/Dublin", "geneva": "Europe/Zurich",
    "geneve": "Europe/Zurich", "basel": "Europe/Zurich", "bern": "Europe/Zurich",
    "lausanne": "Europe/Zurich", "rotterdam": "Europe/Amsterdam",
    "the hague": "Europe/Amsterdam", "utrecht": "Europe/Amsterdam",
    "antwerp": "Europe/Brussels", "ghent": "Europe/Brussels", "bruxelles": "Europe/Brussels",
    "porto": "Europe/Lisbon", "lisboa": "Europe/Lisbon", "krakow": "Europe/Warsaw",
    "cracow": "Europe/Warsaw", "gdansk": "Europe/Warsaw", "wroclaw": "Europe/Warsaw",
    "warszawa": "Europe/Warsaw", "praha": "Europe/Prague", "wien": "Europe/Vienna",
    "gothenburg": "Europe/Stockholm", "goteborg": "Europe/Stockholm",
    "malmo": "Europe/Stockholm", "aarhus": "Europe/Copenhagen", "bergen": "Europe/Oslo",
    "thessaloniki": "Europe/Athens", "kiev": "Europe/Kyiv", "odessa": "Europe/Kyiv",
    "odesa": "Europe/Kyiv", "kharkiv": "Europe/Kyiv", "lviv": "Europe/Kyiv",
    "dnipro": "Europe/Kyiv", "st petersburg": "Europe/Moscow",
    "saint petersburg": "Europe/Moscow",
    "istanbul": "Europe/Istanbul", "ankara": "Europe/Istanbul", "izmir": "Europe/Istanbul",
    "tel aviv": "Asia/Jerusalem", "haifa": "Asia/Jerusalem",
    # Asia, Oceania
    "mumbai": "Asia/Kolkata", "bombay": "Asia/Kolkata", "delhi": "Asia/Kolkata",
    "new delhi": "Asia/Kolkata", "bangalore": "Asia/Kolkata", "bengaluru": "Asia/Kolkata",
    "chennai": "Asia/Kolkata", "madras": "Asia/Kolkata", "hyderabad": "Asia/Kolkata",
    "pune": "Asia/Kolkata", "ahmedabad": "Asia/Kolkata", "jaipur": "Asia/Kolkata",
    "calcutta": "Asia/Kolkata", "lahore": "Asia/Karachi", "islamabad": "Asia/Karachi",
    "beijing": "Asia/Shanghai", "peking": "Asia/Shanghai", "shenzhen": "Asia/Shanghai",
    "guangzhou": "Asia/Shanghai", "chengdu": "Asia/Shanghai", "hangzhou": "Asia/Shanghai",
    "wuhan": "Asia/Shanghai", "nanjing": "Asia/Shanghai", "xian": "Asia/Shanghai",
    "osaka": "Asia/Tokyo", "kyoto": "Asia/Tokyo", "yokohama": "Asia/Tokyo",
    "nagoya": "Asia/Tokyo", "sapporo": "Asia/Tokyo", "fukuoka": "Asia/Tokyo",
    "busan": "Asia/Seoul", "incheon": "Asia/Seoul", "saigon": "Asia/Ho_Chi_Minh",
    "ho chi minh city": "Asia/Ho_Chi_Minh", "hcmc": "Asia/Ho_Chi_Minh",
    "hanoi": "Asia/Ho_Chi_Minh", "abu dhabi": "Asia/Dubai", "sharjah": "Asia/Dubai",
    "doha": "Asia/Qatar", "jeddah": "Asia/Riyadh", "mecca": "Asia/Riyadh",
    "kuwait city": "Asia/Kuwait", "manama": "Asia/Bahrain", "cebu": "Asia/Manila",
    "quezon city": "Asia/Manila", "bali": "Asia/Makassar", "denpasar": "Asia/Makassar",
    "surabaya": "Asia/Jakarta", "bandung": "Asia/Jakarta", "kl": "Asia/Kuala_Lumpur",
    "penang": "Asia/Kuala_Lumpur", "chiang mai": "Asia/Bangkok", "phuket": "Asia/Bangkok",
    "hk": "Asia/Hong_Kong", "hongkong": "Asia/Hong_Kong", "astana": "Asia/Almaty",
    "katmandu": "Asia/Kathmandu",
    "rangoon": "Asia/Yangon", "canberra": "Australia/Sydney",
    "gold coast": "Australia/Brisbane", "wellington": "Pacific/Auckland",
    "christchurch": "Pacific/Auckland", "queenstown": "Pacific/Auckland",
    # Africa
    "cape town": "Africa/Johannesburg", "durban": "Africa/Johannesburg",
    "pretoria": "Africa/Johannesburg", "abuja": "Africa/Lagos", "ibadan": "Africa/Lagos",
    "kano": "Africa/Lagos", "mombasa": "Africa/Nairobi", "alexandria": "Africa/Cairo",
    "giza": "Africa/Cairo", "marrakech": "Africa/Casablanca", "rabat": "Africa/Casablanca",
    "addis": "Africa/Addis_Ababa", "kumasi": "Africa/Accra",
    # Native spellings people type
    "москва": "Europe/Moscow", "санкт петербург": "Europe/Moscow", "київ": "Europe/Kyiv",
    "киев": "Europe/Kyiv", "東京": "Asia/Tokyo", "北京": "Asia/Shanghai",
    "上海": "Asia/Shanghai", "서울": "Asia/Seoul",
}  # fmt: skip

_ZONE_REGIONS = frozenset(
    {"Africa", "America", "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"}
)
# tz-database "cities" that are everyday words: looked up only as the whole answer, never
# picked out of a sentence ("I'll be in Berlin for Christmas").
_WORDLIKE_KEYS = frozenset(
    {
        "christmas", "easter", "wake", "midway", "reunion", "nice", "stanley", "regina",
        "jersey", "nome", "truk", "yap", "oral", "west", "east", "north", "south", "central",
        "eastern", "pacific", "mountain", "atlantic", "center", "act", "lhi", "knox", "victoria",
        "marengo", "monticello", "petersburg", "vevay", "winamac", "cork", "cayenne", "virgin",
        "chihuahua", "cocos", "cordoba",
    }
)  # fmt: skip
# Whole-hour offsets go to Etc/GMT±h; these go where most people at that offset live.
FRACTIONAL_OFFSETS: dict[tuple[int, int], str] = {
    (-9, -30): "Pacific/Marquesas",
    (-3, -30): "America/St_Johns",
    (-2, -30): "America/St_Johns",  # Newfoundland summer time
    (3, 30): "Asia/Tehran",
    (4, 30): "Asia/Kabul",
    (5, 30): "Asia/Kolkata",
    (5, 45): "Asia/Kathmandu",
    (6, 30): "Asia/Yangon",
    (8, 45): "Australia/Eucla",
    (9, 30): "Australia/Adelaide",
    (10, 30): "Australia/Adelaide",  # Adelaide summer time
    (12, 45): "Pacific/Chatham",
    (13, 45): "Pacific/Chatham",
}


@dataclass(frozen=True, slots=True)
class PlaceIndex:
    iana: Mapping[str, str]  # lower-case IANA name → IANA name
    places: Mapping[str, str | None]  # lookup key → zone (None: ambiguous)
    fuzzy_keys: tuple[str, ...]
    scan_keys: frozenset[str]  # keys safe to pick out of a sentence


def _city_map(zones: Iterable[str]) -> dict[str, str]:
    """``"America/New_York"`` → ``{"new york": "America/New_York"}``.

    Where two zones share a city part, the deeper path wins (``America/Argentina/Cordoba``
    over the old ``America/Cordoba`` link), then the alphabetically first.
    """
    cities: dict[str, str] = {}
    for zone in sorted(zones, key=lambda z: (-z.count("/"), z)):
        parts = zone.split("/")
        if len(parts) < 2 or parts[0] not in _ZONE_REGIONS:
            continue
        cities.setdefault(words_only(plain(parts[-1])), zone)
    return cities


@lru_cache(maxsize=1)
def place_index() -> PlaceIndex:
    """Built on first use, not at import time (it reads the tz database)."""
    zones = {z for z in available_timezones() if z not in ("localtime", "Factory")}
    places: dict[str, str | None] = {}
    for table in (_city_map(zones), _CITY_ALIASES, _REGIONS, _COUNTRIES, _ABBREVIATIONS):
        places.update({words_only(plain(k)): v for k, v in table.items()})
    # A tzdata without some zone must not make us return an invalid name.
    places = {k: v for k, v in places.items() if v is None or v in zones}
    fuzzy = tuple(k for k, v in places.items() if v is not None and len(k) >= 5)
    scan = frozenset(k for k, v in places.items() if len(k) >= 3 and k not in _WORDLIKE_KEYS)
    # Old single-word names ("EST", "Japan", "GB") go through the tables above instead, so
    # "EST" means US Eastern time with DST rather than the fixed legacy zone.
    iana = {z.casefold(): z for z in zones if "/" in z or z == "UTC"}
    return PlaceIndex(iana, places, fuzzy, scan - _ABBREVIATIONS.keys())
