"""The top room: the command line, the console chat and the Telegram adapter."""
