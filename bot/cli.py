"""The `coach` command: parse arguments, build things, run. Friendly errors, no tracebacks
for problems a person can fix (a missing token, a bad setting, an unreachable database)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
from collections.abc import Coroutine, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import ValidationError
from sqlalchemy.exc import SQLAlchemyError
from telegram.error import InvalidToken, NetworkError

from bot.config import Settings, load_settings, settings_problems
from bot.db import migrate
from bot.logs import configure_logging
from bot.texts import PromptsError, Texts, load_texts

if TYPE_CHECKING:
    # PTB is imported only by the commands that need it, so `coach --help` stays instant.
    from bot.telegram.app import CoachRuntime

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_CONFIG = 2

logger = logging.getLogger("bot")
T = TypeVar("T")


class CliError(Exception):
    """A problem to report as a short paragraph, with an exit code."""

    def __init__(self, message: str, code: int = EXIT_CONFIG) -> None:
        super().__init__(message)
        self.code = code


def main(argv: Sequence[str] | None = None) -> int:
    # Opt in to PTB 23's behaviour (durations as timedelta) before PTB is imported.
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "handler"):
        parser.print_help()
        return EXIT_CONFIG
    try:
        code: int = args.handler(args)
    except CliError as error:
        print(str(error), file=sys.stderr)
        return error.code
    except KeyboardInterrupt:
        return EXIT_OK
    return code


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coach",
        description="Rejection Coach: a kind Telegram coach for rejection therapy.",
    )
    commands = parser.add_subparsers(metavar="command")

    run = commands.add_parser("run", help="serve Telegram (applies migrations first)")
    run.set_defaults(handler=_run)

    sandbox = commands.add_parser(
        "sandbox", help="try the coach in your terminal: no token, no internet"
    )
    sandbox.add_argument("--fresh", action="store_true", help="start with an empty sandbox")
    sandbox.set_defaults(handler=_sandbox)

    tick = commands.add_parser(
        "tick", help="one scheduling pass (nudges, follow-ups, recaps), then exit"
    )
    tick.add_argument(
        "--at",
        metavar="ISO-8601",
        type=_instant,
        help="run as if it were this instant (default: now), e.g. 2026-11-27T09:00:00+01:00",
    )
    tick.set_defaults(handler=_tick)

    health = commands.add_parser(
        "health", help="exit 0 if the database answers (for container health checks)"
    )
    health.set_defaults(handler=_health)

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(metavar="action")
    upgrade = db_commands.add_parser("upgrade", help="apply migrations (Alembic upgrade head)")
    upgrade.set_defaults(handler=_db_upgrade)
    return parser


# -- shared steps ---------------------------------------------------------------------------


def settings_or_exit(**overrides: object) -> Settings:
    try:
        return load_settings(**overrides)
    except ValidationError as error:
        lines = settings_problems(error)
        raise CliError(
            _fallback_text("cli.bad_settings") + "\n" + "\n".join(f"  {line}" for line in lines)
        ) from None


def texts_or_exit() -> Texts:
    try:
        return load_texts()
    except PromptsError as error:
        raise CliError(f"prompts.yaml has a problem: {error}") from None


def _fallback_text(key: str, **params: object) -> str:
    """CLI texts come from prompts.yaml too, unless prompts.yaml itself is broken."""
    try:
        return load_texts().plain(key, **params)
    except (PromptsError, KeyError):
        return {"cli.bad_settings": "Some settings need a fix before I can start:"}.get(key, key)


def setup_logging(settings: Settings) -> None:
    token = settings.telegram_bot_token
    secrets = [token.get_secret_value()] if token else []
    if settings.webhook_secret is not None:
        secrets.append(settings.webhook_secret.get_secret_value())
    configure_logging(
        settings.log_level,
        json_lines=settings.log_format == "json",
        secrets=secrets,
        debug_telegram=settings.coach_debug_telegram,
    )


def upgrade_or_exit(database_url: str, texts: Texts) -> None:
    try:
        migrate.upgrade(database_url)
    except (SQLAlchemyError, OSError) as error:
        reason = type(error.__cause__ or error).__name__
        raise CliError(
            texts.plain("cli.database_unreachable", reason=reason), EXIT_FAILURE
        ) from None


def _ready(*, need_token: bool) -> tuple[Settings, Texts]:
    """Settings and texts loaded, logging set up and the database upgraded (or a CliError)."""
    settings = settings_or_exit()
    texts = texts_or_exit()
    if need_token and settings.telegram_bot_token is None:
        raise CliError(texts.plain("cli.missing_token"))
    setup_logging(settings)
    upgrade_or_exit(settings.database_url, texts)
    return settings, texts


async def serve_until_signal(runtime: CoachRuntime) -> None:
    """Run a runtime's serve() until SIGINT/SIGTERM (graceful: in-flight turns finish)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    await runtime.serve(stop)


# -- commands -----------------------------------------------------------------------------


def _run(_args: argparse.Namespace) -> int:
    settings, texts = _ready(need_token=True)
    from bot.telegram.app import CoachRuntime

    runtime = CoachRuntime(settings, texts=texts)
    talk_to_telegram(serve_until_signal(runtime), settings, texts)
    return EXIT_OK


def talk_to_telegram(work: Coroutine[Any, Any, T], settings: Settings, texts: Texts) -> T:
    """Run `work` on the event loop; a bad token or an unreachable Telegram becomes one
    friendly paragraph instead of a traceback."""
    try:
        return run_event_loop(work)
    except InvalidToken:
        raise CliError(texts.plain("cli.bad_token"), EXIT_FAILURE) from None
    except NetworkError as error:
        raise CliError(
            texts.plain(
                "cli.telegram_unreachable",
                url=settings.telegram_api_base_url,
                reason=type(error).__name__,
            ),
            EXIT_FAILURE,
        ) from None


def run_event_loop(work: Coroutine[Any, Any, T]) -> T:
    """asyncio.run, on uvloop where it is installed (not on Windows): the bot spends most
    of its CPU in the event loop and HTTP transports, which uvloop runs in C."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(work)
    return uvloop.run(work)


def _sandbox(args: argparse.Namespace) -> int:
    from bot.sandbox.terminal import run_sandbox

    code: int = run_sandbox(fresh=bool(args.fresh))
    return code


def _db_upgrade(_args: argparse.Namespace) -> int:
    _settings, texts = _ready(need_token=False)
    print(texts.plain("cli.db_upgraded"))
    return EXIT_OK


def _health(_args: argparse.Namespace) -> int:
    settings = settings_or_exit()
    from bot.db.session import Database

    async def ping() -> bool:
        database = Database(settings.database_url, pool_size=1)
        try:
            return await database.ping()
        finally:
            await database.dispose()

    healthy = run_event_loop(ping())
    print("ok" if healthy else "database unreachable", file=sys.stdout if healthy else sys.stderr)
    return EXIT_OK if healthy else EXIT_FAILURE


def _instant(value: str) -> datetime:
    """An ISO-8601 instant; without an offset it is taken as UTC."""
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not an ISO-8601 time, e.g. 2026-11-27T09:00:00+01:00"
        ) from None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def _tick(args: argparse.Namespace) -> int:
    settings, texts = _ready(need_token=True)
    from bot.telegram.app import CoachRuntime

    at: datetime = args.at or datetime.now(UTC)
    runtime = CoachRuntime(settings, texts=texts, clock=lambda: at)
    report = talk_to_telegram(runtime.tick_once(at), settings, texts)
    print(
        texts.plain(
            "cli.tick_done",
            at=at.isoformat(),
            nudges=report.nudges,
            followups=report.followups,
            recaps=report.recaps,
            late=report.skipped_late,
            paused=report.paused,
        )
    )
    return EXIT_OK
