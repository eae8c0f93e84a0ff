"""Several years of a busy commune desk, bulk-loaded for bench/summary.py (not via services).

Working days Monday to Saturday going back from ``LAST_DAY``; about 800 tickets a day until the
total is reached: 85 % served (with a visit, 1-2 helpers, 1-2 outcomes, a rating for 40 %),
the rest no-show, not served at closing or cancelled; 40 walk-ins a day at village points or
the desk. SQLite gets executemany batches on one raw connection with syncing off; PostgreSQL
gets COPY.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

VN = ZoneInfo("Asia/Ho_Chi_Minh")
LAST_DAY = date(2026, 11, 20)
TICKETS_PER_DAY = 800
WALK_INS_PER_DAY = 40
HELPERS = 40
BATCH_DAYS = 20
PLACES = [f"Nhà văn hóa thôn {n}" for n in range(1, 6)]
OUTCOMES = ["dossier_received", "submitted_online", "paid_online", "vneid_checked", "guided_only"]
REASONS = ["waiting_time", "attitude", "unclear_guidance", "too_many_papers", "other"]


@dataclass
class Rows:
    """Rows of each table, in insert order, with explicit ids so they link without RETURNING."""

    ticket: list[tuple[Any, ...]] = field(default_factory=list)
    visit: list[tuple[Any, ...]] = field(default_factory=list)
    visit_helper: list[tuple[Any, ...]] = field(default_factory=list)
    visit_outcome: list[tuple[Any, ...]] = field(default_factory=list)
    rating: list[tuple[Any, ...]] = field(default_factory=list)


COLUMNS = {
    "ticket": "id, issue_line_id, line_id, service_day, sequence, number, procedure_id, "
    "priority_group, status, issued_at, called_at, started_at, finished_at, counter_id, "
    "recall_count, closing_reason, print_status",
    "visit": "id, ticket_id, procedure_id, counter_id, channel, place, started_at, ended_at, note",
    "visit_helper": "visit_id, helper_id, part",
    "visit_outcome": "visit_id, outcome",
    "rating": "id, ticket_id, visit_id, level, scale, reason, created_at",
}


def working_days(count_tickets: int) -> list[date]:
    """Enough Monday-Saturday days back from LAST_DAY for ``count_tickets`` tickets."""
    days: list[date] = []
    day = LAST_DAY
    while len(days) * TICKETS_PER_DAY < count_tickets:
        if day.weekday() < 6:
            days.append(day)
        day -= timedelta(days=1)
    return sorted(days)


class Generator:
    """Makes the rows day by day; ids continue across batches."""

    def __init__(self, lines: dict[int, str], procedures: dict[int, list[int]], helpers: list[int]):
        self.rng = random.Random(2026)
        self.lines, self.procedures, self.helpers = lines, procedures, helpers
        self.ticket_id = self.visit_id = self.rating_id = 0

    def local(self, day: date, minute: float) -> datetime:
        return datetime(day.year, day.month, day.day, tzinfo=VN).astimezone(UTC) + timedelta(
            minutes=minute
        )

    def day(self, day: date, tickets: int, rows: Rows) -> None:
        sequences = dict.fromkeys(self.lines, 0)
        issues = sorted(self.rng.uniform(7 * 60, 16 * 60 + 30) for _ in range(tickets))
        for minute in issues:
            line_id = self.rng.choices(
                list(self.lines), weights=[4, 2, 1, 1, 3][: len(self.lines)]
            )[0]
            sequences[line_id] += 1
            self.ticket(day, line_id, sequences[line_id], self.local(day, minute), rows)
        for _ in range(WALK_INS_PER_DAY):
            start = self.local(day, self.rng.uniform(7 * 60, 20 * 60))
            self.visit(
                None, None, None, start, start + timedelta(minutes=self.rng.uniform(5, 40)), rows
            )

    def ticket(self, day: date, line_id: int, seq: int, issued: datetime, rows: Rows) -> None:
        rng = self.rng
        self.ticket_id += 1
        procs = self.procedures.get(line_id) or [None]
        procedure = rng.choice(procs) if rng.random() < 0.8 else None
        priority = "elderly" if rng.random() < 0.15 else None
        status = rng.choices(
            ["done", "no_show", "not_served_at_closing", "cancelled"], [85, 6, 4, 5]
        )[0]
        called = started = finished = None
        counter = rng.randint(1, 3)
        if status in ("done", "no_show"):
            called = issued + timedelta(minutes=rng.expovariate(1 / 15))
        if status == "done":
            started = called + timedelta(minutes=1)  # type: ignore[operator]
            finished = started + timedelta(minutes=rng.uniform(4, 30))
        number = f"{self.lines[line_id]}{seq:03d}"
        rows.ticket.append(
            (self.ticket_id, line_id, line_id, day, seq, number, procedure, priority, status,
             issued, called, started, finished, counter if called else None, 0,
             "Hết giờ làm việc" if status == "not_served_at_closing" else None, "printed")
        )  # fmt: skip
        if status == "done":
            self.visit(self.ticket_id, procedure, counter, started, finished, rows)  # type: ignore[arg-type]

    def visit(
        self, ticket_id: int | None, procedure: int | None, counter: int | None,
        start: datetime, end: datetime, rows: Rows,
    ) -> None:  # fmt: skip
        rng = self.rng
        self.visit_id += 1
        channel, place = "desk", ""
        if ticket_id is None and rng.random() < 0.8:
            channel, place = "village_point", rng.choice(PLACES)
        rows.visit.append(
            (self.visit_id, ticket_id, procedure, counter, channel, place, start, end, "")
        )
        for i, helper in enumerate(rng.sample(self.helpers, rng.choice([1, 1, 1, 2]))):
            rows.visit_helper.append((self.visit_id, helper, "lead" if i == 0 else "support"))
        for outcome in rng.sample(OUTCOMES, rng.choice([1, 1, 2])):
            rows.visit_outcome.append((self.visit_id, outcome))
        if rng.random() < 0.4:
            self.rating_id += 1
            level = rng.choices([3, 2, 1], [60, 30, 10])[0]
            reason = rng.choice(REASONS) if level == 1 else None
            rows.rating.append(
                (
                    self.rating_id,
                    ticket_id,
                    self.visit_id,
                    level,
                    3,
                    reason,
                    end + timedelta(minutes=1),
                )
            )


def batches(gen: Generator, days: list[date], total: int) -> Iterator[Rows]:
    """Rows in batches of BATCH_DAYS days, stopping at exactly ``total`` tickets."""
    left = total
    for start in range(0, len(days), BATCH_DAYS):
        rows = Rows()
        for day in days[start : start + BATCH_DAYS]:
            count = min(left, gen.rng.randint(TICKETS_PER_DAY - 200, TICKETS_PER_DAY + 200))
            if day == days[-1]:
                count = left
            gen.day(day, count, rows)
            left -= count
        yield rows


def sqlite_values(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """Dates and datetimes as SQLAlchemy stores them in SQLite (naive UTC text)."""
    out = []
    for value in row:
        if isinstance(value, datetime):
            out.append(value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f"))
        elif isinstance(value, date):
            out.append(value.isoformat())
        else:
            out.append(value)
    return tuple(out)


def load_sqlite(raw: Any, rows: Rows) -> None:
    """executemany per table on a raw sqlite3 connection."""
    cur = raw.cursor()
    for table, columns in COLUMNS.items():
        data = getattr(rows, table)
        marks = ", ".join("?" * len(columns.split(",")))
        cur.executemany(
            f"INSERT INTO {table} ({columns}) VALUES ({marks})", (sqlite_values(r) for r in data)
        )


def load_postgres(raw: Any, rows: Rows) -> None:
    """COPY per table on a raw psycopg connection."""
    with raw.cursor() as cur:
        for table, columns in COLUMNS.items():
            with cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in getattr(rows, table):
                    copy.write_row(row)
