"""A kiosk process killed (kill -9) while it issues tickets leaves whole tickets only.

The tap's statements run on sqlite3's own connection inside SQLAlchemy's transaction
(``kiosk.services.issue_sql``): the number, the ticket and its audit entry must still commit
together or not at all, and every number the process had shown must be on disk.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections import defaultdict
from contextlib import closing
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.services.context import bootstrap
from kiosk.services.tickets import issue_ticket
from tests.conftest import write_config

pytestmark = pytest.mark.slow

# The child issues on line A and prints each number once issue_ticket has returned (committed).
CHILD = """
import sys
from kiosk.config import load_config
from kiosk.services.context import AppContext
from kiosk.services.tickets import issue_ticket
from kiosk.storage.engine import open_database
config = load_config(sys.argv[1], env={})
ctx = AppContext(config=config, db=open_database(config.database_url))
print("ready", flush=True)
while True:
    print(issue_ticket(ctx, line_code="A").number, flush=True)
"""
ROUNDS = 6


def _issue_then_kill(config_path: str, shown_before_kill: int) -> list[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, config_path], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    try:
        assert child.stdout.readline().strip() == "ready"
        shown = [child.stdout.readline().strip() for _ in range(shown_before_kill)]
        os.kill(child.pid, signal.SIGKILL)  # in the middle of the next ticket's statements
    finally:
        child.wait(timeout=30)
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    return shown


def test_a_kiosk_killed_while_issuing_leaves_whole_tickets_and_every_shown_number(
    tmp_path: Path,
) -> None:
    path = write_config(tmp_path)
    config = load_config(str(path), env={})
    bootstrap(config).db.dispose()  # migrated, with the default lines
    shown = []
    for round_ in range(ROUNDS):
        shown += _issue_then_kill(str(path), shown_before_kill=3 + 4 * round_)

    with closing(sqlite3.connect(tmp_path / "kiosk.sqlite3")) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        tickets = db.execute(
            "SELECT t.id, t.number, t.sequence, t.service_day FROM ticket t"
            " JOIN line l ON l.id = t.line_id WHERE l.code = 'A'"
        ).fetchall()
        issued = dict(
            db.execute(
                "SELECT entity_id, count(*) FROM audit_entry"
                " WHERE action = 'issue' AND entity = 'ticket' GROUP BY entity_id"
            ).fetchall()
        )
        last = dict(
            db.execute(
                "SELECT s.service_day, s.last_number FROM ticket_sequence s"
                " JOIN line l ON l.id = s.line_id WHERE l.code = 'A'"
            ).fetchall()
        )
    assert set(shown) <= {number for _id, number, _seq, _day in tickets}
    assert {ticket_id: issued.get(ticket_id) for ticket_id, *_ in tickets} == {
        ticket_id: 1 for ticket_id, *_ in tickets
    }, "each ticket has its one 'issue' entry, none without its ticket"
    assert set(issued) == {ticket_id for ticket_id, *_ in tickets}
    by_day: dict[str, list[int]] = defaultdict(list)
    for _id, _number, sequence, day in tickets:
        by_day[day].append(sequence)
    for day, sequences in by_day.items():
        assert sorted(sequences) == list(range(1, last[day] + 1)), "no number taken and lost"

    ctx = bootstrap(config)
    try:
        after = issue_ticket(ctx, line_code="A")
    finally:
        ctx.db.dispose()
    assert after.number not in {number for _id, number, _seq, _day in tickets}
