"""The Mini App's page as served in production (a public https WEBAPP_URL) and locally
(plain http on 127.0.0.1, the sandbox and the other tests)."""

from __future__ import annotations

import json
import re

import aiohttp
import pytest

from bot.config import Settings
from bot.db.session import Database
from bot.deps import Deps
from bot.sandbox.harness import SANDBOX_TOKEN
from bot.texts import available_languages, load_locale
from bot.webapp.server import SHELL_TEXTS, TELEGRAM_SCRIPT, WebAppServer

SCRIPT_TAG = f'<script src="{TELEGRAM_SCRIPT}"></script>'


async def fetch_page(url: str, database_url: str) -> tuple[str, str]:
    """The page and its Content-Security-Policy, from a WebAppServer made for `url`."""
    languages = {code: load_locale(code) for code in available_languages()}
    settings = Settings(_env_file=None, telegram_bot_token=SANDBOX_TOKEN, database_url=database_url)
    database = Database(database_url)
    deps = Deps(settings, database, languages["en"], languages=languages)
    server = WebAppServer(url, lambda: deps)
    await server.start("127.0.0.1", 0)
    try:
        async with (
            aiohttp.ClientSession() as http,
            http.get(f"http://127.0.0.1:{server.port}/app/") as reply,
        ):
            assert reply.status == 200
            return await reply.text(), reply.headers["Content-Security-Policy"]
    finally:
        await server.stop()
        await database.dispose()


def script_sources(policy: str) -> list[str]:
    [directive] = [part.strip() for part in policy.split(";") if "script-src" in part]
    return directive.split()[1:]


async def test_inside_telegram_the_page_loads_telegrams_script(migrated_sqlite_url: str) -> None:
    page, policy = await fetch_page("https://coach.example.org/app/", migrated_sqlite_url)
    assert page.count(SCRIPT_TAG) == 1
    assert TELEGRAM_SCRIPT.startswith("https://telegram.org/")
    assert script_sources(policy) == ["'self'", "https://telegram.org"]
    assert "frame-ancestors 'self' https://web.telegram.org" in policy


async def test_on_plain_http_the_page_needs_nothing_from_elsewhere(
    migrated_sqlite_url: str,
) -> None:
    page, policy = await fetch_page("http://127.0.0.1/app/", migrated_sqlite_url)
    assert "telegram.org/js" not in page
    assert script_sources(policy) == ["'self'"]


@pytest.mark.parametrize("url", ["https://coach.example.org/app/", "http://127.0.0.1/app/"])
async def test_the_words_before_the_api_answers_come_in_every_language(
    migrated_sqlite_url: str, url: str
) -> None:
    page, _ = await fetch_page(url, migrated_sqlite_url)
    found = re.search(r'<script type="application/json" id="shell-texts">(.*?)</script>', page)
    assert found is not None
    shell = json.loads(found.group(1))
    assert set(shell) == set(available_languages()) >= {"en", "es", "ru"}
    for code, texts in shell.items():
        own = load_locale(code)
        assert texts == {key: own.plain(key) for key in SHELL_TEXTS}
