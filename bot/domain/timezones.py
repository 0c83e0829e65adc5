"""Understand what people type for their timezone, the time of their daily nudge and their
quiet hours (:func:`parse_quiet_hours`).

Pure functions: no I/O besides reading the installed tz database (once, lazily), no
user-facing sentences. Every parser is total: any ``str`` gives a value or ``None``, and
``None`` means "ask again"; a wrong guess would send nudges at the wrong hour for weeks.

Timezones (:func:`resolve_timezone`)
-----------------------------------
Returns a valid IANA name (checked against ``zoneinfo.available_timezones()``), tried in
this order:

1. An IANA name in any case, spaces for underscores allowed: ``"europe/berlin"``.
2. A place: a city from the tz database (``"America/New_York"`` → ``"new york"``), a
   hand-written alias for big cities that are not zone names (``"NYC"``, ``"LA"``,
   ``"Munich"``, ``"Mumbai"``, ``"Kiev"``), a region (``"California"``), a country whose
   people (nearly) all live in one zone (``"Germany"``, ``"UK"``, ``"Spain"`` — its Canary
   Islands aside), or an abbreviation (``"CET"``). Accents, case and punctuation do not
   matter; lead-ins such as "I live in" are dropped; ``"berlin, germany"`` is read part by
   part and parts that disagree (``"Paris, Texas"``, ``"London, Ontario"``) give ``None``.
   Names of 5+ letters tolerate one typo (two from 9 letters on) with the right first
   letter, when the closest names all mean one zone ("Berlni", "Tokio"; not "earth" → Perth).
3. A UTC offset: ``"UTC+2"``, ``"GMT-5"``, ``"+05:30"``, ``"utc +2"``, ``"UTC+5.5"``.
   Whole hours give a fixed ``Etc/GMT`` zone — mind the inverted sign: UTC+2 is
   ``"Etc/GMT-2"``; UTC+0 is ``"UTC"``. Other offsets give the zone where most people at
   that offset live (``_FRACTIONAL_OFFSETS``): +5:30 Asia/Kolkata, +5:45 Asia/Kathmandu,
   -3:30 America/St_Johns, +9:30 Australia/Adelaide, +3:30 Asia/Tehran ... Such a zone may
   observe DST while the typed offset does not; naming a city is more precise.
   A place wins over an offset in the same message (``"Berlin (UTC+1)"`` → Europe/Berlin).

Never guessed (→ ``None``): multi-zone countries (USA, Canada, Russia, Brazil, Australia,
Mexico, Indonesia, ...), "Georgia" (country or US state), and ambiguous abbreviations:
IST (India/Ireland/Israel), CST (US Central/China/Cuba), BST (British Summer/Bangladesh),
AST (Atlantic/Arabia). Abbreviation decisions: EST/EDT/ET → America/New_York, CDT/CT →
America/Chicago, MST/MDT/MT → America/Denver (Arizona: type "Phoenix"), PST/PDT/PT →
America/Los_Angeles (the US reading is by far the most common; Philippine users can type
"Manila"), CET/CEST → Europe/Berlin, EET/EEST → Europe/Athens, WET/WEST → Europe/Lisbon,
UTC/Z/Zulu → UTC, GMT → Etc/GMT (exactly UTC+0, no summer time: UK users get London's
summer time by typing "London" or "UK").

Nudge times (:func:`parse_nudge_time`)
-------------------------------------
``"8"``, ``"8am"``, ``"08:30"``, ``"8.30"``, ``"8h30"``, ``"0830"``, ``"8:30pm"``,
``"20:15"``, ``"half past 7"``, ``"quarter to 9"``, ``"half seven"`` (British, 07:30),
``"seven thirty"``. Minutes are kept as given. Rules for hours without am/pm:

* 1–5 mean the afternoon (``"3"`` → 15:00): a nudge at 3 am is almost never what someone
  means, and asks need other people awake. 6–12 are taken as said (``"7"`` → 07:00,
  ``"12"`` → noon); 0 and 13–23 are a 24-hour clock.
* A zero-padded hour is a deliberate 24-hour clock: ``"03:00"`` → 03:00.
* Words set the half of the day: ``"7 in the evening"``/``"tonight at 7"`` → 19:00,
  ``"3 in the morning"`` → 03:00. Contradictions (``"8pm in the morning"``, ``"13pm"``) and
  several times (``"8 or 9"``) give ``None``.

Named times: noon/midday 12:00, morning 09:00, early morning 07:00, late morning 11:00,
breakfast/before work 08:00, lunch/lunchtime 12:30, afternoon 15:00, after school 16:00,
after work 18:00, evening/tonight/dinner 19:00, after dinner 20:00, night 21:00.
``"midnight"`` → 00:00: it is the person's choice and matches ``"00:00"``; whether to allow
night-time nudges is the caller's policy, not the parser's.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import time
from functools import lru_cache
from typing import Final, Literal
from zoneinfo import available_timezones

__all__ = ["MAX_INPUT_CHARS", "parse_nudge_time", "parse_quiet_hours", "resolve_timezone"]

MAX_INPUT_CHARS = 200
"""Only this many leading characters are read; a timezone answer is a few words."""


def _plain(text: str) -> str:
    """Case-folded, accent-free, no control or zero-width characters, unicode dashes → '-'."""
    decomposed = unicodedata.normalize("NFKD", text[:MAX_INPUT_CHARS])
    kept: list[str] = []
    for ch in decomposed:
        category = unicodedata.category(ch)
        if category in ("Mn", "Cf"):  # accents, zero-width joiners, bidi marks
            continue
        if category in ("Cc", "Zs", "Zl", "Zp"):
            kept.append(" ")
        elif ch in "\u2010\u2011\u2012\u2013\u2014\u2212":
            kept.append("-")
        elif ch in "\u2018\u2019\u02bc`":
            kept.append("'")
        else:
            kept.append(ch)
    return "".join(kept).casefold()


def _key(text: str) -> str:
    """Lookup key: letters and digits of any script, single spaces."""
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


# ─────────────────────────────────────────────────────────────────────────────
# Place tables. ``None`` marks a name that is known but ambiguous: never guessed.
# ─────────────────────────────────────────────────────────────────────────────

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
_FRACTIONAL_OFFSETS: dict[tuple[int, int], str] = {
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

_LEADING_FILLERS = (
    "i live in", "i m in", "im in", "i am in", "i m from", "im from", "i am from",
    "i m based in", "i am based in", "based in", "living in", "live in", "i live near",
    "i m near", "near", "close to", "in", "from", "at", "my timezone is", "my time zone is",
    "my tz is", "timezone", "time zone", "tz", "it s", "its", "it is", "the", "currently",
    "right now", "now", "city of", "greater", "sunny", "rainy", "beautiful", "lovely",
)  # fmt: skip
_TRAILING_FILLERS = (
    "time", "timezone", "time zone", "tz", "zone", "standard", "daylight", "please", "thanks",
    "thank you", "area", "here", "now", "currently", "right now", "metro", "region",
)  # fmt: skip
_PART_SPLIT_RE = re.compile(r"\s*(?:[,;|()\[\]/]|\s-\s)\s*")
_OFFSET_RE = re.compile(
    r"(?<![\w+-])(?:(?:utc|gmt|z)\s*)?(?P<sign>[+-])\s*(?P<hours>\d{1,2})"
    r"(?:(?:\s*[:.h]\s*|)(?P<minutes>\d{2})|[.,](?P<fraction>5|25|75))?(?![\w:]|[.,]\d)"
)
_FUZZY_MIN_LETTERS = 5
_FUZZY_MAX_CHARS = 40
_FUZZY_TWO_EDITS_FROM = 9
_NGRAM_MAX_WORDS = 4


@dataclass(frozen=True, slots=True)
class _PlaceIndex:
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
        cities.setdefault(_key(_plain(parts[-1])), zone)
    return cities


@lru_cache(maxsize=1)
def _index() -> _PlaceIndex:
    """Built on first use, not at import time (it reads the tz database)."""
    zones = {z for z in available_timezones() if z not in ("localtime", "Factory")}
    places: dict[str, str | None] = {}
    for table in (_city_map(zones), _CITY_ALIASES, _REGIONS, _COUNTRIES, _ABBREVIATIONS):
        places.update({_key(_plain(k)): v for k, v in table.items()})
    # A tzdata without some zone must not make us return an invalid name.
    places = {k: v for k, v in places.items() if v is None or v in zones}
    fuzzy = tuple(k for k, v in places.items() if v is not None and len(k) >= 5)
    scan = frozenset(k for k, v in places.items() if len(k) >= 3 and k not in _WORDLIKE_KEYS)
    # Old single-word names ("EST", "Japan", "GB") go through the tables above instead, so
    # "EST" means US Eastern time with DST rather than the fixed legacy zone.
    iana = {z.casefold(): z for z in zones if "/" in z or z == "UTC"}
    return _PlaceIndex(iana, places, fuzzy, scan - _ABBREVIATIONS.keys())


# ─────────────────────────────────────────────────────────────────────────────
# Timezone resolution
# ─────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class _Found:
    """A lookup result: ``zone`` is None when the name is known to be ambiguous."""

    zone: str | None


def _iana_name(plain: str) -> str | None:
    """ "Europe/Berlin", "america/new york", or one inside a sentence: "mine is Asia/Tokyo"."""
    iana = _index().iana
    whole = plain.strip().strip(".!?\"'").replace(" ", "_")
    if whole in iana:
        return iana[whole]
    found = {iana[w] for w in re.findall(r"[\w+-]+/[\w+/-]+", plain) if w in iana}
    return found.pop() if len(found) == 1 else None


def _offset_zone(match: re.Match[str]) -> str | None:
    hours = int(match.group("hours"))
    minutes = int(match.group("minutes") or 0)
    if fraction := match.group("fraction"):
        minutes = {"5": 30, "25": 15, "75": 45}[fraction]
    sign = -1 if match.group("sign") == "-" else 1
    if minutes >= 60:
        return None
    if minutes == 0:
        if not -12 <= sign * hours <= 14:
            return None
        return "UTC" if hours == 0 else f"Etc/GMT{-sign * hours:+d}"
    return _FRACTIONAL_OFFSETS.get((sign * hours, sign * minutes))


def _lookup(text: str) -> _Found | None:
    key = _key(text)
    places = _index().places
    return _Found(places[key]) if key in places else None


def _without_fillers(text: str) -> Iterable[str]:
    """The text, then versions with lead-ins and tails ("I live in", "time") removed."""
    current = _key(text)
    yield current
    for _ in range(6):
        shorter = current
        for filler in _LEADING_FILLERS:
            if shorter.startswith(filler + " "):
                shorter = shorter[len(filler) + 1 :]
                break
        for filler in _TRAILING_FILLERS:
            if shorter.endswith(" " + filler):
                shorter = shorter[: -len(filler) - 1]
                break
        if shorter == current:
            return
        current = shorter
        yield current


def _lookup_part(text: str) -> _Found | None:
    for variant in _without_fillers(text):
        found = _lookup(variant)
        if found is not None:
            return found
    return None


def _one_zone(found: Iterable[_Found | None]) -> str | None:
    """The single zone all known parts agree on; disagreement means we do not know."""
    zones = {f.zone for f in found if f is not None and f.zone is not None}
    return zones.pop() if len(zones) == 1 else None


def _scan_words(text: str) -> str | None:
    """Pick place names out of a sentence: "I moved to sunny Berlin last year"."""
    words = _key(text).split()
    index = _index()
    found: list[_Found] = []
    position = 0
    while position < len(words):
        for size in range(min(_NGRAM_MAX_WORDS, len(words) - position), 0, -1):
            key = " ".join(words[position : position + size])
            if key in index.scan_keys:
                found.append(_Found(index.places[key]))
                position += size
                break
        else:
            position += 1
    return _one_zone(found)


def _edit_distance(a: str, b: str) -> int:
    """Optimal-string-alignment distance: insertions, deletions, substitutions, swaps."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def _fuzzy(text: str) -> str | None:
    """A small typo in a longer place name: "Berlni", "Londn", "Tokio", "Johanesburg".

    difflib finds candidates; a candidate counts only with the same first letter (typos
    rarely hit it) and at most 1 edit (2 from 9 letters on), and all the closest
    candidates must agree. So "being" is not Beijing and "earth" is not Perth.
    """
    key = _key(text)
    if not _FUZZY_MIN_LETTERS <= len(key) <= _FUZZY_MAX_CHARS:
        return None
    if not all(ch.isalpha() or ch == " " for ch in key):
        return None
    index = _index()
    allowed = 1 if len(key) < _FUZZY_TWO_EDITS_FROM else 2
    scored = [
        (_edit_distance(key, candidate), candidate)
        for candidate in difflib.get_close_matches(key, index.fuzzy_keys, n=5, cutoff=0.75)
        if candidate[0] == key[0]
    ]
    scored = [(distance, c) for distance, c in scored if distance <= allowed]
    if not scored:
        return None
    best = min(distance for distance, _ in scored)
    zones = {index.places[c] for distance, c in scored if distance == best}
    return zones.pop() if len(zones) == 1 else None


def _resolve_place(text: str) -> _Found | None:
    whole = _lookup_part(text)
    if whole is not None:
        return whole
    parts = [p for p in _PART_SPLIT_RE.split(text) if _key(p)]
    if len(parts) > 1:
        found = [_lookup_part(p) for p in parts]
        if any(f is not None and f.zone is not None for f in found):
            zone = _one_zone(found)
            return _Found(zone) if zone else _Found(None)
    scanned = _scan_words(text)
    if scanned is not None:
        return _Found(scanned)
    for part in parts:
        for variant in _without_fillers(part):
            if (zone := _fuzzy(variant)) is not None:
                return _Found(zone)
    return None


def resolve_timezone(text: str) -> str | None:
    """An IANA zone name for what someone typed, or ``None`` if unknown or ambiguous."""
    plain = _plain(text)
    if not plain.strip():
        return None
    if (iana := _iana_name(plain)) is not None:
        return iana
    offset_match = _OFFSET_RE.search(plain)
    offset_zone = _offset_zone(offset_match) if offset_match else None
    rest = plain
    if offset_match is not None:
        rest = plain[: offset_match.start()] + " " + plain[offset_match.end() :]
    place = _resolve_place(rest) if _key(rest) else None
    if place is not None and place.zone is not None:
        return place.zone
    return offset_zone


# ─────────────────────────────────────────────────────────────────────────────
# Nudge times
# ─────────────────────────────────────────────────────────────────────────────

_TIME_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}  # fmt: skip
_TIME_WORD_RE = re.compile(
    r"\b(?P<tens>twenty|thirty|forty|fifty)[\s-]+(?P<unit>one|two|three|four|five|six|seven"
    r"|eight|nine)\b|\b(?P<word>"
    + "|".join(sorted(_TIME_NUMBER_WORDS, key=len, reverse=True))
    + r")\b"
)
# Named times when no clock time is given.
_NAMED_TIMES: dict[str, time] = {
    "noon": time(12), "midday": time(12), "mid day": time(12), "midnight": time(0),
    "morning": time(9), "mornings": time(9), "early morning": time(7),
    "late morning": time(11), "breakfast": time(8), "before work": time(8),
    "lunch": time(12, 30), "lunchtime": time(12, 30), "lunch time": time(12, 30),
    "afternoon": time(15), "afternoons": time(15), "after school": time(16),
    "after work": time(18), "evening": time(19), "evenings": time(19), "tonight": time(19),
    "dinner": time(19), "dinnertime": time(19), "after dinner": time(20),
    "night": time(21),
}  # fmt: skip
_NAMED_TIME_RE = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, _NAMED_TIMES), key=len, reverse=True)) + r")\b"
)
# Words that say which half of the day a bare clock time is in.
_AM_HINT_RE = re.compile(r"\b(?:morning|mornings|breakfast|before work|midnight)\b")
_PM_HINT_RE = re.compile(
    r"\b(?:afternoon|afternoons|evening|evenings|tonight|night|after work|after school"
    r"|after dinner|dinner|dinnertime|lunch|lunchtime|noon|midday)\b"
)
_AMPM_RE = re.compile(r"(?<![^\W\d_])([ap])\.\s?m\.?")  # "p.m." → "pm"
_CLOCK_RE = re.compile(
    r"(?<![\w:.,])(?:"
    r"(?P<rel_min>\d{1,2}|quarter|half)\s+(?P<rel_dir>past|after|to|til|till)\s+(?P<rel_hour>\d{1,2})"
    r"|half\s+(?P<half_hour>\d{1,2})"
    r"|(?P<hm_hour>\d{1,2})\s*(?:[:.h]|\s)\s*(?P<hm_min>\d{2})"
    r"|(?P<mil_hour>\d{1,2})(?P<mil_min>\d{2})"
    r"|(?P<hour>\d{1,2})h?"
    r")(?:\s*(?P<ampm>[ap])m)?(?![\w:]|[.,]\d)"
)


@dataclass(frozen=True, slots=True)
class _Clock:
    hour: int
    minute: int
    ampm: str | None  # "a" / "p"
    literal_24h: bool  # zero-padded hour: take it as a 24-hour clock


def _time_words(match: re.Match[str]) -> str:
    if tens := match.group("tens"):
        return str(_TIME_NUMBER_WORDS[tens] + _TIME_NUMBER_WORDS[match.group("unit")])
    return str(_TIME_NUMBER_WORDS[match.group("word")])


def _relative_clock(match: re.Match[str], ampm: str | None) -> _Clock | None:
    """ "half past 7", "quarter to 9", "10 past 8"."""
    raw_minutes = match.group("rel_min")
    minutes = {"quarter": 15, "half": 30}.get(raw_minutes)
    minutes = int(raw_minutes) if minutes is None else minutes
    hour = int(match.group("rel_hour"))
    if not 0 < minutes < 60:
        return None
    if match.group("rel_dir") in ("to", "til", "till"):
        # "ten to one" is 12:50 on a 12-hour clock; the am/pm rules run afterwards.
        hour, minutes = (12 if hour == 1 else hour - 1), 60 - minutes
        if hour < 0:
            return None
    return _Clock(hour, minutes, ampm, literal_24h=False)


def _clock(match: re.Match[str]) -> _Clock | None:
    ampm = match.group("ampm")
    if match.group("rel_hour") is not None:
        return _relative_clock(match, ampm)
    if match.group("half_hour") is not None:  # British "half seven" = 7:30
        return _Clock(int(match.group("half_hour")), 30, ampm, literal_24h=False)
    for hour_group, minute_group in (("hm_hour", "hm_min"), ("mil_hour", "mil_min")):
        if (raw_hour := match.group(hour_group)) is not None:
            return _Clock(
                int(raw_hour),
                int(match.group(minute_group)),
                ampm,
                literal_24h=len(raw_hour) == 2 and raw_hour.startswith("0"),
            )
    raw_hour = match.group("hour")
    literal = raw_hour.startswith("0") or match.group(0).rstrip().endswith("h")
    return _Clock(int(raw_hour), 0, ampm, literal_24h=literal)


def _to_time(clock: _Clock, hint: _DayHalf) -> time | None:
    hour, minute = clock.hour, clock.minute
    if minute > 59 or hour > 23:
        return None
    half = clock.ampm or hint
    if clock.ampm and hint and clock.ampm != hint:
        return None  # "8pm in the morning"
    if half is not None:
        if not 1 <= hour <= 12:
            if clock.ampm is not None or (hint == "a" and hour > 12):
                return None  # "13pm", "15 in the morning"
            return time(hour, minute)  # "19 in the evening": already a 24-hour clock
        if half == "p":
            return time(hour % 12 + 12, minute)
        return time(hour % 12, minute)
    if 1 <= hour <= 5 and not clock.literal_24h:
        return time(hour + 12, minute)  # nobody wants a 3 am nudge
    return time(hour, minute)


_DayHalf = Literal["a", "p", "both"] | None


def _day_half(text: str) -> _DayHalf:
    """Which half of the day the words point to: "a", "p", "both" (contradiction) or None."""
    am, pm = bool(_AM_HINT_RE.search(text)), bool(_PM_HINT_RE.search(text))
    if am and pm:
        return "both"
    return "a" if am else "p" if pm else None


def parse_nudge_time(text: str) -> time | None:
    """A local clock time for the daily nudge, or ``None`` if unclear."""
    plain = _plain(text)
    plain = _AMPM_RE.sub(lambda m: f" {m.group(1)}m ", plain)
    plain = re.sub(r"\bo\s?'?\s?clock\b|(?<=\d)\s*-?ish\b", " ", plain)  # "8 o'clock", "7ish"
    plain = _TIME_WORD_RE.sub(_time_words, plain)
    clocks = list(_CLOCK_RE.finditer(plain))
    if len(clocks) > 1:
        return None  # "8 or 9": which one?
    hint = _day_half(plain)
    if not clocks:
        named = {_NAMED_TIMES[m.group(0)] for m in _NAMED_TIME_RE.finditer(plain)}
        return named.pop() if len(named) == 1 else None
    if hint == "both":
        return None
    clock = _clock(clocks[0])
    return _to_time(clock, hint) if clock is not None else None


# ─────────────────────────────────────────────────────────────────────────────
# Quiet hours
# ─────────────────────────────────────────────────────────────────────────────

# One end of a quiet-hours range: like a nudge time, without "half past" and friends
# (a range such as "10 to 6" must not read as 5:50).
_RANGE_CLOCK_RE = re.compile(
    r"(?<![\w:.,])(?:"
    r"(?P<hm_hour>\d{1,2})\s*[:.h]\s*(?P<hm_min>\d{2})"
    r"|(?P<mil_hour>\d{2})(?P<mil_min>\d{2})"
    r"|(?P<hour>\d{1,2})(?P<h>h)?"
    r"|(?P<named>midnight|noon|midday)"
    r")(?:\s*(?P<ampm>[ap])m)?(?![\w:]|[.,]\d)"
)
# What may stand between the two ends: "22-7", "10pm to 7am", "between 10 and 6".
_RANGE_SEPARATOR_RE = re.compile(r"-+>?|~|>|→|to|till?|until|and|through|thru")
# Words after a time that say which half of the day it is in. "At night" says nothing new
# (a night is what quiet hours are), so it is only skipped.
_RANGE_AM_RE = re.compile(r"\b(?:in the )?mornings?\b")
_RANGE_PM_RE = re.compile(r"\b(?:in the )?(?:evenings?|afternoons?)\b")
_RANGE_FILLER_RE = re.compile(r"\b(?:at night|tonight|night)\b|[,;.!]")
# A range read with these around it would be a guess ("half past 10 to 7").
_RANGE_REFUSE_RE = re.compile(r"\b(?:half|quarter|past|not|except)\b")
# Readings of an ambiguous range longer than this are a last resort.
_QUIET_PLAUSIBLE_MINUTES = 14 * 60
# The heart of anyone's night: among readings, the one that covers most of it wins.
_CORE_NIGHT = (0, 6 * 60)


@dataclass(frozen=True, slots=True)
class _RangeEnd:
    readings: tuple[time, ...]  # what it may mean, as typed first; empty if invalid
    clock24: bool  # written on a 24-hour clock: 0 or 13-23, zero-padded, "2200", "22h"


def _range_end(match: re.Match[str], hint: str | None) -> _RangeEnd:
    """One end of a quiet-hours range: one reading, two (a bare 1-12) or none (invalid)."""
    ampm = match.group("ampm")
    if (named := match.group("named")) is not None:
        readings = () if ampm else ((time(0),) if named == "midnight" else (time(12),))
        return _RangeEnd(readings, clock24=False)
    if (raw := match.group("hm_hour")) is not None:
        hour, minute = int(raw), int(match.group("hm_min"))
        clock24 = raw.startswith("0")
    elif (raw := match.group("mil_hour")) is not None:
        hour, minute = int(raw), int(match.group("mil_min"))
        clock24 = True
    else:
        raw = match.group("hour")
        hour, minute = int(raw), 0
        clock24 = raw.startswith("0") or match.group("h") is not None
    if hour > 23 or minute > 59 or (ampm and hint and ampm != hint):
        return _RangeEnd((), clock24)  # "25:00", "10pm in the morning"
    clock24 = clock24 or not 1 <= hour <= 12
    half = ampm or hint
    if half is not None:
        if 1 <= hour <= 12:
            return _RangeEnd((time(hour % 12 + (12 if half == "p" else 0), minute),), False)
        if ampm or (half == "a" and hour > 12):
            return _RangeEnd((), clock24)  # "13pm", "15 in the morning"
        return _RangeEnd((time(hour, minute),), clock24)  # "22 in the evening"
    if clock24:
        return _RangeEnd((time(hour, minute),), clock24)
    return _RangeEnd((time(hour, minute), time((hour + 12) % 24, minute)), clock24)


def _minutes(at: time) -> int:
    return at.hour * 60 + at.minute


def _quiet_span(start: time, end: time) -> tuple[int, int]:
    """(length, minutes of the core night covered) of quiet hours from start to end."""
    first, last = _minutes(start), _minutes(end)
    length = (last - first) % (24 * 60)
    covered = 0
    for offset in (0, 24 * 60):  # the core night, today and tomorrow
        low, high = _CORE_NIGHT[0] + offset, _CORE_NIGHT[1] + offset
        covered += max(0, min(first + length, high) - max(first, low))
    return length, covered


def _range_hint(text: str) -> tuple[str | None, str] | None:
    """The half of the day named in `text` ("a", "p" or None) and what is left of it;
    None for a contradiction."""
    am, pm = _RANGE_AM_RE.search(text), _RANGE_PM_RE.search(text)
    if am and pm:
        return None
    rest = _RANGE_FILLER_RE.sub(" ", _RANGE_PM_RE.sub(" ", _RANGE_AM_RE.sub(" ", text)))
    return ("a" if am else "p" if pm else None), rest


def parse_quiet_hours(text: str) -> tuple[time, time] | None:
    """Quiet hours typed as a range, as ``(start, end)`` local wall times; ``None`` if unclear.

    ``"22:00-7:30"``, ``"10pm to 7am"``, ``"22 - 7"``, ``"23:00–06:30"``, ``"between 11
    and 6"``, ``"10 at night to 7 in the morning"``, ``"midnight to 9"``, ``"2200-0700"``.
    Exactly two times joined by a dash or a word (to, till, until, and, through); anything
    else with digits in it, or "half"/"quarter"/"past"/"not" before the end of the range,
    gives ``None``.

    Each end is read like a nudge time: am/pm and morning/evening words decide the half of
    the day, and 0, 13-23, a zero-padded hour, four digits (``"0700"``) or an ``h`` suffix
    are a 24-hour clock. When either end is on a 24-hour clock, so is the other: ``"22-7"``
    is 22:00-07:00 and ``"10:00-18:00"`` a day-sleeper's 10:00-18:00. Otherwise a bare hour
    1-12 may be either half of the day, and among the readings the first of these wins: at
    most 14 hours long, covering more of 00:00-06:00, shorter. So ``"10-7"`` is
    22:00-07:00, ``"1-9"`` 01:00-09:00, ``"12-8"`` 00:00-08:00 and ``"7 to 7"`` 19:00-07:00.

    A start equal to the end (``"7am to 7am"``) is returned as it is: the caller says why
    that can't be quiet hours (see :class:`bot.domain.schedule.QuietHours`).
    """
    plain = _plain(text)
    plain = _AMPM_RE.sub(lambda m: f" {m.group(1)}m ", plain)
    plain = re.sub(r"\bo\s?'?\s?clock\b|(?<=\d)\s*-?ish\b", " ", plain)  # "10 o'clock"
    plain = _TIME_WORD_RE.sub(_time_words, plain)
    ends = list(_RANGE_CLOCK_RE.finditer(plain))
    if len(ends) != 2:
        return None
    first, second = ends
    head, between, tail = (
        plain[: first.start()],
        plain[first.end() : second.start()],
        plain[second.end() :],
    )
    if _RANGE_REFUSE_RE.search(head + " " + between) or any(
        ch.isdigit() for ch in head + between + tail
    ):
        return None
    first_hint, second_hint = _range_hint(between), _range_hint(tail)
    if first_hint is None or second_hint is None:
        return None
    if not _RANGE_SEPARATOR_RE.fullmatch(first_hint[1].strip()):
        return None
    start_end, finish_end = _range_end(first, first_hint[0]), _range_end(second, second_hint[0])
    starts, finishes = start_end.readings, finish_end.readings
    if start_end.clock24 or finish_end.clock24:
        # One end on a 24-hour clock: so is the other ("22-7" is 07:00, "10:00-18:00").
        starts, finishes = starts[:1], finishes[:1]
    readings = [(start, end) for start in starts for end in finishes]
    if not readings:
        return None
    distinct = [(start, end) for start, end in readings if start != end]
    if not distinct:
        return readings[0]

    def rank(reading: tuple[time, time]) -> tuple[bool, int, int]:
        length, covered = _quiet_span(*reading)
        return length > _QUIET_PLAUSIBLE_MINUTES, -covered, length

    return min(distinct, key=rank)
