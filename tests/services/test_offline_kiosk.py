"""The kiosk keeps issuing while the server is gone, and the server ends with every such ticket.

Real PostgreSQL behind a TCP proxy that is cut; the upload runs in a real process killed with
``kill -9`` between a ticket's commit on the server and its mark in the journal.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from kiosk.config import load_config
from kiosk.domain.clock import FixedClock, service_day
from kiosk.services import calling
from kiosk.services.context import Actor, AppContext, bootstrap
from kiosk.services.offline_kiosk import (
    BLOCK_SIZE,
    issue_offline,
    reserve_blocks,
    upload_offline_tickets,
)
from kiosk.services.tickets import issue_ticket
from kiosk.storage.engine import is_link_failure
from kiosk.storage.models import OfflineTicket, Ticket
from kiosk.storage.offline_journal import JournalTicket, OfflineJournal
from tests.conftest import make_config, write_config
from tests.tcp_proxy import TcpProxy

OFFLINE_TICKETS = 12
KILL_AFTER_SENT = 4
REPO = Path(__file__).resolve().parents[2]


def _issue_offline(
    ctx: AppContext, journal: OfflineJournal, clock: FixedClock, count: int, line: str = "A"
) -> list[JournalTicket]:
    issued = []
    for _ in range(count):
        clock.advance(minutes=1)
        ticket = issue_offline(journal, config=ctx.config, now=clock(), line_code=line)
        assert ticket is not None
        issued.append(ticket)
    return issued


def _server_tickets(ctx: AppContext) -> list[Ticket]:
    day = service_day(ctx.clock(), ctx.tz)
    with ctx.db.read() as session:
        stmt = select(Ticket).where(Ticket.service_day == day).order_by(Ticket.issued_at)
        return list(session.scalars(stmt))


def test_a_journal_gives_each_number_it_holds_once_across_restarts_then_none(
    sqlite_ctx: AppContext, clock: FixedClock, tmp_path: Path
) -> None:
    path = tmp_path / "journal.sqlite3"
    journal = OfflineJournal(path)
    assert reserve_blocks(sqlite_ctx, journal=journal, size=5) == len(sqlite_ctx.config.lines)
    assert issue_ticket(sqlite_ctx, line_code="A").number == "A006"  # past the block
    first = _issue_offline(sqlite_ctx, journal, clock, 3)
    again = OfflineJournal(path)  # the kiosk restarted
    assert again.kiosk_id == journal.kiosk_id
    rest = _issue_offline(sqlite_ctx, again, clock, 2)
    assert [t.number for t in first + rest] == ["A001", "A002", "A003", "A004", "A005"]
    assert issue_offline(again, config=sqlite_ctx.config, now=clock(), line_code="A") is None
    assert [t.uuid for t in again.pending()] == [t.uuid for t in first + rest]


@pytest.mark.postgres
@pytest.mark.slow
def test_tickets_issued_offline_reach_the_server_once_in_fair_order_despite_kill_9(
    tmp_path: Path, postgres_schema_url: str, clock: FixedClock
) -> None:
    url = make_url(postgres_schema_url)
    direct = bootstrap(make_config(tmp_path, url=postgres_schema_url), clock=clock)
    (tmp_path / "kiosk").mkdir()
    with TcpProxy(url.host or "127.0.0.1", url.port or 5432) as proxy:
        kiosk_config = write_config(tmp_path / "kiosk", url=proxy.url(postgres_schema_url))
        kiosk = bootstrap(load_config(str(kiosk_config), env={}), clock=clock)
        journal = OfflineJournal(tmp_path / "kiosk" / "journal.sqlite3")
        reserve_blocks(kiosk, journal=journal)

        proxy.cut()
        with pytest.raises(OperationalError) as refused:
            issue_ticket(kiosk, line_code="A")
        assert is_link_failure(refused.value)
        offline = _issue_offline(kiosk, journal, clock, OFFLINE_TICKETS // 2)
        clock.advance(seconds=30)
        online = issue_ticket(direct, line_code="A")  # a desk's walk-in meanwhile
        offline += _issue_offline(kiosk, journal, clock, OFFLINE_TICKETS // 2)
        kiosk.db.dispose()

        proxy.restore()
        _upload_killed_after(kiosk_config, journal.path, KILL_AFTER_SENT)
        assert len(journal.pending()) == OFFLINE_TICKETS - KILL_AFTER_SENT + 1
        done = _upload(kiosk_config, journal.path)
        assert done.stdout.strip().endswith(f"done {OFFLINE_TICKETS - KILL_AFTER_SENT + 1}")

    assert journal.pending() == []
    tickets = _server_tickets(direct)
    numbers = Counter(t.number for t in tickets)
    assert numbers == Counter([online.number, *(t.number for t in offline)])  # each once
    by_number = {t.number: t for t in tickets}
    assert all(by_number[t.number].issued_at == t.issued_at for t in offline)
    assert online.number == f"A{BLOCK_SIZE + 1:03d}"
    with direct.db.read() as session:
        assert session.scalar(select(func.count()).select_from(OfflineTicket)) == OFFLINE_TICKETS
    # Desks call by issue time: the walk-in between the two offline halves is called 7th.
    desk = Actor("desk 1")
    called = []
    for _ in tickets:
        ticket = calling.call_next(direct, counter_number=1, actor=desk)
        assert ticket is not None
        called.append(ticket.number)
        calling.no_show(direct, ticket_id=ticket.id, actor=desk)
    expected = [t.number for t in sorted([*offline], key=lambda t: t.issued_at)]
    expected.insert(OFFLINE_TICKETS // 2, online.number)
    assert called == expected
    direct.db.dispose()


def _upload(config: Path, journal: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.services.offline_uploader",
            str(config),
            str(journal),
            "0",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def _upload_killed_after(config: Path, journal: Path, sent: int) -> None:
    """Start an upload and ``kill -9`` it once its ``sent``-th ticket is committed, unmarked."""
    with subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.services.offline_uploader",
            str(config),
            str(journal),
            str(sent),
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    ) as process:
        assert process.stdout is not None
        for _ in range(sent):
            line = process.stdout.readline()
            assert line.startswith("sent "), line
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL


@pytest.mark.postgres
def test_two_kiosks_and_the_desks_never_give_the_same_number(
    tmp_path: Path, postgres_ctx: AppContext, clock: FixedClock
) -> None:
    journals = [OfflineJournal(tmp_path / f"kiosk{n}.sqlite3") for n in (1, 2)]
    online = []
    for _round in range(3):
        for journal in journals:
            reserve_blocks(postgres_ctx, journal=journal, size=4)
            online.append(issue_ticket(postgres_ctx, line_code="A").number)
            _issue_offline(postgres_ctx, journal, clock, 4)  # uses the block up: a new one next
    offline = [t.number for journal in journals for t in journal.pending()]
    assert len(offline) == 2 * 3 * 4
    assert len(set(offline + online)) == len(offline) + len(online)
    for journal in journals:
        upload_offline_tickets(postgres_ctx, journal=journal)
    assert sorted(t.number for t in _server_tickets(postgres_ctx)) == sorted(offline + online)
    clock.advance(days=1)  # a new day: yesterday's numbers are not held any more
    assert all(
        issue_offline(journal, config=postgres_ctx.config, now=clock(), line_code="A") is None
        for journal in journals
    )
