"""The dashboard in a real headless Chromium (Debian's, driven by Playwright for Python).

Opens the page as Telegram would (initData and theme in the URL fragment), then checks what
a person sees and that what they change lands in the database. Screenshots at 360 px, light
and dark, are saved under artifacts/webapp/ (printed at the end of the run).
"""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator, Awaitable
from datetime import time, timedelta
from pathlib import Path
from urllib.parse import quote, urlsplit
from zoneinfo import ZoneInfo

import pytest
from playwright.async_api import Browser, Page, async_playwright
from sqlalchemy import select

from bot.db.models import Attempt, IdeaEvent, User
from bot.texts import load_locale, load_texts
from bot.webapp.sandbox import CHROMIUM, CHROMIUM_ARGS
from tests.webapp.conftest import ALICE, ALICE_ASKS, Dashboard

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "webapp"
LIGHT = {"bg_color": "#ffffff", "text_color": "#000000", "button_color": "#2481cc"}
DARK = {
    "bg_color": "#17212b",
    "text_color": "#f5f5f5",
    "secondary_bg_color": "#232e3c",
    "button_color": "#5288c1",
    "button_text_color": "#ffffff",
    "link_color": "#7cc0ff",
}

pytestmark = pytest.mark.skipif(
    not os.path.exists(CHROMIUM), reason="needs Debian's chromium (.ci/run installs it)"
)


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(
            executable_path=CHROMIUM, args=list(CHROMIUM_ARGS)
        )
        try:
            yield launched
        finally:
            await launched.close()


async def open_page(
    browser: Browser, dashboard: Dashboard, *, theme: dict[str, str], dark: bool = False
) -> tuple[Page, list[str]]:
    """The dashboard at 360 px as Alice. Returns the page and every host it asked for."""
    context = await browser.new_context(
        viewport={"width": 360, "height": 740}, color_scheme="dark" if dark else "light"
    )
    page = await context.new_page()
    hosts: list[str] = []
    page.on("request", lambda request: hosts.append(urlsplit(request.url).netloc))
    fragment = "tgWebAppData={}&tgWebAppThemeParams={}".format(
        quote(dashboard.init_data(ALICE), safe=""), quote(json.dumps(theme), safe="")
    )
    await page.goto(dashboard.base + "#" + fragment)
    await page.wait_for_selector("#forecast-sentence")
    return page, hosts


async def test_overview_shows_the_forecast_sentence_and_charts(
    browser: Browser, dashboard: Dashboard
) -> None:
    page, hosts = await open_page(browser, dashboard, theme=LIGHT)
    sentence = await page.inner_text("#forecast-sentence")
    # Alice expected a no 72% of the time on average (80, 70, 60, 80, 70) and heard one
    # in 1 of her 5 asks.
    assert "You expected a no about 72% of the time; you heard one 20% of the time." in sentence
    for chart in ("#forecast-chart svg", "#anxiety-chart svg", "#weeks-chart svg"):
        assert await page.locator(chart).count() == 1
    # Her asks fell in three local weeks: two bars (expected, heard) for each.
    assert await page.locator("#forecast-chart rect").count() == 6
    assert await page.locator("#anxiety-chart circle").count() == 10  # before + after, 5 asks
    assert set(hosts) == {urlsplit(dashboard.base).netloc}  # nothing fetched from elsewhere
    _save(await page.screenshot(full_page=True), "overview-360-light.png")


async def test_dark_theme_follows_telegram(browser: Browser, dashboard: Dashboard) -> None:
    page, _ = await open_page(browser, dashboard, theme=DARK, dark=True)
    assert await page.evaluate("document.documentElement.dataset.scheme") == "dark"
    background = await page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(23, 33, 43)"
    _save(await page.screenshot(full_page=True), "overview-360-dark.png")
    await page.click("#tab-history")
    _save(await page.screenshot(full_page=True), "history-360-dark.png")


async def test_a_correction_in_history_is_saved(browser: Browser, dashboard: Dashboard) -> None:
    page, _ = await open_page(browser, dashboard, theme=LIGHT)
    await page.click("#tab-history")
    newest = page.locator("ul.asks > li").first
    ask_id = int((await newest.get_attribute("id") or "").removeprefix("ask-"))
    await newest.get_by_role("button", name="Fix").click()
    await page.select_option(f"#fix-{ask_id}-field", "anxiety_after")
    await page.fill(f"#fix-{ask_id}-value", "eleven")  # off the scale: asked again, kindly
    await page.click(f"#ask-{ask_id} button[type=submit]")
    await page.wait_for_selector(f"#ask-{ask_id} [role=alert]:has-text('0 to 10')")
    await page.fill(f"#fix-{ask_id}-value", "about 3 or 4")
    await page.click(f"#ask-{ask_id} button[type=submit]")
    await page.wait_for_selector("#status:has-text('Saved')")
    async with dashboard.coach.runtime.deps.db.sessions() as session:
        attempt = await session.get(Attempt, ask_id)
    assert attempt is not None and attempt.anxiety_after == 3.5  # the chat's own parsing
    _save(await page.screenshot(full_page=True), "history-360-light.png")


async def test_history_filters_by_outcome_and_kind(browser: Browser, dashboard: Dashboard) -> None:
    now = dashboard.coach.clock()
    async with dashboard.coach.runtime.deps.db.transaction() as session:
        session.add(  # one ask told in her own words, no idea behind it
            Attempt(
                user_id=ALICE,
                description="Asked my landlord to fix the heating this week",
                source="log",
                status="logged",
                outcome="partial",
                created_at=now - timedelta(days=1),
                updated_at=now - timedelta(days=1),
                completed_at=now - timedelta(days=1),
            )
        )
    english = load_texts()
    page, _ = await open_page(browser, dashboard, theme=LIGHT)
    await page.click("#tab-history")
    asks = page.locator("ul.asks > li")
    assert await asks.count() == len(ALICE_ASKS) + 1
    for outcome, expected in (("yes", 3), ("no", 1), ("no_answer", 1), ("partial", 1)):
        await page.select_option("#filter-outcome", outcome)
        assert await asks.count() == expected, outcome
        label = english.plain(f"log.outcomes.{outcome}")
        for meta in await page.locator("ul.asks > li > p.meta").all_inner_texts():
            assert meta.endswith(" · " + label), (outcome, meta)
    await page.select_option("#filter-outcome", "didnt_ask")
    await page.wait_for_selector(f"text={english.plain('dashboard.history.none_match')}")
    assert await asks.count() == 0
    await page.select_option("#filter-outcome", "")  # everything again
    await page.select_option("#filter-category", label=english.plain("dashboard.history.own_words"))
    assert await page.locator("ul.asks > li h3").all_inner_texts() == [
        "Asked my landlord to fix the heating this week"
    ]
    _, summary, _ = await dashboard.call("GET", "summary", ALICE)
    kind = summary["asks"][-1]["category"]  # her oldest ask's kind of idea, and a yes
    await page.select_option("#filter-category", kind)
    await page.select_option("#filter-outcome", "yes")
    both = [a for a in summary["asks"] if a["category"] == kind and a["outcome"] == "yes"]
    assert [f"ask-{a['id']}" for a in both] == [
        await item.get_attribute("id") for item in await asks.all()
    ]
    _save(await page.screenshot(full_page=True), "history-filtered-360-light.png")


async def test_not_for_me_can_be_undone(browser: Browser, dashboard: Dashboard) -> None:
    page, _ = await open_page(browser, dashboard, theme=LIGHT)
    await page.click("#tab-ladder")
    # Five levels, Alice's own (2) marked as the current step, each with what she tried.
    levels = page.locator("#levels > li")
    assert await levels.count() == 5
    assert await page.locator("#levels > li[aria-current=step]").count() == 1
    assert await levels.nth(1).get_attribute("aria-current") == "step"
    _, summary, _ = await dashboard.call("GET", "summary", ALICE)
    english = load_texts()
    for index, row in enumerate(summary["ladder"]["levels"]):
        shown = await levels.nth(index).inner_text()
        assert english.plain("dashboard.ladder.level", level=index + 1) in shown
        assert english.plain("dashboard.ladder.tried", count=row["tried"]) in shown
    hidden = page.locator("#hidden-ideas li").first
    idea_id = int((await hidden.get_attribute("id") or "").removeprefix("hidden-"))
    await hidden.get_by_role("button").click()
    await page.wait_for_selector("#status:has-text('back in the mix')")
    assert await page.locator(f"#hidden-{idea_id}").count() == 0
    async with dashboard.coach.runtime.deps.db.sessions() as session:
        left = await session.scalars(
            select(IdeaEvent).where(
                IdeaEvent.user_id == ALICE,
                IdeaEvent.challenge_id == idea_id,
                IdeaEvent.kind == "not_for_me",
            )
        )
        assert list(left) == []
    _save(await page.screenshot(full_page=True), "ladder-360-light.png")


async def test_a_settings_change_moves_the_next_nudge(
    browser: Browser, dashboard: Dashboard
) -> None:
    before = (await dashboard.user(ALICE)).next_nudge_at
    page, _ = await open_page(browser, dashboard, theme=LIGHT)
    await page.click("#tab-settings")
    await page.fill("#setting-nudge_time", "18:30")
    await page.click("#settings-form button[type=submit]")
    await page.wait_for_selector("#status:has-text('Your next idea comes')")
    after = (await dashboard.user(ALICE)).next_nudge_at
    assert before is not None and after is not None and after != before
    assert after.astimezone(ZoneInfo("Europe/Berlin")).strftime("%H:%M") == "18:30"
    _save(await page.screenshot(full_page=True), "settings-360-light.png")


async def test_outside_telegram_the_page_says_where_to_open_it(
    browser: Browser, dashboard: Dashboard
) -> None:
    context = await browser.new_context(viewport={"width": 360, "height": 740})
    page = await context.new_page()
    expected = load_texts().plain("dashboard.open_in_telegram")
    await page.goto(dashboard.base)  # no initData at all
    await page.wait_for_selector(f"#status:has-text('{expected[:30]}')")
    expired = dashboard.init_data(ALICE, age=timedelta(days=2))
    await page.goto(dashboard.base + "#tgWebAppData=" + quote(expired, safe=""))
    await page.reload()
    await page.wait_for_selector(f"#status:has-text('{expected[:30]}')")
    assert await page.locator("#forecast").count() == 0


@pytest.mark.parametrize("language_code", ["es-419", "ru"])
async def test_refused_initdata_is_explained_in_telegrams_language(
    browser: Browser, dashboard: Dashboard, language_code: str
) -> None:
    """Before the API knows the person, the page speaks the language initData names."""
    language = language_code.split("-")[0]
    expected = load_locale(language).plain("dashboard.open_in_telegram")
    context = await browser.new_context(viewport={"width": 360, "height": 740})
    page = await context.new_page()
    expired = dashboard.init_data(ALICE, age=timedelta(days=2), language_code=language_code)
    await page.goto(dashboard.base + "#tgWebAppData=" + quote(expired, safe=""))
    await page.wait_for_selector(f"#status:has-text('{expected[:30]}')")
    assert await page.evaluate("document.documentElement.lang") == language


# What telegram-web-app.js gives a Mini App, reduced to what the page uses; every call is
# recorded in window.tgCalls.
TELEGRAM_STUB = """
(() => {
  const calls = (window.tgCalls = []);
  const button = (name) => ({
    isVisible: false,
    text: "",
    show() { this.isVisible = true; calls.push(name + ".show"); },
    hide() { this.isVisible = false; calls.push(name + ".hide"); },
    setText(text) { this.text = text; },
    onClick(callback) { this.callback = callback; },
  });
  window.Telegram = { WebApp: {
    initData: %s,
    colorScheme: "dark",
    themeParams: %s,
    ready() { calls.push("ready"); },
    expand() { calls.push("expand"); },
    BackButton: button("BackButton"),
    MainButton: button("MainButton"),
  } };
})();
"""


async def test_inside_telegram_the_page_uses_its_buttons(
    browser: Browser, dashboard: Dashboard
) -> None:
    context = await browser.new_context(viewport={"width": 360, "height": 740})
    await context.add_init_script(
        TELEGRAM_STUB % (json.dumps(dashboard.init_data(ALICE)), json.dumps(DARK))
    )
    page = await context.new_page()
    await page.goto(dashboard.base)  # no fragment: everything from Telegram's object
    await page.wait_for_selector("#forecast-sentence")
    calls = await page.evaluate("window.tgCalls")
    assert calls[:2] == ["ready", "expand"]
    assert await page.evaluate("document.documentElement.dataset.scheme") == "dark"

    def visible(name: str) -> Awaitable[bool]:
        return page.evaluate(f"Telegram.WebApp.{name}.isVisible")

    assert not await visible("BackButton") and not await visible("MainButton")
    await page.click("#tab-history")
    assert await visible("BackButton") and not await visible("MainButton")
    await page.evaluate("Telegram.WebApp.BackButton.callback()")  # Telegram's back button
    assert await page.get_attribute("#tab-overview", "aria-selected") == "true"
    assert not await visible("BackButton")
    await page.click("#tab-settings")
    assert await visible("BackButton") and await visible("MainButton")
    save = load_texts().plain("dashboard.settings.save")
    assert await page.evaluate("Telegram.WebApp.MainButton.text") == save
    await page.fill("#setting-nudge_time", "07:45")
    await page.evaluate("Telegram.WebApp.MainButton.callback()")  # Telegram's main button
    await page.wait_for_selector("#status:has-text('Your next idea comes')")
    assert (await dashboard.user(ALICE)).nudge_time == time(7, 45)


@pytest.mark.parametrize("language", ["en", "ru"])
async def test_nothing_scrolls_sideways_at_360_px(
    browser: Browser, dashboard: Dashboard, language: str
) -> None:
    async with dashboard.coach.runtime.deps.db.transaction() as session:
        alice = await session.get(User, ALICE)
        assert alice is not None
        alice.language = language
    page, _ = await open_page(browser, dashboard, theme=LIGHT)
    for tab in ("overview", "history", "ladder", "settings"):
        await page.click(f"#tab-{tab}")
        assert await page.get_attribute(f"#tab-{tab}", "aria-selected") == "true"
        widths = await page.evaluate(
            "[document.documentElement.scrollWidth, document.body.scrollWidth]"
        )
        assert max(widths) <= 360, (tab, widths)


# WCAG contrast of an element's text against the background it sits on (the nearest
# ancestor with an opaque background colour).
CONTRAST_JS = """
(selector) => {
  const rgb = (c) => c.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const element = document.querySelector(selector);
  let node = element, background = null;
  while (node && !background) {
    const c = rgb(getComputedStyle(node).backgroundColor);
    if (c.length < 4 || c[3] > 0) background = c;
    node = node.parentElement;
  }
  background = background || [255, 255, 255];
  const [a, b] = [lum(rgb(getComputedStyle(element).color)), lum(background)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
async def test_readable_labelled_and_keyboard_friendly(
    browser: Browser, dashboard: Dashboard, scheme: str
) -> None:
    """Our own colours (no Telegram theme sent) meet AA; every control has a label; the
    tabs work from the keyboard."""
    context = await browser.new_context(
        viewport={"width": 360, "height": 740},
        color_scheme=scheme,  # type: ignore[arg-type]
    )
    page = await context.new_page()
    await page.goto(dashboard.base + "#tgWebAppData=" + quote(dashboard.init_data(ALICE)))
    await page.wait_for_selector("#forecast-sentence")
    assert await page.evaluate("document.documentElement.dataset.scheme") == scheme
    for selector in ("h1", "#forecast-sentence", "#tab-overview", "#tab-history", "figcaption"):
        assert await page.evaluate(CONTRAST_JS, selector) >= 4.5, selector
    await page.focus("#tab-overview")
    for expected in ("history", "ladder", "settings"):
        await page.keyboard.press("ArrowRight")
        assert await page.get_attribute(f"#tab-{expected}", "aria-selected") == "true"
        assert await page.evaluate("document.activeElement.id") == f"tab-{expected}"
        unlabelled = await page.evaluate(
            "[...document.querySelectorAll('input, select, textarea')]"
            ".filter(c => !c.labels || !c.labels.length).length"
        )
        assert unlabelled == 0, expected
    for selector in ("#settings-form .button", "#settings-form label"):
        assert await page.evaluate(CONTRAST_JS, selector) >= 4.5, selector


def _save(png: bytes, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / name).write_bytes(png)
    print(f"\nscreenshot: {ARTIFACTS / name}")


@pytest.mark.parametrize("language", ["es", "ru"])
async def test_the_page_speaks_the_persons_language(
    browser: Browser, dashboard: Dashboard, language: str
) -> None:
    async with dashboard.coach.runtime.deps.db.transaction() as session:
        alice = await session.get(User, ALICE)
        assert alice is not None
        alice.language = language
    own = load_locale(language)
    page, _ = await open_page(browser, dashboard, theme=LIGHT)
    assert await page.evaluate("document.documentElement.lang") == language
    assert await page.inner_text("h1") == own.plain("dashboard.title")
    assert await page.inner_text("#tab-history") == own.plain("dashboard.tabs.history")
    # Alice's figures (72% expected, 20% heard) in the language's own sentence.
    sentence = await page.inner_text("#forecast-sentence")
    assert own.plain("recap.prediction", expected=72, heard=20) in sentence
    _save(await page.screenshot(full_page=True), f"overview-360-{language}.png")
