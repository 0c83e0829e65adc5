"""The composition root: build the PTB Application, wire handlers, and run the lifecycle.

Nothing is created at import time. `CoachRuntime.post_init` makes the database, the inbox,
the outbox and the jobs; `post_shutdown` disposes of them. We drive PTB's lifecycle
ourselves (initialize, post_init, start ... stop, shutdown, post_shutdown) instead of
run_polling, because our poller must store updates before confirming them. The same runtime serves
`coach run`, `coach sandbox` (only the base URL differs) and the tests.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import time as monotonic_time
import warnings
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, TypeVar

from telegram import BotCommand, MenuButtonWebApp, WebAppInfo
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
    ExtBot,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot.config import Settings, Switch
from bot.db.session import Database
from bot.delivery.botapi import BotApi
from bot.delivery.http_server import CachedHealth
from bot.delivery.inbox import Inbox, chat_of
from bot.delivery.metrics import Metrics
from bot.delivery.outbox import OutboxSender
from bot.delivery.pacing import ChatPacer, NoPacing, Pace, SendBudget
from bot.delivery.polling import ALLOWED_UPDATES, Poller
from bot.delivery.request import AiohttpRequest
from bot.delivery.webhook import WebhookServer
from bot.deps import Deps, system_clock
from bot.scheduler import PassReport, Scheduler
from bot.services import chart_data, kept_files, nudges
from bot.services.catalog import mirror_catalog
from bot.services.ideas import prune_events
from bot.telegram import views
from bot.telegram.context import BotData, CoachContext
from bot.telegram.errors import on_error
from bot.telegram.handlers import (
    add,
    basics,
    buddy,
    crisis,
    history,
    ideas,
    language,
    log,
    log_start,
    onboarding,
    pause,
    privacy,
    recap_and_stats,
    router,
)
from bot.texts import SOURCE_LANGUAGE, Texts, available_languages, load_locale, load_texts
from bot.webapp.server import WebAppServer

logger = logging.getLogger(__name__)

CoachApplication = Application[
    ExtBot[None], CoachContext, dict[Any, Any], dict[Any, Any], BotData, Any
]
CONTEXT_TYPES = ContextTypes(context=CoachContext, bot_data=BotData)

OUTBOX_SWEEP_SECONDS = 1.0
ORPHAN_SWEEP_SECONDS = 10.0
# Jobs may start late when the loop is busy; run them anyway (PTB's default grace is 1 s).
JOB_KWARGS = {"misfire_grace_time": 60, "coalesce": True, "max_instances": 1}


class CoachRuntime:
    def __init__(
        self,
        settings: Settings,
        *,
        texts: Texts | None = None,
        clock: Callable[[], datetime] = system_clock,
        rng_seed: int | None = None,
        scheduler_batch: int = nudges.BATCH_SIZE,
    ) -> None:
        self.settings = settings
        self.texts = texts or load_texts()
        # Every language is loaded (and so validated) at start, not at the first message.
        self.languages = {SOURCE_LANGUAGE: self.texts} | {
            language: load_locale(language)
            for language in available_languages()
            if language != SOURCE_LANGUAGE
        }
        self.clock = clock
        self.rng_seed = rng_seed
        self.scheduler_batch = scheduler_batch
        self.metrics = Metrics()
        # The outbox and the poller call the Bot API raw on purpose (they never use PTB's
        # objects for what comes back); PTB would warn about that on every call.
        warnings.filterwarnings("ignore", message=r"Please use 'Bot\.", category=PTBUserWarning)
        self.application = self._build()
        self._deps: Deps | None = None
        self._inbox: Inbox | None = None
        self._outbox: OutboxSender | None = None
        self._scheduler: Scheduler | None = None
        self._apologised: dict[int, float] = {}
        self.webapp: WebAppServer | None = None
        # /healthz on the webhook and metrics ports: a flood of probes is one ping per 2 s.
        self.health = CachedHealth(self._ping)

    # -- building -----------------------------------------------------------------------

    def _build(self) -> CoachApplication:
        token = self.settings.telegram_bot_token
        if token is None:
            raise ValueError("TELEGRAM_BOT_TOKEN is required to build the application")
        timeout = self.settings.coach_send_timeout
        builder = (
            Application.builder()
            .token(token.get_secret_value())
            .base_url(self.settings.telegram_api_base_url)
            .updater(None)
            .context_types(CONTEXT_TYPES)
            .request(AiohttpRequest(connection_pool_size=64, read_timeout=timeout))
            .get_updates_request(AiohttpRequest(connection_pool_size=2, read_timeout=timeout))
        )
        if self.settings.coach_rate_limit is Switch.ON:
            # Only the overall budget, never a global pause on one chat's 429: see pacing.
            # PTB types the builder loosely.
            limiter = SendBudget(self.settings.coach_max_sends_per_second)
            builder = builder.rate_limiter(limiter)  # type: ignore[arg-type]
        application: CoachApplication = builder.build()
        register_handlers(application)
        return application

    async def _ping(self) -> bool:
        return await self.deps.db.ping()

    @property
    def deps(self) -> Deps:
        return _initialised(self._deps)

    @property
    def inbox(self) -> Inbox:
        return _initialised(self._inbox)

    @property
    def scheduler(self) -> Scheduler:
        return _initialised(self._scheduler)

    @property
    def outbox(self) -> OutboxSender:
        return _initialised(self._outbox)

    # -- lifecycle ----------------------------------------------------------------------

    async def post_init(self, application: CoachApplication) -> None:
        database = Database(self.settings.database_url)
        self._deps = Deps(
            self.settings, database, self.texts, self.clock, self.rng_seed, self.languages
        )
        application.bot_data.attach(self._deps)
        async with database.transaction() as session:
            await mirror_catalog(session, self.texts.ideas)
        self._outbox = OutboxSender(
            BotApi.of(application.bot),
            self._deps,
            concurrency=self.settings.coach_concurrent_updates,
            lease=timedelta(seconds=self.settings.coach_outbox_lease_seconds),
            pacer=chat_pacer(self.settings),
            on_result=lambda message, outcome, error: self.metrics.record_send(
                message.kind, outcome, error
            ),
            draw_chart=chart_data.render,
            keep_drawn=kept_files.store_drawn,
        )
        self._scheduler = Scheduler(
            self._deps,
            self._outbox,
            batch_size=self.scheduler_batch,
            on_lag=self.metrics.scheduler_lag.set,
        )
        self._inbox = Inbox(
            application,
            self._deps,
            self._outbox,
            concurrency=self.settings.coach_concurrent_updates,
            apologise=self._apologise_directly,
            apology_text=lambda turn: self.languages.get(turn.language, self.texts)(
                "errors.apology", turn.rng
            ),
            on_processed=self.metrics.updates.inc,
        )

    async def post_shutdown(self, _application: CoachApplication) -> None:
        if self._deps is not None:
            await self._deps.db.dispose()

    async def start(self) -> None:
        """Initialise PTB (getMe), our dependencies, and the repeating jobs."""
        application = self.application
        await application.initialize()
        await self.post_init(application)
        await application.start()
        self._schedule_jobs()
        await self._publish_commands()
        await self._publish_menu_button()

    async def tick_once(self, at: datetime) -> PassReport:
        """`coach tick --at`: one scheduling pass as if it were `at`, then deliver leftovers."""
        application = self.application
        await application.initialize()
        await self.post_init(application)
        try:
            report = await self.scheduler.run_pass(at)
            await self.outbox.sweep()
        finally:
            await application.shutdown()
            await self.post_shutdown(application)
        return report

    async def stop(self) -> None:
        """Finish in-flight turns, then stop PTB and release the database."""
        if self._inbox is not None:
            await self._inbox.close()
        application = self.application
        if application.running:
            await application.stop()
        await application.shutdown()
        await self.post_shutdown(application)

    async def serve(
        self, stop: asyncio.Event, *, on_polling: Callable[[], None] | None = None
    ) -> None:
        """Run until `stop` is set: recover what a crash left behind, then receive updates
        (long polling, or a webhook when WEBHOOK_URL is set). On stop, in-flight turns
        finish before the process exits."""
        await self.start()
        # Everything made so far (modules, PTB, SQLAlchemy's mappers, the texts) lives as
        # long as the process: freezing it keeps the collector from walking it again. A full
        # collection otherwise stalls the loop 30-50 ms (measured) and delays every reply.
        gc.freeze()
        settings = self.settings
        if settings.webapp_url is not None:
            self.webapp = WebAppServer(settings.webapp_url, lambda: self.deps)
        try:
            if self.webapp is not None and not settings.uses_webhook:
                await self.webapp.start(settings.webapp_listen, settings.webapp_port)
            if self.settings.metrics_port is not None:
                await self.metrics.serve(
                    self.settings.metrics_listen, self.settings.metrics_port, healthy=self.health
                )
            await self.inbox.recover()
            await self.outbox.sweep()
            if self.settings.uses_webhook:
                await self._serve_webhook(stop)
            else:
                await self._serve_polling(stop, on_polling)
        finally:
            if self.webapp is not None:
                await self.webapp.stop()
            await self.metrics.stop()
            await self.stop()

    async def _serve_polling(
        self, stop: asyncio.Event, on_polling: Callable[[], None] | None
    ) -> None:
        poller = Poller(
            self.application.bot, self.inbox, on_store_failure=self._apologise_for_updates
        )
        polling = asyncio.create_task(poller.run(), name="polling")
        if on_polling is not None:
            polling_started = asyncio.create_task(poller.first_poll.wait())
            polling_started.add_done_callback(lambda _task: on_polling())
        stopping = asyncio.create_task(stop.wait())
        await asyncio.wait({polling, stopping}, return_when=asyncio.FIRST_COMPLETED)
        polling.cancel()
        stopping.cancel()
        await asyncio.gather(polling, return_exceptions=True)
        if polling.done() and not polling.cancelled() and polling.exception() is not None:
            raise polling.exception()  # type: ignore[misc]

    async def _serve_webhook(self, stop: asyncio.Event) -> None:
        settings = self.settings
        url, secret = settings.webhook_url, settings.webhook_secret
        if url is None or secret is None:
            raise RuntimeError("webhook mode needs WEBHOOK_URL and WEBHOOK_SECRET")
        server = WebhookServer(
            self.inbox,
            url=url,
            secret=secret.get_secret_value(),
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            healthy=self.health,
            extra_routes=self.webapp.routes() if self.webapp is not None else (),
            max_connections=settings.webhook_max_connections,
        )
        await server.start()
        try:
            # Register after listening, so Telegram's first delivery finds us. Every
            # replica does this; it is idempotent.
            await self.application.bot.set_webhook(
                url=url,
                secret_token=secret.get_secret_value(),
                allowed_updates=ALLOWED_UPDATES,
                max_connections=40,
            )
            await stop.wait()
        finally:
            await server.stop()

    def _schedule_jobs(self) -> None:
        jobs = self.application.job_queue
        if jobs is None:
            raise RuntimeError("python-telegram-bot[job-queue] is required")
        jobs.run_repeating(
            self._sweep_outbox,
            interval=OUTBOX_SWEEP_SECONDS,
            first=OUTBOX_SWEEP_SECONDS,
            name="outbox-sweep",
            job_kwargs=JOB_KWARGS,
        )
        if self.settings.coach_scheduler is Switch.ON:
            jobs.run_repeating(
                self._tick,
                interval=self.settings.coach_tick_seconds,
                first=1.0,
                name="scheduler-tick",
                job_kwargs=JOB_KWARGS,
            )
        jobs.run_repeating(
            self._purge_inbox, interval=3600, first=60, name="inbox-purge", job_kwargs=JOB_KWARGS
        )
        jobs.run_repeating(
            self._prune_idea_events,
            interval=3600,
            first=90,
            name="idea-events-prune",
            job_kwargs=JOB_KWARGS,
        )
        jobs.run_repeating(
            self._recover_orphans,
            interval=ORPHAN_SWEEP_SECONDS,
            first=ORPHAN_SWEEP_SECONDS,
            name="inbox-orphans",
            job_kwargs=JOB_KWARGS,
        )

    async def _sweep_outbox(self, _ctx: CoachContext) -> None:
        await self.outbox.sweep()

    async def _tick(self, _ctx: CoachContext) -> None:
        await self.scheduler.run_pass(self.clock())

    async def _purge_inbox(self, _ctx: CoachContext) -> None:
        await self.inbox.purge()

    async def _prune_idea_events(self, _ctx: CoachContext) -> None:
        await self.prune_idea_events()

    async def prune_idea_events(self) -> int:
        """Forget what no longer counts: old idea events, and kept charts and exports."""
        async with self.deps.db.transaction() as session:
            await kept_files.prune(session, now=self.clock())
            return await prune_events(session, now=self.clock())

    async def _recover_orphans(self, _ctx: CoachContext) -> None:
        await self.inbox.recover_orphans()

    async def _publish_commands(self) -> None:
        """The command menu in every language: English for everyone, and each other
        language for people whose Telegram speaks it (a person who chose another language
        with /language gets that menu in their own chat, see handlers.language)."""
        for code_name, texts in self.languages.items():
            code = None if code_name == SOURCE_LANGUAGE else code_name
            try:
                commands = [
                    BotCommand(item["command"], item["description"])
                    for item in views.menu_commands(texts)
                ]
                await self.application.bot.set_my_commands(commands, language_code=code)
            except TelegramError as error:
                logger.warning("could not publish the command menu: %s", type(error).__name__)

    async def _publish_menu_button(self) -> None:
        """The button next to the message box opens the dashboard (when it is served)."""
        url = self.settings.webapp_url
        if url is None:
            return
        # Everyone's default, in English; each person's own chat gets it in their language
        # when they finish onboarding or pick a language (handlers.language).
        button = MenuButtonWebApp(self.texts.plain("dashboard.menu_button"), WebAppInfo(url))
        try:
            await self.application.bot.set_chat_menu_button(menu_button=button)
        except TelegramError as error:
            logger.warning("could not set the menu button: %s", type(error).__name__)

    # -- when the database is away --------------------------------------------------------

    async def _apologise_directly(self, chat_id: int) -> None:
        """Say we're having trouble, straight to Telegram (the outbox needs the database).
        At most once per chat every few minutes."""
        now = monotonic_time.monotonic()
        if chat_id == 0 or now - self._apologised.get(chat_id, -1e9) < 300:
            return
        self._apologised[chat_id] = now
        try:
            await self.application.bot.send_message(chat_id, self.texts("errors.database_down"))
        except TelegramError as error:
            logger.warning("could not send the database apology: %s", type(error).__name__)

    async def _apologise_for_updates(self, updates: list[dict[str, Any]]) -> None:
        for chat_id in {chat_of(update) for update in updates}:
            if chat_id > 0:
                await self._apologise_directly(chat_id)


def chat_pacer(settings: Settings) -> ChatPacer:
    """Each chat's pace from the settings; none at all when COACH_RATE_LIMIT is off."""
    if settings.coach_rate_limit is Switch.OFF:
        return NoPacing()
    return ChatPacer(
        Pace(
            settings.coach_private_chat_seconds,
            settings.coach_group_chat_seconds,
            settings.coach_chat_burst,
        )
    )


# Every bot command and its handler: the one registration table. A command appears in
# Telegram's menu when it has a description under `commands` in prompts.yaml.
COMMANDS: dict[str, Callable[..., Any]] = {
    "start": onboarding.on_start,
    "settings": onboarding.on_settings,
    "help": basics.on_help,
    "cancel": basics.on_cancel,
    "idea": ideas.on_idea,
    "log": log_start.on_log,
    "undo": log.on_undo,
    "history": history.on_history,
    "add": add.on_add,
    "pause": pause.on_pause,
    "resume": pause.on_resume,
    "recap": recap_and_stats.on_recap,
    "stats": recap_and_stats.on_stats,
    "about": basics.on_about,
    "export": privacy.on_export,
    "delete": privacy.on_delete,
    "language": language.on_language,
    "buddy": buddy.on_buddy,
    "admin": basics.on_admin,
}


def register_handlers(application: CoachApplication) -> None:
    # Crisis language is looked for first, in every private text (edits and captions too).
    application.add_handler(
        MessageHandler(
            filters.ChatType.PRIVATE & (filters.TEXT | filters.CAPTION), crisis.on_any_text
        ),
        group=-1,
    )
    private = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
    for name, callback in COMMANDS.items():
        application.add_handler(CommandHandler(name, callback, filters=private))
    application.add_handler(
        MessageHandler(private & filters.TEXT & ~filters.COMMAND, router.on_text)
    )
    application.add_handler(MessageHandler(private & filters.COMMAND, router.on_unknown_command))
    application.add_handler(CallbackQueryHandler(router.on_button))
    application.add_handler(
        MessageHandler(
            filters.ChatType.PRIVATE & filters.UpdateType.EDITED_MESSAGE, router.on_not_text
        )
    )
    application.add_handler(MessageHandler(private & ~filters.TEXT, router.on_not_text))
    application.add_handler(
        MessageHandler(filters.ChatType.GROUPS & filters.COMMAND, router.on_group)
    )
    application.add_handler(
        ChatMemberHandler(router.on_my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER)
    )
    application.add_error_handler(on_error)


_T = TypeVar("_T")


def _initialised(part: _T | None) -> _T:
    """A part the runtime builds in initialise(); using it before then is a bug."""
    if part is None:
        raise RuntimeError("the runtime is not initialised")
    return part
