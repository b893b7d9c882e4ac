"""The storage room: database models, migrations, the anonymiser and the question log."""

# The embedded default: a SQLite file in the working directory.
DEFAULT_URL = "sqlite:///amicus.db"
