"""Logging configuration: libraries that log content stay quiet even at LOG_LEVEL=DEBUG."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from bot.logs import configure_logging

LIBRARIES = ("telegram", "httpx", "httpcore", "sqlalchemy", "sqlalchemy.engine.Engine")


@pytest.fixture
def restored_logging() -> Iterator[None]:
    """configure_logging replaces the root handlers (pytest's among them): put them back."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    levels = {name: logging.getLogger(name).level for name in LIBRARIES}
    try:
        yield
    finally:
        for handler in list(root.handlers):
            root.removeHandler(handler)
        for handler in handlers:
            root.addHandler(handler)
        root.setLevel(level)
        for name, old in levels.items():
            logging.getLogger(name).setLevel(old)


@pytest.mark.usefixtures("restored_logging")
def test_debug_keeps_the_libraries_that_log_content_quiet() -> None:
    configure_logging("DEBUG")
    assert logging.getLogger("bot").isEnabledFor(logging.DEBUG)
    assert not logging.getLogger("telegram.ext.ExtBot").isEnabledFor(logging.DEBUG)
    assert logging.getLogger("telegram").isEnabledFor(logging.INFO)
    assert not logging.getLogger("httpx").isEnabledFor(logging.INFO)
    # SQLAlchemy logs statement parameters at INFO once its logger is enabled for it.
    assert not logging.getLogger("sqlalchemy.engine.Engine").isEnabledFor(logging.INFO)


@pytest.mark.usefixtures("restored_logging")
def test_coach_debug_telegram_opens_them_and_says_it_is_unsafe(
    capsys: pytest.CaptureFixture[str],
) -> None:
    configure_logging("DEBUG", debug_telegram=True)
    assert logging.getLogger("telegram.ext.ExtBot").isEnabledFor(logging.DEBUG)
    assert logging.getLogger("httpx").isEnabledFor(logging.DEBUG)
    assert "COACH_DEBUG_TELEGRAM is on" in capsys.readouterr().err
