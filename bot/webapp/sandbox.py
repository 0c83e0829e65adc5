"""The dashboard in `coach sandbox`: served on 127.0.0.1, opened with a link signed as
Telegram would sign it for the sandbox person, so it works in any browser, no Telegram."""

from __future__ import annotations

import socket
from datetime import datetime
from typing import Any
from urllib.parse import quote

from bot.sandbox.harness import SANDBOX_TOKEN
from bot.webapp import auth

# Debian's Chromium, headless and offline, as the browser tests and bench.webapp drive it
# (never a browser build downloaded by Playwright).
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def options() -> dict[str, Any]:
    """Settings for the sandbox's coach: the Mini App on a free local port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    return {
        "webapp_url": f"http://127.0.0.1:{port}/app/",
        "webapp_listen": "127.0.0.1",
        "webapp_port": port,
    }


def link(options: dict[str, Any], user_id: int, first_name: str, *, now: datetime) -> str:
    """The page with initData in its fragment, where Telegram puts it (valid for a day),
    signed with the sandbox's token."""
    signed = auth.sign(
        bot_token=SANDBOX_TOKEN, user_id=user_id, first_name=first_name, auth_date=now
    )
    return f"{options['webapp_url']}#tgWebAppData={quote(signed, safe='')}"
