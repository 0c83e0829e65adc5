"""The yardstick: a stock python-telegram-bot echo bot, exactly as PTB's docs write one.

PTB's defaults everywhere (the builder's HTTP client, sequential update processing,
`run_polling()` with its default interval and timeout) and one handler that answers every
text with `reply_text(text)`. The only setting is where the Bot API lives: the emulator.
"""

from __future__ import annotations

import os

from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters


async def echo(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.message is not None and update.message.text is not None:
        await update.message.reply_text(update.message.text)


def main() -> None:
    application = (
        Application.builder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(os.environ["TELEGRAM_API_BASE_URL"])
        .build()
    )
    application.add_handler(MessageHandler(filters.TEXT, echo))
    application.run_polling()


if __name__ == "__main__":
    main()
