"""The offline-kiosk rows of ``bench/faults.py``: a cut server, tickets issued, kill -9 upload.

A kiosk on PostgreSQL (``KIOSK_TEST_POSTGRES_URL``, a throwaway schema) behind a TCP proxy
takes its numbers while online; the proxy cuts the link (reset) or drops every packet; the
kiosk issues ``--offline`` tickets from its journal while a desk keeps issuing on the server;
after the link returns, a real uploader process is killed with ``kill -9`` half-way (after a
ticket's commit, before its mark in the journal) and started again. Per row: tickets issued
offline, uploaded (on the server by their UUID), numbers given twice on the server, tickets
lost (in the journal, not on the server). Goal: all uploaded, 0 twice, 0 lost.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from kiosk.config import load_config
from kiosk.domain.clock import FixedClock, service_day
from kiosk.services.context import AppContext, bootstrap
from kiosk.services.offline_kiosk import issue_offline, reserve_blocks
from kiosk.services.tickets import issue_ticket
from kiosk.storage.models import OfflineTicket, Ticket
from kiosk.storage.offline_journal import OfflineJournal
from tests.tcp_proxy import TcpProxy

REPO = Path(__file__).resolve().parents[1]
UPLOADER = "tests.services.offline_uploader"


def write_config(folder: Path, url: str) -> Path:
    """A kiosk config on ``url`` with its data (spool, journal) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "config.toml"
    path.write_text(
        f'[database]\nurl = "{url}"\n[printer]\nkind = "dummy"\nspool_dir = "{folder / "spool"}"\n',
        encoding="utf-8",
    )
    return path


def run_offline(
    folder: Path, url: str, *, fault: str, tickets: int, clock: FixedClock
) -> dict[str, int]:
    """One offline run; returns the counts of the row."""
    direct = bootstrap(load_config(str(write_config(folder / "desk", url)), env={}), clock=clock)
    parsed = make_url(url)
    with TcpProxy(parsed.host or "127.0.0.1", parsed.port or 5432) as proxy:
        config = write_config(folder / "kiosk", proxy.url(url))
        kiosk = bootstrap(load_config(str(config), env={}), clock=clock)
        journal = OfflineJournal(folder / "kiosk" / "journal.sqlite3")
        reserve_blocks(kiosk, journal=journal, size=tickets)
        kiosk.db.dispose()
        getattr(proxy, fault)()
        for n in range(tickets):
            clock.advance(seconds=20)
            line = "A" if n % 3 else "B"
            assert issue_offline(journal, config=kiosk.config, now=clock(), line_code=line)
            if n % 5 == 0:
                issue_ticket(direct, line_code=line)  # the desks go on meanwhile
        proxy.restore()
        issued = journal.pending()
        _upload(config, journal.path, stop_at=max(1, tickets // 2))
        _upload(config, journal.path, stop_at=0)
    counts = _counts(direct, {t.uuid for t in issued}, {t.number for t in issued})
    counts["offline"] = len(issued)
    direct.db.dispose()
    return counts


def _counts(ctx: AppContext, uuids: set[str], numbers: set[str]) -> dict[str, int]:
    day = service_day(ctx.clock(), ctx.tz)
    with ctx.db.read() as session:
        on_server = set(session.scalars(select(OfflineTicket.uuid)))
        rows = list(session.scalars(select(Ticket.number).where(Ticket.service_day == day)))
        total = session.scalar(select(func.count()).select_from(OfflineTicket)) or 0
    twice = sum(count - 1 for count in Counter(rows).values() if count > 1)
    return {
        "uploaded": int(total),
        "twice": twice,
        "lost": len(uuids - on_server) + len(numbers - set(rows)),
    }


def _upload(config: Path, journal: Path, *, stop_at: int) -> None:
    """The upload in a process of its own; killed with SIGKILL at its ``stop_at``-th ticket."""
    args = [sys.executable, "-m", UPLOADER, str(config), str(journal), str(stop_at)]
    with subprocess.Popen(args, cwd=REPO, stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None
        if stop_at:
            for _ in range(stop_at):
                if not process.stdout.readline().startswith("sent "):
                    break
            os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=120)
