"""A minimal python-telegram-bot echo bot: the yardstick for conversation throughput.

Stock PTB (httpx) with the same bounded concurrency as the coach (16 updates at a time).
It answers every text with one message, and every button with an answer plus one message,
each carrying the buttons the benchmark script presses.
"""

from __future__ import annotations

import os

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, ContextTypes, MessageHandler, filters

LABELS = ("No", "70%", "7", "3")
KEYBOARD = InlineKeyboardMarkup(
    [
        [
            InlineKeyboardButton(label, callback_data=f"echo:{index}")
            for index, label in enumerate(LABELS)
        ]
    ]
)


async def echo(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_message is not None and update.effective_message.text:
        await update.effective_message.reply_text(
            update.effective_message.text, reply_markup=KEYBOARD
        )


async def pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    if query is None or update.effective_chat is None:
        return
    await query.answer()
    await context.bot.send_message(
        update.effective_chat.id, query.data or "?", reply_markup=KEYBOARD
    )


def main() -> None:
    application = (
        Application.builder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(os.environ["TELEGRAM_API_BASE_URL"])
        .concurrent_updates(16)
        .build()
    )
    application.add_handler(MessageHandler(filters.TEXT, echo))
    application.add_handler(CallbackQueryHandler(pressed))
    application.run_polling(poll_interval=0.0, timeout=25)


if __name__ == "__main__":
    main()
