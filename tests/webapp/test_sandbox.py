"""`coach sandbox` serves the dashboard on 127.0.0.1 and prints a link that opens it as the
sandbox person (initData signed with the sandbox token)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import aiohttp
import pytest

from bot.sandbox.harness import CoachHarness
from bot.sandbox.terminal import SANDBOX_USER_ID
from bot.webapp import sandbox as webapp_sandbox
from tests.e2e.test_sandbox_cli import sandbox
from tests.webapp.conftest import ALICE_ASKS, seed_person


async def test_the_sandbox_link_opens_the_sandbox_persons_dashboard(database_url: str) -> None:
    options = webapp_sandbox.options()
    async with CoachHarness(database_url, migrate_first=False, **options) as coach:
        await seed_person(coach, SANDBOX_USER_ID, "Sam", ALICE_ASKS)
        link = webapp_sandbox.link(options, SANDBOX_USER_ID, "Sam", now=coach.clock())
        page, fragment = link.split("#", 1)
        assert urlsplit(page).netloc == f"127.0.0.1:{options['webapp_port']}"
        init_data = unquote(fragment.removeprefix("tgWebAppData="))
        async with aiohttp.ClientSession() as http:
            async with http.get(page) as reply:
                assert reply.status == 200
                assert "telegram.org" not in await reply.text()  # works offline
            headers = {"Authorization": "tma " + init_data}
            async with http.get(page + "api/summary", headers=headers) as reply:
                assert reply.status == 200
                summary = await reply.json()
    assert summary["person"]["first_name"] == "Sam"
    assert len(summary["asks"]) == len(ALICE_ASKS)


@pytest.mark.e2e
def test_coach_sandbox_prints_the_dashboard_link(tmp_path: Path) -> None:
    result = sandbox(":quit\n", tmp_path / "data", "--fresh")
    assert result.returncode == 0, result.stderr
    found = re.search(r"http://127\.0\.0\.1:\d+/app/#tgWebAppData=\S+", result.stdout)
    assert found is not None, result.stdout
