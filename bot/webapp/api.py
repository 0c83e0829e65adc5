"""The dashboard's JSON API: every call names its person with `Authorization: tma <initData>`.

Stateless: each request validates its own initData and opens its own transaction, so any
replica answers any request. A person can only ever reach their own rows: the user id comes
from the signed data, and every change goes through the owner-checking services the chat
uses. Every change answers with the whole fresh summary, so the page simply redraws.

Nothing a person wrote is logged; failures are logged by kind only.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from datetime import datetime, time
from typing import Any

from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import repo
from bot.db.models import User
from bot.deps import Deps
from bot.domain.flows.log import FIX_STEPS, read_fix
from bot.domain.language import language_for
from bot.domain.schedule import Pace
from bot.domain.timezones import parse_nudge_time, parse_quiet_hours, resolve_timezone
from bot.domain.words import SOURCE_LANGUAGE
from bot.services import attempts, care, dashboard, ideas, own_ideas, profile
from bot.webapp import auth, summary
from bot.webapp.auth import WebAppUser

SCHEME = "tma "
# Requests carry a few short fields; an idea is at most 300 characters, a lesson 1,000.
MAX_BODY_BYTES = 16 * 1024
# The values /history can fix in the chat, by the attempt column they fill.
FIXABLE = {field.value: field for field in FIX_STEPS}

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class Problem(Exception):
    """A request we understood but can't apply: answered 422 with a kind sentence."""

    def __init__(self, text_key: str, **params: object) -> None:
        super().__init__(text_key)
        self.text_key = text_key
        self.params = params


class DashboardApi:
    def __init__(self, deps: Callable[[], Deps]) -> None:
        self._deps = deps

    def routes(self, prefix: str) -> list[web.RouteDef]:
        api = prefix + "api/"
        return [
            web.get(api + "summary", self._summary),
            web.post(api + "asks/{id:\\d{1,9}}", self._write(self._correct)),
            web.post(api + "ideas/{id:\\d{1,9}}/bring-back", self._write(self._bring_back)),
            web.post(api + "personal", self._write(self._add_idea)),
            web.post(api + "personal/{id:\\d{1,9}}", self._write(self._edit_idea)),
            web.delete(api + "personal/{id:\\d{1,9}}", self._write(self._remove_idea)),
            web.post(api + "settings", self._write(self._save_settings)),
        ]

    # -- plumbing -------------------------------------------------------------------------

    def _person(self, request: web.Request) -> WebAppUser:
        header = request.headers.get("Authorization", "")
        token = self._deps().settings.telegram_bot_token
        person = None
        if header.startswith(SCHEME) and token is not None:
            person = auth.validate(
                header[len(SCHEME) :].strip(),
                bot_token=token.get_secret_value(),
                now=self._deps().clock(),
            )
        if person is None:
            raise web.HTTPUnauthorized(text="unauthorized")
        return person

    async def _summary(self, request: web.Request) -> web.StreamResponse:
        """GET summary: everything the page shows, read in one read-only session."""
        person = self._person(request)
        async with self._deps().db.sessions() as session:
            user = await repo.get_user(session, person.id)
            if user is None:
                return self._not_started(person)
            return web.json_response(await self._summary_of(session, user))

    def _write(
        self, action: Callable[[AsyncSession, User, web.Request, dict[str, Any]], Awaitable[None]]
    ) -> Handler:
        async def handle(request: web.Request) -> web.StreamResponse:
            person = self._person(request)
            body = await _json_body(request)
            deps = self._deps()
            language = SOURCE_LANGUAGE
            try:
                async with deps.db.transaction() as session:
                    user = await repo.get_user(session, person.id)
                    if user is None:
                        return self._not_started(person)
                    language = user.language
                    await action(session, user, request, body)
                    return web.json_response(await self._summary_of(session, user))
            except Problem as problem:
                text = deps.texts_for(language).plain(problem.text_key, **problem.params)
                return web.json_response({"error": text}, status=422)

        return handle

    def _not_started(self, person: WebAppUser) -> web.Response:
        """Nobody by this id yet: "/start first", in the language their Telegram speaks."""
        deps = self._deps()
        language = language_for(person.language_code, deps.languages.keys())
        text = deps.texts_for(language).plain("fallback.not_onboarded")
        return web.json_response({"error": text}, status=404)

    async def _summary_of(self, session: AsyncSession, user: User) -> dict[str, Any]:
        deps = self._deps()
        return summary.compose(
            deps.texts_for(user.language),
            user,
            await dashboard.asks_of(session, user.id),
            hidden=await ideas.set_aside(session, user.id),
            personal=await own_ideas.ideas_of(session, user.id),
            now=deps.clock(),
        )

    # -- changes: the same services as the chat ---------------------------------------------

    async def _correct(
        self, session: AsyncSession, user: User, request: web.Request, body: dict[str, Any]
    ) -> None:
        field = FIXABLE.get(str(body.get("field", "")))
        if field is None:
            raise web.HTTPBadRequest(text="bad request")
        answer = read_fix(field, str(body.get("value", ""))[:1000], user.language)
        if answer is None:
            raise Problem(f"dashboard.history.unreadable.{field.value}")
        now = self._deps().clock()
        fixed = await attempts.correct(
            session, user.id, int(request.match_info["id"]), field, answer.value, now=now
        )
        if fixed is None:
            raise web.HTTPNotFound(text="not found")

    async def _bring_back(
        self, session: AsyncSession, user: User, request: web.Request, _body: dict[str, Any]
    ) -> None:
        if not await ideas.bring_back(session, user.id, int(request.match_info["id"])):
            raise web.HTTPNotFound(text="not found")

    async def _add_idea(
        self, session: AsyncSession, user: User, _request: web.Request, body: dict[str, Any]
    ) -> None:
        text, level = _idea_fields(body)
        try:
            await own_ideas.add_idea(session, user, text, level, now=self._deps().clock())
        except own_ideas.TooManyIdeas:
            raise Problem("add.too_many", limit=own_ideas.MAX_OWN_IDEAS) from None
        except ValueError:
            raise _respect_problem(text) from None

    async def _edit_idea(
        self, session: AsyncSession, user: User, request: web.Request, body: dict[str, Any]
    ) -> None:
        text, level = _idea_fields(body)
        idea_id = int(request.match_info["id"])
        try:
            edited = await own_ideas.edit_idea(session, user, idea_id, text, level)
        except ValueError:
            raise _respect_problem(text) from None
        if edited is None:
            raise web.HTTPNotFound(text="not found")

    async def _remove_idea(
        self, session: AsyncSession, user: User, request: web.Request, _body: dict[str, Any]
    ) -> None:
        if not await own_ideas.remove_idea(session, user, int(request.match_info["id"])):
            raise web.HTTPNotFound(text="not found")

    async def _save_settings(
        self, session: AsyncSession, user: User, _request: web.Request, body: dict[str, Any]
    ) -> None:
        await apply_settings(session, user, body, now=self._deps().clock())


async def apply_settings(
    session: AsyncSession, user: User, body: dict[str, Any], *, now: datetime
) -> None:
    """Each changed setting through the service /settings uses (so next_nudge_at moves).
    Everything is checked before anything changes: a bad field saves nothing."""
    changes: list[Callable[[], Awaitable[None] | None]] = []
    zone = str(body.get("timezone", user.timezone)).strip()
    if zone != user.timezone:
        resolved = resolve_timezone(zone, user.language)
        if resolved is None:
            raise Problem("dashboard.settings.timezone_unknown")
        changes.append(lambda: profile.set_timezone(user, resolved, now))
    nudge = parse_nudge_time(str(body.get("nudge_time", "")))
    if nudge is None:
        raise Problem("dashboard.settings.time_unknown")
    if nudge != user.nudge_time:
        changes.append(lambda: profile.set_nudge_time(user, nudge, now))
    changes += _pace_change(user, body, now)
    level = _choice(body, "level", range(1, 6))
    if level != user.level:
        changes.append(lambda: profile.set_level(user, level))
    weekday = _choice(body, "recap_weekday", range(7))
    if weekday != user.recap_weekday:
        changes.append(lambda: profile.set_recap_day(user, weekday, now))
    cap = _choice(body, "weekly_cap", care.CAP_CHOICES)
    if cap != user.weekly_cap:
        changes.append(lambda: care.set_weekly_cap(user, cap))
    quiet = _quiet(body)
    if quiet != (user.quiet_start, user.quiet_end):
        changes.append(lambda: profile.set_quiet_hours(session, user, *quiet, now))
    for change in changes:
        outcome = change()
        if outcome is not None:
            await outcome


def _pace_change(user: User, body: dict[str, Any], now: datetime) -> list[Callable[[], None]]:
    try:
        pace = Pace(str(body.get("pace", "")))
    except ValueError:
        raise web.HTTPBadRequest(text="bad request") from None
    days: frozenset[int] | None = None
    if pace is Pace.THREE_A_WEEK:
        raw = body.get("nudge_days", [])
        chosen = {day for day in raw if isinstance(day, int) and 0 <= day <= 6}
        if not isinstance(raw, list) or len(chosen) != 3:
            raise Problem("dashboard.settings.days_three")
        days = frozenset(chosen)
        if pace.value == user.pace and days == profile.nudge_days(user):
            return []
    elif pace.value == user.pace:
        return []
    return [lambda: profile.set_pace(user, pace, now, days)]


def _choice(body: dict[str, Any], name: str, allowed: range | tuple[int, ...]) -> int:
    value = body.get(name)
    if not isinstance(value, int) or isinstance(value, bool) or value not in allowed:
        raise web.HTTPBadRequest(text="bad request")
    return value


def _quiet(body: dict[str, Any]) -> tuple[time, time]:
    start, end = str(body.get("quiet_start", "")), str(body.get("quiet_end", ""))
    hours = parse_quiet_hours(f"{start}-{end}")
    if hours is None:
        raise Problem("dashboard.settings.time_unknown")
    if hours[0] == hours[1]:
        raise Problem("dashboard.settings.quiet_same")
    return hours


def _idea_fields(body: dict[str, Any]) -> tuple[str, int]:
    text = body.get("text")
    level = body.get("level")
    if not isinstance(text, str) or not isinstance(level, int) or isinstance(level, bool):
        raise web.HTTPBadRequest(text="bad request")
    if not 1 <= level <= 5:
        raise web.HTTPBadRequest(text="bad request")
    return text[:1000], level


def _respect_problem(text: str) -> Problem:
    """Why an idea can't go on the ladder: the first reason /add would give."""
    screening = own_ideas.screen(" ".join(text.split()))
    code = screening.problems[0].value if screening.problems else "length"
    return Problem(f"add.problems.{code}")


async def _json_body(request: web.Request) -> dict[str, Any]:
    if request.method == "DELETE":
        return {}
    raw = await request.content.read(MAX_BODY_BYTES + 1)
    if len(raw) > MAX_BODY_BYTES:
        raise web.HTTPRequestEntityTooLarge(max_size=MAX_BODY_BYTES, actual_size=len(raw))
    try:
        body = json.loads(raw or b"{}")
    except (ValueError, UnicodeDecodeError):
        raise web.HTTPBadRequest(text="bad request") from None
    if not isinstance(body, dict):
        raise web.HTTPBadRequest(text="bad request")
    return body
