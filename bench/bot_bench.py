"""N judges at once through the fake Bot API server: Amicus against a bare echo bot.

Run by hand:  .venv/bin/python bench/bot_bench.py [--judges 200] [--steps 6]
              .venv/bin/python bench/bot_bench.py --replicas [--judges 200]

``--replicas``: webhook mode on one PostgreSQL database (a temporary one on
127.0.0.1:5432), one replica and then two behind a round-robin balancer, throughput
(no reading time): updates/s and p99 for each, and whether every reply came exactly once.

Each judge sends /start, then taps through a walkthrough (friend requests, the longest
path), waiting for each reply before the next tap. Two runs: with reading time between taps
(uniform around --think seconds: latency as judges meet it), and with none (the most updates
per second the bot sustains). Measured on the bot
process: updates per second, reply latency p50/p99 (push of the update to arrival of the
reply at the fake server), CPU seconds per update (from /proc), peak resident memory. The
same load then runs against bench/echo_bot.py for the ratio. Also checks every reply: no
lost, doubled or misrouted message.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))  # fakebot, postgres
sys.path.insert(0, str(REPO))

from botharness import bot_env  # noqa: E402
from fakebot import FakeBotApi  # noqa: E402

PATH = [
    "Walk through a dilemma",
    "Friend and follow requests",
    "Someone sent me a request",
    "A lawyer who may appear before me",
    "Yes, in a current case",
    "Full text of Guideline 30",
]
CLK = os.sysconf("SC_CLK_TCK")
UNLIMITED = {"AMICUS_RATE_LIMIT": "0"}  # the bench is many judges from one machine


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def start_bot(fake: FakeBotApi, command: list[str], db: Path) -> asyncio.subprocess.Process:
    env = {**os.environ, **bot_env(fake, f"sqlite:///{db}", UNLIMITED)}
    process = await asyncio.create_subprocess_exec(
        *command, env=env, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL
    )
    for _ in range(400):  # ready when it polls for updates
        if any(m == "getUpdates" for m, _ in fake.calls):
            return process
        await asyncio.sleep(0.05)
    raise RuntimeError("bot did not start")


async def judge(
    fake: FakeBotApi, chat_id: int, steps: int, echo: bool, latencies: list[float], think: float
):
    rng = random.Random(chat_id)
    await asyncio.sleep(rng.uniform(0, think))  # judges do not all arrive in the same instant
    sent_at = time.perf_counter()
    await fake.push_text(chat_id, "/start" if not echo else "hello")
    replies = await fake.wait_for(chat_id, 1 if echo else 2, timeout=120)
    latencies.append(time.perf_counter() - sent_at)
    message = replies[-1]
    for label in PATH[:steps]:
        await asyncio.sleep(rng.uniform(0.5 * think, 1.5 * think))  # reading, deciding
        data = "next" if echo else message.data_for(label)
        sent_at = time.perf_counter()
        await fake.push_tap(chat_id, message.message_id, data)
        (reply,) = await fake.wait_for(chat_id, 1, timeout=120)
        latencies.append(time.perf_counter() - sent_at)
        if reply.chat_id != chat_id or reply.message_id != message.message_id:
            raise AssertionError(f"misrouted reply for chat {chat_id}")
        message = reply
    return 1 + steps


async def run(
    command: list[str], judges: int, steps: int, echo: bool, think: float = 0.0
) -> dict[str, float]:
    fake = FakeBotApi()
    await fake.start()
    with tempfile.TemporaryDirectory() as tmp:
        process = await start_bot(fake, command, Path(tmp) / "bench.db")
        cpu0 = cpu_seconds(process.pid)
        sim0 = time.process_time()
        latencies: list[float] = []
        t0 = time.perf_counter()
        counts = await asyncio.gather(
            *(judge(fake, 7_000_000 + i, steps, echo, latencies, think) for i in range(judges))
        )
        wall = time.perf_counter() - t0
        cpu = cpu_seconds(process.pid) - cpu0
        sim = time.process_time() - sim0
        peak = peak_rss_mb(process.pid)
        await asyncio.sleep(0.5)  # anything late would be a doubled reply
        expected = sum(counts) + (0 if echo else judges)  # + the first-time privacy notices
        process.send_signal(signal.SIGTERM)
        await process.wait()
    await fake.stop()
    return figures(sum(counts), wall, latencies, cpu, sim, peak, len(fake.sent) == expected)


def figures(
    updates: int,
    wall: float,
    latencies: list[float],
    cpu: float,
    sim: float,
    peak: float,
    exact: bool,
) -> dict[str, float]:
    """One run's figures, as `show` prints them, whichever way the bot was driven."""
    latencies = sorted(latencies)
    return {
        "updates": updates,
        "wall": wall,
        "ups": updates / wall,
        "p50": latencies[len(latencies) // 2] * 1000,
        "p99": latencies[int(len(latencies) * 0.99)] * 1000,
        "cpu_per_update_ms": cpu / updates * 1000,
        "peak_mb": peak,
        "replies_ok": exact,
        "bot_cpu_share": cpu / wall,
        "sim_cpu_share": sim / wall,
    }


def show(name: str, r: dict[str, float]) -> None:
    print(
        f"{name:7} updates {r['updates']:5.0f}  {r['ups']:6.1f} updates/s  "
        f"p50 {r['p50']:6.1f} ms  p99 {r['p99']:6.1f} ms  "
        f"CPU {r['cpu_per_update_ms']:.2f} ms/update  peak {r['peak_mb']:.0f} MB  "
        f"replies exact: {r['replies_ok']}  "
        f"(busy: bot {r['bot_cpu_share']:.0%}, simulator {r['sim_cpu_share']:.0%} of a core)"
    )


class Replicas:
    """N ``amicus run --webhook`` processes, fed round robin as a load balancer would."""

    def __init__(self, fake: FakeBotApi, url: str, count: int):
        self.fake, self.url, self.count = fake, url, count
        self.processes: list[asyncio.subprocess.Process] = []
        self.ports: list[int] = []
        self.ids = iter(range(1, 10**9))
        self.http = None

    async def start(self) -> None:
        import socket

        import aiohttp

        for _ in range(self.count):
            with socket.socket() as s:
                s.bind(("127.0.0.1", 0))
                port = s.getsockname()[1]
            env = {**os.environ, **bot_env(self.fake, self.url, UNLIMITED)}
            hook = f"http://127.0.0.1:{port}/hook"
            self.processes.append(
                await asyncio.create_subprocess_exec(
                    sys.executable,
                    "-m",
                    "bot",
                    "run",
                    "--webhook",
                    hook,
                    "--port",
                    str(port),
                    env=env,
                    stdout=asyncio.subprocess.DEVNULL,
                    stderr=asyncio.subprocess.DEVNULL,
                )
            )
            self.ports.append(port)
        # As Telegram: at most 40 connections to a webhook (setWebhook max_connections).
        self.http = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit_per_host=40))
        for port in self.ports:
            for _ in range(400):
                try:
                    async with self.http.get(f"http://127.0.0.1:{port}/healthz") as r:
                        if r.status == 200:
                            break
                except aiohttp.ClientError:
                    pass
                await asyncio.sleep(0.05)
            else:
                raise RuntimeError("replica did not start")
        self.secret = [p for m, p in self.fake.calls if m == "setWebhook"][-1]["secret_token"]

    async def send(self, update: dict) -> None:
        update_id = next(self.ids)
        port = self.ports[update_id % self.count]
        headers = {"X-Telegram-Bot-Api-Secret-Token": self.secret}
        async with self.http.post(
            f"http://127.0.0.1:{port}/hook",
            json={"update_id": update_id, **update},
            headers=headers,
        ) as response:
            assert response.status == 200, response.status

    async def stop(self) -> float:
        cpu = sum(cpu_seconds(p.pid) for p in self.processes)
        for process in self.processes:
            process.send_signal(signal.SIGTERM)
        for process in self.processes:
            await process.wait()
        await self.http.close()
        return cpu


async def webhook_judge(
    fake: FakeBotApi,
    lb: Replicas,
    chat_id: int,
    steps: int,
    latencies: list[float],
    starts: list[float],
) -> int:
    sent_at = time.perf_counter()
    await lb.send(fake.text_update(chat_id, "/start"))
    replies = await fake.wait_for(chat_id, 2, timeout=120)
    latencies.append(time.perf_counter() - sent_at)
    starts.append(latencies[-1])
    message = replies[-1]
    for label in PATH[:steps]:
        sent_at = time.perf_counter()
        await lb.send(fake.tap_update(chat_id, message.message_id, message.data_for(label)))
        (reply,) = await fake.wait_for(chat_id, 1, timeout=120)
        latencies.append(time.perf_counter() - sent_at)
        message = reply
    return 1 + steps


async def run_replicas(count: int, judges: int, steps: int) -> dict[str, float]:
    from postgres import TemporaryDatabase

    fake = FakeBotApi()
    await fake.start()
    async with TemporaryDatabase() as database:
        lb = Replicas(fake, database.url, count)
        await lb.start()
        cpu0 = sum(cpu_seconds(p.pid) for p in lb.processes)
        sim0 = time.process_time()
        latencies: list[float] = []
        starts: list[float] = []  # all 200 /start at once: a queue, reported apart
        t0 = time.perf_counter()
        counts = await asyncio.gather(
            *(
                webhook_judge(fake, lb, 7_000_000 + i, steps, latencies, starts)
                for i in range(judges)
            )
        )
        wall = time.perf_counter() - t0
        sim = time.process_time() - sim0
        await asyncio.sleep(0.5)
        cpu = await lb.stop() - cpu0
    await fake.stop()
    updates = sum(counts)
    taps = sorted(set(latencies) - set(starts))
    latencies.sort()
    starts.sort()
    print(
        f"   ({count} repl.) taps only: p50 {taps[len(taps) // 2] * 1000:.0f} ms, "
        f"p99 {taps[int(len(taps) * 0.99)] * 1000:.0f} ms; the {judges} /start at once: "
        f"p50 {starts[len(starts) // 2] * 1000:.0f} ms, max {starts[-1] * 1000:.0f} ms"
    )
    exact = len(fake.sent) == updates + judges
    return figures(updates, wall, latencies, cpu, sim, float("nan"), exact)


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--judges", type=int, default=200)
    parser.add_argument("--steps", type=int, default=6)
    parser.add_argument(
        "--think",
        type=float,
        default=2.0,
        help="mean seconds a judge reads before the next tap (latency run)",
    )
    parser.add_argument(
        "--replicas", action="store_true", help="webhook replicas on PostgreSQL: 1 vs 2"
    )
    args = parser.parse_args()
    if args.replicas:
        print(f"-- webhook on one PostgreSQL database, {args.judges} judges, no reading time")
        for count in (1, 2):
            show(f"{count} repl.", await run_replicas(count, args.judges, args.steps))
        return
    amicus = [sys.executable, "-m", "bot", "run"]
    echo = [sys.executable, str(REPO / "bench" / "echo_bot.py")]
    print("-- latency: judges read for a while between taps (as people do)")
    show("1 judge", await run(amicus, 1, args.steps, echo=False, think=0.2))
    show("amicus", await run(amicus, args.judges, args.steps, echo=False, think=args.think))
    print("-- throughput: every judge taps again the moment a reply arrives")
    crowd = await run(amicus, args.judges, args.steps, echo=False)
    show("amicus", crowd)
    base = await run(echo, args.judges, args.steps, echo=True)
    show("echo", base)
    os.environ["ECHO_HTTP"] = "aiohttp"
    same_http = await run(echo, args.judges, args.steps, echo=True)
    show("echo/aiohttp", same_http)
    for name, other in (
        ("echo (httpx, the library's default)", base),
        ("echo on Amicus's aiohttp transport", same_http),
    ):
        ratio = crowd["cpu_per_update_ms"] / other["cpu_per_update_ms"]
        print(f"CPU per update, Amicus / {name}: {ratio:.2f}x")


if __name__ == "__main__":
    asyncio.run(main())
