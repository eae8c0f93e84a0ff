"""PostgreSQL's call-next, no-show and the new ticket's estimate run on psycopg's own connection
(``kiosk.storage.pg_driver``): they must still fail as SQLAlchemy fails, drop a connection whose
link is lost, and give UTC times."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import DBAPIError

from kiosk.domain.clock import FixedClock
from kiosk.domain.enums import PriorityMode, TicketStatus
from kiosk.services import calling, calling_pg, issue_sql
from kiosk.services.context import Actor, AppContext, bootstrap
from kiosk.services.tickets import find_ticket, issue_ticket
from kiosk.storage.engine import is_link_failure
from kiosk.storage.pg_driver import driver_of
from tests.conftest import make_config
from tests.tcp_proxy import TcpProxy

DESK = Actor("Nguyễn Văn An", None)


def _in_zone(url: str, zone: str) -> str:
    # The server sends times in the session's zone; the desk's views must not depend on it.
    return f"{url}%20-ctimezone%3D{zone}"


@contextmanager
def _context(tmp_path: Path, clock: FixedClock, url: str) -> Iterator[AppContext]:
    ctx = bootstrap(make_config(tmp_path, url=url), clock=clock)
    try:
        yield ctx
    finally:
        ctx.db.dispose()


@pytest.fixture
def proxied(
    tmp_path: Path, clock: FixedClock, postgres_schema_url: str
) -> Iterator[tuple[AppContext, TcpProxy]]:
    """A context whose every connection runs through a proxy the test can cut."""
    target = make_url(postgres_schema_url)
    with (
        TcpProxy(target.host or "127.0.0.1", target.port or 5432) as proxy,
        _context(tmp_path, clock, proxy.url(postgres_schema_url)) as ctx,
    ):
        yield ctx, proxy


def test_a_call_on_a_server_in_another_time_zone_gives_utc_times(
    tmp_path: Path, clock: FixedClock, postgres_schema_url: str
) -> None:
    with _context(tmp_path, clock, _in_zone(postgres_schema_url, "Asia/Ho_Chi_Minh")) as ctx:
        issue_ticket(ctx, line_code="A")
        clock.advance(minutes=7)
        view = calling.call_next(ctx, counter_number=1, actor=DESK)
    assert view is not None and view.called_at is not None
    assert view.issued_at.tzinfo is UTC and view.called_at.tzinfo is UTC
    assert view.called_at - view.issued_at == timedelta(minutes=7)
    assert view.called_at == clock.now


def _call(ctx: AppContext) -> str | None:
    view = calling.call_next(ctx, counter_number=1, actor=DESK)
    return view.number if view else None


def _call_across_a_cut(
    ctx: AppContext, proxy: TcpProxy, clock: FixedClock, drivers: list[object]
) -> None:
    """Call next on a connection that was open when the link was cut (its driver kept)."""
    with ctx.db.write_engine.begin() as conn:
        conn.execute(text("SELECT 1"))
        drivers.append(conn.connection.driver_connection)
        proxy.cut()
        calling_pg.call_next(
            conn,
            counter_number=1,
            day=clock.now.date(),
            mode=ctx.config.queue.policy.mode,
            window=ctx.config.queue.policy.priority_per_regular,
            now=clock.now,
            actor_label=DESK.label,
            helper_id=None,
        )


def test_a_call_on_a_cut_link_is_a_link_failure_and_the_next_call_gets_a_new_connection(
    proxied: tuple[AppContext, TcpProxy], clock: FixedClock
) -> None:
    ctx, proxy = proxied
    issue_ticket(ctx, line_code="A")
    issue_ticket(ctx, line_code="A")
    invalidated: list[BaseException | None] = []
    event.listen(ctx.db.write_engine, "invalidate", lambda _c, _r, e: invalidated.append(e))
    drivers: list[object] = []
    with pytest.raises(DBAPIError) as caught:
        _call_across_a_cut(ctx, proxy, clock, drivers)
    assert caught.value.connection_invalidated
    assert is_link_failure(caught.value)
    assert [getattr(driver, "closed", None) for driver in drivers] == [True]
    assert invalidated == [caught.value.orig]  # the pool was told why, at once
    proxy.restore()
    assert _call(ctx) == "A001"  # nothing was called on the cut link


def test_a_ticket_on_a_server_in_another_time_zone_reads_its_line_as_in_utc(
    tmp_path: Path, clock: FixedClock, postgres_schema_url: str
) -> None:
    # Two finished visits of 6 and 10 minutes: the estimate reads them from the server.
    zone = _in_zone(postgres_schema_url, "America/Los_Angeles")
    with _context(tmp_path, clock, zone) as ctx:
        for minutes in (6, 10):
            issue_ticket(ctx, line_code="A")
            called = calling.call_next(ctx, counter_number=1, actor=DESK)
            assert called is not None
            clock.advance(minutes=minutes)
            with ctx.db.write_engine.begin() as conn:
                conn.execute(
                    text("UPDATE ticket SET status = 'done', finished_at = :at WHERE id = :id"),
                    {"at": clock.now, "id": called.id},
                )
        issue_ticket(ctx, line_code="A")
        view = issue_ticket(ctx, line_code="A")
        assert view.people_ahead == 1
        with ctx.db.engine.connect() as conn:
            line = issue_sql.line_now(
                conn,
                line_id=_line_a(conn),
                day=clock.now.date(),
                estimate=issue_sql.Estimate(since=clock.now - timedelta(hours=2), count=5),
            )
        assert sorted(line.recent_minutes) == [6.0, 10.0]
        assert [c.ticket_id for c in line.waiting] == [view.id - 1, view.id]


def test_a_ticket_whose_insert_and_reads_cross_a_cut_link_is_not_committed(
    proxied: tuple[AppContext, TcpProxy], monkeypatch: pytest.MonkeyPatch
) -> None:
    # On PostgreSQL the insert and the estimate's reads go in one pipeline inside the write
    # transaction: a link lost there fails the tap as a link failure and leaves no ticket.
    ctx, proxy = proxied
    take_number = issue_sql.next_number

    def then_cut(conn: Connection, **kw: Any) -> tuple[int, int] | None:
        taken = take_number(conn, **kw)
        proxy.cut()
        return taken

    monkeypatch.setattr(issue_sql, "next_number", then_cut)
    with pytest.raises(DBAPIError) as caught:
        issue_ticket(ctx, line_code="A")
    assert is_link_failure(caught.value)
    monkeypatch.undo()
    proxy.restore()
    view = issue_ticket(ctx, line_code="A")
    assert (view.number, view.people_ahead) == ("A001", 0)  # the lost tap took no number


def test_the_estimate_read_on_a_cut_link_is_a_link_failure(
    proxied: tuple[AppContext, TcpProxy], clock: FixedClock
) -> None:
    ctx, proxy = proxied
    issue_ticket(ctx, line_code="A")
    with pytest.raises(DBAPIError) as caught:
        _read_line_across_a_cut(ctx, proxy, clock)
    assert caught.value.connection_invalidated
    assert is_link_failure(caught.value)
    proxy.restore()
    assert issue_ticket(ctx, line_code="A").people_ahead == 1


def _read_line_across_a_cut(ctx: AppContext, proxy: TcpProxy, clock: FixedClock) -> None:
    with ctx.db.engine.connect() as conn:
        line_id = _line_a(conn)
        proxy.cut()
        estimate = issue_sql.Estimate(since=clock.now, count=5)
        issue_sql.line_now(conn, line_id=line_id, day=clock.now.date(), estimate=estimate)


def _line_a(conn: Connection) -> int:
    return int(conn.execute(text("SELECT id FROM line WHERE code = 'A'")).scalar_one())


def test_a_lock_timeout_is_not_a_link_failure_and_keeps_the_connection(
    postgres_ctx: AppContext, clock: FixedClock
) -> None:
    ticket = issue_ticket(postgres_ctx, line_code="A")
    assert _call(postgres_ctx) == "A001"
    engine = postgres_ctx.db.write_engine
    with engine.connect() as holder, engine.connect() as conn:
        holder.execute(text("SELECT id FROM ticket WHERE id = :id FOR UPDATE"), {"id": ticket.id})
        with conn.begin():
            conn.execute(text("SET LOCAL lock_timeout = '50ms'"))
            with pytest.raises(DBAPIError) as caught:
                calling_pg.move(
                    conn,
                    ticket_id=ticket.id,
                    action="no_show",
                    now=clock.now,
                    actor_label=DESK.label,
                    helper_id=None,
                )
            assert not caught.value.connection_invalidated
            assert not is_link_failure(caught.value)
            assert getattr(caught.value.orig, "sqlstate", None) == "55P03"  # lock_not_available
        assert not conn.invalidated
        assert conn.execute(text("SELECT 1")).scalar() == 1  # the same connection, still good
        holder.rollback()
    assert find_ticket(postgres_ctx, ticket.number).status is TicketStatus.CALLED


def test_every_statement_selects_the_answer_s_fields_in_order(postgres_ctx: AppContext) -> None:
    # ``calling_pg`` reads its rows by position (``ANSWER_FIELDS``), not by the description
    # psycopg would build for every row: a column added or moved in one statement's SELECT
    # must fail here, not put a name where a number belongs.
    ticket = issue_ticket(postgres_ctx, line_code="A")
    statements = {"call": calling_pg._CALL, "call waiting": calling_pg._CALL_WAITING}
    statements.update(calling_pg._MOVES)
    params = {
        **calling_pg.pick_params(
            counter_number=1, day=ticket.service_day, helper_id=None, mode=PriorityMode.RATIO,
            window=3,
        ),
        **calling_pg._write_params(
            TicketStatus.CALLED, now=postgres_ctx.clock(), actor_label=DESK.label, action="x"
        ),
        "ticket_id": ticket.id,
    }  # fmt: skip
    with postgres_ctx.db.write_engine.connect() as conn:
        for name, sql in statements.items():
            with driver_of(conn).cursor() as cursor:
                cursor.execute(sql, params)
                assert cursor.description is not None
                columns = tuple(column.name for column in cursor.description)
            assert columns == calling_pg.ANSWER_FIELDS, name
            conn.rollback()
