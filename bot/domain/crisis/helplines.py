"""Crisis lines by country, chosen from the person's time zone (and language).

A curated table, compiled 2026-12-04 from each line's own website (``source``) and
cross-read against findahelpline.com; numbers change, so the date is part of the data and
``tests/domain/test_crisis_helplines.py`` keeps every entry well-formed. The country comes
from the IANA zone via the tz database's own ``zone.tab`` (shipped by ``tzdata``, already a
dependency), so no zone list is maintained here. When a country has lines in several
languages, the person's language picks; otherwise all of that country's lines are shown.
findahelpline.com always follows, and the emergency number is stated for immediate danger.
Names and numbers are data, not prose: the sentences around them are in prompts.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

CHECKED = "2026-12-04"
DIRECTORY = "findahelpline.com"


@dataclass(frozen=True)
class Helpline:
    name: str
    number: str
    source: str
    language: str | None = None  # None: for everyone in the country


@dataclass(frozen=True)
class Country:
    code: str
    flag: str
    emergency: str
    lines: tuple[Helpline, ...]


def _country(code: str, emergency: str, *lines: Helpline) -> Country:
    flag = "".join(chr(0x1F1E6 + ord(letter) - ord("A")) for letter in code)
    return Country(code, flag, emergency, lines)


H = Helpline
COUNTRIES: dict[str, Country] = {
    c.code: c
    for c in (
        _country(
            "US", "911", H("988 Suicide & Crisis Lifeline (call or text)", "988", "988lifeline.org")
        ),
        _country("GB", "999", H("Samaritans", "116 123", "samaritans.org")),
        _country("IE", "112 / 999", H("Samaritans", "116 123", "samaritans.org")),
        _country("CA", "911", H("9-8-8 Suicide Crisis Helpline (call or text)", "988", "988.ca")),
        _country("AU", "000", H("Lifeline", "13 11 14", "lifeline.org.au")),
        _country("NZ", "111", H("Need to talk? (call or text)", "1737", "1737.org.nz")),
        _country("IN", "112", H("Tele-MANAS", "14416", "telemanas.mohfw.gov.in")),
        _country("DE", "112", H("TelefonSeelsorge", "0800 111 0 111", "telefonseelsorge.de")),
        _country("AT", "112", H("TelefonSeelsorge", "142", "telefonseelsorge.at")),
        _country("CH", "112", H("Die Dargebotene Hand / La Main Tendue", "143", "143.ch")),
        _country("FR", "112", H("3114 (prévention du suicide)", "3114", "3114.fr")),
        _country(
            "BE",
            "112",
            H("Zelfmoordlijn", "1813", "zelfmoord1813.be", "nl"),
            H("Centre de Prévention du Suicide", "0800 32 123", "preventionsuicide.be", "fr"),
        ),
        _country("ES", "112", H("Línea 024 (conducta suicida)", "024", "sanidad.gob.es")),
        _country("PT", "112", H("SOS Voz Amiga", "213 544 545", "sosvozamiga.org")),
        _country("IT", "112", H("Telefono Amico", "02 2327 2327", "telefonoamico.it")),
        _country("NL", "112", H("113 Zelfmoordpreventie", "113 / 0800 0113", "113.nl")),
        _country("SE", "112", H("Mind Självmordslinjen", "90101", "mind.se")),
        _country("NO", "113 / 112", H("Mental Helse Hjelpetelefonen", "116 123", "mentalhelse.no")),
        _country("DK", "112", H("Livslinien", "70 201 201", "livslinien.dk")),
        _country("FI", "112", H("MIELI Crisis Helpline", "09 2525 0111", "mieli.fi")),
        _country("GR", "112", H("Klimaka suicide prevention line", "1018", "klimaka.org.gr")),
        _country("PL", "112", H("Centrum Wsparcia", "800 70 2222", "centrumwsparcia.pl")),
        _country("UA", "112", H("Lifeline Ukraine", "7333", "lifelineukraine.com")),
        _country(
            "RU",
            "112",
            # Issue 19: the federal line is for children, teenagers and their parents; the
            # MChS line takes adults, around the clock.
            H("Экстренная психологическая помощь МЧС России", "8 495 989 50 50", "mchs.gov.ru"),
            H(
                "Детский телефон доверия (дети, подростки, родители)",
                "8 800 2000 122",
                "telefon-doveria.ru",
            ),
        ),
        _country("BR", "192", H("CVV (Centro de Valorização da Vida)", "188", "cvv.org.br")),
        _country("MX", "911", H("Línea de la Vida", "800 911 2000", "gob.mx/salud/conadic")),
        _country(
            "AR", "911", H("Centro de Asistencia al Suicida", "135", "asistenciaalsuicida.org.ar")
        ),
        _country("CL", "131", H("Línea de Prevención del Suicidio", "*4141", "minsal.cl")),
        _country("CO", "123", H("Línea 106", "106", "saludcapital.gov.co")),
        # Added for issue 19 (Spanish- and Russian-speaking countries), 2026-12-04, from each
        # line's own site as named; compiled offline (the build machine has no web access),
        # so re-check these five against findahelpline.com before relying on them.
        _country(
            "PE", "105 / 106", H("Línea 113, opción 5 (salud mental, MINSA)", "113", "gob.pe/minsa")
        ),
        _country("UY", "911", H("Línea Vida (prevención del suicidio)", "0800 0767", "gub.uy/msp")),
        _country("KZ", "112", H("Телефон доверия для детей и молодёжи", "150", "telefon150.kz")),
        _country(
            "BY",
            "112 / 103",
            H("Телефон доверия (Минск, круглосуточно)", "8 017 352 44 44", "gkpnd.by"),
            H("Детская телефонная линия", "8 801 100 16 11", "rcpz.by"),
        ),
        _country(
            "JP",
            "119",
            H("いのちの電話 Inochi no Denwa", "0570 783 556", "inochinodenwa.org"),
            H("TELL Lifeline (English)", "03 5774 0992", "telljp.com", "en"),
        ),
        _country("KR", "119", H("자살예방상담전화 Suicide prevention line", "109", "mohw.go.kr")),
        _country("ZA", "10111 / 112", H("SADAG Suicide Crisis Line", "0800 567 567", "sadag.org")),
        _country("PH", "911", H("NCMH Crisis Hotline", "1553", "ncmh.gov.ph")),
        _country("SG", "995", H("Samaritans of Singapore (call or text)", "1767", "sos.org.sg")),
        _country("HK", "999", H("The Samaritans", "2389 2222", "samaritans.org.hk")),
        _country("IL", "101", H("ERAN", "1201", "eran.org.il")),
    )
}


@lru_cache(maxsize=1)
def zone_countries() -> dict[str, str]:
    """IANA zone -> ISO country code, from the tz database's zone.tab."""
    table = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text("utf-8")
    countries: dict[str, str] = {}
    for line in table.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, _coordinates, zone, *_ = line.split("\t")
        countries[zone] = code
    return countries


@lru_cache(maxsize=256)
def _zone_bytes(zone: str) -> bytes | None:
    parts = zone.split("/")
    if not all(part.replace("_", "").replace("-", "").isalnum() for part in parts):
        return None
    path = resources.files("tzdata.zoneinfo").joinpath(*parts)
    return path.read_bytes() if path.is_file() else None


@lru_cache(maxsize=256)
def _country_code(zone: str) -> str | None:
    """zone.tab lists canonical zones only; an old name ("Europe/Kiev", "Asia/Calcutta") is
    a link whose compiled data is byte-identical to its target's, so it is found that way."""
    countries = zone_countries()
    if zone in countries:
        return countries[zone]
    data = _zone_bytes(zone)
    if data is None:
        return None
    matches = {code for name, code in countries.items() if _zone_bytes(name) == data}
    return matches.pop() if len(matches) == 1 else None


def country_of(zone: str) -> Country | None:
    code = _country_code(zone)
    return COUNTRIES.get(code) if code is not None else None


def lines_for(country: Country, language: str) -> tuple[Helpline, ...]:
    """The lines for *language* where a country splits them by language, else all."""
    mine = tuple(line for line in country.lines if line.language in (None, language))
    return mine or country.lines
