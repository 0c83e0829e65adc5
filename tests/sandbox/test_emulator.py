"""The emulator, driven by real, unmodified python-telegram-bot objects over HTTP."""

from __future__ import annotations

import asyncio
import html
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import httpx
import pytest
from aiohttp import web
from hypothesis import given, settings
from hypothesis import strategies as st
from telegram import (
    Bot,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    ReplyKeyboardMarkup,
    Update,
)
from telegram.error import BadRequest, Conflict, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)
from telegram.helpers import escape_markdown

from bot.sandbox.client import ControlApiError, EmulatorClient
from bot.sandbox.emulator import (
    BOT_FIRST_NAME,
    BOT_USERNAME,
    ControlError,
    EmulatorConfig,
    TelegramEmulator,
    WaitTimeout,
    make_png,
    render_text,
)
from bot.sandbox.threaded import ThreadedEmulator
from tests.sandbox.conftest import BOT_ID, TOKEN, USER, make_bot

AnyApp = Application[Any, Any, Any, Any, Any, Any]
GROUP = -1001234


# PTB 22 warns inside RetryAfter.__init__ that retry_after will become a timedelta.
pytestmark = pytest.mark.filterwarnings(
    "ignore:.*`retry_after`.*:telegram.warnings.PTBDeprecationWarning"
)


# --------------------------------------------------------------------------------------------
# A tiny echo bot running with app.updater.start_polling()
# --------------------------------------------------------------------------------------------

MENU = InlineKeyboardMarkup(
    [
        [InlineKeyboardButton("A", callback_data="pick:a")],
        [
            InlineKeyboardButton("B", callback_data="pick:b"),
            InlineKeyboardButton("Site", url="https://example.org"),
        ],
    ]
)


@dataclass
class EchoBot:
    """Replies to texts, shows a menu on /start and answers button presses."""

    pressed: list[CallbackQuery] = field(default_factory=list)

    async def start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        words = " ".join(context.args or [])
        await update.effective_message.reply_text(f"menu {words}".strip(), reply_markup=MENU)

    async def echo(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text(f"echo: {update.effective_message.text}")

    async def button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        self.pressed.append(query)
        await query.answer(f"you picked {query.data}", show_alert=query.data == "pick:b")
        if query.message is not None and query.message.is_accessible:
            await query.edit_message_text(f"picked {query.data}")

    def install(self, app: AnyApp) -> None:
        app.add_handler(CommandHandler("start", self.start))
        app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, self.echo))
        app.add_handler(CallbackQueryHandler(self.button))


@pytest.fixture
async def echo_bot(emulator: TelegramEmulator) -> AsyncIterator[EchoBot]:
    echo = EchoBot()
    app = (
        Application.builder()
        .token(TOKEN)
        .base_url(emulator.base_url)
        .base_file_url(emulator.base_file_url)
        .build()
    )
    echo.install(app)
    async with app:
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0.0, allowed_updates=Update.ALL_TYPES)
        await app.start()
        try:
            yield echo
        finally:
            await app.updater.stop()
            await app.stop()


async def test_get_me(emulator: TelegramEmulator, bot: Bot) -> None:
    me = await bot.get_me()
    assert (me.id, me.is_bot, me.first_name, me.username) == (
        BOT_ID,
        True,
        BOT_FIRST_NAME,
        BOT_USERNAME,
    )


async def test_echo_bot_answers_texts_commands_and_presses(
    emulator: TelegramEmulator, echo_bot: EchoBot
) -> None:
    sent = emulator.send_text(USER, "/start hello")
    menu = await emulator.wait_for_reply(sent)
    assert menu.text == "menu hello"
    assert menu.button_texts == ["A", "B", "Site"]
    assert sent.message is not None
    assert menu.message_id == sent.message.message_id + 1  # one counter per chat

    press = emulator.press(USER, menu.message_id, button_text="B")
    assert press.callback_query_id is not None
    answer = await emulator.wait_for_answer(press.callback_query_id)
    assert (answer.text, answer.show_alert, answer.data) == ("you picked pick:b", True, "pick:b")
    await emulator.wait_until(
        lambda: (m := emulator.message(USER, menu.message_id)) is not None and m.edited
    )
    edited = emulator.message(USER, menu.message_id)
    assert edited is not None
    assert (edited.text, edited.reply_markup) == ("picked pick:b", None)

    # The keyboard the bot sent comes back inside callback_query.message.
    pressed_message = echo_bot.pressed[0].message
    assert pressed_message is not None
    assert pressed_message.is_accessible
    assert getattr(pressed_message, "reply_markup", None) == MENU

    reply = await emulator.wait_for_reply(emulator.send_text(USER, "123"))
    assert reply.text == "echo: 123"

    in_group = emulator.send_text(
        USER, "/start@RejectionCoachBot team", chat_id=GROUP, chat_type="group"
    )
    assert (await emulator.wait_for_reply(in_group)).text == "menu team"

    await emulator.wait_until_idle()
    assert [m.text for m in emulator.messages(USER)] == ["picked pick:b", "echo: 123"]


async def test_press_checks_buttons_unless_forged(
    emulator: TelegramEmulator, echo_bot: EchoBot
) -> None:
    menu = await emulator.wait_for_reply(emulator.send_text(USER, "/start"))
    with pytest.raises(ControlError, match="no button"):
        emulator.press(USER, menu.message_id, "pick:zzz")
    with pytest.raises(ControlError, match="not a callback button"):
        emulator.press(USER, menu.message_id, button_text="Site")
    with pytest.raises(ControlError, match="not found"):
        emulator.press(USER, 999)

    forged = emulator.press(USER, 999, "evil", forge=True)
    assert forged.callback_query_id is not None
    await emulator.wait_for_answer(forged.callback_query_id)
    query = echo_bot.pressed[-1]
    assert query.data == "evil"
    assert query.message is not None
    assert not query.message.is_accessible


async def test_answering_unknown_or_answered_query_is_400(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    sent = await bot.send_message(USER, "pick", reply_markup=MENU)
    query_id = emulator.press(USER, sent.message_id, "pick:a").callback_query_id
    assert query_id is not None
    assert await bot.answer_callback_query(query_id, "ok")
    for bad_id in (query_id, "nope"):
        with pytest.raises(BadRequest, match="Query is too old"):
            await bot.answer_callback_query(bad_id)


# --------------------------------------------------------------------------------------------
# Errors where bots trip
# --------------------------------------------------------------------------------------------


async def test_edit_not_modified(emulator: TelegramEmulator, bot: Bot) -> None:
    sent = await bot.send_message(USER, "same", reply_markup=MENU)
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_text("same", USER, sent.message_id, reply_markup=MENU)
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_reply_markup(USER, sent.message_id, reply_markup=MENU)
    # Dropping the keyboard is a modification, as is changing the text.
    await bot.edit_message_text("same", USER, sent.message_id)
    await bot.edit_message_text("<b>same</b>", USER, sent.message_id, parse_mode="HTML")
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("x", USER, 4242)
    current = emulator.message(USER, sent.message_id)
    assert current is not None
    assert current.edited
    assert current.reply_markup is None


async def test_text_limits_and_parse_errors(emulator: TelegramEmulator, bot: Bot) -> None:
    cases: list[tuple[dict[str, Any], str]] = [
        ({"text": ""}, "Message text is empty"),
        ({"text": "   "}, "Message text is empty"),
        ({"text": "x" * 4097}, "Message is too long"),
        ({"text": "😀" * 2049}, "Message is too long"),  # 4098 UTF-16 units
        ({"text": "a<br>b", "parse_mode": "HTML"}, "Can't parse entities"),
        ({"text": "<b>open", "parse_mode": "HTML"}, "Can't parse entities"),
        ({"text": "1.5", "parse_mode": "MarkdownV2"}, "Can't parse entities"),
    ]
    for kwargs, error in cases:
        with pytest.raises(BadRequest, match=error):
            await bot.send_message(USER, **kwargs)
    long_button = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="d" * 65)]])
    with pytest.raises(BadRequest, match="Button_data_invalid"):
        await bot.send_message(USER, "hi", reply_markup=long_button)
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(777, "hi")
    with pytest.raises(BadRequest, match="caption is too long"):
        await bot.send_photo(USER, make_png(), caption="c" * 1025)

    assert (await bot.send_message(USER, "x" * 4096)).text == "x" * 4096
    html = await bot.send_message(USER, "<b>bold</b> &amp; <i>it</i>", parse_mode="HTML")
    assert html.text == "bold & it"
    md = await bot.send_message(
        USER, "*hi* " + escape_markdown("1.5! (ok)", version=2), parse_mode="MarkdownV2"
    )
    assert md.text == "hi 1.5! (ok)"
    stored = emulator.last_message(USER)
    assert stored is not None
    assert stored.raw_text == "*hi* 1\\.5\\! \\(ok\\)"


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=60))
def test_escaped_text_always_parses_back(text: str) -> None:
    """No false "can't parse entities" for text escaped the way PTB's helpers escape it."""
    assert render_text(escape_markdown(text, version=2), "MarkdownV2") == text
    assert render_text(f"*{escape_markdown(text, version=2)}*", "MarkdownV2") == text
    assert render_text(f"<b>{html.escape(text)}</b>", "HTML") == text
    # Legacy Markdown allows escapes only outside entities, as in Telegram.
    assert render_text(escape_markdown(text), "Markdown") == text


async def test_blocked_user_is_forbidden_and_emits_my_chat_member(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    await bot.send_message(USER, "before")
    emulator.block(USER)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(USER, "after")
    emulator.unblock(USER)
    await bot.send_message(USER, "again")

    updates = await bot.get_updates()
    changes = [u.my_chat_member for u in updates if u.my_chat_member]
    assert [(c.old_chat_member.status, c.new_chat_member.status) for c in changes] == [
        ("member", "kicked"),
        ("kicked", "member"),
    ]
    assert [m.text for m in emulator.messages(USER)] == ["before", "again"]


async def test_two_pollers_conflict(emulator: TelegramEmulator) -> None:
    async with make_bot(emulator) as first, make_bot(emulator) as second:
        pending = asyncio.create_task(first.get_updates(timeout=5))
        await emulator.wait_for_polling()
        assert await second.get_updates(timeout=0) == ()
        with pytest.raises(Conflict, match="terminated by other getUpdates"):
            await pending


async def test_get_updates_conflicts_with_webhook(emulator: TelegramEmulator, bot: Bot) -> None:
    await bot.set_webhook("http://127.0.0.1:9/hook")
    with pytest.raises(Conflict, match="webhook is active"):
        await bot.get_updates()
    await bot.delete_webhook()
    assert await bot.get_updates() == ()


async def test_get_updates_offset_limit_and_allowed_updates(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    ids = [emulator.send_text(USER, f"m{i}").update_id or 0 for i in range(3)]
    assert [u.update_id for u in await bot.get_updates(limit=2)] == ids[:2]
    assert [u.update_id for u in await bot.get_updates(offset=ids[1])] == ids[1:]
    assert await bot.get_updates(offset=ids[2] + 1) == ()
    await emulator.wait_for_confirmed(timeout=0.1)

    await bot.get_updates(allowed_updates=["message"])
    sent = await bot.send_message(USER, "pick", reply_markup=MENU)
    assert emulator.press(USER, sent.message_id, "pick:a").update_id is None
    assert emulator.send_text(USER, "still here").update_id is not None


async def test_injected_429_surfaces_as_retry_after(emulator: TelegramEmulator, bot: Bot) -> None:
    emulator.inject_fault("sendMessage", status=429, retry_after=7)
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(USER, "hi")
    assert caught.value.retry_after in (7, timedelta(seconds=7))  # int, or timedelta opted in
    await bot.send_message(USER, "hi")  # times=1: expired


async def test_faults_expire_after_times_and_filter_by_chat(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    emulator.add_user(2002)
    emulator.inject_fault("*", status=500, times=2)
    for _ in range(2):
        with pytest.raises(NetworkError):
            await bot.send_message(USER, "boom")
    await bot.send_message(USER, "fine")

    emulator.inject_fault("sendmessage", chat_id=2002, status=502, times=None)
    await bot.send_message(USER, "other chat is fine")
    with pytest.raises(NetworkError, match="Bad Gateway"):
        await bot.send_message(2002, "x")
    assert len(emulator.active_faults()) == 1
    emulator.clear_faults()
    await bot.send_message(2002, "x")
    assert emulator.stats().faults_served == 3


async def test_timeout_fault_can_deliver_or_drop(emulator: TelegramEmulator) -> None:
    async with make_bot(emulator, read_timeout=0.1) as impatient:
        emulator.add_user(USER)
        emulator.inject_fault("sendMessage", delay=0.4)  # delivers by default
        with pytest.raises(TimedOut):
            await impatient.send_message(USER, "landed anyway")
        emulator.inject_fault("sendMessage", delay=0.4, deliver=False)
        with pytest.raises(TimedOut):
            await impatient.send_message(USER, "lost")
    assert [m.text for m in emulator.messages(USER)] == ["landed anyway"]


async def test_latency_per_chat(emulator: TelegramEmulator, bot: Bot) -> None:
    emulator.add_user(2002)
    emulator.set_latency(USER, 0.3)
    started = time.monotonic()
    await bot.send_message(2002, "fast")
    assert time.monotonic() - started < 0.25
    await bot.send_message(USER, "slow")
    assert time.monotonic() - started >= 0.3


async def test_flood_control(emulator: TelegramEmulator, bot: Bot) -> None:
    emulator.add_user(2002)
    emulator.set_flood_control(max_per_chat_per_second=2)
    await bot.send_message(USER, "1")
    await bot.send_message(USER, "2")
    with pytest.raises(RetryAfter, match="Flood control exceeded"):
        await bot.send_message(USER, "3")
    await bot.send_message(2002, "another chat")
    assert emulator.stats().flood_429s == 1


# --------------------------------------------------------------------------------------------
# Files, commands, raw HTTP
# --------------------------------------------------------------------------------------------


async def test_multipart_photo_and_document_keep_bytes(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    png = make_png(3, 2)
    photo_message = await bot.send_photo(USER, png, caption="look")
    size = photo_message.photo[-1]
    assert (size.width, size.height, size.file_size, photo_message.caption) == (
        3,
        2,
        len(png),
        "look",
    )
    stored = emulator.last_message(USER)
    assert stored is not None
    assert stored.file is not None
    assert stored.kind == "photo"
    assert emulator.file_bytes(stored.file.file_id) == png
    assert emulator.calls("sendPhoto")[0].params["photo"]["size"] == len(png)

    again = await bot.send_photo(USER, size.file_id)  # a file_id re-sends without upload
    assert again.photo[-1].file_id == size.file_id

    doc = await bot.send_document(USER, b"some notes", filename="notes.txt", caption="n")
    assert doc.document is not None
    assert (doc.document.file_name, doc.document.file_size) == ("notes.txt", 10)
    downloaded = await (await bot.get_file(doc.document.file_id)).download_as_bytearray()
    assert bytes(downloaded) == b"some notes"

    edited = await bot.edit_message_caption(USER, photo_message.message_id, caption="new")
    assert isinstance(edited, Message)
    assert edited.caption == "new"
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_caption(USER, photo_message.message_id, caption="new")
    assert await bot.delete_message(USER, doc.message_id)
    with pytest.raises(BadRequest, match="Message to delete not found"):
        await bot.delete_message(USER, doc.message_id)
    assert [m.kind for m in emulator.messages(USER)] == ["photo", "photo"]


async def test_commands_round_trip(emulator: TelegramEmulator, bot: Bot) -> None:
    await bot.set_my_commands([("start", "Begin"), ("help", "Help")])
    assert [c.command for c in await bot.get_my_commands()] == ["start", "help"]
    assert emulator.commands()[0] == {"command": "start", "description": "Begin"}
    with pytest.raises(BadRequest):
        await bot.set_my_commands([("Start", "Uppercase is invalid")])
    await bot.delete_my_commands()
    assert await bot.get_my_commands() == ()


async def test_raw_http_json_get_and_unknown_method(emulator: TelegramEmulator) -> None:
    emulator.add_user(USER)
    url = f"{emulator.base_url}{TOKEN}"
    async with httpx.AsyncClient() as http:
        form = await http.post(f"{url}/sendmessage", data={"chat_id": str(USER), "text": "007"})
        as_json = await http.post(f"{url}/sendMessage", json={"chat_id": USER, "text": "json"})
        as_get = await http.get(f"{url}/sendMessage", params={"chat_id": USER, "text": "get"})
        unknown = await http.post(f"{url}/fooBar")
        bad_token = await http.post(f"{emulator.base_url}nonsense/getMe")
    assert form.json()["result"]["text"] == "007"  # text stays a string
    assert as_json.json()["result"]["text"] == "json"
    assert as_get.json()["result"]["chat"] == {
        "id": USER,
        "type": "private",
        "first_name": f"User{USER}",
    }
    assert unknown.status_code == 404
    assert unknown.json() == {
        "ok": False,
        "error_code": 404,
        "description": "Not Found: method not found",
    }
    assert bad_token.status_code == 404


async def test_every_user_action_parses_in_ptb(emulator: TelegramEmulator, bot: Bot) -> None:
    sent = await bot.send_message(USER, "pick", reply_markup=MENU)
    text = emulator.send_text(USER, "hello")
    assert text.message is not None
    emulator.send_sticker(USER)
    emulator.send_photo(USER, caption="me")
    emulator.send_voice(USER, duration=4)
    emulator.send_document(USER, b"cv", file_name="cv.pdf", mime_type="application/pdf")
    emulator.send_location(USER, 52.5, 13.4)
    emulator.edit_text(USER, text.message.message_id, "hello again")
    emulator.channel_post(-1009, "news")
    emulator.add_to_group(GROUP, USER)
    emulator.press(USER, sent.message_id, "pick:a")
    emulator.block(USER)

    updates = await bot.get_updates()
    message = [u.message for u in updates if u.message]
    assert [m.text for m in message if m.text] == ["hello"]
    assert message[1].sticker is not None
    assert message[1].sticker.emoji == "👍"
    assert message[2].photo
    assert message[2].caption == "me"
    assert message[3].voice is not None
    assert message[3].voice.to_dict()["duration"] == 4
    assert message[4].document is not None
    assert message[4].document.file_name == "cv.pdf"
    assert message[5].location is not None
    assert message[5].location.latitude == 52.5
    edited = [u.edited_message for u in updates if u.edited_message]
    assert edited[0] is not None
    assert edited[0].text == "hello again"
    posts = [u.channel_post for u in updates if u.channel_post]
    assert posts[0] is not None
    assert posts[0].sender_chat is not None
    joined = [u.my_chat_member for u in updates if u.my_chat_member]
    assert [(j.chat.id, j.new_chat_member.status) for j in joined] == [
        (GROUP, "member"),
        (USER, "kicked"),
    ]
    queries = [u.callback_query for u in updates if u.callback_query]
    assert queries[0] is not None
    assert queries[0].data == "pick:a"
    photo_id = message[2].photo[-1].file_id
    assert await (await bot.get_file(photo_id)).download_as_bytearray() == make_png(4, 3)


async def test_reply_keyboards_and_replies(emulator: TelegramEmulator, bot: Bot) -> None:
    question = await bot.send_message(
        USER, "yes?", reply_markup=ReplyKeyboardMarkup([["Yes", "No"]], one_time_keyboard=True)
    )
    assert question.reply_markup is None  # Telegram only echoes inline keyboards
    stored = emulator.last_message(USER)
    assert stored is not None
    assert stored.reply_markup is not None
    assert stored.reply_markup["keyboard"] == [[{"text": "Yes"}, {"text": "No"}]]
    answer = await bot.send_message(USER, "noted", reply_to_message_id=question.message_id)
    assert answer.reply_to_message is not None
    assert answer.reply_to_message.message_id == question.message_id
    with pytest.raises(BadRequest, match="Message to be replied not found"):
        await bot.send_message(USER, "x", reply_to_message_id=999)


async def test_reset_keeps_update_ids_growing(emulator: TelegramEmulator) -> None:
    first = emulator.send_text(USER, "a").update_id
    emulator.reset()
    assert emulator.pending_updates() == []
    second = emulator.send_text(USER, "b").update_id
    assert first is not None
    assert second is not None
    assert second > first


async def test_a_restored_chat_keeps_its_buttons_and_numbering() -> None:
    """The sandbox puts a chat back after a restart: pressable, ids continuing after it."""
    async with TelegramEmulator() as before:
        before.add_user(USER, "Ada")
        async with make_bot(before) as old_bot:
            await old_bot.send_message(USER, "pick one", reply_markup=MENU)
        kept = before.messages(USER, sender="all")
    async with TelegramEmulator() as after:
        after.restore_chat(USER, kept)
        assert after.messages(USER) == kept
        assert after.pending_updates() == []  # the bot is not told about old messages
        pressed = after.press(USER, kept[-1].message_id, "pick:b")
        assert pressed.update_id is not None
        typed = after.send_text(USER, "next").message
        assert typed is not None
        assert typed.message_id == kept[-1].message_id + 1
        with pytest.raises(ControlError, match="not in chat"):
            after.restore_chat(USER + 1, kept)


async def test_wait_timeout_explains_failed_calls(emulator: TelegramEmulator, bot: Bot) -> None:
    with pytest.raises(BadRequest):
        await bot.send_message(USER, "")
    with pytest.raises(WaitTimeout, match="message text is empty"):
        await emulator.wait_for_messages(USER, timeout=0.05)


# --------------------------------------------------------------------------------------------
# Webhook mode
# --------------------------------------------------------------------------------------------


@dataclass
class Receiver:
    """A tiny webhook endpoint that fails its first request."""

    seen: list[tuple[dict[str, str], dict[str, Any]]] = field(default_factory=list)
    delivered: asyncio.Event = field(default_factory=asyncio.Event)

    async def handle(self, request: web.Request) -> web.Response:
        self.seen.append((dict(request.headers), await request.json()))
        if len(self.seen) == 1:
            return web.Response(status=500)
        self.delivered.set()
        return web.Response(text="ok")


@pytest.fixture
async def receiver() -> AsyncIterator[tuple[Receiver, str]]:
    hook = Receiver()
    app = web.Application()
    app.router.add_post("/hook", hook.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        yield hook, f"http://127.0.0.1:{runner.addresses[0][1]}/hook"
    finally:
        await runner.cleanup()


async def test_webhook_delivery_with_secret_and_retry(
    emulator: TelegramEmulator, bot: Bot, receiver: tuple[Receiver, str]
) -> None:
    hook, url = receiver
    await bot.set_webhook(url, secret_token="s3cret")
    sent = emulator.send_text(USER, "via webhook")
    await asyncio.wait_for(hook.delivered.wait(), 5)
    await emulator.wait_for_confirmed()

    assert len(hook.seen) == 2  # the 500 was retried
    headers, payload = hook.seen[-1]
    assert headers["X-Telegram-Bot-Api-Secret-Token"] == "s3cret"
    update = Update.de_json(payload, bot)
    assert update.update_id == sent.update_id
    assert update.message is not None
    assert update.message.text == "via webhook"
    info = await bot.get_webhook_info()
    assert (info.url, info.pending_update_count) == (url, 0)
    assert info.last_error_message is not None

    await bot.delete_webhook()
    later = emulator.send_text(USER, "polled again")
    assert [u.update_id for u in await bot.get_updates()] == [later.update_id]
    assert len(hook.seen) == 2


# --------------------------------------------------------------------------------------------
# Control clients and runners
# --------------------------------------------------------------------------------------------


async def test_async_client(emulator: TelegramEmulator, bot: Bot) -> None:
    async with EmulatorClient(emulator.control_url) as client:
        user = await client.add_user(7, "Grace", language_code="de")
        assert (user.first_name, user.language_code) == ("Grace", "de")
        receipt = await client.send_text(7, "/help")
        assert receipt.message is not None
        assert receipt.message.entities[0] == {"type": "bot_command", "offset": 0, "length": 5}
        await bot.send_message(7, "reply", reply_markup=MENU)
        replies = await client.wait_for_messages(7, after_message_id=receipt.message.message_id)
        assert replies[0].callback_data == ["pick:a", "pick:b"]
        fault = await client.inject_fault("sendMessage", status=429, retry_after=3)
        assert fault.times == 1
        assert (await client.faults())[0].fault_id == fault.fault_id
        with pytest.raises(RetryAfter):
            await bot.send_message(7, "x")
        with pytest.raises(ControlApiError, match="no button"):
            await client.press(7, replies[0].message_id, "nope")
        with pytest.raises(WaitTimeout):
            await client.wait_for_messages(7, 5, timeout=0.05)
        stats = await client.stats()
        assert stats.calls_by_method["sendMessage"] == 2
        assert [c.status for c in await client.calls("sendMessage")] == [200, 429]


def test_threaded_runner_with_sync_client() -> None:
    with ThreadedEmulator(EmulatorConfig(history_limit=5)) as threaded, threaded.client() as client:
        client.add_user(USER, "Ada")
        sent = client.send_text(USER, "ping")

        async def bot_in_its_own_loop() -> None:
            async with Bot(TOKEN, base_url=threaded.base_url) as ptb_bot:
                for update in await ptb_bot.get_updates(timeout=1):
                    assert update.message is not None
                    await update.message.reply_text(f"pong to {update.message.text}")
                await ptb_bot.get_updates(offset=sent.update_id + 1 if sent.update_id else 0)

        asyncio.run(bot_in_its_own_loop())
        assert client.wait_for_reply(sent).text == "pong to ping"
        client.wait_for_confirmed()
        assert threaded.call(lambda emu: emu.message_count(USER)) == 1
        assert client.stats().get_updates_times
    assert threaded.emulator.api.closing


def test_standalone_entry_point() -> None:
    command = [sys.executable, "-m", "bot.sandbox.emulator", "--port", "0"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as process:
        try:
            assert process.stdout is not None
            base_url = process.stdout.readline().strip()
            assert base_url.startswith("http://127.0.0.1:")
            assert base_url.endswith("/bot")
            me = httpx.get(f"{base_url}{TOKEN}/getMe", timeout=5).json()
            assert me["result"]["username"] == BOT_USERNAME
        finally:
            process.terminate()
            process.wait(timeout=10)
    assert process.returncode == 0
