"""What Telegram receives: escaped HTML, buttons within 64 bytes, long answers split cleanly."""

from __future__ import annotations

import re
from html import unescape

import pytest

from bot.callbacks import decode, encode, knowledge_version
from bot.render import MAX_MESSAGE, render
from conversations import Block, Option, Reply
from conversations.trees import TREES_DIR
from knowledge.corpus import DATA_DIR

VERSION = "1a2b3c4d"


def test_every_piece_of_text_is_escaped():
    reply = Reply(
        screen="home",
        title="<script>&",
        blocks=(
            Block("text", "a < b & c > d", heading="<h>"),
            Block("guideline", "x</blockquote>"),
        ),
        options=(Option("browse", "<b>not bold</b>"),),
    )
    (part,) = render(reply, VERSION)
    assert "<script>" not in part.html and "&lt;script&gt;&amp;" in part.html
    assert "a &lt; b &amp; c &gt; d" in part.html
    assert part.html.count("</blockquote>") == 1
    assert part.keyboard.inline_keyboard[0][0].text == "<b>not bold</b>"  # buttons are plain text


def test_long_replies_split_at_block_and_sentence_ends_with_balanced_tags():
    sentence = "Judges should take care & think twice before posting. "
    reply = Reply(
        screen="g:1",
        title="Long",
        blocks=tuple(Block("guideline", sentence * 60) for _ in range(4)),
        options=(Option("<g:1", "Back"), Option("~", "Restart")),
    )
    parts = render(reply, VERSION)
    assert len(parts) >= 4
    for part in parts:
        assert len(part.html) <= MAX_MESSAGE
        assert part.html.count("<blockquote>") == part.html.count("</blockquote>")
    assert [p.keyboard is not None for p in parts] == [False] * (len(parts) - 1) + [True]
    text = unescape(re.sub(r"<[^>]+>", "", "".join(p.html for p in parts)))
    assert text.count("think twice") == 240  # nothing lost, nothing doubled


def test_back_and_restart_share_the_last_row():
    reply = Reply(
        "s:x", "T", (), (Option("g:1", "One"), Option("<s:x", "Back"), Option("~", "Restart"))
    )
    rows = render(reply, VERSION)[0].keyboard.inline_keyboard
    assert [[b.text for b in row] for row in rows] == [["One"], ["Back", "Restart"]]


def test_callback_data_round_trip_and_version_rules():
    assert decode(encode(VERSION, "t:friend_request:who:2"), VERSION) == "t:friend_request:who:2"
    assert decode("00000000|t:friend_request:who:2", VERSION) is None  # position-based: stale
    assert decode("00000000|g:30", VERSION) == "g:30"  # named place: still good
    assert decode("no separator", VERSION) is None
    assert decode(None, VERSION) is None
    with pytest.raises(ValueError):
        encode(VERSION, "x" * 60)


def test_every_engine_token_fits_with_the_version(engine):
    version = knowledge_version(DATA_DIR, TREES_DIR)
    assert len(version) == 8
    for tree in engine.trees.trees.values():
        for node_id, node in tree.nodes.items():
            for i in range(len(node.options or ())):
                assert len(encode(version, f"t:{tree.id}:{node_id}:{i}").encode()) <= 64
            assert len(encode(version, f"<t:{tree.id}:{node_id}").encode()) <= 64


def test_a_long_reply_of_emoji_is_split_as_telegram_counts_them():
    # An emoji is one character to Python and two UTF-16 units to Telegram, which counts
    # the latter: a reply of 3,000 emoji per block must still arrive in messages it takes.
    reply = Reply(
        screen="g:1",
        title="Emoji",
        blocks=tuple(Block("text", "😀" * 1500 + "\n" + "😀" * 1500) for _ in range(2)),
    )
    parts = render(reply, VERSION)
    assert len(parts) >= 3
    for part in parts:
        assert len(part.html.encode("utf-16-le")) // 2 <= MAX_MESSAGE
    assert sum(p.html.count("😀") for p in parts) == 6000
