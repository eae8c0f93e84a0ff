"""The floor of bench/summary.py: a summary's figures as aggregate SQL written by hand.

Used two ways: imported by bench/summary.py (the floor of one day's summary, timed in the same
process), and run as its own process (the floor of ``kiosk summary`` for a month, end to end):
    python -P bench/summary_hand.py URL FIRST LAST PREVIOUS_FIRST PREVIOUS_LAST
which starts Python, imports SQLAlchemy, runs the queries for both periods and exits. It
imports nothing of the kiosk, so it costs what any program computing these figures must.
"""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, create_engine, text

VN = ZoneInfo("Asia/Ho_Chi_Minh")
LABELS = frozenset({"lines", "procedures", "helpers"})


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
        # A summary names its rows: the labels are read once for both periods (LABELS).
        "lines": "SELECT id, code, name_vi FROM line ORDER BY sort_order",
        "procedures": "SELECT id, code, name_vi FROM procedure ORDER BY line_id, sort_order",
        "helpers": "SELECT id, name, kind, role FROM helper",
        "statuses": f"SELECT line_id, procedure_id, status, count(*) FROM ticket WHERE {days} "
        "GROUP BY line_id, procedure_id, status",
        "priority": f"SELECT priority_group, count(*) {done} AND priority_group IS NOT NULL "
        "GROUP BY priority_group",
        "times": times,
        "hourly": f"SELECT {hour}, count(*) FROM ticket WHERE {days} GROUP BY 1",
        "places": "SELECT CASE WHEN v.ticket_id IS NOT NULL THEN NULL WHEN v.channel = "
        "'village_point' THEN v.place ELSE '' END, count(*) "
        f"FROM visit v WHERE {visits} GROUP BY 1",
        "work": f"SELECT vh.helper_id, count(*), sum({vm}) FROM visit v JOIN visit_helper vh "
        f"ON vh.visit_id = v.id WHERE {visits} GROUP BY vh.helper_id",
        "groups": f"SELECT g, count(*), sum(m) FROM (SELECT DISTINCT v.id, {group} AS g, {vm} AS m "
        "FROM visit v JOIN visit_helper vh ON vh.visit_id = v.id JOIN helper h ON h.id = "
        f"vh.helper_id WHERE {visits}) AS x GROUP BY g",
        "outcomes": "SELECT vo.outcome, count(*) FROM visit v JOIN visit_outcome vo ON "
        f"vo.visit_id = v.id WHERE {visits} GROUP BY vo.outcome",
        "ratings": "SELECT scale, level, reason, count(*) FROM rating WHERE created_at >= :start "
        "AND created_at < :end GROUP BY scale, level, reason",
    }


def hand_params(sqlite: bool, first: date, last: date) -> dict[str, Any]:
    """Bind values for a period of local days; SQLite gets the naive UTC text SQLAlchemy stores."""
    start = datetime.combine(first, time(), tzinfo=VN).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time(), tzinfo=VN).astimezone(UTC)
    if sqlite:
        fmt = "%Y-%m-%d %H:%M:%S.%f"
        return {"first": first.isoformat(), "last": last.isoformat(),
                "start": start.strftime(fmt), "end": end.strftime(fmt)}  # fmt: skip
    return {"first": first, "last": last, "start": start, "end": end}


def run_hand(conn: Connection, periods: list[tuple[date, date]]) -> dict[str, Any]:
    """Every hand query for each period: ``{name + period index: rows}``."""
    sqlite = conn.dialect.name == "sqlite"
    queries = hand_queries(sqlite)
    out: dict[str, Any] = {}
    for i, (first, last) in enumerate(periods):
        params = hand_params(sqlite, first, last)
        for name, sql in queries.items():
            if i == 0 or name not in LABELS:
                out[f"{name}{i}"] = conn.execute(text(sql), params).all()
    return out


def main(argv: list[str]) -> int:
    """The month floor as a process: URL FIRST LAST PREVIOUS_FIRST PREVIOUS_LAST."""
    url, *days = argv
    first, last, previous_first, previous_last = (date.fromisoformat(d) for d in days)
    engine = create_engine(url)
    with engine.connect() as conn:
        run_hand(conn, [(first, last), (previous_first, previous_last)])
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
