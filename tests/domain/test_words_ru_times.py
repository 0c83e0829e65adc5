"""Russian time zones, clock times, quiet hours, settings and /idea words and pause
lengths: one table per parser, each at least as long as that parser's English tables
(tests/domain/test_timezones.py, test_parse_quiet_hours.py, test_choices.py,
test_pauses.py). The words are data: bot/domain/words/ru.yaml."""

from __future__ import annotations

from datetime import time

import pytest

from bot.domain.answers.choices import (
    parse_idea_request,
    parse_level,
    parse_pace,
    parse_weekdays,
    parse_weekly_limit,
)
from bot.domain.answers.pauses import parse_pause_days
from bot.domain.schedule import Pace
from bot.domain.timezones import parse_nudge_time, parse_quiet_hours, resolve_timezone

RU = "ru"


# ─────────────────────────────────────────────────────────────────────────────
# Time zones: cities, countries and phrasing, in every case form people type
# ─────────────────────────────────────────────────────────────────────────────

_CITIES = {
    "Europe/Moscow": [
        "Москва", "москва", "МОСКВА", "в Москве", "из Москвы", "живу в Москве",
        "я живу в Москве", "я из Москвы", "сейчас в Москве", "по Москве", "мск", "МСК",
        "московское время", "Москва, Россия", "Санкт-Петербург", "санкт петербург",
        "Петербург", "в Петербурге", "Питер", "в Питере", "СПб", "Казань", "в Казани",
        "Нижний Новгород", "Сочи", "Краснодар", "Ростов", "Воронеж",
        "мой часовой пояс — Москва", "часовой пояс Москвы",
    ],
    "Europe/Kyiv": [
        "Киев", "Київ", "в Киеве", "живу в Києві", "Украина", "в Украине", "Україна",
        "Харьков", "Харків", "Одесса", "в Одессе", "Львов", "Львів", "Днепр",
    ],
    "Asia/Almaty": ["Алматы", "Алма-Ата", "в Алматы", "Астана", "в Астане"],
    "Europe/Minsk": ["Минск", "в Минске", "Беларусь", "Белоруссия", "из Беларуси"],
    "Asia/Novosibirsk": ["Новосибирск", "в Новосибирске", "Новосиб"],
    "Asia/Yekaterinburg": [
        "Екатеринбург", "в Екатеринбурге", "ЕКБ", "Челябинск", "Пермь", "Уфа", "Тюмень",
        "МСК+2",
    ],
    "Asia/Vladivostok": ["Владивосток", "во Владивостоке", "Хабаровск", "мск+7"],
    "Asia/Tashkent": ["Ташкент", "в Ташкенте", "Узбекистан"],
    "Asia/Tbilisi": ["Тбилиси", "в Тбилиси", "Грузия", "в Грузии"],
    "Asia/Yerevan": ["Ереван", "Армения"],
    "Asia/Baku": ["Баку", "Азербайджан"],
    "Asia/Bishkek": ["Бишкек", "Кыргызстан", "Киргизия"],
    "Asia/Dushanbe": ["Душанбе", "Таджикистан"],
    "Europe/Chisinau": ["Кишинёв", "Кишинев", "Молдова"],
    "Europe/Riga": ["Рига", "в Риге", "Латвия"],
    "Europe/Vilnius": ["Вильнюс", "Литва"],
    "Europe/Tallinn": ["Таллин", "Таллинн", "Эстония"],
    "Asia/Omsk": ["Омск", "МСК+3"],
    "Asia/Krasnoyarsk": ["Красноярск", "в Красноярске"],
    "Asia/Irkutsk": ["Иркутск", "мск +5"],
    "Asia/Yakutsk": ["Якутск"],
    "Europe/Samara": ["Самара", "в Самаре"],
    "Europe/Kaliningrad": ["Калининград", "мск-1"],
    "Asia/Magadan": ["Магадан"],
    "Europe/Berlin": ["Берлин", "в Берлине", "Германия"],
    "Europe/London": ["Лондон", "в Лондоне"],
    "Europe/Paris": ["Париж"],
    "America/New_York": ["Нью-Йорк", "в Нью-Йорке"],
    "Europe/Warsaw": ["Варшава", "Польша"],
    "Europe/Prague": ["Прага"],
    "Europe/Istanbul": ["Стамбул", "Турция"],
    "Asia/Dubai": ["Дубай"],
    "Asia/Jerusalem": ["Тель-Авив", "Израиль"],
    "Europe/Belgrade": ["Белград", "Сербия"],
    "Asia/Bangkok": ["Бангкок", "Таиланд"],
    "Europe/Lisbon": ["Лиссабон", "Португалия"],
    "Europe/Helsinki": ["Финляндия"],
    "Europe/Madrid": ["Испания"],
    "Etc/GMT-3": ["UTC+3", "часовой пояс UTC+3"],
    "Etc/GMT-5": ["GMT+5"],
}  # fmt: skip
TIMEZONES = [(text, zone) for zone, texts in _CITIES.items() for text in texts]

# Several zones, two places, or no place at all: never guessed.
TIMEZONES_UNKNOWN = [
    "Россия",
    "в России",
    "РФ",
    "Казахстан",
    "США",
    "Америка",
    "Канада",
    "Москва или Киев",
    "Москва, Берлин",
    "где-то на Луне",
    "не знаю",
    "дома",
    "на работе",
    "",
    "🙂",
    "часовой пояс",
    "мой город",
    "в деревне",
    "у моря",
    "далеко",
    "здесь",
    "сейчас",
    "утро",
    "семь",
    "да",
    "нет",
    "пропустить",
    "отказали",
    "Новосибирк",
    "там, где холодно",
    "в Сибири",
]


@pytest.mark.parametrize(("text", "zone"), TIMEZONES)
def test_resolve_timezone(text: str, zone: str) -> None:
    assert resolve_timezone(text, RU) == zone


@pytest.mark.parametrize("text", TIMEZONES_UNKNOWN)
def test_unknown_or_ambiguous_timezone(text: str) -> None:
    assert resolve_timezone(text, RU) is None


# ─────────────────────────────────────────────────────────────────────────────
# Clock times for the daily nudge
# ─────────────────────────────────────────────────────────────────────────────

NUDGE_TIMES = [
    ("в 19:30", time(19, 30)),
    ("19:30", time(19, 30)),
    ("в 19.30", time(19, 30)),
    ("в семь вечера", time(19)),
    ("семь вечера", time(19)),
    ("в 7 вечера", time(19)),
    ("в 7 часов вечера", time(19)),
    ("в семь часов вечера", time(19)),
    ("в 10 вечера", time(22)),
    ("в 11 ночи", time(23)),
    ("в 12 ночи", time(0)),
    ("в 2 ночи", time(2)),
    ("в 8 утра", time(8)),
    ("в 8 часов утра", time(8)),
    ("в восемь утра", time(8)),
    ("в 6 утра", time(6)),
    ("в шесть утра", time(6)),
    ("в 7:30 утра", time(7, 30)),
    ("в 7:30 вечера", time(19, 30)),
    ("в 3 часа дня", time(15)),
    ("в 3 дня", time(15)),
    ("в час дня", time(13)),
    ("в час ночи", time(1)),
    ("в полвосьмого", time(7, 30)),
    ("полвосьмого вечера", time(19, 30)),
    ("в половине восьмого", time(7, 30)),
    ("в полдевятого утра", time(8, 30)),
    ("в полдесятого вечера", time(21, 30)),
    ("без четверти восемь", time(7, 45)),
    ("без четверти 9", time(8, 45)),
    ("в полдень", time(12)),
    ("полдень", time(12)),
    ("в полночь", time(0)),
    ("в 8", time(8)),
    ("в восемь", time(8)),
    ("8", time(8)),
    ("в 3", time(15)),
    ("в 9:15", time(9, 15)),
    ("в 07:00", time(7)),
    ("в 03:00", time(3)),
    ("в 20:15", time(20, 15)),
    ("в двадцать два", time(22)),
    ("в 7 часов 30 минут", time(7, 30)),
    ("около девяти", time(9)),
    ("в 9 утра, пожалуйста", time(9)),
    ("часов в 8 вечера", time(20)),
    ("утром", time(9)),
    ("по утрам", time(9)),
    ("рано утром", time(7)),
    ("вечером", time(19)),
    ("по вечерам", time(19)),
    ("днём", time(15)),
    ("днем", time(15)),
    ("после обеда", time(15)),
    ("ночью", time(21)),
    ("в обед", time(12, 30)),
    ("за завтраком", time(8)),
    ("перед работой", time(8)),
    ("после работы", time(18)),
    ("после школы", time(16)),
    ("после ужина", time(20)),
    ("за ужином", time(19)),
    ("вечером в 8", time(20)),
    ("утром в 7", time(7)),
    ("в 9 утра по Москве", time(9)),
    ("в 18:00", time(18)),
    ("в шесть вечера", time(18)),
]

NUDGE_TIMES_INVALID = [
    "в 8 или 9",
    "в 25:00",
    "в 8 вечера утром",
    "в 19:75",
    "завтра",
    "не знаю",
    "",
    "когда-нибудь",
    "утром или вечером",
    "в 13 утра",
    "в 7 утра и в 7 вечера",
    "в любое время",
    "🙂",
    "пропустить",
    "нет",
    "в 8 или в 9",
    "как получится",
]


@pytest.mark.parametrize(("text", "expected"), NUDGE_TIMES)
def test_parse_nudge_time(text: str, expected: time) -> None:
    assert parse_nudge_time(text, RU) == expected


@pytest.mark.parametrize("text", NUDGE_TIMES_INVALID)
def test_invalid_nudge_time(text: str) -> None:
    assert parse_nudge_time(text, RU) is None


# ─────────────────────────────────────────────────────────────────────────────
# Quiet hours
# ─────────────────────────────────────────────────────────────────────────────

QUIET_HOURS = [
    ("с 22 до 7", (time(22), time(7))),
    ("С 22 до 7", (time(22), time(7))),
    ("с 22:00 до 07:00", (time(22), time(7))),
    ("с 22:00 до 7:00", (time(22), time(7))),
    ("с 23 до 8", (time(23), time(8))),
    ("с 23:00 до 06:30", (time(23), time(6, 30))),
    ("с 22:30 до 6:30", (time(22, 30), time(6, 30))),
    ("с 21 до 9", (time(21), time(9))),
    ("с 0 до 8", (time(0), time(8))),
    ("с 10 вечера до 7 утра", (time(22), time(7))),
    ("с десяти вечера до семи утра", (time(22), time(7))),
    ("с 11 вечера до 7", (time(23), time(7))),
    ("с 11 вечера до 6 утра", (time(23), time(6))),
    ("с 9 вечера до 9 утра", (time(21), time(9))),
    ("с 12 ночи до 8 утра", (time(0), time(8))),
    ("с 1 ночи до 9 утра", (time(1), time(9))),
    ("с полуночи до 9", (time(0), time(9))),
    ("с полуночи до 8 утра", (time(0), time(8))),
    ("с 22 до полуночи", (time(22), time(0))),
    ("с 11 до 6", (time(23), time(6))),
    ("с 10 до 7", (time(22), time(7))),
    ("с 1 до 9", (time(1), time(9))),
    ("с 12 до 8", (time(0), time(8))),
    ("с 7 до 7", (time(19), time(7))),
    ("с одиннадцати до шести", (time(23), time(6))),
    ("с двадцати двух до семи", (time(22), time(7))),
    ("между 11 и 6", (time(23), time(6))),
    ("между 23 и 7", (time(23), time(7))),
    ("22-7", (time(22), time(7))),
    ("22 - 7", (time(22), time(7))),
    ("23:00–06:30", (time(23), time(6, 30))),
    ("2200-0700", (time(22), time(7))),
    ("22ч-7ч", (time(22), time(7))),
    ("ночью с 23 до 7", (time(23), time(7))),
    ("с 23 до 7 ночью", (time(23), time(7))),
    ("с 10:00 до 18:00", (time(10), time(18))),
    ("с 22 до 7.", (time(22), time(7))),
    ("с 22 до 8, пожалуйста", (time(22), time(8))),
    ("с 22 по 7", (time(22), time(7))),
    ("с 11 вечера до полвосьмого", None),
    ("с 21:30 до 7:15", (time(21, 30), time(7, 15))),
    ("с 20 до 6", (time(20), time(6))),
    ("с 23 до 9 утра", (time(23), time(9))),
]

QUIET_HOURS_UNCLEAR = [
    "с 22",
    "до 7",
    "с половины одиннадцатого до 7",
    "не беспокоить после 22",
    "кроме как с 22 до 7",
    "никогда",
    "",
    "ночью",
    "с 22 до 7 и с 13 до 14",
    "с 25 до 7",
    "с 22:70 до 7",
    "с 10 вечера до 7 вечера утром",
    "не с 22 до 7",
    "с 10 вечера до 7 утра вечером",
    "22",
    "всегда",
    "пропустить",
    "с четверти одиннадцатого до 7",
    "с 22 до 7 или до 8",
    "не знаю",
    "🙂",
    "с 10 вечера до 8 вечера утра",
    "после полуночи",
    "с 22 до 7 утра по будням, а в выходные до 10",
    "с 13 утра до 7",
    "до 7 утра с 22",
]


@pytest.mark.parametrize(("text", "expected"), [(t, e) for t, e in QUIET_HOURS if e])
def test_parse_quiet_hours(text: str, expected: tuple[time, time]) -> None:
    assert parse_quiet_hours(text, RU) == expected


@pytest.mark.parametrize("text", QUIET_HOURS_UNCLEAR + [t for t, e in QUIET_HOURS if e is None])
def test_unclear_quiet_hours_give_none(text: str) -> None:
    assert parse_quiet_hours(text, RU) is None


QUIET_PRESETS = [
    (time(21, 30), time(8)),
    (time(22), time(7)),
    (time(23), time(9)),
    (time(20), time(8)),
]


@pytest.mark.parametrize(("start", "end"), QUIET_PRESETS)
@pytest.mark.parametrize("pattern", ["{a}-{b}", "{a}–{b}", "{a} до {b}", "с {a} до {b}"])
def test_the_settings_labels_read_back_in_russian(start: time, end: time, pattern: str) -> None:
    typed = pattern.format(a=f"{start:%H:%M}", b=f"{end:%H:%M}")
    assert parse_quiet_hours(typed, RU) == (start, end)


# ─────────────────────────────────────────────────────────────────────────────
# Settings and /idea: pace, weekdays, weekly limit, level, easier/bolder/category
# ─────────────────────────────────────────────────────────────────────────────

PACES = [
    ("каждый день", Pace.DAILY),
    ("Каждый день, пожалуйста", Pace.DAILY),
    ("ежедневно", Pace.DAILY),
    ("7 дней в неделю", Pace.DAILY),
    ("по будням", Pace.WEEKDAYS),
    ("будни", Pace.WEEKDAYS),
    ("только в будни", Pace.WEEKDAYS),
    ("рабочие дни", Pace.WEEKDAYS),
    ("пн-пт", Pace.WEEKDAYS),
    ("с понедельника по пятницу", Pace.WEEKDAYS),
    ("три раза в неделю", Pace.THREE_A_WEEK),
    ("3 раза в неделю", Pace.THREE_A_WEEK),
    ("трижды", Pace.THREE_A_WEEK),
    ("ТРИ", Pace.THREE_A_WEEK),
    ("хм", None),
    ("иногда", None),
    ("", None),
]

WEEKDAYS = [
    ("пн, ср и пт", {0, 2, 4}),
    ("понедельник", {0}),
    ("по понедельникам и четвергам", {0, 3}),
    ("вторник, четверг", {1, 3}),
    ("в субботу", {5}),
    ("воскресенье", {6}),
    ("среда и пятница", {2, 4}),
    ("по средам", {2}),
    ("сб и вс", {5, 6}),
    ("в пятницу", {4}),
    ("никогда", set()),
]

WEEKLY_LIMITS = [
    ("3", 3),
    ("5 в неделю", 5),
    ("не больше 2", 2),
    ("7", 7),
    ("без ограничений", 0),
    ("без лимита", 0),
    ("сколько угодно", 0),
    ("4", None),
    ("2 или 3", None),
    ("много", None),
]

LEVELS = [("3", 3), ("уровень 2", 2), ("5", 5), ("6", None), ("2 или 3", None), ("первый", None)]

IDEA_REQUESTS = [
    (["полегче"], -1, None),
    (["попроще"], -1, None),
    (["проще"], -1, None),
    (["посмелее"], 1, None),
    (["посложнее"], 1, None),
    (["еда"], 0, "food_and_drink"),
    (["кофе"], 0, "food_and_drink"),
    (["работа"], 0, "work_and_career"),
    (["соседи"], 0, "neighbours_and_community"),
    (["друзья"], 0, "friends_and_family"),
    (["онлайн"], 0, "online_and_phone"),
    (["магазин"], 0, "shops_and_services"),
    (["незнакомцы"], 0, "everyday_strangers"),
    (["спорт"], 0, "fitness_and_hobbies"),
]


@pytest.mark.parametrize(("text", "pace"), PACES)
def test_pace(text: str, pace: Pace | None) -> None:
    assert parse_pace(text, RU) == pace


@pytest.mark.parametrize(("text", "days"), WEEKDAYS)
def test_weekdays(text: str, days: set[int]) -> None:
    assert parse_weekdays(text, RU) == days


@pytest.mark.parametrize(("text", "limit"), WEEKLY_LIMITS)
def test_weekly_limit(text: str, limit: int | None) -> None:
    assert parse_weekly_limit(text, (2, 3, 5, 7, 0), RU) == limit


@pytest.mark.parametrize(("text", "level"), LEVELS)
def test_level(text: str, level: int | None) -> None:
    assert parse_level(text, RU) == level


@pytest.mark.parametrize(("args", "step", "category"), IDEA_REQUESTS)
def test_idea_request(args: list[str], step: int, category: str | None) -> None:
    request = parse_idea_request(args, RU)
    assert (request.step, request.category, request.unknown_word) == (step, category, None)


def test_an_unknown_idea_word_is_quoted_back() -> None:
    assert parse_idea_request(["абракадабра"], RU).unknown_word == "абракадабра"


PAUSES = [
    ("3", 3),
    ("3 дня", 3),
    ("на 3 дня", 3),
    ("на три дня", 3),
    ("пять дней", 5),
    ("1 день", 1),
    ("день", 1),
    ("неделю", 7),
    ("на неделю", 7),
    ("две недели", 14),
    ("на 2 недели", 14),
    ("на месяц", 30),
    ("до понедельника", 5),
    ("до пятницы", 2),
    ("до среды", 7),
    ("3 или 4 дня", None),
    ("не знаю", None),
    ("пока", None),
]


@pytest.mark.parametrize(("text", "days"), PAUSES)
def test_pause_days(text: str, days: int | None) -> None:
    assert parse_pause_days(text, 2, RU) == days  # today is a Wednesday
