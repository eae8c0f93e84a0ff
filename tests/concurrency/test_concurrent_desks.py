"""Real OS processes racing on one database: no duplicate numbers, no ticket called twice."""

from __future__ import annotations

import multiprocessing
from collections import Counter
from pathlib import Path

import pytest

from kiosk.services.context import bootstrap
from kiosk.services.tickets import issue_ticket
from tests.concurrency.workers import call_until_empty, issue_and_call, issue_many, run_and_report
from tests.conftest import MONDAY_9AM, write_config

pytestmark = pytest.mark.slow

DESKS = 8
COUNTERS = "".join(f'[[counters]]\nnumber = {n}\nlines = ["A"]\n' for n in range(1, DESKS + 1))


def _prepare(tmp_path: Path, url: str | None) -> str:
    path = write_config(tmp_path, COUNTERS, url=url)
    from kiosk.config import load_config

    ctx = bootstrap(load_config(str(path), env={}))
    ctx.db.dispose()
    return str(path)


def _run(func, args_per_process):  # type: ignore[no-untyped-def]
    """Start one real process per argument tuple; they begin together at a barrier."""
    mp = multiprocessing.get_context("spawn")
    barrier = mp.Barrier(len(args_per_process))
    results = mp.Queue()
    processes = [
        mp.Process(target=run_and_report, args=(func, (*args, barrier), results))
        for args in args_per_process
    ]
    for process in processes:
        process.start()
    collected = [results.get(timeout=120) for _ in processes]
    for process in processes:
        process.join(timeout=30)
        assert process.exitcode == 0
    failures = [r for r in collected if isinstance(r, str)]
    assert failures == []
    return collected


def _issue_race(tmp_path: Path, url: str | None) -> None:
    config = _prepare(tmp_path, url)
    per_process = 40
    results = _run(issue_many, [(config, per_process)] * 4)
    numbers = [n for batch in results for n in batch]
    assert len(numbers) == 4 * per_process
    assert sorted(numbers) == [f"A{i:03d}" for i in range(1, 4 * per_process + 1)]


def _call_race(tmp_path: Path, url: str | None) -> None:
    config = _prepare(tmp_path, url)
    from kiosk.config import load_config

    ctx = bootstrap(load_config(config, env={}))
    total = 120
    for _ in range(total):
        issue_ticket(ctx, line_code="A")
    ctx.db.dispose()
    results = _run(call_until_empty, [(config, desk) for desk in range(1, DESKS + 1)])
    called = [n for batch in results for n in batch]
    duplicates = [n for n, c in Counter(called).items() if c > 1]
    assert duplicates == []
    assert len(called) == total
    assert sum(1 for batch in results if batch) > 1  # the desks really did race


def test_eight_desks_writing_flat_out_on_one_sqlite_file_all_finish_without_an_error(
    tmp_path: Path,
) -> None:
    # Each round is three write transactions; 8 processes keep SQLite's write lock contended
    # the whole time. A "database is locked" in any of them fails the run.
    config = _prepare(tmp_path, None)
    rounds = 25
    results = _run(issue_and_call, [(config, desk, rounds) for desk in range(1, DESKS + 1)])
    issued = [n[1:] for batch in results for n in batch if n.startswith("+")]
    called = [n for batch in results for n in batch if not n.startswith("+")]
    assert sorted(issued) == [f"A{i:03d}" for i in range(1, DESKS * rounds + 1)]
    assert len(called) == len(set(called)) and set(called) <= set(issued)


def test_concurrent_kiosks_on_sqlite_never_duplicate_or_skip_a_number(tmp_path: Path) -> None:
    _issue_race(tmp_path, None)


def test_eight_desks_calling_at_once_on_sqlite_never_get_the_same_ticket(tmp_path: Path) -> None:
    _call_race(tmp_path, None)


def test_concurrent_kiosks_on_postgres_never_duplicate_or_skip_a_number(
    tmp_path: Path, postgres_schema_url: str
) -> None:
    _issue_race(tmp_path, postgres_schema_url)


def test_eight_desks_calling_at_once_on_postgres_never_get_the_same_ticket(
    tmp_path: Path, postgres_schema_url: str
) -> None:
    _call_race(tmp_path, postgres_schema_url)


def test_the_fixed_start_time_is_a_weekday_morning() -> None:
    assert MONDAY_9AM.weekday() == 0
