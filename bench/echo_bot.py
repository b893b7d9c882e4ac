"""The baseline for bot_bench.py: a bare python-telegram-bot echo bot with one button.

Same library, same fake server, no Amicus: what python-telegram-bot itself costs per update.
"""

import os

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ApplicationBuilder, CallbackQueryHandler, MessageHandler, filters

BUTTON = InlineKeyboardMarkup([[InlineKeyboardButton("next", callback_data="next")]])


async def echo(update: Update, context) -> None:
    await update.effective_message.reply_text(update.effective_message.text, reply_markup=BUTTON)


async def tap(update: Update, context) -> None:
    query = update.callback_query
    await query.answer()
    await query.message.edit_text("tapped", reply_markup=BUTTON)


def main() -> None:
    builder = (
        ApplicationBuilder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(os.environ["AMICUS_TELEGRAM_BASE_URL"])
        .concurrent_updates(256)
    )
    if os.environ.get("ECHO_HTTP") == "aiohttp":  # the same HTTP transport as Amicus
        from bot.http import AiohttpRequest

        builder = builder.request(AiohttpRequest()).get_updates_request(
            AiohttpRequest(connections=1, read_timeout=30.0)
        )
    app = builder.build()
    app.add_handler(MessageHandler(filters.TEXT, echo))
    app.add_handler(CallbackQueryHandler(tap))
    app.run_polling(allowed_updates=Update.ALL_TYPES)


if __name__ == "__main__":
    main()
