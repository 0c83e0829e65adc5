"""Serving the Mini App: the page, its static files and the JSON API, from this process.

Everything is served from here: no CDN, no web fonts, nothing fetched from elsewhere, except
Telegram's own telegram-web-app.js when the page has a public HTTPS address (inside
Telegram). The page works without it (the sandbox and the browser tests open it over plain
HTTP on 127.0.0.1), reading initData and theme from the URL fragment Telegram also fills.

The routes live under the path of WEBAPP_URL. They are added to the webhook's server when
there is one (one port to expose), or served on WEBAPP_LISTEN:WEBAPP_PORT. Every response
carries a strict Content-Security-Policy. Files are read and gzipped once, at start.
"""

from __future__ import annotations

import gzip
import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import resources
from urllib.parse import urlsplit

from aiohttp import web

from bot.delivery.http_server import serve
from bot.deps import Deps
from bot.domain.words import SOURCE_LANGUAGE
from bot.texts import Texts
from bot.webapp.api import MAX_BODY_BYTES, DashboardApi, Handler

logger = logging.getLogger(__name__)

TELEGRAM_SCRIPT = "https://telegram.org/js/telegram-web-app.js"
# Telegram's web clients show Mini Apps in a frame; nobody else may frame the page.
FRAME_ANCESTORS = "'self' https://web.telegram.org https://*.telegram.org"
SHELL_TEXTS = ("dashboard.loading", "dashboard.open_in_telegram", "dashboard.trouble")
_TYPES = {
    ".js": "text/javascript",
    ".css": "text/css",
    ".html": "text/html",
    ".svg": "image/svg+xml",
}


@dataclass(frozen=True)
class Asset:
    body: bytes
    gzipped: bytes
    content_type: str

    @classmethod
    def of(cls, body: bytes, content_type: str) -> Asset:
        return cls(body, gzip.compress(body, compresslevel=9, mtime=0), content_type)


def content_security_policy(*, telegram_script: bool) -> str:
    scripts = "'self' https://telegram.org" if telegram_script else "'self'"
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src {scripts}",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            f"frame-ancestors {FRAME_ANCESTORS}",
        ]
    )


class WebAppServer:
    def __init__(self, url: str, deps: Callable[[], Deps]) -> None:
        parts = urlsplit(url)
        self.prefix = parts.path if parts.path.endswith("/") else parts.path + "/"
        # Inside Telegram (a public HTTPS page) Telegram's script gives theme, viewport and
        # buttons; on 127.0.0.1 there is no internet to fetch it from.
        self._telegram_script = parts.scheme == "https"
        self._csp = content_security_policy(telegram_script=self._telegram_script)
        self._api = DashboardApi(deps)
        languages = deps().languages or {SOURCE_LANGUAGE: deps().texts}
        self._assets = load_assets(languages, telegram_script=self._telegram_script)
        self._runner: web.AppRunner | None = None

    @property
    def port(self) -> int:
        if self._runner is None or not self._runner.addresses:
            raise RuntimeError("the Mini App server is not running")
        return int(self._runner.addresses[0][1])

    def routes(self) -> list[web.RouteDef]:
        routes = [
            web.get(self.prefix, self._page),
            web.get(self.prefix + "static/{name}", self._static),
            *self._api.routes(self.prefix),
        ]
        if self.prefix != "/":
            routes.append(web.get(self.prefix.rstrip("/"), self._to_page))
        return [web.RouteDef(r.method, r.path, self._secured(r.handler), r.kwargs) for r in routes]

    def install(self, app: web.Application) -> None:
        """Add the Mini App's routes to an existing server (the webhook's)."""
        app.add_routes(self.routes())

    async def start(self, listen: str, port: int) -> None:
        app = web.Application(client_max_size=MAX_BODY_BYTES)
        self.install(app)
        self._runner = await serve(app, listen, port)
        logger.info("Mini App served on %s:%s%s", listen, self.port, self.prefix)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # -- handlers -----------------------------------------------------------------------

    def _secured(self, handler: Handler) -> Handler:
        async def secured(request: web.Request) -> web.StreamResponse:
            try:
                response = await handler(request)
            except web.HTTPException as error:
                # Only the status and a bare word: never why initData was refused.
                response = web.Response(status=error.status, text=error.text or error.reason)
            except Exception as error:
                # By kind only: a database error's text can quote what someone wrote.
                logger.warning("dashboard request failed: %s", type(error).__name__)
                response = web.Response(status=503, text="try again")
            headers = response.headers
            headers["Content-Security-Policy"] = self._csp
            headers["X-Content-Type-Options"] = "nosniff"
            headers["Referrer-Policy"] = "no-referrer"
            headers.setdefault("Cache-Control", "no-store")
            return response

        return secured

    async def _page(self, request: web.Request) -> web.StreamResponse:
        return self._send(request, self._assets["index.html"], cache="no-cache")

    async def _to_page(self, _request: web.Request) -> web.StreamResponse:
        return web.Response(status=308, headers={"Location": self.prefix})

    async def _static(self, request: web.Request) -> web.StreamResponse:
        asset = self._assets.get(request.match_info["name"])
        if asset is None or request.match_info["name"] == "index.html":
            raise web.HTTPNotFound(text="not found")
        return self._send(request, asset, cache="public, max-age=300")

    def _send(self, request: web.Request, asset: Asset, *, cache: str) -> web.Response:
        headers = {"Cache-Control": cache, "Vary": "Accept-Encoding"}
        if "gzip" in request.headers.get("Accept-Encoding", ""):
            headers["Content-Encoding"] = "gzip"
            body = asset.gzipped
        else:
            body = asset.body
        return web.Response(body=body, content_type=asset.content_type, headers=headers)


def load_assets(languages: Mapping[str, Texts], *, telegram_script: bool) -> dict[str, Asset]:
    """The page and its files, from the package (so an installed wheel serves them too)."""
    folder = resources.files("bot.webapp") / "static"
    assets: dict[str, Asset] = {}
    for entry in folder.iterdir():
        suffix = "." + entry.name.rsplit(".", 1)[-1]
        if entry.is_file() and suffix in _TYPES:
            body = entry.read_bytes()
            if entry.name == "index.html":
                body = _page(body, languages, telegram_script=telegram_script)
            assets[entry.name] = Asset.of(body, _TYPES[suffix])
    return assets


def _page(page: bytes, languages: Mapping[str, Texts], *, telegram_script: bool) -> bytes:
    """The page with Telegram's script (inside Telegram only) and the few words it shows
    before it knows who is looking, in every language: the page picks the one Telegram's
    initData names (then the API sends the person's own choice)."""
    tag = f'<script src="{TELEGRAM_SCRIPT}"></script>' if telegram_script else ""
    shell = {
        code: {key: texts.plain(key) for key in SHELL_TEXTS} for code, texts in languages.items()
    }
    # A JSON data block is never run; "<" escaped so no text can close the element.
    data = json.dumps(shell, ensure_ascii=False).replace("<", "\\u003c")
    page = page.replace(b"<!--telegram-web-app-->", tag.encode())
    return page.replace(b"<!--shell-texts-->", data.encode())
