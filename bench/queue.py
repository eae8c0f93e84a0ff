"""Queue operations against hand-written SQL of the same writes, alone and under 8-way contention.

For SQLite (always) and PostgreSQL (when KIOSK_TEST_POSTGRES_URL is set), each figure beside a
floor measured in the same run, interleaved (kiosk, floor, kiosk, floor, ... ``--pairs`` times):
- one process: ``issue_ticket``, ``call_next`` and ``no_show``, each timed per call, against
  the raw SQL of the same write (sequence upsert + insert; the oldest waiting ticket taken in
  one UPDATE; the status set) on the kiosk's write engine (same pool, same settings), each
  its own transaction;
- 8 desks racing: 8 processes calling next and marking no-show until the queue is empty, as
  calls per second against 8 processes doing the same in raw SQL (PostgreSQL: the UPDATE's
  subquery takes ``FOR UPDATE SKIP LOCKED``; SQLite: ``BEGIN IMMEDIATE``, the one writer lock
  SQLite has). Goal: at least 50 % of the floor;
- the 99th percentile of one call-next while 8 desks race, and of one issue while 8 kiosks
  issue at once (issue 11: a desk must never hang on a busy database). Goal: under 1 s;
- tickets called twice by racing desks (must be 0).
Run: .venv/bin/python bench/queue.py [--tickets N] [--pairs P] [--only sqlite|postgresql]
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file is named like the standard library's `queue`: put the repository first and bench/
# last, so `import queue` (used by multiprocessing) finds the real one.
sys.path[0] = str(Path(__file__).resolve().parents[1])
sys.path.append(str(Path(__file__).resolve().parent))

import argparse
import multiprocessing
import os
import tempfile
import time
from collections.abc import Callable
from typing import Any

import harness
from queue_floor import FLOOR_DAY, FloorSql

from kiosk.config import load_config
from kiosk.services import calling
from kiosk.services.context import Actor, AppContext, bootstrap
from kiosk.services.tickets import issue_ticket
from kiosk.storage.engine import open_database

BENCH = "queue"
DESKS = 8
ONE_PROCESS_GOAL = 2.0
RACE_GOAL = 0.5
P99_GOAL_S = 1.0


def write_config(folder: Path, url: str) -> str:
    counters = "".join(f'[[counters]]\nnumber = {n}\nlines = ["A"]\n' for n in range(1, DESKS + 1))
    path = folder / "bench.toml"
    path.write_text(f'[database]\nurl = "{url}"\n[printer]\nkind = "dummy"\n{counters}', "utf-8")
    return str(path)


def p99(values: list[float]) -> float:
    """The nearest-rank 99th percentile."""
    ordered = sorted(values)
    return ordered[max(0, -(-99 * len(ordered) // 100) - 1)]


# -- one process ----------------------------------------------------------------------------------


class OneProcess:
    """Per-call times of the kiosk's use cases and of their raw SQL, in this process."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx, self.floor = ctx, FloorSql(ctx.db.write_engine)
        self.actor = Actor("bench")

    def issue(self, count: int) -> list[float]:
        return [_timed(lambda: issue_ticket(self.ctx, line_code="A")) for _ in range(count)]

    def issue_floor(self, count: int) -> list[float]:
        return [_timed(self.floor.issue) for _ in range(count)]

    def call(self, count: int) -> tuple[list[float], list[float]]:
        calls, no_shows = [], []
        for _ in range(count):
            start = time.perf_counter()
            view = calling.call_next(self.ctx, counter_number=1, actor=self.actor)
            calls.append(time.perf_counter() - start)
            assert view is not None, "the bench issued a ticket for every call"
            start = time.perf_counter()
            calling.no_show(self.ctx, ticket_id=view.id, actor=self.actor)
            no_shows.append(time.perf_counter() - start)
        return calls, no_shows

    def call_floor(self, count: int) -> tuple[list[float], list[float]]:
        calls, no_shows = [], []
        for _ in range(count):
            start = time.perf_counter()
            ticket_id = self.floor.call_next(counter_number=1)
            calls.append(time.perf_counter() - start)
            assert ticket_id is not None
            start = time.perf_counter()
            self.floor.no_show(ticket_id)
            no_shows.append(time.perf_counter() - start)
        return calls, no_shows


def _timed(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def bench_one_process(name: str, ctx: AppContext, count: int, pairs: int) -> None:
    """Issue, call-next and no-show alone, each against its raw SQL, interleaved by chunk."""
    one = OneProcess(ctx)
    times: dict[str, list[float]] = {}
    for _ in range(max(harness.MIN_PAIRS, pairs)):
        times.setdefault("issue", []).extend(one.issue(count))
        times.setdefault("issue floor", []).extend(one.issue_floor(count))
        calls, no_shows = one.call(count)
        times.setdefault("call-next", []).extend(calls)
        times.setdefault("no-show", []).extend(no_shows)
        calls, no_shows = one.call_floor(count)
        times.setdefault("call-next floor", []).extend(calls)
        times.setdefault("no-show floor", []).extend(no_shows)
    for op in ("issue", "call-next", "no-show"):
        mine, floor = harness.Spread.of(times[op]), harness.Spread.of(times[f"{op} floor"])
        ratio = mine.ratio(floor)
        harness.report(
            BENCH,
            f"{name}: {op}, one process",
            f"{harness.spread_text(mine)}; raw SQL {harness.spread_text(floor)}; "
            f"{ratio.median:.1f}x",
            goal=f"<= {ONE_PROCESS_GOAL:g}x raw SQL",
            passed=ratio.median <= ONE_PROCESS_GOAL,
        )


# -- 8 processes ----------------------------------------------------------------------------------


def desk_process(config: str, desk: int, commands: Any, results: Any, barrier: Any) -> None:
    """One desk or kiosk process: runs each command it gets in step with the others."""
    cfg = load_config(config, env={})
    ctx = AppContext(config=cfg, db=open_database(cfg.database_url))
    floor, actor = FloorSql(ctx.db.write_engine), Actor(f"desk {desk}")
    while (command := commands.get()) != "stop":
        kind, count = command
        barrier.wait()
        results.put(_race_part(kind, count, ctx, floor, desk, actor))
    ctx.db.dispose()


def _race_part(
    kind: str, count: int, ctx: AppContext, floor: FloorSql, desk: int, actor: Actor
) -> tuple[list[float], list[int]]:
    """Latencies of one process's calls (or issues) in a race, and the tickets it called."""
    latencies: list[float] = []
    called: list[int] = []
    if kind in ("issue", "issue floor"):
        issue = floor.issue if kind == "issue floor" else lambda: issue_ticket(ctx, line_code="A")
        return [_timed(issue) for _ in range(count)], called
    while True:
        start = time.perf_counter()
        if kind == "call":
            view = calling.call_next(ctx, counter_number=desk, actor=actor)
            ticket_id = view.id if view is not None else None
        else:
            ticket_id = floor.call_next(counter_number=desk)
        if ticket_id is None:
            return latencies, called
        latencies.append(time.perf_counter() - start)
        called.append(ticket_id)
        if kind == "call":
            calling.no_show(ctx, ticket_id=ticket_id, actor=actor)
        else:
            floor.no_show(ticket_id)


class Race:
    """8 long-lived processes (imports paid once) that run each race together."""

    def __init__(self, config: str) -> None:
        mp = multiprocessing.get_context("spawn")
        self.commands = [mp.Queue() for _ in range(DESKS)]
        self.results = mp.Queue()
        self.barrier = mp.Barrier(DESKS + 1)
        self.processes = [
            mp.Process(target=desk_process, args=(config, n + 1, q, self.results, self.barrier))
            for n, q in enumerate(self.commands)
        ]
        for process in self.processes:
            process.start()

    def run(self, kind: str, count: int = 0) -> tuple[float, list[float], list[int]]:
        """Seconds from the start to the last process done; every latency; tickets called."""
        for queue in self.commands:
            queue.put((kind, count))
        self.barrier.wait()
        start = time.perf_counter()
        parts = [self.results.get(timeout=600) for _ in self.processes]
        elapsed = time.perf_counter() - start
        return elapsed, [t for p in parts for t in p[0]], [i for p in parts for i in p[1]]

    def close(self) -> None:
        for queue in self.commands:
            queue.put("stop")
        for process in self.processes:
            process.join(timeout=60)


def bench_race(name: str, config: str, per_process: int, pairs: int) -> None:
    """8 kiosks issuing, then 8 desks emptying the queue; each race beside its raw-SQL race."""
    race = Race(config)
    throughput: dict[str, list[float]] = {"call": [], "call floor": []}
    tails: dict[str, list[float]] = {k: [] for k in ("issue", "issue floor", "call", "call floor")}
    twice = 0
    try:
        for _ in range(max(harness.MIN_PAIRS, pairs)):
            for kind in ("issue", "issue floor"):
                tails[kind].append(p99(race.run(kind, per_process)[1]))
            for kind in ("call", "call floor"):
                elapsed, latencies, called = race.run(kind)
                assert len(called) == DESKS * per_process, (kind, len(called))
                throughput[kind].append(len(called) / elapsed)
                tails[kind].append(p99(latencies))
                twice += len(called) - len(set(called))
    finally:
        race.close()
    report_race(name, throughput, tails, twice)


def report_race(
    name: str, throughput: dict[str, list[float]], tails: dict[str, list[float]], twice: int
) -> None:
    mine, floor = harness.Spread.of(throughput["call"]), harness.Spread.of(throughput["call floor"])
    share = mine.median / floor.median
    harness.report(
        BENCH,
        f"{name}: {DESKS} desks racing, calls/s (P6)",
        f"min {mine.low:.0f}, median {mine.median:.0f}; raw SQL min {floor.low:.0f}, "
        f"median {floor.median:.0f}; {share:.0%} of the floor",
        goal=f">= {RACE_GOAL:.0%} of the floor",
        passed=share >= RACE_GOAL,
    )
    for op, kind in (("call-next", "call"), ("issue", "issue")):
        tail, floor_tail = harness.Spread.of(tails[kind]), harness.Spread.of(tails[f"{kind} floor"])
        harness.report(
            BENCH,
            f"{name}: p99 of one {op} with {DESKS} processes at once",
            f"{harness.spread_text(tail)}; raw SQL {harness.spread_text(floor_tail)}",
            goal=f"< {P99_GOAL_S * 1000:.0f} ms",
            passed=tail.median < P99_GOAL_S,
        )
    harness.report(
        BENCH, f"{name}: tickets called twice by racing desks", str(twice), goal="0",
        passed=twice == 0,
    )  # fmt: skip


def run(name: str, url: str, args: argparse.Namespace, folder: Path) -> None:
    config = write_config(folder, url)
    ctx = bootstrap(load_config(config, env={}))
    print(f"{name}:")
    bench_one_process(name, ctx, args.tickets, args.pairs)
    bench_race(name, config, args.tickets // DESKS or 1, args.pairs)
    ctx.db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=160, help="tickets per round")
    parser.add_argument("--pairs", type=int, default=harness.MIN_PAIRS, help="kiosk/floor pairs")
    parser.add_argument(
        "--only", choices=("sqlite", "postgresql"), help="measure this database only"
    )
    args = parser.parse_args()
    print(f"queue bench (floor day {FLOOR_DAY}):")
    with tempfile.TemporaryDirectory() as tmp:
        if args.only != "postgresql":
            run("SQLite", f"sqlite:///{Path(tmp) / 'bench.sqlite3'}", args, Path(tmp))
        if args.only == "sqlite":
            return
        pg = os.environ.get("KIOSK_TEST_POSTGRES_URL")
        if not pg:
            print("PostgreSQL: skipped (set KIOSK_TEST_POSTGRES_URL)")
            return
        with harness.postgres_schema(pg, "bench_queue") as url:
            run("PostgreSQL", url, args, Path(tmp))


if __name__ == "__main__":
    main()
