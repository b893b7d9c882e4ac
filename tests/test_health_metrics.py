"""``GET /healthz`` and ``GET /metrics`` on the webhook's port (issue 15, point 2)."""

from __future__ import annotations

import re

from botharness import WebhookBot

JUDGE = 4242715


async def test_healthz_follows_the_database_and_reveals_nothing(fake, tmp_path):
    from postgres import TemporaryDatabase, require_postgres
    from tcpproxy import Proxy

    require_postgres()
    async with TemporaryDatabase() as database:
        proxy = Proxy(5432)
        await proxy.up()
        url = database.url.replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}")
        bot = WebhookBot(fake, url, tmp_path / "bot.log")
        await bot.start()
        try:
            assert await bot.get("/healthz") == (200, "ok\n")
            await proxy.down()
            assert await bot.get("/healthz") == (503, "unavailable\n")
            await proxy.up()
            assert await bot.get("/healthz") == (200, "ok\n")
        finally:
            code = await bot.stop()
            await proxy.down()
    assert code == 0, bot.logs()


async def test_metrics_count_what_happened_and_name_no_one(fake, tmp_path):
    bot = WebhookBot(fake, f"sqlite:///{tmp_path / 'a.db'}", tmp_path / "bot.log")
    await bot.start()
    try:
        assert await bot.deliver({"update_id": 1, **fake.text_update(JUDGE, "/start")}) == 200
        _, home = await fake.wait_for(JUDGE, 2)
        tap = fake.tap_update(JUDGE, home.message_id, home.buttons()[0][1])
        assert await bot.deliver({"update_id": 2, **tap}) == 200
        await fake.wait_for(JUDGE)
        question = fake.text_update(JUDGE, "May I accept a friend request from a lawyer?")
        assert await bot.deliver({"update_id": 3, **question}) == 200
        status, text = await bot.get("/metrics")
    finally:
        assert await bot.stop() == 0, bot.logs()
    assert status == 200

    def value(sample: str) -> float:
        match = re.search(rf"^{re.escape(sample)} (\S+)$", text, re.M)
        assert match, sample
        return float(match.group(1))

    assert value('amicus_updates_total{kind="message"}') == 2
    assert value('amicus_updates_total{kind="callback_query"}') == 1
    assert value("amicus_replies_total") >= 4
    assert value("amicus_turn_seconds_count") == 3
    assert value("amicus_errors_total") == 0
    assert value("amicus_database_unavailable_total") == 0
    assert value("amicus_relay_tickets_open") == 0
    # Labels are kinds only: no chat, user, text or guideline.
    labels = set(re.findall(r"\{(\w+)=", text))
    assert labels <= {"kind", "le"}, labels
    for needle in (str(JUDGE), "judge", "lawyer", "friend"):
        assert needle not in text.lower()
