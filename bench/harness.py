"""What every bench shares: A/B interleaving, goals with PASS or FAIL, and the closing table.

A bench times its subject (A) and its floor (B) alternately, A B A B ..., so whatever else the
machine does hits both sides alike, and reports the minimum and the median of each. Each figure
is printed with its goal and PASS or FAIL; when ``KIOSK_BENCH_RESULTS`` names a file, the
figure is also appended to it as one JSON line, and ``python bench/harness.py FILE`` prints all
of them as one table (``make bench`` does this at the end).

Not a module of the product: nothing under kiosk/, ui/ or printing/ imports it.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

RESULTS_ENV = "KIOSK_BENCH_RESULTS"
MIN_PAIRS = 5


@dataclass(frozen=True, slots=True)
class Spread:
    """The minimum and the median of repeated measurements."""

    low: float
    median: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Spread:
        """The spread of some measurements (at least one)."""
        return cls(min(values), statistics.median(values))

    def ratio(self, floor: Spread) -> Spread:
        """This spread over a floor's, minimum over minimum and median over median."""
        return Spread(self.low / floor.low, self.median / floor.median)


def interleave(
    subject: Callable[[], float], floor: Callable[[], float], pairs: int = MIN_PAIRS
) -> tuple[Spread, Spread]:
    """Run ``subject`` and ``floor`` alternately ``pairs`` times; each returns what it measured.

    Returns:
        The spread of the subject's values and of the floor's.
    """
    mine: list[float] = []
    theirs: list[float] = []
    for _ in range(max(MIN_PAIRS, pairs)):
        mine.append(subject())
        theirs.append(floor())
    return Spread.of(mine), Spread.of(theirs)


def wall(func: Callable[[], object]) -> Callable[[], float]:
    """A measurement: the seconds ``func`` takes by the wall clock."""

    def measure() -> float:
        start = time.perf_counter()
        func()
        return time.perf_counter() - start

    return measure


def cpu(func: Callable[[], object]) -> Callable[[], float]:
    """A measurement: the CPU seconds this process spends in ``func``."""

    def measure() -> float:
        start = time.process_time()
        func()
        return time.process_time() - start

    return measure


@dataclass(frozen=True, slots=True)
class Result:
    """One figure of one bench, with its goal and whether it met it (None: no goal)."""

    bench: str
    figure: str
    value: str
    goal: str
    passed: bool | None

    @property
    def verdict(self) -> str:
        """PASS, FAIL or a dash."""
        return "-" if self.passed is None else "PASS" if self.passed else "FAIL"


def report(
    bench: str, figure: str, value: str, *, goal: str = "", passed: bool | None = None
) -> Result:
    """Print one figure with its goal and verdict, and record it for the closing table."""
    result = Result(bench, figure, value, goal, passed)
    goal_text = f"  goal {goal}" if goal else ""
    print(f"  {figure}: {value}{goal_text}  {result.verdict}", flush=True)
    path = os.environ.get(RESULTS_ENV)
    if path:
        with Path(path).open("a", encoding="utf-8") as out:
            out.write(json.dumps(asdict(result), ensure_ascii=False) + "\n")
    return result


def ms(seconds: float) -> str:
    """Seconds as milliseconds for a report."""
    return f"{seconds * 1000:.1f} ms" if seconds < 0.1 else f"{seconds * 1000:.0f} ms"


def spread_text(spread: Spread, unit: Callable[[float], str] = ms) -> str:
    """``min X, median Y`` in a unit."""
    return f"min {unit(spread.low)}, median {unit(spread.median)}"


@contextmanager
def postgres_schema(url: str, prefix: str) -> Iterator[str]:
    """A schema of its own for one run, dropped afterwards; yields the URL that uses it."""
    from sqlalchemy import create_engine, text

    from kiosk.storage.engine import normalise_url

    schema = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = create_engine(normalise_url(url))
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def table(results: Sequence[Result]) -> str:
    """All figures as one plain-text table."""
    head = ("bench", "figure", "value", "goal", "")
    rows = [head, *((r.bench, r.figure, r.value, r.goal, r.verdict) for r in results)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    failed = sum(r.passed is False for r in results)
    lines.append(f"{len(results)} figures, {failed} below their goal")
    return "\n".join(lines)


def main(argv: Sequence[str]) -> int:
    """``python bench/harness.py FILE``: the table of every figure recorded in FILE."""
    if len(argv) != 1:
        print("usage: python bench/harness.py RESULTS_FILE", file=sys.stderr)
        return 2
    path = Path(argv[0])
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    results = [Result(**json.loads(line)) for line in lines if line.strip()]
    print(table(results) if results else "no bench results recorded")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
