"""Soak: a kiosk, a signed-in desk and a calling display through thousands of visitor flows.

Each is its own OS process, offscreen, started through the program's real entry point under a
small agent (bench/soak_agent.py; one module per program: soak_kiosk.py, soak_desk.py,
soak_display.py) that takes commands on stdin. One flow: a visitor takes a number at the
kiosk, the desk calls it, marks the visitor arrived and finishes the visit with a volunteer as
second helper and an outcome, the display shows the call (and announces it), the visitor rates
the visit and reads a guide to its last step. Time is simulated: ``--flows-per-day`` flows
between 07:05 and 16:55, then closing time (the kiosk's closing job writes the day's reports),
then the next working day. Every Qt timer (idle reset, live refresh, the closing job, the
printer check, the desk's idle sign-out) runs ``--speed`` times faster.

Per process it prints: alive or not (exit code or signal), sys.getrefcount(None) drift per
flow and per idle minute, RSS after the first day (flow 110) and at the end, and what it grew
by part by part (bench/soak_memory.py), open fds, database connections (SQLite: open handles
on the database files; PostgreSQL: pg_stat_activity), CPU time and the Python object types
that grew most, each beside its goal with PASS/FAIL. Exit
code 1 when a verdict fails; with ``--short`` only a death or a None drain fails (RSS and fds
are still warming up after 300 flows).

Run: .venv/bin/python bench/soak.py [--flows 10000] [--database sqlite|postgres|both]
     .venv/bin/python bench/soak.py --short      (300 flows: what `make test` runs)
PostgreSQL runs when KIOSK_TEST_POSTGRES_URL is set, in a schema of its own, dropped after.
"""

from __future__ import annotations

import sys
from pathlib import Path

# bench/ holds queue.py, which would shadow the standard library's `queue`: repository first.
HERE = str(Path(__file__).resolve().parent)
if HERE in sys.path:
    sys.path.remove(HERE)
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import argparse
import os
import signal
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bench.soak_figures import (
    ProcessResult,
    Sample,
    fd_kinds,
    print_table,
    rss_file_kb,
    tcp_ports_to,
)
from bench.soak_programs import Program, ProgramError, write_screen

POSTGRES_ENV = "KIOSK_TEST_POSTGRES_URL"
TZ = ZoneInfo("Asia/Ho_Chi_Minh")
FIRST_DAY = datetime(2026, 11, 23, tzinfo=TZ)  # a Monday
STAFF_PIN = "2468"
CLOSING_LIMIT_S = 120.0  # a hang detector: at 60x the closing job looks every second
IDLE_SETTLE_S = 20.0  # past the desk's idle sign-out (15 min at 60x: 15 s)
OUTCOMES = ("guided_only", "submitted_online", "vneid_checked", "paid_online")
FULL_FLOWS = 10_000
SHORT_FLOWS = 300
MARK_INTO_DAY_2 = 10
# Every Nth visitor leaves the ticket on screen: the kiosk's idle reset takes them home. Each
# costs the idle allowance (5 s, PATIENCE_MS) of real time, so the 10,000-flow run walks away
# every 50th (200 idle resets, 1,000 s) and the short one every 10th (30 resets).
WALK_AWAY_EVERY = 50
SHORT_WALK_AWAY_EVERY = 10
KINDS = ("kiosk", "desk", "display")
SHORT_HELP = (
    "what `make test` runs: 300 flows over 3 working days (a guide every 10th, a rating every "
    "5th), timers no faster than 100 ms, 15 s idle; only a death or a None drain fails"
)
SCREEN_PX = (1920, 1080)  # the kiosk's touchscreen, a desk's monitor, the TV


@dataclass(frozen=True)
class Setup:
    """One database's run: where it lives, who may sign in, what the processes are told."""

    name: str
    url: str
    sqlite_path: str | None
    folder: Path
    config: Path
    staff_id: int
    volunteer_id: int
    lines: tuple[str, ...]


def flow_time(flow: int, per_day: int) -> datetime:
    """The simulated time of a flow: mornings 07:05-11:25, afternoons 13:35-16:55, Mon-Fri."""
    day, slot = divmod(flow, per_day)
    date = FIRST_DAY + timedelta(days=day // 5 * 7 + day % 5)
    half = max(1, per_day // 2)
    if slot < half:
        minute = 7 * 60 + 5 + slot * 260 // half
    else:
        minute = 13 * 60 + 35 + (slot - half) * 200 // max(1, per_day - half)
    return date + timedelta(minutes=minute)


def closing_time(day_start: datetime) -> datetime:
    """Just after the day's last opening range."""
    return day_start.replace(hour=17, minute=5)


def _write_config(folder: Path, url: str) -> Path:
    path = folder / "config.toml"
    path.write_text(
        f'[database]\nurl = "{url}"\n\n'
        f'[printer]\nkind = "dummy"\nspool_dir = "{folder / "spool"}"\n\n'
        f'[reports]\ndir = "{folder / "reports"}"\n',
        encoding="utf-8",
    )
    return path


def _seed(config: Path, url: str) -> tuple[int, int, tuple[str, ...]]:
    """A staff member with a PIN and a volunteer; the lines counter 1 serves."""
    from kiosk.config import load_config
    from kiosk.services.context import Actor, bootstrap
    from kiosk.services.helpers import add_helper

    ctx = bootstrap(load_config(str(config), env={"KIOSK_DATABASE_URL": url}))
    actor = Actor("soak")
    staff = add_helper(
        ctx, name="Nguyễn Văn An", kind="staff", role="desk_officer", pin=STAFF_PIN, actor=actor
    )
    volunteer = add_helper(
        ctx, name="Trần Thị Bình", kind="volunteer", role="digital_team", actor=actor
    )
    lines = ctx.config.counters[0].lines
    ctx.db.dispose()
    return staff.id, volunteer.id, tuple(lines)


@contextmanager
def database(name: str, folder: Path) -> Iterator[Setup]:
    """A fresh SQLite file or PostgreSQL schema with the helpers the flows need."""
    schema = f"soak_{uuid.uuid4().hex[:10]}"
    admin = None
    if name == "sqlite":
        sqlite_path = str(folder / "soak.sqlite3")
        url = f"sqlite:///{sqlite_path}"
    else:
        from sqlalchemy import create_engine, text

        base = os.environ[POSTGRES_ENV]
        admin = create_engine(base.replace("postgresql://", "postgresql+psycopg://", 1))
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        sep = "&" if "?" in base else "?"
        url, sqlite_path = f"{base}{sep}options=-csearch_path%3D{schema}", None
    config = _write_config(folder, url)
    try:
        staff, volunteer, lines = _seed(config, url)
        yield Setup(name, url, sqlite_path, folder, config, staff, volunteer, lines)
    finally:
        if admin is not None:
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()


class Run:
    """The three processes of one database's soak, the flows, and the readings."""

    def __init__(self, setup: Setup, args: argparse.Namespace) -> None:
        self.setup, self.args = setup, args
        start = flow_time(0, args.flows_per_day).isoformat()
        screen = write_screen(setup.folder / "screen.json", *SCREEN_PX)
        self.programs = {
            kind: Program(
                kind,
                root=ROOT,
                config=setup.config,
                start=start,
                speed=args.speed,
                floor_ms=args.floor_ms,
                env={"KIOSK_DATABASE_URL": setup.url},
                log=setup.folder / f"{kind}.log",
                screen=screen,
            )
            for kind in KINDS
        }
        self.results = {kind: ProcessResult(kind) for kind in KINDS}
        self.failure = ""
        self.done = 0  # flows completed

    def _connections(self, kind: str) -> int:
        """The server's count of a program's connections, found by their client ports.

        Not by ``application_name``: each program names its own connections
        (``kiosk.storage.engine.application_name``), which would override a name in the URL.
        """
        if self.setup.sqlite_path is not None:
            return -1  # counted from the fds instead
        from sqlalchemy import create_engine, make_url, text
        from sqlalchemy.pool import NullPool

        url = os.environ[POSTGRES_ENV].replace("postgresql://", "postgresql+psycopg://", 1)
        ports = tcp_ports_to(self.programs[kind].process.pid, make_url(url).port or 5432)
        if not ports:
            return 0
        engine = create_engine(url, poolclass=NullPool)
        query = text(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE client_port = ANY(:ports) AND backend_type = 'client backend'"
        )
        with engine.connect() as conn:
            count = conn.execute(query, {"ports": ports}).scalar_one()
        engine.dispose()
        return int(count)

    def sample(self, label: str, flow: int, *, objects: bool) -> None:
        """Read every process now (after a full garbage collection in each)."""
        asked = {kind: p.send("stats", objects=objects) for kind, p in self.programs.items()}
        for kind, program in self.programs.items():
            stats = program.wait(asked[kind])
            rss_kb, fds, handles, cpu_s = program.reading(self.setup.sqlite_path)
            connections = handles if self.setup.sqlite_path else self._connections(kind)
            self.results[kind].samples[label] = Sample(
                flow=flow,
                none_refs=stats["none_refs"],
                rss_kb=rss_kb,
                fds=fds,
                connections=connections,
                cpu_s=cpu_s,
                types=stats.get("types", {}),
                unreachable=stats["unreachable_where"],
                fd_kinds=fd_kinds(program.process.pid),
                memory={**stats["memory"], "files": rss_file_kb(program.process.pid)},
            )

    def set_clock(self, when: datetime) -> None:
        """Tell every process the simulated time (answers are awaited: all agree from here)."""
        sent = {kind: p.send("clock", now=when.isoformat()) for kind, p in self.programs.items()}
        for kind, command_id in sent.items():
            self.programs[kind].wait(command_id)

    def flow(self, index: int) -> None:
        """One visitor, kiosk to desk to display and back to the kiosk."""
        kiosk, desk, display = (self.programs[k] for k in KINDS)
        setup = self.setup
        line = setup.lines[index % len(setup.lines)]
        leave = "wait" if index % self.args.walk_away_every == 0 else "done"
        number = kiosk.call("take", line=line, leave=leave)["number"]
        served = desk.send(
            "serve",
            number=number,
            staff_id=setup.staff_id,
            pin=STAFF_PIN,
            volunteer_id=setup.volunteer_id,
            outcome=OUTCOMES[index % len(OUTCOMES)],
        )
        waits = []
        if index % self.args.guide_every == 0:
            waits.append((kiosk, kiosk.send("guide", index=index // self.args.guide_every)))
        desk.wait(served)
        waits.append((display, display.send("called", number=number)))
        if index % self.args.rate_every == 0:
            level = 1 if index // self.args.rate_every % 7 == 0 else 3
            waits.append((kiosk, kiosk.send("rate", number=number, level=level)))
        for program, command_id in waits:
            program.wait(command_id)

    def close_day(self, day_start: datetime) -> None:
        """Closing time: wait for the kiosk's closing job to write the day's reports."""
        self.set_clock(closing_time(day_start))
        day = day_start.date().isoformat()
        reports = [self.setup.folder / "reports" / f"bao-cao-{day}.{ext}" for ext in ("pdf", "csv")]
        deadline = time.monotonic() + CLOSING_LIMIT_S
        while not all(path.exists() for path in reports):
            if time.monotonic() > deadline:
                raise ProgramError(f"kiosk: no closing reports for {day} in {CLOSING_LIMIT_S} s")
            self.programs["kiosk"].call("stats")  # also notices a dead kiosk
            time.sleep(0.05)

    def progress(self, done: int) -> None:
        """One line per simulated day: the RSS trend tells a plateau from a leak."""
        rss = ", ".join(
            f"{kind} {program.reading(None)[0] / 1024:.0f} MB"
            for kind, program in self.programs.items()
        )
        print(f"  {self.setup.name}: {done} flows, RSS {rss}", flush=True)

    def drive(self) -> None:
        """Ready, the flows day by day, the idle phase; failures end it early with a reason."""
        args = self.args
        # After the first day: its closing, the next morning's sign-in and first-use imports.
        mark = min(args.flows_per_day + MARK_INTO_DAY_2, args.flows // 2)
        for program in self.programs.values():
            program.call("ready")
        done = 0
        try:
            for index in range(args.flows):
                when = flow_time(index, args.flows_per_day)
                self.set_clock(when)
                self.flow(index)
                done = self.done = index + 1
                if done == mark:
                    self.sample("mark", done, objects=True)
                if done % args.flows_per_day == 0 or done == args.flows:
                    self.close_day(when)
                    self.progress(done)
        except KeyboardInterrupt:
            # Ctrl+C (or SIGTERM) on a long run: the figures so far, read now, then the table.
            if done >= mark:
                self.sample("end", done, objects=True)
            raise
        self.sample("end", args.flows, objects=True)
        self.set_clock(flow_time(args.flows, args.flows_per_day))
        # Nobody touches anything: the kiosk goes home, the desk signs itself out; then the
        # quiet part of the idle time is measured.
        time.sleep(IDLE_SETTLE_S)
        self.sample("idle_start", args.flows, objects=False)
        time.sleep(args.idle_s)
        self.sample("idle", args.flows, objects=False)
        for result in self.results.values():
            result.idle_minutes = args.idle_s / 60

    def finish(self) -> None:
        """Quit every process (as a user closes it) and record how it ended."""
        for kind, program in self.programs.items():
            result = self.results[kind]
            if program.process.poll() is not None and not result.died:
                result.died = program.death()
            result.exit_code = program.finish()
            if result.exit_code != 0 and not result.died:
                result.died = program.death()


def soak(name: str, args: argparse.Namespace) -> bool:
    """One database's soak and its table; True when every gating verdict passes."""
    with tempfile.TemporaryDirectory(prefix="soak-") as tmp, database(name, Path(tmp)) as setup:
        run = Run(setup, args)
        began = time.monotonic()
        try:
            run.drive()
        except ProgramError as exc:
            run.failure = str(exc)
        except KeyboardInterrupt:
            run.failure = "interrupted (the figures are those read when it was stopped)"
        finally:
            run.finish()
        elapsed = time.monotonic() - began
        days = -(-run.done // args.flows_per_day)
        title = (
            f"{name}: {run.done} flows over {days} working days, timers at {args.speed:g}x, "
            f"{elapsed:.0f} s ({run.done / elapsed:.2f} flows/s), Python "
            f"{sys.version.split()[0]}\n  a guide every {args.guide_every}, a rating every "
            f"{args.rate_every}, a walk-away every {args.walk_away_every} flow(s)"
        )
        if run.failure:
            title += f"\n  STOPPED EARLY: {run.failure}"
        passed = print_table(title, run.results.values(), short=args.short)
        return passed and not run.failure


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flows", type=int, default=FULL_FLOWS, help="visitor flows (10,000)")
    parser.add_argument("--flows-per-day", type=int, default=100, help="flows per working day")
    parser.add_argument("--speed", type=float, default=60.0, help="how much faster timers run")
    parser.add_argument("--floor-ms", type=int, default=20, help="no timer sped up below this")
    parser.add_argument("--idle-s", type=float, default=60.0, help="idle seconds at the end")
    parser.add_argument("--guide-every", type=int, default=1, help="read a guide every N flows")
    parser.add_argument("--rate-every", type=int, default=1, help="rate every N flows")
    parser.add_argument(
        "--walk-away-every",
        type=int,
        default=WALK_AWAY_EVERY,
        help="every Nth visitor leaves the ticket on screen (the kiosk's idle reset)",
    )
    parser.add_argument(
        "--database",
        choices=("sqlite", "postgres", "both"),
        default="both",
        help="both: SQLite, then PostgreSQL (start two runs to have them side by side)",
    )
    parser.add_argument("--short", action="store_true", help=SHORT_HELP)
    args = parser.parse_args()
    if args.short:
        # 300 flows: past the ~280 tickets after which PySide6 6.12.0 on 3.11 aborted a kiosk,
        # and a None drain of ~180 per flow shows from the first day. A flow is serial GUI
        # work (0.4-1.1 s on a 2-core machine), so 1,000 would take 7-18 minutes of `make test`.
        args.flows = SHORT_FLOWS if args.flows == FULL_FLOWS else args.flows
        args.idle_s, args.floor_ms = 15.0, 100
        args.guide_every, args.rate_every = 10, 5
        args.walk_away_every = SHORT_WALK_AWAY_EVERY
    # systemd, timeout and kill stop a run with SIGTERM: the same as Ctrl+C, figures included.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    names = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    if "postgres" in names and not os.environ.get(POSTGRES_ENV):
        print(f"{POSTGRES_ENV} is not set: PostgreSQL skipped")
        names.remove("postgres")
    results = [soak(name, args) for name in names]
    print("\nsoak:", "PASS" if all(results) else "FAIL")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
