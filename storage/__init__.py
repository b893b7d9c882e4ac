"""The storage room: database models, migrations, the anonymiser and the question log."""

# The embedded default: a SQLite file in the working directory.
DEFAULT_URL = "sqlite:///amicus.db"


def sqlite_file(url: str):
    """The file of a SQLite database URL (a ``pathlib.Path``, perhaps not yet there), or
    None: another database, one in memory, or a ``file:`` URI."""
    from pathlib import Path

    from sqlalchemy.engine import make_url  # here: the redaction worker imports storage too

    parsed = make_url(url)
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or database in (None, "", ":memory:"):
        return None
    return None if database.startswith("file:") else Path(database)
