"""Check-in timing and "not yet" (issue 15 item 3): pure domain code."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest

from bot.domain.answers import NotYet, Outcome, parse_not_yet
from bot.domain.flows.log import Step, read_button, read_typed
from bot.domain.schedule import (
    OPENING_TIME,
    QuietHours,
    checkin_again_at,
    followup_at,
    opening_time,
)

BERLIN = "Europe/Berlin"

NOT_YET = [
    ("en", "not yet", NotYet.LATER),
    ("en", "Later", NotYet.LATER),
    ("en", "maybe later today", NotYet.LATER),
    ("en", "haven't had the chance", NotYet.LATER),
    ("en", "I didn't get a chance yet", NotYet.LATER),
    ("en", "haven't asked yet", NotYet.LATER),
    ("en", "tomorrow", NotYet.TOMORROW),
    ("en", "I'll do it tomorrow", NotYet.TOMORROW),
    ("es", "todavía no", NotYet.LATER),
    ("es", "más tarde", NotYet.LATER),
    ("es", "no he tenido la oportunidad", NotYet.LATER),
    ("es", "no me ha dado tiempo", NotYet.LATER),
    ("es", "mañana", NotYet.TOMORROW),
    ("ru", "ещё нет", NotYet.LATER),
    ("ru", "позже", NotYet.LATER),
    ("ru", "не было возможности", NotYet.LATER),
    ("ru", "руки не дошли", NotYet.LATER),
    ("ru", "завтра", NotYet.TOMORROW),
]

NOT_NOT_YET = [
    ("en", "they said maybe later"),  # their answer, not ours
    ("en", "not this time"),
    ("en", "yes"),
    ("en", "got a no"),
    ("en", "chickened out"),
    ("en", "never"),
    ("es", "esta vez no"),
    ("es", "me dijeron que no"),
    ("ru", "нет"),
    ("ru", "сказали нет"),
]


@pytest.mark.parametrize(("language", "typed", "expected"), NOT_YET)
def test_not_yet_is_read_in_every_language(language: str, typed: str, expected: NotYet) -> None:
    assert parse_not_yet(typed, language) is expected
    assert read_typed(Step.ASKED, typed, language) is not None
    answer = read_typed(Step.ASKED, typed, language)
    assert answer is not None and answer.value is expected


@pytest.mark.parametrize(("language", "typed"), NOT_NOT_YET)
def test_other_answers_are_not_not_yet(language: str, typed: str) -> None:
    assert parse_not_yet(typed, language) is None
    answer = read_typed(Step.ASKED, typed, language)
    assert answer is None or not isinstance(answer.value, NotYet)


def test_the_not_yet_button() -> None:
    answer = read_button(Step.ASKED, "l")
    assert answer is not None and answer.value is NotYet.LATER
    didnt = read_button(Step.ASKED, "n")
    assert didnt is not None and didnt.value is Outcome.DIDNT_ASK


def local(instant: datetime, tz_name: str = BERLIN) -> datetime:
    return instant.astimezone(ZoneInfo(tz_name)).replace(tzinfo=None)


def at_berlin(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(BERLIN))


def test_asked_again_this_evening_or_tomorrow() -> None:
    morning = at_berlin(2026, 11, 23, 10, 0)
    assert local(checkin_again_at(now=morning, tz_name=BERLIN)) == datetime(2026, 11, 23, 18)
    # Less than four hours before 18:00: tomorrow's evening instead.
    afternoon = at_berlin(2026, 11, 23, 15, 0)
    assert local(checkin_again_at(now=afternoon, tz_name=BERLIN)) == datetime(2026, 11, 24, 18)
    tomorrow = checkin_again_at(now=morning, tz_name=BERLIN, tomorrow=True)
    assert local(tomorrow) == datetime(2026, 11, 24, 18)
    assert tomorrow.tzinfo is UTC


def test_asked_again_outside_quiet_hours() -> None:
    early_nights = QuietHours(time(17), time(8))
    again = checkin_again_at(now=at_berlin(2026, 11, 23, 10, 0), tz_name=BERLIN, quiet=early_nights)
    assert local(again) == datetime(2026, 11, 24, 8)


def test_office_and_shop_ideas_are_not_checked_in_before_nine() -> None:
    assert opening_time("shops_and_service", "in_person") == OPENING_TIME == time(9)
    assert opening_time("work_and_career", "phone") == time(9)
    assert opening_time("work_and_career", "message") is None  # an email needs no office
    assert opening_time("everyday_strangers", "in_person") is None
    accepted = at_berlin(2026, 11, 23, 2, 0)  # 02:00 + 5 h = 07:00: quiet until 08:00
    plain = followup_at(accepted_at=accepted, tz_name=BERLIN)
    shop = followup_at(accepted_at=accepted, tz_name=BERLIN, opens=OPENING_TIME)
    assert (local(plain), local(shop)) == (datetime(2026, 11, 23, 8), datetime(2026, 11, 23, 9))
    later = at_berlin(2026, 11, 23, 10, 0)  # 15:00 is after opening: unchanged
    assert followup_at(accepted_at=later, tz_name=BERLIN, opens=OPENING_TIME) == followup_at(
        accepted_at=later, tz_name=BERLIN
    )
    again = checkin_again_at(now=later, tz_name=BERLIN, opens=OPENING_TIME)
    assert local(again) == datetime(2026, 11, 23, 18)
