"""The Bot API methods the coach uses, answered the way Telegram answers them.

One handler per method (looked up case-insensitively, as Telegram does); each reads its
parameters through :class:`~bot.sandbox.emulator.wire.Params`, changes the world and returns
the ``result`` object, or raises :class:`~bot.sandbox.emulator.errors.ApiError`.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Final

from bot.sandbox.emulator.errors import (
    ERR_ANSWER_TOO_LONG,
    ERR_BAD_MARKUP,
    ERR_BLOCKED,
    ERR_BUTTON_DATA_INVALID,
    ERR_BUTTON_NO_ACTION,
    ERR_BUTTON_URL_INVALID,
    ERR_CANT_EDIT,
    ERR_CAPTION_TOO_LONG,
    ERR_CHAT_ID_EMPTY,
    ERR_CHAT_NOT_FOUND,
    ERR_CONFLICT_POLLING,
    ERR_CONFLICT_WEBHOOK,
    ERR_DELETE_NOT_FOUND,
    ERR_EDIT_NOT_FOUND,
    ERR_EMPTY_TEXT,
    ERR_KICKED,
    ERR_NO_TEXT_TO_EDIT,
    ERR_NOT_MEMBER,
    ERR_NOT_MODIFIED,
    ERR_REPLY_NOT_FOUND,
    ERR_TOO_LONG,
    MAX_CALLBACK_ANSWER_LENGTH,
    MAX_CALLBACK_DATA_BYTES,
    MAX_CAPTION_LENGTH,
    MAX_TEXT_LENGTH,
    ApiError,
    bad_request,
)
from bot.sandbox.emulator.formatting import render_text, utf16_len
from bot.sandbox.emulator.media import png_size
from bot.sandbox.emulator.records import (
    BOT_FIRST_NAME,
    ChatMessage,
    EmulatorConfig,
    FileInfo,
    JSONDict,
)
from bot.sandbox.emulator.webhook import Webhook
from bot.sandbox.emulator.wire import Params, UploadedFile, as_int
from bot.sandbox.emulator.world import Chat, World, inline_only, unix_now

CHAT_ACTIONS: Final = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
_INLINE_BUTTON_ACTIONS: Final = frozenset(
    {
        "url",
        "callback_data",
        "web_app",
        "login_url",
        "switch_inline_query",
        "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat",
        "copy_text",
        "callback_game",
        "pay",
    }
)
_COMMAND_RE: Final = re.compile(r"^[a-z0-9_]{1,32}$")


@dataclass
class ApiCall:
    method: str
    params: Params
    bot_id: int
    chat_id: int | None


_Handler = Callable[[ApiCall], Awaitable[Any]]


@dataclass(frozen=True)
class Method:
    name: str
    handler: _Handler
    # Sends and edits count towards flood control; reads and polls do not.
    flood: bool = False


@dataclass
class _Poller:
    kicked: bool = False


# Bot settings that are only stored and read back: setter -> (getter, field, default).
_SETTINGS: Final = {
    "setmydescription": ("getMyDescription", "description", ""),
    "setmyshortdescription": ("getMyShortDescription", "short_description", ""),
    "setmyname": ("getMyName", "name", BOT_FIRST_NAME),
}


class BotApi:
    def __init__(self, world: World, config: EmulatorConfig) -> None:
        self.world = world
        self.config = config
        self.webhook = Webhook(world, config)
        self.poller: _Poller | None = None
        self.closing = False
        self.methods = {method.name.lower(): method for method in self._method_table()}

    def _method_table(self) -> list[Method]:
        methods = [
            Method("getMe", self._get_me),
            Method("getUpdates", self._get_updates),
            Method("sendMessage", self._send_message, flood=True),
            Method("editMessageText", self._edit_message_text, flood=True),
            Method("editMessageReplyMarkup", self._edit_message_reply_markup, flood=True),
            Method("editMessageCaption", self._edit_message_caption, flood=True),
            Method("deleteMessage", self._delete_message),
            Method("answerCallbackQuery", self._answer_callback_query),
            Method("sendPhoto", self._send_photo, flood=True),
            Method("sendDocument", self._send_document, flood=True),
            Method("sendChatAction", self._send_chat_action),
            Method("getFile", self._get_file),
            Method("setMyCommands", self._set_my_commands),
            Method("getMyCommands", self._get_my_commands),
            Method("deleteMyCommands", self._delete_my_commands),
            Method("setWebhook", self._set_webhook),
            Method("deleteWebhook", self._delete_webhook),
            Method("getWebhookInfo", self._get_webhook_info),
            Method("setChatMenuButton", self._set_chat_menu_button),
            Method("getChatMenuButton", self._get_chat_menu_button),
            Method("close", self._ok),
            Method("logOut", self._ok),
        ]
        for setter, (getter, _, _) in _SETTINGS.items():
            methods.append(Method(setter, self._set_setting))
            methods.append(Method(getter, self._get_setting))
        return methods

    def lookup(self, name: str) -> Method | None:
        return self.methods.get(name.lower())

    async def _ok(self, call: ApiCall) -> bool:
        return True

    async def _get_me(self, call: ApiCall) -> JSONDict:
        return {
            **self.world.bot_user(),
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    # -- getUpdates -----------------------------------------------------------------------------

    async def _get_updates(self, call: ApiCall) -> list[JSONDict]:
        params = call.params
        offset = params.integer("offset")
        limit = min(max(params.integer("limit") or 100, 1), 100)
        timeout = min(max(params.number("timeout") or 0.0, 0.0), self.config.max_long_poll)
        allowed = params.json_value("allowed_updates")
        if self.webhook.url:
            raise ApiError(409, ERR_CONFLICT_WEBHOOK)
        if isinstance(allowed, list):
            self.world.updates.set_allowed(str(kind) for kind in allowed)
        if offset is not None:
            self.world.confirm_updates(offset)
        poller = self._claim_polling()
        try:
            if timeout > 0:
                await self.world.update_signal.wait_for(
                    lambda: (
                        poller.kicked
                        or self.closing
                        or bool(self.webhook.url)
                        or len(self.world.updates) > 0
                    ),
                    timeout,
                )
            if poller.kicked:
                raise ApiError(409, ERR_CONFLICT_POLLING)
            if self.webhook.url:
                raise ApiError(409, ERR_CONFLICT_WEBHOOK)
            return self.world.updates.peek(limit)
        finally:
            if self.poller is poller:
                self.poller = None

    def _claim_polling(self) -> _Poller:
        """Become the only poller; a pending earlier getUpdates is answered with 409."""
        if self.poller is not None:
            self.poller.kicked = True
            self.world.update_signal.notify()
        self.poller = _Poller()
        return self.poller

    # -- sending --------------------------------------------------------------------------------

    async def _send_message(self, call: ApiCall) -> JSONDict:
        params = call.params
        chat = self._writable_chat(params)
        raw = params.string("text")
        parse_mode = params.string("parse_mode")
        text = self._render(raw, parse_mode, MAX_TEXT_LENGTH, ERR_TOO_LONG)
        return self._post(
            params, chat, lambda: {"text": text, "raw_text": raw, "parse_mode": parse_mode}
        )

    async def _send_photo(self, call: ApiCall) -> JSONDict:
        return self._send_file(call.params, "photo")

    async def _send_document(self, call: ApiCall) -> JSONDict:
        return self._send_file(call.params, "document")

    def _send_file(self, params: Params, kind: str) -> JSONDict:
        chat = self._writable_chat(params)
        parse_mode = params.string("parse_mode")
        caption = self._caption(params.string("caption"), parse_mode)
        return self._post(
            params,
            chat,
            lambda: {
                "kind": kind,
                "caption": caption,
                "parse_mode": parse_mode,
                "file": self._input_file(params, kind),
            },
        )

    def _post(self, params: Params, chat: Chat, content: Callable[[], dict[str, Any]]) -> JSONDict:
        """Post the bot's message with the request's keyboard and reply target.

        ``content`` is built only after those two are checked, so the checks keep their order
        and a request that fails them keeps no upload."""
        markup = self._reply_markup(params)
        reply_to = self._reply_to(params, chat)
        message = self.world.add_message(
            chat, from_bot=True, reply_markup=markup, reply_to_message_id=reply_to, **content()
        )
        return self.world.message_api(message)

    def _input_file(self, params: Params, kind: str) -> FileInfo:
        """An uploaded part (by field name or attach://), a known file_id, or a URL."""
        ref = params.string(kind)
        upload = params.files.get(kind)
        if upload is None and ref and ref.startswith("attach://"):
            upload = params.files.get(ref.removeprefix("attach://"))
        if upload is not None:
            return self._register_upload(upload, kind)
        if not ref:
            raise bad_request(f"Bad Request: there is no {kind} in the request")
        known = self.world.files.get(ref)
        if known is not None:
            return dataclasses.replace(known[0], kind=kind)
        if ref.startswith(("http://", "https://")):
            return self.world.register_file(kind, None, file_name=ref.rsplit("/", 1)[-1])
        raise bad_request("Bad Request: wrong file identifier/HTTP URL specified")

    def _register_upload(self, upload: UploadedFile, kind: str) -> FileInfo:
        if not upload.data:
            raise bad_request("Bad Request: file must be non-empty")
        size = png_size(upload.data) if kind == "photo" else None
        return self.world.register_file(
            kind,
            upload.data,
            file_name=upload.filename,
            mime_type=upload.content_type,
            width=size[0] if size else None,
            height=size[1] if size else None,
        )

    async def _send_chat_action(self, call: ApiCall) -> bool:
        self._writable_chat(call.params)
        if call.params.string("action") not in CHAT_ACTIONS:
            raise bad_request("Bad Request: wrong parameter action in request")
        return True

    # -- editing and deleting -------------------------------------------------------------------

    async def _edit_message_text(self, call: ApiCall) -> JSONDict:
        params = call.params
        message = self._edit_target(params)
        raw = params.string("text")
        parse_mode = params.string("parse_mode")
        text = self._render(raw, parse_mode, MAX_TEXT_LENGTH, ERR_TOO_LONG)
        markup = self._reply_markup(params, inline_only=True)
        if message.text is None:
            raise bad_request(ERR_NO_TEXT_TO_EDIT)
        same_text = text == message.text and _formatting(raw, text, parse_mode) == _formatting(
            message.raw_text, message.text, message.parse_mode
        )
        if same_text and markup == inline_only(message.reply_markup):
            raise bad_request(ERR_NOT_MODIFIED)
        return self._save_edit(
            message, text=text, raw_text=raw, parse_mode=parse_mode, reply_markup=markup
        )

    async def _edit_message_reply_markup(self, call: ApiCall) -> JSONDict:
        message = self._edit_target(call.params)
        markup = self._reply_markup(call.params, inline_only=True)
        if markup == inline_only(message.reply_markup):
            raise bad_request(ERR_NOT_MODIFIED)
        return self._save_edit(message, reply_markup=markup)

    async def _edit_message_caption(self, call: ApiCall) -> JSONDict:
        params = call.params
        message = self._edit_target(params)
        if message.file is None:
            raise bad_request("Bad Request: there is no caption in the message to edit")
        parse_mode = params.string("parse_mode")
        caption = self._caption(params.string("caption"), parse_mode)
        markup = self._reply_markup(params, inline_only=True)
        if caption == message.caption and markup == inline_only(message.reply_markup):
            raise bad_request(ERR_NOT_MODIFIED)
        return self._save_edit(message, caption=caption, parse_mode=parse_mode, reply_markup=markup)

    def _save_edit(self, message: ChatMessage, **changes: Any) -> JSONDict:
        """Store a bot message's edit (marked edited, dated now) and return it as the API does."""
        edited = dataclasses.replace(message, **changes, edited=True, edit_date=unix_now())
        self.world.replace_message(edited)
        return self.world.message_api(edited)

    def _edit_target(self, params: Params) -> ChatMessage:
        if params.has("inline_message_id"):
            raise bad_request(ERR_EDIT_NOT_FOUND)  # inline messages are not emulated
        chat = self._writable_chat(params)
        message_id = params.integer("message_id")
        if message_id is None:
            raise bad_request("Bad Request: message identifier is not specified")
        message = self.world.get_message(chat, message_id)
        if message is None:
            raise bad_request(ERR_EDIT_NOT_FOUND)
        if not message.from_bot:
            raise bad_request(ERR_CANT_EDIT)
        return message

    async def _delete_message(self, call: ApiCall) -> bool:
        chat = self._known_chat(call.params)
        message_id = call.params.integer("message_id")
        message = None if message_id is None else self.world.get_message(chat, message_id)
        if message is None:
            raise bad_request(ERR_DELETE_NOT_FOUND)
        self.world.replace_message(dataclasses.replace(message, deleted=True))
        return True

    # -- callback queries -----------------------------------------------------------------------

    async def _answer_callback_query(self, call: ApiCall) -> bool:
        params = call.params
        text = params.string("text")
        if text is not None and len(text) > MAX_CALLBACK_ANSWER_LENGTH:
            raise bad_request(ERR_ANSWER_TOO_LONG)
        self.world.answer_callback(
            params.string("callback_query_id"),
            text=text,
            show_alert=params.boolean("show_alert"),
            url=params.string("url"),
            cache_time=params.integer("cache_time"),
        )
        return True

    # -- files ----------------------------------------------------------------------------------

    async def _get_file(self, call: ApiCall) -> JSONDict:
        entry = self.world.files.get(call.params.string("file_id") or "")
        if entry is None:
            raise bad_request("Bad Request: invalid file_id")
        info = entry[0]
        return {
            "file_id": info.file_id,
            "file_unique_id": info.file_unique_id,
            "file_size": info.size,
            "file_path": f"{info.kind}s/{info.file_id}",
        }

    # -- commands and settings ------------------------------------------------------------------

    async def _set_my_commands(self, call: ApiCall) -> bool:
        commands = call.params.json_value("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise bad_request("Bad Request: can't parse commands JSON object")
        cleaned = [_checked_command(command) for command in commands]
        self.world.commands[_commands_key(call.params)] = cleaned
        return True

    async def _get_my_commands(self, call: ApiCall) -> list[JSONDict]:
        return list(self.world.commands.get(_commands_key(call.params), []))

    async def _delete_my_commands(self, call: ApiCall) -> bool:
        self.world.commands.pop(_commands_key(call.params), None)
        return True

    async def _set_setting(self, call: ApiCall) -> bool:
        _, name, _ = _SETTINGS[call.method.lower()]
        language = call.params.string("language_code") or ""
        self.world.settings[(name, language)] = call.params.string(name) or ""
        return True

    async def _get_setting(self, call: ApiCall) -> JSONDict:
        name, default = next(
            (name, default)
            for getter, name, default in _SETTINGS.values()
            if getter.lower() == call.method.lower()
        )
        language = call.params.string("language_code") or ""
        stored = self.world.settings.get((name, language), self.world.settings.get((name, "")))
        return {name: stored if stored is not None else default}

    async def _set_chat_menu_button(self, call: ApiCall) -> bool:
        button = call.params.json_value("menu_button") or {"type": "default"}
        self.world.settings[("menu_button", str(call.params.chat_ref() or ""))] = button
        return True

    async def _get_chat_menu_button(self, call: ApiCall) -> JSONDict:
        return self.world.menu_button(call.params.chat_ref())

    # -- webhook --------------------------------------------------------------------------------

    async def _set_webhook(self, call: ApiCall) -> bool:
        self.webhook.set(call.params)
        return True

    async def _delete_webhook(self, call: ApiCall) -> bool:
        self.webhook.delete(drop_pending_updates=call.params.boolean("drop_pending_updates"))
        return True

    async def _get_webhook_info(self, call: ApiCall) -> JSONDict:
        return self.webhook.info()

    # -- shared checks --------------------------------------------------------------------------

    def _known_chat(self, params: Params) -> Chat:
        ref = params.chat_ref()
        if ref is None:
            raise bad_request(ERR_CHAT_ID_EMPTY)
        chat = self.world.find_chat(ref)
        if chat is None:
            raise bad_request(ERR_CHAT_NOT_FOUND)
        return chat

    def _writable_chat(self, params: Params) -> Chat:
        chat = self._known_chat(params)
        if chat.type == "private":
            user = self.world.users.get(chat.id)
            if user is not None and user.blocked:
                raise ApiError(403, ERR_BLOCKED)
        elif chat.bot_status == "kicked":
            raise ApiError(403, ERR_KICKED)
        elif chat.bot_status == "left":
            raise ApiError(403, ERR_NOT_MEMBER)
        return chat

    def _render(self, raw: str | None, parse_mode: str | None, limit: int, too_long: str) -> str:
        if raw is None or not raw.strip():
            raise bad_request(ERR_EMPTY_TEXT)
        text = render_text(raw, parse_mode, validate=self.config.validate_entities)
        if not text.strip():
            raise bad_request(ERR_EMPTY_TEXT)
        if utf16_len(text) > limit:
            raise bad_request(too_long)
        return text

    def _caption(self, raw: str | None, parse_mode: str | None) -> str | None:
        if raw is None or raw == "":
            return None
        text = render_text(raw, parse_mode, validate=self.config.validate_entities)
        if utf16_len(text) > MAX_CAPTION_LENGTH:
            raise bad_request(ERR_CAPTION_TOO_LONG)
        return text

    def _reply_markup(self, params: Params, *, inline_only: bool = False) -> JSONDict | None:
        markup = params.json_value("reply_markup", ERR_BAD_MARKUP)
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise bad_request(ERR_BAD_MARKUP)
        if "inline_keyboard" in markup:
            _check_inline_keyboard(markup["inline_keyboard"])
            return markup
        if inline_only:
            raise bad_request("Bad Request: inline keyboard expected")
        keyboard = markup.get("keyboard")
        if isinstance(keyboard, list) and all(isinstance(row, list) for row in keyboard):
            return markup
        if markup.get("remove_keyboard") is True or markup.get("force_reply") is True:
            return markup
        raise bad_request(ERR_BAD_MARKUP)

    def _reply_to(self, params: Params, chat: Chat) -> int | None:
        reply = params.json_value("reply_parameters")
        target = params.integer("reply_to_message_id")
        allow = params.boolean("allow_sending_without_reply")
        if isinstance(reply, dict):
            target = as_int(reply.get("message_id"))
            allow = allow or bool(reply.get("allow_sending_without_reply"))
        if target is None:
            return None
        if self.world.message_known(chat, target):
            return target
        if allow:
            return None
        raise bad_request(ERR_REPLY_NOT_FOUND)


def _formatting(raw: str | None, text: str, parse_mode: str | None) -> tuple[str, str] | None:
    """What distinguishes two messages with the same visible text: their markup, if any."""
    if raw is None or raw == text:
        return None
    return raw, (parse_mode or "").lower()


def _check_inline_keyboard(rows: Any) -> None:
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request(
            'Bad Request: field "inline_keyboard" of the InlineKeyboardMarkup must be an '
            "Array of Arrays"
        )
    for row in rows:
        for button in row:
            _check_inline_button(button)


def _check_inline_button(button: Any) -> None:
    if not isinstance(button, dict) or not isinstance(button.get("text"), str):
        raise bad_request(
            'Bad Request: can\'t parse inline keyboard button: Field "text" must be of type String'
        )
    if not _INLINE_BUTTON_ACTIONS & button.keys():
        raise bad_request(ERR_BUTTON_NO_ACTION)
    if "callback_data" in button:
        data = button["callback_data"]
        if not isinstance(data, str) or not 1 <= len(data.encode()) <= MAX_CALLBACK_DATA_BYTES:
            raise bad_request(ERR_BUTTON_DATA_INVALID)
    if "url" in button:
        url = button["url"]
        if not isinstance(url, str) or not url.startswith(("http://", "https://", "tg://")):
            raise bad_request(ERR_BUTTON_URL_INVALID)


def _checked_command(command: Any) -> JSONDict:
    if not isinstance(command, dict):
        raise bad_request("Bad Request: can't parse BotCommand JSON object")
    name, description = command.get("command"), command.get("description")
    if not isinstance(name, str) or not _COMMAND_RE.match(name):
        raise bad_request("Bad Request: BOT_COMMAND_INVALID")
    if not isinstance(description, str) or not 1 <= len(description) <= 256:
        raise bad_request("Bad Request: command description must be 1-256 characters")
    return {"command": name, "description": description}


def _commands_key(params: Params) -> tuple[str, str]:
    scope = params.json_value("scope") or {"type": "default"}
    return json.dumps(scope, sort_keys=True), params.string("language_code") or ""
