"""The soak's figures: what is read from each process, the goals, and the printed table."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

RSS_GROWTH_GOAL = 0.05
# sys.getrefcount(None) moves a little with the objects alive when it is read. A binding that
# drops references to None (PySide6 6.12.0 on 3.11: about -170 per visitor flow) drains it
# until the process aborts with "none_dealloc": that is what fails. A rise is references to
# None that a binding never gives back (6.11.3 on 3.11 does this, most in the desk): None is
# never freed and the count is 64 bits wide, so it is shown, and harmless.
NONE_DRAIN_PER_FLOW = -1.0
NONE_DRAIN_PER_IDLE_MINUTE = -60.0
IMMORTAL_FROM = (3, 12)


@dataclass
class Sample:
    """One reading of one process."""

    flow: int
    none_refs: int
    rss_kb: int
    fds: int
    connections: int
    cpu_s: float
    types: dict[str, int] = field(default_factory=dict)
    # What each open fd is (a file's name, "socket", "pipe", ...), to name what a row grew by.
    fd_kinds: dict[str, int] = field(default_factory=dict)
    unreachable: dict[str, int] = field(default_factory=dict)
    # RSS by part (kB): heap_used, heap_free, sqlite, python (bench/soak_memory.py), files.
    memory: dict[str, int] = field(default_factory=dict)


@dataclass
class ProcessResult:
    """Everything the table says about one process."""

    name: str
    samples: dict[str, Sample] = field(default_factory=dict)  # mark, end, idle_start, idle
    exit_code: int | None = None
    died: str = ""  # what was seen when it died (last lines of its log)
    idle_minutes: float = 0.0


def proc_reading(pid: int, db_path: str | None) -> tuple[int, int, int, float]:
    """RSS in kB, open fds, open handles on the SQLite files, CPU seconds, from /proc."""
    rss_kb = 0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            rss_kb = int(line.split()[1])
    targets = fd_targets(pid)
    handles = sum(t.startswith(str(db_path)) for t in targets) if db_path else 0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    cpu_s = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return rss_kb, len(targets), handles, cpu_s


def rss_file_kb(pid: int) -> int:
    """The file-backed part of RSS: library and font pages the process has touched."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("RssFile:"):
            return int(line.split()[1])
    return 0


def made_of(mark: dict[str, int], end: dict[str, int], rss_growth_kb: int) -> str:
    """What RSS grew by, part by part, in MB; "other" is what no part accounts for."""
    names = (
        ("heap_used", "heap in use"),
        ("sqlite", "of it SQLite"),
        ("sqlite_pages", "of that page cache"),
        ("heap_free", "heap freed, kept"),
        ("python", "Python arenas"),
        ("files", "library pages"),
    )
    grew = {key: end.get(key, 0) - mark.get(key, 0) for key, _ in names}
    inside = ("sqlite", "sqlite_pages")  # parts of "heap in use", not beside it
    other = rss_growth_kb - sum(v for k, v in grew.items() if k not in inside)
    parts = [f"{label} {grew[key] / 1024:+.1f}" for key, label in names]
    return ", ".join([*parts, f"other {other / 1024:+.1f}"]) + " MB"


def fd_targets(pid: int) -> list[str]:
    """What each open fd of a process points at (``socket:[inode]``, a path, ...)."""
    targets = []
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            targets.append(os.readlink(f"/proc/{pid}/fd/{fd}"))
        except OSError:  # closed between listing and reading
            continue
    return targets


def fd_kinds(pid: int) -> dict[str, int]:
    """Open fds by kind: a file by its name, the rest by type (``socket``, ``pipe``, ...)."""
    kinds: dict[str, int] = {}
    for target in fd_targets(pid):
        if target.startswith("anon_inode:"):
            kind = target.removeprefix("anon_inode:").strip("[]")  # eventfd, inotify, ...
        elif target.startswith("/"):
            kind = os.path.basename(target)
        else:
            kind = target.split(":", 1)[0]  # socket, pipe
        kinds[kind] = kinds.get(kind, 0) + 1
    return kinds


def tcp_ports_to(pid: int, remote_port: int) -> list[int]:
    """The local ports of a process's TCP connections to ``remote_port`` (from /proc).

    PostgreSQL's ``pg_stat_activity.client_port`` is that port, so the server's own count of
    a program's connections needs no name the program might set for itself.
    """
    inodes = {t[8:-1] for t in fd_targets(pid) if t.startswith("socket:[")}
    ports = []
    for table in ("tcp", "tcp6"):
        try:
            lines = Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            cols = line.split()
            local, remote, inode = cols[1], cols[2], cols[9]
            if inode in inodes and int(remote.rsplit(":", 1)[1], 16) == remote_port:
                ports.append(int(local.rsplit(":", 1)[1], 16))
    return ports


def grown(before: dict[str, int], after: dict[str, int]) -> str:
    """What a count of fds grew by, e.g. ``+1 soak.sqlite3-wal``."""
    more = [(k, after[k] - before.get(k, 0)) for k in sorted(after) if after[k] > before.get(k, 0)]
    return ", ".join(f"+{n} {k}" for k, n in more)


def top_growers(before: dict[str, int], after: dict[str, int], count: int = 4) -> str:
    """The types whose number of live objects grew most."""
    growth = {name: after.get(name, 0) - before.get(name, 0) for name in after}
    top = sorted(((n, g) for n, g in growth.items() if g > 0), key=lambda x: -x[1])[:count]
    return ", ".join(f"{name} +{grew}" for name, grew in top) or "none"


@dataclass(frozen=True)
class Row:
    """One line of the table: a figure of one process beside its goal."""

    process: str
    figure: str
    value: str
    goal: str = "-"
    ok: bool | None = None  # None: shown for information
    gating: bool = True  # False: printed, but the exit code ignores it (--short)

    @property
    def verdict(self) -> str:
        if self.ok is None:
            return ""
        word = "PASS" if self.ok else "FAIL"
        return word if self.gating else f"{word} (not gating)"


def process_rows(result: ProcessResult, *, short: bool) -> list[Row]:
    """The table rows for one process; with ``short`` only death and None drift gate."""
    name = result.name
    alive = not result.died and result.exit_code == 0
    state = "alive, clean exit (0)" if alive else (result.died or f"exit code {result.exit_code}")
    rows = [Row(name, "alive", state, "alive", alive)]
    mark, end, idle = (result.samples.get(k) for k in ("mark", "end", "idle"))
    if mark is None or end is None:
        return rows
    rows += _none_rows(result, mark, end, idle)
    growth = (end.rss_kb - mark.rss_kb) / mark.rss_kb
    rss = f"{mark.rss_kb / 1024:.1f} -> {end.rss_kb / 1024:.1f} MB ({growth:+.1%})"
    rows.append(
        Row(
            name,
            f"RSS flow {mark.flow} -> {end.flow}",
            rss,
            "<= +5 %",
            growth <= RSS_GROWTH_GOAL,
            not short,
        )
    )
    if mark.memory and end.memory:
        value = made_of(mark.memory, end.memory, end.rss_kb - mark.rss_kb)
        rows.append(Row(name, "RSS growth made of", value))
    last = idle or end
    fds = f"{mark.fds}, {end.fds}, {last.fds}"
    flat = max(end.fds, last.fds) <= mark.fds
    if not flat and mark.fd_kinds and end.fd_kinds and last.fd_kinds:
        # What the end and the idle samples hold beyond the mark, by kind (a pipe, a file).
        samples = {"end": end, "idle": last} if idle is not None else {"end": end}
        extra = {when: grown(mark.fd_kinds, sample.fd_kinds) for when, sample in samples.items()}
        named = "; ".join(f"{when} {what}" for when, what in extra.items() if what)
        fds += f" ({named or 'a file opened and closed'})"
    rows.append(Row(name, "open fds (mark, end, idle)", fds, "flat", flat, not short))
    conns = f"{mark.connections}, {end.connections}, {last.connections}"
    flat = max(end.connections, last.connections) <= mark.connections
    rows.append(Row(name, "db connections (mark, end, idle)", conns, "flat", flat, not short))
    rows.append(Row(name, "CPU time, whole run", f"{last.cpu_s:.0f} s"))
    # Buttons laid out beyond the window or under another widget (issue 9 section 3): the
    # soak taps them directly so it can go on, and says so here.
    count = sum(end.unreachable.values())
    where = "; ".join(f"{k} x{v}" for k, v in sorted(end.unreachable.items())[:3])
    value = f"{count}" + (f" ({where})" if where else "")
    rows.append(Row(name, "taps no finger could reach", value, "0", count == 0, gating=False))
    growers = top_growers(mark.types, end.types) if mark.types and end.types else "-"
    rows.append(Row(name, "top growers (live objects)", growers))
    return rows


def _none_rows(result: ProcessResult, mark: Sample, end: Sample, idle: Sample | None) -> list[Row]:
    immortal = sys.version_info >= IMMORTAL_FROM
    per_flow = (end.none_refs - mark.none_refs) / max(1, end.flow - mark.flow)
    goal = f"0; a drain below {NONE_DRAIN_PER_FLOW:g} fails"
    value = _none_value(per_flow, immortal, digits=3)
    # On 3.12+ None is immortal: abi3 extensions still move its count, but it never reaches 0.
    ok = immortal or per_flow >= NONE_DRAIN_PER_FLOW
    rows = [Row(result.name, "None refs drift per flow", value, goal, ok)]
    quiet = result.samples.get("idle_start")
    if idle is not None and quiet is not None and result.idle_minutes > 0:
        per_min = (idle.none_refs - quiet.none_refs) / result.idle_minutes
        goal = f"0; a drain below {NONE_DRAIN_PER_IDLE_MINUTE:g} fails"
        ok = immortal or per_min >= NONE_DRAIN_PER_IDLE_MINUTE
        value = _none_value(per_min, immortal, digits=1)
        rows.append(Row(result.name, "None refs drift per idle minute", value, goal, ok))
    return rows


def _none_value(drift: float, immortal: bool, *, digits: int) -> str:
    if immortal:
        return f"{drift:+.{digits}f} (None is immortal on this Python)"
    if drift > 1:
        return f"{drift:+.{digits}f} (leaked references to None: harmless)"
    return f"{drift:+.{digits}f}"


def print_table(title: str, results: Iterable[ProcessResult], *, short: bool) -> bool:
    """Print one database's table; True when every gating verdict passes."""
    rows = [row for result in results for row in process_rows(result, short=short)]
    print(f"\n{title}")
    cells = [(r.process, r.figure, r.value, r.goal) for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(4)]
    for row, cell in zip(rows, cells, strict=True):
        print("  " + "  ".join(c.ljust(w) for c, w in zip(cell, widths, strict=True)), row.verdict)
    return all(row.ok is not False for row in rows if row.gating)
