"""Forged button presses: oversized or negative numbers, unknown prefixes, wrong shapes.

The callback codec checks shape and leaves ownership to the owner's query; a forged press
must read as an expired button (a quiet toast), never as a traceback and an apology. The
24-digit number of issue 18 overflowed the database's integer columns."""

from __future__ import annotations

import asyncio
import logging
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.config import sqlite_url_for
from bot.sandbox.harness import CoachHarness
from bot.telegram.keyboards import MAX_ID, Cb, unpack
from tests.conftest import Errors
from tests.telegram.helpers import onboard

ADA = 18_301
HUGE = "9" * 24
# The numbers that broke or could break a query: past int64, past int4, negative, zero.
NUMBERS = (HUGE, str(2**63), str(MAX_ID + 1), "-1", "-" + HUGE, "0", "00000000000000000000001")


def test_numbers_beyond_our_ids_are_not_numbers() -> None:
    for number in NUMBERS:
        callback = unpack(f"{Cb.HISTORY.value}:{number}")
        assert callback is None or callback.int_part(0) in (None, 0, 1)
    callback = unpack(f"{Cb.HISTORY.value}:{MAX_ID}")
    assert callback is not None and callback.int_part(0) == MAX_ID
    assert unpack(5) is None  # a mistyped `data` in a forged update
    assert unpack(["h", "1"]) is None
    assert unpack("zz:1") is None
    assert unpack("h:" + "\udcff") is None  # undecodable bytes


def forged(kind: Cb) -> list[str]:
    """Data for one kind of button: every bad number in every position it might read."""
    data: list[str] = []
    for number in NUMBERS:
        for prefix in ((), ("try",), ("1", "predict"), ("accept",), ("cheer",)):
            data.append(":".join([kind.value, *prefix, number])[:64])
    return data


@pytest.mark.usefixtures("database_url")
async def test_every_kind_of_button_with_hostile_numbers_is_a_stale_button(
    coach: CoachHarness, errors: Errors
) -> None:
    await onboard(coach, ADA)
    await coach.say(ADA, "/idea")
    last = coach.emulator.last_message(ADA)
    assert last is not None
    stale = coach.runtime.texts.plain("stale.button")
    quiet = {stale, coach.runtime.texts.plain("stale.question")}
    apology = coach.runtime.texts.plain("errors.apology").split()[0]
    for kind in Cb:
        for data in forged(kind):
            messages, answer = await coach.press_data(ADA, last.message_id, data, forge=True)
            assert errors.lines == [], (data, errors.lines)
            assert not any(apology in (m.text or "") for m in messages), data
            if kind is not Cb.SETTINGS and kind is not Cb.MENU:
                # Settings and menu buttons read no numbers: they answer in their own way.
                assert answer in quiet or messages, data
    for data in ("zz:1", "h:" + HUGE, "q:x:y:z", "i:try:-5", "bd:accept:" + HUGE):
        messages, answer = await coach.press_data(ADA, last.message_id, data, forge=True)
        assert answer in quiet, data
        assert messages == []
    assert errors.lines == []


callback_data = st.one_of(
    st.text(max_size=80),
    st.builds(
        lambda kind, parts: ":".join([kind, *parts]),
        st.sampled_from([kind.value for kind in Cb]) | st.text(max_size=3),
        st.lists(
            st.one_of(
                st.integers(min_value=-(10**30), max_value=10**30).map(str),
                st.sampled_from(("try", "new", "y", "skip", "accept", "cheer", "predict")),
                st.text(alphabet="ab-_.:09", max_size=30),
            ),
            max_size=5,
        ),
    ),
)


async def _press_all(database_url: str, datas: list[str]) -> list[str]:
    handler = Errors()
    logging.getLogger().addHandler(handler)
    try:
        async with CoachHarness(database_url, migrate_first=False) as coach:
            coach.emulator.add_user(ADA, "Ada")
            await coach.say(ADA, "/start")
            last = coach.emulator.last_message(ADA)
            assert last is not None
            for data in datas:
                answered = len(coach.emulator.callback_answers())
                await coach.press_data(ADA, last.message_id, data[:64] or "x", forge=True)
                assert len(coach.emulator.callback_answers()) > answered, data
    finally:
        logging.getLogger().removeHandler(handler)
    return handler.lines


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datas=st.lists(callback_data, min_size=1, max_size=12))
def test_random_callback_data_never_raises(migrated_template: Path, datas: list[str]) -> None:
    folder = Path(tempfile.mkdtemp())
    shutil.copyfile(migrated_template, folder / "coach.sqlite3")
    try:
        lines = asyncio.run(_press_all(sqlite_url_for(folder / "coach.sqlite3"), datas))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    assert lines == []
