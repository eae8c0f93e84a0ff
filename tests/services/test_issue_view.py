"""The ticket a visitor is shown right after issuing agrees with the queue's own read of it.

``issue_ticket`` reads the line after its commit with statements of its own (issue 13, P2);
``find_ticket`` reads the same ticket through ``queue_read``. Both must tell the visitor the
same desks, the same people ahead and the same wait.
"""

from __future__ import annotations

import json
from datetime import UTC

from kiosk.domain.clock import FixedClock
from kiosk.domain.enums import HelperKind, HelperRole, Outcome
from kiosk.domain.visits import HelperCredit
from kiosk.services import calling, desk
from kiosk.services.context import CLI_ACTOR, Actor, AppContext
from kiosk.services.helpers import add_helper
from kiosk.services.tickets import find_ticket, issue_ticket
from kiosk.services.visits import finish_visit


def test_the_issued_ticket_shows_what_the_queue_reads_for_it(
    ctx: AppContext, clock: FixedClock
) -> None:
    clerk = add_helper(
        ctx,
        name="Lê Văn Quầy",
        kind=HelperKind.STAFF,
        role=HelperRole.DESK_OFFICER,
        pin="1357",
        actor=CLI_ACTOR,
    )
    actor = Actor(clerk.name, clerk.id)
    desk.open_counter(ctx, counter_number=2, actor=actor)
    served = issue_ticket(ctx, line_code="A")
    calling.call_next(ctx, counter_number=2, actor=actor)
    clock.advance(minutes=17)
    finish_visit(
        ctx,
        ticket_id=served.id,
        helpers=[HelperCredit(clerk.id)],
        outcomes=[Outcome.GUIDED_ONLY],
        actor=actor,
    )
    for group in (None, "elderly", None):
        issue_ticket(ctx, line_code="A", priority_group=group)

    shown = issue_ticket(ctx, line_code="A", priority_group="elderly")

    again = find_ticket(ctx, shown.number)
    assert shown.counters == again.counters == (1, 2)
    assert (shown.people_ahead, shown.estimated_wait_min) == (
        again.people_ahead,
        again.estimated_wait_min,
    )
    assert shown.people_ahead == 1  # behind the other elderly visitor only
    assert shown.estimated_wait_min > 0
    assert (shown.line_code, shown.line_name, shown.issued_at) == (
        again.line_code,
        again.line_name,
        again.issued_at,
    )


def test_the_taps_rows_on_sqlite_are_stored_as_the_orm_stores_them(
    sqlite_ctx: AppContext, clock: FixedClock
) -> None:
    # The tap and the desk's call write through sqlite3 itself (issue_sql, calling_sql); the
    # counter's opening is written by the ORM beside them.
    ctx = sqlite_ctx
    shown = issue_ticket(ctx, line_code="A")
    desk.open_counter(ctx, counter_number=1, actor=CLI_ACTOR)
    called_view = calling.call_next(ctx, counter_number=1, actor=CLI_ACTOR)
    with ctx.db.engine.connect() as conn:
        driver = conn.connection.driver_connection
        issued, called, day = driver.execute(
            "SELECT issued_at, called_at, service_day FROM ticket WHERE id = ?", (shown.id,)
        ).fetchone()
        logged = [
            at
            for (at,) in driver.execute(
                "SELECT at FROM audit_entry WHERE entity = 'ticket' AND entity_id = ? ORDER BY id",
                (shown.id,),
            )
        ]
        (opened,) = driver.execute("SELECT open_since FROM counter WHERE number = 1").fetchone()
    assert issued == called == opened == clock().strftime("%Y-%m-%d %H:%M:%S.%f")
    assert logged == [opened, opened]  # the issue's entry and the call's
    assert day == shown.service_day.isoformat()
    assert find_ticket(ctx, shown.number).issued_at == shown.issued_at == clock()
    assert called_view is not None and called_view.service_day == shown.service_day
    assert called_view.issued_at == called_view.called_at == clock()
    assert called_view.issued_at.tzinfo is UTC and called_view.called_at.tzinfo is UTC
    calling.no_show(ctx, ticket_id=shown.id, actor=CLI_ACTOR)
    with ctx.db.engine.connect() as conn:
        before, after = conn.connection.driver_connection.execute(
            "SELECT before, after FROM audit_entry WHERE action = 'no_show' AND entity_id = ?",
            (shown.id,),
        ).fetchone()
    # The audit's form of a time is ticket_state's: UTC, ISO 8601 with its offset.
    assert json.loads(before)["called_at"] == json.loads(after)["called_at"] == clock().isoformat()
    assert json.loads(after)["status"] == "no_show"
