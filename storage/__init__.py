"""The storage room: database models, migrations, the anonymiser and the question log."""
