"""Logging: plain or JSON lines, with the bot token redacted from every line at every level,
and no content (what people wrote, their names, lessons or ideas) at any level.

httpx logs request URLs, which contain the token; PTB logs the API URL at DEBUG. Rather
than trusting every library, the formatter redacts the finished line (message, arguments
and traceback alike): the configured secrets verbatim, and anything shaped like a
Telegram token.

Content cannot be redacted by shape, so it must never be logged: PTB logs whole updates and
request bodies at DEBUG, httpx logs URLs, and SQLAlchemy logs statement parameters once the
root logger is at INFO or below. Those loggers stay quiet even with LOG_LEVEL=DEBUG; only
COACH_DEBUG_TELEGRAM=1 lets PTB and httpx follow LOG_LEVEL (unsafe: for a developer's own
machine). Engines are built with `hide_parameters=True` too (bot/db/session.py).
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Iterable
from datetime import UTC, datetime

TOKEN_SHAPE = re.compile(r"(?<!\d)\d{5,15}:[A-Za-z0-9_-]{20,}")  # also right after "/bot"
REDACTED = "[REDACTED]"
_QUIET_LIBRARIES = ("apscheduler", "aiosqlite", "asyncio", "sqlalchemy")
# These log message contents (whole updates, request bodies) or URLs with the token.
_CONTENT_LIBRARIES = {
    "telegram": logging.INFO,
    "httpx": logging.WARNING,
    "httpcore": logging.WARNING,
}


class Redactor:
    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self._secrets = sorted({secret for secret in secrets if secret}, key=len, reverse=True)

    def __call__(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return TOKEN_SHAPE.sub(REDACTED, text)


class RedactingFormatter(logging.Formatter):
    def __init__(self, redact: Redactor, fmt: str | None = None) -> None:
        super().__init__(fmt or "%(asctime)s %(levelname)s %(name)s: %(message)s")
        self._redact = redact

    def format(self, record: logging.LogRecord) -> str:
        return self._redact(super().format(record))


class JsonFormatter(logging.Formatter):
    """One JSON object per line, for log shippers (LOG_FORMAT=json)."""

    def __init__(self, redact: Redactor) -> None:
        super().__init__()
        self._redact = redact

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return self._redact(json.dumps(entry, ensure_ascii=False))


def configure_logging(
    level: str,
    *,
    json_lines: bool = False,
    secrets: Iterable[str] = (),
    debug_telegram: bool = False,
) -> None:
    redact = Redactor(secrets)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter(redact) if json_lines else RedactingFormatter(redact))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    # httpx prints every request URL (token included) at INFO; keep it at WARNING even
    # when we debug. The formatter would redact it anyway; this keeps the noise down.
    for name in _QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(logging.WARNING)
    for name, quiet in _CONTENT_LIBRARIES.items():
        logging.getLogger(name).setLevel(logging.NOTSET if debug_telegram else quiet)
    if debug_telegram:
        logging.getLogger(__name__).warning(
            "COACH_DEBUG_TELEGRAM is on: PTB and httpx log whole updates, that is, what "
            "people wrote. Turn it off outside your own machine."
        )
