"""The redaction worker: one JSON-encoded text per line in, its redacted form per line out.

Run by ``guard.Redactor`` as ``python -m storage.redaction.worker``; the first line it writes
says it is ready, so the time budget of a text never includes the start-up. A text the
pipeline fails on comes back as null: refused, like one that takes too long.
"""

from __future__ import annotations

import json
import sys

from .pipeline import prepare, redact


def serve(stdin=sys.stdin, stdout=sys.stdout) -> None:
    prepare()
    stdout.write(json.dumps("ready") + "\n")
    stdout.flush()
    for line in stdin:
        try:
            kept = redact(json.loads(line))
        except Exception:  # never a traceback: it could quote the judge's text
            kept = None  # refused
        stdout.write(json.dumps(kept) + "\n")
        stdout.flush()


if __name__ == "__main__":
    serve()
