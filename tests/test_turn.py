"""The turn as a use case, on stores that misbehave on purpose: no Telegram, no process."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from conversations import Choose, FreeText, Start
from conversations.turn import ATTEMPTS, ProcessSessions, Turn, Unavailable

CHAT = ASKER = 7


class Down(Exception):
    """What the wired database raises when it does not answer."""


@dataclass(frozen=True)
class Stored:
    state: dict[str, Any]
    version: int


class RacingSessions:
    """Another process saves this judge's session ``races`` times just before we do."""

    def __init__(self, races: int, state: dict[str, Any] | None = None):
        self.races = races
        self.stored = Stored(state, 0) if state is not None else None
        self.writes = 0

    async def read(self, chat_id):
        return self.stored

    async def write(self, chat_id, state, read):
        self.writes += 1
        if self.races > 0:
            self.races -= 1
            self.stored = Stored({"lang": "zh", "stack": ["home", "browse"]}, self.writes)
            return False
        self.stored = Stored(state, self.writes)
        return True

    async def forget(self, chat_id):
        return 0


class Drafts:
    def __init__(self):
        self.kept: list[str] = []
        self.dropped: list[str] = []

    async def keep(self, chat_id, text, lang):
        self.kept.append(text)
        return f"draft-{len(self.kept)}"

    async def drop(self, chat_id, draft):
        self.dropped.append(draft)


class BrokenLog:
    async def record_question(self, *args, **kwargs):
        raise Down

    async def record_answer(self, *args, **kwargs):
        raise Down

    async def kept(self, user_id):
        raise Down


async def test_a_turn_that_lost_a_race_is_redone_on_the_newer_state(engine):
    sessions = RacingSessions(races=1, state={"lang": "en", "stack": ["home"]})
    turn = Turn(engine, sessions, None, None, (Down,))
    outcome = await turn.take(CHAT, lambda s: Choose(f"<{s.screen}"), "en")
    # Redone on what the other process saved (Chinese, on the browse screen): Back from there.
    assert outcome.unavailable is None and outcome.lang == "zh"
    assert outcome.session.screen == "home" and sessions.writes == 2


async def test_a_session_that_never_stops_changing_is_unavailable_and_keeps_no_draft(engine):
    from conversations import Engine

    relay_engine = Engine(engine.corpus, engine.ui, engine.trees, relay=True)
    sessions = RacingSessions(races=ATTEMPTS, state={"lang": "en", "stack": ["home", "relay"]})
    drafts = Drafts()
    turn = Turn(relay_engine, sessions, None, None, (Down,), drafts)
    outcome = await turn.take(CHAT, lambda s: FreeText("may I accept this request?"), "en")
    assert outcome.unavailable is not None and outcome.reply is None
    # Every draft kept for a turn that was then redone was withdrawn: none is left behind.
    assert drafts.kept and sorted(drafts.dropped) == sorted(f"draft-{n}" for n in (1,))


async def test_a_first_turn_says_so_and_a_second_does_not(engine):
    turn = Turn(engine, ProcessSessions(), None, None, (Down,))
    first = await turn.take(CHAT, lambda s: Start(s.lang), "zh")
    again = await turn.take(CHAT, lambda s: Choose("browse"), "en")
    assert first.first_time and not again.first_time
    assert again.lang == "zh"  # the judge's session, not the app's language, once there is one


async def test_a_log_that_fails_keeps_nothing_and_the_answer_stands(engine, caplog):
    turn = Turn(engine, ProcessSessions(), BrokenLog(), None, (Down,))
    outcome = await turn.take(CHAT, lambda s: FreeText("a lawyer sent me a friend request"), "en")
    assert outcome.reply is not None and outcome.reply.record is not None
    assert await turn.keep(ASKER, outcome) is None
    assert "question not kept: Down" in caplog.text
    assert "lawyer" not in caplog.text
    with pytest.raises(Unavailable):
        await turn.kept(ASKER)


async def test_the_log_row_and_its_placeholders_speak_the_language_of_the_question(db, engine):
    from storage.questionlog import QuestionLog

    turn = Turn(
        engine, ProcessSessions(), QuestionLog(db, b"turn-test-secret-0123456789abcd"), db, (Down,)
    )
    outcome = await turn.take(CHAT, lambda s: FreeText("李法官 asked me about WeChat"), "en")
    kept = await turn.keep(ASKER, outcome)
    assert kept is not None and kept.lang == "zh"
    assert "李" not in kept.text and "[姓名]" in kept.text  # a Chinese placeholder for zh
    assert await turn.unkeep(ASKER, kept.token) and await turn.kept(ASKER) == []
