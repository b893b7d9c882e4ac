"""One judge's updates in order; other judges' never wait behind them."""

from __future__ import annotations

import asyncio
import datetime as dt

from telegram import Chat, Message, Update, User

from bot.processor import PerChatUpdateProcessor


def update(update_id: int, chat_id: int) -> Update:
    chat = Chat(chat_id, Chat.PRIVATE)
    user = User(chat_id, "Judge", False)
    message = Message(update_id, dt.datetime.now(dt.UTC), chat, from_user=user, text="x")
    return Update(update_id, message=message)


async def test_same_chat_in_order_other_chats_alongside():
    processor = PerChatUpdateProcessor(max_concurrent_updates=16)
    events: list[str] = []
    release_first = asyncio.Event()

    async def work(name: str, wait: asyncio.Event | None = None) -> None:
        events.append(f"{name} start")
        if wait is not None:
            await wait.wait()
        events.append(f"{name} end")

    async with processor:
        first = asyncio.create_task(
            processor.process_update(update(1, 10), work("A1", release_first))
        )
        second = asyncio.create_task(processor.process_update(update(2, 10), work("A2")))
        other = asyncio.create_task(processor.process_update(update(3, 20), work("B1")))
        await other  # another judge is not held up by A1
        assert "A2 start" not in events  # the same judge's next update waits its turn
        release_first.set()
        await asyncio.gather(first, second)
    assert events.index("A1 end") < events.index("A2 start")
    assert processor._locks == {}  # no lock left behind for finished chats


async def test_one_judge_flooding_does_not_take_every_slot():
    processor = PerChatUpdateProcessor(max_concurrent_updates=4)
    release = asyncio.Event()
    done: list[str] = []

    async def work(name: str, wait: asyncio.Event | None = None) -> None:
        if wait is not None:
            await wait.wait()
        done.append(name)

    async with processor:
        # Twenty updates from one chat: the first blocks, nineteen queue behind its lock.
        flood = [
            asyncio.create_task(processor.process_update(update(i, 10), work(f"A{i}", release)))
            for i in range(20)
        ]
        await asyncio.sleep(0)
        other = asyncio.create_task(processor.process_update(update(99, 20), work("B")))
        await asyncio.wait_for(other, 5)  # another judge is served while the flood waits
        assert done == ["B"]
        assert processor.running == 1  # only A0 holds a slot
        release.set()
        await asyncio.gather(*flood)
    assert done[1:] == [f"A{i}" for i in range(20)]  # the flood, in arrival order
