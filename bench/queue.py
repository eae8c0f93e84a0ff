"""Queue throughput against a raw-SQL floor, and duplicates under 8 racing desks.

For SQLite (always) and PostgreSQL (when KIOSK_TEST_POSTGRES_URL is set) it prints:
- ticket issue rate through ``issue_ticket`` vs. a raw DBAPI upsert+insert+commit per ticket;
- call-next rate through ``call_next`` vs. a raw DBAPI "update the oldest waiting" per call;
- tickets called twice when 8 processes call next at once (must be 0).
Run: .venv/bin/python bench/queue.py [--tickets N]
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file is named like the standard library's `queue`: put the repo first on the path, not
# bench/, so `import queue` (used by multiprocessing) finds the real one.
sys.path[0] = str(Path(__file__).resolve().parents[1])

import argparse
import multiprocessing
import os
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable

from sqlalchemy import create_engine, text

from kiosk.config import load_config
from kiosk.services import calling
from kiosk.services.context import Actor, AppContext, bootstrap
from kiosk.services.tickets import issue_ticket
from kiosk.storage.engine import normalise_url, open_database

DESKS = 8


def write_config(folder: Path, url: str) -> str:
    counters = "".join(f'[[counters]]\nnumber = {n}\nlines = ["A"]\n' for n in range(1, DESKS + 1))
    path = folder / "bench.toml"
    path.write_text(f'[database]\nurl = "{url}"\n[printer]\nkind = "dummy"\n{counters}', "utf-8")
    return str(path)


def rate(count: int, func: Callable[[], object]) -> float:
    start = time.perf_counter()
    for _ in range(count):
        func()
    return count / (time.perf_counter() - start)


def raw_floor(ctx: AppContext, count: int) -> tuple[float, float]:
    """The same writes as issue/call, as hand-written SQL on the same engine."""
    engine = ctx.db.engine.execution_options(sqlite_immediate=True)
    with engine.connect() as conn:
        line_id = conn.execute(text("SELECT id FROM line WHERE code = 'A'")).scalar_one()

    def issue() -> None:
        with engine.begin() as conn:
            seq = conn.execute(
                text(
                    "INSERT INTO ticket_sequence (line_id, service_day, last_number)"
                    " VALUES (:l, '2001-01-01', 1) ON CONFLICT (line_id, service_day)"
                    " DO UPDATE SET last_number = ticket_sequence.last_number + 1"
                    " RETURNING last_number"
                ),
                {"l": line_id},
            ).scalar_one()
            conn.execute(
                text(
                    "INSERT INTO ticket (issue_line_id, line_id, service_day, sequence, number,"
                    " status, issued_at, recall_count, print_status)"
                    " VALUES (:l, :l, '2001-01-01', :s, :n, 'waiting', CURRENT_TIMESTAMP, 0, 'x')"
                ),
                {"l": line_id, "s": seq, "n": f"A{seq:03d}"},
            )

    def call() -> None:
        with engine.begin() as conn:
            conn.execute(
                text(
                    "UPDATE ticket SET status = 'called', called_at = CURRENT_TIMESTAMP"
                    " WHERE id = (SELECT id FROM ticket WHERE status = 'waiting'"
                    " AND service_day = '2001-01-01' ORDER BY issued_at, id LIMIT 1)"
                )
            )

    return rate(count, issue), rate(count, call)


def kiosk_rates(ctx: AppContext, count: int) -> tuple[float, float]:
    actor = Actor("bench")
    issue = rate(count, lambda: issue_ticket(ctx, line_code="A"))

    def call_and_clear() -> None:
        view = calling.call_next(ctx, counter_number=1, actor=actor)
        assert view is not None
        calling.no_show(ctx, ticket_id=view.id, actor=actor)

    # call_next + no_show are two user actions; report per call_next by timing both halves.
    start = time.perf_counter()
    for _ in range(count):
        call_and_clear()
    both = time.perf_counter() - start
    return issue, count / (both / 2)


def desk_worker(config: str, counter: int, barrier: object, out: object) -> None:
    cfg = load_config(config, env={})
    ctx = AppContext(config=cfg, db=open_database(cfg.database_url))
    barrier.wait()  # type: ignore[attr-defined]
    called = []
    actor = Actor(f"desk {counter}")
    while (view := calling.call_next(ctx, counter_number=counter, actor=actor)) is not None:
        called.append(view.number)
        calling.no_show(ctx, ticket_id=view.id, actor=actor)
    out.put(called)  # type: ignore[attr-defined]


def duplicates(config: str, ctx: AppContext, count: int) -> tuple[int, int]:
    for _ in range(count):
        issue_ticket(ctx, line_code="A")
    mp = multiprocessing.get_context("spawn")
    barrier, out = mp.Barrier(DESKS), mp.Queue()
    procs = [
        mp.Process(target=desk_worker, args=(config, n, barrier, out)) for n in range(1, DESKS + 1)
    ]
    for p in procs:
        p.start()
    called = [n for _ in procs for n in out.get(timeout=300)]
    for p in procs:
        p.join()
    return sum(c - 1 for c in Counter(called).values() if c > 1), len(called)


def run(name: str, url: str, count: int, folder: Path) -> None:
    config = write_config(folder, url)
    ctx = bootstrap(load_config(config, env={}))
    floor_issue, floor_call = raw_floor(ctx, count)
    issue, call = kiosk_rates(ctx, count)
    dupes, called = duplicates(config, ctx, count)
    print(f"{name}:")
    for label, mine, floor in (("issue", issue, floor_issue), ("call next", call, floor_call)):
        print(
            f"  {label:<10} {mine:8.0f}/s   raw SQL floor {floor:8.0f}/s"
            f"   ratio {floor / mine:5.2f}x slower"
        )
    print(f"  8 desks racing: {called} tickets called, {dupes} called twice (must be 0)")
    ctx.db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run("SQLite", f"sqlite:///{Path(tmp) / 'bench.sqlite3'}", args.tickets, Path(tmp))
        pg = os.environ.get("KIOSK_TEST_POSTGRES_URL")
        if not pg:
            print("PostgreSQL: skipped (set KIOSK_TEST_POSTGRES_URL)")
            return
        schema = f"bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(normalise_url(pg))
        with admin.begin() as conn:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
        try:
            sep = "&" if "?" in pg else "?"
            run("PostgreSQL", f"{pg}{sep}options=-csearch_path%3D{schema}", args.tickets, Path(tmp))
        finally:
            with admin.begin() as conn:
                conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))


if __name__ == "__main__":
    main()
