"""The Mini App dashboard: page weight, summary API time, and first render in Chromium.

Serves the real dashboard (the coach's runtime against the emulator, SQLite) for one person
with a year of asks, then measures:

* page weight: the page, script and styles as served with gzip (target: at most 150 KB);
* the summary API: response size (gzip) and median server time over several calls;
* first render in Debian's headless Chromium at 360 px: from navigation to the forecast
  sentence on screen, and the browser's own first-contentful-paint (target: 1 s).

    python -m bench.webapp [--asks 365] [--runs 5]
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import os
import random
import time
from datetime import time as clock_time
from datetime import timedelta
from urllib.parse import quote

import aiohttp
from sqlalchemy import select

from bench.common import banner, fresh_database, median
from bot.db.models import Attempt, Challenge, User
from bot.sandbox.harness import SANDBOX_TOKEN, CoachHarness
from bot.services import profile
from bot.webapp import auth
from bot.webapp.sandbox import CHROMIUM, CHROMIUM_ARGS

PERSON = 9_000_001
OUTCOMES = ("yes", "no", "no", "no_answer", "partial", "yes")


async def seed(coach: CoachHarness, asks: int) -> None:
    """One person with `asks` logged asks, one a day going back, varied at random."""
    rng = random.Random(7)
    now = coach.clock()
    async with coach.runtime.deps.db.transaction() as session:
        user = User(
            id=PERSON,
            chat_id=PERSON,
            first_name="Bench",
            timezone="Europe/Berlin",
            nudge_time=clock_time(9, 0),
            onboarded_at=now - timedelta(days=asks + 1),
        )
        session.add(user)
        await session.flush()
        profile.reschedule(user, now)
        ideas = list(await session.scalars(select(Challenge.id).limit(50)))
        for day in range(asks):
            at = now - timedelta(days=day, hours=rng.randint(0, 8))
            before = rng.randint(3, 9)
            session.add(
                Attempt(
                    user_id=PERSON,
                    challenge_id=rng.choice(ideas),
                    level=rng.randint(1, 5),
                    status="logged",
                    outcome=rng.choice(OUTCOMES),
                    predicted_no_pct=rng.choice((30, 50, 70, 90)),
                    anxiety_before=float(before),
                    anxiety_after=float(max(0, before - rng.randint(0, 5))),
                    lesson="Short note on what I noticed" if day % 3 == 0 else None,
                    created_at=at,
                    updated_at=at,
                )
            )


async def page_weight(base: str) -> int:
    total = 0
    async with aiohttp.ClientSession(auto_decompress=False) as http:
        for path in ("", "static/app.js", "static/app.css"):
            async with http.get(base + path, headers={"Accept-Encoding": "gzip"}) as reply:
                total += len(await reply.read())
    return total


async def summary_timing(base: str, init_data: str, runs: int) -> tuple[float, int]:
    headers = {"Authorization": "tma " + init_data}
    timings = []
    size = 0
    async with aiohttp.ClientSession() as http:
        for _ in range(runs):
            started = time.perf_counter()
            async with http.get(base + "api/summary", headers=headers) as reply:
                body = await reply.read()
            timings.append(time.perf_counter() - started)
            size = len(gzip.compress(body))
    return median(timings), size


async def first_render(base: str, init_data: str, runs: int) -> tuple[float, float, float]:
    """Medians: navigation to the sentence seen by Playwright, the browser's first
    contentful paint, and the page's own mark once the dashboard is drawn."""
    from playwright.async_api import async_playwright

    link = f"{base}#tgWebAppData={quote(init_data, safe='')}"
    visible: list[float] = []
    painted: list[float] = []
    rendered: list[float] = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, args=list(CHROMIUM_ARGS)
        )
        for _ in range(runs + 1):  # the first run warms the browser up and is not counted
            context = await browser.new_context(viewport={"width": 360, "height": 740})
            page = await context.new_page()
            started = time.perf_counter()
            await page.goto(link)
            await page.wait_for_selector("#forecast-sentence")
            visible.append(time.perf_counter() - started)
            marks = await page.evaluate(
                "['first-contentful-paint', 'coach:first-render'].map("
                "name => performance.getEntriesByName(name)[0].startTime)"
            )
            painted.append(marks[0] / 1000)
            rendered.append(marks[1] / 1000)
            await context.close()
        await browser.close()
    return median(visible[1:]), median(painted[1:]), median(rendered[1:])


async def run(url: str, asks: int, runs: int, *, chromium: bool) -> None:
    async with CoachHarness(
        url,
        migrate_first=False,
        webapp_url="http://127.0.0.1/app/",
        webapp_listen="127.0.0.1",
        webapp_port=0,
    ) as coach:
        await seed(coach, asks)
        assert coach.runtime.webapp is not None
        base = f"http://127.0.0.1:{coach.runtime.webapp.port}/app/"
        init_data = auth.sign(
            bot_token=SANDBOX_TOKEN, user_id=PERSON, first_name="Bench", auth_date=coach.clock()
        )
        weight = await page_weight(base)
        api_time, api_size = await summary_timing(base, init_data, runs * 4)
        render = await first_render(base, init_data, runs) if chromium else None
    banner(f"Mini App dashboard, {asks} asks")
    print(f"page weight (page + script + styles, gzip): {weight / 1024:.1f} KB (target <= 150)")
    print(f"summary API: median {api_time * 1000:.0f} ms, {api_size / 1024:.1f} KB gzip")
    if render is None:
        print("first render: skipped (no /usr/bin/chromium)")
    else:
        visible, painted, rendered = render
        print(
            f"first render (median of {runs}, target <= 1000 ms): dashboard drawn "
            f"{rendered * 1000:.0f} ms after navigation (first contentful paint "
            f"{painted * 1000:.0f} ms); seen by the test driver after {visible * 1000:.0f} ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--asks", type=int, default=365)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with fresh_database("sqlite") as url:  # migrated before the event loop starts
        asyncio.run(run(url, args.asks, args.runs, chromium=os.path.exists(CHROMIUM)))


if __name__ == "__main__":
    main()
