"""The dashboard's JSON API over HTTP: who may read what, and changes through the chat's
own services (SQLite, and PostgreSQL when TEST_DATABASE_URL is set)."""

from __future__ import annotations

import gzip
import logging
from collections import Counter
from datetime import date, time, timedelta
from urllib.parse import parse_qsl, urlencode
from zoneinfo import ZoneInfo

import aiohttp
import pytest
from sqlalchemy import select

from bot.db.models import AnswerLog, Attempt, Challenge, User
from bot.domain.language import language_for
from bot.sandbox.harness import CoachHarness
from bot.services import attempts
from bot.telegram import views
from bot.texts import available_languages, load_locale, load_texts
from bot.webapp.auth import MAX_AGE
from tests.webapp.conftest import ALICE, ALICE_ASKS, BOB, BOB_ASKS, WEBAPP_PATH, Dashboard

BERLIN = ZoneInfo("Europe/Berlin")


def _lessons(summary: dict[str, object]) -> set[str]:
    asks = summary["asks"]
    assert isinstance(asks, list)
    return {ask["lesson"] for ask in asks if ask["lesson"]}


async def test_each_person_sees_only_their_own_asks(dashboard: Dashboard) -> None:
    status, alice, _ = await dashboard.call("GET", "summary", ALICE)
    assert status == 200
    assert _lessons(alice) == {ask.lesson for ask in ALICE_ASKS if ask.lesson}
    status, bob, _ = await dashboard.call("GET", "summary", BOB)
    assert status == 200
    assert _lessons(bob) == {"Bob's own private note"}
    assert len(bob["asks"]) == len(BOB_ASKS)
    assert [idea["text"] for idea in bob["ladder"]["personal"]] == [
        "Ask Bob's neighbour how their garden is doing"
    ]
    # Every word of the page comes with the data, from prompts.yaml (the person's language).
    texts = load_texts()
    assert alice["texts"]["dashboard.title"] == texts.plain("dashboard.title")
    assert alice["texts"]["log.outcomes.no"] == texts.plain("log.outcomes.no")
    # Newest first, with the weekly figures the contract promises.
    dates = [ask["id"] for ask in alice["asks"]]
    assert dates == sorted(dates, reverse=True)
    assert alice["forecast"]["sentence"].startswith("You expected a no about 72% of the time")
    guessed = [week for week in alice["forecast"]["weeks"] if week["expected"] is not None]
    assert [(week["expected"], week["heard"], week["asks"]) for week in guessed] == [
        (75, 50, 2),
        (70, 0, 2),
        (70, 0, 1),
    ]


async def test_nobody_can_change_another_persons_rows(dashboard: Dashboard) -> None:
    _, bob, _ = await dashboard.call("GET", "summary", BOB)
    bobs_ask = bob["asks"][0]["id"]
    bobs_idea = bob["ladder"]["personal"][0]["id"]
    bobs_hidden = bob["ladder"]["hidden"][0]["id"]
    attempts = [
        ("POST", f"asks/{bobs_ask}", {"field": "lesson", "value": "Alice was here"}),
        ("POST", f"personal/{bobs_idea}", {"text": "Ask a neighbour for a recipe", "level": 2}),
        ("DELETE", f"personal/{bobs_idea}", None),
    ]
    for method, path, body in attempts:
        status, _, _ = await dashboard.call(method, path, ALICE, body)
        assert status == 404, path
    # Alice has set the same catalog idea aside herself: bringing it back is hers alone.
    status, _, _ = await dashboard.call("POST", f"ideas/{bobs_hidden}/bring-back", ALICE)
    assert status == 200
    _, bob_after, _ = await dashboard.call("GET", "summary", BOB)
    assert bob_after["asks"][0]["lesson"] == "Bob's own private note"
    assert bob_after["ladder"]["personal"] == bob["ladder"]["personal"]
    assert bob_after["ladder"]["hidden"] == bob["ladder"]["hidden"]


@pytest.mark.parametrize("language_code", ["en", "es-419", "ru", "pt-BR"])
async def test_someone_not_set_up_yet_is_told_so_in_their_language(
    dashboard: Dashboard, language_code: str
) -> None:
    stranger = 5_100_099  # valid initData, no row: never onboarded
    own = load_locale(language_for(language_code, available_languages()))
    for method, path in (("GET", "summary"), ("POST", "settings")):
        status, body, _ = await dashboard.call(
            method, path, stranger, {"nudge_time": "18:00"}, language_code=language_code
        )
        assert status == 404
        assert body == {"error": own.plain("fallback.not_onboarded")}


def _tampered(init_data: str) -> str:
    fields = dict(parse_qsl(init_data))
    fields["user"] = fields["user"].replace(str(ALICE), str(BOB))
    return urlencode(fields)


def _unsigned(init_data: str) -> str:
    return urlencode({k: v for k, v in parse_qsl(init_data) if k != "hash"})


@pytest.mark.parametrize(
    "authorization",
    [
        pytest.param(lambda d: None, id="missing"),
        pytest.param(lambda d: d.init_data(ALICE), id="no-scheme"),
        pytest.param(lambda d: "Bearer " + d.init_data(ALICE), id="other-scheme"),
        pytest.param(lambda d: "tma " + _tampered(d.init_data(ALICE)), id="tampered"),
        pytest.param(lambda d: "tma " + _unsigned(d.init_data(ALICE)), id="unsigned"),
        pytest.param(
            lambda d: "tma " + d.init_data(ALICE, age=MAX_AGE + timedelta(minutes=1)), id="expired"
        ),
        pytest.param(
            lambda d: "tma " + d.init_data(ALICE, token="654321:ANOTHER-bot-token"),
            id="other-bot",
        ),
        pytest.param(lambda d: "tma garbage&&&=", id="garbage"),
    ],
)
async def test_anything_but_valid_init_data_gets_401_without_detail(
    dashboard: Dashboard, authorization: object
) -> None:
    value = authorization(dashboard)  # type: ignore[operator]
    headers = {} if value is None else {"Authorization": value}
    async with (
        aiohttp.ClientSession() as http,
        http.get(dashboard.base + "api/summary", headers=headers) as reply,
    ):
        assert reply.status == 401
        assert await reply.text() == "unauthorized"
        assert "default-src 'none'" in reply.headers["Content-Security-Policy"]
    async with (
        aiohttp.ClientSession() as http,
        http.post(
            dashboard.base + "api/settings", headers=headers, json={"nudge_time": "18:00"}
        ) as reply,
    ):
        assert reply.status == 401


async def test_a_correction_goes_through_the_chats_parsing_and_can_be_undone(
    dashboard: Dashboard,
) -> None:
    _, alice, _ = await dashboard.call("GET", "summary", ALICE)
    ask_id = alice["asks"][0]["id"]
    status, body, _ = await dashboard.call(
        "POST", f"asks/{ask_id}", ALICE, {"field": "predicted_no_pct", "value": "150%"}
    )
    assert status == 422
    assert "0 to 100" in body["error"]
    status, body, _ = await dashboard.call(
        "POST", f"asks/{ask_id}", ALICE, {"field": "predicted_no_pct", "value": "about 60-70%"}
    )
    assert status == 200
    assert body["asks"][0]["predicted_no_pct"] == 65
    status, body, _ = await dashboard.call(
        "POST", f"asks/{ask_id}", ALICE, {"field": "outcome", "value": "na"}
    )
    assert status == 200 and body["asks"][0]["outcome"] == "no_answer"
    async with dashboard.coach.runtime.deps.db.sessions() as session:
        attempt = await session.get(Attempt, ask_id)
        logged = list(await session.scalars(select(AnswerLog).where(AnswerLog.user_id == ALICE)))
    assert attempt is not None and attempt.predicted_no_pct == 65
    # Saved like a chat answer: /undo in the chat takes the last one back.
    assert [entry.field for entry in logged] == ["predicted_no_pct", "outcome"]
    async with dashboard.coach.runtime.deps.db.transaction() as session:
        undone = await attempts.undo_last(session, ALICE, now=dashboard.coach.runtime.deps.clock())
    assert undone is not None and undone.attempt is not None
    assert undone.attempt.outcome == ALICE_ASKS[-1].outcome
    status, _, _ = await dashboard.call(
        "POST", f"asks/{ask_id}", ALICE, {"field": "status", "value": "dropped"}
    )
    assert status == 400


async def test_settings_move_the_next_nudge_and_bad_values_save_nothing(
    dashboard: Dashboard,
) -> None:
    _, alice, _ = await dashboard.call("GET", "summary", ALICE)
    settings = dict(alice["settings"])
    before = (await dashboard.user(ALICE)).next_nudge_at
    wrong = {**settings, "nudge_time": "19:15", "timezone": "Atlantis/Nowhere"}
    status, body, _ = await dashboard.call("POST", "settings", ALICE, wrong)
    assert status == 422 and "time zone" in body["error"]
    assert (await dashboard.user(ALICE)).next_nudge_at == before  # nothing half-saved
    status, body, _ = await dashboard.call(
        "POST", "settings", ALICE, {**settings, "nudge_time": "19:15", "timezone": "Tokyo"}
    )
    assert status == 200
    user = await dashboard.user(ALICE)
    assert user.timezone == "Asia/Tokyo"
    assert user.next_nudge_at is not None and user.next_nudge_at != before
    assert body["settings"]["next_nudge"].endswith("19:15")
    three = {**body["settings"], "pace": "three_a_week", "nudge_days": [0, 2]}
    status, body, _ = await dashboard.call("POST", "settings", ALICE, three)
    assert status == 422 and "three days" in body["error"]


async def test_level_recap_day_cap_and_quiet_hours_save_in_one_call(
    dashboard: Dashboard,
) -> None:
    _, alice, _ = await dashboard.call("GET", "summary", ALICE)
    before = await dashboard.user(ALICE)
    assert (before.level, before.recap_weekday, before.weekly_cap) == (2, 6, 3)
    changed = {
        **alice["settings"],
        "level": 4,
        "recap_weekday": 2,  # Wednesday
        "weekly_cap": 5,
        "quiet_start": "22:15",
        "quiet_end": "07:45",
    }
    status, body, _ = await dashboard.call("POST", "settings", ALICE, changed)
    assert status == 200
    user = await dashboard.user(ALICE)
    assert (user.level, user.recap_weekday, user.weekly_cap) == (4, 2, 5)
    assert (user.quiet_start, user.quiet_end) == (time(22, 15), time(7, 45))
    # The next recap moved to Wednesday at the recap time, on Alice's clock.
    assert user.next_recap_at is not None and user.next_recap_at != before.next_recap_at
    local = user.next_recap_at.astimezone(ZoneInfo(user.timezone))
    assert (local.weekday(), local.time()) == (2, user.recap_time)
    assert (user.timezone, user.nudge_time, user.pace) == (
        before.timezone,
        before.nudge_time,
        before.pace,
    )
    assert body["settings"] | {"next_nudge": None} == changed | {"next_nudge": None}
    assert body["ladder"]["level"] == 4


async def test_the_ladder_counts_what_was_tried_per_level_and_kind(dashboard: Dashboard) -> None:
    _, alice, _ = await dashboard.call("GET", "summary", ALICE)
    async with dashboard.coach.runtime.deps.db.sessions() as session:
        rows = (
            await session.execute(
                select(Attempt.level, Challenge.category)
                .join(Challenge, Challenge.id == Attempt.challenge_id)
                .where(Attempt.user_id == ALICE)
            )
        ).all()
    assert len(rows) == len(ALICE_ASKS)  # every seeded outcome counts as having asked
    by_level = Counter(level for level, _ in rows)
    by_category = Counter(category for _, category in rows)
    ladder = alice["ladder"]
    assert ladder["level"] == 2
    assert ladder["levels"] == [{"level": n, "tried": by_level.get(n, 0)} for n in range(1, 6)]
    assert {row["category"]: row["tried"] for row in ladder["categories"]} == by_category
    assert sum(row["tried"] for row in ladder["levels"]) == len(ALICE_ASKS)


async def test_asks_per_week_counts_every_ask_and_its_noes(dashboard: Dashboard) -> None:
    _, alice, _ = await dashboard.call("GET", "summary", ALICE)
    now = dashboard.coach.clock().astimezone(BERLIN).date()
    expected: Counter[date] = Counter()
    noes: Counter[date] = Counter()
    for ask in ALICE_ASKS:
        day = now - timedelta(days=ask.days_ago)
        monday = day - timedelta(days=day.weekday())
        expected[monday] += 1
        noes[monday] += ask.outcome == "no"
    # From the first busy week to this one, one bar pair each, empty weeks as zero (no gaps,
    # nothing marked "missed").
    first, this_week = min(expected), now - timedelta(days=now.weekday())
    weeks = [first + timedelta(weeks=n) for n in range((this_week - first).days // 7 + 1)]
    assert alice["charts"]["weeks"] == [
        {"label": f"{week.day} {week:%b}", "asks": expected[week], "noes": noes[week]}
        for week in weeks
    ]
    assert sum(week["asks"] for week in alice["charts"]["weeks"]) == len(ALICE_ASKS)


async def test_own_ideas_pass_the_same_respect_rules(dashboard: Dashboard) -> None:
    status, body, _ = await dashboard.call(
        "POST", "personal", ALICE, {"text": "Film strangers and ask them for money", "level": 2}
    )
    assert status == 422 and body["error"]
    status, body, _ = await dashboard.call(
        "POST", "personal", ALICE, {"text": "Ask the librarian to recommend a novel", "level": 2}
    )
    assert status == 200
    added = next(i for i in body["ladder"]["personal"] if "librarian" in i["text"])
    status, body, _ = await dashboard.call(
        "POST", f"personal/{added['id']}", ALICE, {"text": "Lie to the librarian", "level": 2}
    )
    assert status == 422
    status, body, _ = await dashboard.call(
        "POST",
        f"personal/{added['id']}",
        ALICE,
        {"text": "Ask the librarian for a poetry pick", "level": 3},
    )
    assert status == 200
    status, body, _ = await dashboard.call("DELETE", f"personal/{added['id']}", ALICE)
    assert status == 200
    assert all(idea["id"] != added["id"] for idea in body["ladder"]["personal"])
    async with dashboard.coach.runtime.deps.db.sessions() as session:
        kept = await session.get(Challenge, added["id"])
    assert kept is not None and kept.retired and kept.text == "Ask the librarian for a poetry pick"


async def test_the_page_is_small_local_and_locked_down(dashboard: Dashboard) -> None:
    total = 0
    async with aiohttp.ClientSession(auto_decompress=False) as http:
        for path in ("", "static/app.js", "static/app.css"):
            async with http.get(
                dashboard.base + path, headers={"Accept-Encoding": "gzip"}
            ) as reply:
                assert reply.status == 200
                assert reply.headers["Content-Encoding"] == "gzip"
                policy = reply.headers["Content-Security-Policy"]
                assert "script-src 'self';" in policy  # no CDN, no inline script
                assert reply.headers["X-Content-Type-Options"] == "nosniff"
                body = await reply.read()
                total += len(body)
                text = gzip.decompress(body).decode()
                assert "https://" not in text.replace("http://www.w3.org/2000/svg", "")
        async with http.get(dashboard.base + "static/../../config.py") as reply:
            assert reply.status == 404
    print(f"\npage weight: {total} bytes gzip (page, script, styles)")
    assert total <= 150 * 1024


async def test_what_people_write_stays_out_of_the_logs(
    dashboard: Dashboard, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    _, alice, _ = await dashboard.call("GET", "summary", ALICE)
    ask_id = alice["asks"][0]["id"]
    words = "my very private lesson about the bakery"
    status, _, _ = await dashboard.call(
        "POST", f"asks/{ask_id}", ALICE, {"field": "lesson", "value": words}
    )
    assert status == 200
    await dashboard.call("POST", "personal", ALICE, {"text": "Lie to " + words, "level": 2})
    assert "bakery" not in caplog.text
    assert "Alice" not in caplog.text


async def test_any_replica_answers_any_request(dashboard: Dashboard, database_url: str) -> None:
    """A second coach process on the same database (another replica) serves the same person
    with the same initData, and sees a change saved through the first one at once."""
    async with CoachHarness(
        database_url,
        migrate_first=False,
        clock=None,
        webapp_url="http://127.0.0.1" + WEBAPP_PATH,
        webapp_listen="127.0.0.1",
        webapp_port=0,
    ) as other:
        assert other.runtime.webapp is not None
        replica = Dashboard(
            dashboard.coach, f"http://127.0.0.1:{other.runtime.webapp.port}{WEBAPP_PATH}"
        )
        _, first, _ = await dashboard.call("GET", "summary", ALICE)
        ask_id = first["asks"][0]["id"]
        status, _, _ = await dashboard.call(
            "POST", f"asks/{ask_id}", ALICE, {"field": "anxiety_after", "value": "1"}
        )
        assert status == 200
        status, seen, _ = await replica.call("GET", "summary", ALICE)
        assert status == 200
        assert seen["asks"][0]["anxiety_after"] == 1.0
        assert _lessons(seen) == _lessons(first)


@pytest.mark.parametrize("language", ["es", "ru"])
async def test_catalog_ideas_are_named_in_the_persons_language(
    dashboard: Dashboard, language: str
) -> None:
    """The database keeps a catalog idea in English; the history says it in theirs."""
    async with dashboard.coach.runtime.deps.db.transaction() as session:
        user = await session.get(User, ALICE)
        assert user is not None
        user.language = language
        keys = list(
            await session.scalars(
                select(Challenge.catalog_key)
                .join(Attempt, Attempt.challenge_id == Challenge.id)
                .where(Attempt.user_id == ALICE)
            )
        )
    own = load_locale(language)
    status, summary, _ = await dashboard.call("GET", "summary", ALICE)
    assert status == 200
    titles = {ask["title"] for ask in summary["asks"]}
    expected = {views.short_title(own.ideas_by_id[key].text, limit=90) for key in keys if key}
    assert expected and expected <= titles
