"""The emulator's menu buttons, through unmodified PTB: the bot's default and one per chat,
read back as Telegram answers getChatMenuButton (a chat without its own shows the default)."""

from __future__ import annotations

from telegram import Bot, MenuButtonDefault, MenuButtonWebApp, WebAppInfo

from bot.sandbox.emulator import TelegramEmulator
from tests.sandbox.conftest import USER

URL = "https://coach.example.org/app/"


async def test_menu_buttons_per_chat_fall_back_to_the_default(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    assert isinstance(await bot.get_chat_menu_button(USER), MenuButtonDefault)
    await bot.set_chat_menu_button(menu_button=MenuButtonWebApp("Dashboard", WebAppInfo(URL)))
    await bot.set_chat_menu_button(USER, MenuButtonWebApp("Panel", WebAppInfo(URL)))
    own = await bot.get_chat_menu_button(USER)
    assert isinstance(own, MenuButtonWebApp) and own.text == "Panel"
    default = await bot.get_chat_menu_button(USER + 1)  # a chat with none of its own
    assert isinstance(default, MenuButtonWebApp) and default.text == "Dashboard"
    assert emulator.menu_button(USER)["text"] == "Panel"
    assert emulator.menu_button() == {
        "type": "web_app",
        "text": "Dashboard",
        "web_app": {"url": URL},
    }
