"""One day's manager summary against hand-written SQL of the same figures, on 1,000,000 tickets.

For SQLite (always) and PostgreSQL (when KIOSK_TEST_POSTGRES_URL is set) it prints:
- the time of ``build_summary`` for one day (with its comparison day) against hand-written
  aggregate SQL computing the same figures for the same two days on the same engine; the goal
  is a ratio of at most 1.5;
- whether both give the same figures on a sample day;
- the time to build a month's summary and write its PDF, and the month's CSV.
The database is built once (bulk inserts, see summary_data.py) and kept in /tmp/kiosk-bench
(PostgreSQL: schema ``bench_summary``); --rebuild starts again. No assertions.
Run: .venv/bin/python bench/summary.py [--tickets N] [--days K] [--rebuild]
"""

from __future__ import annotations

import sys
from pathlib import Path

# bench/ holds queue.py, which would shadow the standard library's `queue` (psycopg needs it):
# put the repository first and bench/ last.
sys.path.remove(str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.append(str(Path(__file__).resolve().parent))

import argparse
import io
import os
import random
import statistics
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import summary_data as data
from sqlalchemy import Connection, create_engine, text

from kiosk.config import load_config
from kiosk.domain.summary import Period
from kiosk.domain.summary_views import Summary
from kiosk.services.context import AppContext, bootstrap
from kiosk.services.report_records import report_records
from kiosk.services.summary import build_summary, open_weekdays, visit_range
from kiosk.storage.engine import normalise_url
from printing.report_csv import write_records_csv
from printing.report_pdf import write_summary_pdf

FOLDER = Path("/tmp/kiosk-bench")
PG_SCHEMA = "bench_summary"


def context(label: str, url: str) -> AppContext:
    FOLDER.mkdir(exist_ok=True)
    path = FOLDER / f"summary-{label}.toml"
    path.write_text(f'[database]\nurl = "{url}"\n[printer]\nkind = "dummy"\n', "utf-8")
    return bootstrap(load_config(str(path), env={}))


def ticket_count(ctx: AppContext) -> int:
    with ctx.db.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM ticket")).scalar_one())


def seed_helpers(conn: Connection) -> list[int]:
    now = datetime(2022, 1, 1, tzinfo=UTC)
    kinds = ["staff"] * 10 + ["volunteer"] * (data.HELPERS - 10)
    roles = ["desk_officer"] * 10 + ["digital_team"] * 15 + ["teacher"] * (data.HELPERS - 25)
    for n, (kind, role) in enumerate(zip(kinds, roles, strict=True), start=1):
        conn.execute(
            text(
                "INSERT INTO helper (id, name, name_folded, kind, role, affiliation, active, "
                "failed_pin_tries, created_at) VALUES (:id, :name, :name, :kind, :role, '', "
                ":active, 0, :at)"
            ),
            {"id": n, "name": f"Người hỗ trợ {n:02d}", "kind": kind, "role": role, "active": True,
             "at": now if conn.dialect.name != "sqlite" else now.strftime("%Y-%m-%d %H:%M:%S.%f")},
        )  # fmt: skip
    return list(range(1, data.HELPERS + 1))


def build(ctx: AppContext, tickets: int) -> None:
    started = time.perf_counter()
    engine = ctx.db.engine
    with engine.begin() as conn:
        helpers = seed_helpers(conn)
        lines = dict(conn.execute(text("SELECT id, code FROM line ORDER BY sort_order")).all())
        procedures: dict[int, list[int]] = {}
        for proc_id, line_id in conn.execute(text("SELECT id, line_id FROM procedure")):
            procedures.setdefault(line_id, []).append(proc_id)
    gen = data.Generator(lines, procedures, helpers)
    raw = engine.raw_connection()
    try:
        if ctx.db.is_sqlite:
            raw.cursor().execute("PRAGMA synchronous=OFF")
        for rows in data.batches(gen, data.working_days(tickets), tickets):
            (data.load_sqlite if ctx.db.is_sqlite else data.load_postgres)(raw, rows)
        raw.commit()
    finally:
        raw.close()
    if not ctx.db.is_sqlite:
        with engine.begin() as conn:
            for table in ("ticket", "visit", "rating"):
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                  f"(SELECT max(id) FROM {table}))"))  # fmt: skip
            conn.execute(text("ANALYZE"))  # what autovacuum does after a bulk load
    print(f"  built {tickets:,} tickets in {time.perf_counter() - started:.0f} s")


def sqlite_context(tickets: int, rebuild: bool) -> AppContext:
    path = FOLDER / "summary.sqlite3"
    if rebuild:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    ctx = context("sqlite", f"sqlite:///{path}")
    if ticket_count(ctx) != tickets:
        ctx.db.dispose()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        ctx = context("sqlite", f"sqlite:///{path}")
        build(ctx, tickets)
    return ctx


def postgres_context(url: str, tickets: int, rebuild: bool) -> AppContext:
    admin = create_engine(normalise_url(url))
    with admin.begin() as conn:
        if rebuild:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {PG_SCHEMA} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA IF NOT EXISTS {PG_SCHEMA}"))
    sep = "&" if "?" in url else "?"
    schema_url = f"{url}{sep}options=-csearch_path%3D{PG_SCHEMA}"
    ctx = context("postgres", schema_url)
    if ticket_count(ctx) != tickets:
        ctx.db.dispose()
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {PG_SCHEMA} CASCADE"))
            conn.execute(text(f"CREATE SCHEMA {PG_SCHEMA}"))
        ctx = context("postgres", schema_url)
        build(ctx, tickets)
    admin.dispose()
    return ctx


def hand_queries(sqlite: bool) -> dict[str, str]:
    """The summary's figures for one period as aggregate SQL, written by hand."""

    def minutes(a: str, b: str) -> str:
        if sqlite:
            return f"(julianday({b}) - julianday({a})) * 1440"
        return f"extract(epoch from ({b} - {a})) / 60"

    hour = (
        "CAST(strftime('%H', issued_at, '+7 hours') AS INTEGER)"
        if sqlite
        else "extract(hour from issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh')"
    )
    days = "service_day >= :first AND service_day <= :last"
    visits = "v.started_at >= :start AND v.started_at < :end"
    # Without ANALYZE statistics SQLite would pick the status index over the day range.
    ticket = "ticket INDEXED BY ix_ticket_day" if sqlite else "ticket"
    done = f"FROM {ticket} WHERE {days} AND status = 'done'"
    wait, service = minutes("issued_at", "called_at"), minutes("started_at", "finished_at")
    ranked = "SELECT m, row_number() OVER (ORDER BY m) AS rn, count(*) OVER () AS n"
    if sqlite:
        times = f"""
            WITH w AS (SELECT {wait} AS m {done}), s AS (SELECT {service} AS m {done}),
                 wr AS ({ranked} FROM w), sr AS ({ranked} FROM s)
            SELECT (SELECT avg(m) FROM wr WHERE rn IN ((n + 1) / 2, (n + 2) / 2)),
                   (SELECT m FROM wr WHERE rn = (9 * n + 9) / 10),
                   (SELECT avg(m) FROM sr WHERE rn IN ((n + 1) / 2, (n + 2) / 2))"""
    else:
        times = f"""
            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY {wait}),
                   percentile_disc(0.9) WITHIN GROUP (ORDER BY {wait}),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY {service})
            {done}"""
    vm = minutes("v.started_at", "v.ended_at")
    group = "CASE WHEN h.kind = 'staff' THEN 's' WHEN h.role = 'digital_team' THEN 'd' ELSE 'o' END"
    return {
        "labels": "SELECT (SELECT count(*) FROM line) + (SELECT count(*) FROM procedure) "
        "+ (SELECT count(*) FROM helper)",
        "statuses": f"SELECT line_id, procedure_id, status, count(*) FROM ticket WHERE {days} "
        "GROUP BY line_id, procedure_id, status",
        "priority": f"SELECT priority_group, count(*) {done} AND priority_group IS NOT NULL "
        "GROUP BY priority_group",
        "times": times,
        "hourly": f"SELECT {hour}, count(*) FROM ticket WHERE {days} GROUP BY 1",
        "places": "SELECT CASE WHEN v.ticket_id IS NOT NULL THEN NULL WHEN v.channel = "
        "'village_point' THEN v.place ELSE '' END, count(*) "
        f"FROM visit v WHERE {visits} GROUP BY 1",
        "helpers": f"SELECT vh.helper_id, count(*), sum({vm}) FROM visit v JOIN visit_helper vh "
        f"ON vh.visit_id = v.id WHERE {visits} GROUP BY vh.helper_id",
        "groups": f"SELECT g, count(*), sum(m) FROM (SELECT DISTINCT v.id, {group} AS g, {vm} AS m "
        "FROM visit v JOIN visit_helper vh ON vh.visit_id = v.id JOIN helper h ON h.id = "
        f"vh.helper_id WHERE {visits}) AS x GROUP BY g",
        "outcomes": "SELECT vo.outcome, count(*) FROM visit v JOIN visit_outcome vo ON "
        f"vo.visit_id = v.id WHERE {visits} GROUP BY vo.outcome",
        "ratings": "SELECT scale, level, reason, count(*) FROM rating WHERE created_at >= :start "
        "AND created_at < :end GROUP BY scale, level, reason",
    }


def hand_params(ctx: AppContext, period: Period) -> dict[str, Any]:
    start, end = visit_range(period, ctx.tz)
    if ctx.db.is_sqlite:  # the text SQLAlchemy stores: naive UTC
        fmt = "%Y-%m-%d %H:%M:%S.%f"
        return {"first": period.first.isoformat(), "last": period.last.isoformat(),
                "start": start.strftime(fmt), "end": end.strftime(fmt)}  # fmt: skip
    return {"first": period.first, "last": period.last, "start": start, "end": end}


def run_hand(ctx: AppContext, queries: dict[str, str], periods: list[Period]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with ctx.db.engine.connect() as conn:
        for i, period in enumerate(periods):
            params = hand_params(ctx, period)
            for name, sql in queries.items():
                out[f"{name}{i}"] = conn.execute(text(sql), params).all()
    return out


def agree(summary: Summary, hand: dict[str, Any]) -> list[str]:
    """Figures that differ between the summary and the hand SQL (for the first period)."""
    wait_median, wait_p90, service_median = hand["times0"][0]
    pairs = {
        "issued": (summary.tickets.totals.issued.current, sum(r[3] for r in hand["statuses0"])),
        "wait median": (summary.tickets.wait_median_min.current, wait_median),
        "wait p90": (summary.tickets.wait_p90_min.current, wait_p90),
        "service median": (summary.tickets.service_median_min.current, service_median),
        "visits": (summary.visits.visits.current, sum(r[1] for r in hand["places0"])),
        "helper minutes": (
            sum(r.minutes.current or 0 for r in summary.visits.helpers),
            sum(float(r[2]) for r in hand["helpers0"]),
        ),
        "ratings": (summary.ratings.count.current, sum(r[3] for r in hand["ratings0"])),
    }
    return [
        f"{name}: {a} vs {b}"
        for name, (a, b) in pairs.items()
        if a is None or b is None or abs(float(a) - float(b)) > 0.01
    ]


def timed(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def best_of(repeats: int, func: Callable[[], object]) -> float:
    """The fastest of ``repeats`` runs: other work on the machine only ever adds time."""
    return min(timed(func) for _ in range(repeats))


def bench_day(ctx: AppContext, days: int, repeats: int = 3) -> None:
    queries = hand_queries(ctx.db.is_sqlite)
    weekdays = open_weekdays(ctx.config)
    sample = random.Random(7).sample(data.working_days(ticket_count(ctx))[10:], days + 1)
    mine, floor = [], []
    for n, day in enumerate(sample):
        period = Period.day(day)
        periods = [period, period.previous(weekdays)]
        t_mine = best_of(repeats, lambda: build_summary(ctx, period))  # noqa: B023 - run at once
        t_floor = best_of(repeats, lambda: run_hand(ctx, queries, periods))  # noqa: B023
        if n:  # the first day warms the caches
            mine.append(t_mine)
            floor.append(t_floor)
    day = sample[-1]
    diffs = agree(build_summary(ctx, Period.day(day)), run_hand(ctx, queries, [Period.day(day)]))
    a, b = statistics.median(mine) * 1000, statistics.median(floor) * 1000
    print(f"  one day's summary: {a:.1f} ms; hand-written SQL: {b:.1f} ms; ratio {a / b:.2f} "
          f"(goal <= 1.5; median over {days} days of the best of {repeats} runs)")  # fmt: skip
    print(f"  same figures on {day}: {'yes' if not diffs else 'NO: ' + '; '.join(diffs)}")


def bench_month(ctx: AppContext) -> None:
    month = Period(date(2026, 10, 1), date(2026, 10, 31))
    summary: list[Summary] = []
    t_build = timed(lambda: summary.append(build_summary(ctx, month)))
    t_pdf = timed(lambda: write_summary_pdf(summary[0], io.BytesIO()))
    records: list[Any] = []
    t_records = timed(lambda: records.extend(report_records(ctx, month)))
    t_csv = timed(lambda: write_records_csv(records, io.BytesIO(), ctx.tz))
    print(f"  month {month.label_vi()}: summary {t_build * 1000:.0f} ms, "
          f"PDF {t_pdf * 1000:.0f} ms; CSV of {len(records):,} records: "
          f"read {t_records * 1000:.0f} ms, write {t_csv * 1000:.0f} ms")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--days", type=int, default=25, help="sample days to time")
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    targets: list[tuple[str, Callable[[], AppContext]]] = [
        ("SQLite", lambda: sqlite_context(args.tickets, args.rebuild))
    ]
    url = os.environ.get("KIOSK_TEST_POSTGRES_URL")
    if url:
        targets.append(("PostgreSQL", lambda: postgres_context(url, args.tickets, args.rebuild)))
    else:
        print("KIOSK_TEST_POSTGRES_URL is not set: PostgreSQL skipped")
    for name, make in targets:
        print(f"{name}:")
        ctx = make()
        bench_day(ctx, args.days)
        bench_month(ctx)
        ctx.db.dispose()


if __name__ == "__main__":
    main()
