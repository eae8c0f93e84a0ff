"""A kiosk on PostgreSQL keeps issuing, showing and printing tickets while the server is cut.

Real PostgreSQL behind a TCP proxy: the kiosk holds numbers while online and issues from them
(online, in order), issues two more while every packet is dropped, and the server has them,
with their numbers and issue times, once the link returns.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from kiosk.config import load_config
from kiosk.domain.clock import FixedClock
from kiosk.services.context import AppContext, bootstrap
from kiosk.services.offline_kiosk import BLOCK_SIZE
from kiosk.services.tickets import issue_ticket
from kiosk.storage.models import OfflineTicket, Ticket
from tests.conftest import write_config
from tests.tcp_proxy import TcpProxy
from tests.ui.conftest import Running

pytestmark = pytest.mark.postgres


def _take(kiosk: Running, line: str = "A") -> Any:
    window = kiosk.program.window
    kiosk.tap_take_number()
    assert window.current_screen() is window.choose
    window.choose.line_buttons[line].click()
    kiosk.qtbot.wait_until(lambda: window.current_screen() is window.ticket, timeout=10_000)
    ticket = window.ticket.ticket()
    kiosk.qtbot.wait_until(lambda: window.ticket.print_state() == "printed", timeout=10_000)
    window.ticket.done.click()
    return ticket


def _uploaded(ctx: AppContext) -> dict[str, Ticket]:
    with ctx.db.read() as session:
        stmt = select(Ticket).join(OfflineTicket, OfflineTicket.ticket_id == Ticket.id)
        return {t.number: t for t in session.scalars(stmt)}


def test_a_cut_kiosk_issues_from_its_numbers_and_the_server_gets_them_back(
    tmp_path: Path, postgres_schema_url: str, start_kiosk: Any, clock: FixedClock
) -> None:
    url = make_url(postgres_schema_url)
    direct = bootstrap(
        load_config(str(write_config(tmp_path, url=postgres_schema_url)), env={}), clock=clock
    )
    issue_ticket(direct, line_code="A")
    (tmp_path / "kiosk").mkdir()
    with TcpProxy(url.host or "127.0.0.1", url.port or 5432) as proxy:
        config = load_config(
            str(write_config(tmp_path / "kiosk", url=proxy.url(postgres_schema_url))), env={}
        )
        kiosk = start_kiosk(config)
        offline = kiosk.program.controller.offline
        kiosk.qtbot.wait_until(lambda: offline.available("A"), timeout=15_000)
        online = _take(kiosk)  # from the kiosk's numbers, online: in order, right after A001
        assert (online.number, online.queue_known) == ("A002", True)
        proxy.drop()  # silently: packets vanish, nothing answers
        home = kiosk.home
        kiosk.qtbot.wait_until(lambda: kiosk.program.controller.pause.paused, timeout=10_000)
        assert home.waiting.text() == ""  # no stale count, and no "paused": it still issues
        first = _take(kiosk)
        clock.advance(minutes=3)
        second = _take(kiosk)
        assert [first.number, second.number] == ["A003", "A004"]
        assert not first.queue_known  # nobody knows the queue ahead: the screen says "–"
        assert kiosk.program.window.ticket.facts["ahead"][2].text() == "–"
        assert issue_ticket(direct, line_code="A").number == f"A{BLOCK_SIZE + 2:03d}"
        proxy.restore()
        kiosk.qtbot.wait_until(lambda: len(_uploaded(direct)) == 3, timeout=20_000)
    uploaded = _uploaded(direct)
    assert uploaded["A003"].issued_at == first.issued_at
    assert uploaded["A004"].issued_at == second.issued_at
    direct.db.dispose()
